/// A LoRA adapter in llama.cpp's GGUF layout, applied on top of a model's projection weights.
///
/// The file is a GGUF (v2/v3) with metadata `general.type = "adapter"`, `adapter.type = "lora"`
/// and `adapter.lora.alpha`. For a base tensor `blk.N.{attn_q,attn_k,attn_v,attn_output,
/// ffn_gate,ffn_up,ffn_down}.weight` it holds `<name>.lora_a` (GGUF shape [n_in, r]: r rows of
/// length n_in) and `<name>.lora_b` (shape [r, n_out]: n_out rows of length r), F32 or F16. Any
/// subset of the projections may be adapted. The effective weight is W + (alpha / r) · B · A; the
/// forward pass adds (alpha / r) · B (A x) to W x instead of merging, because a merged
/// delta would be lost in re-quantization.
public struct LowRankAdapter: Sendable {
    /// One adapted projection.
    public struct Update: Sendable {
        /// The base tensor's name, e.g. `blk.3.attn_q.weight`.
        public let target: String
        public let rank: Int
        public let inputs: Int
        public let outputs: Int
        /// `alpha / rank`.
        public let scale: Float
        /// A: `rank` rows of `inputs` values, row-major.
        public let down: [Float]
        /// B: `outputs` rows of `rank` values, row-major.
        public let up: [Float]
    }

    /// The projections an adapter may touch (the suffix after `blk.N.`).
    public static let projectionNames = ["attn_q", "attn_k", "attn_v", "attn_output", "ffn_gate", "ffn_up", "ffn_down"]

    public let alpha: Float
    /// Updates by base tensor name.
    public let updates: [String: Update]

    /// Largest rank among the updates (0 if none).
    public var maxRank: Int { updates.values.map(\.rank).max() ?? 0 }

    /// An adapter of rank `rank` on every projection of every layer of a model shaped like
    /// `config`, with small seeded random values (for benchmarks).
    public static func random(rank: Int, alpha: Float = 16, config c: ModelConfig, seed: UInt64) -> LowRankAdapter {
        var rng = SeededGenerator(seed: seed)
        var updates: [String: Update] = [:]
        let dim = c.embeddingLength, kv = c.kvDimension, ff = c.feedForwardLength
        let shapes: [(String, Int, Int)] = [("attn_q", dim, dim), ("attn_k", dim, kv), ("attn_v", dim, kv), ("attn_output", dim, dim),
                                            ("ffn_gate", dim, ff), ("ffn_up", dim, ff), ("ffn_down", ff, dim)]
        for l in 0..<c.layerCount {
            for (name, inputs, outputs) in shapes {
                let target = "blk.\(l).\(name).weight"
                updates[target] = Update(target: target, rank: rank, inputs: inputs, outputs: outputs, scale: alpha / Float(rank),
                                         down: (0..<(rank * inputs)).map { _ in Float.random(in: -0.01...0.01, using: &rng) },
                                         up: (0..<(outputs * rank)).map { _ in Float.random(in: -0.01...0.01, using: &rng) })
            }
        }
        return LowRankAdapter(alpha: alpha, updates: updates)
    }

    private init(alpha: Float, updates: [String: Update]) {
        self.alpha = alpha
        self.updates = updates
    }

    /// Reads and checks the adapter at `path`: a truncated or hostile file is a `GGUFError`.
    public init(path: String) throws {
        try self.init(gguf: GGUFFile(path: path))
    }

    /// Parses an adapter image held in memory.
    public init(bytes: [UInt8]) throws {
        try self.init(gguf: GGUFFile(bytes: bytes))
    }

    init(gguf f: GGUFFile) throws {
        guard f.metadata["general.type"]?.stringValue == "adapter" else {
            throw GGUFError(offset: 0, "not an adapter: general.type must be \"adapter\"")
        }
        guard f.metadata["adapter.type"]?.stringValue == "lora" else {
            throw GGUFError(offset: 0, "unsupported adapter: adapter.type must be \"lora\"")
        }
        guard let a = f.metadata["adapter.lora.alpha"]?.doubleValue, a.isFinite, abs(a) < 1e6 else {
            throw GGUFError(offset: 0, "adapter.lora.alpha is missing or not a finite number")
        }
        alpha = Float(a)
        var targets: [String] = []
        for name in f.tensorNames {
            let target: String
            if name.hasSuffix(".lora_a") { target = String(name.dropLast(7)) } else if name.hasSuffix(".lora_b") {
                target = String(name.dropLast(7))
            } else {
                throw GGUFError(offset: 0, "tensor \(name) is neither a .lora_a nor a .lora_b tensor")
            }
            if !targets.contains(target) { targets.append(target) }
        }
        var updates: [String: Update] = [:]
        for target in targets {
            guard Self.isProjectionName(target) else {
                throw GGUFError(offset: 0, "tensor \(target).lora_a/b adapts \(target), which is not a supported projection")
            }
            guard let ta = f.tensors[target + ".lora_a"] else { throw GGUFError(offset: 0, "tensor \(target).lora_a is missing") }
            guard let tb = f.tensors[target + ".lora_b"] else { throw GGUFError(offset: 0, "tensor \(target).lora_b is missing") }
            for t in [ta, tb] {
                guard t.type == .f32 || t.type == .f16 else {
                    throw GGUFError(offset: 0, "tensor \(t.name) has type \(t.type.name); adapters use F32 or F16")
                }
                guard t.shape.count == 2, t.shape.allSatisfy({ $0 > 0 }) else {
                    throw GGUFError(offset: 0, "tensor \(t.name) has shape \(t.shape); expected two positive dimensions")
                }
            }
            let rank = ta.rowCount
            guard tb.rowLength == rank else {
                throw GGUFError(offset: 0, "tensor \(tb.name) has shape \(tb.shape) but \(ta.name) has rank \(rank)")
            }
            guard rank <= 4096 else { throw GGUFError(offset: 0, "tensor \(ta.name) has rank \(rank) (at most 4096)") }
            func values(_ t: GGUFTensor) throws -> [Float] {
                var out = [Float](repeating: 0, count: t.elementCount)
                out.withUnsafeMutableBufferPointer { t.type.dequantize(t.data, count: t.elementCount, into: $0.baseAddress!) }
                guard out.allSatisfy(\.isFinite) else { throw GGUFError(offset: 0, "tensor \(t.name) holds a non-finite value") }
                return out
            }
            updates[target] = Update(target: target, rank: rank, inputs: ta.rowLength, outputs: tb.rowCount,
                                     scale: alpha / Float(rank), down: try values(ta), up: try values(tb))
        }
        self.updates = updates
    }

    /// Whether `name` is `blk.N.<projection>.weight`.
    static func isProjectionName(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "blk", parts[3] == "weight", let n = Int(parts[1]), n >= 0,
              String(n) == parts[1] else { return false }
        return projectionNames.contains(String(parts[2]))
    }

    /// Checks every update against the model's layer count and projection shapes.
    func validate(layerCount: Int, shape: (String) -> (rows: Int, columns: Int)?) throws {
        for (target, u) in updates.sorted(by: { $0.key < $1.key }) {
            guard let s = shape(target) else {
                throw GGUFError(offset: 0, "adapter tensor \(target).lora_a adapts \(target), which the model does not have")
            }
            guard u.inputs == s.columns else {
                throw GGUFError(offset: 0, "adapter tensor \(target).lora_a has rows of \(u.inputs) values; \(target) has \(s.columns) columns")
            }
            guard u.outputs == s.rows else {
                throw GGUFError(offset: 0, "adapter tensor \(target).lora_b has \(u.outputs) rows; \(target) has \(s.rows) rows")
            }
        }
    }
}

import CBLAS

extension LowRankAdapter.Update {
    /// Adds `scale · B (A x_t)` to `y[t * outputs ..]` for each of `batch` input rows `x[t * inputs ..]`.
    /// `temp` holds at least `batch · rank` floats.
    func apply(_ x: UnsafePointer<Float>, batch: Int, into y: UnsafeMutablePointer<Float>, temp: UnsafeMutablePointer<Float>) {
        down.withUnsafeBufferPointer { a in
            up.withUnsafeBufferPointer { b in
                let a = a.baseAddress!, b = b.baseAddress!
                if batch < 4 {
                    for t in 0..<batch {
                        let xt = x + t * inputs, h = temp + t * rank, yt = y + t * outputs
                        for k in 0..<rank { h[k] = scale * dotF32(a + k * inputs, xt, count: inputs) }
                        for o in 0..<outputs { yt[o] += dotF32(b + o * rank, h, count: rank) }
                    }
                } else {
                    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(batch), Int32(rank), Int32(inputs),
                                scale, x, Int32(inputs), a, Int32(inputs), 0, temp, Int32(rank))
                    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(batch), Int32(outputs), Int32(rank),
                                1, temp, Int32(rank), b, Int32(rank), 1, y, Int32(outputs))
                }
            }
        }
    }
}
