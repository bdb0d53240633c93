import Logic

/// Checks that the conclusion says something about the premises: it is neither valid nor
/// contradictory on its own (score 0), and it uses at least one predicate the premises
/// use (score 0.25 otherwise: such a conclusion can only come out `unknown`).
public struct NonVacuityVerifier: Verifier {
    public let name = "non-vacuous"
    public init() {}

    public func score(_ candidate: CandidateTheory, context: VerificationContext) -> VerifierScore? {
        guard let formulas = candidate.formulas, let conclusion = formulas.last else { return nil }
        switch candidate.conclusionAlone {
        case .true?: return VerifierScore(verifier: name, score: 0, reason: "the conclusion is valid on its own")
        case .false?: return VerifierScore(verifier: name, score: 0, reason: "the conclusion is contradictory on its own")
        default: break
        }
        var premisePredicates = Set<String>()
        for f in formulas.dropLast() { f.forEachSymbol { n, _, isPredicate in if isPredicate { premisePredicates.insert(n) } } }
        var conclusionPredicates = Set<String>()
        conclusion.forEachSymbol { n, _, isPredicate in if isPredicate { conclusionPredicates.insert(n) } }
        if !conclusionPredicates.isEmpty && conclusionPredicates.isDisjoint(with: premisePredicates) {
            return VerifierScore(verifier: name, score: 0.25,
                                 reason: "the conclusion's predicates (\(conclusionPredicates.sorted().joined(separator: ", "))) occur in no premise")
        }
        return VerifierScore(verifier: name, score: 1, reason: "the conclusion is contingent and shares predicates with the premises")
    }
}
