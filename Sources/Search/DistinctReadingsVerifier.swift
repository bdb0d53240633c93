import Logic

/// Checks that different sentences were not given the same formula: the share of
/// statements whose translation (up to bound-variable names) no other statement with
/// different words shares. A model that copies one formula for several sentences scores low.
public struct DistinctReadingsVerifier: Verifier {
    public let name = "distinct-readings"
    public init() {}

    public func score(_ candidate: CandidateTheory, context: VerificationContext) -> VerifierScore? {
        let statements = context.problem.statements
        var texts: [(Int, String, String)] = []
        for (i, t) in candidate.translations.enumerated() where i < statements.count {
            guard let t else { continue }
            texts.append((i, CanonicalFormula.text(t.formula), statements[i].sentence.lowercased()))
        }
        guard texts.count >= 2 else { return nil }
        var clashing = Set<Int>()
        for a in texts.indices {
            for b in texts.indices where b > a && texts[a].1 == texts[b].1 && texts[a].2 != texts[b].2 {
                clashing.insert(texts[a].0)
                clashing.insert(texts[b].0)
            }
        }
        let reason = clashing.isEmpty ? "every sentence has its own formula"
            : "statements \(clashing.sorted().map { String($0 + 1) }.joined(separator: ", ")) share a formula"
        return VerifierScore(verifier: name, score: 1 - Double(clashing.count) / Double(texts.count), reason: reason)
    }
}
