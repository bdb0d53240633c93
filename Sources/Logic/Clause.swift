/// An atom or its negation. Equality is the predicate `=` with two arguments.
public struct Literal: Hashable, Sendable, CustomStringConvertible {
    public var isPositive: Bool
    public var predicate: String
    public var arguments: [Term]

    public init(isPositive: Bool, predicate: String, arguments: [Term]) {
        self.isPositive = isPositive; self.predicate = predicate; self.arguments = arguments
    }

    /// The literal for an atomic formula (predicate or equation), or nil for others.
    public init?(atom: Formula, isPositive: Bool = true) {
        switch atom {
        case .predicate(let p, let args): self.init(isPositive: isPositive, predicate: p, arguments: args)
        case .equal(let a, let b): self.init(isPositive: isPositive, predicate: "=", arguments: [a, b])
        default: return nil
        }
    }

    public var isEquality: Bool { predicate == "=" && arguments.count == 2 }
    public var negated: Literal { Literal(isPositive: !isPositive, predicate: predicate, arguments: arguments) }

    /// The literal as a formula (`P(t)`, `¬P(t)`, `a = b`, `¬a = b`).
    public var formula: Formula {
        let atom: Formula = isEquality ? .equal(arguments[0], arguments[1]) : .predicate(predicate, arguments)
        return isPositive ? atom : .not(atom)
    }

    public var description: String { FOLPrinter.unicode(formula) }
}

/// A disjunction of literals whose variables are implicitly universally quantified.
/// The empty clause is false.
public struct Clause: Hashable, Sendable, CustomStringConvertible {
    public var literals: [Literal]
    public init(_ literals: [Literal]) { self.literals = literals }

    public var variables: [String] {
        var seen = Set<String>(), out: [String] = []
        for l in literals { for t in l.arguments { for v in t.variables where seen.insert(v).inserted { out.append(v) } } }
        return out
    }

    /// The clause as a universally closed formula.
    public var formula: Formula {
        let body: Formula
        switch literals.count {
        case 0: body = .falsity
        case 1: body = literals[0].formula
        default: body = .or(literals.map(\.formula))
        }
        return variables.reversed().reduce(body) { .forall($1, $0) }
    }

    public var description: String {
        literals.isEmpty ? "⊥" : literals.map(\.description).joined(separator: " ∨ ")
    }
}
