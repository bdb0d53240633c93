import Logic

/// Full first-order entailment by model elimination (MESON), independent of Z3.
///
/// Premises and conclusion are put in clausal form (NNF, Skolemization, CNF); when `=`
/// occurs, the equality axioms (reflexivity, symmetry, transitivity, congruence for every
/// symbol) are added. Three refutations are searched side by side under one iterative
/// deepening on the inference budget:
/// the premises alone (→ `inconsistent`), premises ∧ ¬conclusion (→ `true`) and
/// premises ∧ conclusion (→ `false`). Each starts from its all-negative clauses.
///
/// MESON cannot prove satisfiability in general. A search that fails without the budget
/// having pruned anything is exhaustive, so `unknown` is only reported when all three
/// searches were exhausted; otherwise the verdict is `limit` (budget `depth` or
/// `inferences`) or `timeout`, never a guessed `unknown`. A `true`/`false` found before
/// the premises' own search was exhausted is reported with the budget up to which the
/// premises were checked for consistency.
public struct MESONProver: Sendable {
    public var limits: NativeLimits

    public init(limits: NativeLimits = NativeLimits()) {
        self.limits = limits
    }

    private enum Status {
        case open
        case refuted([Int])
        case exhausted
    }

    public func decide(premises: [Formula], conclusion: Formula) -> NativeDecision {
        let start = ContinuousClock.now
        let deadline = start.advanced(by: .milliseconds(Int64(limits.timeoutSeconds * 1000)))
        var clausifier = MESONClausifier(maxClauses: limits.maxClauses)
        var base: [MESONClause] = []
        let negated: [MESONClause], asserted: [MESONClause]
        do {
            for (i, p) in premises.enumerated() {
                base += try clausifier.clauses(of: p, negate: false, origin: .premise(i))
            }
            negated = try clausifier.clauses(of: conclusion, negate: true, origin: .conclusion)
            asserted = try clausifier.clauses(of: conclusion, negate: false, origin: .conclusion)
        } catch {
            return NativeDecision(verdict: .limit, reason: "clausal form exceeded \(limits.maxClauses) clauses", boundHit: "clauses")
        }
        base += clausifier.equalityAxioms()
        var stats = NativeStats()
        stats.groundClauses = 0

        // Problem 0: the premises; problems 1 and 2: with ¬C and with C.
        // A clause set with no all-negative clause is satisfied by making every atom true.
        let allNegative = base.indices.filter { base[$0].literals.allSatisfy { !$0.isPositive } }
        func problem(_ extra: [MESONClause]) -> MESONSearch {
            let clauses = base + extra
            // Start from the all-negative clauses (Harrison): every unsatisfiable set
            // has one, and in practice this beats starting from the conclusion's clauses.
            let starts = clauses.indices.filter { clauses[$0].literals.allSatisfy { !$0.isPositive } }
            return MESONSearch(clauses: clauses, startClauses: starts, maxInferences: limits.maxInferences, deadline: deadline)
        }
        let searches = [problem([]), problem(negated), problem(asserted)]
        var status: [Status] = [allNegative.isEmpty ? .exhausted : .open, .open, .open]
        let origins = [base.map(\.origin), (base + negated).map(\.origin), (base + asserted).map(\.origin)]
        var inferences = 0

        func premisesUsed(_ clauses: [Int], _ p: Int) -> [Int] {
            Set(clauses.compactMap { c -> Int? in
                if case .premise(let i) = origins[p][c] { return i } else { return nil }
            }).sorted()
        }
        func usesConclusion(_ clauses: [Int], _ p: Int) -> Bool {
            clauses.contains { origins[p][$0] == .conclusion }
        }
        func finish(_ d: NativeDecision, depth: Int) -> NativeDecision {
            var d = d
            d.stats.inferences = inferences
            d.stats.depthReached = depth
            d.stats.seconds = (ContinuousClock.now - start).seconds
            return d
        }

        for budget in 0...limits.maxDepth {
            for p in 0..<3 {
                guard case .open = status[p] else { continue }
                let search = searches[p]
                if search.refute(budget: budget, inferencesSoFar: inferences) {
                    status[p] = .refuted(search.proofClauses ?? [])
                } else if let bound = search.stopped {
                    inferences = search.inferences
                    let d = NativeDecision(verdict: bound == "time" ? .timeout : .limit,
                                           reason: "MESON hit its \(bound) bound at inference budget \(budget)", boundHit: bound)
                    return finish(d, depth: budget)
                } else if !search.sawCutoff {
                    status[p] = .exhausted
                }
                inferences = search.inferences
            }
            let premisesChecked: String
            if case .exhausted = status[0] { premisesChecked = "the premises are satisfiable" }
            else { premisesChecked = "the premises have no refutation within inference budget \(budget)" }
            switch (status[0], status[1], status[2]) {
            case (.refuted(let used), _, _):
                return finish(NativeDecision(verdict: .inconsistent, usedPremises: premisesUsed(used, 0),
                                             reason: "MESON refuted the premises (inference budget \(budget))"), depth: budget)
            case (_, .refuted(let a), .refuted(let b)):
                return finish(NativeDecision(verdict: .inconsistent,
                                             usedPremises: Array(Set(premisesUsed(a, 1) + premisesUsed(b, 2))).sorted(),
                                             reason: "MESON refuted the premises with the conclusion and with its negation"), depth: budget)
            case (_, .refuted(let used), _):
                if !usesConclusion(used, 1) {
                    return finish(NativeDecision(verdict: .inconsistent, usedPremises: premisesUsed(used, 1),
                                                 reason: "MESON refuted the premises without the conclusion"), depth: budget)
                }
                return finish(NativeDecision(verdict: .true, usedPremises: premisesUsed(used, 1),
                                             reason: "MESON refuted premises ∧ ¬conclusion (inference budget \(budget)); \(premisesChecked)"), depth: budget)
            case (_, _, .refuted(let used)):
                if !usesConclusion(used, 2) {
                    return finish(NativeDecision(verdict: .inconsistent, usedPremises: premisesUsed(used, 2),
                                                 reason: "MESON refuted the premises without the conclusion"), depth: budget)
                }
                return finish(NativeDecision(verdict: .false, usedPremises: premisesUsed(used, 2),
                                             reason: "MESON refuted premises ∧ conclusion (inference budget \(budget)); \(premisesChecked)"), depth: budget)
            case (.exhausted, .exhausted, .exhausted):
                return finish(NativeDecision(verdict: .unknown,
                                             reason: "MESON's search space is exhausted: neither the conclusion nor its negation follows"), depth: budget)
            default:
                continue
            }
        }
        return finish(NativeDecision(verdict: .limit, reason: "MESON reached its depth bound (inference budget \(limits.maxDepth)) without a decision",
                                     boundHit: "depth"), depth: limits.maxDepth)
    }
}
