/// Model elimination in the MESON style (Harrison, *Handbook of Practical Logic and
/// Automated Reasoning*, §3.15; Stickel's PTTP): every contrapositive of every clause
/// is a rule `a1 ∧ … ∧ an → c`; a goal is closed either by unifying its complement with
/// an ancestor goal (reduction) or by a rule whose conclusion unifies with it, whose
/// assumptions become subgoals. Unification has the occurs check. The search is
/// depth-first under an inference budget (the number of subgoals a proof may open),
/// which `MESONProver` deepens from 0; `sawCutoff` tells whether the budget pruned
/// anything, so a failure without a cutoff means no refutation exists at any budget.
final class MESONSearch {
    struct Rule {
        var assumptions: [MESONLiteral]
        var conclusion: MESONLiteral
        var variableCount: Int
        var clause: Int
    }

    private var rulesByGoal: [Int: [Rule]] = [:]      // key: predicate * 2 + (positive ? 0 : 1)
    private var bindings: [MESONTerm?] = []
    private var trail: [Int] = []
    private var nextVariable = 0
    private var ancestors: [MESONLiteral] = []
    private var usedClauses: [Int] = []
    private(set) var proofClauses: [Int]? = nil
    private(set) var sawCutoff = false
    private(set) var inferences = 0
    private(set) var stopped: String? = nil
    /// The inference count at which the search stops; may be lowered between searches.
    var maxInferences: Int
    private let deadline: ContinuousClock.Instant

    /// `startClauses` are the clauses a refutation may start from (all of whose literals
    /// become the first goals); the rest only serve as rules.
    init(clauses: [MESONClause], startClauses: [Int], maxInferences: Int, deadline: ContinuousClock.Instant) {
        self.maxInferences = maxInferences
        self.deadline = deadline
        for (i, c) in clauses.enumerated() {
            for (k, lit) in c.literals.enumerated() {
                var assumptions: [MESONLiteral] = []
                for (j, other) in c.literals.enumerated() where j != k { assumptions.append(other.negated) }
                addRule(Rule(assumptions: assumptions, conclusion: lit, variableCount: c.variableCount, clause: i))
            }
        }
        let falsum = MESONLiteral(isPositive: true, predicate: -1, arguments: [])
        for i in startClauses {
            let c = clauses[i]
            addRule(Rule(assumptions: c.literals.map(\.negated), conclusion: falsum, variableCount: c.variableCount, clause: i))
        }
    }

    private func key(_ l: MESONLiteral) -> Int { l.predicate * 2 + (l.isPositive ? 0 : 1) }

    private func addRule(_ r: Rule) {
        rulesByGoal[key(r.conclusion), default: []].append(r)
    }

    /// Looks for a refutation opening at most `budget` subgoals.
    func refute(budget: Int, inferencesSoFar: Int) -> Bool {
        sawCutoff = false
        proofClauses = nil
        inferences = inferencesSoFar
        bindings.removeAll(keepingCapacity: true)
        trail.removeAll(keepingCapacity: true)
        nextVariable = 0
        ancestors.removeAll()
        usedClauses.removeAll()
        let falsum = MESONLiteral(isPositive: true, predicate: -1, arguments: [])
        return expand(falsum, budget: budget) { _ in
            self.proofClauses = self.usedClauses
            return true
        }
    }

    // MARK: - Search

    private func expand(_ goal: MESONLiteral, budget: Int, _ cont: (Int) -> Bool) -> Bool {
        if stopped != nil { return false }
        if budget < 0 { sawCutoff = true; return false }
        inferences += 1
        if inferences > maxInferences { stopped = "inferences"; return false }
        if inferences & 4095 == 0 && ContinuousClock.now > deadline { stopped = "time"; return false }
        // Regularity: a goal identical to an ancestor can be closed however the ancestor is.
        for a in ancestors where a.predicate == goal.predicate && a.isPositive == goal.isPositive {
            if identical(a.arguments, goal.arguments) { return false }
        }
        // Reduction: close the goal against a complementary ancestor.
        for a in ancestors where a.predicate == goal.predicate && a.isPositive != goal.isPositive {
            let mark = trail.count
            if unify(a.arguments, goal.arguments) && cont(budget) { return true }
            undo(to: mark)
            if stopped != nil { return false }
        }
        // Extension: a rule whose conclusion unifies with the goal.
        guard let rules = rulesByGoal[key(goal)] else { return false }
        for rule in rules {
            if rule.assumptions.count > budget { sawCutoff = true; continue }
            let mark = trail.count
            let savedNext = nextVariable
            let offset = nextVariable
            nextVariable += rule.variableCount
            if bindings.count < nextVariable { bindings.append(contentsOf: repeatElement(nil, count: nextVariable - bindings.count)) }
            if unify(rename(rule.conclusion.arguments, offset), goal.arguments) {
                usedClauses.append(rule.clause)
                ancestors.append(goal)
                let subgoals = rule.assumptions.map {
                    MESONLiteral(isPositive: $0.isPositive, predicate: $0.predicate, arguments: rename($0.arguments, offset))
                }
                // The subgoals see this goal as an ancestor; the continuation, which
                // belongs to the goal's parent, must not.
                let ok = expandAll(subgoals[...], budget: budget - subgoals.count) { remaining in
                    let own = self.ancestors.removeLast()
                    defer { self.ancestors.append(own) }
                    return cont(remaining)
                }
                ancestors.removeLast()
                if ok { return true }
                usedClauses.removeLast()
            }
            undo(to: mark)
            nextVariable = savedNext
            if stopped != nil { return false }
        }
        return false
    }

    /// Solves a list of subgoals within `budget`, splitting it between the two halves
    /// of the list (Harrison's divide-and-conquer refinement of MESON): one half gets at
    /// most half the budget, the other what is left; then the roles are swapped, and
    /// proofs the first try already covered are skipped.
    private func expandAll(_ goals: ArraySlice<MESONLiteral>, budget: Int, _ cont: (Int) -> Bool) -> Bool {
        if budget < 0 { sawCutoff = true; return false }
        if goals.count <= 1 {
            guard let g = goals.first else { return cont(budget) }
            return expand(g, budget: budget, cont)
        }
        let n1 = budget / 2, n2 = budget - n1
        let middle = goals.startIndex + goals.count / 2
        let first = goals[..<middle], second = goals[middle...]
        if expandPair(first, n1, second, n2, -1, cont) { return true }
        if stopped != nil { return false }
        return expandPair(second, n1, first, n2, n1, cont)
    }

    private func expandPair(_ a: ArraySlice<MESONLiteral>, _ n1: Int, _ b: ArraySlice<MESONLiteral>, _ n2: Int, _ n3: Int,
                            _ cont: (Int) -> Bool) -> Bool {
        expandAll(a, budget: n1) { r1 in
            self.expandAll(b, budget: n2 + r1) { r2 in
                if n2 + r1 <= n3 + r2 { return false }
                return cont(r2)
            }
        }
    }

    // MARK: - Terms

    private func rename(_ args: [MESONTerm], _ offset: Int) -> [MESONTerm] {
        offset == 0 ? args : args.map { rename($0, offset) }
    }

    private func rename(_ t: MESONTerm, _ offset: Int) -> MESONTerm {
        switch t {
        case .variable(let v): return .variable(v + offset)
        case .function(let f, let args): return args.isEmpty ? t : .function(f, args.map { rename($0, offset) })
        }
    }

    private func walk(_ t: MESONTerm) -> MESONTerm {
        var t = t
        while case .variable(let v) = t, let b = bindings[v] { t = b }
        return t
    }

    private func bind(_ v: Int, _ t: MESONTerm) {
        bindings[v] = t
        trail.append(v)
    }

    private func undo(to mark: Int) {
        while trail.count > mark { bindings[trail.removeLast()] = nil }
    }

    /// Occurs check, iterative.
    private func occurs(_ v: Int, in t: MESONTerm) -> Bool {
        var stack = [t]
        while let s = stack.popLast() {
            switch walk(s) {
            case .variable(let w): if w == v { return true }
            case .function(_, let args): stack.append(contentsOf: args)
            }
        }
        return false
    }

    /// Most general unification with the occurs check, iterative; on failure the caller
    /// undoes the bindings made so far.
    private func unify(_ a: [MESONTerm], _ b: [MESONTerm]) -> Bool {
        guard a.count == b.count else { return false }
        var stack = Array(zip(a, b))
        while let (s, t) = stack.popLast() {
            let x = walk(s), y = walk(t)
            switch (x, y) {
            case (.variable(let v), .variable(let w)) where v == w: continue
            case (.variable(let v), _):
                if occurs(v, in: y) { return false }
                bind(v, y)
            case (_, .variable(let w)):
                if occurs(w, in: x) { return false }
                bind(w, x)
            case (.function(let f, let fa), .function(let g, let ga)):
                guard f == g, fa.count == ga.count else { return false }
                stack.append(contentsOf: zip(fa, ga))
            }
        }
        return true
    }

    private func identical(_ a: [MESONTerm], _ b: [MESONTerm]) -> Bool {
        guard a.count == b.count else { return false }
        var stack = Array(zip(a, b))
        while let (s, t) = stack.popLast() {
            switch (walk(s), walk(t)) {
            case (.variable(let v), .variable(let w)): if v != w { return false }
            case (.function(let f, let fa), .function(let g, let ga)):
                guard f == g, fa.count == ga.count else { return false }
                stack.append(contentsOf: zip(fa, ga))
            default: return false
            }
        }
        return true
    }
}
