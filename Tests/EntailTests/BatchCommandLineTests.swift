import Foundation
import XCTest

/// `entail batch --jobs`, `--sweep`, SIGKILL and `--resume`, and `entail bench batch`,
/// run through the built executable.
final class BatchCommandLineTests: XCTestCase {
    struct Run { var status: Int32; var out: String; var err: String }

    static func run(_ executable: URL, _ arguments: [String]) throws -> Run {
        let p = Process()
        p.executableURL = executable
        p.arguments = arguments
        p.currentDirectoryURL = TestPaths.packageRoot
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        // Read stderr on another thread so that neither pipe can fill up and block the child.
        let errData = ErrorBuffer()
        let reader = Thread { errData.data = err.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        while reader.isExecuting || !reader.isFinished { usleep(1000) }
        return Run(status: p.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: errData.data, as: UTF8.self))
    }

    final class ErrorBuffer: @unchecked Sendable { var data = Data() }

    func entail(_ arguments: [String]) throws -> Run {
        guard let exe = TestPaths.entailExecutable else { throw XCTSkip("the entail executable is not built") }
        return try Self.run(exe, arguments)
    }

    func temporaryPath(_ suffix: String) -> String {
        let path = NSTemporaryDirectory() + "entail-batchcli-\(UUID().uuidString)\(suffix)"
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    /// `count` formal problems in Entail JSONL: a third true, a third false, a third unknown,
    /// with a malformed line every 50 records.
    func dataset(_ count: Int) throws -> String {
        var lines: [String] = []
        for i in 0..<count {
            if i % 50 == 49 { lines.append("{\"id\": \"broken\(i)\", this is not JSON"); continue }
            let (goal, label) = [("Q(c\(i))", "True"), ("~Q(c\(i))", "False"), ("R(c\(i))", "Unknown")][i % 3]
            lines.append(#"{"id": "p\#(i)", "premises": ["x"], "premises_fol": ["all x. (P(x) -> Q(x))", "P(c\#(i))"], "conclusion": "y", "conclusion_fol": "\#(goal)", "label": "\#(label)"}"#)
        }
        let path = temporaryPath(".jsonl")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Each line as JSON without its timing, so that runs can be compared.
    func records(_ path: String) throws -> [String] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(text.isEmpty || text.hasSuffix("\n"))
        return try text.split(separator: "\n").map { line in
            var object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], String(line))
            object["cost"] = nil
            return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        }
    }

    func testJobsTwoWritesTheSameRecordsAsJobsOne() throws {
        let data = try dataset(120)
        let one = temporaryPath(".jsonl"), two = temporaryPath(".jsonl")
        let r1 = try entail(["batch", "--formal", "--quiet", "--jobs", "1", "--out", one, data])
        let r2 = try entail(["batch", "--formal", "--quiet", "--jobs", "2", "--out", two, data])
        XCTAssertEqual(r1.status, 0, r1.err)
        XCTAssertEqual(r2.status, 0, r2.err)
        let a = try records(one), b = try records(two)
        XCTAssertEqual(a.count, 120)
        XCTAssertEqual(Set(a).count, 120)
        XCTAssertEqual(Set(a), Set(b))
        XCTAssertEqual(r1.out, "accuracy: 118/120 (98.3%)\n")
        XCTAssertEqual(r2.out, r1.out)
        // Not a terminal: one plain progress line at the end, and the summary.
        XCTAssertTrue(r2.err.contains("done: 120 problems in "), r2.err)
        XCTAssertFalse(r2.err.contains("\u{1B}[K"), r2.err)
        XCTAssertTrue(r2.err.contains("abstentions: 0   errors: 2   timeouts: 0"), r2.err)
    }

    /// SIGKILL in the middle of a run with two workers, then `--resume`: every id exactly
    /// once, every line valid JSON, and the same records as an uninterrupted run.
    func testKilledParallelBatchResumesWithEveryIdOnce() throws {
        guard let exe = TestPaths.entailExecutable else { throw XCTSkip("the entail executable is not built") }
        let count = 600
        let data = try dataset(count)
        let out = temporaryPath(".jsonl")
        let p = Process()
        p.executableURL = exe
        p.arguments = ["batch", "--formal", "--quiet", "--jobs", "2", "--out", out, data]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        let deadline = Date().addingTimeInterval(60)
        var before = 0
        while Date() < deadline {
            before = (try? String(contentsOfFile: out, encoding: .utf8))?.split(separator: "\n").count ?? 0
            if before >= 30 || !p.isRunning { break }
            usleep(10_000)
        }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationReason, .uncaughtSignal, "the run ended before it could be killed; make the dataset bigger")
        let written = try records(out).count
        XCTAssertLessThan(written, count, "the run finished before the kill")

        let resumed = try entail(["batch", "--formal", "--quiet", "--jobs", "2", "--resume", "--out", out, data])
        XCTAssertEqual(resumed.status, 0, resumed.err)
        XCTAssertTrue(resumed.err.contains("from the earlier run"), resumed.err)
        let lines = try records(out)
        let ids = try lines.map { try XCTUnwrap((try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["id"] as? String) }
        XCTAssertEqual(ids.count, count)
        XCTAssertEqual(Set(ids).count, count)
        // The summary covers the records of both runs.
        XCTAssertEqual(resumed.out, "accuracy: \(count - count / 50)/\(count) (\(String(format: "%.1f", 100 * Double(count - count / 50) / Double(count)))%)\n")
    }

    /// `--shard I/N` partitions the dataset: problem k (from 0) in shard k mod N + 1.
    func testShardsPartitionTheDataset() throws {
        let data = try dataset(20)
        var ids: [[String]] = []
        for i in 1...3 {
            let out = temporaryPath(".jsonl")
            let r = try entail(["batch", "--formal", "--quiet", "--jobs", "2", "--shard", "\(i)/3", "--out", out, data])
            XCTAssertEqual(r.status, 0, r.err)
            ids.append(try records(out).map { line in
                (try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any])["id"] as! String
            }.sorted())
        }
        XCTAssertEqual(ids[0], ["p0", "p12", "p15", "p18", "p3", "p6", "p9"])
        XCTAssertEqual(ids[1], ["p1", "p10", "p13", "p16", "p19", "p4", "p7"])
        XCTAssertEqual(ids[2], ["p11", "p14", "p17", "p2", "p5", "p8"])
    }

    func testSweepWritesCSVAndSVG() throws {
        let data = try dataset(12)
        let prefix = temporaryPath("")
        addTeardownBlock {
            try? FileManager.default.removeItem(atPath: prefix + ".csv")
            try? FileManager.default.removeItem(atPath: prefix + ".svg")
        }
        let r = try entail(["batch", "--formal", "--sweep", "samples=1,2", "--strategies", "single,vote", "--sweep-out", prefix, "--jobs", "2", data])
        XCTAssertEqual(r.status, 0, r.err)
        let csv = try String(contentsOfFile: prefix + ".csv", encoding: .utf8)
        XCTAssertEqual(r.out, csv)
        let rows = csv.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        XCTAssertEqual(rows.count, 5)
        XCTAssertEqual(rows[0].prefix(7), ["strategy", "samples", "problems", "graded", "correct", "accuracy", "false_positive_rate"])
        XCTAssertEqual(rows.dropFirst().map { "\($0[0]) \($0[1]) \($0[2]) \($0[4]) \($0[5])" },
                       ["single 1 12 12 1.0000", "single 2 12 12 1.0000", "vote 1 12 12 1.0000", "vote 2 12 12 1.0000"])
        let svg = try String(contentsOfFile: prefix + ".svg", encoding: .utf8)
        XCTAssertEqual(svg.components(separatedBy: "<polyline").count - 1, 2)
        XCTAssertTrue(svg.contains(">vote</text>"))

        let bad = try entail(["batch", "--formal", "--sweep", "samples=0", data])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.err.contains("--sweep"), bad.err)
        let unknown = try entail(["batch", "--formal", "--sweep", "samples=1", "--strategies", "single,guess", data])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.err.contains("guess"), unknown.err)
        XCTAssertEqual(try entail(["batch", "--formal", "--jobs", "0", data]).status, 2)
    }

    func testBenchBatchPrintsOneRowPerJobCountWithTheRatio() throws {
        let data = try dataset(30)
        let r = try entail(["bench", "batch", "--formal", "--limit", "20", "--jobs", "1,2", data])
        XCTAssertEqual(r.status, 0, r.err)
        let lines = r.out.split(separator: "\n")
        XCTAssertEqual(lines.count, 3, r.out)
        XCTAssertTrue(lines[0].hasPrefix("jobs  problems"), r.out)
        let first = lines[1].split(separator: " ").map(String.init)
        let second = lines[2].split(separator: " ").map(String.init)
        XCTAssertEqual(first[0], "1")
        XCTAssertEqual(second[0], "2")
        XCTAssertEqual(first[1], "20")
        XCTAssertEqual(first[4], "1.00x")
        XCTAssertEqual(first.last, second.last, "the verdicts do not depend on --jobs")
    }
}
