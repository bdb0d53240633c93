/// Prints formulas in the syntaxes `FOLParser` reads.
///
/// The standard printers use the fewest parentheses the precedence allows, except that
/// a quantifier's body is parenthesised when it is a binary connective
/// (`∀x (P(x) → Q(x))`, FOLIO's convention). For every formula without free variables
/// (every formula the standard parser returns) `parse(print(f)) == f` holds exactly:
/// a constant whose name is bound at that point, or is a keyword, prints as `c()`.
/// Nested n-ary `∧`/`∨` keep their parentheses (`(a ∧ b) ∧ c`).
///
/// Not round-tripping: `.and`/`.or` with fewer than two operands print as `⊤`/`⊥` or
/// their single operand; free variables print as plain names (which parse as constants).
public enum FOLPrinter {
    /// `all x. (P(x) -> -Q(x) | a != b)`; xor is `<~>`.
    public static func ascii(_ f: Formula) -> String { StandardPrinter(symbols: .ascii).render(f) }

    /// FOLIO's style: `∀x (P(x) → ¬Q(x) ∨ a ≠ b)`.
    public static func unicode(_ f: Formula) -> String { StandardPrinter(symbols: .unicode).render(f) }

    /// TPTP FOF formula syntax: `![X]: (p(X) => ~ q(X))`.
    ///
    /// Variables: a name starting with a lowercase ASCII letter prints with that letter
    /// upper-cased (`x1` → `X1`, and the TPTP parser lowers it back). Other variable names
    /// print as `V_` + name (not reversible). Functors and predicates print bare when they
    /// match `[a-z][A-Za-z0-9_]*`, otherwise single-quoted (`'Dog'`), which TPTP reads as
    /// the same name, so names round-trip exactly.
    public static func tptp(_ f: Formula) -> String { TPTPPrinter().render(f).text }
}

struct StandardPrinter {
    struct Symbols: Sendable {
        var not, and, or, xor, implies, iff, equal, notEqual, truth, falsity: String
        /// Quantifier heads: `forallHead + v + binderEnd`.
        var forallHead, existsHead, binderEnd: String

        static let ascii = Symbols(
            not: "-", and: " & ", or: " | ", xor: " <~> ", implies: " -> ", iff: " <-> ",
            equal: " = ", notEqual: " != ", truth: "true", falsity: "false",
            forallHead: "all ", existsHead: "exists ", binderEnd: ". ")
        static let unicode = Symbols(
            not: "¬", and: " ∧ ", or: " ∨ ", xor: " ⊕ ", implies: " → ", iff: " ↔ ",
            equal: " = ", notEqual: " ≠ ", truth: "⊤", falsity: "⊥",
            forallHead: "∀", existsHead: "∃", binderEnd: " ")
    }
    let symbols: Symbols

    static let keywords: Set<String> = ["all", "forall", "exists", "true", "false"]

    /// A printed subformula: its text, the precedence of its main connective (6 atoms,
    /// 5 ¬ and quantifiers, 4 ∧, 3 ∨ ⊕, 2 →, 1 ↔), and whether it ends in a quantifier
    /// whose scope would swallow anything printed after it.
    struct Piece {
        var text: String
        var precedence: Int
        var isOr = false
        var isXor = false
        var openRight = false

        var parenthesized: Piece { Piece(text: "(" + text + ")", precedence: 6) }
    }

    func render(_ f: Formula) -> String { piece(f, bound: [:]).text }

    func term(_ t: Term, bound: [String: Int]) -> String {
        switch t {
        case .variable(let v): return v
        case .function(let name, let args):
            if args.isEmpty {
                return bound[name] != nil || StandardPrinter.keywords.contains(name) ? name + "()" : name
            }
            return name + "(" + args.map { term($0, bound: bound) }.joined(separator: ", ") + ")"
        }
    }

    // One small function per connective: in debug builds a function's frame holds the
    // locals of all its cases, and formulas may be `FOLParser.maxDepth` deep.
    func piece(_ f: Formula, bound: [String: Int]) -> Piece {
        switch f {
        case .truth: return Piece(text: symbols.truth, precedence: 6)
        case .falsity: return Piece(text: symbols.falsity, precedence: 6)
        case .predicate, .equal: return atom(f, negated: false, bound: bound)
        case .not(let g): return negation(g, bound: bound)
        case .and(let fs): return junction(fs, isAnd: true, bound: bound)
        case .or(let fs): return junction(fs, isAnd: false, bound: bound)
        case .xor, .implies, .iff: return binary(f, bound: bound)
        case .forall(let v, let body): return quantifier(v, body, isForall: true, bound: bound)
        case .exists(let v, let body): return quantifier(v, body, isForall: false, bound: bound)
        }
    }

    func atom(_ f: Formula, negated: Bool, bound: [String: Int]) -> Piece {
        switch f {
        case .predicate(let name, let args):
            if args.isEmpty {
                return Piece(text: StandardPrinter.keywords.contains(name) ? name + "()" : name, precedence: 6)
            }
            return Piece(text: term(.function(name, args), bound: bound), precedence: 6)
        case .equal(let a, let b):
            let op = negated ? symbols.notEqual : symbols.equal
            return Piece(text: term(a, bound: bound) + op + term(b, bound: bound), precedence: 6)
        default:
            preconditionFailure("atom(_:) takes predicates and equations")
        }
    }

    func negation(_ g: Formula, bound: [String: Int]) -> Piece {
        if case .equal = g { return atom(g, negated: true, bound: bound) }
        var p = piece(g, bound: bound)
        if p.precedence < 5 { p = p.parenthesized }
        return Piece(text: symbols.not + p.text, precedence: 5, openRight: p.openRight)
    }

    func junction(_ fs: [Formula], isAnd: Bool, bound: [String: Int]) -> Piece {
        if fs.isEmpty { return Piece(text: isAnd ? symbols.truth : symbols.falsity, precedence: 6) }
        if fs.count == 1 { return piece(fs[0], bound: bound) }
        var parts: [String] = []
        var open = false
        for (i, g) in fs.enumerated() {
            var p = piece(g, bound: bound)
            let last = i == fs.count - 1
            if p.precedence < (isAnd ? 5 : 4) || (p.openRight && !last) { p = p.parenthesized }
            parts.append(p.text)
            if last { open = p.openRight }
        }
        return Piece(text: parts.joined(separator: isAnd ? symbols.and : symbols.or),
                     precedence: isAnd ? 4 : 3, isOr: !isAnd, openRight: open)
    }

    func binary(_ f: Formula, bound: [String: Int]) -> Piece {
        switch f {
        case .xor(let a, let b):
            var l = piece(a, bound: bound), r = piece(b, bound: bound)
            if l.precedence < 3 || l.isOr || l.openRight { l = l.parenthesized }
            if r.precedence <= 3 { r = r.parenthesized }
            return Piece(text: l.text + symbols.xor + r.text, precedence: 3, isXor: true, openRight: r.openRight)
        case .implies(let a, let b):
            var l = piece(a, bound: bound), r = piece(b, bound: bound)
            if l.precedence <= 2 || l.openRight { l = l.parenthesized }
            if r.precedence < 2 { r = r.parenthesized }
            return Piece(text: l.text + symbols.implies + r.text, precedence: 2, openRight: r.openRight)
        case .iff(let a, let b):
            var l = piece(a, bound: bound), r = piece(b, bound: bound)
            if l.openRight { l = l.parenthesized }
            if r.precedence <= 1 { r = r.parenthesized }
            return Piece(text: l.text + symbols.iff + r.text, precedence: 1, openRight: r.openRight)
        default:
            preconditionFailure("binary(_:) takes ⊕, →, ↔")
        }
    }

    func quantifier(_ v: String, _ body: Formula, isForall: Bool, bound: [String: Int]) -> Piece {
        var inner = bound
        inner[v, default: 0] += 1
        var p = piece(body, bound: inner)
        if p.precedence < 5 { p = p.parenthesized }
        let head = (isForall ? symbols.forallHead : symbols.existsHead) + v + symbols.binderEnd
        return Piece(text: head + p.text, precedence: 5, openRight: true)
    }
}

struct TPTPPrinter {
    struct Piece {
        var text: String
        /// A binary connective at the top, which TPTP requires to be parenthesised as
        /// an operand.
        var isBinary: Bool
    }

    static func isPlainFunctor(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy(FOLLexer.isNameScalar)
    }

    static func functor(_ name: String) -> String {
        if isPlainFunctor(name) { return name }
        var out = "'"
        for c in name {
            if c == "'" || c == "\\" { out.append("\\") }
            out.append(c)
        }
        return out + "'"
    }

    static func variable(_ name: String) -> String {
        if let first = name.unicodeScalars.first, ("a"..."z").contains(first),
           name.unicodeScalars.allSatisfy(FOLLexer.isNameScalar) {
            return name.prefix(1).uppercased() + name.dropFirst()
        }
        let cleaned = String(String.UnicodeScalarView(name.unicodeScalars.map { FOLLexer.isNameScalar($0) ? $0 : "_" }))
        return "V_" + cleaned
    }

    func term(_ t: Term) -> String {
        switch t {
        case .variable(let v): return TPTPPrinter.variable(v)
        case .function(let name, let args):
            if args.isEmpty { return TPTPPrinter.functor(name) }
            return TPTPPrinter.functor(name) + "(" + args.map(term).joined(separator: ",") + ")"
        }
    }

    func operand(_ f: Formula) -> String {
        let p = render(f)
        return p.isBinary ? "(" + p.text + ")" : p.text
    }

    func render(_ f: Formula) -> Piece {
        switch f {
        case .truth: return Piece(text: "$true", isBinary: false)
        case .falsity: return Piece(text: "$false", isBinary: false)
        case .predicate(let name, let args): return Piece(text: term(.function(name, args)), isBinary: false)
        case .equal(let a, let b): return Piece(text: term(a) + " = " + term(b), isBinary: false)
        case .not(.equal(let a, let b)): return Piece(text: term(a) + " != " + term(b), isBinary: false)
        case .not(let g): return Piece(text: "~ " + operand(g), isBinary: false)
        case .and(let fs), .or(let fs):
            let isAnd: Bool
            if case .and = f { isAnd = true } else { isAnd = false }
            if fs.isEmpty { return Piece(text: isAnd ? "$true" : "$false", isBinary: false) }
            if fs.count == 1 { return render(fs[0]) }
            return Piece(text: fs.map(operand).joined(separator: isAnd ? " & " : " | "), isBinary: true)
        case .xor(let a, let b): return Piece(text: operand(a) + " <~> " + operand(b), isBinary: true)
        case .implies(let a, let b): return Piece(text: operand(a) + " => " + operand(b), isBinary: true)
        case .iff(let a, let b): return Piece(text: operand(a) + " <=> " + operand(b), isBinary: true)
        case .forall, .exists:
            var isForall = false
            if case .forall = f { isForall = true }
            var vars: [String] = []
            var body = f
            loop: while true {
                switch body {
                case .forall(let v, let b) where isForall && !vars.contains(v): vars.append(v); body = b
                case .exists(let v, let b) where !isForall && !vars.contains(v): vars.append(v); body = b
                default: break loop
                }
            }
            let head = (isForall ? "!" : "?") + "[" + vars.map(TPTPPrinter.variable).joined(separator: ",") + "]: "
            return Piece(text: head + operand(body), isBinary: false)
        }
    }
}
