@testable import Logic

/// Random closed formulas for property tests; names are chosen to exercise the
/// printers' corner cases (keywords, constants named like bound variables, numbers).
struct RandomFormulas {
    var rng: SplitMix64
    var predicates = ["P", "Q", "Rel", "true", "all", "p9"]
    var constants = ["a", "b", "x", "all", "95", "jess"]
    var functions = ["f", "g"]
    var variables = ["x", "y", "z"]
    var allowQuantifiers = true
    var allowEquality = true

    init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    mutating func pick<T>(_ xs: [T]) -> T { xs[Int.random(in: 0..<xs.count, using: &rng)] }

    mutating func term(depth: Int, bound: [String]) -> Term {
        let r = Int.random(in: 0..<10, using: &rng)
        if r < 4, !bound.isEmpty { return .variable(pick(bound)) }
        if r < 8 || depth <= 0 { return .function(pick(constants), []) }
        let n = Int.random(in: 1...2, using: &rng)
        return .function(pick(functions), (0..<n).map { _ in term(depth: depth - 1, bound: bound) })
    }

    mutating func atom(bound: [String]) -> Formula {
        let r = Int.random(in: 0..<12, using: &rng)
        if r == 0 { return .truth }
        if r == 1 { return .falsity }
        if allowEquality && r == 2 { return .equal(term(depth: 1, bound: bound), term(depth: 1, bound: bound)) }
        if allowEquality && r == 3 { return .notEqual(term(depth: 1, bound: bound), term(depth: 1, bound: bound)) }
        let n = Int.random(in: 0...2, using: &rng)
        return .predicate(pick(predicates), (0..<n).map { _ in term(depth: 1, bound: bound) })
    }

    mutating func formula(depth: Int, bound: [String] = []) -> Formula {
        if depth <= 0 { return atom(bound: bound) }
        let r = Int.random(in: 0..<(allowQuantifiers ? 10 : 8), using: &rng)
        func sub() -> Formula { formula(depth: depth - 1, bound: bound) }
        switch r {
        case 0: return atom(bound: bound)
        case 1: return .not(formula(depth: depth - 1, bound: bound))
        case 2, 3:
            let n = Int.random(in: 2...3, using: &rng)
            let fs = (0..<n).map { _ in formula(depth: depth - 1, bound: bound) }
            return r == 2 ? .and(fs) : .or(fs)
        case 4: return .xor(formula(depth: depth - 1, bound: bound), formula(depth: depth - 1, bound: bound))
        case 5: return .implies(formula(depth: depth - 1, bound: bound), formula(depth: depth - 1, bound: bound))
        case 6: return .iff(formula(depth: depth - 1, bound: bound), formula(depth: depth - 1, bound: bound))
        case 7: return .not(formula(depth: depth - 1, bound: bound))
        default:
            let v = pick(variables)
            let body = formula(depth: depth - 1, bound: bound + [v])
            return r == 8 ? .forall(v, body) : .exists(v, body)
        }
    }
}
