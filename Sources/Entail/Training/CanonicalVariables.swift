import Logic

/// Renames a formula's bound variables to `x`, `y`, `z`, `u`, `v`, `w`, `x1`, … in the
/// order their quantifiers are met (pre-order, left to right), the names the grounded
/// grammar binds. Nested quantifiers get fresh names; sibling scopes reuse them.
public enum CanonicalVariables {
    static let names = ["x", "y", "z", "u", "v", "w"]

    static func name(_ depth: Int) -> String {
        depth < names.count ? names[depth] : "x\(depth - names.count + 1)"
    }

    /// The formula with its bound variables renamed; free variables are left alone.
    public static func apply(_ formula: Formula) -> Formula { rename(formula, [:], depth: 0) }

    private static func rename(_ t: Term, _ map: [String: String]) -> Term {
        switch t {
        case .variable(let v): return .variable(map[v] ?? v)
        case .function(let f, let args): return .function(f, args.map { rename($0, map) })
        }
    }

    private static func rename(_ f: Formula, _ map: [String: String], depth: Int) -> Formula {
        switch f {
        case .truth, .falsity: return f
        case .predicate(let p, let args): return .predicate(p, args.map { rename($0, map) })
        case .equal(let a, let b): return .equal(rename(a, map), rename(b, map))
        case .not(let g): return .not(rename(g, map, depth: depth))
        case .and(let gs): return .and(gs.map { rename($0, map, depth: depth) })
        case .or(let gs): return .or(gs.map { rename($0, map, depth: depth) })
        case .implies(let a, let b): return .implies(rename(a, map, depth: depth), rename(b, map, depth: depth))
        case .iff(let a, let b): return .iff(rename(a, map, depth: depth), rename(b, map, depth: depth))
        case .xor(let a, let b): return .xor(rename(a, map, depth: depth), rename(b, map, depth: depth))
        case .forall(let v, let g):
            var inner = map; inner[v] = name(depth)
            return .forall(name(depth), rename(g, inner, depth: depth + 1))
        case .exists(let v, let g):
            var inner = map; inner[v] = name(depth)
            return .exists(name(depth), rename(g, inner, depth: depth + 1))
        }
    }
}
