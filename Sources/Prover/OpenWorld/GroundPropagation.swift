import Logic

/// Unit propagation over ground clauses, remembering why each literal was derived.
///
/// A clause all of whose literals but one are false makes that literal true (unit
/// resulting resolution). With `forwardOnly` a clause only ever yields its rule head,
/// i.e. rules are applied forwards and never by modus tollens. Counter-based, linear in
/// the size of the ground theory (Dowling–Gallier for the Horn case).
struct GroundPropagation {
    /// Why a literal holds: the clause that yielded it and the literals it used.
    struct Justification {
        var clause: Int
        var antecedents: [Int]
    }

    private(set) var value: [Int8]            // per atom: 0 unknown, 1 true, -1 false
    private(set) var justification: [Int: Justification] = [:]
    private(set) var order: [Int] = []         // derived literal codes, in derivation order
    /// Two derived complementary literal codes, if the theory is contradictory.
    private(set) var conflict: (Int, Int)? = nil
    private(set) var boundHit: String? = nil

    init(theory: GroundTheory, clauseFilter: (GroundClause) -> Bool = { _ in true },
         forwardOnly: Bool, maxDerived: Int, deadline: ContinuousClock.Instant) {
        let clauses = theory.clauses
        value = [Int8](repeating: 0, count: theory.atoms.count)
        // occurrences[code] = clauses containing the literal `code`
        var occurrences = [[Int]](repeating: [], count: theory.atoms.count * 2)
        var falseCount = [Int](repeating: 0, count: clauses.count)
        var queue: [Int] = []
        func isTrue(_ c: Int) -> Bool { value[c >> 1] == (c & 1 == 0 ? 1 : -1) }
        func isFalse(_ c: Int) -> Bool { value[c >> 1] == (c & 1 == 0 ? -1 : 1) }

        // Returns false on conflict.
        func assert(_ c: Int, clause: Int, antecedents: [Int]) -> Bool {
            if isTrue(c) { return true }
            if isFalse(c) {
                justification[c] = Justification(clause: clause, antecedents: antecedents)
                conflict = (c ^ 1, c)
                return false
            }
            value[c >> 1] = c & 1 == 0 ? 1 : -1
            justification[c] = Justification(clause: clause, antecedents: antecedents)
            order.append(c)
            queue.append(c)
            return true
        }

        func tryClause(_ i: Int) -> Bool {
            let lits = clauses[i].literals
            guard falseCount[i] >= lits.count - 1 else { return true }
            var open: Int? = nil
            for l in lits {
                if isTrue(l) { return true }
                if !isFalse(l) { open = l }
            }
            if let l = open {
                if forwardOnly && clauses[i].head != l { return true }
                return assert(l, clause: i, antecedents: lits.filter { $0 != l }.map { $0 ^ 1 })
            }
            // every literal false
            if forwardOnly, let h = clauses[i].head {
                return assert(h, clause: i, antecedents: lits.filter { $0 != h }.map { $0 ^ 1 })
            }
            guard let last = lits.last else { conflict = (-1, -1); return false }
            return assert(last, clause: i, antecedents: lits.dropLast().map { $0 ^ 1 })
        }

        for (i, clause) in clauses.enumerated() where clauseFilter(clause) {
            for l in clause.literals { occurrences[l].append(i) }
        }
        for (i, clause) in clauses.enumerated() where clauseFilter(clause) && clause.literals.count <= 1 {
            if !tryClause(i) { return }
        }
        var head = 0
        while head < queue.count {
            if order.count > maxDerived { boundHit = "derived facts"; return }
            if head & 255 == 0 && ContinuousClock.now > deadline { boundHit = "time"; return }
            let c = queue[head]; head += 1
            for i in occurrences[c ^ 1] {
                falseCount[i] += 1
                if !tryClause(i) { return }
            }
        }
    }

    func holds(_ code: Int) -> Bool {
        value[code >> 1] == (code & 1 == 0 ? 1 : -1)
    }

    /// The derivation tree of a derived literal, built bottom-up in derivation order so
    /// no recursion is needed; shared sub-proofs share storage.
    func tree(for code: Int, theory: GroundTheory) -> DerivationTree? {
        guard justification[code] != nil else { return nil }
        var needed = Set<Int>()
        var stack = [code]
        while let c = stack.popLast() {
            guard needed.insert(c).inserted, let j = justification[c] else { continue }
            stack.append(contentsOf: j.antecedents)
        }
        var built: [Int: DerivationTree] = [:]
        for c in order + [code] where needed.contains(c) && built[c] == nil {
            let j = justification[c]!
            let clause = theory.clauses[j.clause]
            let step: DerivationTree.Step = j.antecedents.isEmpty ? .fact : (clause.head == c ? .rule : .contrapositive)
            built[c] = DerivationTree(literal: theory.literal(c), premise: clause.premise, step: step,
                                      children: j.antecedents.compactMap { built[$0] })
        }
        return built[code]
    }

    /// The premises a derivation used, computed on the DAG (not the unfolded tree).
    func premises(for codes: [Int], theory: GroundTheory) -> [Int] {
        var seen = Set<Int>()
        var out = Set<Int>()
        var stack = codes
        while let c = stack.popLast() {
            guard seen.insert(c).inserted, let j = justification[c] else { continue }
            if let p = theory.clauses[j.clause].premise { out.insert(p) }
            stack.append(contentsOf: j.antecedents)
        }
        return out.sorted()
    }
}
