import Logic

extension Formula {
    /// The formula with its predicate and function names replaced by `names` (a symbol
    /// missing from `names` keeps its name). Variables are untouched.
    public func renamingSymbols(_ names: [EvaluationSymbol: String]) -> Formula {
        if names.isEmpty { return self }
        switch self {
        case .truth, .falsity: return self
        case .predicate(let name, let args):
            let renamed = names[.predicate(name, arity: args.count)] ?? name
            return .predicate(renamed, args.map { $0.renamingSymbols(names) })
        case .equal(let a, let b): return .equal(a.renamingSymbols(names), b.renamingSymbols(names))
        case .not(let f): return .not(f.renamingSymbols(names))
        case .and(let fs): return .and(fs.map { $0.renamingSymbols(names) })
        case .or(let fs): return .or(fs.map { $0.renamingSymbols(names) })
        case .implies(let a, let b): return .implies(a.renamingSymbols(names), b.renamingSymbols(names))
        case .iff(let a, let b): return .iff(a.renamingSymbols(names), b.renamingSymbols(names))
        case .xor(let a, let b): return .xor(a.renamingSymbols(names), b.renamingSymbols(names))
        case .forall(let v, let f): return .forall(v, f.renamingSymbols(names))
        case .exists(let v, let f): return .exists(v, f.renamingSymbols(names))
        }
    }

    /// The formula with every free variable universally quantified (outermost first, in
    /// order of first occurrence).
    public var universalClosure: Formula {
        freeVariables.reversed().reduce(self) { .forall($1, $0) }
    }

    /// The formula with its bound variables renamed `V1`, `V2`, … in the order their
    /// quantifiers occur (depth first, left to right), so two formulas that differ only
    /// in the names of bound variables become equal. Free variables keep their names.
    public var alphaNormalized: Formula {
        var counter = 0
        return alphaNormalized(bound: [:], counter: &counter)
    }

    private func alphaNormalized(bound: [String: String], counter: inout Int) -> Formula {
        switch self {
        case .truth, .falsity: return self
        case .predicate(let name, let args): return .predicate(name, args.map { $0.substitutingVariables(bound) })
        case .equal(let a, let b): return .equal(a.substitutingVariables(bound), b.substitutingVariables(bound))
        case .not(let f): return .not(f.alphaNormalized(bound: bound, counter: &counter))
        case .and(let fs): return .and(fs.map { $0.alphaNormalized(bound: bound, counter: &counter) })
        case .or(let fs): return .or(fs.map { $0.alphaNormalized(bound: bound, counter: &counter) })
        case .implies(let a, let b):
            let l = a.alphaNormalized(bound: bound, counter: &counter)
            return .implies(l, b.alphaNormalized(bound: bound, counter: &counter))
        case .iff(let a, let b):
            let l = a.alphaNormalized(bound: bound, counter: &counter)
            return .iff(l, b.alphaNormalized(bound: bound, counter: &counter))
        case .xor(let a, let b):
            let l = a.alphaNormalized(bound: bound, counter: &counter)
            return .xor(l, b.alphaNormalized(bound: bound, counter: &counter))
        case .forall(let v, let f), .exists(let v, let f):
            counter += 1
            let fresh = "V\(counter)"
            var inner = bound
            inner[v] = fresh
            let body = f.alphaNormalized(bound: inner, counter: &counter)
            if case .forall = self { return .forall(fresh, body) }
            return .exists(fresh, body)
        }
    }
}

extension Term {
    /// The term with its function names replaced by `names` (see `Formula.renamingSymbols`).
    public func renamingSymbols(_ names: [EvaluationSymbol: String]) -> Term {
        switch self {
        case .variable: return self
        case .function(let name, let args):
            let renamed = names[EvaluationSymbol(name: name, kind: .function(arity: args.count))] ?? name
            return .function(renamed, args.map { $0.renamingSymbols(names) })
        }
    }

    /// The term with variables renamed by `names` (no capture is possible: terms bind nothing).
    func substitutingVariables(_ names: [String: String]) -> Term {
        switch self {
        case .variable(let v): return .variable(names[v] ?? v)
        case .function(let name, let args):
            if args.isEmpty { return self }
            return .function(name, args.map { $0.substitutingVariables(names) })
        }
    }
}
