import Foundation

/// Hyperparameters of a llama-family model, read from GGUF metadata.
public struct ModelConfig: Sendable, Equatable {
    public enum Architecture: String, Sendable { case llama, qwen2 }
    public var architecture: Architecture
    public var layerCount: Int
    public var embeddingLength: Int
    public var feedForwardLength: Int
    public var headCount: Int
    public var kvHeadCount: Int
    public var headDimension: Int
    public var ropeDimension: Int
    public var ropeBase: Float
    public var rmsEpsilon: Float
    public var contextLength: Int
    public var vocabularySize: Int
    /// NEOX ordering rotates pairs (i, i + d/2); the normal ordering rotates (2i, 2i + 1).
    public var ropeIsNeox: Bool { architecture == .qwen2 }
    public var kvDimension: Int { kvHeadCount * headDimension }

    public init(gguf f: GGUFFile) throws {
        let archName = try f.string("general.architecture")
        guard let arch = Architecture(rawValue: archName) else {
            throw GGUFError(offset: 0, "unsupported architecture \(archName) (llama or qwen2)")
        }
        architecture = arch
        let p = archName + "."
        layerCount = try f.int(p + "block_count")
        embeddingLength = try f.int(p + "embedding_length")
        feedForwardLength = try f.int(p + "feed_forward_length")
        headCount = try f.int(p + "attention.head_count")
        kvHeadCount = (try? f.int(p + "attention.head_count_kv")) ?? headCount
        guard (1...1024).contains(layerCount), (1...65536).contains(embeddingLength), (1...262144).contains(feedForwardLength),
              headCount > 0, kvHeadCount > 0, headCount % kvHeadCount == 0, embeddingLength % headCount == 0 else {
            throw GGUFError(offset: 0, "inconsistent hyperparameters")
        }
        headDimension = embeddingLength / headCount
        ropeDimension = (try? f.int(p + "rope.dimension_count")) ?? headDimension
        guard ropeDimension <= headDimension, ropeDimension % 2 == 0 else { throw GGUFError(offset: 0, "bad rope dimension") }
        ropeBase = Float(f.metadata[p + "rope.freq_base"]?.doubleValue ?? 10000)
        rmsEpsilon = Float(f.metadata[p + "attention.layer_norm_rms_epsilon"]?.doubleValue ?? 1e-5)
        contextLength = (try? f.int(p + "context_length")) ?? 2048
        vocabularySize = f.metadata["tokenizer.ggml.tokens"]?.stringArray?.count ?? 0
    }
}

/// Where the bundled default model lives.
public enum DefaultModel {
    public static let fileName = "SmolLM2-135M-Instruct.Q4_1.gguf"
    /// `$ENTAIL_MODEL` if set, else `models/<fileName>` under the current directory.
    public static var path: String {
        if let p = ProcessInfo.processInfo.environment["ENTAIL_MODEL"], !p.isEmpty { return p }
        return FileManager.default.currentDirectoryPath + "/models/" + fileName
    }
}
