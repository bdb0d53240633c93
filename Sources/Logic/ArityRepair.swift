/// Tolerant repair of a theory whose symbols clash: a name used with two arities (or as
/// both predicate and function) keeps its first use; every other use gets a fresh name
/// (`Name_2` for arity 2, `Name_fn` for a function use of a predicate name …).
public struct ArityRepair: Hashable, Sendable, CustomStringConvertible {
    public var name: String
    public var arity: Int
    public var isPredicate: Bool
    public var renamedTo: String
    /// The formulas (indices into the theory) where this use occurs.
    public var formulaIndices: [Int]

    public var description: String {
        "'\(name)' used as a \(isPredicate ? "predicate" : "function") of arity \(arity) "
            + "(formulas \(formulaIndices.map(String.init).joined(separator: ", "))) renamed to '\(renamedTo)'"
    }

    /// Renames clashing uses so that `Signature.infer` succeeds on the result.
    public static func repairing(_ formulas: [Formula]) -> (formulas: [Formula], repairs: [ArityRepair]) {
        struct Key: Hashable { var name: String; var arity: Int; var isPredicate: Bool }
        var firstKey: [String: Key] = [:]
        var allNames = Set<String>()
        var clashes: [Key: [Int]] = [:]
        var clashOrder: [Key] = []
        for (index, f) in formulas.enumerated() {
            f.forEachSymbol { name, arity, isPredicate in
                allNames.insert(name)
                let key = Key(name: name, arity: arity, isPredicate: isPredicate)
                guard let first = firstKey[name] else { firstKey[name] = key; return }
                if first != key {
                    if clashes[key] == nil { clashOrder.append(key) }
                    if clashes[key]?.last != index { clashes[key, default: []].append(index) }
                }
            }
        }
        if clashOrder.isEmpty { return (formulas, []) }
        var renaming: [Key: String] = [:]
        var repairs: [ArityRepair] = []
        for key in clashOrder {
            let first = firstKey[key.name]!
            var base = key.name
            if first.isPredicate != key.isPredicate { base += key.isPredicate ? "_pred" : "_fn" }
            if first.arity != key.arity { base += "_\(key.arity)" }
            var candidate = base
            var n = 2
            while allNames.contains(candidate) { candidate = base + "_\(n)"; n += 1 }
            allNames.insert(candidate)
            renaming[key] = candidate
            repairs.append(ArityRepair(name: key.name, arity: key.arity, isPredicate: key.isPredicate,
                                       renamedTo: candidate, formulaIndices: clashes[key]!))
        }
        func term(_ t: Term) -> Term {
            guard case .function(let name, let args) = t else { return t }
            let newName = renaming[Key(name: name, arity: args.count, isPredicate: false)] ?? name
            return .function(newName, args.map(term))
        }
        let renamed = formulas.map { f in
            f.mapAtoms { atom in
                switch atom {
                case .predicate(let name, let args):
                    let newName = renaming[Key(name: name, arity: args.count, isPredicate: true)] ?? name
                    return .predicate(newName, args.map(term))
                case .equal(let a, let b): return .equal(term(a), term(b))
                default: return atom
                }
            }
        }
        return (renamed, repairs)
    }
}

extension Formula {
    /// The formula with every atom (predicate, equation, ⊤, ⊥) replaced by `transform(atom)`.
    public func mapAtoms(_ transform: (Formula) -> Formula) -> Formula {
        switch self {
        case .truth, .falsity, .predicate, .equal: return transform(self)
        case .not(let f): return .not(f.mapAtoms(transform))
        case .and(let fs): return .and(fs.map { $0.mapAtoms(transform) })
        case .or(let fs): return .or(fs.map { $0.mapAtoms(transform) })
        case .implies(let a, let b): return .implies(a.mapAtoms(transform), b.mapAtoms(transform))
        case .iff(let a, let b): return .iff(a.mapAtoms(transform), b.mapAtoms(transform))
        case .xor(let a, let b): return .xor(a.mapAtoms(transform), b.mapAtoms(transform))
        case .forall(let v, let f): return .forall(v, f.mapAtoms(transform))
        case .exists(let v, let f): return .exists(v, f.mapAtoms(transform))
        }
    }
}
