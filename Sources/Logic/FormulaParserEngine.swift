/// The formula parser shared by both dialects: operator precedence with explicit stacks
/// (no recursion), so nesting depth costs heap, never call stack, and is bounded by
/// `FOLParser.maxDepth`.
///
/// Standard dialect, loosest to tightest: `↔` (left-assoc) < `→` (right-assoc) <
/// `∨`,`⊕` (one level; mixing them unparenthesised is ambiguous) < `∧` < `¬`.
/// A quantifier's scope extends as far right as possible.
///
/// TPTP dialect: `~` and quantifiers bind tightest and apply to a unit formula; all
/// binary connectives share one level, where only `&` and `|` may be chained (each
/// with itself); anything else needs parentheses, as in the TPTP grammar.
struct FormulaParserEngine {
    let tokens: [FOLToken]
    var index: Int
    let dialect: FOLDialect
    let tolerant: Bool
    /// TPTP files: a `,` or `)` at parenthesis depth 0 ends the formula.
    var stopsAtAnnotation = false
    var repairs: [Repair] = []

    private enum Operator {
        case paren
        case not
        case quantifier(forall: Bool, variable: String)
        case and(Int), or(Int)
        case xor, implies, iff
        case reverseImplies, nor, nand

        var precedence: Int {
            switch self {
            case .paren, .quantifier: return 0
            case .iff: return 1
            case .implies, .reverseImplies, .nor, .nand: return 2
            case .or, .xor: return 3
            case .and: return 4
            case .not: return 5
            }
        }
        var symbol: String {
            switch self {
            case .and: return "∧"
            case .or: return "∨"
            case .xor: return "⊕"
            case .implies: return "→"
            case .iff: return "↔"
            case .reverseImplies: return "<="
            case .nor: return "~|"
            case .nand: return "~&"
            case .not: return "¬"
            case .paren: return "("
            case .quantifier(let f, _): return f ? "∀" : "∃"
            }
        }
    }

    private var ops: [(op: Operator, position: SourcePosition)] = []
    private var operands: [(formula: Formula, depth: Int)] = []
    private var bound: [String: Int] = [:]
    private var parenDepth = 0

    init(tokens: [FOLToken], index: Int = 0, dialect: FOLDialect, tolerant: Bool) {
        self.tokens = tokens
        self.index = index
        self.dialect = dialect
        self.tolerant = tolerant
    }

    private var current: FOLToken { tokens[index] }
    private func peekKind(_ k: Int = 0) -> FOLToken.Kind {
        index + k < tokens.count ? tokens[index + k].kind : .end
    }

    private func error(_ message: String, at position: SourcePosition? = nil) -> FOLParseError {
        FOLParseError(position: position ?? current.position, message: message)
    }

    // MARK: - Driver

    /// Parses one formula starting at `index`; on return `index` is at the token that
    /// ended it (`.end`, or in TPTP files the `,`/`)` that closes the formula).
    mutating func parseFormula() throws -> Formula {
        var expectOperand = true
        while true {
            if expectOperand {
                try parseOperandStart(&expectOperand)
            } else {
                let tok = current
                switch tok.kind {
                case .and: index += 1; try pushBinary(.and(2), at: tok.position); expectOperand = true
                case .or: index += 1; try pushBinary(.or(2), at: tok.position); expectOperand = true
                case .xor: index += 1; try pushBinary(.xor, at: tok.position); expectOperand = true
                case .implies: index += 1; try pushBinary(.implies, at: tok.position); expectOperand = true
                case .iff: index += 1; try pushBinary(.iff, at: tok.position); expectOperand = true
                case .reverseImplies, .nor, .nand:
                    guard dialect == .tptp else { throw error("unexpected \(tok.display)") }
                    index += 1
                    let op: Operator = tok.kind == .nor ? .nor : tok.kind == .nand ? .nand : .reverseImplies
                    try pushBinary(op, at: tok.position)
                    expectOperand = true
                case .caret where tolerant && dialect == .standard:
                    repairs.append(Repair(position: tok.position, message: "'^' read as '∧'"))
                    index += 1; try pushBinary(.and(2), at: tok.position); expectOperand = true
                case .comma where tolerant && dialect == .standard:
                    repairs.append(Repair(position: tok.position, message: "',' between formulas read as '∧'"))
                    index += 1; try pushBinary(.and(2), at: tok.position); expectOperand = true
                case .longIff where tolerant && dialect == .standard:
                    repairs.append(Repair(position: tok.position, message: "'⟷' read as '↔'"))
                    index += 1; try pushBinary(.iff, at: tok.position); expectOperand = true
                case .rightParen where !(stopsAtAnnotation && parenDepth == 0):
                    try closeParen(at: tok.position)
                    index += 1
                case .end, .comma, .rightParen:
                    if case .comma = tok.kind, !stopsAtAnnotation { fallthrough }
                    return try finish()
                case .name where tolerant && dialect == .standard,
                     .not where tolerant && dialect == .standard:
                    // `Country(x) Nearby(m, x)`: two formulas side by side
                    repairs.append(Repair(position: tok.position, message: "missing connective before \(tok.display): read as '∧'"))
                    try pushBinary(.and(2), at: tok.position)
                    expectOperand = true
                default:
                    throw error("expected a connective or ')', found \(tok.display)")
                }
            }
        }
    }

    private mutating func push(_ op: Operator, at position: SourcePosition) throws {
        ops.append((op, position))
        // parentheses and connectives are bounded separately: `(a → (b → …))` has both
        if (parenDepth > FOLParser.maxDepth) || (ops.count - parenDepth > FOLParser.maxDepth) {
            throw error("nesting deeper than \(FOLParser.maxDepth) levels", at: position)
        }
    }

    private mutating func pushOperand(_ f: Formula, depth: Int, at position: SourcePosition) throws {
        if depth > FOLParser.maxDepth {
            throw error("nesting deeper than \(FOLParser.maxDepth) levels", at: position)
        }
        operands.append((f, depth))
    }

    private mutating func parseOperandStart(_ expectOperand: inout Bool) throws {
        let tok = current
        switch tok.kind {
        case .not:
            index += 1; try push(.not, at: tok.position)
        case .minus where dialect == .standard:
            index += 1; try push(.not, at: tok.position)
        case .forall, .exists:
            index += 1
            try parseQuantifier(forall: tok.kind == .forall, at: tok.position)
        case .leftParen:
            index += 1; parenDepth += 1; try push(.paren, at: tok.position)
        case .truth:
            index += 1; try pushOperand(.truth, depth: 1, at: tok.position); expectOperand = false
        case .falsity:
            index += 1; try pushOperand(.falsity, depth: 1, at: tok.position); expectOperand = false
        case .name(let n, let quoted):
            if dialect == .standard && !quoted && peekKind(1) != .leftParen {
                switch n {
                case "all", "forall", "exists":
                    index += 1
                    try parseQuantifier(forall: n != "exists", at: tok.position)
                    return
                case "true":
                    index += 1; try pushOperand(.truth, depth: 1, at: tok.position); expectOperand = false
                    return
                case "false":
                    index += 1; try pushOperand(.falsity, depth: 1, at: tok.position); expectOperand = false
                    return
                default: break
                }
            }
            let (f, depth) = try parseAtom()
            try pushOperand(f, depth: depth, at: tok.position)
            expectOperand = false
        case .end:
            throw error("expected a formula, found end of input")
        default:
            throw error("expected a formula, found \(tok.display)")
        }
    }

    // MARK: - Operators

    private mutating func reduceTop() throws {
        let (op, position) = ops.removeLast()
        func pop() -> (Formula, Int) { operands.removeLast() }
        switch op {
        case .paren:
            preconditionFailure("reduceTop never pops a parenthesis")
        case .not:
            let (a, d) = pop()
            try pushOperand(.not(a), depth: d + 1, at: position)
        case .quantifier(let forall, let v):
            let (a, d) = pop()
            unbind(v)
            try pushOperand(forall ? .forall(v, a) : .exists(v, a), depth: d + 1, at: position)
        case .and(let n), .or(let n):
            let items = operands.suffix(n)
            operands.removeLast(n)
            let depth = (items.map(\.depth).max() ?? 0) + 1
            let fs = items.map(\.formula)
            if case .and = op {
                try pushOperand(.and(fs), depth: depth, at: position)
            } else {
                try pushOperand(.or(fs), depth: depth, at: position)
            }
        case .xor, .implies, .iff, .reverseImplies, .nor, .nand:
            let (b, db) = pop()
            let (a, da) = pop()
            let d = max(da, db) + 1
            let f: Formula
            switch op {
            case .xor: f = .xor(a, b)
            case .implies: f = .implies(a, b)
            case .iff: f = .iff(a, b)
            case .reverseImplies: f = .implies(b, a)
            case .nor: f = .not(.or([a, b]))
            default: f = .not(.and([a, b]))
            }
            var extra = 0
            if case .nor = op { extra = 1 }
            if case .nand = op { extra = 1 }
            try pushOperand(f, depth: d + extra, at: position)
        }
    }

    private mutating func pushBinary(_ incoming: Operator, at position: SourcePosition) throws {
        while let top = ops.last {
            switch top.op {
            case .paren:
                break
            case .not:
                try reduceTop(); continue
            case .quantifier:
                if dialect == .tptp { try reduceTop(); continue }
            default:
                if dialect == .tptp {
                    if case .and(let n) = top.op, case .and = incoming {
                        ops[ops.count - 1].op = .and(n + 1); return
                    }
                    if case .or(let n) = top.op, case .or = incoming {
                        ops[ops.count - 1].op = .or(n + 1); return
                    }
                    throw error("TPTP needs parentheses between '\(top.op.symbol)' and '\(incoming.symbol)'",
                                at: position)
                }
                if top.op.precedence > incoming.precedence { try reduceTop(); continue }
                if top.op.precedence == incoming.precedence {
                    switch (top.op, incoming) {
                    case (.and(let n), .and):
                        ops[ops.count - 1].op = .and(n + 1); return
                    case (.or(let n), .or):
                        ops[ops.count - 1].op = .or(n + 1); return
                    case (.implies, .implies):
                        break  // right-associative: shift
                    case (.or, .xor), (.xor, .or):
                        let message = "ambiguous: '∨' and '⊕' mixed without parentheses"
                        guard tolerant else { throw error(message, at: position) }
                        repairs.append(Repair(position: position, message: message + "; read left-associatively"))
                        try reduceTop(); continue
                    default:
                        try reduceTop(); continue  // ⊕ and ↔ are left-associative
                    }
                }
            }
            break
        }
        try push(incoming, at: position)
    }

    private mutating func closeParen(at position: SourcePosition) throws {
        while let top = ops.last {
            if case .paren = top.op {
                ops.removeLast()
                parenDepth -= 1
                return
            }
            try reduceTop()
        }
        throw error("unmatched ')'", at: position)
    }

    private mutating func finish() throws -> Formula {
        while let top = ops.last {
            if case .paren = top.op {
                throw error("missing ')' for the '(' here", at: top.position)
            }
            try reduceTop()
        }
        precondition(operands.count == 1, "the parser leaves exactly one formula")
        return operands.removeLast().formula
    }

    // MARK: - Quantifiers

    private mutating func bind(_ v: String) { bound[v, default: 0] += 1 }
    private mutating func unbind(_ v: String) {
        if let n = bound[v] { bound[v] = n > 1 ? n - 1 : nil }
    }

    private mutating func parseQuantifier(forall: Bool, at position: SourcePosition) throws {
        var variables: [String] = []
        if dialect == .tptp {
            guard current.kind == .leftBracket else { throw error("expected '[' after the quantifier") }
            index += 1
            while true {
                guard case .name(let n, false) = current.kind, let first = n.unicodeScalars.first,
                      first.properties.isUppercase else {
                    throw error("expected a variable (an uppercase name), found \(current.display)")
                }
                variables.append(FormulaParserEngine.tptpVariable(n))
                index += 1
                if current.kind == .comma { index += 1; continue }
                guard current.kind == .rightBracket else { throw error("expected ',' or ']', found \(current.display)") }
                index += 1
                break
            }
            guard current.kind == .colon else { throw error("expected ':' after the variable list") }
            index += 1
        } else {
            guard case .name(let first, false) = current.kind else {
                throw error("expected a variable after the quantifier, found \(current.display)")
            }
            variables.append(first)
            index += 1
            // `all x y z.` / `∀x, y.`: several variables need the terminating dot;
            // without it only the first name is a variable (`∀x P(x)`).
            var j = index
            var more: [String] = []
            while true {
                if tokens[j].kind == .comma { j += 1 }
                guard case .name(let n, false) = tokens[j].kind else { break }
                more.append(n)
                j += 1
            }
            if tokens[j].kind == .dot && !more.isEmpty && tokens[j + 1].kind != .end {
                variables += more
                index = j + 1
            } else if current.kind == .dot || current.kind == .colon {
                index += 1
            }
        }
        for v in variables {
            try push(.quantifier(forall: forall, variable: v), at: position)
            bind(v)
        }
    }

    /// TPTP variable `X1` is the variable `x1` (first letter lowered), so formulas print
    /// back to TPTP exactly.
    static func tptpVariable(_ name: String) -> String {
        name.prefix(1).lowercased() + name.dropFirst()
    }

    // MARK: - Atoms and terms

    /// A name in term or predicate position; in tolerant mode glues the defects real
    /// annotations have (`Non-BreastCancer`, `c++`, `mr.smith`, `Companies’Stocks`)
    /// into a valid identifier and records the repair.
    private mutating func readName() throws -> (String, quoted: Bool, position: SourcePosition) {
        let tok = current
        guard case .name(let n, let quoted) = tok.kind else {
            throw error("expected a name, found \(tok.display)")
        }
        index += 1
        if tolerant && dialect == .standard && !quoted {
            return try readGluedName(start: n, position: tok.position)
        }
        return (n, quoted, tok.position)
    }

    private mutating func readGluedName(start: String, position: SourcePosition) throws -> (String, quoted: Bool, position: SourcePosition) {
        var original = start
        var sanitized = start
        while !current.spaceBefore {
            switch current.kind {
            case .minus, .dot:
                // glued only when a name part follows immediately
                guard case .name(let next, false) = peekKind(1), !tokens[index + 1].spaceBefore else {
                    break
                }
                original += current.kind == .minus ? "-" : "."
                sanitized += "_"
                original += next; sanitized += next
                index += 2
                continue
            case .nameDefect(let c):
                original.append(c)
                sanitized += c == "+" ? "_plus" : "_"
                index += 1
                if case .name(let next, false) = current.kind, !current.spaceBefore {
                    original += next; sanitized += next; index += 1
                }
                continue
            default:
                break
            }
            break
        }
        if original != start {
            repairs.append(Repair(position: position, message: "name '\(original)' sanitized to '\(sanitized)'"))
        }
        return (sanitized, false, position)
    }

    private func isTPTPVariableName(_ n: String, quoted: Bool) -> Bool {
        guard !quoted, let first = n.unicodeScalars.first else { return false }
        return first.properties.isUppercase && first.isASCII
    }

    /// Parses a term iteratively; returns it with its nesting depth.
    private mutating func parseTerm() throws -> (Term, Int) {
        var frames: [(name: String, args: [Term], position: SourcePosition)] = []
        var maxDepth = 1
        while true {
            var (name, quoted, position) = try readName()
            if tolerant && dialect == .standard && !frames.isEmpty, case .name = current.kind {
                // `Superhero(captain america)`: words separated by spaces in an argument
                var original = name
                while case .name = current.kind {
                    let (next, _, _) = try readName()
                    original += " " + next
                    name += "_" + next
                }
                repairs.append(Repair(position: position, message: "name '\(original)' sanitized to '\(name)'"))
                quoted = false
            }
            var term: Term
            if current.kind == .leftParen {
                index += 1
                if current.kind == .rightParen {
                    index += 1
                    term = .function(name, [])
                } else {
                    frames.append((name, [], position))
                    maxDepth = max(maxDepth, frames.count + 1)
                    if frames.count > FOLParser.maxDepth {
                        throw error("nesting deeper than \(FOLParser.maxDepth) levels", at: position)
                    }
                    continue
                }
            } else if dialect == .tptp {
                term = isTPTPVariableName(name, quoted: quoted)
                    ? .variable(FormulaParserEngine.tptpVariable(name)) : .function(name, [])
            } else {
                term = bound[name] != nil ? .variable(name) : .function(name, [])
            }
            // Attach the finished term to the enclosing argument lists.
            while true {
                guard !frames.isEmpty else { return (term, maxDepth) }
                frames[frames.count - 1].args.append(term)
                if current.kind == .comma { index += 1; break }
                if current.kind == .rightParen {
                    index += 1
                    let frame = frames.removeLast()
                    term = .function(frame.name, frame.args)
                    continue
                }
                throw error("expected ',' or ')' in the argument list, found \(current.display)")
            }
        }
    }

    /// A predicate application `P(t, …)`, a nullary predicate `P`, or an equation.
    private mutating func parseAtom() throws -> (Formula, Int) {
        let start = current
        let (term, depth) = try parseTerm()
        switch current.kind {
        case .equal, .notEqual:
            let negated = current.kind == .notEqual
            index += 1
            let (rhs, d2) = try parseTerm()
            let eq = Formula.equal(term, rhs)
            return negated ? (.not(eq), max(depth, d2) + 2) : (eq, max(depth, d2) + 1)
        default:
            switch term {
            case .function(let name, let args):
                return (.predicate(name, args), depth)
            case .variable(let v):
                if dialect == .tptp {
                    throw error("a variable cannot stand as a formula", at: start.position)
                }
                return (.predicate(v, []), depth)
            }
        }
    }
}
