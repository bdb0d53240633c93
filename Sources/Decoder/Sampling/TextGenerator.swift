/// Settings for `TextGenerator.generate`.
public struct GenerationOptions: Sendable {
    public var maxTokens: Int = 128
    public var temperature: Float = 0
    public var topK: Int = 0
    public var topP: Float = 1
    public var minP: Float = 0
    public var repetitionPenalty: Float = 1
    public var seed: UInt64 = 0
    /// Independent samples of the same prompt; they share one prefill.
    public var samples: Int = 1
    /// Stop a sample at an end-of-turn / end-of-text token.
    public var stopAtEndOfGeneration = true
    public init() {}
}

/// One generated sequence.
public struct GeneratedSample: Sendable {
    public var tokens: [Int32]
    public var text: String
    /// Whether it ended with an end-of-generation token (which is not in `tokens`).
    public var finished: Bool
}

/// Runs prompt prefill once, forks the KV cache into `samples` sequences and decodes them
/// together, one batched forward pass per step.
public struct TextGenerator {
    public let model: LanguageModel
    public init(model: LanguageModel) { self.model = model }

    /// The sampler chain for sample `index` (seeds differ per sample, deterministically).
    static func chain(_ o: GenerationOptions, index: Int) -> SamplerChain {
        var mix = SeededGenerator(seed: o.seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
        return .standard(temperature: o.temperature, topK: o.topK, topP: o.topP, minP: o.minP,
                         repetitionPenalty: o.repetitionPenalty, seed: mix.next())
    }

    /// Generates from `prompt` tokens. `onToken(sample, token)` is called as each token is chosen.
    public func generate(prompt: [Int32], options o: GenerationOptions,
                         onToken: (Int, Int32) -> Void = { _, _ in }) -> [GeneratedSample] {
        precondition(!prompt.isEmpty, "empty prompt")
        let vocab = model.config.vocabularySize
        let n = max(1, o.samples)
        let maxNew = max(0, min(o.maxTokens, model.contextCapacity - prompt.count))
        let base = model.makeCache(capacity: prompt.count)
        let logits = UnsafeMutablePointer<Float>.allocate(capacity: n * vocab)
        defer { logits.deallocate() }
        model.forward(tokens: prompt, caches: Array(repeating: base, count: prompt.count), logitRows: [prompt.count - 1], logits: logits)
        var chains = (0..<n).map { Self.chain(o, index: $0) }
        var histories = Array(repeating: prompt, count: n)
        var outputs = Array(repeating: [Int32](), count: n)
        var finished = Array(repeating: false, count: n)
        let caches = (0..<n).map { _ in base.fork(additional: maxNew) }
        var active = Array(0..<n)
        // The first token of every sample comes from the shared prompt logits.
        var rowOf = Array(repeating: 0, count: n)
        var step = 0
        while !active.isEmpty && step < maxNew {
            var next: [Int] = []
            var tokens: [Int32] = []
            for s in active {
                let t = chains[s].sample(logits: logits + rowOf[s] * vocab, count: vocab, history: histories[s])
                if o.stopAtEndOfGeneration && model.tokenizer.endOfGenerationTokens.contains(t) {
                    finished[s] = true
                    continue
                }
                onToken(s, t)
                outputs[s].append(t)
                histories[s].append(t)
                if step + 1 < maxNew { next.append(s); tokens.append(t) }
            }
            step += 1
            active = next
            guard !active.isEmpty else { break }
            model.forward(tokens: tokens, caches: active.map { caches[$0] }, logitRows: Array(0..<active.count), logits: logits)
            for (row, s) in active.enumerated() { rowOf[s] = row }
        }
        return (0..<n).map { GeneratedSample(tokens: outputs[$0], text: model.tokenizer.decode(outputs[$0]), finished: finished[$0]) }
    }
}
