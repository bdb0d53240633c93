import Logic

/// A non-logical name of a formula as alignment sees it: a predicate with its arity, or a
/// function symbol with its arity (constants are functions of arity 0). Two symbols can be
/// aligned only when their kinds are equal.
public struct EvaluationSymbol: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// What a name stands for, and with how many arguments.
    public enum Kind: Hashable, Sendable, Comparable {
        case predicate(arity: Int)
        case function(arity: Int)
    }

    public var name: String
    public var kind: Kind

    public init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }

    /// A constant: a function symbol of arity 0.
    public static func constant(_ name: String) -> EvaluationSymbol { EvaluationSymbol(name: name, kind: .function(arity: 0)) }

    /// A predicate of `arity` arguments.
    public static func predicate(_ name: String, arity: Int) -> EvaluationSymbol {
        EvaluationSymbol(name: name, kind: .predicate(arity: arity))
    }

    public static func < (a: EvaluationSymbol, b: EvaluationSymbol) -> Bool {
        (a.kind, a.name) < (b.kind, b.name)
    }

    /// `Name/2` for predicates, `name` for constants, `name/2()` for functions.
    public var description: String {
        switch kind {
        case .predicate(let arity): return "\(name)/\(arity)"
        case .function(0): return name
        case .function(let arity): return "\(name)/\(arity)()"
        }
    }
}

extension Formula {
    /// The predicate and function symbols of the formula, in order of first occurrence
    /// (equality is logical, not a symbol).
    public var evaluationSymbols: [EvaluationSymbol] {
        var seen = Set<EvaluationSymbol>()
        var out: [EvaluationSymbol] = []
        forEachSymbol { name, arity, isPredicate in
            let symbol = EvaluationSymbol(name: name, kind: isPredicate ? .predicate(arity: arity) : .function(arity: arity))
            if seen.insert(symbol).inserted { out.append(symbol) }
        }
        return out
    }
}
