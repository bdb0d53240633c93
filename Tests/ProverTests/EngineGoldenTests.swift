import XCTest
@testable import Prover

/// Golden tests: each Golden/NAME.pl runs and its output is compared with NAME.expected.
///
/// The runner consults the file (printing a syntax error if there is one), runs its
/// `:- initialization(G)` goals, then each `% query: GOAL` (first answer) and
/// `% query-all: GOAL` (all answers) comment in order, printing `?- GOAL.` and the
/// top-level output. `% limits: steps=N depth=M` sets bounds for the queries (default:
/// 10 million steps). Set ENTAIL_UPDATE_GOLDEN=1 to rewrite the .expected files.
final class EngineGoldenTests: XCTestCase {
    static var goldenDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    }

    static func runGolden(_ text: String, file: String) -> String {
        var output = ""
        let machine = PrologMachine()
        machine.onOutput = { output += $0 }
        var source = text
        if file.hasSuffix("deep_nesting.pl") { source += "deep(" + String(repeating: "(", count: 100_000) + "a).\n" }
        do { try machine.consult(source, file: file) } catch { output += "\(error)\n" }
        machine.runInitialization()
        var limits = PrologLimits(steps: 10_000_000)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("% limits:") {
                for part in line.dropFirst(9).split(separator: " ") {
                    let kv = part.split(separator: "=")
                    guard kv.count == 2, let v = Int(kv[1]) else { continue }
                    if kv[0] == "steps" { limits.steps = v }
                    if kv[0] == "depth" { limits.depth = v }
                }
            }
        }
        machine.limits = limits
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var goal: Substring
            let all: Bool
            if line.hasPrefix("% query-all:") { goal = line.dropFirst(12); all = true }
            else if line.hasPrefix("% query:") { goal = line.dropFirst(8); all = false }
            else { continue }
            goal = goal.drop(while: { $0 == " " })
            output += "?- \(goal).\n"
            machine.topLevel(String(goal), all: all)
        }
        return output
    }

    func testGoldenFiles() throws {
        let dir = Self.goldenDirectory
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".pl") }.sorted()
        XCTAssertGreaterThanOrEqual(files.count, 15)
        let update = ProcessInfo.processInfo.environment["ENTAIL_UPDATE_GOLDEN"] == "1"
        for name in files {
            let url = dir.appendingPathComponent(name)
            let text = try String(contentsOf: url, encoding: .utf8)
            let actual = Self.runGolden(text, file: name)
            let expectedURL = url.deletingPathExtension().appendingPathExtension("expected")
            if update {
                try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
                continue
            }
            guard let expected = try? String(contentsOf: expectedURL, encoding: .utf8) else {
                XCTFail("\(name): missing \(expectedURL.lastPathComponent)")
                continue
            }
            if actual != expected {
                XCTFail("\(name): output differs from \(expectedURL.lastPathComponent)\n--- actual ---\n\(actual)--- expected ---\n\(expected)")
            }
        }
    }
}
