import Foundation
import Logic
import XCTest
@testable import Problems

/// Printing and reading back, and random mutations of valid files.
final class ProblemFileRoundTripTests: XCTestCase {
    /// The problem without where it came from, for comparing a reread with the original.
    static func withoutPositions(_ p: Problem) -> Problem {
        func strip(_ s: Statement) -> Statement {
            var s = s
            s.position = nil
            s.formal?.lineStarts = []
            s.formal?.file = nil
            return s
        }
        var p = p
        p.source = nil
        p.premises = p.premises.map(strip)
        p.conclusion = p.conclusion.map(strip)
        p.options = p.options.map { ChoiceOption(label: $0.label, statement: strip($0.statement)) }
        return p
    }

    func testPrintedFixturesReadBackToTheSameProblems() throws {
        for url in TestPaths.files(in: TestPaths.fixtures.appendingPathComponent("pass"), extension: "problem") {
            let original = try ProblemFileReader.read(contentsOfFile: url.path)
            let reread = try ProblemFileReader.parse(ProblemFilePrinter.print(original), file: url.path)
            XCTAssertEqual(reread.map(Self.withoutPositions), original.map(Self.withoutPositions), url.lastPathComponent)
        }
    }

    func testBuiltProblemsRoundTrip() throws {
        let p = Problem(
            id: "x", name: "x",
            premises: [
                Statement(text: "A # sign, and a line\nbreak.", formal: FormalText(source: "P(a)\n& Q(b)")),
                Statement(formal: FormalText(source: "all x. (P(x) -> Q(x))")),
            ],
            conclusion: Statement(text: "Q holds of b."), expected: .inconsistent, world: .closed)
        let reread = try ProblemFileReader.parse(ProblemFilePrinter.print(p), file: "x.problem")
        var want = p
        want.premises[0].text = "A # sign, and a line break."
        XCTAssertEqual(reread.map(Self.withoutPositions), [want])
    }

    /// Seeded random edits of every fixture: the reader never crashes, and every error it
    /// reports lies inside the text (line within the file, column within the line + 1).
    func testMutatedFilesNeverCrashAndErrorsArePositioned() throws {
        let sources = try (TestPaths.files(in: TestPaths.fixtures.appendingPathComponent("pass"), extension: "problem")
            + TestPaths.files(in: TestPaths.fixtures.appendingPathComponent("fail"), extension: "problem"))
            .map { try String(contentsOf: $0, encoding: .utf8) }
        let iterations = ProcessInfo.processInfo.environment["ENTAIL_LONG_TESTS"] == "1" ? 200_000 : 4_000
        for seed in 0..<UInt64(iterations) {
            var rng = SplitMix64(seed: seed)
            let text = TextMutator.mutate(sources.randomElement(using: &rng)!, using: &rng)
            let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
            let errors = ProblemFileReader.diagnose(text, file: "fuzz.problem")
            for e in errors {
                let lineOK = e.position.line >= 1 && e.position.line <= max(1, lines.count)
                let width = lineOK && e.position.line <= lines.count ? lines[e.position.line - 1].count : 0
                XCTAssertTrue(lineOK && e.position.column >= 1 && e.position.column <= width + 1,
                              "seed \(seed): error outside the text: \(e)\n\(text)")
                XCTAssertFalse(e.message.isEmpty, "seed \(seed)")
            }
            if errors.isEmpty {
                // A file that reads must print and read back to the same problems.
                let problems = try ProblemFileReader.parse(text, file: "fuzz.problem")
                let reread = try? ProblemFileReader.parse(ProblemFilePrinter.print(problems), file: "fuzz.problem")
                XCTAssertEqual(reread?.map(Self.withoutPositions).map(\.premises),
                               problems.map(Self.withoutPositions).map(\.premises), "seed \(seed)\n\(text)")
            }
        }
    }
}
