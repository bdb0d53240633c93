@testable import Logic

/// A finite interpretation for property tests: domain {0, …, size-1}; every predicate,
/// function and constant is interpreted by a hash of (seed, name, arguments), so any
/// symbol (including Skolem and definition symbols) has a meaning.
struct FiniteModel {
    var size: Int
    var seed: UInt64
    /// Explicit truth values that override the hash (used to enumerate propositional models).
    var nullary: [String: Bool] = [:]

    func mix(_ name: String, _ args: [Int], salt: UInt64) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ seed ^ salt
        for b in name.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        for a in args { h = (h ^ UInt64(a + 1)) &* 0x100_0000_01b3; h ^= h >> 29 }
        h ^= h >> 33; h = h &* 0xff51_afd7_ed55_8ccd; h ^= h >> 33
        return h
    }

    func value(_ t: Term, _ env: [String: Int]) -> Int {
        switch t {
        case .variable(let v): return env[v] ?? 0
        case .function(let f, let args):
            return Int(mix(f, args.map { value($0, env) }, salt: 1) % UInt64(size))
        }
    }

    func holds(_ p: String, _ args: [Int]) -> Bool {
        if args.isEmpty, let b = nullary[p] { return b }
        return mix(p, args, salt: 2) & 1 == 1
    }

    func eval(_ f: Formula, _ env: [String: Int] = [:]) -> Bool {
        switch f {
        case .truth: return true
        case .falsity: return false
        case .predicate(let p, let args): return holds(p, args.map { value($0, env) })
        case .equal(let a, let b): return value(a, env) == value(b, env)
        case .not(let g): return !eval(g, env)
        case .and(let fs): return fs.allSatisfy { eval($0, env) }
        case .or(let fs): return fs.contains { eval($0, env) }
        case .implies(let a, let b): return !eval(a, env) || eval(b, env)
        case .iff(let a, let b): return eval(a, env) == eval(b, env)
        case .xor(let a, let b): return eval(a, env) != eval(b, env)
        case .forall(let v, let g):
            return (0..<size).allSatisfy { d in var e = env; e[v] = d; return eval(g, e) }
        case .exists(let v, let g):
            return (0..<size).contains { d in var e = env; e[v] = d; return eval(g, e) }
        }
    }

    /// Whether every clause holds for every assignment of its variables.
    func satisfies(_ clauses: [Clause]) -> Bool {
        clauses.allSatisfy { eval($0.formula) }
    }
}
