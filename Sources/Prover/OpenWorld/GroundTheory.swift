import Logic

/// An argument of a literal before grounding: a constant (by id) or a clause variable.
enum GroundingArgument: Hashable, Sendable {
    case constant(Int)
    case variable(Int)
}

/// A literal with variables, to be instantiated over the Herbrand universe.
struct TemplateLiteral: Hashable, Sendable {
    var predicate: String
    var arguments: [GroundingArgument]
    var isPositive: Bool
}

/// A universally quantified, function-free clause. `head` marks the literal a rule
/// concludes (the others are its negated body literals); nil for clauses with no
/// rule reading.
struct TemplateClause: Hashable, Sendable {
    var literals: [TemplateLiteral]
    var variableCount: Int
    var premise: Int?
    var head: Int?
}

/// One instance of a template clause. Literal codes are `atom << 1 | (negative ? 1 : 0)`.
struct GroundClause: Hashable, Sendable {
    var literals: [Int]
    var premise: Int?
    /// The literal code the rule concludes, when the clause came from a rule or fact.
    var head: Int?
}

/// A ground atom: a predicate applied to constants (by id).
struct GroundAtomKey: Hashable, Sendable {
    var predicate: String
    var arguments: [Int]
}

/// The ground instances of a function-free universal theory over its constants.
///
/// By Herbrand's theorem a set of function-free universal clauses is unsatisfiable iff
/// its instances over the constants it mentions (one fresh constant if none) are, so
/// deciding the ground set decides the theory exactly.
struct GroundTheory {
    var constants: [String] = []
    var constantIndex: [String: Int] = [:]
    var atoms: [GroundAtomKey] = []
    var atomIndex: [GroundAtomKey: Int] = [:]
    var clauses: [GroundClause] = []

    enum GroundingError: Error { case tooManyClauses(Int) }

    mutating func constant(_ name: String) -> Int {
        if let id = constantIndex[name] { return id }
        let id = constants.count
        constants.append(name)
        constantIndex[name] = id
        return id
    }

    mutating func atom(_ key: GroundAtomKey) -> Int {
        if let id = atomIndex[key] { return id }
        let id = atoms.count
        atoms.append(key)
        atomIndex[key] = id
        return id
    }

    /// The code of a ground literal, interning its atom.
    mutating func code(_ literal: SignedLiteral) -> Int? {
        var args: [Int] = []
        for a in literal.arguments {
            guard case .function(let name, let sub) = a, sub.isEmpty else { return nil }
            args.append(constant(name))
        }
        return atom(GroundAtomKey(predicate: literal.predicate, arguments: args)) << 1 | (literal.isPositive ? 0 : 1)
    }

    /// The literal a code stands for.
    func literal(_ code: Int) -> SignedLiteral {
        let key = atoms[code >> 1]
        return SignedLiteral(predicate: key.predicate,
                             arguments: key.arguments.map { .constant(constants[$0]) },
                             isPositive: code & 1 == 0)
    }

    /// Adds every instance of `template` over the constants known so far.
    /// Tautologous instances are dropped; repeated literals are merged.
    mutating func addInstances(of template: TemplateClause, maxClauses: Int) throws {
        let n = template.variableCount
        let domain = constants.count
        precondition(domain > 0 || n == 0, "ground over an empty universe")
        var assignment = [Int](repeating: 0, count: n)
        while true {
            if clauses.count >= maxClauses { throw GroundingError.tooManyClauses(maxClauses) }
            var lits: [Int] = []
            var headCode: Int? = nil
            var tautology = false
            for (i, lit) in template.literals.enumerated() {
                let args = lit.arguments.map { arg -> Int in
                    switch arg {
                    case .constant(let c): return c
                    case .variable(let v): return assignment[v]
                    }
                }
                let c = atom(GroundAtomKey(predicate: lit.predicate, arguments: args)) << 1 | (lit.isPositive ? 0 : 1)
                if i == template.head { headCode = c }
                if lits.contains(c ^ 1) { tautology = true }
                if !lits.contains(c) { lits.append(c) }
            }
            if !tautology {
                clauses.append(GroundClause(literals: lits, premise: template.premise, head: headCode))
            }
            // next assignment (odometer)
            var k = 0
            while k < n {
                assignment[k] += 1
                if assignment[k] < domain { break }
                assignment[k] = 0
                k += 1
            }
            if k == n { break }
        }
    }
}
