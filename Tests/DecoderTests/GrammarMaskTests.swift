import XCTest
@testable import Decoder

final class GrammarMaskTests: XCTestCase {
    /// All 256 single bytes, then multi-byte tokens: words, operators, UTF-8 pieces, a
    /// control token with no bytes (id 256 + words.count) and end-of-sequence (the last id).
    static func syntheticVocabulary() -> (tokens: [[UInt8]], eos: Int) {
        var tokens: [[UInt8]] = (0...255).map { [UInt8($0)] }
        let words = ["12", "3+", "+", " + ", "(1", "1)", "))", "((", "2*3", " ", "  ", "1 2", "\"a", "a\"",
                     "{\"", "\":", "null", "nu", "Dog", "Do", "Dogs", "Dog(", "x1", "abc_d", "all", "al", "allx", " Dog", "ab", "abc", "true", "[1,", ",", ", ", "é", "∀", "→", "∀x", "😀"]
        for word in words { tokens.append(Array(word.utf8)) }
        let forall = Array("∀".utf8), grin = Array("😀".utf8)
        tokens.append(Array(forall[..<2]))            // first two bytes of ∀
        tokens.append(Array(forall[2...]))            // its last byte
        tokens.append(Array(grin[..<1]))
        tokens.append(Array(grin[1...]))
        tokens.append(Array("\"".utf8) + Array(forall[..<1]))
        tokens.append([])                             // a control token
        tokens.append([0x31])                         // a duplicate of "1"
        tokens.append([])                             // end-of-sequence
        return (tokens, tokens.count - 1)
    }

    private func checkMasks(grammarSource: String, texts: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let grammar = try CompiledGrammar(source: grammarSource)
        let (tokens, eos) = Self.syntheticVocabulary()
        let vocabulary = GrammarVocabulary(tokens: tokens, endOfSequence: eos)
        for text in texts {
            var matcher = GrammarMatcher(grammar: grammar)
            var prefix: [UInt8] = []
            for byte in Array(text.utf8) + [nil] {
                let mask = matcher.allowedTokens(vocabulary: vocabulary)
                for (token, bytes) in tokens.enumerated() {
                    let expected: Bool
                    if token == eos { expected = matcher.isComplete } else if bytes.isEmpty { expected = false } else {
                        expected = GrammarTestSupport.referenceAccepts(grammar, prefix: prefix, bytes: bytes)
                    }
                    XCTAssertEqual(mask.contains(token), expected, "text \(text.debugDescription) after \(prefix.count) bytes, token \(token) \(bytes)", file: file, line: line)
                    XCTAssertEqual(matcher.accepts(token: token, vocabulary: vocabulary), expected, file: file, line: line)
                }
                // The cached mask is the same mask.
                XCTAssertEqual(matcher.allowedTokens(vocabulary: vocabulary), mask, file: file, line: line)
                guard let byte else { break }
                try matcher.advance(bytes: [byte])
                prefix.append(byte)
            }
        }
    }

    func testMasksMatchTheReferenceOnArithmetic() throws {
        try checkMasks(grammarSource: GrammarMatcherTests.arithmetic, texts: ["12+3", "(1 + 2)*3", "--(4)"])
    }

    func testMasksMatchTheReferenceOnJSON() throws {
        try checkMasks(grammarSource: GrammarMatcherTests.json, texts: ["{\"a\": [1, null, \"∀é😀\"]}", "true"])
    }

    func testMasksMatchTheReferenceWithUnicodeClasses() throws {
        try checkMasks(grammarSource: #"root ::= ("∀x" | "→" | [é😀] | " ")+"#, texts: ["∀x →😀é", "😀"])
    }

    func testMasksMatchTheReferenceOnFOL() throws {
        let source = try String(contentsOf: GrammarTestSupport.packageRoot.appendingPathComponent("grammars/fol.gbnf"), encoding: .utf8)
        try checkMasks(grammarSource: source, texts: ["all x. (Dog(x) -> Dogs(abc_d))", "∀x Do(x1) ∨ allx"])
    }

    func testConstraintFastAndSlowPaths() throws {
        let grammar = try CompiledGrammar(source: GrammarMatcherTests.arithmetic)
        let (tokens, eos) = Self.syntheticVocabulary()
        let vocabulary = GrammarVocabulary(tokens: tokens, endOfSequence: eos)
        var constraint = GrammarConstraint(grammar: grammar, vocabulary: vocabulary)
        let one = Int(UInt8(ascii: "1")), close = Int(UInt8(ascii: ")"))
        XCTAssertTrue(constraint.accepts(token: one))
        XCTAssertFalse(constraint.accepts(token: close))
        XCTAssertFalse(constraint.accepts(token: eos))
        var logits = [Float](repeating: 0, count: tokens.count + 3) // padded past the vocabulary
        XCTAssertTrue(constraint.check(candidate: one, logits: &logits))
        XCTAssertTrue(logits.allSatisfy { $0 == 0 })
        XCTAssertFalse(constraint.check(candidate: close, logits: &logits))
        let allowed = constraint.allowedTokens()
        for token in logits.indices {
            XCTAssertEqual(logits[token] == 0, allowed.contains(token), "token \(token)")
        }
        XCTAssertEqual(logits[tokens.count + 1], -.infinity)
        var candidateLogits: [Float] = [1, 2, 3]
        constraint.filter(candidateIDs: [Int32(one), Int32(close), Int32(eos)], logits: &candidateLogits)
        XCTAssertEqual(candidateLogits, [1, -.infinity, -.infinity])
        try constraint.accept(token: Int32(one))
        XCTAssertTrue(constraint.accepts(token: Int32(eos)))
        XCTAssertThrowsError(try constraint.accept(token: close))
        XCTAssertThrowsError(try constraint.accept(token: tokens.count - 3)) // control token
        var fork = constraint
        try fork.accept(token: eos)
        XCTAssertTrue(fork.hasEnded)
        XCTAssertFalse(fork.accepts(token: one))
        XCTAssertEqual(fork.allowedTokens().count, 0)
        XCTAssertFalse(constraint.hasEnded)
        XCTAssertTrue(constraint.accepts(token: one))
    }
}

final class GrammarAutomatonTrimTests: XCTestCase {
    /// With tiny table bounds the automaton is dropped and rebuilt many times during one
    /// match; matchers and forks holding states from older generations must stay correct.
    func testMatchingSurvivesTableTrims() throws {
        let grammar = try CompiledGrammar(source: GrammarMatcherTests.json)
        grammar.automaton.lock.lock()
        grammar.automaton.maxStates = 20
        grammar.automaton.maxMasks = 2
        grammar.automaton.lock.unlock()
        let (tokens, eos) = GrammarMaskTests.syntheticVocabulary()
        let vocabulary = GrammarVocabulary(tokens: tokens, endOfSequence: eos)
        let text = Array("{\"a\": [1, 22, {\"b\": [null, true, \"∀😀\"]}], \"c\": -3.5e2}".utf8)
        var matcher = GrammarMatcher(grammar: grammar)
        var forks: [(GrammarMatcher, Int)] = []
        for (i, byte) in text.enumerated() {
            let mask = matcher.allowedTokens(vocabulary: vocabulary)
            XCTAssertTrue(mask.contains(Int(byte)), "byte \(i)")
            XCTAssertEqual(mask.contains(Int(UInt8(ascii: "}"))),
                           GrammarTestSupport.referenceAccepts(grammar, prefix: Array(text[..<i]), bytes: [UInt8(ascii: "}")]), "byte \(i)")
            if i % 7 == 0 { forks.append((matcher, i)) }
            try matcher.advance(bytes: [byte])
        }
        XCTAssertTrue(matcher.isComplete)
        XCTAssertGreaterThan(grammar.automaton.generation, 3)
        for (fork, offset) in forks {
            var f = fork
            try f.advance(bytes: text[offset...])
            XCTAssertTrue(f.isComplete, "fork at \(offset)")
        }
    }
}
