import Logic

/// Agreement with a reference parser (the controlled-English parser) on the sentences it
/// covers: the share of covered statements whose translation is the reference's formula
/// up to the names of bound variables and the case of symbols. Does not apply when the
/// reference covers none of them.
public struct ReferenceAgreementVerifier: Verifier {
    public let name = "controlled-agreement"
    public init() {}

    public func score(_ candidate: CandidateTheory, context: VerificationContext) -> VerifierScore? {
        var covered = 0, agreed = 0
        var differing: [Int] = []
        for (i, reference) in context.references.enumerated() where i < candidate.translations.count {
            guard let reference, let t = candidate.translations[i] else { continue }
            if !t.isRevisable { continue }
            covered += 1
            if CanonicalFormula.text(t.formula, foldCase: true) == CanonicalFormula.text(reference, foldCase: true) {
                agreed += 1
            } else {
                differing.append(i + 1)
            }
        }
        guard covered > 0 else { return nil }
        let reason = differing.isEmpty ? "agrees on all \(covered) covered statements"
            : "differs on statement \(differing.map(String.init).joined(separator: ", ")) of \(covered) covered"
        return VerifierScore(verifier: name, score: Double(agreed) / Double(covered), reason: reason)
    }
}
