import XCTest
@testable import Prover

/// A user-predicate goal that a clause body continues with is called directly, its
/// arguments in registers (Sources/Prover/Engine/ClauseExecution.swift). These tests pin
/// what must not change on that path: choice points left by the callee, cut, bounds by
/// name, error positions, deep recursion.
final class EngineDirectCallTests: XCTestCase {
    func machine(_ program: String) throws -> PrologMachine {
        let m = PrologMachine()
        m.onOutput = { _ in }
        try m.consult(program, file: "direct.pl")
        return m
    }

    func values(_ m: PrologMachine, _ goal: String) throws -> [String] {
        try m.solve(goal).map { $0.map { "\($0.name)=\($0.value)" }.joined(separator: ",") }
    }

    func testCalleeChoicePointsAreRetried() throws {
        let m = try machine("""
        q(1). q(2). q(3).
        p(X) :- q(X), X > 1.
        r(X, Y) :- q(X), q(Y), X < Y.
        s(X-Y) :- r(X, Y).
        first(X) :- q(X), !.
        later(X) :- first(Y), q(X), X > Y.
        pair(f(A, g(B)), [A|B]) :- q(A), q(B), A =:= B.
        """)
        XCTAssertEqual(try values(m, "p(X)"), ["X=2", "X=3"])
        XCTAssertEqual(try values(m, "r(X, Y)"), ["X=1,Y=2", "X=1,Y=3", "X=2,Y=3"])
        XCTAssertEqual(try values(m, "s(P)"), ["P=1-2", "P=1-3", "P=2-3"])
        XCTAssertEqual(try values(m, "first(X)"), ["X=1"])
        XCTAssertEqual(try values(m, "later(X)"), ["X=2", "X=3"])
        XCTAssertEqual(try values(m, "pair(T, L)"), ["T=f(1, g(1)),L=[1|1]", "T=f(2, g(2)),L=[2|2]", "T=f(3, g(3)),L=[3|3]"])
    }

    func testFreshVariablesAndSharedArguments() throws {
        let m = try machine("""
        app([], L, L).
        app([H|T], L, [H|R]) :- app(T, L, R).
        nrev([], []).
        nrev([H|T], R) :- nrev(T, RT), app(RT, [H], R).
        twice(X, Y) :- same(Z, Z), Z = X, Y = Z.
        same(A, A).
        """)
        XCTAssertEqual(try values(m, "nrev([1,2,3,4,5], R)"), ["R=[5, 4, 3, 2, 1]"])
        XCTAssertEqual(try values(m, "app(X, Y, [a,b])"), ["X=[],Y=[a, b]", "X=[a],Y=[b]", "X=[a, b],Y=[]"])
        XCTAssertEqual(try values(m, "twice(k, Y)"), ["Y=k"])
    }

    func testDeterministicLoopsStopAtEachBoundByName() throws {
        let m = try machine("""
        loop :- loop.
        count(N) :- N1 is N + 1, count(N1).
        grow(L) :- grow([x|L]).
        """)
        m.limits = PrologLimits(depth: 5_000)
        XCTAssertThrowsError(try m.solve("loop")) { XCTAssertEqual("\($0)", "limit: depth") }
        m.limits = PrologLimits(steps: 5_000)
        XCTAssertThrowsError(try m.solve("count(0)")) { XCTAssertEqual("\($0)", "limit: steps") }
        m.limits = PrologLimits(seconds: 0.2)
        XCTAssertThrowsError(try m.solve("loop")) { XCTAssertEqual("\($0)", "limit: time") }
        m.limits = PrologLimits()
        m.limits.heapCells = 1 << 16
        XCTAssertThrowsError(try m.solve("grow([])")) { XCTAssertEqual("\($0)", "limit: memory") }
    }

    func testStepsCountEveryDirectCall() throws {
        // chain(N) makes N + 1 calls of chain/1, each a direct call after the first.
        let m = try machine("""
        chain(0) :- !.
        chain(N) :- N1 is N - 1, chain(N1).
        """)
        m.limits = PrologLimits(steps: 110)
        XCTAssertEqual(try values(m, "chain(100)"), [""])
        XCTAssertThrowsError(try m.solve("chain(200)")) { XCTAssertEqual("\($0)", "limit: steps") }
    }

    func testErrorsInADirectlyCalledClauseNameThatClause() throws {
        let m = try machine("""
        p(X) :- q(X).
        q(X) :- Y is X + a, Y > 0.
        """)
        XCTAssertThrowsError(try m.solve("p(1)")) { e in
            let err = e as? PrologError
            XCTAssertEqual(err?.term, "type_error(evaluable, a/0)")
            XCTAssertEqual(err?.location, "direct.pl:2:1, clause of q/1")
        }
    }

    func testDeepNonTailRecursion() throws {
        let m = try machine("""
        len([], 0).
        len([_|T], N) :- len(T, M), N is M + 1.
        mk(0, []) :- !.
        mk(N, [N|T]) :- N1 is N - 1, mk(N1, T).
        """)
        XCTAssertEqual(try values(m, "\\+ \\+ (mk(200000, L), len(L, 200000))"), [""])
    }
}
