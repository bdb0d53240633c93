import Logic

/// Satisfiability questions about a ground theory, with a premise core on demand.
struct GroundRefutation {
    let theory: GroundTheory
    let limits: NativeLimits
    let deadline: ContinuousClock.Instant
    private(set) var decisions = 0

    init(theory: GroundTheory, limits: NativeLimits, deadline: ContinuousClock.Instant) {
        self.theory = theory
        self.limits = limits
        self.deadline = deadline
    }

    mutating func refutes(assumptions: [Int], premises: Set<Int>? = nil) -> GroundSatisfiability.Outcome {
        let clauses = theory.clauses.filter { c in
            premises.map { set in c.premise.map(set.contains) ?? true } ?? true
        }.map(\.literals)
        let (outcome, used) = GroundSatisfiability.solve(atomCount: theory.atoms.count, clauses: clauses,
                                                         assumptions: assumptions,
                                                         maxDecisions: max(0, limits.maxSearchDecisions - decisions),
                                                         deadline: deadline)
        decisions += used
        return outcome
    }

    /// A premise set that is still unsatisfiable with the assumptions, each of whose
    /// premises is needed (deletion-based; one search per premise, so only for
    /// theories of modest size — larger ones report every premise that has a clause).
    mutating func core(assumptions: [Int]) -> [Int] {
        var kept = Set(theory.clauses.compactMap(\.premise))
        guard kept.count <= 200 else { return kept.sorted() }
        for p in kept.sorted() {
            var trial = kept
            trial.remove(p)
            if refutes(assumptions: assumptions, premises: trial) == .unsatisfiable { kept = trial }
        }
        return kept.sorted()
    }

    func bounded(_ bound: String, stats: NativeStats) -> NativeDecision {
        var stats = stats
        stats.searchDecisions = decisions
        return NativeDecision(verdict: bound == "time" ? .timeout : .limit,
                              reason: "the ground case analysis hit its \(bound) bound", boundHit: bound, stats: stats)
    }
}
