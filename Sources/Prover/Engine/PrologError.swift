import Logic

/// An error raised while running Prolog code, in ISO style: `term` is the error term
/// (`type_error(evaluable, foo/0)`, `instantiation_error`, `existence_error(procedure, p/1)`,
/// `evaluation_error(zero_divisor)`, or whatever `throw/1` was given), `goal` the goal that
/// raised it, and `location` the clause whose body contained that goal, when known.
public struct PrologError: Error, CustomStringConvertible, Sendable {
    public var term: String
    public var goal: String
    public var location: String?
    /// True when the term is the ball of throw/1 rather than an ISO error's formal term.
    public var fromThrow = false
    public var description: String {
        var s = "error: \(term) in goal \(goal)"
        if let l = location { s += " (\(l))" }
        return s
    }
}

/// A resource bound was hit. `limit` names it: `steps`, `depth`, `time` or `memory`.
public struct PrologLimitExceeded: Error, CustomStringConvertible, Sendable {
    public var limit: String
    public var description: String { "limit: \(limit)" }
}

/// Bounds on one query. `nil` means unbounded (memory is always bounded).
public struct PrologLimits: Sendable {
    /// Maximum number of inferences (predicate calls, builtins included).
    public var steps: Int?
    /// Maximum goal depth in the proof tree.
    public var depth: Int?
    /// Wall-clock seconds.
    public var seconds: Double?
    /// Maximum heap cells (8 bytes each).
    public var heapCells: Int = 1 << 26
    public init(steps: Int? = nil, depth: Int? = nil, seconds: Double? = nil) {
        self.steps = steps
        self.depth = depth
        self.seconds = seconds
    }
}

/// Internal: an error term under construction, completed with the goal by the run loop.
struct PrologThrow: Error {
    var term: String
}
