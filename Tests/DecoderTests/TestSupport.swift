import Foundation
import XCTest

/// Locations shared by the decoder tests.
enum TestPaths {
    /// The package root, found from this file's path.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let modelPath = packageRoot.appendingPathComponent("models/SmolLM2-135M-Instruct.Q4_1.gguf").path
    static let fixtures = packageRoot.appendingPathComponent("Tests/DecoderTests/Fixtures")
    static let datasets = packageRoot.appendingPathComponent("../shared/datasets").standardized

    static func requireModel() throws -> String {
        guard FileManager.default.fileExists(atPath: modelPath) else {
            throw XCTSkip("model absent: run scripts/fetch-model.sh")
        }
        return modelPath
    }
}

/// Writes small GGUF v3 images for tests.
struct GGUFImageWriter {
    var bytes: [UInt8] = []
    mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
    mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
    mutating func f32(_ v: Float) { u32(v.bitPattern) }
    mutating func str(_ s: String) { u64(UInt64(s.utf8.count)); bytes += Array(s.utf8) }

    /// A GGUF with a few metadata keys of each kind and `tensors` F32 tensors (name, shape, values).
    static func image(tensors: [(String, [Int], [Float])], extraStrings: [String: String] = [:]) -> [UInt8] {
        var w = GGUFImageWriter()
        w.u32(0x4655_4747); w.u32(3)
        w.u64(UInt64(tensors.count))
        w.u64(UInt64(3 + extraStrings.count))
        w.str("general.architecture"); w.u32(8); w.str("llama")
        w.str("llama.block_count"); w.u32(4); w.u32(2)
        w.str("tokenizer.ggml.tokens"); w.u32(9); w.u32(8); w.u64(3); w.str("a"); w.str("b"); w.str("ab")
        for (k, v) in extraStrings.sorted(by: { $0.key < $1.key }) { w.str(k); w.u32(8); w.str(v) }
        var offset = 0
        for (name, shape, values) in tensors {
            w.str(name); w.u32(UInt32(shape.count))
            for d in shape { w.u64(UInt64(d)) }
            w.u32(0); w.u64(UInt64(offset))
            offset += (values.count * 4 + 31) / 32 * 32
        }
        while w.bytes.count % 32 != 0 { w.bytes.append(0) }
        for (_, _, values) in tensors {
            for v in values { w.f32(v) }
            while w.bytes.count % 32 != 0 { w.bytes.append(0) }
        }
        return w.bytes
    }
}

