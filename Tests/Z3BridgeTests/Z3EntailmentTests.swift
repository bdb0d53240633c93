import Logic
import XCTest
@testable import Z3Bridge

final class Z3EntailmentTests: XCTestCase {
    let z3 = Z3Entailment(timeout: .seconds(10))

    func testSyllogismIsTrueWithCore() throws {
        let premises = [
            all("x", .implies(p("Dog", v("x")), p("Animal", v("x")))),
            p("Cat", c("tom")),
            p("Dog", c("rex")),
        ]
        let d = try z3.decide(premises: premises, conclusion: p("Animal", c("rex")))
        XCTAssertEqual(d.verdict, .true)
        XCTAssertEqual(d.unsatCore, [0, 2])
        XCTAssertNil(d.countermodel)
        XCTAssertEqual(d.results[.negatedConclusion], .unsat)
        XCTAssertNil(d.results[.conclusion], "a decided true needs no third check")
    }

    func testNegationFollowsIsFalse() throws {
        let premises = [
            p("Happy", c("ann")),
            all("x", .implies(p("Sad", v("x")), .not(p("Happy", v("x"))))),
            p("Tall", c("bob")),
        ]
        let d = try z3.decide(premises: premises, conclusion: p("Sad", c("ann")))
        XCTAssertEqual(d.verdict, .false)
        XCTAssertEqual(d.unsatCore, [0, 1])
        XCTAssertNotNil(d.countermodel, "premises ∧ ¬conclusion is satisfiable")
    }

    func testNeitherIsUnknownWithModelsBothWays() throws {
        let premises = [p("Dog", c("rex")), all("x", .implies(p("Dog", v("x")), p("Animal", v("x"))))]
        let d = try z3.decide(premises: premises, conclusion: p("Brown", c("rex")))
        XCTAssertEqual(d.verdict, .unknown)
        XCTAssertEqual(d.unsatCore, [])
        let against = try XCTUnwrap(d.countermodel)
        let forIt = try XCTUnwrap(d.modelOfConclusion)
        XCTAssertFalse(against.trueAtoms.contains { $0.hasPrefix("Brown(") && $0.contains(against.constants["rex"]!) })
        XCTAssertTrue(forIt.trueAtoms.contains("Brown(\(forIt.constants["rex"]!))"))
        XCTAssertTrue(forIt.trueAtoms.contains("Animal(\(forIt.constants["rex"]!))"))
        XCTAssertTrue(forIt.isComplete)
        XCTAssertFalse(against.text.isEmpty)
        XCTAssertEqual(d.model, against.text)
    }

    func testInconsistentPremisesWithCore() throws {
        let premises = [
            p("Bird", c("tweety")),
            p("Small", c("tweety")),
            all("x", .implies(p("Bird", v("x")), p("Flies", v("x")))),
            .not(p("Flies", c("tweety"))),
        ]
        let d = try z3.decide(premises: premises, conclusion: p("Small", c("tweety")))
        XCTAssertEqual(d.verdict, .inconsistent)
        XCTAssertEqual(d.unsatCore, [0, 2, 3])
        XCTAssertEqual(d.results[.premises], .unsat)
    }

    func testMinimizedCoreDropsIrrelevantPremises() throws {
        let noise = (0..<8).map { p("Noise\($0)", c("n\($0)")) }
        let premises = noise + [p("A", c("a")), .implies(p("A", c("a")), p("B", c("a")))]
        let d = try Z3Entailment(timeout: .seconds(10), minimizeCores: true)
            .decide(premises: premises, conclusion: p("B", c("a")))
        XCTAssertEqual(d.verdict, .true)
        XCTAssertEqual(d.unsatCore, [8, 9])
    }

    func testFunctionsAndEquality() throws {
        // mother(ann) = mary, mary is a Teacher ⊨ Teacher(mother(ann))
        let premises = [eq(f("mother", c("ann")), c("mary")), p("Teacher", c("mary"))]
        let d = try z3.decide(premises: premises, conclusion: p("Teacher", f("mother", c("ann"))))
        XCTAssertEqual(d.verdict, .true)
        XCTAssertEqual(d.unsatCore, [0, 1])
        // Distinct constants may denote the same element: a ≠ b does not follow.
        let u = try z3.decide(premises: [p("P", c("a"))], conclusion: .notEqual(c("a"), c("b")))
        XCTAssertEqual(u.verdict, .unknown)
        // Congruence: a = b ⊨ f(a) = f(b)
        let cong = try z3.decide(premises: [eq(c("a"), c("b"))], conclusion: eq(f("f", c("a")), f("f", c("b"))))
        XCTAssertEqual(cong.verdict, .true)
    }

    func testExclusiveOr() throws {
        // A ⊕ B, A ⊨ ¬B  (so B is false)
        let premises = [Formula.xor(p("A", c("k")), p("B", c("k"))), p("A", c("k"))]
        XCTAssertEqual(try z3.decide(premises: premises, conclusion: p("B", c("k"))).verdict, .false)
        XCTAssertEqual(try z3.decide(premises: premises, conclusion: .not(p("B", c("k")))).verdict, .true)
        // ⊕ is not ∨: A ∨ B, A leaves B open.
        let orPremises = [Formula.or([p("A", c("k")), p("B", c("k"))]), p("A", c("k"))]
        XCTAssertEqual(try z3.decide(premises: orPremises, conclusion: p("B", c("k"))).verdict, .unknown)
    }

    func testQuantifiersNestedAndExistential() throws {
        // ∀x∃y Loves(x,y), ∀x∀y (Loves(x,y) → Happy(x)) ⊨ ∀x Happy(x)
        let premises = [
            all("x", some("y", p("Loves", v("x"), v("y")))),
            all("x", all("y", .implies(p("Loves", v("x"), v("y")), p("Happy", v("x"))))),
        ]
        let d = try z3.decide(premises: premises, conclusion: all("x", p("Happy", v("x"))))
        XCTAssertEqual(d.verdict, .true)
        // Shadowing: ∀x (P(x) ∧ ∃x ¬P(x)) is inconsistent only if the inner x is its own variable.
        let shadow = all("x", .and([p("P", v("x")), some("x", .not(p("P", v("x"))))]))
        XCTAssertEqual(try z3.isSatisfiable([shadow]), false)
        // A bound x is not the constant x.
        XCTAssertEqual(try z3.isSatisfiable([all("x", p("P", v("x"))), .not(p("P", c("x")))]), false)
        XCTAssertEqual(try z3.isSatisfiable([some("x", p("P", v("x"))), .not(p("P", c("x")))]), true)
    }

    func testFreeVariablesAreConstants() throws {
        // A free x is the constant x.
        XCTAssertEqual(try z3.isSatisfiable([p("P", v("x")), .not(p("P", c("x")))]), false)
        let d = try z3.decide(premises: [p("P", v("y"))], conclusion: some("z", p("P", v("z"))))
        XCTAssertEqual(d.verdict, .true)
    }

    func testNameWithTwoAritiesDoesNotCrash() throws {
        // P/1 and P/2, and f used as predicate and as function: distinct symbols.
        let premises = [p("P", c("a")), p("P", c("a"), c("b")), p("f", f("f", c("a")))]
        let d = try z3.decide(premises: premises, conclusion: p("P", c("b")))
        XCTAssertEqual(d.verdict, .unknown)
        XCTAssertEqual(try z3.decide(premises: premises, conclusion: p("P", c("a"), c("b"))).verdict, .true)
        XCTAssertEqual(try z3.decide(premises: premises, conclusion: p("f", f("f", c("a")))).verdict, .true)
    }

    func testTruthFalsityAndEmptyConnectives() throws {
        XCTAssertEqual(try z3.decide(premises: [], conclusion: .truth).verdict, .true)
        XCTAssertEqual(try z3.decide(premises: [], conclusion: .falsity).verdict, .false)
        XCTAssertEqual(try z3.decide(premises: [.falsity], conclusion: .truth).verdict, .inconsistent)
        XCTAssertEqual(try z3.isValid(.and([])), true)
        XCTAssertEqual(try z3.isSatisfiable([.or([])]), false)
    }

    func testValidityAndEquivalence() throws {
        let a = p("A", c("k")), b = p("B", c("k"))
        XCTAssertEqual(try z3.areEquivalent(.implies(a, b), .or([.not(a), b])), true)
        XCTAssertEqual(try z3.areEquivalent(.xor(a, b), .not(.iff(a, b))), true)
        XCTAssertEqual(try z3.areEquivalent(.xor(a, b), .or([a, b])), false)
        XCTAssertEqual(try z3.areEquivalent(.not(all("x", p("P", v("x")))), some("x", .not(p("P", v("x"))))), true)
        XCTAssertEqual(try z3.isValid(.or([a, .not(a)])), true)
        XCTAssertEqual(try z3.isValid(a), false)
        XCTAssertEqual(try z3.check([a, .not(a)]), .unsat)
    }

    func testOddNamesAreHandled() throws {
        let names = ["and", "not", "true", "div", "select", "x!1", "a|b", "1abc", "héllo", "with space", "", "U", "premise!0"]
        var premises: [Formula] = []
        for (i, name) in names.enumerated() { premises.append(p(name, c(name), c("k\(i)"))) }
        let d = try z3.decide(premises: premises, conclusion: p("héllo", c("héllo"), c("k8")))
        XCTAssertEqual(d.verdict, .true)
        XCTAssertEqual(d.unsatCore, [8])
    }

    func testTimeoutIsReportedAsTimeoutNeverUnknown() throws {
        let hard = pigeonhole(12)
        let quick = Z3Entailment(timeout: .milliseconds(50))
        let clock = ContinuousClock()
        let start = clock.now
        let d = try quick.decide(premises: hard, conclusion: p("Q", c("a")))
        let elapsed = start.duration(to: clock.now)
        XCTAssertEqual(d.verdict, .timeout)
        XCTAssertNotEqual(d.verdict, .unknown)
        XCTAssertEqual(d.timedOutPhase, .premises)
        let reason = try XCTUnwrap(d.reasonUnknown)
        XCTAssertTrue(reason.contains("timeout") || reason.contains("canceled"), reason)
        XCTAssertLessThan(elapsed, .seconds(5), "three 50 ms checks took \(elapsed)")
        XCTAssertNil(try quick.isSatisfiable(hard))
    }

    func testDeepNestingThrowsInsteadOfOverflowing() throws {
        var deep = p("P", c("a"))
        for _ in 0..<(Z3Entailment.maxNesting + 10) { deep = .not(deep) }
        XCTAssertThrowsError(try z3.decide(premises: [deep], conclusion: .truth)) { error in
            XCTAssertEqual((error as? Z3Error)?.kind, .nestingTooDeep)
        }
        var fine = p("P", c("a"))
        for _ in 0..<900 { fine = .not(.not(fine)) }
        XCTAssertEqual(try z3.decide(premises: [fine], conclusion: p("P", c("a"))).verdict, .true)
    }
}
