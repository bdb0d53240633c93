/// The predicate and function symbols of a theory with their arities. Constants are
/// functions of arity 0; equality (`=`) is built in and not listed.
public struct Signature: Hashable, Sendable {
    public var predicates: [String: Int]
    public var functions: [String: Int]

    public init(predicates: [String: Int] = [:], functions: [String: Int] = [:]) {
        self.predicates = predicates
        self.functions = functions
    }

    /// The signature the formulas use. Throws `SignatureError` naming both uses
    /// (formula index and arity) when a name has two arities, or is used both as a
    /// predicate and as a function. O(size of the formulas).
    public static func infer(from formulas: [Formula]) throws -> Signature {
        var signature = Signature()
        var firstUse: [String: SymbolUse] = [:]
        for (index, formula) in formulas.enumerated() {
            var failure: SignatureError?
            formula.forEachSymbol { name, arity, isPredicate in
                guard failure == nil else { return }
                let use = SymbolUse(formulaIndex: index, arity: arity, isPredicate: isPredicate)
                if let first = firstUse[name] {
                    if first.arity != use.arity || first.isPredicate != use.isPredicate {
                        failure = SignatureError(name: name, first: first, second: use)
                    }
                    return
                }
                firstUse[name] = use
                if isPredicate { signature.predicates[name] = arity } else { signature.functions[name] = arity }
            }
            if let failure { throw failure }
        }
        return signature
    }
}

/// One use of a symbol: where (index of the formula in the theory), with how many
/// arguments, and whether as a predicate or as a function.
public struct SymbolUse: Hashable, Sendable, CustomStringConvertible {
    public var formulaIndex: Int
    public var arity: Int
    public var isPredicate: Bool
    public init(formulaIndex: Int, arity: Int, isPredicate: Bool) {
        self.formulaIndex = formulaIndex; self.arity = arity; self.isPredicate = isPredicate
    }
    public var description: String {
        "as a \(isPredicate ? "predicate" : "function") of arity \(arity) in formula \(formulaIndex)"
    }
}

/// A symbol used inconsistently across a theory.
public struct SignatureError: Error, Hashable, Sendable, CustomStringConvertible {
    public var name: String
    public var first: SymbolUse
    public var second: SymbolUse
    public var description: String { "'\(name)' is used \(first) and \(second)" }
}

extension Formula {
    /// Calls `body(name, arity, isPredicate)` for every predicate and function
    /// occurrence, left to right (equality is not reported).
    public func forEachSymbol(_ body: (String, Int, Bool) -> Void) {
        switch self {
        case .truth, .falsity: return
        case .predicate(let name, let args):
            body(name, args.count, true)
            for a in args { a.forEachSymbol(body) }
        case .equal(let a, let b):
            a.forEachSymbol(body); b.forEachSymbol(body)
        case .not(let f), .forall(_, let f), .exists(_, let f):
            f.forEachSymbol(body)
        case .and(let fs), .or(let fs):
            for f in fs { f.forEachSymbol(body) }
        case .implies(let a, let b), .iff(let a, let b), .xor(let a, let b):
            a.forEachSymbol(body); b.forEachSymbol(body)
        }
    }
}

extension Term {
    /// Calls `body(name, arity, false)` for every function occurrence, outermost first.
    public func forEachSymbol(_ body: (String, Int, Bool) -> Void) {
        if case .function(let name, let args) = self {
            body(name, args.count, false)
            for a in args { a.forEachSymbol(body) }
        }
    }
}
