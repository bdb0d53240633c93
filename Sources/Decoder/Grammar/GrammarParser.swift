/// Reads GBNF text (the notation of llama.cpp's grammars) into rule definitions.
///
/// Accepted notation:
/// - `name ::= alternatives`; rule names are `[A-Za-z0-9_-]+`. A rule ends where the next
///   `name ::=` begins, so alternatives may continue on following lines (`| ...`).
/// - alternation `|`, grouping `( )`, postfix `*`, `+`, `?`, `{m}`, `{m,}`, `{m,n}`
///   (n ≤ `maxRepetition`);
/// - string literals `"..."`, character classes `[a-z]`, negated classes `[^...]`, `.` (any
///   code point);
/// - escapes in literals and classes: `\n \r \t \\ \" \' \[ \] \- \/ \xHH \uHHHH \UHHHHHHHH`;
/// - comments from `#` to the end of the line.
///
/// Every error carries a line and column; nesting deeper than `maxNesting` is an error.
struct GrammarParser {
    static let maxNesting = 200
    static let maxRepetition = 1000

    private let scalars: [Unicode.Scalar]
    private var index = 0

    init(source: String) {
        self.scalars = Array(source.unicodeScalars)
    }

    mutating func parseRules() throws(GrammarParseError) -> [GrammarRuleDefinition] {
        var rules: [GrammarRuleDefinition] = []
        skipSpace()
        while index < scalars.count {
            let (line, column) = position(of: index)
            let name = parseName()
            if name.isEmpty { throw error("expected a rule name") }
            skipSpace()
            if !consume("::=") { throw error("expected '::=' after rule name '\(name)'") }
            skipSpace()
            let body = try parseAlternation(depth: 0)
            if index < scalars.count, scalars[index] == ")" { throw error("unbalanced ')'") }
            rules.append(GrammarRuleDefinition(name: name, line: line, column: column, body: body))
            skipSpace()
        }
        return rules
    }

    // MARK: - Expressions

    private mutating func parseAlternation(depth: Int) throws(GrammarParseError) -> GrammarExpression {
        if depth > Self.maxNesting { throw error("nesting deeper than \(Self.maxNesting) levels") }
        var alternatives = [try parseSequence(depth: depth)]
        while index < scalars.count, scalars[index] == "|" {
            index += 1
            alternatives.append(try parseSequence(depth: depth))
        }
        return alternatives.count == 1 ? alternatives[0] : .alternation(alternatives)
    }

    private mutating func parseSequence(depth: Int) throws(GrammarParseError) -> GrammarExpression {
        var items: [GrammarExpression] = []
        while true {
            skipSpace()
            guard index < scalars.count else { break }
            let c = scalars[index]
            if c == "|" || c == ")" { break }
            var item: GrammarExpression
            if Self.isNameCharacter(c) {
                if startsDefinition() { break }
                let (line, column) = position(of: index)
                item = .reference(name: parseName(), line: line, column: column)
            } else if c == "\"" {
                item = try parseLiteral()
            } else if c == "[" {
                item = .characters(try parseClass())
            } else if c == "(" {
                index += 1
                item = try parseAlternation(depth: depth + 1)
                skipSpace()
                if index >= scalars.count || scalars[index] != ")" { throw error("expected ')'") }
                index += 1
            } else if c == "." {
                index += 1
                item = .characters(GrammarCharacterClass(ranges: [0...GrammarCharacterClass.maxCodePoint]))
            } else {
                throw error("unexpected character '\(c.escaped(asASCII: true))'")
            }
            item = try parsePostfix(item, depth: depth)
            items.append(item)
        }
        return items.count == 1 ? items[0] : .sequence(items)
    }

    private mutating func parsePostfix(_ base: GrammarExpression, depth: Int) throws(GrammarParseError) -> GrammarExpression {
        var item = base
        var postfixes = 0
        while true {
            skipSpace()
            guard index < scalars.count else { return item }
            let (line, column) = position(of: index)
            switch scalars[index] {
            case "*": index += 1; item = .repetition(item, min: 0, max: nil, line: line, column: column)
            case "+": index += 1; item = .repetition(item, min: 1, max: nil, line: line, column: column)
            case "?": index += 1; item = .repetition(item, min: 0, max: 1, line: line, column: column)
            case "{":
                index += 1
                skipSpace()
                guard let low = parseInteger() else { throw error("expected a number after '{'") }
                var high: Int? = low
                skipSpace()
                if index < scalars.count, scalars[index] == "," {
                    index += 1
                    skipSpace()
                    high = parseInteger()
                    skipSpace()
                }
                if index >= scalars.count || scalars[index] != "}" { throw error("expected '}'") }
                index += 1
                if let high, high < low {
                    throw GrammarParseError(line: line, column: column, message: "repetition {\(low),\(high)} has max below min")
                }
                if max(low, high ?? 0) > Self.maxRepetition {
                    throw GrammarParseError(line: line, column: column, message: "repetition count above \(Self.maxRepetition)")
                }
                item = .repetition(item, min: low, max: high, line: line, column: column)
            default:
                return item
            }
            postfixes += 1
            if postfixes > Self.maxNesting { throw error("too many postfix operators") }
        }
    }

    private mutating func parseInteger() -> Int? {
        var value = 0
        var digits = 0
        while index < scalars.count, ("0"..."9").contains(scalars[index]) {
            if value > 1_000_000 { return Int.max }
            value = value * 10 + Int(scalars[index].value - 0x30)
            digits += 1
            index += 1
        }
        return digits == 0 ? nil : value
    }

    private mutating func parseLiteral() throws(GrammarParseError) -> GrammarExpression {
        index += 1 // opening quote
        var items: [GrammarExpression] = []
        while true {
            guard index < scalars.count else { throw error("unterminated string literal") }
            let c = scalars[index]
            if c == "\"" { index += 1; break }
            if c == "\n" { throw error("newline in string literal") }
            let codePoint = try parseCharacter()
            items.append(.characters(GrammarCharacterClass(codePoint: codePoint)))
        }
        return items.count == 1 ? items[0] : .sequence(items)
    }

    private mutating func parseClass() throws(GrammarParseError) -> GrammarCharacterClass {
        index += 1 // [
        var negated = false
        if index < scalars.count, scalars[index] == "^" { negated = true; index += 1 }
        var ranges: [ClosedRange<UInt32>] = []
        while true {
            guard index < scalars.count else { throw error("unterminated character class") }
            if scalars[index] == "]" { index += 1; break }
            let low = try parseCharacter()
            var high = low
            if index + 1 < scalars.count, scalars[index] == "-", scalars[index + 1] != "]" {
                index += 1
                high = try parseCharacter()
                if high < low { throw error("character range is reversed") }
            }
            ranges.append(low...high)
        }
        return GrammarCharacterClass(ranges: ranges, negated: negated)
    }

    /// One possibly escaped character of a literal or class.
    private mutating func parseCharacter() throws(GrammarParseError) -> UInt32 {
        let c = scalars[index]
        index += 1
        guard c == "\\" else { return c.value }
        guard index < scalars.count else { throw error("unterminated escape") }
        let e = scalars[index]
        index += 1
        switch e {
        case "n": return 0x0A
        case "r": return 0x0D
        case "t": return 0x09
        case "\\", "\"", "'", "[", "]", "-", "/", "^": return e.value
        case "x": return try parseHex(digits: 2)
        case "u": return try parseHex(digits: 4)
        case "U": return try parseHex(digits: 8)
        default:
            index -= 2
            throw error("unknown escape '\\\(e.escaped(asASCII: true))'")
        }
    }

    private mutating func parseHex(digits: Int) throws(GrammarParseError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<digits {
            guard index < scalars.count, let digit = scalars[index].hexDigitValue else {
                throw error("expected \(digits) hexadecimal digits")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        if value > GrammarCharacterClass.maxCodePoint || (0xD800...0xDFFF).contains(value) {
            throw error("escape is not a Unicode scalar value")
        }
        return value
    }

    // MARK: - Lexical helpers

    private static func isNameCharacter(_ c: Unicode.Scalar) -> Bool {
        c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_" || c == "-")
    }

    private mutating func parseName() -> String {
        var name = ""
        while index < scalars.count, Self.isNameCharacter(scalars[index]) {
            name.unicodeScalars.append(scalars[index])
            index += 1
        }
        return name
    }

    /// Whether the name at the cursor is followed by `::=` (so it begins the next rule).
    private func startsDefinition() -> Bool {
        var probe = self
        _ = probe.parseName()
        probe.skipSpace()
        return probe.consume("::=")
    }

    private mutating func consume(_ text: String) -> Bool {
        let wanted = Array(text.unicodeScalars)
        guard index + wanted.count <= scalars.count, Array(scalars[index..<index + wanted.count]) == wanted else {
            return false
        }
        index += wanted.count
        return true
    }

    private mutating func skipSpace() {
        while index < scalars.count {
            let c = scalars[index]
            if c == " " || c == "\t" || c == "\n" || c == "\r" {
                index += 1
            } else if c == "#" {
                while index < scalars.count, scalars[index] != "\n" { index += 1 }
            } else {
                return
            }
        }
    }

    private func position(of offset: Int) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for scalar in scalars[..<min(offset, scalars.count)] {
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }

    private func error(_ message: String) -> GrammarParseError {
        let (line, column) = position(of: index)
        return GrammarParseError(line: line, column: column, message: message)
    }
}

extension Unicode.Scalar {
    fileprivate var hexDigitValue: Int? {
        switch self {
        case "0"..."9": return Int(value) - 0x30
        case "a"..."f": return Int(value) - 0x61 + 10
        case "A"..."F": return Int(value) - 0x41 + 10
        default: return nil
        }
    }
}
