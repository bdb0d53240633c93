import Logic

/// A term of the MESON search: variables and function symbols are numbered.
indirect enum MESONTerm: Hashable, Sendable {
    case variable(Int)
    case function(Int, [MESONTerm])
}

/// A literal of the MESON search; predicate `-1` is the start goal "false".
struct MESONLiteral: Hashable, Sendable {
    var isPositive: Bool
    var predicate: Int
    var arguments: [MESONTerm]
    var negated: MESONLiteral { MESONLiteral(isPositive: !isPositive, predicate: predicate, arguments: arguments) }
}

/// Where a clause came from.
enum MESONClauseOrigin: Hashable, Sendable {
    case premise(Int)
    case conclusion
    case equalityAxiom
}

/// A clause over numbered variables `0..<variableCount`.
struct MESONClause: Hashable, Sendable {
    var literals: [MESONLiteral]
    var variableCount: Int
    var origin: MESONClauseOrigin
}

/// Symbol tables shared by every clause of one problem.
struct MESONSignature {
    var names: [String] = []
    var index: [String: Int] = [:]
    var arity: [Int: Int] = [:]
    var predicates = Set<Int>()
    var functions = Set<Int>()
    var skolemCount = 0

    mutating func symbol(_ name: String) -> Int {
        if let i = index[name] { return i }
        names.append(name)
        index[name] = names.count - 1
        return names.count - 1
    }
}

/// Clausal form for MESON: negation normal form, Skolemization and conjunctive normal
/// form by distribution (bounded: a formula whose CNF would exceed the bound is reported,
/// not expanded), in one pass over the formula.
struct MESONClausifier {
    enum Failure: Error { case tooManyClauses(Int) }

    var signature = MESONSignature()
    let maxClauses: Int

    init(maxClauses: Int) { self.maxClauses = maxClauses }

    /// Negation normal form after Skolemization; variables are numbered per formula.
    private indirect enum NNF {
        case literal(MESONLiteral)
        case and([NNF])
        case or([NNF])
        case truth, falsity
    }

    private struct Scope {
        var bound: [String: MESONTerm] = [:]
        var universals: [MESONTerm] = []
    }

    /// The clauses of `formula` (or of its negation when `negate`), each with its own
    /// numbered variables; free variables are read as universally quantified.
    mutating func clauses(of formula: Formula, negate: Bool, origin: MESONClauseOrigin) throws -> [MESONClause] {
        try cases(of: formula, negate: negate, origin: origin, maxCases: 1)[0]
    }

    /// The formula split into cases: its top-level disjunctive normal form (after
    /// Skolemization), at most `maxCases` of them, each as a set of clauses. The formula
    /// is equivalent to the disjunction of the cases, so a refutation of the premises with
    /// the formula is a refutation with each case — smaller problems (Harrison's `meson`
    /// does the same with `simpdnf`).
    mutating func cases(of formula: Formula, negate: Bool, origin: MESONClauseOrigin, maxCases: Int) throws -> [[MESONClause]] {
        var nextVariable = 0
        var scope = Scope()
        let free = formula.freeVariables
        if negate && !free.isEmpty {
            // ¬∀x̄.φ: the free variables are existential in the negation.
            var closed = formula
            for v in free.reversed() { closed = .forall(v, closed) }
            return try cases(of: closed, negate: true, origin: origin, maxCases: maxCases)
        }
        for v in free {
            scope.bound[v] = .variable(nextVariable)
            scope.universals.append(.variable(nextVariable))
            nextVariable += 1
        }
        let nnf = normalForm(formula, positive: !negate, scope: scope, next: &nextVariable)
        return try split(nnf, limit: maxCases).map { try clauseSet($0, origin: origin) }
    }

    private func split(_ f: NNF, limit: Int) -> [NNF] {
        switch f {
        case .or(let parts):
            // ∀x̄(A ∨ B) ≡ ∀x̄A ∨ ∀x̄B only when A and B share no variable; otherwise the
            // disjunction stays whole. (Conjunctions always split: ∀ distributes over ∧.)
            var seen = Set<Int>()
            for p in parts {
                let vs = variables(p)
                if !seen.isDisjoint(with: vs) { return [f] }
                seen.formUnion(vs)
            }
            var out: [NNF] = []
            for p in parts { out += split(p, limit: limit) }
            return out.count > limit ? [f] : out
        case .and(let parts):
            var out: [[NNF]] = [[]]
            for p in parts {
                let c = split(p, limit: limit)
                if out.count * c.count > limit { return [f] }
                out = out.flatMap { o in c.map { o + [$0] } }
            }
            return out.map { .and($0) }
        default:
            return [f]
        }
    }

    private func variables(_ f: NNF) -> Set<Int> {
        var out = Set<Int>()
        var stack = [f]
        var terms: [MESONTerm] = []
        while let g = stack.popLast() {
            switch g {
            case .literal(let l): terms += l.arguments
            case .and(let ps), .or(let ps): stack += ps
            case .truth, .falsity: break
            }
        }
        while let t = terms.popLast() {
            switch t {
            case .variable(let v): out.insert(v)
            case .function(_, let args): terms += args
            }
        }
        return out
    }

    private func clauseSet(_ nnf: NNF, origin: MESONClauseOrigin) throws -> [MESONClause] {
        var out: [MESONClause] = []
        for lits in try cnf(nnf) {
            var unique: [MESONLiteral] = []
            var tautology = false
            for l in lits {
                if unique.contains(l.negated) { tautology = true; break }
                if !unique.contains(l) { unique.append(l) }
            }
            if tautology { continue }
            // Renumber variables densely per clause.
            var map: [Int: Int] = [:]
            func renumber(_ t: MESONTerm) -> MESONTerm {
                switch t {
                case .variable(let v):
                    if let m = map[v] { return .variable(m) }
                    map[v] = map.count
                    return .variable(map.count - 1)
                case .function(let f, let args): return .function(f, args.map(renumber))
                }
            }
            let renamed = unique.map { MESONLiteral(isPositive: $0.isPositive, predicate: $0.predicate, arguments: $0.arguments.map(renumber)) }
            out.append(MESONClause(literals: renamed, variableCount: map.count, origin: origin))
        }
        return out
    }

    private mutating func term(_ t: Term, _ scope: Scope) -> MESONTerm {
        switch t {
        case .variable(let v):
            // Every variable is bound by the scope (free ones were bound up front).
            return scope.bound[v] ?? .function(symbol(v, arity: 0, function: true), [])
        case .function(let f, let args):
            return .function(symbol(f, arity: args.count, function: true), args.map { term($0, scope) })
        }
    }

    /// Predicates and functions live in separate namespaces, and a name used with two
    /// arities is two symbols.
    private mutating func symbol(_ name: String, arity: Int, function: Bool) -> Int {
        let s = signature.symbol((function ? "f:" : "p:") + name + "/\(arity)")
        signature.arity[s] = arity
        if function { signature.functions.insert(s) } else { signature.predicates.insert(s) }
        return s
    }

    private mutating func normalForm(_ f: Formula, positive: Bool, scope: Scope, next: inout Int) -> NNF {
        switch f {
        case .truth: return positive ? .truth : .falsity
        case .falsity: return positive ? .falsity : .truth
        case .predicate(let p, let args):
            return .literal(MESONLiteral(isPositive: positive, predicate: symbol(p, arity: args.count, function: false),
                                         arguments: args.map { term($0, scope) }))
        case .equal(let a, let b):
            return .literal(MESONLiteral(isPositive: positive, predicate: symbol("=", arity: 2, function: false),
                                         arguments: [term(a, scope), term(b, scope)]))
        case .not(let g): return normalForm(g, positive: !positive, scope: scope, next: &next)
        case .and(let gs):
            let parts = gs.map { normalForm($0, positive: positive, scope: scope, next: &next) }
            return positive ? .and(parts) : .or(parts)
        case .or(let gs):
            let parts = gs.map { normalForm($0, positive: positive, scope: scope, next: &next) }
            return positive ? .or(parts) : .and(parts)
        case .implies(let a, let b):
            return normalForm(.or([.not(a), b]), positive: positive, scope: scope, next: &next)
        case .iff(let a, let b):
            return normalForm(.and([.or([.not(a), b]), .or([a, .not(b)])]), positive: positive, scope: scope, next: &next)
        case .xor(let a, let b):
            return normalForm(.iff(a, b), positive: !positive, scope: scope, next: &next)
        case .forall(let v, let g), .exists(let v, let g):
            let universal: Bool
            if case .forall = f { universal = positive } else { universal = !positive }
            var inner = scope
            if universal {
                inner.bound[v] = .variable(next)
                inner.universals.append(.variable(next))
                next += 1
            } else {
                signature.skolemCount += 1
                let name = "sk\(signature.skolemCount)_\(v)"
                inner.bound[v] = .function(symbol(name, arity: scope.universals.count, function: true), scope.universals)
            }
            return normalForm(g, positive: positive, scope: inner, next: &next)
        }
    }

    private func cnf(_ f: NNF) throws -> [[MESONLiteral]] {
        switch f {
        case .truth: return []
        case .falsity: return [[]]
        case .literal(let l): return [[l]]
        case .and(let parts):
            var out: [[MESONLiteral]] = []
            for p in parts {
                out += try cnf(p)
                if out.count > maxClauses { throw Failure.tooManyClauses(maxClauses) }
            }
            return out
        case .or(let parts):
            var out: [[MESONLiteral]] = [[]]
            for p in parts {
                let c = try cnf(p)
                if c.count * out.count > maxClauses { throw Failure.tooManyClauses(maxClauses) }
                var next: [[MESONLiteral]] = []
                for a in out { for b in c { next.append(a + b) } }
                out = next
            }
            return out
        }
    }

    /// Reflexivity, symmetry, transitivity and one congruence axiom per argument position
    /// of every function and predicate symbol, added when `=` occurs.
    func equalityAxioms() -> [MESONClause] {
        guard let eq = signature.index["p:=/2"] else { return [] }
        func e(_ a: MESONTerm, _ b: MESONTerm, _ positive: Bool) -> MESONLiteral {
            MESONLiteral(isPositive: positive, predicate: eq, arguments: [a, b])
        }
        let (x, y, z) = (MESONTerm.variable(0), MESONTerm.variable(1), MESONTerm.variable(2))
        var out = [
            MESONClause(literals: [e(x, x, true)], variableCount: 1, origin: .equalityAxiom),
            MESONClause(literals: [e(x, y, false), e(y, x, true)], variableCount: 2, origin: .equalityAxiom),
            MESONClause(literals: [e(x, y, false), e(y, z, false), e(x, z, true)], variableCount: 3, origin: .equalityAxiom),
        ]
        for s in 0..<signature.names.count where s != eq {
            let n = signature.arity[s] ?? 0
            guard n > 0 else { continue }
            for i in 0..<n {
                // variables: 0 = x, 1 = y, 2... = the other arguments
                var left: [MESONTerm] = []
                var right: [MESONTerm] = []
                var k = 2
                for j in 0..<n {
                    if j == i { left.append(.variable(0)); right.append(.variable(1)) }
                    else { left.append(.variable(k)); right.append(.variable(k)); k += 1 }
                }
                if signature.functions.contains(s) {
                    out.append(MESONClause(literals: [e(x, y, false), e(.function(s, left), .function(s, right), true)],
                                           variableCount: k, origin: .equalityAxiom))
                }
                if signature.predicates.contains(s) {
                    out.append(MESONClause(literals: [e(x, y, false),
                                                      MESONLiteral(isPositive: false, predicate: s, arguments: left),
                                                      MESONLiteral(isPositive: true, predicate: s, arguments: right)],
                                           variableCount: k, origin: .equalityAxiom))
                }
            }
        }
        return out
    }
}
