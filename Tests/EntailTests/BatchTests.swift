import Foundation
import XCTest
@testable import Entail

final class BatchTests: XCTestCase {
    func testShardsPartitionTheItems() {
        let items = Array(0..<10)
        var seen: [Int] = []
        for i in 1...3 { seen += BatchSelection(shardIndex: i, shardCount: 3).select(items) }
        XCTAssertEqual(seen.sorted(), items)
        XCTAssertEqual(BatchSelection(shardIndex: 2, shardCount: 3, limit: 2).select(items), [1, 4])
        XCTAssertEqual(BatchSelection(limit: 0).select(items), [])
        XCTAssertNil(BatchSelection.parseShard("0/3"))
        XCTAssertNil(BatchSelection.parseShard("4/3"))
        XCTAssertNil(BatchSelection.parseShard("x"))
        XCTAssertEqual(BatchSelection.parseShard("2/3")?.0, 2)
    }

    func testResumeDropsATornLastLineAndKeepsCompleteRecords() throws {
        let path = NSTemporaryDirectory() + "entail-resume-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("{\"id\":\"a\",\"verdict\":\"true\"}\n{\"id\":\"b\",\"verd".utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(JSONLWriter.completedIDs(at: path), ["a"])
        let writer = try JSONLWriter(path: path, resume: true)
        try writer.append(Solution(id: "b", verdict: .false).jsonLine())
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        for line in lines {
            XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(line.utf8)))
        }
        XCTAssertEqual(JSONLWriter.completedIDs(at: path), ["a", "b"])
    }

    func testSummaryCountsAndAccuracyLine() {
        var summary = BatchSummary()
        var a = Solution(id: "a", verdict: .true, expected: .true)
        a.cost.proverCalls = 2
        summary.add(a)
        summary.add(Solution(id: "b", verdict: .unknown, expected: .false))
        summary.add(Solution(id: "c", verdict: .error, expected: nil))
        XCTAssertEqual(summary.accuracyLine, "accuracy: 1/2 (50.0%)")
        XCTAssertTrue(summary.report.contains("problems: 3"), summary.report)
    }

    func testUnreadableRecordsAreErrorsForThatRecordOnly() {
        let good = Problem(id: "good", premises: [], conclusion: nil, expected: .true)
        let items: [BatchItem] = [
            .unreadable(id: "bad", expected: .true, message: "x.json record 0: expected an object"),
            .problem(good),
        ]
        let emitted = Emitted()
        let summary = BatchRunner.run(items, makeSolver: { { Solution(id: $0.id, verdict: .true, expected: $0.expected) } }) { s, _ in emitted.append(s) }
        XCTAssertEqual(emitted.solutions.map(\.verdict), [.error, .true])
        XCTAssertEqual(summary.accuracyLine, "accuracy: 1/2 (50.0%)")
        XCTAssertEqual(summary.unreadable, 0)   // its expected verdict was known
        let old = BatchRecord(id: "bad", verdict: "error", expected: "true")
        let resumed = BatchRunner.run(items, resumingFrom: ["bad": old], makeSolver: { { Solution(id: $0.id, verdict: .true, expected: $0.expected) } })
        XCTAssertEqual(resumed.total, 2)
        XCTAssertEqual(resumed.accuracyLine, "accuracy: 1/2 (50.0%)")
    }
}
