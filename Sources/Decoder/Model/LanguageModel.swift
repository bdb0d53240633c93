import CBLAS
import Foundation

/// A llama-architecture (llama, qwen2) language model loaded from a GGUF file, with its
/// tokenizer and chat template.
///
/// `forward` is the whole transformer: RMSNorm, RoPE (normal or NEOX ordering), grouped-query
/// attention over each token's own `KVCache`, SwiGLU, tied or separate output embedding. All
/// activation buffers are allocated once here; a forward pass allocates nothing.
public final class LanguageModel: @unchecked Sendable {
    public let config: ModelConfig
    public let tokenizer: Tokenizer
    public let chatTemplate: ChatTemplate
    /// Worker threads for matrix products and attention.
    public let threads: Int
    /// Largest number of tokens evaluated in one pass; longer batches are split.
    public let maxBatch: Int

    struct Layer {
        var attentionNorm: [Float]
        var wq, wk, wv, wo: WeightMatrix
        var bq, bk, bv: [Float]?
        var ffnNorm: [Float]
        var gate, up, down: WeightMatrix
        /// Low-rank adapter updates of the projections, if an adapter is applied.
        var deltaQ, deltaK, deltaV, deltaO, deltaGate, deltaUp, deltaDown: LowRankAdapter.Update?
    }

    let file: GGUFFile
    let layers: [Layer]
    let embedding: WeightMatrix
    let output: WeightMatrix
    let outputNorm: [Float]
    let scratch: MatmulScratch
    let ropeFrequencies: [Float]

    // Activations, (maxBatch, width) row-major.
    private let x: UnsafeMutablePointer<Float>        // (maxBatch, dim) residual stream
    private let xb: UnsafeMutablePointer<Float>       // (maxBatch, dim) normed input
    private let q: UnsafeMutablePointer<Float>        // (maxBatch, dim)
    private let k: UnsafeMutablePointer<Float>        // (maxBatch, kvDim)
    private let v: UnsafeMutablePointer<Float>        // (maxBatch, kvDim)
    private let attended: UnsafeMutablePointer<Float> // (maxBatch, dim)
    private let hb: UnsafeMutablePointer<Float>       // (maxBatch, ffn)
    private let hb2: UnsafeMutablePointer<Float>      // (maxBatch, ffn)
    private let scores: UnsafeMutablePointer<Float>   // (threads, scoreCapacity)
    private var scoreCapacity: Int
    private let ropeCos: UnsafeMutablePointer<Float>  // (maxBatch, ropeDim / 2)
    private let ropeSin: UnsafeMutablePointer<Float>  // (maxBatch, ropeDim / 2)
    private let adapterTemp: UnsafeMutablePointer<Float> // (maxBatch, adapter rank)
    /// The adapter applied on top of the weights, if any.
    public let adapter: LowRankAdapter?

    /// Loads the model at `path`. `contextCapacity` bounds the positions attention can see.
    /// With an `adapter`, its low-rank updates are added to the projections it names; its shapes
    /// are checked against the model (an error names the offending tensor).
    public init(path: String, threads: Int = 1, maxBatch: Int = 64, contextCapacity: Int = 4096,
                adapter: LowRankAdapter? = nil) throws {
        let f = try GGUFFile(path: path)
        file = f
        let c = try ModelConfig(gguf: f)
        config = c
        tokenizer = try Tokenizer(gguf: f)
        chatTemplate = ChatTemplate(templateText: f.metadata["tokenizer.chat_template"]?.stringValue)
        self.threads = max(1, threads)
        self.maxBatch = max(1, maxBatch)
        openblas_set_num_threads(1)

        func matrix(_ name: String, rows: Int, columns: Int) throws -> WeightMatrix {
            let t = try f.tensor(name)
            guard t.rowLength == columns, t.rowCount == rows else {
                throw GGUFError(offset: 0, "tensor \(name) has shape \(t.shape), expected [\(columns), \(rows)]")
            }
            return WeightMatrix(t)
        }
        func vector(_ name: String, _ n: Int) throws -> [Float] {
            let t = try f.tensor(name)
            guard t.elementCount == n else { throw GGUFError(offset: 0, "tensor \(name) has \(t.elementCount) elements, expected \(n)") }
            var out = [Float](repeating: 0, count: n)
            out.withUnsafeMutableBufferPointer { t.type.dequantize(t.data, count: n, into: $0.baseAddress!) }
            return out
        }
        let dim = c.embeddingLength, kv = c.kvDimension, ff = c.feedForwardLength
        guard c.vocabularySize > 0 else { throw GGUFError(offset: 0, "no vocabulary") }
        embedding = try matrix("token_embd.weight", rows: c.vocabularySize, columns: dim)
        output = f.tensors["output.weight"] != nil ? try matrix("output.weight", rows: c.vocabularySize, columns: dim) : embedding
        outputNorm = try vector("output_norm.weight", dim)
        var layers = try (0..<c.layerCount).map { i in
            let p = "blk.\(i)."
            return Layer(
                attentionNorm: try vector(p + "attn_norm.weight", dim),
                wq: try matrix(p + "attn_q.weight", rows: dim, columns: dim),
                wk: try matrix(p + "attn_k.weight", rows: kv, columns: dim),
                wv: try matrix(p + "attn_v.weight", rows: kv, columns: dim),
                wo: try matrix(p + "attn_output.weight", rows: dim, columns: dim),
                bq: f.tensors[p + "attn_q.bias"] != nil ? try vector(p + "attn_q.bias", dim) : nil,
                bk: f.tensors[p + "attn_k.bias"] != nil ? try vector(p + "attn_k.bias", kv) : nil,
                bv: f.tensors[p + "attn_v.bias"] != nil ? try vector(p + "attn_v.bias", kv) : nil,
                ffnNorm: try vector(p + "ffn_norm.weight", dim),
                gate: try matrix(p + "ffn_gate.weight", rows: ff, columns: dim),
                up: try matrix(p + "ffn_up.weight", rows: ff, columns: dim),
                down: try matrix(p + "ffn_down.weight", rows: dim, columns: ff))
        }
        if let adapter {
            try adapter.validate(layerCount: c.layerCount) { name in
                guard LowRankAdapter.isProjectionName(name) else { return nil }
                let parts = name.split(separator: ".")
                guard let i = Int(parts[1]), i < c.layerCount else { return nil }
                let l = layers[i]
                switch parts[2] {
                case "attn_q": return (l.wq.rows, l.wq.columns)
                case "attn_k": return (l.wk.rows, l.wk.columns)
                case "attn_v": return (l.wv.rows, l.wv.columns)
                case "attn_output": return (l.wo.rows, l.wo.columns)
                case "ffn_gate": return (l.gate.rows, l.gate.columns)
                case "ffn_up": return (l.up.rows, l.up.columns)
                default: return (l.down.rows, l.down.columns)
                }
            }
            layers = layers.enumerated().map { i, layer in
                var l = layer
                let u = adapter.updates, p = "blk.\(i)."
                l.deltaQ = u[p + "attn_q.weight"]; l.deltaK = u[p + "attn_k.weight"]; l.deltaV = u[p + "attn_v.weight"]
                l.deltaO = u[p + "attn_output.weight"]; l.deltaGate = u[p + "ffn_gate.weight"]
                l.deltaUp = u[p + "ffn_up.weight"]; l.deltaDown = u[p + "ffn_down.weight"]
                return l
            }
        }
        self.adapter = adapter
        adapterTemp = .allocate(capacity: max(1, self.maxBatch * (adapter?.maxRank ?? 0)))
        self.layers = layers
        scratch = MatmulScratch(threads: self.threads, maxColumns: max(dim, ff), maxBatch: self.maxBatch)
        ropeFrequencies = (0..<(c.ropeDimension / 2)).map { i in pow(c.ropeBase, -2 * Float(i) / Float(c.ropeDimension)) }
        let b = self.maxBatch
        x = .allocate(capacity: b * dim); xb = .allocate(capacity: b * dim); q = .allocate(capacity: b * dim)
        k = .allocate(capacity: b * kv); v = .allocate(capacity: b * kv); attended = .allocate(capacity: b * dim)
        hb = .allocate(capacity: b * ff); hb2 = .allocate(capacity: b * ff)
        scoreCapacity = max(contextCapacity, 1)
        scores = .allocate(capacity: self.threads * scoreCapacity)
        ropeCos = .allocate(capacity: b * c.ropeDimension / 2); ropeSin = .allocate(capacity: b * c.ropeDimension / 2)
    }

    deinit {
        for p in [x, xb, q, k, v, attended, hb, hb2, scores, ropeCos, ropeSin, adapterTemp] { p.deallocate() }
    }

    /// A new empty KV cache for this model.
    public func makeCache(capacity: Int) -> KVCache {
        KVCache(config: config, capacity: min(capacity, scoreCapacity))
    }

    /// The largest position + 1 attention supports.
    public var contextCapacity: Int { scoreCapacity }

    /// Evaluates a batch: token `tokens[i]` is appended to `caches[i]` (at position
    /// `caches[i].length`). Several entries may share one cache (a prompt), in order.
    /// For each index in `logitRows` (ascending), writes `vocabularySize` logits to
    /// consecutive places in `logits`.
    public func forward(tokens: [Int32], caches: [KVCache], logitRows: [Int], logits: UnsafeMutablePointer<Float>) {
        precondition(tokens.count == caches.count)
        var positions: [Int] = []
        positions.reserveCapacity(tokens.count)
        var pending: [ObjectIdentifier: Int] = [:]
        for c in caches {
            let p = c.length + pending[ObjectIdentifier(c), default: 0]
            precondition(p < c.capacity && p < scoreCapacity, "KV cache full")
            positions.append(p)
            pending[ObjectIdentifier(c), default: 0] += 1
        }
        var start = 0
        var logitOut = logits
        var rowIndex = 0
        while start < tokens.count {
            let end = min(tokens.count, start + maxBatch)
            var rows: [Int] = []
            while rowIndex < logitRows.count && logitRows[rowIndex] < end {
                rows.append(logitRows[rowIndex] - start); rowIndex += 1
            }
            forwardChunk(tokens: tokens[start..<end], positions: positions[start..<end], caches: caches[start..<end], logitRows: rows, logits: logitOut)
            logitOut += rows.count * config.vocabularySize
            start = end
        }
        for c in caches { c.length += 1 }
    }

    private func forwardChunk(tokens: ArraySlice<Int32>, positions: ArraySlice<Int>, caches: ArraySlice<KVCache>,
                              logitRows: [Int], logits: UnsafeMutablePointer<Float>) {
        let c = config, dim = c.embeddingLength, kvDim = c.kvDimension, ff = c.feedForwardLength
        let n = tokens.count, hd = c.headDimension, threads = self.threads
        let tokens = Array(tokens), positions = Array(positions), caches = Array(caches)
        for (t, token) in tokens.enumerated() {
            precondition(token >= 0 && Int(token) < c.vocabularySize, "token id out of range")
            embedding.dequantizeRow(Int(token), into: x + t * dim)
        }
        let halfRope = c.ropeDimension / 2
        for t in 0..<n {
            let pos = Float(positions[t])
            for i in 0..<halfRope {
                let theta = pos * ropeFrequencies[i]
                ropeCos[t * halfRope + i] = cos(theta); ropeSin[t * halfRope + i] = sin(theta)
            }
        }
        let scale = 1 / Float(hd).squareRoot()
        let group = c.headCount / c.kvHeadCount
        for (l, layer) in layers.enumerated() {
            // Attention.
            rmsNorm(x, layer.attentionNorm, into: xb, rows: n)
            layer.wq.multiply(xb, batch: n, into: q, scratch: scratch, threads: threads)
            layer.wk.multiply(xb, batch: n, into: k, scratch: scratch, threads: threads)
            layer.wv.multiply(xb, batch: n, into: v, scratch: scratch, threads: threads)
            layer.deltaQ?.apply(xb, batch: n, into: q, temp: adapterTemp)
            layer.deltaK?.apply(xb, batch: n, into: k, temp: adapterTemp)
            layer.deltaV?.apply(xb, batch: n, into: v, temp: adapterTemp)
            if let b = layer.bq { addBias(q, b, rows: n) }
            if let b = layer.bk { addBias(k, b, rows: n) }
            if let b = layer.bv { addBias(v, b, rows: n) }
            for t in 0..<n {
                rope(q + t * dim, heads: c.headCount, t: t)
                rope(k + t * kvDim, heads: c.kvHeadCount, t: t)
                caches[t].key(layer: l, position: positions[t]).update(from: k + t * kvDim, count: kvDim)
                caches[t].value(layer: l, position: positions[t]).update(from: v + t * kvDim, count: kvDim)
            }
            let jobs = n * c.headCount
            scratch.parallel(threads) { worker in
                let sc = self.scores + worker * self.scoreCapacity
                var job = worker
                while job < jobs {
                    let t = job / c.headCount, h = job % c.headCount, kvh = h / group
                    let cache = caches[t], pos = positions[t]
                    let qh = self.q + t * dim + h * hd
                    var maxScore = -Float.infinity
                    for p in 0...pos {
                        let s = dotF32(qh, cache.key(layer: l, position: p) + kvh * hd, count: hd) * scale
                        sc[p] = s
                        maxScore = max(maxScore, s)
                    }
                    var sum: Float = 0
                    for p in 0...pos { let e = exp(sc[p] - maxScore); sc[p] = e; sum += e }
                    let out = self.attended + t * dim + h * hd
                    out.initialize(repeating: 0, count: hd)
                    let inv = 1 / sum
                    for p in 0...pos {
                        axpy(sc[p] * inv, cache.value(layer: l, position: p) + kvh * hd, out, count: hd)
                    }
                    job += threads
                }
            }
            layer.wo.multiply(attended, batch: n, into: xb, scratch: scratch, threads: threads)
            layer.deltaO?.apply(attended, batch: n, into: xb, temp: adapterTemp)
            add(xb, into: x, count: n * dim)
            // Feed-forward (SwiGLU).
            rmsNorm(x, layer.ffnNorm, into: xb, rows: n)
            layer.gate.multiply(xb, batch: n, into: hb, scratch: scratch, threads: threads)
            layer.up.multiply(xb, batch: n, into: hb2, scratch: scratch, threads: threads)
            layer.deltaGate?.apply(xb, batch: n, into: hb, temp: adapterTemp)
            layer.deltaUp?.apply(xb, batch: n, into: hb2, temp: adapterTemp)
            for i in 0..<(n * ff) { let g = hb[i]; hb[i] = g / (1 + exp(-g)) * hb2[i] }
            layer.down.multiply(hb, batch: n, into: xb, scratch: scratch, threads: threads)
            layer.deltaDown?.apply(hb, batch: n, into: xb, temp: adapterTemp)
            add(xb, into: x, count: n * dim)
        }
        guard !logitRows.isEmpty else { return }
        for (i, r) in logitRows.enumerated() { (xb + i * dim).update(from: x + r * dim, count: dim) }
        rmsNorm(xb, outputNorm, into: q, rows: logitRows.count)
        output.multiply(q, batch: logitRows.count, into: logits, scratch: scratch, threads: threads)
    }

    private func rmsNorm(_ src: UnsafeMutablePointer<Float>, _ weight: [Float], into dst: UnsafeMutablePointer<Float>, rows: Int) {
        let dim = config.embeddingLength
        weight.withUnsafeBufferPointer { w in
            for r in 0..<rows {
                let s = src + r * dim, d = dst + r * dim
                let ss = dotF32(s, s, count: dim)
                let inv = 1 / (ss / Float(dim) + config.rmsEpsilon).squareRoot()
                for i in 0..<dim { d[i] = s[i] * inv * w[i] }
            }
        }
    }

    private func addBias(_ p: UnsafeMutablePointer<Float>, _ b: [Float], rows: Int) {
        for r in 0..<rows { for i in 0..<b.count { p[r * b.count + i] += b[i] } }
    }

    private func rope(_ p: UnsafeMutablePointer<Float>, heads: Int, t: Int) {
        let hd = config.headDimension, half = config.ropeDimension / 2, neox = config.ropeIsNeox
        let cs = ropeCos + t * half, sn = ropeSin + t * half
        for h in 0..<heads {
            let v = p + h * hd
            for i in 0..<half {
                let (a, b) = neox ? (i, i + half) : (2 * i, 2 * i + 1)
                let x0 = v[a], x1 = v[b]
                v[a] = x0 * cs[i] - x1 * sn[i]
                v[b] = x0 * sn[i] + x1 * cs[i]
            }
        }
    }
}

@inline(__always) func add(_ src: UnsafePointer<Float>, into dst: UnsafeMutablePointer<Float>, count: Int) {
    for i in 0..<count { dst[i] += src[i] }
}

@inline(__always) func axpy(_ a: Float, _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, count: Int) {
    for i in 0..<count { y[i] += a * x[i] }
}
