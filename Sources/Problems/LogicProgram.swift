import Logic

/// A Logic-LM logic program of the `Predicates:/Facts:/Rules:/Query:` shape, with each
/// fact, rule and query already built as a formula.
///
/// The syntax (as GPT-4 writes it in the Logic-LM outputs):
/// ```
/// Predicates:
/// Cold($x, bool) ::: Is x cold?
/// Facts:
/// Cold(Bob, True) ::: Bob is cold.
/// Rules:
/// Quiet($x, True) && Cold($x, True) >>> Smart($x, True) ::: If something is quiet and cold ...
/// Query:
/// Smart(Bob, False) ::: Bob is not smart.
/// ```
/// A literal `P(a1, ..., an, True|False)` is the atom `P(a1, ..., an)` or its negation;
/// `$x` is a variable and every clause is closed universally over its variables, in order
/// of first occurrence; a constant is renamed by lowercasing its first letter (`Bob` →
/// `bob`, `BaldEagle` → `baldEagle`), so `Cat` and `cat` name the same individual.
/// `:::` starts the clause's natural-language comment, which may be absent.
public struct LogicProgram: Hashable, Sendable {
    /// One fact, rule or query.
    public struct Clause: Hashable, Sendable {
        /// The formula the clause stands for.
        public var formula: Formula
        /// The clause as written, without its comment.
        public var code: String
        /// The text after `:::`, trimmed, if any.
        public var comment: String?
        /// Where `code` starts in the program text.
        public var position: SourcePosition
    }

    /// Declared predicates: name → arity (without the trailing truth-value argument).
    public var predicates: [String: Int]
    public var facts: [Clause]
    public var rules: [Clause]
    public var query: Clause
    /// Remarks that do not make the program unusable (e.g. an undeclared predicate).
    public var notes: [String]

    /// Parses a whole program.
    /// - Throws: `LogicProgramError` with the line and column in `text`.
    public static func parse(_ text: String) throws -> LogicProgram {
        var parser = LogicProgramParser(text: text)
        return try parser.parseProgram()
    }
}

/// A syntax error in a logic program, positioned in the program's text.
public struct LogicProgramError: Error, Hashable, Sendable, CustomStringConvertible {
    public var position: SourcePosition
    public var message: String
    public init(position: SourcePosition, message: String) {
        self.position = position
        self.message = message
    }
    public var description: String { "\(position): \(message)" }
}

/// The recursive-descent (in fact flat: clauses do not nest) parser behind `LogicProgram`.
struct LogicProgramParser {
    private enum Section: String { case predicates, facts, rules, query }

    private let lines: [[Unicode.Scalar]]
    private var lineIndex = 0
    private var chars: [Unicode.Scalar] = []
    private var index = 0

    init(text: String) {
        lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map {
            var scalars = Array($0)
            if scalars.last == "\r" { scalars.removeLast() }
            return scalars
        }
    }

    // MARK: Program

    mutating func parseProgram() throws -> LogicProgram {
        var section: Section?
        var predicates: [String: Int] = [:]
        var facts: [LogicProgram.Clause] = []
        var rules: [LogicProgram.Clause] = []
        var query: LogicProgram.Clause?
        var usedArity: [String: Int] = [:]
        var notes: [String] = []
        var seenSections = Set<String>()

        for (n, line) in lines.enumerated() {
            lineIndex = n
            chars = line
            index = 0
            skipSpaces()
            if index == chars.count { continue }
            let trimmed = String(String.UnicodeScalarView(chars[index...])).trimmingSpaces()
            if trimmed.hasSuffix(":"), !trimmed.contains("("),
               let s = Section(rawValue: String(trimmed.dropLast()).trimmingSpaces().lowercased()) {
                if !seenSections.insert(s.rawValue).inserted {
                    throw error("section '\(trimmed)' appears twice")
                }
                section = s
                continue
            }
            guard let section else {
                throw error("expected a section header (Predicates:, Facts:, Rules: or Query:)")
            }
            switch section {
            case .predicates:
                let start = position
                let (name, arity) = try parseDeclaration()
                if let old = predicates[name], old != arity {
                    throw LogicProgramError(position: start, message: "predicate \(name) declared with arities \(old) and \(arity)")
                }
                predicates[name] = arity
            case .facts, .rules, .query:
                let clause = try parseClauseLine(isRule: section == .rules, arities: &usedArity)
                switch section {
                case .facts: facts.append(clause)
                case .rules: rules.append(clause)
                default:
                    if query != nil { throw LogicProgramError(position: clause.position, message: "more than one query") }
                    if !clause.formula.isClosed || clause.code.contains("$") {
                        throw LogicProgramError(position: clause.position, message: "the query has variables; only ground queries are supported")
                    }
                    query = clause
                }
            }
        }
        guard let query else {
            lineIndex = max(0, lines.count - 1)
            chars = lines.isEmpty ? [] : lines[lineIndex]
            index = chars.count
            throw error(seenSections.contains("query") ? "the Query: section is empty" : "the program has no Query: section")
        }
        for (name, arity) in usedArity.sorted(by: { $0.key < $1.key }) {
            if let declared = predicates[name] {
                if declared != arity { notes.append("predicate \(name) is declared with \(declared) arguments but used with \(arity)") }
            } else if !predicates.isEmpty {
                notes.append("predicate \(name) is used but not declared")
            }
        }
        return LogicProgram(predicates: predicates, facts: facts, rules: rules, query: query, notes: notes)
    }

    /// One fact or rule on its own (for `FormalText` of syntax `.logicProgram`).
    mutating func parseStandaloneClause() throws -> Formula {
        guard lines.count == 1 else {
            lineIndex = min(1, lines.count - 1)
            chars = lines[lineIndex]
            index = 0
            throw error("a logic-program clause must be on one line")
        }
        chars = lines[0]
        index = 0
        var arities: [String: Int] = [:]
        return try parseClauseLine(isRule: true, arities: &arities).formula
    }

    // MARK: Lines

    private mutating func parseDeclaration() throws -> (String, Int) {
        let name = try identifier("a predicate name")
        try expect("(")
        var count = 0
        var lastIsBool = false
        repeat {
            skipSpaces()
            if peek == "$" { index += 1 }
            let arg = try identifier("an argument")
            lastIsBool = arg == "bool"
            count += 1
            skipSpaces()
        } while eat(",")
        try expect(")")
        try endOfCode()
        return (name, lastIsBool ? count - 1 : count)
    }

    private mutating func parseClauseLine(isRule: Bool, arities: inout [String: Int]) throws -> LogicProgram.Clause {
        skipSpaces()
        let start = position
        let codeStart = index
        var body = [try literal(&arities)]
        var head: Formula?
        while true {
            skipSpaces()
            if eat("&&") {
                body.append(try literal(&arities))
            } else if eat(">>>") {
                head = try literal(&arities)
                break
            } else {
                break
            }
        }
        if head == nil, body.count > 1 {
            throw error("expected '>>>' after the conditions of a rule")
        }
        let codeEnd = index
        let comment = try endOfCode()
        let code = String(String.UnicodeScalarView(chars[codeStart..<codeEnd])).trimmingSpaces()
        let matrix: Formula
        if let head {
            matrix = .implies(body.count == 1 ? body[0] : .and(body), head)
        } else {
            matrix = body[0]
        }
        var formula = matrix
        for variable in matrix.freeVariables.reversed() { formula = .forall(variable, formula) }
        return LogicProgram.Clause(formula: formula, code: code, comment: comment, position: start)
    }

    /// Accepts the end of the line or a `:::` comment; returns the comment.
    @discardableResult
    private mutating func endOfCode() throws -> String? {
        skipSpaces()
        if index == chars.count { return nil }
        if eat(":::") {
            let text = String(String.UnicodeScalarView(chars[index...])).trimmingSpaces()
            index = chars.count
            return text.isEmpty ? nil : text
        }
        throw error("unexpected '\(chars[index])'; expected '&&', '>>>', ':::' or the end of the line")
    }

    private mutating func literal(_ arities: inout [String: Int]) throws -> Formula {
        skipSpaces()
        let start = position
        let name = try identifier("a predicate name")
        try expect("(")
        var args: [Term] = []
        var truth: Bool?
        repeat {
            skipSpaces()
            if truth != nil {
                throw error("the truth value (True or False) must be the last argument")
            }
            if eat("$") {
                args.append(.variable(try identifier("a variable name after '$'")))
            } else {
                let word = try identifier("an argument")
                switch word {
                case "True": truth = true
                case "False": truth = false
                default: args.append(.constant(Self.constantName(word)))
                }
            }
            skipSpaces()
        } while eat(",")
        try expect(")")
        guard let truth else {
            throw LogicProgramError(position: start, message: "\(name)(...) lacks its truth value (True or False) as last argument")
        }
        if let old = arities[name], old != args.count {
            throw LogicProgramError(position: start, message: "predicate \(name) is used with \(old) and with \(args.count) arguments")
        }
        arities[name] = args.count
        let atom = Formula.predicate(name, args)
        return truth ? atom : .not(atom)
    }

    /// `Bob` → `bob`, `BaldEagle` → `baldEagle`: constants start lowercase, as in FOLIO.
    static func constantName(_ word: String) -> String {
        guard let first = word.first else { return word }
        return first.lowercased() + word.dropFirst()
    }

    // MARK: Characters

    private var position: SourcePosition { SourcePosition(line: lineIndex + 1, column: index + 1) }

    private var peek: Unicode.Scalar? { index < chars.count ? chars[index] : nil }

    private func error(_ message: String) -> LogicProgramError {
        LogicProgramError(position: position, message: message)
    }

    private mutating func skipSpaces() {
        while let c = peek, c == " " || c == "\t" { index += 1 }
    }

    private mutating func eat(_ token: String) -> Bool {
        let scalars = Array(token.unicodeScalars)
        guard index + scalars.count <= chars.count, Array(chars[index..<index + scalars.count]) == scalars else { return false }
        index += scalars.count
        return true
    }

    private mutating func expect(_ token: String) throws {
        skipSpaces()
        guard eat(token) else {
            let found = peek.map { "'\($0)'" } ?? "the end of the line"
            throw error("expected '\(token)' but found \(found)")
        }
    }

    private mutating func identifier(_ what: String) throws -> String {
        skipSpaces()
        let start = index
        while let c = peek, c == "_" || (c.properties.isAlphabetic) || (c.value >= 0x30 && c.value <= 0x39) {
            index += 1
        }
        guard index > start else {
            let found = peek.map { "'\($0)'" } ?? "the end of the line"
            throw error("expected \(what) but found \(found)")
        }
        return String(String.UnicodeScalarView(chars[start..<index]))
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
