import Logic

/// Scores the share of statements that have a translation at all (the grammar makes every
/// finished translation parse, so a failure is a decode that ran out of tokens or names).
public struct ParseVerifier: Verifier {
    public let name = "parse"
    public init() {}

    public func score(_ candidate: CandidateTheory, context: VerificationContext) -> VerifierScore? {
        let total = candidate.translations.count
        let ok = candidate.translations.filter { $0 != nil }.count
        guard total > 0 else { return nil }
        let failed = candidate.failures.enumerated().compactMap { i, f in f.map { "statement \(i + 1): \($0)" } }
        let reason = ok == total ? "every statement parsed" : failed.joined(separator: "; ")
        return VerifierScore(verifier: name, score: Double(ok) / Double(total), reason: reason)
    }
}
