import Logic

/// One statement of a problem as the search sees it: its English, and a fixed formula
/// when it is not to be translated (a formal premise kept as given).
public struct SearchStatement: Sendable, Hashable {
    /// Whether this is a premise or the conclusion, for traces and prompts.
    public enum Role: Sendable, Hashable, CustomStringConvertible {
        /// Premise number `n`, counted from 1 as in the problem.
        case premise(Int)
        case conclusion

        public var description: String {
            switch self {
            case .premise(let n): "premise \(n)"
            case .conclusion: "conclusion"
            }
        }
    }

    public var role: Role
    /// The sentence to translate (empty when `fixed` is set and there is no English).
    public var sentence: String
    /// A formula that is used as is instead of translating.
    public var fixed: Formula?
    /// Where the fixed formula came from ("fixed" for a formal form, "controlled" for the
    /// controlled-English parser), as its translation's `origin`.
    public var fixedOrigin: String

    public init(role: Role, sentence: String, fixed: Formula? = nil, fixedOrigin: String = "fixed") {
        self.role = role; self.sentence = sentence; self.fixed = fixed; self.fixedOrigin = fixedOrigin
    }
}

/// A problem to search over: premises and one conclusion, the last statement.
public struct SearchProblem: Sendable, Hashable {
    public var id: String
    /// The premises in order.
    public var premises: [SearchStatement]
    public var conclusion: SearchStatement

    public init(id: String, premises: [SearchStatement], conclusion: SearchStatement) {
        self.id = id; self.premises = premises; self.conclusion = conclusion
    }

    /// Premises then the conclusion: the order in which statements are translated.
    public var statements: [SearchStatement] { premises + [conclusion] }
}
