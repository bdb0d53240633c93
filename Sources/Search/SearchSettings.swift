import Logic

/// Knobs of the strategies beyond what `Strategy` names.
public struct SearchSettings: Sendable {
    /// The verifiers and how they combine.
    public var panel: VerifierPanel
    /// Candidates whose theories are equivalent cast one vote between them (else each
    /// candidate votes, as in LINC; equivalent ones still form one class in the outcome).
    public var equivalentVoteOnce: Bool = false
    /// At most this many prover checks of theory equivalence per problem, made only when
    /// `equivalentVoteOnce` (syntactic variants are merged without a prover, always).
    public var maxEquivalenceChecks: Int = 12
    /// `resample`: samples drawn per sentence in each round (one model call per sentence).
    public var resampleBatch: Int = 2
    /// `resample`: candidates evaluated before an early stop is allowed.
    public var resampleMinCandidates: Int = 2
    /// `resample`: stop once an accepted verdict holds this share of the score mass.
    public var resampleStopShare: Double = 0.8
    /// `tree`: new samples per *wider* move.
    public var treeWidth: Int = 2
    /// `tree`: stop as soon as the best candidate is accepted.
    public var treeStopWhenAccepted: Bool = true
    /// `tree`: abstain when the best candidate is not accepted or scores below this
    /// (nil: never abstain).
    public var treeAbstainBelow: Double? = nil
    /// Override `resample`'s abstention threshold (nil: the strategy's own).
    public var resampleAbstainBelow: Double? = nil
    /// `steps`: most steps in one chain.
    public var stepsMaxLength: Int = 6
    /// `steps`: proposals for one position of a chain before the chain is given up.
    public var stepsAttempts: Int = 3
    /// `steps`: most premises and earlier steps one step may cite.
    public var stepsMaxCitations: Int = 3

    public init(panel: VerifierPanel = .standard()) { self.panel = panel }
}
