import XCTest
@testable import Decoder

final class GrammarParserTests: XCTestCase {
    private func error(_ source: String) -> GrammarParseError? {
        do {
            _ = try CompiledGrammar(source: source)
            return nil
        } catch {
            return error
        }
    }

    func testErrorsCarryLineAndColumn() {
        let cases: [(String, Int, Int, String)] = [
            ("root ::= \"abc", 1, 14, "unterminated string"),
            ("root ::= [a-z", 1, 14, "unterminated character class"),
            ("root ::= foo", 1, 10, "undefined rule 'foo'"),
            ("root ::= \"a\"\nroot ::= \"b\"", 2, 1, "defined twice"),
            ("start ::= \"a\"", 1, 1, "no 'root' rule"),
            ("root ::= (\"a\"", 1, 14, "expected ')'"),
            ("root ::= \"a\" )", 1, 14, "unbalanced ')'"),
            ("root ::= \"\\q\"", 1, 11, "unknown escape"),
            ("root ::= \"\\x4\"", 1, 14, "hexadecimal"),
            ("root ::= [z-a]", 1, 14, "reversed"),
            ("root ::= \"a\"{3,2}", 1, 13, "max below min"),
            ("root ::= \"a\"{2000}", 1, 13, "above 1000"),
            ("root ::= \"a\" @", 1, 14, "unexpected character"),
            ("root \"a\"", 1, 6, "expected '::='"),
            ("  ::= \"a\"", 1, 3, "expected a rule name"),
            ("root ::= expr\nexpr ::= expr \"+\" \"1\" | \"1\"", 2, 1, "left-recursive"),
            ("root ::= a\na ::= b \"x\"\nb ::= \"\" | a", 2, 1, "left-recursive"),
            ("root ::= (\"a\"?)*", 1, 16, "left-recursive"),
            ("# comment\nroot ::= \"a\"\n  x ::= y", 3, 9, "undefined rule 'y'"),
        ]
        for (source, line, column, message) in cases {
            guard let err = error(source) else { XCTFail("no error for \(source.debugDescription)"); continue }
            XCTAssertEqual(err.line, line, "\(source.debugDescription): \(err)")
            XCTAssertEqual(err.column, column, "\(source.debugDescription): \(err)")
            XCTAssertTrue(err.message.contains(message), "\(source.debugDescription): \(err)")
        }
    }

    func testDeepNestingIsAnErrorNotACrash() {
        let deep = "root ::= " + String(repeating: "(", count: 100_000) + "\"a\"" + String(repeating: ")", count: 100_000)
        XCTAssertTrue(error(deep)?.message.contains("nesting") == true)
        let postfix = "root ::= \"a\"" + String(repeating: "?", count: 100_000)
        XCTAssertNotNil(error(postfix))
        let fine = "root ::= " + String(repeating: "(", count: 150) + "\"a\"" + String(repeating: ")", count: 150)
        XCTAssertNil(error(fine))
    }

    func testGarbageNeverCrashes() {
        var generator = SeededGenerator(seed: 7)
        let alphabet = Array("root::=|()[]^-\"\\x*+?{},.#\n abz09AZ∀é")
        for _ in 0..<3000 {
            let length = Int.random(in: 0..<40, using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            if let grammar = try? CompiledGrammar(source: text) {
                _ = GrammarMatcher.matches("ab", grammar: grammar)
            }
        }
    }

    func testRuleNamesAndGeneratedRules() throws {
        let grammar = try CompiledGrammar(source: "root ::= item-list\nitem-list ::= (\"a\" | \"b\")+ \";\"?")
        XCTAssertEqual(Array(grammar.ruleNames.prefix(2)), ["root", "item-list"])
        XCTAssertTrue(grammar.ruleNames.contains("item-list-1"))
    }

    func testAlternativesMayContinueOnFollowingLines() throws {
        let grammar = try CompiledGrammar(source: """
            root ::= "a"
              | "b"   # second alternative
              | "c"
            other ::= "d"
            """)
        GrammarTestSupport.check(grammar, pass: ["a", "b", "c"], fail: ["d", "", "ab"])
    }
}

final class GrammarLiteralTests: XCTestCase {
    func testLiteralsMatchExactlyTheirText() throws {
        var generator = SeededGenerator(seed: 11)
        let alphabet: [Character] = ["a", "\"", "\\", "\n", "\t", "\r", "\u{01}", "\u{7F}", "é", "∀", "😀", " ", "#", "|", "(", "]"]
        for seed in 0..<300 {
            let text = String((0..<Int.random(in: 0..<12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            let grammar = try CompiledGrammar(source: "root ::= " + CompiledGrammar.literal(text))
            XCTAssertTrue(GrammarMatcher.matches(text, grammar: grammar), "seed \(seed): \(text.debugDescription)")
            XCTAssertFalse(GrammarMatcher.matches(text + "a", grammar: grammar), "seed \(seed)")
        }
    }
}
