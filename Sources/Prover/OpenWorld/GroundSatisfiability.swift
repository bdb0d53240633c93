import Logic

/// A DPLL satisfiability search over ground clauses with two watched literals and
/// chronological backtracking. The ground theories of rule-based datasets are small
/// and nearly Horn, so this is enough; its bounds (decisions, time) are reported by name.
struct GroundSatisfiability {
    enum Outcome: Equatable {
        case satisfiable
        case unsatisfiable
        case bound(String)
    }

    private var value: [Int8]          // per atom: 0 unknown, 1 true, -1 false
    private var clauses: [[Int]]
    private var watches: [[Int]]       // per literal code: clauses watching it
    private var trail: [Int] = []
    private var levels: [(start: Int, literal: Int, flipped: Bool)] = []
    private var propagated = 0
    private(set) var decisions = 0

    /// Decides the clauses (literal codes `atom << 1 | negative`) plus unit `assumptions`.
    static func solve(atomCount: Int, clauses: [[Int]], assumptions: [Int] = [],
                      maxDecisions: Int, deadline: ContinuousClock.Instant) -> (Outcome, decisions: Int) {
        var solver = GroundSatisfiability(atomCount: atomCount)
        let outcome = solver.run(clauses: clauses + assumptions.map { [$0] }, maxDecisions: maxDecisions, deadline: deadline)
        return (outcome, solver.decisions)
    }

    private init(atomCount: Int) {
        value = [Int8](repeating: 0, count: atomCount)
        clauses = []
        watches = [[Int]](repeating: [], count: atomCount * 2)
    }

    private func isTrue(_ c: Int) -> Bool { value[c >> 1] == (c & 1 == 0 ? 1 : -1) }
    private func isFalse(_ c: Int) -> Bool { value[c >> 1] == (c & 1 == 0 ? -1 : 1) }

    private mutating func assign(_ c: Int) {
        value[c >> 1] = c & 1 == 0 ? 1 : -1
        trail.append(c)
    }

    /// Propagates the trail; false on conflict.
    private mutating func propagate() -> Bool {
        while propagated < trail.count {
            let falsified = trail[propagated] ^ 1
            propagated += 1
            var list = watches[falsified]
            watches[falsified] = []
            var i = 0
            var ok = true
            while i < list.count {
                let ci = list[i]
                i += 1
                if !ok { watches[falsified].append(ci); continue }
                // Keep the falsified literal in position 1.
                if clauses[ci][0] == falsified { clauses[ci].swapAt(0, 1) }
                let other = clauses[ci][0]
                if isTrue(other) { watches[falsified].append(ci); continue }
                var moved = false
                for k in 2..<max(2, clauses[ci].count) where !isFalse(clauses[ci][k]) {
                    clauses[ci].swapAt(1, k)
                    watches[clauses[ci][1]].append(ci)
                    moved = true
                    break
                }
                if moved { continue }
                watches[falsified].append(ci)
                if isFalse(other) { ok = false } else { assign(other) }
            }
            list.removeAll()
            if !ok { return false }
        }
        return true
    }

    private mutating func run(clauses input: [[Int]], maxDecisions: Int, deadline: ContinuousClock.Instant) -> Outcome {
        var units: [Int] = []
        for c in input {
            var lits: [Int] = []
            for l in c where !lits.contains(l) { lits.append(l) }
            if lits.isEmpty { return .unsatisfiable }
            if lits.count == 1 { units.append(lits[0]); continue }
            if lits.contains(where: { lits.contains($0 ^ 1) }) { continue }
            let id = clauses.count
            clauses.append(lits)
            watches[lits[0]].append(id)
            watches[lits[1]].append(id)
        }
        for u in units {
            if isFalse(u) { return .unsatisfiable }
            if !isTrue(u) { assign(u) }
        }
        var nextAtom = 0
        while true {
            if !propagate() {
                // chronological backtracking: flip the newest unflipped decision
                while let top = levels.last, top.flipped { undo(to: top.start); levels.removeLast() }
                guard let top = levels.popLast() else { return .unsatisfiable }
                undo(to: top.start)
                levels.append((trail.count, top.literal ^ 1, true))
                assign(top.literal ^ 1)
                nextAtom = 0
                continue
            }
            while nextAtom < value.count && value[nextAtom] != 0 { nextAtom += 1 }
            if nextAtom == value.count { return .satisfiable }
            decisions += 1
            if decisions > maxDecisions { return .bound("search decisions") }
            if decisions & 1023 == 0 && ContinuousClock.now > deadline { return .bound("time") }
            // Try the negative phase first: rule theories are mostly positive facts.
            let literal = nextAtom << 1 | 1
            levels.append((trail.count, literal, false))
            assign(literal)
        }
    }

    private mutating func undo(to start: Int) {
        while trail.count > start { value[trail.removeLast() >> 1] = 0 }
        propagated = min(propagated, start)
    }
}
