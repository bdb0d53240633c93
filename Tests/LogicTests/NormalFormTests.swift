import XCTest
@testable import Logic

final class NormalFormTests: XCTestCase {
    func isNNF(_ f: Formula) -> Bool {
        switch f {
        case .truth, .falsity, .predicate, .equal: return true
        case .not(let a):
            if case .predicate = a { return true }
            if case .equal = a { return true }
            return false
        case .and(let fs), .or(let fs): return fs.allSatisfy(isNNF)
        case .forall(_, let g), .exists(_, let g): return isNNF(g)
        case .implies, .iff, .xor: return false
        }
    }

    /// NNF is equivalent: same truth value in random finite models.
    func testNNFEquivalenceProperty() {
        for seed in UInt64(1)...600 {
            var gen = RandomFormulas(seed: seed)
            let f = gen.formula(depth: 4)
            let g = f.negationNormalForm
            XCTAssertTrue(isNNF(g), "seed \(seed): not NNF: \(g)")
            for size in 1...3 {
                let m = FiniteModel(size: size, seed: seed &* 31 &+ UInt64(size))
                if m.eval(f) != m.eval(g) {
                    return XCTFail("seed \(seed) size \(size): \(FOLPrinter.unicode(f)) vs NNF \(FOLPrinter.unicode(g))")
                }
            }
        }
    }

    /// All assignments of the nullary predicates `atoms`.
    func satisfiable(_ check: (FiniteModel) -> Bool, atoms: [String]) -> Bool {
        for bits in 0..<(1 << atoms.count) {
            var m = FiniteModel(size: 1, seed: 0)
            for (i, a) in atoms.enumerated() { m.nullary[a] = bits & (1 << i) != 0 }
            if check(m) { return true }
        }
        return false
    }

    /// CNF (with and without definitional renaming) is equisatisfiable with the input,
    /// decided by truth tables over all atoms, including the definition atoms.
    func testClausalFormEquisatisfiableProperty() {
        var satisfiableCount = 0
        for seed in UInt64(1)...400 {
            var gen = RandomFormulas(seed: seed)
            gen.predicates = ["p", "q", "r", "s"]
            gen.allowQuantifiers = false
            gen.allowEquality = false
            // only nullary predicates: propositional formulas
            let f = gen.formula(depth: 5).mapAtoms { atom in
                if case .predicate(let p, _) = atom { return .predicate(p, []) }
                return atom
            }
            let expected = satisfiable({ $0.eval(f) }, atoms: gen.predicates)
            if expected { satisfiableCount += 1 }
            for limit in [2, 64] {
                let clauses = ClausalForm.clauses(of: [f], distributionLimit: limit)
                let got = PropositionalSolver.satisfiable(clauses)
                if got != expected {
                    return XCTFail("seed \(seed) limit \(limit): \(FOLPrinter.unicode(f)) sat=\(expected), clauses \(clauses) sat=\(got)")
                }
            }
        }
        XCTAssertGreaterThan(satisfiableCount, 50)
        XCTAssertLessThan(satisfiableCount, 395)
    }

    /// Every model of the Skolemized clauses is a model of the formula (clauses ⊨ f),
    /// checked over random finite models that interpret the Skolem symbols too.
    func testClausesEntailFormulaProperty() {
        var models = 0
        for seed in UInt64(1)...400 {
            var gen = RandomFormulas(seed: seed)
            gen.predicates = ["P", "Q"]
            let f = gen.formula(depth: 4)
            let clauses = ClausalForm.clauses(of: [f], distributionLimit: seed % 2 == 0 ? 2 : 64)
            for salt in UInt64(0)..<8 {
                let m = FiniteModel(size: 2, seed: seed &* 97 &+ salt)
                if m.satisfies(clauses) {
                    models += 1
                    if !m.eval(f) {
                        return XCTFail("seed \(seed) salt \(salt): model of \(clauses) falsifies \(FOLPrinter.unicode(f))")
                    }
                }
            }
        }
        XCTAssertGreaterThan(models, 100)
    }

    func testSkolemization() throws {
        let f = try FOLParser.parse("∀x ∃y (Loves(x, y) ∧ ∃z sk1(z)) ∧ ∃w P(w)").formula
        var s = Skolemizer()
        let g = s.skolemize(f)
        XCTAssertEqual(FOLPrinter.unicode(g), "∀x (Loves(x, sk2(x)) ∧ sk1(sk3) ∧ P(sk4))")
        XCTAssertEqual(s.skolemFunctions.map(\.name), ["sk2", "sk3", "sk4"])
        XCTAssertEqual(s.skolemFunctions.map(\.arity), [1, 0, 0])
    }

    func testClausesOfExample() throws {
        let fs = try ["∀x (Dog(x) → Animal(x) ∧ ¬Cat(x))", "Dog(rex) ∨ x = y ∨ ∃x Cat(x)", "∀x ∀y (R(x, y) ⊕ ∀x R(y, x))"].map {
            try FOLParser.parse($0).formula
        }
        let clauses = ClausalForm.clauses(of: fs).map(\.description)
        XCTAssertEqual(clauses, [
            "¬Dog(x) ∨ Animal(x)", "¬Dog(x) ∨ ¬Cat(x)", "Dog(rex) ∨ x = y ∨ Cat(sk1)",
            "R(x_2, y) ∨ R(y, x_3)", "¬R(x_2, y) ∨ ¬R(y, sk2(y))",
        ])
    }

    func testDistributionIsGuarded() {
        // (a1 ∧ b1) ∨ … ∨ (a20 ∧ b20) has 2^20 clauses by distribution
        let f = Formula.or((1...20).map { i in .and([.predicate("a\(i)", []), .predicate("b\(i)", [])]) })
        let clauses = ClausalForm.clauses(of: [f])
        XCTAssertLessThan(clauses.count, 200)
        XCTAssertTrue(clauses.contains { $0.literals.contains { $0.predicate.hasPrefix("def") } })
    }
}

extension NormalFormTests {
    func testNestedEquivalencesStayPolynomial() {
        // p1 ↔ (p2 ↔ (… ↔ p40)): plain NNF would have 2^40 copies
        var f = Formula.predicate("p40", [])
        for i in stride(from: 39, through: 1, by: -1) { f = .iff(.predicate("p\(i)", []), f) }
        let clauses = ClausalForm.clauses(of: [f])
        XCTAssertLessThan(clauses.count, 400)
        // a 10-level chain is small enough for the test's naive DPLL (parity is hard for it)
        var g = Formula.predicate("p10", [])
        for i in stride(from: 9, through: 1, by: -1) { g = .xor(.predicate("p\(i)", []), g) }
        XCTAssertTrue(PropositionalSolver.satisfiable(ClausalForm.clauses(of: [g])))
        XCTAssertFalse(PropositionalSolver.satisfiable(ClausalForm.clauses(of: [g, .not(g)])))
        XCTAssertTrue(PropositionalSolver.satisfiable(ClausalForm.clauses(of: [g, .predicate("p1", [])])))
    }
}
