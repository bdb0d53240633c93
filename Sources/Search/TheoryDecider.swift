import Logic

/// A prover's answer for one candidate theory.
public struct TheoryDecision: Sendable, Hashable {
    public var verdict: Verdict
    /// Whether the premises were found satisfiable (false when the verdict is
    /// `inconsistent`; nil when no prover could tell).
    public var premisesSatisfiable: Bool?
    /// Whether the provers that decided agree (nil when fewer than two decided).
    public var proversAgree: Bool?
    /// Prover runs spent.
    public var proverCalls: Int
    /// A short account of the decision (which prover, what bound), for traces.
    public var detail: String

    public init(verdict: Verdict, premisesSatisfiable: Bool? = nil, proversAgree: Bool? = nil, proverCalls: Int = 1,
                detail: String = "") {
        self.verdict = verdict; self.premisesSatisfiable = premisesSatisfiable ?? (verdict == .inconsistent ? false : nil)
        self.proversAgree = proversAgree; self.proverCalls = proverCalls; self.detail = detail
    }
}

/// Decides whether premises entail a conclusion (Z3 and the native prover in Entail; a
/// table in tests).
public protocol TheoryDecider {
    /// The most prover runs one `decide` can cost.
    var maxProverCallsPerDecision: Int { get }
    /// Decides `premises ⊨ conclusion`, spending at most `secondsLeft` when given.
    func decide(premises: [Formula], conclusion: Formula, secondsLeft: Double?) -> TheoryDecision
}
