import Foundation
import XCTest
@testable import Logic

/// The parser agrees with the pass/fail lists that illustrate grammars/fol.ebnf.
final class GrammarTests: XCTestCase {
    static let grammarDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("grammars")

    func lines(_ file: String) throws -> [String] {
        let text = try String(contentsOf: Self.grammarDirectory.appendingPathComponent("tests/" + file), encoding: .utf8)
        return text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty }
    }

    func check(_ file: String, dialect: FOLDialect, shouldPass: Bool) throws {
        let cases = try lines(file)
        XCTAssertGreaterThan(cases.count, 5)
        for line in cases {
            let result = Result { try FOLParser.parse(line, options: FOLParseOptions(dialect: dialect)) }
            switch (result, shouldPass) {
            case (.failure(let e), true): XCTFail("\(file): \(line) should parse: \(e)")
            case (.success(let p), false): XCTFail("\(file): \(line) should fail, parsed as \(p.formula)")
            default: break
            }
        }
    }

    func testStandardPassList() throws { try check("fol-pass.txt", dialect: .standard, shouldPass: true) }
    func testStandardFailList() throws { try check("fol-fail.txt", dialect: .standard, shouldPass: false) }
    func testTPTPPassList() throws { try check("tptp-pass.txt", dialect: .tptp, shouldPass: true) }
    func testTPTPFailList() throws { try check("tptp-fail.txt", dialect: .tptp, shouldPass: false) }

    func testGrammarFileExists() throws {
        let text = try String(contentsOf: Self.grammarDirectory.appendingPathComponent("fol.ebnf"), encoding: .utf8)
        XCTAssertTrue(text.contains("disjunction"))
    }
}
