import Foundation
import Logic
import XCTest
@testable import Problems

/// The problem-file format against its pass/fail fixture lists and golden printouts.
final class ProblemFileReaderTests: XCTestCase {
    /// Every file in Fixtures/pass reads without error, and printing it gives its `.golden`.
    func testPassFixturesMatchTheirGoldenPrintouts() throws {
        let files = TestPaths.files(in: TestPaths.fixtures.appendingPathComponent("pass"), extension: "problem")
        XCTAssertGreaterThanOrEqual(files.count, 4)
        for url in files {
            let problems: [Problem]
            do {
                problems = try ProblemFileReader.read(contentsOfFile: url.path)
            } catch {
                XCTFail("\(url.lastPathComponent) should read: \(error)")
                continue
            }
            let printed = ProblemFilePrinter.print(problems)
            let goldenURL = url.deletingPathExtension().appendingPathExtension("golden")
            if ProcessInfo.processInfo.environment["ENTAIL_UPDATE_GOLDEN"] == "1" {
                try printed.write(to: goldenURL, atomically: true, encoding: .utf8)
            }
            let golden = try String(contentsOf: goldenURL, encoding: .utf8)
            XCTAssertEqual(printed, golden, "\(url.lastPathComponent) printed differently from its .golden")
        }
    }

    /// Every file in Fixtures/fail gives, as its first error, the one its first line announces:
    /// `# expect-error: LINE:COLUMN: message fragment`.
    func testFailFixturesReportTheAnnouncedError() throws {
        let files = TestPaths.files(in: TestPaths.fixtures.appendingPathComponent("fail"), extension: "problem")
        XCTAssertGreaterThanOrEqual(files.count, 15)
        for url in files {
            let text = try String(contentsOf: url, encoding: .utf8)
            let header = text.split(separator: "\n")[0]
            let spec = header.replacingOccurrences(of: "# expect-error: ", with: "")
            let parts = spec.split(separator: ":", maxSplits: 2).map { $0.trimmingCharacters(in: .whitespaces) }
            XCTAssertEqual(parts.count, 3, "\(url.lastPathComponent): malformed expect-error header")
            guard parts.count == 3 else { continue }
            let errors = ProblemFileReader.diagnose(text, file: url.lastPathComponent)
            guard let first = errors.first else {
                XCTFail("\(url.lastPathComponent) should fail")
                continue
            }
            XCTAssertEqual("\(first.position)", "\(parts[0]):\(parts[1])", "\(url.lastPathComponent): \(first)")
            XCTAssertTrue(first.message.contains(parts[2]), "\(url.lastPathComponent): got \(first)")
            XCTAssertTrue(first.description.hasPrefix("\(url.lastPathComponent):\(parts[0]):\(parts[1]): "))
            XCTAssertThrowsError(try ProblemFileReader.parse(text, file: url.lastPathComponent))
        }
    }

    func testTheDesignExampleReadsAsDocumented() throws {
        let path = TestPaths.fixtures.appendingPathComponent("pass/caffeine.problem").path
        let problems = try ProblemFileReader.read(contentsOfFile: path)
        XCTAssertEqual(problems.count, 1)
        let p = problems[0]
        XCTAssertEqual(p.id, "caffeine")
        XCTAssertEqual(p.premises.count, 3)
        XCTAssertEqual(p.premises[0].text, "All people who regularly drink coffee are dependent on caffeine.")
        XCTAssertEqual(p.premises[0].formal?.source, "all x. (DrinkRegularly(x, coffee) -> IsDependentOn(x, caffeine))")
        XCTAssertEqual(p.premises[0].formal?.lineStarts, [SourcePosition(line: 4, column: 10)])
        XCTAssertNil(p.premises[1].formal)
        XCTAssertNil(p.premises[2].text)
        XCTAssertEqual(p.premises[2].formal?.source, "all x. (Student(x) -> Person(x))")
        XCTAssertEqual(p.conclusion?.text, "Rina is dependent on caffeine.")
        XCTAssertEqual(p.conclusion?.formal?.source, "IsDependentOn(rina, caffeine)")
        XCTAssertEqual(p.expected, .true)
        XCTAssertEqual(p.world, .open)
        XCTAssertEqual(p.source, ProblemSource(file: path, line: 2))
        XCTAssertFalse(p.isFullyFormal)
    }

    func testSeveralProblemsContinuationsAndEscapes() throws {
        let path = TestPaths.fixtures.appendingPathComponent("pass/several.problem").path
        let problems = try ProblemFileReader.read(contentsOfFile: path)
        XCTAssertEqual(problems.map(\.id), ["birds", "several-2"])
        let birds = problems[0]
        XCTAssertEqual(birds.premises[0].text, "Every bird that is not a penguin can fly.")
        XCTAssertEqual(birds.premises[0].formal?.source, "all x. ((Bird(x) & ~Penguin(x))\n-> Flies(x))")
        XCTAssertEqual(birds.premises[0].formal?.lineStarts,
                       [SourcePosition(line: 5, column: 10), SourcePosition(line: 6, column: 9)])
        // A parse error on the formula's second line maps to the file's line 6.
        XCTAssertEqual(birds.premises[0].formal?.filePosition(of: SourcePosition(line: 2, column: 4)),
                       SourcePosition(line: 6, column: 12))
        XCTAssertEqual(birds.premises[1].formal?.syntax, .tptp)
        XCTAssertEqual(birds.conclusion?.formal?.source, "Flies(tweety)")
        XCTAssertNil(birds.conclusion?.text)
        XCTAssertEqual(birds.world, .closed)
        XCTAssertEqual(birds.expected, .unknown)
        XCTAssertEqual(problems[1].premises[0].text, "Issue #12 is open.")
        XCTAssertEqual(problems[1].expected, .unknown)
        XCTAssertEqual(problems[1].source?.line, 16)
    }

    func testOptionsTakeWrittenOrAssignedLabels() throws {
        let problems = try ProblemFileReader.read(contentsOfFile: TestPaths.fixtures.appendingPathComponent("pass/options.problem").path)
        let p = problems[0]
        XCTAssertNil(p.conclusion)
        XCTAssertEqual(p.options.map(\.label), ["A", "B", "C"])
        XCTAssertEqual(p.options[0].statement.text, "The quail is the rightmost.")
        XCTAssertEqual(p.options[0].statement.formal?.source, "Rightmost(quail)")
        XCTAssertEqual(p.options[2].statement.text, "The raven is the rightmost.")
        XCTAssertEqual(p.expectedOption, "A")
    }

    func testCarriageReturnsAndTrailingTabsAreIgnored() throws {
        let problems = try ProblemFileReader.read(contentsOfFile: TestPaths.fixtures.appendingPathComponent("pass/crlf.problem").path)
        XCTAssertEqual(problems[0].name, "crlf")
        XCTAssertEqual(problems[0].premises[0].text, "Windows line ends are fine.")
    }

    func testAllErrorsAreCollectedInOrder() {
        let text = "premis: a\nexpect: maybe\n    fol: x\nconclusion: c\nconclusion: d\n"
        let errors = ProblemFileReader.diagnose(text, file: "t.problem")
        XCTAssertEqual(errors.map { "\($0.position)" }, ["1:1", "2:9", "3:5", "5:1"], "\(errors)")
    }

    func testUnreadableFileIsAPositionedError() {
        XCTAssertThrowsError(try ProblemFileReader.read(contentsOfFile: "/nonexistent/x.problem")) { error in
            XCTAssertEqual((error as? ProblemFileError)?.position, SourcePosition(line: 1, column: 1))
        }
    }
}

extension ProblemFileReaderTests {
    /// The curated examples in the repository's problems/ (ENTAIL_PROBLEMS_DIR overrides)
    /// all read, and those whose conclusion is formal formalize (the English-only ones are
    /// for the semantic parser).
    func testRepositoryProblemsRead() throws {
        let dir = ProcessInfo.processInfo.environment["ENTAIL_PROBLEMS_DIR"].map { URL(fileURLWithPath: $0) }
            ?? TestPaths.packageRoot.appendingPathComponent("problems")
        let files = TestPaths.files(in: dir, extension: "problem")
        if files.isEmpty { throw XCTSkip("no .problem files in \(dir.path)") }
        for url in files {
            do {
                let problems = try ProblemFileReader.read(contentsOfFile: url.path)
                XCTAssertFalse(problems.isEmpty)
                if !DatasetRealDataTests.folParserIsStub {
                    for p in problems where p.conclusion?.formal != nil { _ = try p.formalized(tolerant: false) }
                }
            } catch {
                XCTFail("\(url.lastPathComponent): \(error)")
            }
        }
    }
}
