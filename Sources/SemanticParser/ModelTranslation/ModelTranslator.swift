import Decoder
import Foundation
import Logic

/// Translates English sentences to first-order formulas with the local model: a few-shot
/// prompt (examples from a data file) plus the shared signature, and decoding under a
/// lexically grounded grammar (`GroundedGrammar`), so every output parses with
/// `FOLParser.parse` and names only words of the sentence or of the signature.
///
/// At each step the grammar mask is applied to the logits before a token is chosen
/// (greedily for the first translation, by seeded sampling at `temperature` for the
/// others). Decoding stops when the formula is complete and the model prefers a newline
/// or end token, or when the grammar allows nothing more.
///
/// The examples are prefilled once, at init, and shared by every sentence. Not safe to
/// use from several threads at once (the model has one set of scratch buffers).
public final class ModelTranslator {
    public let model: LanguageModel
    public let prompt: FewShotPrompt
    /// Token budget per translation.
    public var maxTokens = 96
    /// Sampling temperature for the alternatives after the greedy one.
    public var temperature: Double = 1
    /// Samples drawn when the greedy decode runs out of tokens.
    public var fallbackSamples = 4

    let vocabulary: GrammarVocabulary
    /// Newline-initial tokens and end-of-generation tokens: allowed once the formula is complete.
    let stopTokens: Set<Int32>
    private let examplesCache: KVCache

    /// Loads the prompt (nil: `FewShotPrompt.defaultPath`) and prefills its examples.
    public convenience init(model: LanguageModel, promptFile: String?) throws(ModelTranslationError) {
        try self.init(model: model, prompt: FewShotPrompt(path: promptFile))
    }

    public init(model: LanguageModel, prompt: FewShotPrompt) {
        self.model = model
        self.prompt = prompt
        let tokenizer = model.tokenizer
        let size = model.config.vocabularySize
        var bytes: [[UInt8]] = []
        bytes.reserveCapacity(size)
        var stops = tokenizer.endOfGenerationTokens
        if let eos = tokenizer.eosToken { stops.insert(eos) }
        for id in 0..<size {
            let type = id < tokenizer.tokenTypes.count ? tokenizer.tokenTypes[id] : 3
            // GGUF token types: 3 control, 5 unused; their rendered text is not grammar text.
            let b = (type == 3 || type == 5) ? [] : tokenizer.bytes(of: Int32(id))
            if b.first == UInt8(ascii: "\n") { stops.insert(Int32(id)) }
            bytes.append(b)
        }
        vocabulary = GrammarVocabulary(tokens: bytes, endOfSequence: nil)
        stopTokens = stops
        let tokens = tokenizer.encode(prompt.examples, parseSpecial: false)
        examplesCache = model.makeCache(capacity: tokens.count)
        let logits = UnsafeMutablePointer<Float>.allocate(capacity: size)
        defer { logits.deallocate() }
        if !tokens.isEmpty {
            model.forward(tokens: tokens, caches: Array(repeating: examplesCache, count: tokens.count),
                          logitRows: [tokens.count - 1], logits: logits)
        }
    }

    /// Translates one sentence: the greedy translation first, then up to `samples - 1`
    /// distinct seeded samples (an alternative that fails to finish within the budget is
    /// dropped). If the greedy decode does not finish (it loops), at least
    /// `fallbackSamples` samples are drawn and the first that finishes comes first
    /// (`isGreedy` false). Records the first result's predicates and constants in
    /// `signature`. Throws only when nothing finished.
    ///
    /// For a repair, `note` is shown to the model on a `Note:` line before `FOL:` and the
    /// names in `excluding` are left out of the sentence's grammar.
    public func translate(sentence: String, signature: inout TranslationSignature, samples: Int = 1,
                          seed: UInt64 = 0, note: String? = nil,
                          excluding excluded: Set<String> = []) throws(ModelTranslationError) -> [ModelTranslation] {
        let grounded = GroundedGrammar(sentence: sentence, signature: signature, excluding: excluded)
        guard !grounded.predicates.isEmpty else { throw .noNames(sentence: sentence) }
        let grammar: CompiledGrammar
        do { grammar = try CompiledGrammar(source: grounded.source) } catch { throw .grammar(message: "\(error)") }
        let query = model.tokenizer.encode(prompt.query(sentence: sentence, signature: signature, note: note), parseSpecial: false, addBOS: false)
        let total = examplesCache.length + query.count + maxTokens + 1
        guard total <= model.contextCapacity, !query.isEmpty else {
            throw .sentenceTooLong(tokens: total, capacity: model.contextCapacity)
        }
        let size = model.config.vocabularySize
        let sentenceCache = examplesCache.fork(additional: query.count)
        var first = [Float](repeating: 0, count: size)
        first.withUnsafeMutableBufferPointer { buffer in
            model.forward(tokens: query, caches: Array(repeating: sentenceCache, count: query.count),
                          logitRows: [query.count - 1], logits: buffer.baseAddress!)
        }
        var results: [ModelTranslation] = []
        var greedyError: ModelTranslationError? = nil
        var count = max(1, samples)
        var index = -1
        while index + 1 < count {
            index += 1
            var generator: SeededGenerator? = nil
            if index > 0 { generator = SeededGenerator(seed: seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15) }
            let translation: ModelTranslation
            do {
                translation = try decode(sentence: sentence, grammar: grammar, cache: sentenceCache.fork(additional: maxTokens + 1),
                                         firstLogits: first, generator: &generator)
            } catch {
                if index == 0 {
                    greedyError = error
                    count = max(count, 1 + fallbackSamples)
                }
                continue
            }
            if !results.contains(where: { $0.text == translation.text }) { results.append(translation) }
        }
        guard !results.isEmpty else { throw greedyError ?? .tokenBudgetExhausted(sentence: sentence, text: "") }
        signature.adopt(results[0].formula)
        return results
    }

    /// One grammar-constrained decode from the sentence's prompt logits.
    private func decode(sentence: String, grammar: CompiledGrammar, cache: KVCache, firstLogits: [Float],
                        generator: inout SeededGenerator?) throws(ModelTranslationError) -> ModelTranslation {
        let size = model.config.vocabularySize
        var constraint = GrammarConstraint(grammar: grammar, vocabulary: vocabulary)
        var logits = firstLogits
        var output: [Int32] = []
        var logProbability = 0.0, unmasked = 0.0
        var candidates: [Int32] = []
        var stopped = false
        for _ in 0..<maxTokens {
            let mask = constraint.allowedTokens()
            candidates.removeAll(keepingCapacity: true)
            for (w, word) in mask.words.enumerated() where word != 0 {
                var bits = word
                while bits != 0 {
                    let t = w * 64 + bits.trailingZeroBitCount
                    bits &= bits - 1
                    if t < size { candidates.append(Int32(t)) }
                }
            }
            if constraint.isComplete { candidates += stopTokens.filter { Int($0) < size }.sorted() }
            if candidates.isEmpty { stopped = true; break } // the grammar allows only the end
            let fullLog = Self.logSumExp(logits, over: nil)
            let maskedLog = Self.logSumExp(logits, over: candidates)
            let chosen: Int32
            if generator == nil {
                chosen = candidates.max { logits[Int($0)] < logits[Int($1)] || (logits[Int($0)] == logits[Int($1)] && $0 > $1) }!
            } else {
                chosen = Self.sample(logits: logits, candidates: candidates, temperature: temperature, generator: &generator!)
            }
            logProbability += Double(logits[Int(chosen)]) - maskedLog
            unmasked += Double(logits[Int(chosen)]) - fullLog
            if stopTokens.contains(chosen) && constraint.isComplete { stopped = true; break }
            do { try constraint.accept(token: chosen) } catch {
                preconditionFailure("a token from the grammar's own mask was rejected")
            }
            output.append(chosen)
            logits.withUnsafeMutableBufferPointer { buffer in
                model.forward(tokens: [chosen], caches: [cache], logitRows: [0], logits: buffer.baseAddress!)
            }
        }
        var text = model.tokenizer.decode(output)
        guard stopped || constraint.isComplete else { throw .tokenBudgetExhausted(sentence: sentence, text: text) }
        if text.hasPrefix(" ") { text.removeFirst() }
        let formula: Formula
        do { formula = try FOLParser.parse(text).formula } catch { throw .unparsable(text: text, message: "\(error)") }
        return ModelTranslation(formula: formula, text: text, logProbability: logProbability,
                                unmaskedLogProbability: unmasked, tokens: output.count, isGreedy: generator == nil)
    }

    static func logSumExp(_ logits: [Float], over ids: [Int32]?) -> Double {
        var m = -Double.infinity
        if let ids { for t in ids { m = max(m, Double(logits[Int(t)])) } } else { for v in logits { m = max(m, Double(v)) } }
        guard m.isFinite else { return m }
        var s = 0.0
        if let ids { for t in ids { s += exp(Double(logits[Int(t)]) - m) } } else { for v in logits { s += exp(Double(v) - m) } }
        return m + log(s)
    }

    static func sample(logits: [Float], candidates: [Int32], temperature: Double, generator: inout SeededGenerator) -> Int32 {
        let t = max(temperature, 1e-6)
        var m = -Double.infinity
        for c in candidates { m = max(m, Double(logits[Int(c)]) / t) }
        let weights = candidates.map { exp(Double(logits[Int($0)]) / t - m) }
        var r = generator.nextUnit() * weights.reduce(0, +)
        for (i, w) in weights.enumerated() {
            r -= w
            if r < 0 { return candidates[i] }
        }
        return candidates.last!
    }
}
