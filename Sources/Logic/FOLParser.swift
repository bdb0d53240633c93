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

/// Parses first-order formulas in the standard dialect (ASCII and FOLIO's Unicode) or
/// TPTP FOF. The exact syntax is `grammars/fol.ebnf`.
///
/// Names: in the standard dialect an argument name bound by an enclosing quantifier is a
/// variable, any other name a constant; `c()` is always the constant `c`. A name alone in
/// formula position is a nullary predicate (`P`, or `P()`). Numbers are names.
/// Every formula the parser returns is closed (no free variables) in the standard dialect.
///
/// Tolerant mode (`FOLParseOptions.tolerant`) repairs the defects real annotations have
/// and reports each as a `Repair`: `,` or `^` between formulas read as `∧`, `⟷` read as
/// `↔`, a trailing `.`, an unbalanced `)` or a missing `)`, names containing `- + . ' ’`
/// (sanitized: `-`, `.`, `'`, `’` become `_`, `+` becomes `_plus`), and `∨`/`⊕` mixed
/// without parentheses (read left-associatively; the message starts with "ambiguous:").
public enum FOLParser {
    /// Deeper nesting than this is a parse error, never a stack overflow.
    public static let maxDepth = 1000

    /// Parses one formula. Throws `FOLParseError` (with a 1-based line:column) on any
    /// input it does not accept; never traps. Complexity O(n) in the input length.
    public static func parse(_ text: String, options: FOLParseOptions = FOLParseOptions()) throws -> ParsedFormula {
        var tokens = FOLLexer(dialect: options.dialect).tokenize(text)
        var repairs: [Repair] = []
        if options.tolerant && options.dialect == .standard {
            balance(&tokens, repairs: &repairs)
        }
        var engine = FormulaParserEngine(tokens: tokens, dialect: options.dialect, tolerant: options.tolerant)
        let formula = try engine.parseFormula()
        repairs += engine.repairs
        repairs.sort { ($0.position.line, $0.position.column) < ($1.position.line, $1.position.column) }
        return ParsedFormula(formula: formula, repairs: repairs)
    }

    /// Token-level repairs done before parsing: a trailing `.`, surplus `)` (dropped at
    /// the end, or matched by a `(` assumed at the start when text follows them), and
    /// missing `)` (added at the end).
    static func balance(_ tokens: inout [FOLToken], repairs: inout [Repair]) {
        precondition(tokens.last?.kind == .end, "token streams end with .end")
        var endPosition = tokens[tokens.count - 1].position
        while tokens.count >= 2, tokens[tokens.count - 2].kind == .dot {
            repairs.append(Repair(position: tokens[tokens.count - 2].position, message: "trailing '.' removed"))
            tokens.remove(at: tokens.count - 2)
        }
        var depth = 0
        var i = 0
        while i < tokens.count {
            switch tokens[i].kind {
            case .leftParen: depth += 1
            case .rightParen:
                if depth == 0 {
                    let rest = tokens[(i + 1)...].allSatisfy { $0.kind == .rightParen || $0.kind == .end }
                    if rest {
                        repairs.append(Repair(position: tokens[i].position, message: "unmatched ')' removed"))
                        tokens.remove(at: i)
                        continue
                    }
                    repairs.append(Repair(position: tokens[i].position,
                                          message: "unmatched ')': assumed a missing '(' at the start"))
                    tokens.insert(FOLToken(kind: .leftParen, position: SourcePosition(line: 1, column: 1), spaceBefore: true), at: 0)
                    i += 1
                    depth = 1
                }
                depth -= 1
            default: break
            }
            i += 1
        }
        if depth > 0 {
            endPosition = tokens[tokens.count - 1].position
            repairs.append(Repair(position: endPosition, message: "missing ')' added at the end (\(depth))"))
            let closing = FOLToken(kind: .rightParen, position: endPosition, spaceBefore: false)
            tokens.insert(contentsOf: Array(repeating: closing, count: min(depth, maxDepth + 1)), at: tokens.count - 1)
        }
    }
}
