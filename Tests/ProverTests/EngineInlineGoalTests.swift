import XCTest
@testable import Prover

/// Leading `is/2`, comparisons, `!`, `true` and `=` run inline from the clause template;
/// these tests pin that the inline path and the general builtins agree, including the
/// fall-backs (GMP overflow, rationals, errors with position, unbound operands).
final class EngineInlineGoalTests: XCTestCase {
    func machine(_ program: String) throws -> PrologMachine {
        let m = PrologMachine()
        m.onOutput = { _ in }
        try m.consult(program, file: "inline.pl")
        return m
    }

    func values(_ m: PrologMachine, _ goal: String) throws -> [String] {
        try m.solve(goal).map { $0.map { "\($0.name)=\($0.value)" }.joined(separator: ",") }
    }

    func testLeadingArithmeticComputesLikeTheGeneralPath() throws {
        let m = try machine("""
        f(X, Y) :- Y is (X * 3 - 7) // 2 + X mod 5 - (X rem 3) + min(X, 4) + max(X, 9) + abs(-X) + (X >> 1) + (X << 2) + (X /\\ 6) + (X \\/ 1) + xor(X, 3) + \\X + sign(X) + X div 3.
        g(X, Y) :- true, Z = X, Y is Z + 1.
        """)
        for x in [-17, -1, 0, 1, 2, 5, 12, 1000] {
            let expected = try values(m, "X0 = \(x), Y is (X0 * 3 - 7) // 2 + X0 mod 5 - (X0 rem 3) + min(X0, 4) + max(X0, 9) + abs(-X0) + (X0 >> 1) + (X0 << 2) + (X0 /\\ 6) + (X0 \\/ 1) + xor(X0, 3) + \\X0 + sign(X0) + X0 div 3")
            XCTAssertEqual(try values(m, "f(\(x), Y)"), expected.map { String($0.split(separator: ",")[1]) }, "x = \(x)")
        }
        XCTAssertEqual(try values(m, "g(41, Y)"), ["Y=42"])
        XCTAssertEqual(try values(m, "f(3, 99)"), [])
    }

    func testLeadingComparisonsAndCut() throws {
        let m = try machine("""
        cmp(X, Y, lt) :- X < Y, !.
        cmp(X, Y, eq) :- X =:= Y, !.
        cmp(_, _, gt).
        all(X, Y, L) :- findall(R, ((X < Y -> R = a ; true), (X > Y -> R = b ; true), (X =< Y, R = c ; X >= Y, R = d ; X =\\= Y, R = e)), L).
        t(X, Y) :- X + 1 =< Y * 2, X >= 0.
        """)
        XCTAssertEqual(try values(m, "cmp(1, 2, R)"), ["R=lt"])
        XCTAssertEqual(try values(m, "cmp(2, 2, R)"), ["R=eq"])
        XCTAssertEqual(try values(m, "cmp(3, 2, R)"), ["R=gt"])
        XCTAssertEqual(try values(m, "cmp(1 + 1, 4 - 2, R)"), ["R=eq"], "bound expressions evaluate")
        XCTAssertEqual(try values(m, "t(3, 2)"), [""])
        XCTAssertEqual(try values(m, "t(4, 2)"), [])
        XCTAssertEqual(try values(m, "t(-1, 2)"), [])
    }

    func testOverflowPromotesToGMPAndRationalsFallBack() throws {
        let m = try machine("""
        sq(X, Y) :- Y is X * X.
        half(X, Y) :- Y is X / 2.
        big(X) :- X > 1000000000000000000000.
        """)
        XCTAssertEqual(try values(m, "sq(4611686018427387904, Y)"), ["Y=21267647932558653966460912964485513216"])
        XCTAssertEqual(try values(m, "sq(1152921504606846975, Y)"), ["Y=1329227995784915870597964051066650625"])
        XCTAssertEqual(try values(m, "half(7, Y)"), ["Y=7r2"])
        XCTAssertEqual(try values(m, "half(8, Y)"), ["Y=4"])
        XCTAssertEqual(try values(m, "big(12)"), [])
        XCTAssertEqual(try values(m, "big(10000000000000000000000)"), [""])
    }

    func testErrorsFromInlinedGoalsKeepGoalAndPosition() throws {
        let m = try machine("\nq(X, Y) :- Y is X + 1.\nr(X) :- X < 3.\nz(X) :- _ is X // 0.")
        func check(_ goal: String, _ term: String, _ location: String, line: UInt = #line) {
            XCTAssertThrowsError(try m.solve(goal), line: line) { e in
                guard let e = e as? PrologError else { return XCTFail("\(e)", line: line) }
                XCTAssertEqual(e.term, term, line: line)
                XCTAssertEqual(e.location, location, line: line)
            }
        }
        check("q(foo, _)", "type_error(evaluable, foo/0)", "inline.pl:2:1, clause of q/2")
        check("q(_, _)", "instantiation_error", "inline.pl:2:1, clause of q/2")
        check("r(a)", "type_error(evaluable, a/0)", "inline.pl:3:1, clause of r/1")
        check("z(5)", "evaluation_error(zero_divisor)", "inline.pl:4:1, clause of z/1")
    }

    func testIsChecksABoundLeftSide() throws {
        let m = try machine("inc(X, Y) :- Y is X + 1.\nlhs(Y) :- foo is Y.")
        XCTAssertEqual(try values(m, "inc(1, 2)"), [""])
        XCTAssertEqual(try values(m, "inc(1, 3)"), [])
        XCTAssertEqual(try values(m, "inc(1, a)"), [])
        XCTAssertEqual(try values(m, "lhs(1)"), [])
    }

    func testInlinedCutPrunesAlternativesOnBacktracking() throws {
        let m = try machine("""
        p(X, Y) :- X > 0, !, Y = pos.
        p(_, other).
        n(1). n(2). n(-1).
        """)
        XCTAssertEqual(try values(m, "n(X), p(X, Y)"), ["X=1,Y=pos", "X=2,Y=pos", "X=-1,Y=other"])
    }

    func testFreshVariablesOnBothSides() throws {
        let m = try machine("""
        selfref(Y) :- X is X + 1, Y = X.
        same(Y) :- X = X, Y = X.
        alias(A, B) :- C = A, B = C.
        lit(Y) :- Y = a, Y == a.
        """)
        XCTAssertThrowsError(try m.solve("selfref(_)")) { XCTAssertEqual(($0 as? PrologError)?.term, "instantiation_error") }
        XCTAssertEqual(try values(m, "same(Y), var(Y)").count, 1)
        XCTAssertEqual(try values(m, "alias(7, B)"), ["B=7"])
        XCTAssertEqual(try values(m, "alias(A, B), A = 1"), ["A=1,B=1"])
        XCTAssertEqual(try values(m, "lit(Y)"), ["Y=a"])
        XCTAssertEqual(try values(m, "lit(b)"), [])
    }
}
