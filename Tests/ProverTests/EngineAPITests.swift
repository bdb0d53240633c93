import XCTest
@testable import Prover

/// The public API: consult, solve, topLevel, limits, errors.
final class EngineAPITests: XCTestCase {
    func machine(_ program: String) throws -> PrologMachine {
        let m = PrologMachine()
        m.onOutput = { _ in }
        try m.consult(program, file: "test.pl")
        return m
    }

    func testSolveReturnsBindings() throws {
        let m = try machine("p(1). p(2).")
        let answers = try m.solve("p(X)")
        XCTAssertEqual(answers, [[PrologBinding(name: "X", value: "1")], [PrologBinding(name: "X", value: "2")]])
        XCTAssertEqual(try m.solve("p(3)"), [])
        XCTAssertEqual(try m.solve("p(1)"), [[]])
    }

    func testTopLevelPrintsLikeSWI() throws {
        let m = try machine("p(a). p(b).")
        var out = ""
        m.onOutput = { out += $0 }
        m.topLevel("p(X)", all: true)
        XCTAssertEqual(out, "X = a ;\nX = b.\n")
        out = ""
        m.topLevel("p(c)")
        XCTAssertEqual(out, "false.\n")
        out = ""
        m.topLevel("X = Y")
        XCTAssertEqual(out, "X = Y.\n")
    }

    func testErrorsCarryTermGoalAndClausePosition() throws {
        let m = try machine("\n\nq(X) :- X is 1 + a.")
        XCTAssertThrowsError(try m.solve("q(_)")) { e in
            guard let e = e as? PrologError else { return XCTFail("\(e)") }
            XCTAssertEqual(e.term, "type_error(evaluable, a/0)")
            XCTAssertEqual(e.location, "test.pl:3:1, clause of q/1")
        }
        XCTAssertThrowsError(try m.solve("nope(1)")) { e in
            XCTAssertEqual((e as? PrologError)?.term, "existence_error(procedure, nope/1)")
        }
    }

    func testBoundsAreReportedByName() throws {
        let m = try machine("loop :- loop.\nspin :- repeat, fail.\nn(1). n(2). n(3).\nwide :- n(_), n(_), n(_), n(_), n(_), n(_), n(_), n(_), fail.")
        m.limits = PrologLimits(depth: 1_000)
        XCTAssertThrowsError(try m.solve("loop")) { XCTAssertEqual("\($0)", "limit: depth") }
        m.limits = PrologLimits(steps: 1_000)
        XCTAssertThrowsError(try m.solve("wide")) { XCTAssertEqual("\($0)", "limit: steps") }
        m.limits = PrologLimits(seconds: 0.2)
        let start = Date()
        XCTAssertThrowsError(try m.solve("spin")) { XCTAssertEqual("\($0)", "limit: time") }
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
        m.limits = PrologLimits()
        XCTAssertEqual(try m.solve("n(X)").count, 3, "the machine is usable after a limit")
    }

    func testCutBarrierInsideFindallAndNegation() throws {
        let m = try machine("t(1). t(2). t(3).\nf(L) :- findall(X, (t(X), !), L).\ng :- \\+ (t(X), !, X > 1).")
        XCTAssertEqual(try m.solve("f(L)").first?.first?.value, "[1]")
        XCTAssertEqual(try m.solve("g").count, 1)
    }

    func testDeterministicRecursionAndBigLists() throws {
        let m = try machine("count(0) :- !.\ncount(N) :- N1 is N - 1, count(N1).\nmk(0, []) :- !.\nmk(N, [N|T]) :- N1 is N - 1, mk(N1, T).")
        XCTAssertEqual(try m.solve("count(200000)").count, 1)
        XCTAssertEqual(try m.solve("mk(100000, L), length(L, N)").first?.last?.value, "100000")
    }

    func testTablingTerminatesOnLeftRecursionAndCycles() throws {
        let edges = (0..<200).map { "e(\($0), \(($0 + 1) % 200))." }.joined(separator: "\n")
        let m = try machine(":- table r/2.\nr(X, Y) :- r(X, Z), e(Z, Y).\nr(X, Y) :- e(X, Y).\n" + edges)
        XCTAssertEqual(try m.solve("findall(Y, r(0, Y), L), length(L, N)").first?.last?.value, "200")
        XCTAssertEqual(try m.solve("r(5, 4)").count, 1)
    }
}
