import Logic

/// What `Z3Entailment.decide` found, with its certificate and its cost.
public struct Z3Decision: Hashable, Sendable {
    public var verdict: Verdict
    /// Premise indices (0-based, sorted) whose conjunction Z3 found contradictory: with the
    /// negated conclusion for `true`, with the conclusion for `false`, alone for
    /// `inconsistent`. Not necessarily minimal unless `minimizeCores` was set. Empty otherwise.
    public var unsatCore: [Int]
    /// A model of premises ∧ ¬conclusion (the conclusion does not follow), when one was found.
    public var countermodel: Z3Countermodel?
    /// A model of premises ∧ conclusion (the negation does not follow), when one was found.
    public var modelOfConclusion: Z3Countermodel?
    /// Each check that ran, in order, with its answer.
    public var results: [Z3Phase: Z3Result]
    /// For `timeout`: the check that gave up first, and Z3's reason.
    public var timedOutPhase: Z3Phase?
    public var reasonUnknown: String?
    public var timings: Z3Timings

    /// Z3's model text of the countermodel, or else of the model of the conclusion.
    public var model: String? { countermodel?.text ?? modelOfConclusion?.text }
}

/// Where a decision spent its time.
public struct Z3Timings: Hashable, Sendable {
    /// Making the context and solver, translating and asserting the formulas.
    public var setup: Duration = .zero
    /// Each check that ran (reading its core or model included).
    public var phases: [Z3Phase: Duration] = [:]
    public var total: Duration = .zero

    public init(setup: Duration = .zero, phases: [Z3Phase: Duration] = [:], total: Duration = .zero) {
        self.setup = setup; self.phases = phases; self.total = total
    }
}
