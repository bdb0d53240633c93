// CONTRACT (skeleton): the Logic helper replaces the body; the public API stays.

/// Which surface syntax to accept.
public enum FOLDialect: String, Sendable, CaseIterable {
    /// ASCII and FOLIO's Unicode, mixed freely.
    case standard
    /// TPTP FOF (`![X]: (p(X) => q(X))`).
    case tptp
}

public struct FOLParseOptions: Sendable {
    public var dialect: FOLDialect
    /// Repair the defects real annotations have (see `Repair`), reporting each one.
    public var tolerant: Bool
    public init(dialect: FOLDialect = .standard, tolerant: Bool = false) {
        self.dialect = dialect; self.tolerant = tolerant
    }
}

/// One repair the tolerant parser made, with where it made it.
public struct Repair: Hashable, Sendable, CustomStringConvertible {
    public var position: SourcePosition
    public var message: String
    public init(position: SourcePosition, message: String) { self.position = position; self.message = message }
    public var description: String { "\(position): \(message)" }
}

/// A syntax error with its position.
public struct FOLParseError: Error, Hashable, Sendable, CustomStringConvertible {
    public var position: SourcePosition
    public var message: String
    public init(position: SourcePosition, message: String) { self.position = position; self.message = message }
    public var description: String { "\(position): \(message)" }
}

public struct ParsedFormula: Hashable, Sendable {
    public var formula: Formula
    public var repairs: [Repair]
    public init(formula: Formula, repairs: [Repair]) { self.formula = formula; self.repairs = repairs }
}

public enum FOLParser {
    /// Deeper nesting than this is a parse error, never a stack overflow.
    public static let maxDepth = 1000

    public static func parse(_ text: String, options: FOLParseOptions = FOLParseOptions()) throws -> ParsedFormula {
        throw FOLParseError(position: SourcePosition(line: 1, column: 1), message: "parser not implemented yet")
    }
}
