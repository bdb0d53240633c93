/// One annotated formula of a TPTP file: `fof(name, role, formula).`
/// (`cnf(…)` too: its free variables are universally closed).
public struct TPTPAnnotatedFormula: Hashable, Sendable {
    public var name: String
    /// `axiom`, `hypothesis`, `conjecture`, `negated_conjecture`, … as written.
    public var role: String
    public var formula: Formula
    /// Where the annotated formula starts in the file.
    public var position: SourcePosition
    public init(name: String, role: String, formula: Formula, position: SourcePosition) {
        self.name = name; self.role = role; self.formula = formula; self.position = position
    }
}

/// Reads TPTP problem files: `fof`/`cnf` annotated formulas, `%` and `/* */` comments.
/// `include` directives and other languages (tff, thf) are errors with their position.
public enum TPTPParser {
    /// All annotated formulas of `text` in order. Throws `FOLParseError` (line:column).
    public static func parseFile(_ text: String) throws -> [TPTPAnnotatedFormula] {
        var lexer = FOLLexer(dialect: .tptp)
        lexer.skipsComments = true
        let tokens = lexer.tokenize(text)
        var i = 0
        var out: [TPTPAnnotatedFormula] = []
        func fail(_ message: String) -> FOLParseError {
            FOLParseError(position: tokens[i].position, message: message)
        }
        func expect(_ kind: FOLToken.Kind, _ what: String) throws {
            guard tokens[i].kind == kind else { throw fail("expected \(what), found \(tokens[i].display)") }
            i += 1
        }
        func word() throws -> String {
            guard case .name(let n, _) = tokens[i].kind else { throw fail("expected a name, found \(tokens[i].display)") }
            i += 1
            return n
        }
        while tokens[i].kind != .end {
            let start = tokens[i].position
            let language = try word()
            guard language == "fof" || language == "cnf" else {
                i -= 1
                throw fail(language == "include" ? "include directives are not supported"
                                                 : "expected fof(…) or cnf(…), found '\(language)'")
            }
            try expect(.leftParen, "'('")
            let name = try word()
            try expect(.comma, "','")
            let role = try word()
            try expect(.comma, "','")
            var engine = FormulaParserEngine(tokens: tokens, index: i, dialect: .tptp, tolerant: false)
            engine.stopsAtAnnotation = true
            var formula = try engine.parseFormula()
            i = engine.index
            if tokens[i].kind == .comma {
                // annotations: skip balanced brackets up to the closing ')'
                var depth = 0
                i += 1
                while !(tokens[i].kind == .rightParen && depth == 0) {
                    switch tokens[i].kind {
                    case .leftParen, .leftBracket: depth += 1
                    case .rightParen, .rightBracket: depth -= 1
                    case .end: throw fail("unterminated annotations")
                    default: break
                    }
                    i += 1
                }
            }
            try expect(.rightParen, "')'")
            try expect(.dot, "'.'")
            if language == "cnf" {
                formula = formula.freeVariables.reversed().reduce(formula) { .forall($1, $0) }
            }
            out.append(TPTPAnnotatedFormula(name: name, role: role, formula: formula, position: start))
        }
        return out
    }
}
