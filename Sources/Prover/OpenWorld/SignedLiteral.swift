import Logic

/// An atom `P(t1, …, tn)` with a sign: `Green(bob)` or `¬Green(bob)`.
///
/// Open-world theories in the ProofWriter / PrOntoQA style are made of these: facts are
/// ground signed literals, rules have signed literals in their bodies and heads.
public struct SignedLiteral: Hashable, Sendable, CustomStringConvertible {
    public var predicate: String
    public var arguments: [Term]
    public var isPositive: Bool

    public init(predicate: String, arguments: [Term], isPositive: Bool = true) {
        self.predicate = predicate
        self.arguments = arguments
        self.isPositive = isPositive
    }

    /// Reads a literal from `P(...)` or `¬P(...)` (double negations are cancelled);
    /// nil for any other formula, equations included.
    public init?(_ formula: Formula) {
        var f = formula
        var positive = true
        while case .not(let inner) = f { positive.toggle(); f = inner }
        guard case .predicate(let name, let args) = f else { return nil }
        self.init(predicate: name, arguments: args, isPositive: positive)
    }

    /// The complementary literal.
    public var complement: SignedLiteral {
        SignedLiteral(predicate: predicate, arguments: arguments, isPositive: !isPositive)
    }

    /// The literal as a formula.
    public var formula: Formula {
        let atom = Formula.predicate(predicate, arguments)
        return isPositive ? atom : .not(atom)
    }

    /// True when no argument contains a variable.
    public var isGround: Bool { arguments.allSatisfy(\.isGround) }

    public var description: String {
        let args = arguments.map(\.compactDescription).joined(separator: ", ")
        return (isPositive ? "" : "¬") + predicate + (arguments.isEmpty ? "" : "(\(args))")
    }
}

extension Term {
    /// `f(a, X)` style text, used in proof printouts.
    var compactDescription: String {
        switch self {
        case .variable(let v): return v
        case .function(let f, let args):
            return args.isEmpty ? f : f + "(" + args.map(\.compactDescription).joined(separator: ", ") + ")"
        }
    }
}
