extension Formula {
    /// An equivalent formula built only from atoms, negated atoms, `∧`, `∨`, `∀`, `∃`,
    /// `⊤`, `⊥`: `→`, `↔` and `⊕` are expanded and negations pushed inward. Nested
    /// `∧`/`∨` are flattened; `⊤`/`⊥` are simplified away unless the result is a
    /// constant. `↔` and `⊕` copy their operands, so the size can grow exponentially in
    /// their nesting; `ClausalForm` renames subformulas to avoid that.
    public var negationNormalForm: Formula { nnf(positive: true) }

    func nnf(positive: Bool) -> Formula {
        switch self {
        case .truth: return positive ? .truth : .falsity
        case .falsity: return positive ? .falsity : .truth
        case .predicate, .equal: return positive ? self : .not(self)
        case .not(let f): return f.nnf(positive: !positive)
        case .and(let fs):
            let parts = fs.map { $0.nnf(positive: positive) }
            return positive ? Formula.conjunction(parts) : Formula.disjunction(parts)
        case .or(let fs):
            let parts = fs.map { $0.nnf(positive: positive) }
            return positive ? Formula.disjunction(parts) : Formula.conjunction(parts)
        case .implies(let a, let b):
            return positive
                ? Formula.disjunction([a.nnf(positive: false), b.nnf(positive: true)])
                : Formula.conjunction([a.nnf(positive: true), b.nnf(positive: false)])
        case .iff(let a, let b), .xor(let a, let b):
            // a ↔ b  ≡ (¬a ∨ b) ∧ (a ∨ ¬b);   a ⊕ b ≡ (a ∨ b) ∧ (¬a ∨ ¬b)
            var isIff = false
            if case .iff = self { isIff = true }
            let same = isIff == positive
            let (pa, na, pb, nb) = (a.nnf(positive: true), a.nnf(positive: false),
                                    b.nnf(positive: true), b.nnf(positive: false))
            return same
                ? Formula.conjunction([Formula.disjunction([na, pb]), Formula.disjunction([pa, nb])])
                : Formula.conjunction([Formula.disjunction([pa, pb]), Formula.disjunction([na, nb])])
        case .forall(let v, let f):
            let body = f.nnf(positive: positive)
            if body == .truth || body == .falsity { return body }
            return positive ? .forall(v, body) : .exists(v, body)
        case .exists(let v, let f):
            let body = f.nnf(positive: positive)
            if body == .truth || body == .falsity { return body }
            return positive ? .exists(v, body) : .forall(v, body)
        }
    }

    /// `⋀ parts`, flattened, with `⊤` dropped and `⊥` absorbing.
    static func conjunction(_ parts: [Formula]) -> Formula {
        var out: [Formula] = []
        for p in parts {
            switch p {
            case .truth: continue
            case .falsity: return .falsity
            case .and(let inner): out += inner
            default: out.append(p)
            }
        }
        if out.isEmpty { return .truth }
        return out.count == 1 ? out[0] : .and(out)
    }

    /// `⋁ parts`, flattened, with `⊥` dropped and `⊤` absorbing.
    static func disjunction(_ parts: [Formula]) -> Formula {
        var out: [Formula] = []
        for p in parts {
            switch p {
            case .falsity: continue
            case .truth: return .truth
            case .or(let inner): out += inner
            default: out.append(p)
            }
        }
        if out.isEmpty { return .falsity }
        return out.count == 1 ? out[0] : .or(out)
    }
}
