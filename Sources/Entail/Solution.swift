import Foundation
import Logic

/// What backs a verdict (DESIGN.md, Verdicts).
public enum Certificate: Sendable, Hashable {
    /// The premises (0-based indices) that suffice, from Z3's unsat core or the native
    /// prover's proof. `conclusionUsed` says whether the (negated) conclusion took part.
    case core(premises: [Int])
    /// A proof tree from the native prover, printed one step a line, and the premises it used.
    case proof(premises: [Int], tree: String)
    /// Countermodels for `unknown`: one where the conclusion fails, one where it holds.
    case countermodels(againstConclusion: String?, forConclusion: String?)
    /// Which resource bound was hit.
    case bound(String)
    /// The error that stopped the problem, with its position where it has one.
    case error(String)
}

/// What solving a problem cost.
public struct Cost: Sendable, Hashable, Codable {
    /// Wall-clock seconds.
    public var seconds: Double = 0
    /// Entailment checks by either prover.
    public var proverCalls: Int = 0
    /// Translation calls to the language model.
    public var modelCalls: Int = 0
    /// Tokens the model generated.
    public var tokens: Int = 0
    /// No cost yet.
    public init() {}
}

/// The outcome of one problem: its verdict, the certificate that backs it, and the cost.
public struct Solution: Sendable {
    /// The problem's id.
    public var id: String
    /// The answer, or why there is none (`timeout`, `error`, `abstain`, …).
    public var verdict: Verdict
    /// The dataset's or problem file's expected verdict, when it has one.
    public var expected: Verdict?
    /// What backs the verdict: an unsat core, a proof, countermodels, a bound, or an error.
    public var certificate: Certificate?
    /// The prover whose verdict this is (`z3`, `native`, or `z3+native` when both agreed).
    public var prover: String?
    /// The other prover's verdict when both ran, for the cross-check.
    public var crossCheck: [String: Verdict] = [:]
    /// Repairs the tolerant parser made to the input, each with its position.
    public var repairs: [String] = []
    /// True when some formula's reading depended on an ambiguous precedence.
    public var ambiguous: Bool = false
    /// The statements translated from English, each with the parser that produced it.
    public var translations: [TranslationRecord] = []
    /// Notes for the reader: premises without a formal form, fallbacks taken, and so on.
    public var notes: [String] = []
    /// What solving the problem cost.
    public var cost = Cost()

    /// A solution with no certificate yet.
    public init(id: String, verdict: Verdict, expected: Verdict? = nil) {
        self.id = id; self.verdict = verdict; self.expected = expected
    }

    /// Whether the verdict matches the expected one, when there is one.
    public var correct: Bool? {
        guard let expected else { return nil }
        return verdict == expected
    }
}
