import Foundation
import Logic
import XCTest
@testable import Z3Bridge

final class Z3BenchTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let script = packageRoot.appendingPathComponent("bench/z3/z3py_bench.py")

    /// True when `python3` can import z3 (the `z3-solver` package).
    static func pythonHasZ3() -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import z3"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    func handBuiltProblems() -> [Z3BenchProblem] {
        var problems = SMTLIB2ExportTests.problems().map {
            Z3BenchProblem(name: $0.name, premises: $0.premises, conclusion: $0.conclusion)
        }
        for i in 0..<8 {
            let (premises, conclusion) = Z3StressTests.problem(i)
            problems.append(Z3BenchProblem(name: "stress\(i)", premises: premises, conclusion: conclusion))
        }
        problems.append(Z3BenchProblem(name: "pigeonhole", premises: pigeonhole(12), conclusion: p("Q", c("a"))))
        return problems
    }

    func testBridgeSideAndTable() throws {
        let report = try Z3Bench.run(problems: handBuiltProblems(), timeout: .milliseconds(200))
        XCTAssertEqual(report.rows.count, 19)
        XCTAssertEqual(report.rows.last?.verdict, .timeout)
        XCTAssertEqual(report.rows.first?.verdict, .true)
        XCTAssertTrue(report.table.contains("19 problems"), report.table)
        XCTAssertTrue(report.table.contains("z3py: not run"), report.table)
        XCTAssertEqual(Z3BenchReport.medianAndMax([.seconds(3), .seconds(1), .seconds(2)])?.median, .seconds(2))
        XCTAssertEqual(Z3BenchReport.medianAndMax([.seconds(3), .seconds(1)])?.median, .seconds(2))
        XCTAssertEqual(Z3BenchReport.medianAndMax([.seconds(3), .seconds(1)])?.max, .seconds(3))
    }

    func testPythonSideAgrees() throws {
        guard Self.pythonHasZ3() else { throw XCTSkip("python3 has no z3 module (pip install z3-solver)") }
        let report = try Z3Bench.run(problems: handBuiltProblems(), timeout: .milliseconds(200), repetitions: 2,
                                     pythonScript: Self.script)
        print(report.table)
        XCTAssertNil(report.pythonNote, report.table)
        XCTAssertNotNil(report.pythonZ3Version)
        XCTAssertTrue(report.rows.allSatisfy { $0.pythonTotal != nil }, report.table)
        XCTAssertEqual(report.disagreements.map(\.name), [], report.table)
    }

    func testMissingInterpreterIsNotedNotThrown() throws {
        let report = try Z3Bench.run(problems: Array(handBuiltProblems().prefix(2)), timeout: .seconds(1),
                                     pythonScript: Self.script, python: "no-such-python-interpreter")
        XCTAssertNotNil(report.pythonNote)
        XCTAssertTrue(report.table.contains("did not run"), report.table)
    }
}
