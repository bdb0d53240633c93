import Logic

/// One verifier's judgement of a candidate: a score in 0...1 and why.
public struct VerifierScore: Sendable, Hashable {
    /// The verifier's name (`parse`, `signature`, ...).
    public var verifier: String
    public var score: Double
    public var reason: String

    public init(verifier: String, score: Double, reason: String) {
        precondition((0...1).contains(score), "a verifier score lies in 0...1")
        self.verifier = verifier; self.score = score; self.reason = reason
    }
}

/// What verifiers may consult besides the candidate itself.
public struct VerificationContext: Sendable {
    public var problem: SearchProblem
    /// For each statement, the controlled-English parser's formula where it covers the
    /// sentence (empty when no reference parser is used).
    public var references: [Formula?]

    public init(problem: SearchProblem, references: [Formula?] = []) {
        self.problem = problem; self.references = references
    }
}

/// An imperfect, composable signal about a candidate theory. Verifiers are pure: the
/// evidence they need (the decision, the vacuity check) is gathered and paid for by the
/// search before they run.
public protocol Verifier: Sendable {
    var name: String { get }
    /// The score, or nil when the verifier does not apply to this candidate (say, no
    /// reference translation covers any of its sentences).
    func score(_ candidate: CandidateTheory, context: VerificationContext) -> VerifierScore?
}
