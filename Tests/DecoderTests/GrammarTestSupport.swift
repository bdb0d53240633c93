import XCTest
@testable import Decoder

/// Shared helpers for the grammar tests.
enum GrammarTestSupport {
    /// The package root, found from this file's path.
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func loadGrammar(_ name: String) throws -> CompiledGrammar {
        try CompiledGrammar(contentsOf: packageRoot.appendingPathComponent("grammars/\(name)"))
    }

    /// Asserts every string of `pass` is a complete match and none of `fail` is.
    static func check(_ grammar: CompiledGrammar, pass: [String], fail: [String],
                      file: StaticString = #filePath, line: UInt = #line) {
        for text in pass {
            XCTAssertTrue(GrammarMatcher.matches(text, grammar: grammar), "should pass: \(text.debugDescription)", file: file, line: line)
        }
        for text in fail {
            XCTAssertFalse(GrammarMatcher.matches(text, grammar: grammar), "should fail: \(text.debugDescription)", file: file, line: line)
        }
    }

    /// A reference for acceptance that steps the pushdown stacks directly (no memo tables).
    static func referenceAccepts(_ grammar: CompiledGrammar, prefix: [UInt8], bytes: [UInt8]) -> Bool {
        guard var state = Optional(GrammarState(stacks: grammar.initialStacks() ?? [])) else { return false }
        for byte in prefix + bytes {
            guard case .next(let next) = grammar.step(state, byte: byte) else { return false }
            state = next
        }
        return true
    }
}
