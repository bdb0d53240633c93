import Logic

/// A premise read as a rule `∀x̄. L1 ∧ … ∧ Ln → L` over signed literals (n = 0 for a fact).
public struct SignedRule: Hashable, Sendable, CustomStringConvertible {
    public var body: [SignedLiteral]
    public var head: SignedLiteral
    /// The index of the premise this rule came from.
    public var premise: Int

    public var description: String {
        body.isEmpty ? "\(head)" : body.map(\.description).joined(separator: " ∧ ") + " → \(head)"
    }
}

/// Reads premises into the rule fragment: every premise is, under a prefix of universal
/// quantifiers, a signed literal, an implication from a conjunction of signed literals
/// to a conjunction of signed literals, or a conjunction of such; arguments are
/// variables or constants. Anything else (disjunctions, existentials, equations,
/// function symbols, biconditionals) is outside the fragment and reported as such.
public enum RuleTheoryReader {
    /// The reason a premise is outside the fragment.
    public struct OutsideFragment: Error, Hashable, Sendable, CustomStringConvertible {
        public var premise: Int?
        public var message: String
        public var description: String {
            (premise.map { "premise \($0)" } ?? "the conclusion") + " " + message
        }
    }

    /// The rules of the premises, in premise order.
    public static func rules(from premises: [Formula]) throws(OutsideFragment) -> [SignedRule] {
        var out: [SignedRule] = []
        for (i, p) in premises.enumerated() {
            try collect(p, premise: i, into: &out)
        }
        return out
    }

    /// The conclusion as a ground literal.
    public static func groundLiteral(_ f: Formula) throws(OutsideFragment) -> SignedLiteral {
        guard let lit = SignedLiteral(f) else {
            throw OutsideFragment(premise: nil, message: "is not a literal")
        }
        try checkArguments(lit, premise: nil)
        guard lit.isGround else { throw OutsideFragment(premise: nil, message: "is not ground") }
        return lit
    }

    private static func collect(_ f: Formula, premise: Int, into out: inout [SignedRule]) throws(OutsideFragment) {
        var stack = [f]
        while let g = stack.popLast() {
            switch g {
            case .truth: continue
            case .forall(_, let inner): stack.append(inner)
            case .and(let parts): stack.append(contentsOf: parts.reversed())
            case .implies(let body, let head):
                let bodyLits = try conjunctLiterals(body, premise: premise, role: "rule body")
                let headLits = try conjunctLiterals(head, premise: premise, role: "rule head")
                if headLits.isEmpty {
                    throw OutsideFragment(premise: premise, message: "has a rule with an empty head: use MESON")
                }
                for h in headLits { out.append(SignedRule(body: bodyLits, head: h, premise: premise)) }
            default:
                guard let lit = SignedLiteral(g) else {
                    throw OutsideFragment(premise: premise, message: "is not a Horn-like rule over signed literals (\(shape(g))): use MESON")
                }
                try checkArguments(lit, premise: premise)
                out.append(SignedRule(body: [], head: lit, premise: premise))
            }
        }
    }

    private static func conjunctLiterals(_ f: Formula, premise: Int, role: String) throws(OutsideFragment) -> [SignedLiteral] {
        var out: [SignedLiteral] = []
        var stack = [f]
        while let g = stack.popLast() {
            switch g {
            case .truth: continue
            case .and(let parts): stack.append(contentsOf: parts.reversed())
            default:
                guard let lit = SignedLiteral(g) else {
                    throw OutsideFragment(premise: premise, message: "has a \(role) that is not a conjunction of literals (\(shape(g))): use MESON")
                }
                try checkArguments(lit, premise: premise)
                out.append(lit)
            }
        }
        return out
    }

    private static func checkArguments(_ lit: SignedLiteral, premise: Int?) throws(OutsideFragment) {
        for a in lit.arguments {
            if case .function(let name, let args) = a, !args.isEmpty {
                throw OutsideFragment(premise: premise, message: "uses the function symbol \(name)/\(args.count): use MESON")
            }
        }
    }

    private static func shape(_ f: Formula) -> String {
        switch f {
        case .or: return "a disjunction"
        case .exists: return "an existential"
        case .equal, .not(.equal): return "an equation"
        case .iff: return "a biconditional"
        case .xor: return "an exclusive or"
        case .falsity: return "falsity"
        case .forall: return "a nested universal"
        case .implies: return "a nested implication"
        case .not: return "a negated compound formula"
        default: return "an unsupported connective"
        }
    }
}
