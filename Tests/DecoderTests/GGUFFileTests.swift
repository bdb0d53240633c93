import XCTest
@testable import Decoder

final class GGUFFileTests: XCTestCase {
    func testReadsSyntheticImage() throws {
        let image = GGUFImageWriter.image(tensors: [("w", [4, 2], [1, 2, 3, 4, 5, 6, 7, 8]), ("b", [3], [9, 10, 11])])
        let f = try GGUFFile(bytes: image)
        XCTAssertEqual(f.version, 3)
        XCTAssertEqual(try f.string("general.architecture"), "llama")
        XCTAssertEqual(try f.int("llama.block_count"), 2)
        XCTAssertEqual(f.metadata["tokenizer.ggml.tokens"]?.stringArray, ["a", "b", "ab"])
        let w = try f.tensor("w")
        XCTAssertEqual(w.shape, [4, 2])
        XCTAssertEqual(w.rowCount, 2)
        XCTAssertEqual(w.data.loadUnaligned(fromByteOffset: 28, as: Float.self), 8)
        XCTAssertEqual(try f.tensor("b").data.loadUnaligned(fromByteOffset: 8, as: Float.self), 11)
        XCTAssertEqual(f.tensorNames, ["w", "b"])
    }

    func testRejectsBadMagicAndVersion() {
        var image = GGUFImageWriter.image(tensors: [])
        image[0] = 0x47 ^ 1
        XCTAssertThrowsError(try GGUFFile(bytes: image)) { XCTAssertTrue("\($0)".contains("magic")) }
        image = GGUFImageWriter.image(tensors: [])
        image[4] = 1
        XCTAssertThrowsError(try GGUFFile(bytes: image)) { XCTAssertTrue("\($0)".contains("version")) }
    }

    func testTruncationIsAnErrorAtEveryLength() {
        let image = GGUFImageWriter.image(tensors: [("w", [8, 2], Array(repeating: 1, count: 16))])
        for n in 0..<image.count {
            XCTAssertThrowsError(try GGUFFile(bytes: Array(image[0..<n])), "length \(n)")
        }
        XCTAssertNoThrow(try GGUFFile(bytes: image))
    }

    /// Flips bits, overwrites words with extreme values, and resizes; the reader must only ever
    /// throw or succeed. A crash here fails the whole test run.
    func testFuzzNeverCrashes() {
        let seed = UInt64(ProcessInfo.processInfo.environment["ENTAIL_FUZZ_SEED"] ?? "") ?? 20261122
        var rng = SeededGenerator(seed: seed)
        let image = GGUFImageWriter.image(tensors: [("w", [32, 3], Array(repeating: 0.5, count: 96)), ("x", [5], [1, 2, 3, 4, 5])],
                                          extraStrings: ["tokenizer.ggml.pre": "smollm"])
        var accepted = 0
        for iteration in 0..<4000 {
            var m = image
            switch iteration % 4 {
            case 0:
                for _ in 0..<Int.random(in: 1...4, using: &rng) {
                    let i = Int.random(in: 0..<m.count, using: &rng)
                    m[i] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &rng)
                }
            case 1:
                let i = Int.random(in: 0..<(m.count - 8), using: &rng)
                let v: UInt64 = [UInt64.max, UInt64(Int64.max), 1 << 32, 0, 0xFFFF_FFFF].randomElement(using: &rng)!
                withUnsafeBytes(of: v) { for k in 0..<8 { m[i + k] = $0[k] } }
            case 2:
                m = Array(m[0..<Int.random(in: 0..<m.count, using: &rng)])
            default:
                m += (0..<Int.random(in: 1...64, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            }
            if (try? GGUFFile(bytes: m)) != nil { accepted += 1 }
        }
        print("fuzz seed \(seed): \(accepted) of 4000 mutants accepted")
    }

    func testBundledModelHeaderAndFuzzedPrefixes() throws {
        let path = try TestPaths.requireModel()
        let f = try GGUFFile(path: path)
        XCTAssertEqual(try f.string("general.architecture"), "llama")
        XCTAssertEqual(try f.int("llama.block_count"), 30)
        XCTAssertEqual(try f.int("llama.embedding_length"), 576)
        XCTAssertEqual(try f.string("tokenizer.ggml.pre"), "smollm")
        XCTAssertEqual(f.metadata["tokenizer.ggml.tokens"]?.stringArray?.count, 49152)
        XCTAssertEqual(try f.tensor("token_embd.weight").type, .q8_0)
        // The header (metadata and tensor table) of the real model, truncated and mutated.
        let handle = try XCTUnwrap(FileHandle(forReadingAtPath: path))
        let prefix = [UInt8](handle.readData(ofLength: 2_000_000))
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<60 {
            var m = Array(prefix[0..<Int.random(in: 0..<prefix.count, using: &rng)])
            if !m.isEmpty { m[Int.random(in: 0..<m.count, using: &rng)] ^= 0x40 }
            XCTAssertThrowsError(try GGUFFile(bytes: m))
        }
    }
}
