import XCTest
@testable import Problems

final class JSONParserTests: XCTestCase {
    private func parse(_ text: String) throws -> JSONValue {
        var parser = JSONParser(bytes: Array(text.utf8))
        return try parser.parseDocument()
    }

    func testValues() throws {
        XCTAssertEqual(try parse(#" {"a": [1, -2.5e2, true, false, null], "b": "x\"\u00e9\ud83d\ude00\n"} "#),
                       .object(["a": .array([.number(1), .number(-250), .bool(true), .bool(false), .null]),
                                "b": .string("x\"é😀\n")]))
    }

    /// Each malformed text fails at the given line:column.
    func testErrorsArePositioned() {
        let cases: [(String, String)] = [
            ("", "1:1"), ("{", "1:2"), ("[1,]", "1:4"), ("{\"a\" 1}", "1:6"), ("\"abc", "1:1"),
            ("[1]\n  x", "2:3"), ("\"\\q\"", "1:2"), ("\"\\ud800\"", "1:8"), ("01", "1:2"), ("1e999", "1:1"),
            ("[\"é\", @]", "1:7"), ("\"a\tb\"", "1:3"), ("tru", "1:1"), ("-", "1:2"),
        ]
        for (text, position) in cases {
            XCTAssertThrowsError(try parse(text), text) { error in
                XCTAssertEqual("\((error as? JSONSyntaxError)?.position.description ?? "")", position, "\(text): \(error)")
            }
        }
    }

    func testDeepNestingIsAnErrorNotACrash() {
        for depth in [JSONParser.maxDepth + 1, 100_000] {
            let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
            XCTAssertThrowsError(try parse(text)) { error in
                XCTAssertTrue("\(error)".contains("nesting deeper"), "\(error)")
            }
        }
        let ok = String(repeating: "[", count: JSONParser.maxDepth - 1) + String(repeating: "]", count: JSONParser.maxDepth - 1)
        XCTAssertNoThrow(try parse(ok))
    }
}
