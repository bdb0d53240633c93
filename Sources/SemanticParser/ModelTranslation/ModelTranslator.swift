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
        let (grammar, sentenceCache, first) = try prepare(sentence: sentence, signature: signature, note: note, excluding: excluded)
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

    /// The sentence's grammar, its prompt prefilled in a fork of the examples' cache, and
    /// the logits of the first formula token.
    private func prepare(sentence: String, signature: TranslationSignature, note: String?,
                         excluding excluded: Set<String>) throws(ModelTranslationError) -> (CompiledGrammar, KVCache, [Float]) {
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
        return (grammar, sentenceCache, first)
    }

    /// Branches of the greedy translation at its least certain choices. The greedy decode
    /// records, at every token, the runner-up the grammar allowed and its gap in logits to
    /// the chosen token. The positions are ranked by that gap (smallest first); for ranks
    /// `skip ..< skip + count`, the decode is replayed up to the position, the runner-up is
    /// forced there, and decoding continues greedily. Returns the greedy translation first
    /// (`isGreedy`), then the distinct new texts of the branches that finished and parsed
    /// (`isGreedy` false), and the tokens generated: the greedy decode's plus each branch's
    /// from its branch point on (the replayed prefix is prefilled in one forward pass, not
    /// generated). Records the greedy translation's names in `signature`. Throws when the
    /// greedy decode does not finish.
    ///
    /// With `base`, the branches start from that text (a translation found before, say)
    /// instead of the greedy decode: it is replayed under the grammar, scored in one
    /// forward pass, and returned first in the greedy translation's place (so it costs no
    /// generated tokens, and `isGreedy` is false unless it is the greedy text).
    ///
    /// With `preferring` names, the branch points come first where a token that starts
    /// one of them was allowed but not chosen (the most likely such point first); the
    /// branch forces that token there. A search uses this to put a word the translation
    /// left out at the place the model finds most plausible.
    public func branches(sentence: String, signature: inout TranslationSignature, count: Int, skip: Int = 0,
                         excluding excluded: Set<String> = [],
                         preferring preferred: [String] = [], base: String? = nil) throws(ModelTranslationError) -> (translations: [ModelTranslation], generated: Int) {
        let (grammar, sentenceCache, first) = try prepare(sentence: sentence, signature: signature, note: nil, excluding: excluded)
        // The base decode (greedy, or `base` replayed), keeping the state before each
        // choice and its runner-up.
        var sequence = ConstrainedSequence(grammar: grammar, vocabulary: vocabulary, generator: nil)
        var points: [(before: ConstrainedSequence, token: Int32, logProbability: Double, unmasked: Double, gap: Double)] = []
        var candidates: [Int32] = []
        let size = model.config.vocabularySize
        // Replaying `base`: its tokens, then a stop token; its logits come from one forward pass.
        var replay: [Int32] = []
        var replayLogits: [Float] = []
        if let base {
            replay = model.tokenizer.encode(" " + base, parseSpecial: false, addBOS: false)
            guard !replay.isEmpty, replay.count < maxTokens, let stop = stopTokens.min() else {
                throw .unparsable(text: base, message: "cannot be replayed")
            }
            replayLogits = [Float](repeating: 0, count: size * replay.count)
            let cache = sentenceCache.fork(additional: replay.count)
            replayLogits.withUnsafeMutableBufferPointer { buffer in
                model.forward(tokens: replay, caches: Array(repeating: cache, count: replay.count),
                              logitRows: Array(replay.indices), logits: buffer.baseAddress!)
            }
            replay.append(stop)
        }
        var logits = first
        let greedyCache = base == nil ? sentenceCache.fork(additional: maxTokens + 1) : sentenceCache
        for position in 0..<maxTokens {
            if base != nil {
                guard position < replay.count else { break }
                if position > 0 { logits.replaceSubrange(0..<size, with: replayLogits[(position - 1) * size..<position * size]) }
            }
            let before = sequence
            let forced: Int32? = base == nil ? nil : replay[position]
            let next = logits.withUnsafeBufferPointer {
                sequence.step(logits: $0, stopTokens: stopTokens, temperature: temperature, candidates: &candidates,
                              forcing: forced)
            }
            if let forced, next == nil, !sequence.stopped, !stopTokens.contains(forced) {
                throw .unparsable(text: base ?? "", message: "the grammar does not allow it")
            }
            if let r = sequence.runnerUp { points.append((before, r.token, r.logProbability, r.unmasked, r.gap)) }
            // (Where the chosen token already starts a preferred name, forcing another piece
            // of it would only spell the same name.)
            if !preferred.isEmpty && !(next.map { startsName($0, of: preferred) } ?? false) {
                let best = next.map { logits[Int($0)] } ?? candidates.map { logits[Int($0)] }.max() ?? 0
                let (masked, full) = sequence.lastNormalizers
                var starts: [Int32] = []
                for c in candidates where c != next && !stopTokens.contains(c) && startsName(c, of: preferred) {
                    starts.append(c)
                }
                // The most likely token that starts a preferred name, ranked before every
                // plain runner-up (a negative gap).
                if let c = starts.max(by: { logits[Int($0)] < logits[Int($1)] }) {
                    if c == sequence.runnerUp?.token { points.removeLast() }
                    let logit = Double(logits[Int(c)])
                    points.append((before, c, logit - masked, logit - full, Double(best) - logit - 1e6))
                }
            }
            guard let chosen = next else { break }
            if base == nil {
                logits.withUnsafeMutableBufferPointer { buffer in
                    model.forward(tokens: [chosen], caches: [greedyCache], logitRows: [0], logits: buffer.baseAddress!)
                }
            }
        }
        var greedy = try finish(sequence, sentence: sentence)
        if base != nil { greedy.isGreedy = false }
        var results = [greedy]
        var generated = base == nil ? sequence.output.count : 0
        let ranked = points.indices.sorted { points[$0].gap < points[$1].gap || (points[$0].gap == points[$1].gap && $0 < $1) }
        for k in ranked.dropFirst(max(0, skip)).prefix(max(0, count)) {
            let point = points[k]
            let position = point.before.output.count
            var branch = point.before
            branch.force(point.token, logProbability: point.logProbability, unmasked: point.unmasked)
            let prefix = Array(sequence.output.prefix(position)) + [point.token]
            let cache = sentenceCache.fork(additional: maxTokens + 1)
            var branchLogits = [Float](repeating: 0, count: model.config.vocabularySize)
            branchLogits.withUnsafeMutableBufferPointer { buffer in
                model.forward(tokens: prefix, caches: Array(repeating: cache, count: prefix.count),
                              logitRows: [prefix.count - 1], logits: buffer.baseAddress!)
            }
            let before = branch.output.count
            branch.run(model: model, cache: cache, logits: &branchLogits, maxTokens: maxTokens - prefix.count,
                       stopTokens: stopTokens, temperature: temperature)
            generated += 1 + branch.output.count - before
            guard var translation = try? finish(branch, sentence: sentence) else { continue }
            translation.isGreedy = false
            if let j = results.firstIndex(where: { $0.text == translation.text }) {
                results[j].occurrences += 1
            } else {
                results.append(translation)
            }
        }
        signature.adopt(greedy.formula)
        return (results, generated)
    }

    /// Whether `token`'s text, without leading spaces and parentheses, is a prefix of two
    /// characters or more of one of `names`.
    private func startsName(_ token: Int32, of names: [String]) -> Bool {
        var piece = Substring(model.tokenizer.decode([token]))
        while let c = piece.first, c == " " || c == "(" { piece = piece.dropFirst() }
        guard piece.count >= 2 else { return false }
        return names.contains { $0.hasPrefix(piece) }
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
