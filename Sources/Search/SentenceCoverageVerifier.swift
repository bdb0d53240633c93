import Logic

/// Checks that each model translation says everything its sentence names: the share of
/// the sentence's words that name a symbol of the theory (a predicate or constant some
/// statement uses) which the translation itself uses. A translation that drops an entity
/// or a property the theory knows ("it likes the squirrel and it likes the cow" without
/// `cow`) scores below 1. Does not apply when no translation is the model's or no
/// sentence names a symbol.
public struct SentenceCoverageVerifier: Verifier {
    public let name = "sentence-coverage"
    public init() {}

    public func score(_ candidate: CandidateTheory, context: VerificationContext) -> VerifierScore? {
        let flaws = StatementFlaws(candidate, problem: context.problem)
        var total = 0.0, counted = 0
        var gaps: [String] = []
        for i in flaws.checked.indices where flaws.checked[i] && flaws.mentioned[i] > 0 {
            let missing = flaws.uncovered[i].count
            total += Double(flaws.mentioned[i] - missing) / Double(flaws.mentioned[i])
            counted += 1
            if missing > 0 { gaps.append("statement \(i + 1) leaves out " + flaws.uncovered[i].joined(separator: ", ")) }
        }
        guard counted > 0 else { return nil }
        return VerifierScore(verifier: name, score: total / Double(counted),
                             reason: gaps.isEmpty ? "every named word is translated" : gaps.joined(separator: "; "))
    }
}
