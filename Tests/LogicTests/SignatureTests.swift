import XCTest
@testable import Logic

final class SignatureTests: XCTestCase {
    func parse(_ s: String) throws -> Formula { try FOLParser.parse(s).formula }

    func testInfer() throws {
        let fs = try ["∀x (Dog(x) → Animal(x))", "Owns(rina, f(rex))", "a = b"].map(parse)
        let sig = try Signature.infer(from: fs)
        XCTAssertEqual(sig.predicates, ["Dog": 1, "Animal": 1, "Owns": 2])
        XCTAssertEqual(sig.functions, ["rina": 0, "f": 1, "rex": 0, "a": 0, "b": 0])
    }

    func testArityClashNamesBothUses() throws {
        let fs = try ["Dog(rex)", "∀x (Dog(x) → Animal(x))", "Dog(rex, rina)"].map(parse)
        XCTAssertThrowsError(try Signature.infer(from: fs)) { e in
            let err = e as! SignatureError
            XCTAssertEqual(err.name, "Dog")
            XCTAssertEqual(err.first, SymbolUse(formulaIndex: 0, arity: 1, isPredicate: true))
            XCTAssertEqual(err.second, SymbolUse(formulaIndex: 2, arity: 2, isPredicate: true))
            XCTAssertEqual(err.description, "'Dog' is used as a predicate of arity 1 in formula 0 and as a predicate of arity 2 in formula 2")
        }
        XCTAssertThrowsError(try Signature.infer(from: try ["Dog(rex)", "Likes(Dog, rex)"].map(parse))) { e in
            XCTAssertEqual((e as! SignatureError).second, SymbolUse(formulaIndex: 1, arity: 0, isPredicate: false))
        }
    }

    func testArityRepair() throws {
        let fs = try ["Dog(rex)", "Dog(rex, rina) ∧ Dog_2", "Likes(Dog, rex)"].map(parse)
        let (fixed, repairs) = ArityRepair.repairing(fs)
        XCTAssertEqual(repairs.map(\.renamedTo), ["Dog_2_2", "Dog_fn_0"])
        XCTAssertEqual(repairs[0].formulaIndices, [1])
        XCTAssertEqual(repairs[0].description, "'Dog' used as a predicate of arity 2 (formulas 1) renamed to 'Dog_2_2'")
        XCTAssertEqual(fixed[1], try parse("Dog_2_2(rex, rina) ∧ Dog_2"))
        XCTAssertNoThrow(try Signature.infer(from: fixed))
        XCTAssertEqual(ArityRepair.repairing(Array(fs.prefix(1))).repairs, [])
    }

    func testSubstitutionAvoidsCapture() {
        let x = Term.variable("x"), y = Term.variable("y")
        let f = Formula.forall("y", .predicate("R", [x, y]))
        XCTAssertEqual(f.substituting(["x": y]), .forall("y1", .predicate("R", [y, .variable("y1")])))
        XCTAssertEqual(f.substituting(["y": x]), f)  // y is bound: nothing to do
        XCTAssertEqual(Formula.exists("x", .predicate("P", [x])).substituting(["x": .constant("a")]),
                       .exists("x", .predicate("P", [x])))
    }

    /// f[w := t] means f with w interpreted as t, in random finite models, even when t
    /// mentions variables the formula binds.
    func testSubstitutionLemmaProperty() {
        for seed in UInt64(1)...500 {
            var gen = RandomFormulas(seed: seed)
            gen.variables = ["x", "y", "w"]
            let f = gen.formula(depth: 4, bound: ["w", "x"])
            let t = gen.term(depth: 2, bound: ["x", "y"])
            let g = f.substituting(["w": t])
            for size in 2...3 {
                let m = FiniteModel(size: size, seed: seed &+ UInt64(size))
                for ex in 0..<size { for ey in 0..<size {
                    let env = ["x": ex, "y": ey]
                    var envW = env
                    envW["w"] = m.value(t, env)
                    if m.eval(g, env) != m.eval(f, envW) {
                        return XCTFail("seed \(seed): \(f) [w := \(t)] gave \(g)")
                    }
                } }
            }
        }
    }
}
