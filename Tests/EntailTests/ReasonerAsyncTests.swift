import Foundation
import XCTest
@testable import Entail

/// The async, cancellable `Reasoner.solve`, and the example executable built on it.
final class ReasonerAsyncTests: XCTestCase {
    func socrates() throws -> Problem {
        try ProblemFileReader.read(contentsOfFile: TestPaths.packageRoot.appendingPathComponent("problems/socrates.problem").path)[0]
    }

    func testAsyncSolveGivesTheSynchronousVerdict() async throws {
        let problem = try socrates()
        let reasoner = Reasoner()
        let solution: Solution = try await reasoner.solve(problem)
        XCTAssertEqual(solution.verdict, .false)
        XCTAssertEqual(solution.correct, true)
        let sync = solveSynchronously(reasoner, problem)
        XCTAssertEqual(sync.verdict, solution.verdict)
        XCTAssertEqual(sync.certificate, solution.certificate)
    }

    /// In an async context the async overload is chosen; from a synchronous one, the other.
    func solveSynchronously(_ reasoner: Reasoner, _ problem: Problem) -> Solution {
        reasoner.solve(problem)
    }

    func testACancelledTaskDoesNotStart() async throws {
        let problem = try socrates()
        let task = Task { () async throws -> Solution in
            withUnsafeCurrentTask { $0?.cancel() }
            return try await Reasoner().solve(problem)
        }
        do {
            _ = try await task.value
            XCTFail("a cancelled task solved the problem")
        } catch is CancellationError {
        }
    }

    func testCancellationEndsTheWaitAtOnce() async throws {
        let started = ContinuousClock.now
        let task = Task { try await CancellableWork.run { () -> Int in sleep(5); return 1 } }
        try await Task.sleep(for: .milliseconds(100))
        task.cancel()
        do {
            _ = try await task.value
            XCTFail("the cancelled work returned")
        } catch is CancellationError {
        }
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(3))
        // Work that is not cancelled returns its value.
        let value = try await CancellableWork.run { 6 * 7 }
        XCTAssertEqual(value, 42)
    }

    /// Examples/SolveExample, built by `swift build`, solves problems/socrates.problem.
    func testExampleExecutableSolvesSocrates() throws {
        guard let entail = TestPaths.entailExecutable else { throw XCTSkip("the executables are not built") }
        let example = entail.deletingLastPathComponent().appendingPathComponent("SolveExample")
        guard FileManager.default.isExecutableFile(atPath: example.path) else { throw XCTSkip("SolveExample is not built") }
        let r = try BatchCommandLineTests.run(example, ["problems/socrates.problem"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, "socrates: false\n  because of premises 1, 2\n")
        let wrong = try BatchCommandLineTests.run(example, ["problems/no-such-file.problem"])
        XCTAssertEqual(wrong.status, 2)
        XCTAssertTrue(wrong.err.contains("no-such-file"), wrong.err)
    }
}
