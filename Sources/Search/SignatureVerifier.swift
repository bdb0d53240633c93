import Logic

/// Checks that the statements use one signature: no predicate or function with two
/// arities (score 0 with the clash; the search renames to decide anyway).
public struct SignatureVerifier: Verifier {
    public let name = "signature"
    public init() {}

    public func score(_ candidate: CandidateTheory, context: VerificationContext) -> VerifierScore? {
        guard let formulas = candidate.formulas else { return nil }
        do {
            _ = try Signature.infer(from: formulas)
            return VerifierScore(verifier: name, score: 1, reason: "one signature")
        } catch {
            return VerifierScore(verifier: name, score: 0, reason: "\(error)")
        }
    }
}
