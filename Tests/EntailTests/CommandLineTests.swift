import Foundation
import XCTest

/// The `entail` executable: exit codes, stdout and stderr, as DESIGN.md specifies.
final class CommandLineTests: XCTestCase {
    func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        guard let exe = TestPaths.entailExecutable else { throw XCTSkip("the entail executable is not built") }
        let p = Process()
        p.executableURL = exe
        p.arguments = arguments
        p.currentDirectoryURL = TestPaths.packageRoot
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    func temporaryFile(_ text: String, suffix: String = ".problem") throws -> String {
        let path = NSTemporaryDirectory() + "entail-cli-\(UUID().uuidString)\(suffix)"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    func testSolveJSONAndExitCodes() throws {
        let good = try run(["solve", "--json", "problems/socrates.problem"])
        XCTAssertEqual(good.status, 0, good.err)
        let object = try JSONSerialization.jsonObject(with: Data(good.out.utf8)) as? [String: Any]
        XCTAssertEqual(object?["verdict"] as? String, "false")
        XCTAssertEqual(object?["correct"] as? Bool, true)

        let wrong = try temporaryFile("axiom: P(a)\ngoal: P(a)\nexpect: false\n")
        XCTAssertEqual(try run(["solve", wrong]).status, 1)

        let broken = try temporaryFile("axiom: P(a)\ngoal: P(a)\nexpect: maybe\n")
        let r = try run(["solve", broken])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.err.contains(":3:"), r.err)
    }

    func testBatchWritesOneLinePerRecordAndTheAccuracyLine() throws {
        let data = try temporaryFile("""
            {"id": "p1", "premises": ["All cats are animals.", "Tom is a cat."], "premises_fol": ["all x. (Cat(x) -> Animal(x))", "Cat(tom)"], "conclusion": "Tom is an animal.", "conclusion_fol": "Animal(tom)", "label": "True"}
            this line is not JSON
            {"id": "p3", "premises": ["Tom is a cat."], "premises_fol": ["Cat(tom)"], "conclusion": "Tom is a dog.", "conclusion_fol": "Dog(tom)", "label": "Unknown"}

            """, suffix: ".jsonl")
        let out = NSTemporaryDirectory() + "entail-batch-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let r = try run(["batch", "--formal", "--format", "jsonl", "--out", out, data])
        XCTAssertEqual(r.status, 0, r.err)
        let lines = r.out.split(separator: "\n")
        XCTAssertEqual(lines.last, "accuracy: 2/3 (66.7%)")
        let written = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(written.count, 3)
        let verdicts = try written.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }.map { $0["verdict"] as! String }
        XCTAssertEqual(verdicts, ["true", "error", "unknown"])
    }

    func testProveReadsTPTPFiles() throws {
        let r = try run(["prove", "--json", "problems/socrates.p"])
        XCTAssertEqual(r.status, 0, r.err)
        let object = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any]
        XCTAssertEqual(object?["verdict"] as? String, "true")
        let refutation = try temporaryFile("fof(a, axiom, p(c)).\nfof(b, negated_conjecture, ~ p(c)).\n", suffix: ".p")
        XCTAssertTrue(try run(["prove", refutation]).out.contains("inconsistent"))
        let broken = try temporaryFile("fof(a, axiom, p(.\n", suffix: ".p")
        let bad = try run(["prove", broken])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.err.contains(":1:"), bad.err)
    }

    /// A batch killed with SIGKILL loses only the problems in flight: resuming completes the
    /// file with every id exactly once and every line valid JSON.
    func testKilledBatchResumesWithEveryIdOnce() throws {
        guard let exe = TestPaths.entailExecutable else { throw XCTSkip("the entail executable is not built") }
        let count = 400
        let lines = (0..<count).map { i in
            #"{"id": "p\#(i)", "premises": ["x"], "premises_fol": ["all x. (P(x) -> Q(x))", "P(c\#(i))"], "conclusion": "y", "conclusion_fol": "Q(c\#(i))", "label": "True"}"#
        }
        let data = try temporaryFile(lines.joined(separator: "\n") + "\n", suffix: ".jsonl")
        let out = NSTemporaryDirectory() + "entail-kill-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: out) }

        let p = Process()
        p.executableURL = exe
        p.arguments = ["batch", "--formal", "--format", "jsonl", "--quiet", "--out", out, data]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let written = (try? String(contentsOfFile: out, encoding: .utf8))?.split(separator: "\n").count ?? 0
            if written >= 20 || !p.isRunning { break }
            usleep(20_000)
        }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()

        let resumed = try run(["batch", "--formal", "--format", "jsonl", "--quiet", "--resume", "--out", out, data])
        XCTAssertEqual(resumed.status, 0, resumed.err)
        let text = try String(contentsOfFile: out, encoding: .utf8)
        XCTAssertTrue(text.hasSuffix("\n"))
        var ids: [String] = []
        for line in text.split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            ids.append(try XCTUnwrap(object?["id"] as? String))
        }
        XCTAssertEqual(ids.count, count)
        XCTAssertEqual(Set(ids).count, count)
    }

    func testBadUsageExitsTwo() throws {
        let shard = try run(["batch", "--shard", "5/2", "--formal", "x.jsonl"])
        XCTAssertEqual(shard.status, 2)
        XCTAssertTrue(shard.err.contains("--shard"), shard.err)
        XCTAssertEqual(try run(["solve", "--timeout", "-1", "problems/socrates.problem"]).status, 2)
        XCTAssertEqual(try run(["no-such-command"]).status, 2)
        let missing = try run(["batch", "--formal", "/nonexistent/data.jsonl"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.err.contains("/nonexistent/data.jsonl"), missing.err)
    }
}
