import Foundation
import XCTest
@testable import Entail

/// Collects emitted solutions from the runner's (serialized) emit calls.
final class Emitted: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var solutions: [Solution] = []
    private(set) var summaries: [BatchSummary] = []
    func append(_ s: Solution, _ summary: BatchSummary? = nil) {
        lock.lock(); defer { lock.unlock() }
        solutions.append(s)
        if let summary { summaries.append(summary) }
    }
}

/// The parallel runner, resume, the summary and the progress line, without the executable.
final class BatchRunnerTests: XCTestCase {
    /// A deterministic stand-in for a reasoner: the verdict is a function of the id, and
    /// every few problems take a little longer, so that workers finish out of order.
    static func stubSolver() -> ProblemSolver {
        { problem in
            let n = Int(problem.id.dropFirst()) ?? 0
            if n % 7 == 0 { usleep(2_000) }
            let verdicts: [Verdict] = [.true, .false, .unknown, .abstain, .timeout]
            var s = Solution(id: problem.id, verdict: verdicts[n % verdicts.count], expected: problem.expected)
            s.cost.seconds = 0.5
            s.cost.modelCalls = n % 3
            return s
        }
    }

    static func problems(_ count: Int) -> [BatchItem] {
        (0..<count).map { .problem(Problem(id: "p\($0)", expected: $0 % 2 == 0 ? .true : .false)) }
    }

    func testJobsGiveTheSameRecordsAndSummaryAsOneJob() {
        let items = Self.problems(120) + [.unreadable(id: "broken", expected: nil, message: "bad record")]
        var lines: [Int: [String]] = [:]
        var reports: [Int: String] = [:]
        for jobs in [1, 2, 4] {
            let emitted = Emitted()
            let summary = BatchRunner.run(items, jobs: jobs, makeSolver: { Self.stubSolver() }) { s, _ in emitted.append(s) }
            lines[jobs] = emitted.solutions.map { $0.jsonLine() }
            reports[jobs] = summary.report.replacingOccurrences(of: #"cost per problem: [^\n]*"#, with: "", options: .regularExpression)
                + summary.accuracyLine
            XCTAssertEqual(emitted.solutions.count, items.count, "jobs \(jobs)")
            XCTAssertEqual(Set(emitted.solutions.map(\.id)).count, items.count, "jobs \(jobs): an id twice")
            XCTAssertEqual(summary.total, items.count)
        }
        XCTAssertEqual(lines[1], items.map { item -> String in
            switch item {
            case .problem(let p): return Self.stubSolver()(p).jsonLine()
            case .unreadable(let id, let e, let m): return BatchRunner.unreadableSolution(id: id, expected: e, message: m).jsonLine()
            }
        }, "one job keeps dataset order")
        XCTAssertEqual(Set(lines[2]!), Set(lines[1]!))
        XCTAssertEqual(Set(lines[4]!), Set(lines[1]!))
        XCTAssertEqual(reports[2], reports[1])
        XCTAssertEqual(reports[4], reports[1])
    }

    func testEachWorkerGetsItsOwnSolver() {
        let made = Emitted()
        let items = Self.problems(40)
        _ = BatchRunner.run(items, jobs: 3, makeSolver: {
            made.append(Solution(id: "solver", verdict: .true))
            return Self.stubSolver()
        })
        XCTAssertLessThanOrEqual(made.solutions.count, 3)
        XCTAssertGreaterThanOrEqual(made.solutions.count, 1)
        // No problems: no worker, no solver.
        let none = Emitted()
        _ = BatchRunner.run([], jobs: 2, makeSolver: { none.append(Solution(id: "s", verdict: .true)); return Self.stubSolver() })
        XCTAssertEqual(none.solutions.count, 0)
    }

    func testResumeSkipsDoneItemsAndTheSummaryCoversThem() {
        let items = Self.problems(10)
        var previous: [String: BatchRecord] = [:]
        for i in 0..<4 { previous["p\(i)"] = BatchRecord(id: "p\(i)", verdict: i % 2 == 0 ? "true" : "false", expected: i % 2 == 0 ? "true" : "false") }
        previous["elsewhere"] = BatchRecord(id: "elsewhere", verdict: "true", expected: "true")   // not in this selection
        let emitted = Emitted()
        let summary = BatchRunner.run(items, resumingFrom: previous, jobs: 2, makeSolver: { Self.stubSolver() }) { s, _ in emitted.append(s) }
        XCTAssertEqual(Set(emitted.solutions.map(\.id)), Set((4..<10).map { "p\($0)" }))
        XCTAssertEqual(summary.total, 10)
        // p0..p3 right from the earlier run; p4..p9 as the stub answers them.
        let fresh = (4..<10).filter { i in
            let v: [Verdict] = [.true, .false, .unknown, .abstain, .timeout]
            return v[i % 5] == (i % 2 == 0 ? .true : .false)
        }.count
        XCTAssertEqual(summary.correct, 4 + fresh)
    }

    func testSummaryCountsFailuresFalsePositivesAndUnknownVerdictNames() {
        var summary = BatchSummary()
        summary.add(Solution(id: "a", verdict: .true, expected: .true))
        summary.add(Solution(id: "b", verdict: .false, expected: .true))       // false positive
        summary.add(Solution(id: "c", verdict: .abstain, expected: .true))     // not a false positive
        summary.add(Solution(id: "g", verdict: .unknown, expected: .true))     // wrong, but claims no entailment
        summary.add(Solution(id: "d", verdict: .timeout, expected: .unknown))
        summary.add(BatchRecord(id: "e", verdict: "maybe-later", expected: "false"))
        summary.addUnreadable(Solution(id: "f", verdict: .error))
        XCTAssertEqual(summary.total, 7)
        XCTAssertEqual(summary.graded, 7)
        XCTAssertEqual(summary.correct, 1)
        XCTAssertEqual(summary.falsePositives, 1)
        XCTAssertEqual(summary.abstentions, 1)
        XCTAssertEqual(summary.timeouts, 1)
        XCTAssertEqual(summary.errors, 1)
        XCTAssertEqual(summary.accuracyLine, "accuracy: 1/7 (14.3%)")
        let report = summary.report
        XCTAssertTrue(report.contains("abstentions: 1   errors: 1   timeouts: 1   false positives: 1 (14.3% of graded)"), report)
        let header = try! XCTUnwrap(report.split(separator: "\n").first { $0.contains("expected ") })
        let columns = header.split(separator: " ").map(String.init)
        XCTAssertEqual(columns, ["expected", "true", "false", "unknown", "timeout", "error", "abstain", "maybe-later"])
        let falseRow = try! XCTUnwrap(report.split(separator: "\n").first { $0.hasPrefix("  false ") })
        XCTAssertEqual(falseRow.split(separator: " ").map(String.init), ["false", "0", "0", "0", "0", "0", "0", "1"])
        XCTAssertTrue(report.contains("cost per problem:"), report)
    }

    func testRecordsReadBackFromJSONLines() throws {
        var s = Solution(id: "x", verdict: .unknown, expected: .false)
        s.cost.seconds = 1.25; s.cost.modelCalls = 3; s.cost.tokens = 40; s.cost.proverCalls = 2
        let record = try XCTUnwrap(BatchRecord(jsonLine: Data(s.jsonLine().utf8)))
        XCTAssertEqual(record, BatchRecord(id: "x", verdict: "unknown", expected: "false", cost: s.cost))
        XCTAssertNil(BatchRecord(jsonLine: Data("{\"id\":\"x\",\"verd".utf8)))
        XCTAssertNil(BatchRecord(jsonLine: Data("[1,2]".utf8)))
        XCTAssertNil(BatchRecord(jsonLine: Data("{\"id\":3,\"verdict\":\"true\"}".utf8)))
    }

    func testConcurrentAppendsWriteWholeLines() throws {
        let path = NSTemporaryDirectory() + "entail-concurrent-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try JSONLWriter(path: path, resume: false)
        let long = String(repeating: "x", count: 5000)
        DispatchQueue.concurrentPerform(iterations: 200) { i in
            var s = Solution(id: "r\(i)", verdict: .true)
            s.notes = [long]
            try! writer.append(s.jsonLine())
        }
        let records = JSONLWriter.completedRecords(at: path)
        XCTAssertEqual(records.count, 200)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, 200)
    }

    func testResumeRemovesEveryLineThatIsNotARecord() throws {
        let path = NSTemporaryDirectory() + "entail-damaged-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: path) }
        var bytes = Data("{\"id\":\"a\",\"verdict\":\"true\"}\n".utf8)
        bytes.append(Data(repeating: 0, count: 64))          // what a crashed machine can leave
        bytes.append(Data("\n\n{\"id\":\"b\",\"verdict\":\"false\"}\n[1]\n{\"id\":\"c\",\"ver".utf8))
        try bytes.write(to: URL(fileURLWithPath: path))
        let writer = try JSONLWriter(path: path, resume: true)
        XCTAssertEqual(writer.droppedLines, 3)
        try writer.append(Solution(id: "c", verdict: .unknown).jsonLine())
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertEqual(text, "{\"id\":\"a\",\"verdict\":\"true\"}\n{\"id\":\"b\",\"verdict\":\"false\"}\n" + Solution(id: "c", verdict: .unknown).jsonLine() + "\n")
        XCTAssertEqual(try JSONLWriter(path: path, resume: true).droppedLines, 0)
    }

    func testProgressLineAndFinalLine() {
        let start = ContinuousClock.now
        var progress = BatchProgress(total: 400, alreadyDone: 100, start: start)
        var summary = BatchSummary()
        for i in 0..<220 { summary.add(Solution(id: "p\(i)", verdict: i < 200 ? .true : .false, expected: .true)) }
        // 120 solved in this run in 60 s: 120/min, 180 left: 1m30s.
        let line = progress.line(summary, at: start + .seconds(60))
        XCTAssertEqual(line, "[###########---------] 220/400  acc 90.9%  120.0/min  ETA 1m30s")
        XCTAssertEqual(progress.finalLine(summary, at: start + .seconds(60)), "done: 120 problems in 1m00s (120.0/min), 100 from the earlier run")
        XCTAssertTrue(progress.shouldRedraw(at: start))
        XCTAssertFalse(progress.shouldRedraw(at: start + .milliseconds(100)))
        XCTAssertTrue(progress.shouldRedraw(at: start + .milliseconds(300)))
        XCTAssertEqual(BatchProgress.duration(7300), "2h01m")
        XCTAssertEqual(BatchProgress(total: 0).line(BatchSummary()), "[####################] 0/0  acc -  -/min  ETA -")
    }
}
