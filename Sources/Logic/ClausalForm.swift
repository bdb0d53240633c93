/// Conversion of a theory to clauses: NNF, Skolemization (`Skolemizer`), then
/// distribution of ∨ over ∧, guarded: when distributing one disjunction would produce
/// more than `distributionLimit` clauses, the largest operands are renamed by fresh
/// definition predicates (`def1(vars)`, with clauses `¬def1(vars) ∨ C` for each clause C
/// of the operand; one direction suffices since NNF occurrences are positive, after
/// Plaisted & Greenbaum 1986). The result is equisatisfiable with the input and its
/// size is polynomial in the input for any limit ≥ 2.
///
/// Clauses drop duplicate literals, and tautologies (`p ∨ ¬p`) are left out.
public enum ClausalForm {
    public static let defaultDistributionLimit = 64

    /// The clauses of the conjunction of `formulas`, equisatisfiable with it.
    public static func clauses(of formulas: [Formula], distributionLimit: Int = defaultDistributionLimit) -> [Clause] {
        var skolemizer = Skolemizer()
        for f in formulas { skolemizer.reserveSymbols(of: f) }
        var builder = Builder(limit: max(2, distributionLimit), skolemizer: skolemizer)
        var out: [Clause] = []
        var seen = Set<Clause>()
        for f in formulas {
            var definitions: [Formula] = []
            let named = builder.nameNestedEquivalences(f, definitions: &definitions)
            for g in [named] + definitions {
                let (matrix, _) = builder.skolemizer.skolemizedMatrix(g)
                for c in builder.clauses(matrix) where seen.insert(c).inserted { out.append(c) }
            }
        }
        for c in builder.definitions where seen.insert(c).inserted { out.append(c) }
        return out
    }

    struct Builder {
        let limit: Int
        var skolemizer: Skolemizer
        var definitions: [Clause] = []

        /// Replaces each operand of `↔`/`⊕` that itself contains `↔`/`⊕` by a fresh atom
        /// `defN(free variables)` and appends `∀vars (defN(vars) ↔ operand)`: NNF copies
        /// both operands of an equivalence, so nesting would otherwise grow exponentially.
        mutating func nameNestedEquivalences(_ f: Formula, definitions: inout [Formula]) -> Formula {
            switch f {
            case .truth, .falsity, .predicate, .equal: return f
            case .not(let g): return .not(nameNestedEquivalences(g, definitions: &definitions))
            case .and(let fs): return .and(fs.map { nameNestedEquivalences($0, definitions: &definitions) })
            case .or(let fs): return .or(fs.map { nameNestedEquivalences($0, definitions: &definitions) })
            case .implies(let a, let b):
                return .implies(nameNestedEquivalences(a, definitions: &definitions),
                                nameNestedEquivalences(b, definitions: &definitions))
            case .forall(let v, let g): return .forall(v, nameNestedEquivalences(g, definitions: &definitions))
            case .exists(let v, let g): return .exists(v, nameNestedEquivalences(g, definitions: &definitions))
            case .iff(let a, let b), .xor(let a, let b):
                let na = name(a, definitions: &definitions), nb = name(b, definitions: &definitions)
                if case .iff = f { return .iff(na, nb) }
                return .xor(na, nb)
            }
        }

        private mutating func name(_ operand: Formula, definitions: inout [Formula]) -> Formula {
            let inner = nameNestedEquivalences(operand, definitions: &definitions)
            guard operand.containsEquivalence else { return inner }
            let vars = inner.freeVariables
            let atom = Formula.predicate(skolemizer.freshSymbol(prefix: "def"), vars.map { .variable($0) })
            definitions.append(vars.reversed().reduce(Formula.iff(atom, inner)) { .forall($1, $0) })
            return atom
        }

        /// Clauses of a quantifier-free NNF formula.
        mutating func clauses(_ f: Formula) -> [Clause] {
            switch f {
            case .truth: return []
            case .falsity: return [Clause([])]
            case .predicate, .equal: return [Clause([Literal(atom: f)!])]
            case .not(let a):
                guard let lit = Literal(atom: a, isPositive: false) else {
                    preconditionFailure("clauses expects negation normal form")
                }
                return [Clause([lit])]
            case .and(let fs):
                return fs.flatMap { clauses($0) }
            case .or(let fs):
                var parts = fs.map { clauses($0) }
                if parts.contains(where: \.isEmpty) { return [] }  // a true disjunct
                // Rename the operands with most clauses until the product fits the limit.
                while product(parts) > limit,
                      let i = parts.indices.filter({ parts[$0].count > 1 }).max(by: { parts[$0].count < parts[$1].count }) {
                    parts[i] = [define(parts[i])]
                }
                var result: [[Literal]] = [[]]
                for p in parts {
                    var next: [[Literal]] = []
                    next.reserveCapacity(result.count * p.count)
                    for r in result { for c in p { next.append(r + c.literals) } }
                    result = next
                }
                return result.compactMap(ClausalForm.simplified)
            case .forall, .exists, .implies, .iff, .xor:
                preconditionFailure("clauses expects a Skolemized matrix in negation normal form")
            }
        }

        /// The number of clauses distributing would give, or some number above `limit`.
        func product(_ parts: [[Clause]]) -> Int {
            var p = 1
            for part in parts {
                p *= part.count
                if p > limit { return p }
            }
            return p
        }

        /// A fresh atom `defN(vars)` standing for the conjunction of `cs`.
        mutating func define(_ cs: [Clause]) -> Clause {
            var seen = Set<String>(), vars: [String] = []
            for c in cs { for v in c.variables where seen.insert(v).inserted { vars.append(v) } }
            let name = skolemizer.freshSymbol(prefix: "def")
            let atom = Literal(isPositive: true, predicate: name, arguments: vars.map { .variable($0) })
            for c in cs {
                if let d = ClausalForm.simplified([atom.negated] + c.literals) { definitions.append(d) }
            }
            return Clause([atom])
        }
    }

    /// The clause without duplicate literals, or nil when it is a tautology.
    static func simplified(_ literals: [Literal]) -> Clause? {
        var seen = Set<Literal>(), out: [Literal] = []
        for l in literals {
            if seen.contains(l.negated) { return nil }
            if seen.insert(l).inserted { out.append(l) }
        }
        return Clause(out)
    }
}

extension Formula {
    /// True when the formula contains `↔` or `⊕`.
    var containsEquivalence: Bool {
        switch self {
        case .truth, .falsity, .predicate, .equal: return false
        case .iff, .xor: return true
        case .not(let g), .forall(_, let g), .exists(_, let g): return g.containsEquivalence
        case .and(let fs), .or(let fs): return fs.contains { $0.containsEquivalence }
        case .implies(let a, let b): return a.containsEquivalence || b.containsEquivalence
        }
    }
}
