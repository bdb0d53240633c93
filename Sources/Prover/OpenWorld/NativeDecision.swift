import Logic

/// What a native reasoner decided, why, and what it cost.
public struct NativeDecision: Hashable, Sendable, CustomStringConvertible {
    public var verdict: Verdict
    /// For `true`/`false`: a derivation of the conclusion (or of its negation) when one
    /// exists by rule application; for `inconsistent`: a derivation of one side of the
    /// contradiction. Nil when the certificate is only a set of premises.
    public var proof: DerivationTree?
    /// For `inconsistent`: the other side of the contradiction, when derived.
    public var contradictionProof: DerivationTree?
    /// Premise indices that suffice for the verdict (for true/false/inconsistent).
    public var usedPremises: [Int]
    /// Why this verdict, in words: which bound was hit, which premise is outside the
    /// fragment, which method decided.
    public var reason: String
    /// True when the input is outside this reasoner's fragment; the caller should use
    /// another prover (the verdict is then `.abstain`).
    public var outsideFragment: Bool
    /// The bound that stopped the search (`"depth"`, `"inferences"`, `"time"`, …), if any.
    public var boundHit: String?
    public var stats: NativeStats

    public init(verdict: Verdict, proof: DerivationTree? = nil, contradictionProof: DerivationTree? = nil,
                usedPremises: [Int] = [], reason: String, outsideFragment: Bool = false,
                boundHit: String? = nil, stats: NativeStats = NativeStats()) {
        self.verdict = verdict
        self.proof = proof
        self.contradictionProof = contradictionProof
        self.usedPremises = usedPremises
        self.reason = reason
        self.outsideFragment = outsideFragment
        self.boundHit = boundHit
        self.stats = stats
    }

    static func declined(_ reason: String) -> NativeDecision {
        NativeDecision(verdict: .abstain, reason: reason, outsideFragment: true)
    }

    public var description: String {
        var s = "\(verdict.rawValue): \(reason)"
        if !usedPremises.isEmpty { s += " (premises \(usedPremises.map(String.init).joined(separator: ", ")))" }
        return s
    }
}

/// Counters for one decision.
public struct NativeStats: Hashable, Sendable {
    public var groundAtoms = 0
    public var groundClauses = 0
    public var derivedLiterals = 0
    public var searchDecisions = 0
    public var inferences = 0
    public var depthReached = 0
    public var seconds = 0.0
    public init() {}
}
