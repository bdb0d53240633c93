import Logic

/// The predicates (with arities) and constants used so far in one problem, shared by all
/// of its sentences so that "is red" becomes `Red(x)` every time.
public struct TranslationSignature: Sendable, Equatable {
    /// Predicate names in order of first use, with their arities.
    public private(set) var predicates: [(name: String, arity: Int)] = []
    /// Constant names in order of first use.
    public private(set) var constants: [String] = []

    public init() {}

    public static func == (a: TranslationSignature, b: TranslationSignature) -> Bool {
        a.constants == b.constants && a.predicates.map(\.name) == b.predicates.map(\.name)
            && a.predicates.map(\.arity) == b.predicates.map(\.arity)
    }

    /// The arity recorded for `name`, if any.
    public func arity(of name: String) -> Int? { predicates.first { $0.name == name }?.arity }

    /// Records `name/arity`. Returns false (and records nothing) when the name is already
    /// recorded with another arity: a signature clash.
    @discardableResult
    public mutating func addPredicate(_ name: String, arity: Int) -> Bool {
        if let known = self.arity(of: name) { return known == arity }
        predicates.append((name, arity))
        return true
    }

    /// Records a constant (idempotent).
    public mutating func addConstant(_ name: String) {
        if !constants.contains(name) { constants.append(name) }
    }

    /// Records every predicate and constant of `formula`. Returns the names whose arity
    /// clashes with the signature (empty when it fits).
    @discardableResult
    public mutating func adopt(_ formula: Formula) -> [String] {
        let symbols = FormulaSymbols(formula)
        var clashes: [String] = []
        for (name, arity) in symbols.predicates where !addPredicate(name, arity: arity) { clashes.append(name) }
        for name in symbols.constants { addConstant(name) }
        return clashes
    }

    /// The signature as the prompt shows it: `Cat/1, Likes/2; constants: tom, bob`.
    public var promptText: String {
        let p = predicates.isEmpty ? "none" : predicates.map { "\($0.name)/\($0.arity)" }.joined(separator: ", ")
        let c = constants.isEmpty ? "none" : constants.joined(separator: ", ")
        return "predicates: \(p); constants: \(c)"
    }
}
