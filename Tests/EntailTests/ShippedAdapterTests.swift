import Decoder
import Foundation
import XCTest

/// The shipped translation adapter (`adapters/fol-lora.gguf`): its SHA-256 matches the
/// committed `.sha256` file, it is at most 10 MB, and it has the documented layout.
final class ShippedAdapterTests: XCTestCase {
    static let adapter = TestPaths.packageRoot.appendingPathComponent("adapters/fol-lora.gguf").path

    func testHashMatchesTheCommittedChecksum() throws {
        guard FileManager.default.fileExists(atPath: Self.adapter) else { throw XCTSkip("no adapters/fol-lora.gguf") }
        let expected = try String(contentsOfFile: Self.adapter + ".sha256", encoding: .utf8)
            .split(whereSeparator: \.isWhitespace).first.map(String.init)
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sha256sum") else { throw XCTSkip("no sha256sum") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [Self.adapter]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(output.split(separator: " ").first.map(String.init), expected)
    }

    func testLayoutIsTheDocumentedLoRAFormat() throws {
        guard FileManager.default.fileExists(atPath: Self.adapter) else { throw XCTSkip("no adapters/fol-lora.gguf") }
        let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: Self.adapter)[.size] as? Int)
        XCTAssertLessThanOrEqual(size, 10_000_000)
        let file = try GGUFFile(path: Self.adapter)
        XCTAssertEqual(file.version, 3)
        XCTAssertEqual(file.metadata["general.type"]?.stringValue, "adapter")
        XCTAssertEqual(file.metadata["adapter.type"]?.stringValue, "lora")
        let alpha = try XCTUnwrap(file.metadata["adapter.lora.alpha"]?.doubleValue)
        XCTAssertGreaterThan(alpha, 0)
        let bases = ["attn_q", "attn_k", "attn_v", "attn_output", "ffn_gate", "ffn_up", "ffn_down"]
        let (width, kv, ff) = (576, 192, 1536)
        let shapes: [String: (Int, Int)] = ["attn_q": (width, width), "attn_k": (width, kv), "attn_v": (width, kv),
                                            "attn_output": (width, width), "ffn_gate": (width, ff),
                                            "ffn_up": (width, ff), "ffn_down": (ff, width)]
        XCTAssertEqual(file.tensors.count, 30 * bases.count * 2)
        var rank: Int?
        for block in 0..<30 {
            for base in bases {
                let a = try XCTUnwrap(file.tensors["blk.\(block).\(base).weight.lora_a"], "blk.\(block).\(base)")
                let b = try XCTUnwrap(file.tensors["blk.\(block).\(base).weight.lora_b"], "blk.\(block).\(base)")
                let (nIn, nOut) = shapes[base]!
                rank = rank ?? a.shape[1]
                XCTAssertEqual(a.shape, [nIn, rank!], "lora_a is [n_in, r]")
                XCTAssertEqual(b.shape, [rank!, nOut], "lora_b is [r, n_out]")
                XCTAssertEqual(a.type, .f16)
                XCTAssertEqual(b.type, .f16)
            }
        }
    }
}

/// The shipped adapter loads into the decoder and changes what the bundled model says.
final class ShippedAdapterLoadingTests: XCTestCase {
    func testAdapterLoadsAndChangesTheModel() throws {
        let adapterPath = ShippedAdapterTests.adapter
        guard FileManager.default.fileExists(atPath: adapterPath) else { throw XCTSkip("no adapters/fol-lora.gguf") }
        let adapter = try LowRankAdapter(path: adapterPath)
        XCTAssertEqual(adapter.updates.count, 30 * 7)
        let modelPath = TestPaths.packageRoot.appendingPathComponent("models/" + DefaultModel.fileName).path
        guard FileManager.default.fileExists(atPath: modelPath) else { throw XCTSkip("no bundled model") }
        let base = try LanguageModel(path: modelPath, maxBatch: 32, contextCapacity: 256)
        let tuned = try LanguageModel(path: modelPath, maxBatch: 32, contextCapacity: 256, adapter: adapter)
        let prompt = "Translate each English sentence into first-order logic. Reuse the known predicates and constants.\n\nKnown: predicates: none; constants: none\nEnglish: Every dog barks.\nFOL:"
        func logits(_ model: LanguageModel) -> [Float] {
            let tokens = model.tokenizer.encode(prompt, parseSpecial: false)
            let cache = model.makeCache(capacity: tokens.count)
            var out = [Float](repeating: 0, count: model.config.vocabularySize)
            out.withUnsafeMutableBufferPointer { buffer in
                model.forward(tokens: tokens, caches: Array(repeating: cache, count: tokens.count),
                              logitRows: [tokens.count - 1], logits: buffer.baseAddress!)
            }
            return out
        }
        let a = logits(base), b = logits(tuned)
        let largest = zip(a, b).map { abs($0 - $1) }.max() ?? 0
        XCTAssertGreaterThan(largest, 0.5, "the adapter should move the logits")
        XCTAssertTrue(b.allSatisfy(\.isFinite))
    }
}
