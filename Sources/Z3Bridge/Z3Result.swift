/// The answer of one Z3 satisfiability check.
public enum Z3Result: Hashable, Sendable, CustomStringConvertible {
    case sat
    case unsat
    /// Z3 gave up; `reason` is `Z3_solver_get_reason_unknown` (e.g. "timeout",
    /// "canceled", "(incomplete quantifiers)").
    case unknown(reason: String)

    public var description: String {
        switch self {
        case .sat: return "sat"
        case .unsat: return "unsat"
        case .unknown(let reason): return "unknown (\(reason))"
        }
    }
}

/// The checks `Z3Entailment.decide` runs, in order.
public enum Z3Phase: String, Hashable, Sendable, CaseIterable, Codable {
    /// premises alone (are they satisfiable?)
    case premises
    /// premises ∧ ¬conclusion (unsat means the conclusion follows)
    case negatedConclusion
    /// premises ∧ conclusion (unsat means the negation follows)
    case conclusion
}

/// A value for a Z3 parameter (`Z3_params_set_*`).
public enum Z3ParameterValue: Hashable, Sendable {
    case bool(Bool)
    case uint(UInt32)
    case double(Double)
    case symbol(String)
}
