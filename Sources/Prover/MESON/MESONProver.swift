import Logic

/// Full first-order entailment by model elimination (MESON), independent of Z3.
///
/// Premises and conclusion are put in clausal form (NNF, Skolemization, CNF; the
/// conclusion and its negation are first split into the cases of their top-level DNF,
/// each refuted separately, as Harrison's `meson` does); when `=`
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

    /// One refutation problem, split into cases that must all be refuted.
    private struct Problem {
        var cases: [(search: MESONSearch, origins: [MESONClauseOrigin])]
        var refuted: [[Int]?]
        var exhausted: [Bool]

        var isRefuted: Bool { refuted.allSatisfy { $0 != nil } }
        var isExhausted: Bool { exhausted.contains(true) }
        func premisesUsed() -> [Int] {
            var out = Set<Int>()
            for (k, used) in refuted.enumerated() {
                for c in used ?? [] { if case .premise(let i) = cases[k].origins[c] { out.insert(i) } }
            }
            return out.sorted()
        }
        func usesConclusion() -> Bool {
            refuted.enumerated().allSatisfy { k, used in (used ?? []).contains { cases[k].origins[$0] == .conclusion } }
        }
    }

    /// At most this many cases per side of the conclusion.
    static let maxCases = 16

    public func decide(premises: [Formula], conclusion: Formula) -> NativeDecision {
        let start = ContinuousClock.now
        let deadline = start.advanced(by: .milliseconds(Int64(limits.timeoutSeconds * 1000)))
        var clausifier = MESONClausifier(maxClauses: limits.maxClauses)
        var base: [MESONClause] = []
        let negated: [[MESONClause]], asserted: [[MESONClause]]
        do {
            for (i, p) in premises.enumerated() {
                base += try clausifier.clauses(of: p, negate: false, origin: .premise(i))
            }
            negated = try clausifier.cases(of: conclusion, negate: true, origin: .conclusion, maxCases: Self.maxCases)
            asserted = try clausifier.cases(of: conclusion, negate: false, origin: .conclusion, maxCases: Self.maxCases)
        } catch {
            return NativeDecision(verdict: .limit, reason: "clausal form exceeded \(limits.maxClauses) clauses", boundHit: "clauses")
        }
        base += clausifier.equalityAxioms()

        // Problem 0: the premises; problems 1 and 2: with ¬C and with C, case by case.
        func problem(_ cases: [[MESONClause]]) -> Problem {
            var p = Problem(cases: [], refuted: [], exhausted: [])
            for extra in cases {
                let clauses = base + extra
                // Start from the all-negative clauses (Harrison): every unsatisfiable set
                // has one, and a set without one is satisfied by making every atom true.
                let starts = clauses.indices.filter { clauses[$0].literals.allSatisfy { !$0.isPositive } }
                p.cases.append((MESONSearch(clauses: clauses, startClauses: starts, maxInferences: limits.maxInferences,
                                            deadline: deadline), clauses.map(\.origin)))
                p.refuted.append(nil)
                p.exhausted.append(starts.isEmpty)
            }
            return p
        }
        var problems = [problem([[]]), problem(negated), problem(asserted)]
        var inferences = 0

        func finish(_ d: NativeDecision, depth: Int) -> NativeDecision {
            var d = d
            d.stats.inferences = inferences
            d.stats.depthReached = depth
            d.stats.seconds = (ContinuousClock.now - start).seconds
            return d
        }

        for budget in 0...limits.maxDepth {
            for p in 0..<3 where !problems[p].isRefuted && !problems[p].isExhausted {
                for k in problems[p].cases.indices where problems[p].refuted[k] == nil && !problems[p].exhausted[k] {
                    let search = problems[p].cases[k].search
                    if search.refute(budget: budget, inferencesSoFar: inferences) {
                        problems[p].refuted[k] = search.proofClauses ?? []
                    } else if let bound = search.stopped {
                        inferences = search.inferences
                        let d = NativeDecision(verdict: bound == "time" ? .timeout : .limit,
                                               reason: "MESON hit its \(bound) bound at inference budget \(budget)", boundHit: bound)
                        return finish(d, depth: budget)
                    } else if !search.sawCutoff {
                        problems[p].exhausted[k] = true
                    }
                    inferences = search.inferences
                    if problems[p].isExhausted { break }
                }
            }
            let premisesChecked = problems[0].isExhausted ? "the premises are satisfiable"
                : "the premises have no refutation within inference budget \(budget)"
            let (premisesOnly, withNegation, withConclusion) = (problems[0], problems[1], problems[2])
            if premisesOnly.isRefuted {
                return finish(NativeDecision(verdict: .inconsistent, usedPremises: premisesOnly.premisesUsed(),
                                             reason: "MESON refuted the premises (inference budget \(budget))"), depth: budget)
            }
            if withNegation.isRefuted && withConclusion.isRefuted {
                return finish(NativeDecision(verdict: .inconsistent,
                                             usedPremises: Array(Set(withNegation.premisesUsed() + withConclusion.premisesUsed())).sorted(),
                                             reason: "MESON refuted the premises with the conclusion and with its negation"), depth: budget)
            }
            for (problem, verdict, what) in [(withNegation, Verdict.true, "¬conclusion"), (withConclusion, .false, "conclusion")]
                where problem.isRefuted {
                if !problem.usesConclusion() {
                    return finish(NativeDecision(verdict: .inconsistent, usedPremises: problem.premisesUsed(),
                                                 reason: "MESON refuted the premises without the conclusion"), depth: budget)
                }
                // Before answering, look a little further for a refutation of the premises
                // alone, so inconsistent premises are not reported as an entailment.
                var checkedUpTo = budget
                if !premisesOnly.isExhausted {
                    let search = premisesOnly.cases[0].search
                    // At most as much work again as the answer took (at least 10,000).
                    search.maxInferences = min(limits.maxInferences, inferences + max(10_000, inferences))
                    for extra in stride(from: budget + 1, through: min(limits.maxDepth, 2 * budget + 2), by: 1) {
                        if search.refute(budget: extra, inferencesSoFar: inferences) {
                            inferences = search.inferences
                            var p0 = premisesOnly
                            p0.refuted[0] = search.proofClauses ?? []
                            return finish(NativeDecision(verdict: .inconsistent, usedPremises: p0.premisesUsed(),
                                                         reason: "MESON refuted the premises (inference budget \(extra))"), depth: extra)
                        }
                        inferences = search.inferences
                        if search.stopped != nil { break }
                        checkedUpTo = extra
                        if !search.sawCutoff {
                            checkedUpTo = Int.max
                            break
                        }
                    }
                }
                let consistency = checkedUpTo == Int.max ? "the premises are satisfiable"
                    : premisesOnly.isExhausted ? premisesChecked : "the premises have no refutation within inference budget \(checkedUpTo)"
                return finish(NativeDecision(verdict: verdict, usedPremises: problem.premisesUsed(),
                                             reason: "MESON refuted premises ∧ \(what) (inference budget \(budget)); \(consistency)"), depth: budget)
            }
            if premisesOnly.isExhausted && withNegation.isExhausted && withConclusion.isExhausted {
                return finish(NativeDecision(verdict: .unknown,
                                             reason: "MESON's search space is exhausted: neither the conclusion nor its negation follows"), depth: budget)
            }
        }
        return finish(NativeDecision(verdict: .limit, reason: "MESON reached its depth bound (inference budget \(limits.maxDepth)) without a decision",
                                     boundHit: "depth"), depth: limits.maxDepth)
    }
}
