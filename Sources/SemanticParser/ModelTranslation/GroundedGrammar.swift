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

    /// The grammar for `sentence` under `signature`.
    public init(sentence: String, signature: TranslationSignature) {
        let words = SentenceWords(sentence)
        var predicates: [(name: String, arities: [Int])] = signature.predicates.map { ($0.name, [$0.arity]) }
        for name in words.predicateNames where !predicates.contains(where: { $0.name == name }) {
            predicates.append((name, [1, 2]))
        }
        var constants = signature.constants
        for name in words.constantNames where !constants.contains(name) { constants.append(name) }
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

    private static func render(predicates: [(name: String, arities: [Int])], constants: [String]) -> String {
        var lines: [String] = ["root ::= \" \" formula0"]
        if !constants.isEmpty {
            lines.append("constant ::= " + constants.map(quoted).joined(separator: " | "))
        }
        // Level k: variables x..(k-th) are bound.
        for k in 0...variables.count {
            let bound = Array(variables.prefix(k))
            var termAlternatives = bound.map(quoted)
            if !constants.isEmpty { termAlternatives.append("constant") }
            if k < variables.count {
                lines.append("quantified\(k) ::= (\"all \" | \"exists \") \(quoted(variables[k])) \". \" formula\(k + 1)")
                lines.append("formula\(k) ::= quantified\(k) | implication\(k)")
                lines.append("implication\(k) ::= disjunction\(k) ((\" -> \" | \" <-> \") (disjunction\(k) | quantified\(k)))?")
            } else {
                lines.append("formula\(k) ::= implication\(k)")
                lines.append("implication\(k) ::= disjunction\(k) ((\" -> \" | \" <-> \") disjunction\(k))?")
            }
            lines.append("disjunction\(k) ::= conjunction\(k) (\" | \" conjunction\(k))*")
            lines.append("conjunction\(k) ::= literal\(k) (\" & \" literal\(k))*")
            var literal = ["\"(\" formula\(k) \")\"", "\"-\" \"(\" formula\(k) \")\""]
            if !termAlternatives.isEmpty && !predicates.isEmpty {
                lines.append("term\(k) ::= " + termAlternatives.joined(separator: " | "))
                var atoms: [String] = []
                for (name, arities) in predicates {
                    for arity in arities where arity >= 1 {
                        let args = Array(repeating: "term\(k)", count: arity).joined(separator: " \", \" ")
                        atoms.append("\(quoted(name + "(")) \(args) \")\"")
                    }
                }
                lines.append("atom\(k) ::= " + atoms.joined(separator: " | "))
                literal.insert(contentsOf: ["atom\(k)", "\"-\" atom\(k)"], at: 0)
            }
            lines.append("literal\(k) ::= " + literal.joined(separator: " | "))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
