import Foundation
import Logic

/// How one premise's translation compares with its gold formula.
public struct PremiseEvaluation: Sendable {
    /// The verdict on one premise.
    public enum Outcome: Sendable, Equatable {
        /// Proved equivalent to the gold formula after alignment.
        case equivalent
        /// Z3 found a model that tells them apart.
        case notEquivalent
        /// Z3 gave up within the timeout (counts as not equivalent).
        case undecided(reason: String)
        /// The translator produced nothing.
        case noTranslation(TranslationFailure)
        /// The premise has no usable gold formula (excluded from the rates).
        case goldMissing(reason: String)

        /// The outcome's name in JSON and tables.
        public var name: String {
            switch self {
            case .equivalent: return "equivalent"
            case .notEquivalent: return "not_equivalent"
            case .undecided: return "undecided"
            case .noTranslation(let failure): return failure.kind.rawValue
            case .goldMissing: return "gold_missing"
            }
        }
    }

    public var storyID: String
    /// 0-based position of the premise in its story.
    public var index: Int
    public var sentence: String
    public var goldText: String
    /// The chosen translation, nil when there was none.
    public var predicted: CandidateTranslation?
    /// The chosen translation after alignment, universally closed.
    public var aligned: Formula?
    public var outcome: Outcome
    /// Aligned and gold print the same (bound variables renamed in order).
    public var exactSyntax: Bool
    /// Every name of the translation is aligned with a gold name it shares a word with
    /// (or closely resembles): see `SignatureAlignment.namesAgree`.
    public var namesAgree: Bool
    /// Candidates the translator returned (distinct texts).
    public var candidates: Int
    /// Equivalence classes among them (1 without voting).
    public var classes: Int
    /// Size of the chosen candidate's class.
    public var votes: Int
    /// Translation wall time.
    public var seconds: Double

    /// One JSON object on one line.
    public func jsonLine() -> String {
        var object: [String: Any] = [
            "story": storyID, "premise": index + 1, "english": sentence, "gold": goldText,
            "outcome": outcome.name, "exact": exactSyntax, "names_agree": namesAgree, "candidates": candidates, "classes": classes,
            "votes": votes, "seconds": (seconds * 1000).rounded() / 1000,
        ]
        if let predicted {
            object["predicted"] = predicted.text
            object["logprob"] = (predicted.logProbability * 1e4).rounded() / 1e4
        }
        if let aligned { object["aligned"] = FOLPrinter.ascii(aligned) }
        switch outcome {
        case .undecided(let reason), .goldMissing(let reason): object["reason"] = reason
        case .noTranslation(let failure): object["error"] = failure.message
        default: break
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

/// One story's premises evaluated under one alignment.
public struct StoryEvaluation: Sendable {
    public var storyID: String
    public var premises: [PremiseEvaluation]
    public var alignment: SignatureAlignment
}
