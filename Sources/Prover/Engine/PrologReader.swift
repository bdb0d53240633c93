import Logic
import CGMP

/// Reads Prolog clauses from text (grammar: grammars/clauses.ebnf). Recursive descent with
/// operator precedence; nesting deeper than `maxDepth` is a syntax error, never a crash.
public struct PrologReader {
    enum TokenKind: Equatable {
        case name(String)        // unquoted or quoted atom name, or symbol-char sequence
        case variable(String)
        case integer(String)
        case string(String)      // "..." or `...`
        case punct(String)       // ( ) [ ] { } , |
        case openCT              // '(' immediately after a name: functional notation
        case end                 // the clause-ending '.'
        case eof
    }
    struct Token { var kind: TokenKind; var position: SourcePosition; var quoted = false }

    public static let maxDepth = 2000

    let file: String
    let chars: [Unicode.Scalar]
    var index = 0
    var line = 1
    var column = 1
    var peeked: Token?
    var depth = 0
    var variableNames: [String] = []
    let ops = PrologOperators.standard

    public init(text: String, file: String = "<input>") {
        self.file = file
        self.chars = Array(text.unicodeScalars)
    }

    /// Reads every clause of the text.
    public static func readAll(_ text: String, file: String = "<input>") throws -> [ReadClause] {
        var reader = PrologReader(text: text, file: file)
        var out: [ReadClause] = []
        while let c = try reader.next() { out.append(c) }
        return out
    }

    /// Reads one term ended by `.` (the final `.` is optional when reading a query).
    public static func readTerm(_ text: String, file: String = "<query>") throws -> ReadClause {
        var reader = PrologReader(text: text, file: file)
        let start = try reader.peek().position
        reader.variableNames = []
        let t = try reader.parse(1200)
        let tok = try reader.take()
        if tok.kind != .end && tok.kind != .eof { throw reader.error("operator expected", at: tok.position) }
        if tok.kind == .end, try reader.peek().kind != .eof { throw reader.error("text after the end of the query", at: try reader.peek().position) }
        return ReadClause(term: t, position: start, variableNames: reader.variableNames)
    }

    /// The next clause, or nil at the end of the text.
    public mutating func next() throws -> ReadClause? {
        let first = try peek()
        if first.kind == .eof { return nil }
        variableNames = []
        let t = try parse(1200)
        let tok = try take()
        if tok.kind != .end { throw error("operator expected, or missing '.' at the end of the clause", at: tok.position) }
        return ReadClause(term: t, position: first.position, variableNames: variableNames)
    }

    func error(_ message: String, at position: SourcePosition) -> PrologSyntaxError {
        PrologSyntaxError(message: message, position: position, file: file)
    }

    // MARK: - Parser

    mutating func parse(_ maxPrec: Int) throws -> PrologTerm {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maxDepth { throw error("term nesting deeper than \(Self.maxDepth)", at: try peek().position) }
        var (left, leftPrec) = try parsePrimary(maxPrec)
        while true {
            let tok = try peek()
            var name: String
            switch tok.kind {
            case .name(let n): name = n
            case .punct(","): name = ","
            case .punct("|"): name = "|"
            default: return left
            }
            guard let def = ops.infix[name] else { return left }
            let p = def.priority
            let leftMax = def.kind == .yfx ? p : p - 1
            let rightMax = def.kind == .xfy ? p : p - 1
            if p > maxPrec || leftPrec > leftMax { return left }
            _ = try take()
            let right = try parse(rightMax)
            if name == "|" { name = ";" }
            left = .compound(name, [left, right])
            leftPrec = p
        }
    }

    func startsTerm(_ k: TokenKind) -> Bool {
        switch k {
        case .end, .eof, .punct(")"), .punct("]"), .punct("}"), .punct(","), .punct("|"): return false
        case .name(let n): return ops.infix[n] == nil || ops.prefix[n] != nil
        default: return true
        }
    }

    mutating func parseArguments() throws -> [PrologTerm] {
        var args: [PrologTerm] = []
        while true {
            args.append(try parse(999))
            let t = try take()
            if t.kind == .punct(")") { return args }
            if t.kind != .punct(",") { throw error("expected ',' or ')' in arguments", at: t.position) }
        }
    }

    mutating func parsePrimary(_ maxPrec: Int) throws -> (PrologTerm, Int) {
        let tok = try take()
        switch tok.kind {
        case .integer(let s): return (.integer(s), 0)
        case .variable(let v):
            if v == "_" { variableNames.append("_"); return (.variable("_G\(variableNames.count)"), 0) }
            if !variableNames.contains(v) { variableNames.append(v) }
            return (.variable(v), 0)
        case .string(let s): return (.codeList(s), 0)
        case .punct("("):
            let t = try parse(1200)
            let close = try take()
            if close.kind != .punct(")") { throw error("expected ')'", at: close.position) }
            return (t, 0)
        case .punct("["):
            if try peek().kind == .punct("]") {
                _ = try take()
                return try nameTerm("[]", tok, maxPrec)
            }
            var items: [PrologTerm] = []
            while true {
                items.append(try parse(999))
                let t = try take()
                if t.kind == .punct(",") { continue }
                if t.kind == .punct("]") { return (.makeList(items), 0) }
                if t.kind == .punct("|") {
                    let tail = try parse(999)
                    let close = try take()
                    if close.kind != .punct("]") { throw error("expected ']' after the list tail", at: close.position) }
                    return (.makeList(items, tail: tail), 0)
                }
                throw error("expected ',', '|' or ']' in a list", at: t.position)
            }
        case .punct("{"):
            if try peek().kind == .punct("}") {
                _ = try take()
                return try nameTerm("{}", tok, maxPrec)
            }
            let t = try parse(1200)
            let close = try take()
            if close.kind != .punct("}") { throw error("expected '}'", at: close.position) }
            return (.compound("{}", [t]), 0)
        case .name(let n):
            return try nameTerm(n, tok, maxPrec)
        case .punct(let p):
            throw error("unexpected '\(p)'", at: tok.position)
        case .openCT:
            throw error("unexpected '('", at: tok.position)
        case .end:
            throw error("unexpected end of clause", at: tok.position)
        case .eof:
            throw error("unexpected end of file", at: tok.position)
        }
    }

    mutating func nameTerm(_ n: String, _ tok: Token, _ maxPrec: Int) throws -> (PrologTerm, Int) {
        let next = try peek()
        if next.kind == .openCT {
            _ = try take()
            return (.compound(n, try parseArguments()), 0)
        }
        if n == "-" && !tok.quoted, case .integer(let digits) = next.kind, next.position == after(tok) {
            _ = try take()
            return (.integer("-" + digits), 0)
        }
        if !tok.quoted, let def = ops.prefix[n], startsTerm(next.kind) {
            var p = def.priority
            if p > maxPrec { p = 999 }
            let argMax = def.kind == .fy ? p : p - 1
            let arg = try parse(argMax)
            return (.compound(n, [arg]), p)
        }
        return (.atom(n), 0)
    }

    /// The position right after a one-character token (used to glue `-` to a number).
    func after(_ tok: Token) -> SourcePosition {
        SourcePosition(line: tok.position.line, column: tok.position.column + 1)
    }

    // MARK: - Lexer

    mutating func peek() throws -> Token {
        if let p = peeked { return p }
        let t = try lex()
        peeked = t
        return t
    }

    mutating func take() throws -> Token {
        let t = try peek()
        peeked = nil
        return t
    }

    var current: Unicode.Scalar? { index < chars.count ? chars[index] : nil }
    func char(at i: Int) -> Unicode.Scalar? { i < chars.count ? chars[i] : nil }

    mutating func advance() {
        if chars[index] == "\n" { line += 1; column = 1 } else { column += 1 }
        index += 1
    }

    static func isSymbolChar(_ c: Unicode.Scalar) -> Bool { "+-*/\\^<>=~:.?@#&$".unicodeScalars.contains(c) }
    static func isAlnum(_ c: Unicode.Scalar) -> Bool {
        c == "_" || (c.properties.isAlphabetic) || ("0"..."9").contains(c)
    }

    /// Skips layout and comments; reports whether any was skipped.
    mutating func skipLayout() throws -> Bool {
        var skipped = false
        while let c = current {
            if c == " " || c == "\t" || c == "\n" || c == "\r" { advance(); skipped = true; continue }
            if c == "%" {
                while let d = current, d != "\n" { advance() }
                skipped = true
                continue
            }
            if c == "/" && char(at: index + 1) == "*" {
                let start = SourcePosition(line: line, column: column)
                advance(); advance()
                while true {
                    guard let d = current else { throw error("unterminated block comment", at: start) }
                    if d == "*" && char(at: index + 1) == "/" { advance(); advance(); break }
                    advance()
                }
                skipped = true
                continue
            }
            break
        }
        return skipped
    }

    mutating func lex() throws -> Token {
        if let q = queuedOpen { queuedOpen = nil; return q }
        _ = try skipLayout()
        let pos = SourcePosition(line: line, column: column)
        guard let c = current else { return Token(kind: .eof, position: pos) }
        func done(_ k: TokenKind, quoted: Bool = false) -> Token { Token(kind: k, position: pos, quoted: quoted) }

        if ("0"..."9").contains(c) { return done(.integer(try lexNumber(pos))) }
        if c == "_" || c.properties.isUppercase {
            var s = ""
            while let d = current, Self.isAlnum(d) { s.unicodeScalars.append(d); advance() }
            return done(.variable(s))
        }
        if c.properties.isAlphabetic {
            var s = ""
            while let d = current, Self.isAlnum(d) { s.unicodeScalars.append(d); advance() }
            return nameToken(s, pos, quoted: false)
        }
        if c == "'" {
            advance()
            let s = try lexQuoted("'", pos)
            return nameToken(s, pos, quoted: true)
        }
        if c == "\"" || c == "`" {
            advance()
            return done(.string(try lexQuoted(c, pos)))
        }
        if c == "(" || c == ")" || c == "[" || c == "]" || c == "{" || c == "}" || c == "," || c == "|" {
            advance()
            if c == "|" && current == "|" { advance(); return nameToken("||", pos, quoted: false) }
            return done(.punct(String(c)))
        }
        if c == "!" || c == ";" {
            advance()
            return nameToken(String(c), pos, quoted: false)
        }
        if c == "." {
            let n = char(at: index + 1)
            if n == nil || n == " " || n == "\n" || n == "\t" || n == "\r" || n == "%" {
                advance()
                return done(.end)
            }
        }
        if Self.isSymbolChar(c) {
            var s = ""
            while let d = current, Self.isSymbolChar(d) { s.unicodeScalars.append(d); advance() }
            return nameToken(s, pos, quoted: false)
        }
        throw error("unexpected character '\(c)'", at: pos)
    }

    /// A name token, marked as a functor when '(' follows with no layout in between.
    mutating func nameToken(_ s: String, _ pos: SourcePosition, quoted: Bool) -> Token {
        if current == "(" {
            let openPos = SourcePosition(line: line, column: column)
            advance()
            queuedOpen = Token(kind: .openCT, position: openPos)
        }
        return Token(kind: .name(s), position: pos, quoted: quoted)
    }

    /// The '(' of functional notation, returned by the lexer right after its name.
    var queuedOpen: Token?

    mutating func lexNumber(_ pos: SourcePosition) throws -> String {
        if current == "0", let n = char(at: index + 1) {
            if n == "'" {
                advance(); advance()
                guard let q = current else { throw error("unexpected end of file in a character code", at: pos) }
                if q == "\\" {
                    let s = try lexEscape(pos)
                    return String(s.value)
                }
                if q == "'" && char(at: index + 1) == "'" { advance() }
                advance()
                return String(q.value)
            }
            let radix: Int? = n == "x" ? 16 : (n == "o" ? 8 : (n == "b" ? 2 : nil))
            if let r = radix, let d = char(at: index + 2), d.properties.numericType != nil || (r == 16 && d.properties.isASCIIHexDigit) {
                advance(); advance()
                var digits = ""
                while let d = current, d.properties.isASCIIHexDigit, Int(String(d), radix: r) != nil { digits.unicodeScalars.append(d); advance() }
                guard let b = BigInteger(radix: r, digits: digits) else { throw error("malformed number", at: pos) }
                return b.description
            }
        }
        var s = ""
        while let d = current, ("0"..."9").contains(d) || (d == "_" && char(at: index + 1).map { ("0"..."9").contains($0) } == true) {
            if d != "_" { s.unicodeScalars.append(d) }
            advance()
        }
        if current == ".", let d = char(at: index + 1), ("0"..."9").contains(d) {
            throw error("floating-point numbers are not supported (use integers or rationals)", at: pos)
        }
        return s
    }

    mutating func lexEscape(_ pos: SourcePosition) throws -> Unicode.Scalar {
        advance() // the backslash
        guard let e = current else { throw error("unexpected end of file in an escape", at: pos) }
        advance()
        switch e {
        case "n": return "\n"
        case "t": return "\t"
        case "r": return "\r"
        case "a": return "\u{07}"
        case "b": return "\u{08}"
        case "f": return "\u{0C}"
        case "v": return "\u{0B}"
        case "0": return "\u{00}"
        case "e": return "\u{1B}"
        case "s": return " "
        case "\\", "'", "\"", "`": return e
        case "x":
            var digits = ""
            while let d = current, d.properties.isASCIIHexDigit { digits.unicodeScalars.append(d); advance() }
            if current == "\\" { advance() }
            guard let v = UInt32(digits, radix: 16), let u = Unicode.Scalar(v) else { throw error("malformed \\x escape", at: pos) }
            return u
        default:
            throw error("unknown escape '\\\(e)'", at: pos)
        }
    }

    mutating func lexQuoted(_ q: Unicode.Scalar, _ pos: SourcePosition) throws -> String {
        var s = ""
        while true {
            guard let c = current else { throw error("unterminated quoted text", at: pos) }
            if c == q {
                if char(at: index + 1) == q { advance(); advance(); s.unicodeScalars.append(q); continue }
                advance()
                return s
            }
            if c == "\\" {
                if char(at: index + 1) == "\n" { advance(); advance(); continue }
                s.unicodeScalars.append(try lexEscape(pos))
                continue
            }
            s.unicodeScalars.append(c)
            advance()
        }
    }
}

extension BigInteger {
    /// Parses digits in the given radix; nil when malformed.
    convenience init?(radix: Int, digits: String) {
        guard !digits.isEmpty else { return nil }
        self.init()
        if __gmpz_set_str(z, digits, Int32(radix)) != 0 { return nil }
    }
}
