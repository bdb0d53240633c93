import Logic

/// A formula's text up to the names of its bound variables (renamed `v0`, `v1`, … in
/// order of binding), optionally with every symbol lowercased: two formulas with the same
/// canonical text are alphabetic variants.
enum CanonicalFormula {
    static func text(_ formula: Formula, foldCase: Bool = false) -> String {
        var counter = 0
        let renamed = rename(formula, [:], &counter, foldCase)
        return FOLPrinter.ascii(renamed)
    }

    /// Canonical text of a whole theory: premises (as a multiset, sorted) and conclusion.
    static func theory(_ formulas: [Formula]) -> String {
        guard let conclusion = formulas.last else { return "" }
        let premises = formulas.dropLast().map { text($0) }.sorted()
        return premises.joined(separator: " ; ") + " |= " + text(conclusion)
    }

    private static func rename(_ f: Formula, _ bound: [String: String], _ n: inout Int, _ fold: Bool) -> Formula {
        func term(_ t: Term) -> Term {
            switch t {
            case .variable(let v): return .variable(bound[v] ?? (fold ? v.lowercased() : v))
            case .function(let name, let args): return .function(fold ? name.lowercased() : name, args.map(term))
            }
        }
        switch f {
        case .truth, .falsity: return f
        case .predicate(let p, let args): return .predicate(fold ? p.lowercased() : p, args.map(term))
        case .equal(let a, let b): return .equal(term(a), term(b))
        case .not(let g): return .not(rename(g, bound, &n, fold))
        case .and(let gs): return .and(gs.map { rename($0, bound, &n, fold) })
        case .or(let gs): return .or(gs.map { rename($0, bound, &n, fold) })
        case .implies(let a, let b): return .implies(rename(a, bound, &n, fold), rename(b, bound, &n, fold))
        case .iff(let a, let b): return .iff(rename(a, bound, &n, fold), rename(b, bound, &n, fold))
        case .xor(let a, let b): return .xor(rename(a, bound, &n, fold), rename(b, bound, &n, fold))
        case .forall(let v, let g), .exists(let v, let g):
            let fresh = "v\(n)"
            n += 1
            var inner = bound
            inner[v] = fresh
            let body = rename(g, inner, &n, fold)
            if case .forall = f { return .forall(fresh, body) }
            return .exists(fresh, body)
        }
    }
}
