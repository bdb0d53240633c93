/// A first-order term: a variable, or a function symbol applied to arguments.
/// A constant is a function symbol with no arguments.
public indirect enum Term: Hashable, Sendable {
    case variable(String)
    case function(String, [Term])

    /// A constant (a function symbol of arity 0).
    public static func constant(_ name: String) -> Term { .function(name, []) }

    /// The variables that occur in the term, in order of first occurrence.
    public var variables: [String] {
        var seen = Set<String>()
        var out: [String] = []
        collectVariables(into: &out, seen: &seen)
        return out
    }

    func collectVariables(into out: inout [String], seen: inout Set<String>) {
        switch self {
        case .variable(let v):
            if seen.insert(v).inserted { out.append(v) }
        case .function(_, let args):
            for a in args { a.collectVariables(into: &out, seen: &seen) }
        }
    }

    /// True when the term contains no variables.
    public var isGround: Bool {
        switch self {
        case .variable: return false
        case .function(_, let args): return args.allSatisfy(\.isGround)
        }
    }
}
