import Foundation

/// The model's confidence in the candidate's translations: the geometric mean of the
/// per-token probabilities, `exp(log p / tokens)`, over the model-made translations.
/// Does not apply when no translation came from the model.
public struct LogProbabilityVerifier: Verifier {
    public let name = "log-probability"
    public init() {}

    public func score(_ candidate: CandidateTheory, context: VerificationContext) -> VerifierScore? {
        var logp = 0.0, tokens = 0
        for case let t? in candidate.translations where t.tokens > 0 {
            logp += t.logProbability
            tokens += t.tokens
        }
        guard tokens > 0 else { return nil }
        let s = min(1, max(0, exp(logp / Double(tokens))))
        return VerifierScore(verifier: name, score: s, reason: String(format: "log p %.2f over %d tokens", logp, tokens))
    }
}
