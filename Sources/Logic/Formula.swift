/// A first-order formula.
///
/// Conjunction and disjunction are n-ary (at least two operands when built by the
/// parser); `xor` is binary and left-associative. The parser bounds the nesting depth
/// (`FOLParser.maxDepth`), so the recursive algorithms over formulas cannot overflow the
/// stack on any input that came through a parser.
public indirect enum Formula: Hashable, Sendable {
    case truth
    case falsity
    case predicate(String, [Term])
    case equal(Term, Term)
    case not(Formula)
    case and([Formula])
    case or([Formula])
    case implies(Formula, Formula)
    case iff(Formula, Formula)
    case xor(Formula, Formula)
    case forall(String, Formula)
    case exists(String, Formula)

    /// `a != b`, written as the negation of an equation.
    public static func notEqual(_ a: Term, _ b: Term) -> Formula { .not(.equal(a, b)) }

    /// The free variables of the formula, in order of first occurrence.
    public var freeVariables: [String] {
        var out: [String] = []
        var seen = Set<String>()
        collectFree(bound: [], into: &out, seen: &seen)
        return out
    }

    func collectFree(bound: Set<String>, into out: inout [String], seen: inout Set<String>) {
        switch self {
        case .truth, .falsity: return
        case .predicate(_, let args):
            for a in args {
                for v in a.variables where !bound.contains(v) && seen.insert(v).inserted { out.append(v) }
            }
        case .equal(let a, let b):
            for v in a.variables + b.variables where !bound.contains(v) && seen.insert(v).inserted { out.append(v) }
        case .not(let f): f.collectFree(bound: bound, into: &out, seen: &seen)
        case .and(let fs), .or(let fs):
            for f in fs { f.collectFree(bound: bound, into: &out, seen: &seen) }
        case .implies(let a, let b), .iff(let a, let b), .xor(let a, let b):
            a.collectFree(bound: bound, into: &out, seen: &seen)
            b.collectFree(bound: bound, into: &out, seen: &seen)
        case .forall(let v, let f), .exists(let v, let f):
            var inner = bound
            inner.insert(v)
            f.collectFree(bound: inner, into: &out, seen: &seen)
        }
    }

    /// True when the formula has no free variables.
    public var isClosed: Bool { freeVariables.isEmpty }
}
