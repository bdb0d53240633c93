import Logic

/// What a strategy returns for one problem.
public struct SearchOutcome: Sendable {
    /// The answer: a candidate's verdict, `abstain` when the strategy declined, or the
    /// failure (`error`, `timeout`, `limit`) when no candidate could be decided.
    public var verdict: Verdict
    /// The verdict before any abstention (what the strategy would have said).
    public var unabstainedVerdict: Verdict
    /// How sure the strategy is of `unabstainedVerdict`, in 0...1 (a vote share, a score).
    public var confidence: Double
    /// The candidate whose verdict was chosen, an index into `candidates`.
    public var chosen: Int?
    /// Every candidate evaluated, in order.
    public var candidates: [CandidateTheory]
    /// What the search did, step by step.
    public var trace: [SearchStep]
    /// What it spent.
    public var cost: SearchCost
    /// Why it stopped ("accepted", "budget: tokens", "done", ...).
    public var stopReason: String
    /// The `steps` strategy: every step proposed, in order, with its check (empty for
    /// the other strategies).
    public var steps: [StepCheck] = []

    public init(verdict: Verdict, unabstainedVerdict: Verdict? = nil, confidence: Double, chosen: Int?,
                candidates: [CandidateTheory], trace: [SearchStep], cost: SearchCost, stopReason: String) {
        self.verdict = verdict; self.unabstainedVerdict = unabstainedVerdict ?? verdict; self.confidence = confidence
        self.chosen = chosen; self.candidates = candidates; self.trace = trace; self.cost = cost; self.stopReason = stopReason
    }
}
