extension Term {
    /// The term with each variable in `substitution` replaced (simultaneously).
    public func substituting(_ substitution: [String: Term]) -> Term {
        switch self {
        case .variable(let v): return substitution[v] ?? self
        case .function(let name, let args):
            if args.isEmpty { return self }
            return .function(name, args.map { $0.substituting(substitution) })
        }
    }
}

extension Formula {
    /// The formula with the free occurrences of each variable in `substitution` replaced
    /// (simultaneously). Capture-avoiding: a quantifier whose variable occurs in a term
    /// being substituted under it is renamed to a fresh variable (`x1`, `x2`, …).
    public func substituting(_ substitution: [String: Term]) -> Formula {
        if substitution.isEmpty { return self }
        switch self {
        case .truth, .falsity: return self
        case .predicate(let name, let args): return .predicate(name, args.map { $0.substituting(substitution) })
        case .equal(let a, let b): return .equal(a.substituting(substitution), b.substituting(substitution))
        case .not(let f): return .not(f.substituting(substitution))
        case .and(let fs): return .and(fs.map { $0.substituting(substitution) })
        case .or(let fs): return .or(fs.map { $0.substituting(substitution) })
        case .implies(let a, let b): return .implies(a.substituting(substitution), b.substituting(substitution))
        case .iff(let a, let b): return .iff(a.substituting(substitution), b.substituting(substitution))
        case .xor(let a, let b): return .xor(a.substituting(substitution), b.substituting(substitution))
        case .forall(let v, let body), .exists(let v, let body):
            var inner = substitution
            inner[v] = nil
            let bodyFree = Set(body.freeVariables)
            // only the entries that actually apply inside the body matter
            inner = inner.filter { bodyFree.contains($0.key) }
            var binder = v
            let captured = inner.values.contains { $0.variables.contains(v) }
            if captured {
                var used = bodyFree
                for t in inner.values { used.formUnion(t.variables) }
                var n = 1
                while used.contains(v + "\(n)") { n += 1 }
                binder = v + "\(n)"
                inner[v] = .variable(binder)
            }
            let newBody = body.substituting(inner)
            if case .forall = self { return .forall(binder, newBody) }
            return .exists(binder, newBody)
        }
    }
}
