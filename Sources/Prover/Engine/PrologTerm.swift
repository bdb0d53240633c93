import Logic

/// A term as read from Prolog source text, before it is compiled into cells.
public indirect enum PrologTerm: Hashable, Sendable {
    case variable(String)
    case atom(String)
    /// An integer literal in decimal; it may exceed the machine range (then GMP holds it).
    case integer(String)
    case compound(String, [PrologTerm])
    /// `[a, b | Tail]`: kept flat so that long lists never nest deeply in Swift.
    case list([PrologTerm], tail: PrologTerm)

    /// The code list `"abc"` reads as (double-quoted strings are code lists).
    static func codeList(_ s: String) -> PrologTerm {
        if s.isEmpty { return .atom("[]") }
        return .list(s.unicodeScalars.map { .integer(String($0.value)) }, tail: .atom("[]"))
    }

    /// `[a, b | tail]` as nested `'.'/2` terms.
    static func makeList(_ items: [PrologTerm], tail: PrologTerm = .atom("[]")) -> PrologTerm {
        if items.isEmpty { return tail }
        return .list(items, tail: tail)
    }
}

/// A syntax error in Prolog source, with the line and column where reading stopped.
public struct PrologSyntaxError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var position: SourcePosition
    public var file: String
    public var description: String { "\(file):\(position): syntax error: \(message)" }
}

/// One clause or directive read from source: the term, where it starts, and the names of
/// its variables in order of first appearance.
public struct ReadClause: Sendable {
    public var term: PrologTerm
    public var position: SourcePosition
    public var variableNames: [String]
}
