@testable import Logic

/// A tiny DPLL for clauses over nullary predicates (test oracle only).
enum PropositionalSolver {
    static func satisfiable(_ clauses: [Clause]) -> Bool {
        let cs = clauses.map { c in c.literals.map { ($0.predicate, $0.isPositive) } }
        return dpll(cs, [:])
    }

    static func dpll(_ clauses: [[(String, Bool)]], _ assignment: [String: Bool]) -> Bool {
        var assignment = assignment
        var remaining: [[(String, Bool)]] = []
        // simplify under the assignment, with unit propagation to a fixpoint
        var changed = true
        var current = clauses
        while changed {
            changed = false
            remaining = []
            for c in current {
                if c.contains(where: { assignment[$0.0] == $0.1 }) { continue }
                let open = c.filter { assignment[$0.0] == nil }
                if open.isEmpty { return false }
                if open.count == 1 { assignment[open[0].0] = open[0].1; changed = true }
                remaining.append(open)
            }
            current = remaining
        }
        guard let first = remaining.first?.first else { return true }
        for value in [true, false] {
            var a = assignment
            a[first.0] = value
            if dpll(remaining, a) { return true }
        }
        return false
    }
}
