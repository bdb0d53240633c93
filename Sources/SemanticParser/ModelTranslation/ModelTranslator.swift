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
        let size = model.config.vocabularySize
        let decoding = DecodingVocabulary(tokenizer: model.tokenizer, size: size)
        vocabulary = decoding.vocabulary
        stopTokens = decoding.stopTokens
        let tokens = model.tokenizer.encode(prompt.examples, parseSpecial: false)
        examplesCache = model.makeCache(capacity: tokens.count)
        let logits = UnsafeMutablePointer<Float>.allocate(capacity: size)
        defer { logits.deallocate() }
        if !tokens.isEmpty {
            model.forward(tokens: tokens, caches: Array(repeating: examplesCache, count: tokens.count),
                          logitRows: [tokens.count - 1], logits: logits)
        }
    }

    /// Translates one sentence: the greedy translation first, then the distinct texts of
    /// `samples - 1` seeded samples, decoded side by side (one batched forward pass per
    /// token); a text drawn several times comes back once with its `occurrences` counted,
    /// and an alternative that fails to finish within the budget is dropped. If the greedy decode does not finish (it loops), at least
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
        // The greedy decode runs alone (so it is the same whatever `samples` is); the
        // samples after it decode together, one batched forward pass per token.
        var greedy: SeededGenerator? = nil
        do {
            results.append(try decode(sentence: sentence, grammar: grammar, cache: sentenceCache.fork(additional: maxTokens + 1),
                                      firstLogits: first, generator: &greedy))
        } catch {
            greedyError = error
        }
        let sampleCount = greedyError == nil ? max(1, samples) - 1 : max(max(1, samples) - 1, fallbackSamples)
        if sampleCount > 0 {
            let generators = (1...sampleCount).map { SeededGenerator(seed: seed &+ UInt64($0) &* 0x9E37_79B9_7F4A_7C15) }
            let decoded = decodeSamples(sentence: sentence, grammar: grammar, parent: sentenceCache, firstLogits: first,
                                        generators: generators)
            for case .success(let translation) in decoded {
                if let k = results.firstIndex(where: { $0.text == translation.text }) {
                    results[k].occurrences += 1
                } else {
                    results.append(translation)
                }
            }
        }
        guard !results.isEmpty else { throw greedyError ?? .tokenBudgetExhausted(sentence: sentence, text: "") }
        signature.adopt(results[0].formula)
        return results
    }

    /// One grammar-constrained decode from the sentence's prompt logits.
    private func decode(sentence: String, grammar: CompiledGrammar, cache: KVCache, firstLogits: [Float],
                        generator: inout SeededGenerator?) throws(ModelTranslationError) -> ModelTranslation {
        var sequence = ConstrainedSequence(grammar: grammar, vocabulary: vocabulary, generator: generator)
        var logits = firstLogits
        sequence.run(model: model, cache: cache, logits: &logits, maxTokens: maxTokens, stopTokens: stopTokens, temperature: temperature)
        generator = sequence.generator
        return try finish(sequence, sentence: sentence)
    }

    /// Decodes one sample per generator side by side: each step feeds every unfinished
    /// sequence's token to one batched forward pass (each sequence in its own fork of
    /// `parent`). Results are in generator order.
    private func decodeSamples(sentence: String, grammar: CompiledGrammar, parent: KVCache, firstLogits: [Float],
                               generators: [SeededGenerator]) -> [Result<ModelTranslation, ModelTranslationError>] {
        let size = model.config.vocabularySize
        var sequences = generators.map { ConstrainedSequence(grammar: grammar, vocabulary: vocabulary, generator: $0) }
        let caches = generators.map { _ in parent.fork(additional: maxTokens + 1) }
        var logits = [Float](repeating: 0, count: size * generators.count)
        for i in generators.indices { logits.replaceSubrange(i * size..<(i + 1) * size, with: firstLogits) }
        var active = Array(generators.indices)
        var candidates: [Int32] = []
        for _ in 0..<maxTokens where !active.isEmpty {
            var tokens: [Int32] = [], stepping: [Int] = []
            logits.withUnsafeBufferPointer { all in
                for (row, i) in active.enumerated() {
                    let rowLogits = UnsafeBufferPointer(rebasing: all[row * size..<(row + 1) * size])
                    if let t = sequences[i].step(logits: rowLogits, stopTokens: stopTokens, temperature: temperature,
                                                 candidates: &candidates) {
                        tokens.append(t); stepping.append(i)
                    }
                }
            }
            active = stepping
            guard !tokens.isEmpty else { break }
            logits.withUnsafeMutableBufferPointer { buffer in
                model.forward(tokens: tokens, caches: stepping.map { caches[$0] }, logitRows: Array(tokens.indices),
                              logits: buffer.baseAddress!)
            }
        }
        return sequences.map { sequence in Result { () throws(ModelTranslationError) in try finish(sequence, sentence: sentence) } }
    }

    /// The translation a finished (or budget-exhausted) sequence produced.
    private func finish(_ sequence: ConstrainedSequence, sentence: String) throws(ModelTranslationError) -> ModelTranslation {
        var text = model.tokenizer.decode(sequence.output)
        guard sequence.stopped || sequence.isComplete else { throw .tokenBudgetExhausted(sentence: sentence, text: text) }
        if text.hasPrefix(" ") { text.removeFirst() }
        let formula: Formula
        do { formula = try FOLParser.parse(text).formula } catch { throw .unparsable(text: text, message: "\(error)") }
        return ModelTranslation(formula: formula, text: text, logProbability: sequence.logProbability,
                                unmaskedLogProbability: sequence.unmaskedLogProbability, tokens: sequence.output.count,
                                isGreedy: sequence.generator == nil)
    }
}
