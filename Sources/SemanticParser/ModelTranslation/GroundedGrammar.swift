/// A GBNF grammar for the formulas one sentence may translate to: predicate names are
/// CamelCase forms of the sentence's content words (plus the shared signature's
/// predicates, at their recorded arity), constants are lowercase forms of its content
/// words and names (plus the signature's constants). Nothing else can be named, so the
/// model can neither invent `Thecat(x)` nor copy a name from a few-shot example.
///
/// The syntax is a canonical subset of `grammars/fol.gbnf` (so every match parses with
/// `FOLParser.parse`): `all x. F`, `exists x. F`, `->`, `<->`, `|`, `&`, `-`, parentheses,
/// single spaces around binary connectives; a quantified formula may also be the right
/// side of `->` / `<->`. Variables are bound in the order x, y, z and
/// a variable may appear only inside its quantifier, so every match is a closed formula.
/// Parentheses nest at most `maxParenthesisDepth` deep; an `&` or `|` chain has at most
/// `maxChainLength` operands.
/// The text starts with one space (the prompt ends with `FOL:`).
public struct GroundedGrammar: Sendable, Equatable {
    /// Predicate names with their allowed arities (1 or 2 for new names; the recorded
    /// arity for signature names).
    public let predicates: [(name: String, arities: [Int])]
    /// Constant names.
    public let constants: [String]
    /// The grammar in GBNF notation (start rule `root`).
    public let source: String

    /// Variable names, bound in this order.
    public static let variables = ["x", "y", "z"]

    public static func == (a: GroundedGrammar, b: GroundedGrammar) -> Bool { a.source == b.source }

    /// The grammar for `sentence` under `signature`. Names in `excluded` are never
    /// offered, neither as predicates nor as constants (a repair uses this to keep a name
    /// that clashed out of the new translation).
    public init(sentence: String, signature: TranslationSignature, excluding excluded: Set<String> = []) {
        let words = SentenceWords(sentence)
        var predicates: [(name: String, arities: [Int])] = signature.predicates
            .filter { !excluded.contains($0.name) }.map { ($0.name, [$0.arity]) }
        for name in words.predicateNames where !excluded.contains(name) && !predicates.contains(where: { $0.name == name }) {
            predicates.append((name, [1, 2]))
        }
        var constants = signature.constants.filter { !excluded.contains($0) }
        for name in words.constantNames where !excluded.contains(name) && !constants.contains(name) { constants.append(name) }
        self.init(predicates: predicates, constants: constants)
    }

    /// A grammar over explicit names (each must be `[A-Za-z][A-Za-z0-9_]*`; constants must
    /// not be a variable or a keyword).
    public init(predicates: [(name: String, arities: [Int])], constants: [String]) {
        self.predicates = predicates
        self.constants = constants
        self.source = Self.render(predicates: predicates, constants: constants)
    }

    private static func quoted(_ s: String) -> String { "\"" + s + "\"" }

    /// Deepest parenthesis nesting the grammar allows (bounds degenerate outputs).
    public static let maxParenthesisDepth = 3

    /// Most operands of one `&` or `|` chain (bounds degenerate outputs).
    public static let maxChainLength = 4

    /// `(op x (op x (op x)?)?)?`: up to `maxChainLength - 1` more operands.
    private static func boundedTail(_ op: String, _ operand: String) -> String {
        var tail = ""
        for _ in 1..<maxChainLength { tail = "(\(quoted(op)) \(operand) \(tail))?" }
        return tail
    }

    private static func render(predicates: [(name: String, arities: [Int])], constants: [String]) -> String {
        // Without predicates nothing can be said: the only formula is `true`.
        if predicates.isEmpty { return "root ::= \" true\"\n" }
        var lines: [String] = ["root ::= \" \" f0d0"]
        if !constants.isEmpty {
            lines.append("constant ::= " + constants.map(quoted).joined(separator: " | "))
        }
        // Level k: variables x..(k-th) are bound; depth d: parentheses open.
        for k in 0...variables.count {
            let bound = Array(variables.prefix(k))
            var termAlternatives = bound.map(quoted)
            if !constants.isEmpty { termAlternatives.append("constant") }
            let hasAtoms = !termAlternatives.isEmpty && !predicates.isEmpty
            if hasAtoms {
                lines.append("term\(k) ::= " + termAlternatives.joined(separator: " | "))
                var atoms: [String] = []
                for (name, arities) in predicates {
                    for arity in arities where arity >= 1 {
                        let args = Array(repeating: "term\(k)", count: arity).joined(separator: " \", \" ")
                        atoms.append("\(quoted(name + "(")) \(args) \")\"")
                    }
                }
                lines.append("atom\(k) ::= " + atoms.joined(separator: " | "))
            }
            for d in 0...maxParenthesisDepth {
                let id = "\(k)d\(d)"
                if !hasAtoms && d == maxParenthesisDepth {
                    // No atom and no room for parentheses: only a quantifier can follow
                    // (k < 3 here, since with predicates level 3 always has atoms).
                    lines.append("f\(id) ::= (\"all \" | \"exists \") \(quoted(variables[k])) \". \" f\(k + 1)d\(d)")
                    continue
                }
                if k < variables.count {
                    lines.append("q\(id) ::= (\"all \" | \"exists \") \(quoted(variables[k])) \". \" f\(k + 1)d\(d)")
                    lines.append("f\(id) ::= q\(id) | i\(id)")
                    lines.append("i\(id) ::= o\(id) ((\" -> \" | \" <-> \") (o\(id) | q\(id)))?")
                } else {
                    lines.append("f\(id) ::= i\(id)")
                    lines.append("i\(id) ::= o\(id) ((\" -> \" | \" <-> \") o\(id))?")
                }
                lines.append("o\(id) ::= c\(id) " + boundedTail(" | ", "c\(id)"))
                lines.append("c\(id) ::= l\(id) " + boundedTail(" & ", "l\(id)"))
                var literal: [String] = []
                if hasAtoms { literal += ["atom\(k)", "\"-\" atom\(k)"] }
                if d < maxParenthesisDepth { literal += ["\"(\" f\(k)d\(d + 1) \")\"", "\"-(\" f\(k)d\(d + 1) \")\""] }
                lines.append("l\(id) ::= " + literal.joined(separator: " | "))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
