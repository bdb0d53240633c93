import Foundation
import XCTest

/// `entail eval-translation` as a command: the gold self-check on a fixture, JSON lines,
/// usage errors.
final class TranslationEvaluationCommandTests: XCTestCase {
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

    func testGoldSelfCheckCommand() throws {
        let dataset = NSTemporaryDirectory() + "eval-cli-\(UUID().uuidString).jsonl"
        let out = dataset + ".out"
        try Data(TranslationEvaluationStoryTests.fixture.utf8).write(to: URL(fileURLWithPath: dataset))
        addTeardownBlock {
            try? FileManager.default.removeItem(atPath: dataset)
            try? FileManager.default.removeItem(atPath: out)
        }
        let r = try run(["eval-translation", dataset, "--gold-self-check", "--seed", "3", "--out", out])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("accuracy (Z3-equivalent after alignment): 5/5 (100.0%)"), r.out)
        XCTAssertTrue(r.out.contains("exact syntax: 5/5 (100.0%)"), r.out)
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, 6)
        let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        XCTAssertEqual(first?["outcome"] as? String, "equivalent")
        XCTAssertEqual(first?["premise"] as? Int, 1)
    }

    func testUsageErrorsExitWith2() throws {
        XCTAssertEqual(try run(["eval-translation", "--vote"]).status, 2)
        XCTAssertEqual(try run(["eval-translation", "--samples", "0"]).status, 2)
        XCTAssertEqual(try run(["eval-translation", "/nonexistent/data.jsonl", "--gold-self-check"]).status, 2)
    }
}
