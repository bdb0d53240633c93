import Logic
import SemanticParser

/// One candidate translation of a premise.
public struct CandidateTranslation: Sendable, Equatable {
    public var formula: Formula
    /// The text as generated.
    public var text: String
    /// Its log-probability (the translator's; higher is likelier).
    public var logProbability: Double
    /// How many of the samples produced this text (each counts in a vote).
    public var occurrences: Int

    public init(formula: Formula, text: String, logProbability: Double, occurrences: Int = 1) {
        self.formula = formula
        self.text = text
        self.logProbability = logProbability
        self.occurrences = occurrences
    }
}

/// Why a premise got no translation.
public struct TranslationFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// The output did not parse as a formula.
        case unparsable = "parse_failure"
        /// The token budget ran out before a formula was complete.
        case tokenBudget = "token_budget"
        /// Any other translator error (no words to name things, prompt too long, …).
        case other = "no_translation"
    }

    public var kind: Kind
    public var message: String

    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}

/// Something that translates one premise under the story's signature so far: the model
/// translator, or fixed translations in tests.
public protocol PremiseTranslating: AnyObject {
    /// Up to `samples` candidates for `sentence`, the first being the translator's own
    /// choice (the greedy decode). Must not change any shared state but its own; the
    /// caller records the chosen candidate in the signature.
    func candidates(for sentence: String, signature: TranslationSignature, samples: Int,
                    seed: UInt64) throws(TranslationFailure) -> [CandidateTranslation]
}

extension ModelTranslator: PremiseTranslating {
    /// `translate(sentence:signature:samples:seed:)` on a copy of the signature (one call:
    /// the samples share the sentence's KV cache). The translator returns distinct texts,
    /// each with the number of samples that produced it.
    public func candidates(for sentence: String, signature: TranslationSignature, samples: Int,
                           seed: UInt64) throws(TranslationFailure) -> [CandidateTranslation] {
        var scratch = signature
        do {
            return try translate(sentence: sentence, signature: &scratch, samples: samples, seed: seed).map {
                CandidateTranslation(formula: $0.formula, text: $0.text, logProbability: $0.logProbability,
                                     occurrences: $0.occurrences)
            }
        } catch {
            switch error {
            case .unparsable: throw TranslationFailure(kind: .unparsable, message: error.description)
            case .tokenBudgetExhausted: throw TranslationFailure(kind: .tokenBudget, message: error.description)
            default: throw TranslationFailure(kind: .other, message: error.description)
            }
        }
    }
}
