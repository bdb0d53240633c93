import XCTest
import Foundation
@testable import Decoder

final class GrammarMatcherTests: XCTestCase {
    static let arithmetic = """
        # integer arithmetic with precedence
        root   ::= expr
        expr   ::= term (ws [-+] ws term)*
        term   ::= factor (ws [*/] ws factor)*
        factor ::= number | "-" factor | "(" ws expr ws ")"
        number ::= [0-9]+
        ws     ::= [ ]*
        """

    static let json = """
        root    ::= value
        value   ::= object | array | string | number | "true" | "false" | "null"
        object  ::= "{" ws ( member ( "," ws member )* )? "}"
        member  ::= string ws ":" ws value ws
        array   ::= "[" ws ( value ws ( "," ws value ws )* )? "]"
        string  ::= "\\"" ( [^"\\\\\\x00-\\x1f] | "\\\\" ( ["\\\\/bfnrt] | "u" [0-9a-fA-F]{4} ) )* "\\""
        number  ::= "-"? ( "0" | [1-9] [0-9]* ) ( "." [0-9]+ )? ( [eE] [-+]? [0-9]+ )?
        ws      ::= [ \\t\\n]*
        """

    func testArithmetic() throws {
        let grammar = try CompiledGrammar(source: Self.arithmetic)
        GrammarTestSupport.check(grammar,
            pass: ["1", "12+3", "1 + 2 * 3", "-(4 - 5)/6", "((1))", "--7", "(1 +2)* (3)"],
            fail: ["", "+", "1 +", "(1", "1)", "1 2", "a", "1 ++ 2", "()", " 1"])
    }

    func testJSONLike() throws {
        let grammar = try CompiledGrammar(source: Self.json)
        GrammarTestSupport.check(grammar,
            pass: ["{}", "[]", "0", "-1.5e+10", "\"\"", "\"a\\\"b\\u00e9\"", "\"∀ é 😀\"",
                   "{\"a\": [1, 2, {\"b\": null}], \"c\": true}", "[ 1 , 2 ]", "{\"k\":\"v\"}"],
            fail: ["{", "[1,]", "01", "1.", "\"abc", "\"\\x\"", "{\"a\" 1}", "tru", "nul", "\"a\nb\"",
                   "\"\\u12g4\"", "[1 2]", "{,}", "-"])
    }

    func testFeatures() throws {
        let grammar = try CompiledGrammar(source: #"""
            root ::= "x" digits{2,3} "-" notq "-" tab? any uni+ lit
            digits ::= [0-9]
            notq ::= [^q\n]
            tab ::= "\t"
            any ::= .
            uni ::= [α-ω\u2200\U0001F600]
            lit ::= "\x41\u00e9"
            """#)
        GrammarTestSupport.check(grammar,
            pass: ["x12-a-\tzα∀Aé", "x123-b-?😀Aé", "x12-é-€αβγAé"],
            fail: ["x1-a-zαAé", "x1234-a-zαAé", "x12-q-zαAé", "x12-\n-zαAé", "x12-a-zAé", "x12-a-zαAe", "x12-a-\t\t\tαAé"])
        let exact = try CompiledGrammar(source: #"root ::= "a"{3} | "b"{2,} | "c"{0,1} "d""#)
        GrammarTestSupport.check(exact, pass: ["aaa", "bb", "bbbbbbb", "d", "cd"], fail: ["aa", "aaaa", "b", "ccd", ""])
    }

    func testEmptyAndNullable() throws {
        let grammar = try CompiledGrammar(source: #"root ::= "" | "a" opt"# + "\nopt ::= \"b\"?")
        GrammarTestSupport.check(grammar, pass: ["", "a", "ab"], fail: ["b", "abb"])
        var matcher = GrammarMatcher(grammar: grammar)
        XCTAssertTrue(matcher.isComplete)
        try matcher.advance(text: "ab")
        XCTAssertTrue(matcher.isComplete)
        XCTAssertTrue(matcher.isFinished)
    }

    func testRejectedAdvanceLeavesMatcherUnchanged() throws {
        let grammar = try CompiledGrammar(source: Self.arithmetic)
        var matcher = GrammarMatcher(grammar: grammar)
        try matcher.advance(text: "1+")
        XCTAssertThrowsError(try matcher.advance(text: "2)")) { error in
            XCTAssertEqual(error as? GrammarMatchError, .rejected(offset: 1))
        }
        XCTAssertFalse(matcher.isComplete)
        try matcher.advance(text: "2")
        XCTAssertTrue(matcher.isComplete)
    }

    func testUTF8SplitAcrossAdvances() throws {
        let grammar = try CompiledGrammar(source: #"root ::= "∀x" ws "→" ws [α-ω]+ "😀""# + "\nws ::= \" \"*")
        let text = Array("∀x → αβ😀".utf8)
        // Every way of cutting the bytes into two or three pieces must give the same result.
        for i in 0...text.count {
            for j in i...text.count {
                var matcher = GrammarMatcher(grammar: grammar)
                XCTAssertTrue(matcher.accepts(bytes: text[..<i]))
                try matcher.advance(bytes: text[..<i])
                try matcher.advance(bytes: text[i..<j])
                try matcher.advance(bytes: text[j...])
                XCTAssertTrue(matcher.isComplete, "cut at \(i), \(j)")
            }
        }
        // A partial code point is not complete, and a wrong continuation is rejected.
        var matcher = GrammarMatcher(grammar: grammar)
        try matcher.advance(bytes: [0xE2, 0x88])          // first two bytes of ∀ (E2 88 80)
        XCTAssertTrue(matcher.hasPartialCodePoint)
        XCTAssertFalse(matcher.accepts(bytes: [0x81]))     // ∁ is not in the grammar
        XCTAssertFalse(matcher.accepts(bytes: [0x41]))     // not a continuation byte
        XCTAssertTrue(matcher.accepts(bytes: [0x80]))
        // A lead byte whose code points the grammar cannot take is rejected at once.
        let fresh = GrammarMatcher(grammar: grammar)
        XCTAssertFalse(fresh.accepts(bytes: [0xE3]))       // U+3000... never starts a match
        XCTAssertTrue(fresh.accepts(bytes: [0xE2]))
        // Invalid UTF-8 is rejected: overlong forms, surrogates, stray continuations.
        let any = try CompiledGrammar(source: "root ::= .*")
        let m = GrammarMatcher(grammar: any)
        XCTAssertTrue(m.accepts(bytes: Array("aé∀😀".utf8)))
        for bad: [UInt8] in [[0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0x80], [0xF5, 0x80, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF]] {
            XCTAssertFalse(m.accepts(bytes: bad), "\(bad)")
        }
    }

    func testForkingCopiesTheState() throws {
        let grammar = try CompiledGrammar(source: Self.arithmetic)
        var a = GrammarMatcher(grammar: grammar)
        try a.advance(text: "(1+")
        var b = a
        try b.advance(text: "2)")
        XCTAssertTrue(b.isComplete)
        XCTAssertFalse(a.isComplete)
        XCTAssertFalse(a.accepts(bytes: Array(")".utf8)))
        try a.advance(text: "3*4)")
        XCTAssertTrue(a.isComplete)
        // Forks on other threads share the grammar's tables safely.
        let base = a
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            var fork = base
            for _ in 0..<200 { try? fork.advance(text: "+\(i)") }
            XCTAssertTrue(fork.isComplete)
        }
    }

    func testDeepInputHitsALimitNotACrash() throws {
        let grammar = try CompiledGrammar(source: Self.arithmetic, maxStackDepth: 1000)
        var matcher = GrammarMatcher(grammar: grammar)
        var failure: GrammarMatchError?
        for _ in 0..<3000 {
            do { try matcher.advance(text: "(") } catch { failure = error; break }
        }
        XCTAssertEqual(failure, .limitExceeded(offset: 0))
    }

    func testTreatsNonTerminatingAmbiguityAsLimit() throws {
        // Exponentially ambiguous: many ways to split a run of a's.
        let grammar = try CompiledGrammar(source: #"root ::= ("a" | "aa" | "aaa" | x)*"# + "\nx ::= \"a\"+")
        var matcher = GrammarMatcher(grammar: grammar)
        var limited = false
        for _ in 0..<200 {
            do { try matcher.advance(text: "a") } catch { limited = true; break }
        }
        // Either it stays within bounds (deduplicated stacks) or it reports the limit.
        XCTAssertTrue(limited || matcher.isComplete)
    }
}
