import Logic

/// Scores 0 when the provers found the premises inconsistent: on data whose premises are
/// consistent, an inconsistent theory is a mistranslation.
public struct SatisfiabilityVerifier: Verifier {
    public let name = "satisfiable"
    public init() {}

    public func score(_ candidate: CandidateTheory, context: VerificationContext) -> VerifierScore? {
        guard let decision = candidate.decision, let sat = decision.premisesSatisfiable ?? (decision.verdict.isDecided ? true : nil)
        else { return nil }
        return sat ? VerifierScore(verifier: name, score: 1, reason: "premises satisfiable")
            : VerifierScore(verifier: name, score: 0, reason: "premises inconsistent")
    }
}
