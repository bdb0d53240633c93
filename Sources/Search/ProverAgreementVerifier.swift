import Logic

/// Scores whether the two provers agree on the candidate (1) or disagree (0); does not
/// apply when fewer than two decided.
public struct ProverAgreementVerifier: Verifier {
    public let name = "prover-agreement"
    public init() {}

    public func score(_ candidate: CandidateTheory, context: VerificationContext) -> VerifierScore? {
        guard let agree = candidate.decision?.proversAgree else { return nil }
        return agree ? VerifierScore(verifier: name, score: 1, reason: "native and z3 agree")
            : VerifierScore(verifier: name, score: 0, reason: "native and z3 disagree")
    }
}
