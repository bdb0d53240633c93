import Foundation
import XCTest
@testable import Problems

/// grammars/problem.ebnf and the reader name the same keys and values.
final class ProblemGrammarTests: XCTestCase {
    private func grammar() throws -> String {
        try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("grammars/problem.ebnf"), encoding: .utf8)
    }

    /// The quoted terminals of the grammar that end in ':' are exactly the reader's keys.
    func testKeysAgree() throws {
        let text = try grammar()
        var keys = Set<String>()
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "\"") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "\"") else { break }
            let terminal = after[..<close]
            if terminal.hasSuffix(":"), terminal.count > 1 { keys.insert(String(terminal.dropLast())) }
            rest = after[after.index(after: close)...]
        }
        XCTAssertEqual(keys, Set(ProblemFileReader.entryKeys + ProblemFileReader.formalKeys))
    }

    func testVerdictValuesAgree() throws {
        let text = try grammar()
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("verdict") }) else {
            return XCTFail("no verdict rule")
        }
        let values = line.split(separator: "\"").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
        XCTAssertEqual(Set(values), Set(ProblemFileReader.expectValues.keys))
    }

    func testByteOrderMarkIsIgnored() throws {
        let problems = try ProblemFileReader.parse("\u{FEFF}name: bom\ngoal: P(a)\n", file: "b.problem")
        XCTAssertEqual(problems.first?.name, "bom")
    }
}
