/// One lexical token of a formula, in either dialect.
struct FOLToken: Sendable {
    enum Kind: Equatable, Sendable {
        /// A name: letters, digits and `_` (TPTP: also a `'quoted'` atom, `quoted` set).
        case name(String, quoted: Bool)
        case leftParen, rightParen, leftBracket, rightBracket
        case comma, dot, colon
        case not, and, or, xor, implies, iff
        /// TPTP `<=` (reverse implication), `~|` (nor), `~&` (nand).
        case reverseImplies, nor, nand
        case equal, notEqual
        case forall, exists
        case truth, falsity
        /// `-` in the standard dialect: negation in front of a formula, or a defect
        /// inside a name (`Non-BreastCancer`) that the tolerant parser glues.
        case minus
        /// `^`, which annotators sometimes write for ∧ (tolerant mode reads it so).
        case caret
        /// `⟷`, which annotators sometimes write for ↔ (tolerant mode reads it so).
        case longIff
        /// A character that can only be a defect inside a name: `+`, `'`, `’`.
        case nameDefect(Character)
        case unknown(Character)
        case end
    }
    var kind: Kind
    var position: SourcePosition
    /// True when whitespace (or the start of the input) comes right before the token.
    var spaceBefore: Bool

    var display: String {
        switch kind {
        case .name(let n, let quoted): return quoted ? "'\(n)'" : "'\(n)'"
        case .leftParen: return "'('"
        case .rightParen: return "')'"
        case .leftBracket: return "'['"
        case .rightBracket: return "']'"
        case .comma: return "','"
        case .dot: return "'.'"
        case .colon: return "':'"
        case .not: return "negation"
        case .and: return "'∧'"
        case .or: return "'∨'"
        case .xor: return "'⊕'"
        case .implies: return "'→'"
        case .iff: return "'↔'"
        case .reverseImplies: return "'<='"
        case .nor: return "'~|'"
        case .nand: return "'~&'"
        case .equal: return "'='"
        case .notEqual: return "'≠'"
        case .forall: return "'∀'"
        case .exists: return "'∃'"
        case .truth: return "'⊤'"
        case .falsity: return "'⊥'"
        case .minus: return "'-'"
        case .caret: return "'^'"
        case .longIff: return "'⟷'"
        case .nameDefect(let c): return "'\(c)'"
        case .unknown(let c): return "'\(c)'"
        case .end: return "end of input"
        }
    }
}

/// Splits formula text into tokens. Never fails: characters it does not know become
/// `.unknown` tokens, which the parser reports with their position.
struct FOLLexer {
    let dialect: FOLDialect
    /// TPTP files: `%` line comments and `/* */` block comments are skipped.
    var skipsComments = false

    static func isNameScalar(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F: return true
        default: return false
        }
    }

    func tokenize(_ text: String, startLine: Int = 1, startColumn: Int = 1) -> [FOLToken] {
        let s = Array(text.unicodeScalars)
        var tokens: [FOLToken] = []
        tokens.reserveCapacity(s.count / 2 + 1)
        var i = 0
        var line = startLine, column = startColumn
        var space = true

        func advance(_ n: Int) {
            for _ in 0..<n {
                if s[i] == "\n" { line += 1; column = 1 } else { column += 1 }
                i += 1
            }
        }
        func peek(_ k: Int) -> Unicode.Scalar? { i + k < s.count ? s[i + k] : nil }

        while i < s.count {
            let c = s[i]
            if c.properties.isWhitespace { advance(1); space = true; continue }
            if skipsComments {
                if c == "%" {
                    while i < s.count && s[i] != "\n" { advance(1) }
                    space = true; continue
                }
                if c == "/" && peek(1) == "*" {
                    advance(2)
                    while i < s.count && !(s[i] == "*" && peek(1) == "/") { advance(1) }
                    if i < s.count { advance(2) }
                    space = true; continue
                }
            }
            let pos = SourcePosition(line: line, column: column)
            func emit(_ k: FOLToken.Kind, _ n: Int) {
                tokens.append(FOLToken(kind: k, position: pos, spaceBefore: space))
                advance(n)
                space = false
            }
            if FOLLexer.isNameScalar(c) {
                var j = i
                while j < s.count && FOLLexer.isNameScalar(s[j]) { j += 1 }
                var name = String.UnicodeScalarView()
                name.append(contentsOf: s[i..<j])
                emit(.name(String(name), quoted: false), j - i)
                continue
            }
            switch c {
            case "(": emit(.leftParen, 1)
            case ")": emit(.rightParen, 1)
            case "[": emit(.leftBracket, 1)
            case "]": emit(.rightBracket, 1)
            case ",": emit(.comma, 1)
            case ".": emit(.dot, 1)
            case ":": emit(.colon, 1)
            case "¬": emit(.not, 1)
            case "∧": emit(.and, 1)
            case "∨": emit(.or, 1)
            case "⊕": emit(.xor, 1)
            case "→": emit(.implies, 1)
            case "↔": emit(.iff, 1)
            case "⟷": emit(.longIff, 1)
            case "≠": emit(.notEqual, 1)
            case "∀": emit(.forall, 1)
            case "∃": emit(.exists, 1)
            case "⊤": emit(.truth, 1)
            case "⊥": emit(.falsity, 1)
            case "&": emit(.and, 1)
            case "|": emit(.or, 1)
            case "^": emit(.caret, 1)
            case "’", "+": emit(.nameDefect(Character(c)), 1)
            case "-":
                if peek(1) == ">" { emit(.implies, 2) } else { emit(.minus, 1) }
            case "~":
                if dialect == .tptp && peek(1) == "|" { emit(.nor, 2) }
                else if dialect == .tptp && peek(1) == "&" { emit(.nand, 2) }
                else { emit(.not, 1) }
            case "<":
                if peek(1) == "-" && peek(2) == ">" { emit(.iff, 3) }
                else if peek(1) == "~" && peek(2) == ">" { emit(.xor, 3) }
                else if peek(1) == "=" && peek(2) == ">" { emit(.iff, 3) }
                else if peek(1) == "=" && dialect == .tptp { emit(.reverseImplies, 2) }
                else { emit(.unknown("<"), 1) }
            case "=":
                if peek(1) == ">" { emit(.implies, 2) } else { emit(.equal, 1) }
            case "!":
                if peek(1) == "=" { emit(.notEqual, 2) }
                else if dialect == .tptp { emit(.forall, 1) }
                else { emit(.unknown("!"), 1) }
            case "?":
                if dialect == .tptp { emit(.exists, 1) } else { emit(.unknown("?"), 1) }
            case "$":
                var j = i + 1
                while j < s.count && FOLLexer.isNameScalar(s[j]) { j += 1 }
                var word = String.UnicodeScalarView()
                word.append(contentsOf: s[i..<j])
                switch String(word) {
                case "$true": emit(.truth, j - i)
                case "$false": emit(.falsity, j - i)
                default: emit(.unknown("$"), 1)
                }
            case "'":
                if dialect == .tptp {
                    // A quoted atom; `\'` and `\\` are its escapes.
                    var j = i + 1
                    var name = String.UnicodeScalarView()
                    var closed = false
                    while j < s.count {
                        if s[j] == "\\" && j + 1 < s.count { name.append(s[j + 1]); j += 2; continue }
                        if s[j] == "'" { closed = true; break }
                        if s[j] == "\n" { break }
                        name.append(s[j]); j += 1
                    }
                    if closed && !name.isEmpty {
                        emit(.name(String(name), quoted: true), j + 1 - i)
                    } else {
                        emit(.unknown("'"), 1)
                    }
                } else {
                    emit(.nameDefect("'"), 1)
                }
            default:
                emit(.unknown(Character(c)), 1)
            }
        }
        tokens.append(FOLToken(kind: .end, position: SourcePosition(line: line, column: column), spaceBefore: true))
        return tokens
    }
}
