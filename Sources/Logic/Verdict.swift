/// The answer to "do the premises entail the conclusion?" (see DESIGN.md, Verdicts).
public enum Verdict: String, Hashable, Sendable, CaseIterable, Codable {
    /// premises ⊨ conclusion
    case `true`
    /// premises ⊨ ¬conclusion
    case `false`
    /// neither follows
    case unknown
    /// the premises themselves are unsatisfiable
    case inconsistent
    /// a time bound was hit before a decision
    case timeout
    /// another resource bound (depth, steps, memory) was hit before a decision
    case limit
    /// the input could not be understood
    case error
    /// a search strategy declined to answer (confidence below its threshold)
    case abstain

    /// True for the verdicts that are answers about the logic (true, false, unknown,
    /// inconsistent) rather than reports of a failure to answer.
    public var isDecided: Bool {
        switch self {
        case .true, .false, .unknown, .inconsistent: return true
        case .timeout, .limit, .error, .abstain: return false
        }
    }
}
