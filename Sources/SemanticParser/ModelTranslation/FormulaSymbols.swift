import Logic

/// The predicate and constant names a formula uses, in order of first occurrence.
/// Constants are 0-ary function terms; bound variables are not constants.
public struct FormulaSymbols: Sendable {
    public private(set) var predicates: [(name: String, arity: Int)] = []
    public private(set) var constants: [String] = []
    /// Function symbols of arity > 0 (the grounded grammars never produce them).
    public private(set) var functions: [String] = []

    public init(_ formula: Formula) { visit(formula) }

    /// All predicate and constant names.
    public var names: Set<String> { Set(predicates.map(\.name)).union(constants).union(functions) }

    private mutating func visit(_ f: Formula) {
        switch f {
        case .truth, .falsity: break
        case .predicate(let name, let args):
            if !predicates.contains(where: { $0.name == name && $0.arity == args.count }) { predicates.append((name, args.count)) }
            for a in args { visit(a) }
        case .equal(let a, let b): visit(a); visit(b)
        case .not(let g): visit(g)
        case .and(let gs), .or(let gs): for g in gs { visit(g) }
        case .implies(let a, let b), .iff(let a, let b), .xor(let a, let b): visit(a); visit(b)
        case .forall(_, let g), .exists(_, let g): visit(g)
        }
    }

    private mutating func visit(_ t: Term) {
        switch t {
        case .variable: break
        case .function(let name, let args):
            if args.isEmpty {
                if !constants.contains(name) { constants.append(name) }
            } else {
                if !functions.contains(name) { functions.append(name) }
                for a in args { visit(a) }
            }
        }
    }
}
