/// An error in a GBNF grammar's text, with the 1-based line and column (in Unicode
/// scalars) where it was found. Undefined rules, left recursion, too-deep nesting and
/// oversized repetitions are reported this way too: loading a grammar never crashes.
public struct GrammarParseError: Error, Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(line):\(column): \(message)" }
}

/// Why a matcher refused input.
public enum GrammarMatchError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The byte at `offset` (within the bytes passed to `advance`) cannot continue the text.
    case rejected(offset: Int)
    /// The input nests deeper, or is more ambiguous, than the matcher's bounds allow
    /// (`CompiledGrammar.maxStackDepth`, `CompiledGrammar.maxStacks`).
    case limitExceeded(offset: Int)
    /// A token id outside the vocabulary, a token with no bytes, or end-of-sequence
    /// where the grammar cannot end.
    case tokenNotAllowed(token: Int)

    public var description: String {
        switch self {
        case .rejected(let offset): return "grammar rejects byte \(offset) of the input"
        case .limitExceeded(let offset): return "grammar matcher limit exceeded at byte \(offset)"
        case .tokenNotAllowed(let token): return "token \(token) is not allowed here"
        }
    }
}
