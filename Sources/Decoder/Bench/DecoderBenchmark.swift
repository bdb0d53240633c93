import Foundation

/// What a benchmark row measures.
public enum DecoderBenchmarkKind: Sendable, Hashable {
    /// Prompt processing of `n` tokens.
    case prompt(Int)
    /// Generation of `n` tokens, one at a time.
    case generation(Int)
    /// `sequences` sampled sequences sharing one `prompt`-token prefix, `tokens` each; aggregate rate.
    case shared(sequences: Int, prompt: Int, tokens: Int)
    /// Generation of `n` tokens with a rank-`rank` adapter on every projection (no llama.cpp peer row).
    case adapterGeneration(Int, rank: Int)

    public var label: String {
        switch self {
        case .prompt(let n): "pp\(n)"
        case .generation(let n): "tg\(n)"
        case .shared(let s, let p, let t): "pp\(p)+tg\(t) x\(s)"
        case .adapterGeneration(let n, let r): "tg\(n) lora r\(r)"
        }
    }
}

/// One measured row: the median over repetitions.
public struct DecoderBenchmarkRow: Sendable {
    public var kind: DecoderBenchmarkKind
    public var tokensPerSecond: Double
}

/// Measures this decoder's throughput on a model with synthetic token ids (as llama-bench does).
public struct DecoderBenchmark {
    public let model: LanguageModel
    public let repetitions: Int
    public static let kinds: [DecoderBenchmarkKind] = [
        .prompt(512), .generation(128),
        .shared(sequences: 1, prompt: 256, tokens: 32), .shared(sequences: 4, prompt: 256, tokens: 32),
        .shared(sequences: 8, prompt: 256, tokens: 32), .shared(sequences: 16, prompt: 256, tokens: 32),
        .adapterGeneration(128, rank: 8),
    ]
    let modelPath: String

    public init(modelPath: String, threads: Int, repetitions: Int) throws {
        model = try LanguageModel(path: modelPath, threads: threads, maxBatch: 64, contextCapacity: 1024)
        self.modelPath = modelPath
        self.repetitions = max(1, repetitions)
    }

    public func run(_ kinds: [DecoderBenchmarkKind] = DecoderBenchmark.kinds) -> [DecoderBenchmarkRow] {
        kinds.map { kind in
            let rates = (0..<repetitions).map { _ in measure(kind) }.sorted()
            return DecoderBenchmarkRow(kind: kind, tokensPerSecond: rates[rates.count / 2])
        }
    }

    func tokens(_ n: Int, seed: UInt64) -> [Int32] {
        var g = SeededGenerator(seed: seed)
        return (0..<n).map { _ in Int32(g.next() % UInt64(model.config.vocabularySize)) }
    }

    func measure(_ kind: DecoderBenchmarkKind) -> Double {
        measure(kind, on: model)
    }

    func measure(_ kind: DecoderBenchmarkKind, on model: LanguageModel) -> Double {
        let vocab = model.config.vocabularySize
        switch kind {
        case .adapterGeneration(let n, let rank):
            let adapter = LowRankAdapter.random(rank: rank, config: model.config, seed: 12)
            guard let adapted = try? LanguageModel(path: modelPath, threads: model.threads, maxBatch: 64, contextCapacity: 1024, adapter: adapter)
            else { return 0 }
            return measure(.generation(n), on: adapted)
        case .prompt(let n):
            let cache = model.makeCache(capacity: n)
            let logits = UnsafeMutablePointer<Float>.allocate(capacity: vocab)
            defer { logits.deallocate() }
            let toks = tokens(n, seed: 1)
            let t0 = DispatchTime.now().uptimeNanoseconds
            model.forward(tokens: toks, caches: Array(repeating: cache, count: n), logitRows: [n - 1], logits: logits)
            return Double(n) / (Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
        case .generation(let n):
            let cache = model.makeCache(capacity: n + 1)
            let logits = UnsafeMutablePointer<Float>.allocate(capacity: vocab)
            defer { logits.deallocate() }
            let toks = tokens(n, seed: 2)
            let t0 = DispatchTime.now().uptimeNanoseconds
            for t in toks { model.forward(tokens: [t], caches: [cache], logitRows: [0], logits: logits) }
            return Double(n) / (Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
        case .shared(let s, let p, let g):
            let base = model.makeCache(capacity: p)
            let logits = UnsafeMutablePointer<Float>.allocate(capacity: s * vocab)
            defer { logits.deallocate() }
            model.forward(tokens: tokens(p, seed: 3), caches: Array(repeating: base, count: p), logitRows: [p - 1], logits: logits)
            let caches = (0..<s).map { _ in base.fork(additional: g) }
            let toks = tokens(g * s, seed: 4)
            let t0 = DispatchTime.now().uptimeNanoseconds
            for step in 0..<g {
                model.forward(tokens: Array(toks[(step * s)..<((step + 1) * s)]), caches: caches, logitRows: Array(0..<s), logits: logits)
            }
            return Double(s * g) / (Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
        }
    }
}
