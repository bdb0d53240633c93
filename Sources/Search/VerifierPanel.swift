import Logic

/// Verifiers composed into one score: the weighted mean of the scores that apply, and an
/// acceptance rule (the mean reaches `acceptAt` and no required verifier scores below
/// `requiredAt`).
public struct VerifierPanel: Sendable {
    /// One verifier with its weight, and whether a low score from it rejects the candidate.
    public struct Member: Sendable {
        public var verifier: any Verifier
        public var weight: Double
        public var required: Bool
        public init(_ verifier: any Verifier, weight: Double = 1, required: Bool = false) {
            precondition(weight >= 0, "verifier weights are not negative")
            self.verifier = verifier; self.weight = weight; self.required = required
        }
    }

    public var members: [Member]
    /// The combined score at which a candidate is accepted.
    public var acceptAt: Double
    /// A required verifier scoring below this rejects the candidate whatever the mean.
    public var requiredAt: Double

    public init(members: [Member], acceptAt: Double = 0.75, requiredAt: Double = 0.999) {
        self.members = members; self.acceptAt = acceptAt; self.requiredAt = requiredAt
    }

    /// Every verifier: parse, signature, satisfiable, non-vacuous and prover agreement
    /// required; lexical grounding, sentence coverage, distinct readings, reference agreement (when
    /// `useReference`) and log-probability as soft signals.
    public static func standard(useReference: Bool = true) -> VerifierPanel {
        var members: [Member] = [
            Member(ParseVerifier(), weight: 1, required: true),
            Member(SignatureVerifier(), weight: 1, required: true),
            Member(SatisfiabilityVerifier(), weight: 1, required: true),
            Member(NonVacuityVerifier(), weight: 1, required: true),
            Member(ProverAgreementVerifier(), weight: 1, required: true),
        ]
        members.append(Member(LexicalGroundingVerifier(), weight: 2))
        members.append(Member(SentenceCoverageVerifier(), weight: 2))
        members.append(Member(DistinctReadingsVerifier(), weight: 1))
        if useReference { members.append(Member(ReferenceAgreementVerifier(), weight: 2)) }
        members.append(Member(LogProbabilityVerifier(), weight: 1))
        return VerifierPanel(members: members)
    }

    /// Whether the panel needs the conclusion-alone check (which costs prover calls).
    public var checksVacuity: Bool { members.contains { $0.verifier is NonVacuityVerifier } }

    /// Scores a candidate in place: `scores`, `score` and `accepted`.
    public func judge(_ candidate: inout CandidateTheory, context: VerificationContext) {
        var scores: [VerifierScore] = []
        var total = 0.0, weights = 0.0
        var rejected = candidate.decision == nil
        for m in members {
            guard let s = m.verifier.score(candidate, context: context) else { continue }
            scores.append(s)
            total += m.weight * s.score
            weights += m.weight
            if m.required && s.score < requiredAt { rejected = true }
        }
        candidate.scores = scores
        candidate.score = weights > 0 ? total / weights : 0
        candidate.accepted = !rejected && candidate.score >= acceptAt && candidate.isDefinite
    }
}
