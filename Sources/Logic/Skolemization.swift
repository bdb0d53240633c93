/// Replaces existential quantifiers by Skolem functions and gives every universal
/// variable a name unique across everything it has processed, so the universal
/// quantifiers can be dropped (the result is a matrix whose variables are all
/// implicitly universal). Skolem functions are named `sk1`, `sk2`, … skipping every
/// name in `avoiding` and every symbol of the formulas seen, so they cannot clash.
///
/// The input is put in negation normal form first, which expands `↔`/`⊕` (exponential
/// in their nesting); `ClausalForm` names nested equivalences before calling this.
///
/// A Skolem function takes as arguments the universal variables in scope that occur
/// free in the existential's body. The result is equisatisfiable with the input.
public struct Skolemizer: Sendable {
    private var usedSymbols: Set<String>
    private var usedVariables: Set<String> = []
    private var skolemCounter = 0
    /// The Skolem functions introduced so far, with their arities.
    public private(set) var skolemFunctions: [(name: String, arity: Int)] = []

    public init(avoiding names: Set<String> = []) { usedSymbols = names }

    /// A fresh symbol `prefix1`, `prefix2`, … not used by any formula seen so far.
    public mutating func freshSymbol(prefix: String) -> String {
        while true {
            skolemCounter += 1
            let name = prefix + "\(skolemCounter)"
            if usedSymbols.insert(name).inserted { return name }
        }
    }

    mutating func freshVariable(_ base: String) -> String {
        if usedVariables.insert(base).inserted { return base }
        var n = 2
        while !usedVariables.insert(base + "_\(n)").inserted { n += 1 }
        return base + "_\(n)"
    }

    /// Registers the symbols of `formula` so fresh names avoid them.
    public mutating func reserveSymbols(of formula: Formula) {
        formula.forEachSymbol { name, _, _ in usedSymbols.insert(name) }
    }

    /// The Skolemized matrix of `formula` (any formula; it is put in NNF first) and its
    /// universal variables in order of introduction. Free variables are left as they are.
    public mutating func skolemizedMatrix(_ formula: Formula) -> (matrix: Formula, universals: [String]) {
        reserveSymbols(of: formula)
        for v in formula.freeVariables { usedVariables.insert(v) }
        var universals: [String] = []
        let m = matrix(formula.negationNormalForm, env: [:], scope: [], universals: &universals)
        return (m, universals)
    }

    /// `∀u1 … ∀un matrix`: the Skolemized formula, universally closed.
    public mutating func skolemize(_ formula: Formula) -> Formula {
        let (m, us) = skolemizedMatrix(formula)
        return us.reversed().reduce(m) { .forall($1, $0) }
    }

    private mutating func matrix(_ f: Formula, env: [String: Term], scope: [String],
                                 universals: inout [String]) -> Formula {
        switch f {
        case .truth, .falsity: return f
        case .predicate, .equal, .not: return f.substituting(env)
        case .and(let fs):
            return .and(fs.map { matrix($0, env: env, scope: scope, universals: &universals) })
        case .or(let fs):
            return .or(fs.map { matrix($0, env: env, scope: scope, universals: &universals) })
        case .forall(let v, let body):
            let fresh = freshVariable(v)
            universals.append(fresh)
            var inner = env
            inner[v] = .variable(fresh)
            return matrix(body, env: inner, scope: scope + [fresh], universals: &universals)
        case .exists(let v, let body):
            var occurring = Set<String>()
            for u in body.freeVariables where u != v {
                if let t = env[u] { occurring.formUnion(t.variables) } else { occurring.insert(u) }
            }
            let args = scope.filter { occurring.contains($0) }
            let name = freshSymbol(prefix: "sk")
            skolemFunctions.append((name, args.count))
            var inner = env
            inner[v] = .function(name, args.map { .variable($0) })
            return matrix(body, env: inner, scope: scope, universals: &universals)
        case .implies, .iff, .xor:
            preconditionFailure("matrix expects a formula in negation normal form")
        }
    }
}
