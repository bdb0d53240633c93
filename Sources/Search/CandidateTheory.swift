import Logic

/// One candidate reading of a problem: a translation chosen for every statement, what
/// the provers made of it, and what the verifiers think of it.
public struct CandidateTheory: Sendable {
    /// Order of evaluation within the search, from 0.
    public var index: Int
    /// For each statement (premises, then the conclusion), the translation chosen; nil
    /// where no translation could be had.
    public var translations: [StatementTranslation?]
    /// For each statement, why it has no translation (nil where it has one).
    public var failures: [String?]
    /// Arity repairs applied before deciding (a name used with two arities is renamed at
    /// its later uses), each as a sentence.
    public var repairs: [String] = []
    /// The provers' answer; nil when the theory could not be decided (a statement failed,
    /// or the budget ran out before the prover call).
    public var decision: TheoryDecision?
    /// What the conclusion alone decides to (`true`: a tautology, `false`: a
    /// contradiction, `unknown`: contingent); nil when not checked.
    public var conclusionAlone: Verdict?
    /// Each verifier's score, in the panel's order (inapplicable verifiers left out).
    public var scores: [VerifierScore] = []
    /// The panel's combined score in 0...1.
    public var score: Double = 0
    /// Whether the panel accepts the candidate.
    public var accepted: Bool = false
    /// Candidates in one class have theories found logically equivalent; the class is
    /// named by its first member's index.
    public var equivalenceClass: Int

    public init(index: Int, translations: [StatementTranslation?], failures: [String?]) {
        self.index = index; self.translations = translations; self.failures = failures; self.equivalenceClass = index
    }

    /// The candidate's verdict: the decision's, or `error` when it has none.
    public var verdict: Verdict { decision?.verdict ?? .error }

    /// Whether the verdict is an answer a vote counts: true, false or unknown (an
    /// inconsistent theory is taken for a mistranslation, not an answer).
    public var isDefinite: Bool { verdict == .true || verdict == .false || verdict == .unknown }

    /// The formulas, premises then conclusion, when every statement has one.
    public var formulas: [Formula]? {
        var out: [Formula] = []
        for t in translations {
            guard let t else { return nil }
            out.append(t.formula)
        }
        return out
    }

    /// Total log-probability and generated tokens of the chosen translations.
    public var logProbability: Double { translations.reduce(0) { $0 + ($1?.logProbability ?? 0) } }
    public var tokens: Int { translations.reduce(0) { $0 + ($1?.tokens ?? 0) } }
}
