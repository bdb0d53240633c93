import Logic

/// One translation of a sentence by the model.
public struct ModelTranslation: Sendable, Equatable {
    /// The parsed formula (`FOLParser.parse(text)`).
    public var formula: Formula
    /// The generated text, without the leading space.
    public var text: String
    /// Sum over the chosen tokens (and the stop token) of their log-probability under the
    /// grammar-masked, renormalized distribution: log-softmax of the logits restricted to
    /// the tokens the grammar allows at that step (plus newline/end tokens once the
    /// formula is complete). At most 0; 0 when the grammar forced every token.
    public var logProbability: Double
    /// The same sum under the model's unmasked distribution (how much the model itself
    /// likes the text, grammar aside).
    public var unmaskedLogProbability: Double
    /// Generated tokens, the stop token excluded.
    public var tokens: Int
    /// Whether this is the greedy translation (else a seeded sample).
    public var isGreedy: Bool
    /// How many of the decodes of one `translate` call produced this text (duplicates are
    /// returned once, counted here).
    public var occurrences: Int

    public init(formula: Formula, text: String, logProbability: Double, unmaskedLogProbability: Double, tokens: Int,
                isGreedy: Bool, occurrences: Int = 1) {
        self.formula = formula; self.text = text; self.logProbability = logProbability
        self.unmaskedLogProbability = unmaskedLogProbability; self.tokens = tokens; self.isGreedy = isGreedy
        self.occurrences = occurrences
    }
}

/// Why the model could not translate a sentence.
public enum ModelTranslationError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The prompt file could not be read.
    case unreadablePrompt(path: String)
    /// The sentence has no words to make names from and the signature is empty.
    case noNames(sentence: String)
    /// The grounded grammar did not compile (an internal error, reported with its text).
    case grammar(message: String)
    /// The prompt for the sentence does not fit in the model's context.
    case sentenceTooLong(tokens: Int, capacity: Int)
    /// The token budget ran out before the formula was complete.
    case tokenBudgetExhausted(sentence: String, text: String)
    /// The output did not parse (the grammar should make this impossible).
    case unparsable(text: String, message: String)

    public var description: String {
        switch self {
        case .unreadablePrompt(let path): return "cannot read prompt file \(path)"
        case .noNames(let sentence): return "no content words to name predicates in \(sentence.debugDescription)"
        case .grammar(let message): return "grounded grammar: \(message)"
        case .sentenceTooLong(let tokens, let capacity): return "prompt of \(tokens) tokens does not fit the model's context of \(capacity)"
        case .tokenBudgetExhausted(let sentence, let text): return "token budget exhausted translating \(sentence.debugDescription): \(text)"
        case .unparsable(let text, let message): return "model output does not parse: \(text) (\(message))"
        }
    }
}
