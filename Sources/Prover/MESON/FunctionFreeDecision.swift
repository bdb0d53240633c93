import Logic

/// Exact decisions for theories whose clausal form has no function symbols of arity > 0
/// (the Bernays–Schönfinkel class after Skolemization, equality included through its
/// axioms): the clauses are grounded over their constants and decided by DPLL, so
/// `unknown` is as certain as `true`. Returns nil for theories outside the class.
enum FunctionFreeDecision {
    static func decide(premises: [Formula], conclusion: Formula, limits: NativeLimits) -> NativeDecision? {
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
            return nil
        }
        base += clausifier.equalityAxioms()
        let all = base + negated + asserted
        func functionFree(_ t: MESONTerm) -> Bool {
            if case .function(_, let args) = t { return args.isEmpty }
            return true
        }
        guard all.allSatisfy({ $0.literals.allSatisfy { $0.arguments.allSatisfy(functionFree) } }) else { return nil }

        let names = clausifier.signature.names
        var theory = GroundTheory()
        for c in all { for l in c.literals { for case .function(let f, _) in l.arguments { _ = theory.constant(names[f]) } } }
        if theory.constants.isEmpty { _ = theory.constant("c0") }
        func template(_ c: MESONClause) -> TemplateClause {
            let lits = c.literals.map { l in
                TemplateLiteral(predicate: names[l.predicate], arguments: l.arguments.map { a -> GroundingArgument in
                    switch a {
                    case .variable(let v): return .variable(v)
                    case .function(let f, _): return .constant(theory.constant(names[f]))
                    }
                }, isPositive: l.isPositive)
            }
            var premise: Int? = nil
            if case .premise(let i) = c.origin { premise = i }
            return TemplateClause(literals: lits, variableCount: c.variableCount, premise: premise, head: nil)
        }
        var ranges: [Range<Int>] = []
        do {
            for group in [base, negated, asserted] {
                let first = theory.clauses.count
                for c in group { try theory.addInstances(of: template(c), maxClauses: limits.maxGroundClauses) }
                ranges.append(first..<theory.clauses.count)
            }
        } catch {
            return NativeDecision(verdict: .limit, reason: "grounding exceeded \(limits.maxGroundClauses) clauses", boundHit: "ground clauses")
        }
        var stats = NativeStats()
        stats.groundAtoms = theory.atoms.count
        stats.groundClauses = theory.clauses.count
        var decisions = 0

        // `extra`: which of the conclusion groups to add; `kept`: premises allowed.
        func satisfiable(extra: Int?, kept: Set<Int>?) -> GroundSatisfiability.Outcome {
            var clauses: [[Int]] = []
            for i in ranges[0] {
                let c = theory.clauses[i]
                if let kept, let p = c.premise, !kept.contains(p) { continue }
                clauses.append(c.literals)
            }
            if let extra { for i in ranges[extra] { clauses.append(theory.clauses[i].literals) } }
            let (outcome, used) = GroundSatisfiability.solve(atomCount: theory.atoms.count, clauses: clauses,
                                                             maxDecisions: max(0, limits.maxSearchDecisions - decisions),
                                                             deadline: deadline)
            decisions += used
            return outcome
        }
        func core(extra: Int?) -> [Int] {
            var kept = Set(theory.clauses[ranges[0]].compactMap(\.premise))
            guard kept.count <= 200 else { return kept.sorted() }
            for p in kept.sorted() {
                var trial = kept
                trial.remove(p)
                if satisfiable(extra: extra, kept: trial) == .unsatisfiable { kept = trial }
            }
            return kept.sorted()
        }
        func finish(_ verdict: Verdict, _ used: [Int] = [], _ reason: String, bound: String? = nil) -> NativeDecision {
            var s = stats
            s.searchDecisions = decisions
            s.seconds = (ContinuousClock.now - start).seconds
            return NativeDecision(verdict: verdict, usedPremises: used, reason: reason, boundHit: bound, stats: s)
        }
        for (extra, verdict) in [(nil, Verdict.inconsistent), (1, .true), (2, .false)] as [(Int?, Verdict)] {
            switch satisfiable(extra: extra, kept: nil) {
            case .bound(let b):
                return finish(b == "time" ? .timeout : .limit, [], "the ground case analysis hit its \(b) bound", bound: b)
            case .unsatisfiable:
                let what = verdict == .inconsistent ? "the premises are" : verdict == .true ? "premises ∧ ¬conclusion is" : "premises ∧ conclusion is"
                return finish(verdict, core(extra: extra), "\(what) unsatisfiable over the \(theory.constants.count) constants (function-free, decided exactly)")
            case .satisfiable: continue
            }
        }
        return finish(.unknown, [], "the premises have models where the conclusion holds and where it fails (function-free, decided exactly)")
    }
}
