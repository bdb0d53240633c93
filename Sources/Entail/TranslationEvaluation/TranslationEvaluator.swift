import Foundation
import Logic
import SemanticParser

/// Translates each premise of a story in order under one shared signature (as `solve`
/// does), then aligns the translations with the gold formulas story-wide and reports
/// each premise (`PremiseEvaluation`).
public struct TranslationEvaluator: Sendable {
    public var aligner: SignatureAligner
    /// Candidates per premise (the greedy one plus seeded samples).
    public var samples: Int
    /// Choose by `SampleVote` among the candidates, else take the first (greedy).
    public var vote: Bool
    public var seed: UInt64

    public init(aligner: SignatureAligner = SignatureAligner(), samples: Int = 1, vote: Bool = false, seed: UInt64 = 0) {
        self.aligner = aligner
        self.samples = samples
        self.vote = vote
        self.seed = seed
    }

    /// One premise's translation before alignment.
    public struct Translated: Sendable {
        public var result: Result<CandidateTranslation, TranslationFailure>
        public var candidates: Int
        public var classes: Int
        public var votes: Int
        public var seconds: Double

        public init(result: Result<CandidateTranslation, TranslationFailure>, candidates: Int = 1, classes: Int = 1,
                    votes: Int = 1, seconds: Double = 0) {
            self.result = result
            self.candidates = candidates
            self.classes = classes
            self.votes = votes
            self.seconds = seconds
        }
    }

    /// Translates `story` with `translator` and evaluates it. `storyIndex` varies the
    /// sampling seed between stories.
    public func evaluate(story: EvaluationStory, storyIndex: Int = 0, translator: PremiseTranslating) -> StoryEvaluation {
        var signature = TranslationSignature()
        var translated: [Translated] = []
        for (i, sentence) in story.sentences.enumerated() {
            let start = Date()
            let premiseSeed = seed &+ UInt64(storyIndex) &* 1_000_003 &+ UInt64(i) &* 7_919
            do {
                let candidates = try translator.candidates(for: sentence, signature: signature, samples: samples, seed: premiseSeed)
                guard !candidates.isEmpty else {
                    translated.append(Translated(result: .failure(TranslationFailure(kind: .other, message: "the translator returned nothing")),
                                                 candidates: 0, classes: 0, votes: 0, seconds: Date().timeIntervalSince(start)))
                    continue
                }
                var chosen = 0, classes = 1, votes = max(1, candidates[0].occurrences)
                if vote && candidates.count > 1 {
                    let ballot = SampleVote(candidates: candidates, equivalence: aligner.equivalence)
                    chosen = ballot.chosen
                    classes = ballot.classes.count
                    votes = ballot.votes
                }
                signature.adopt(candidates[chosen].formula)
                translated.append(Translated(result: .success(candidates[chosen]), candidates: candidates.count, classes: classes,
                                             votes: votes, seconds: Date().timeIntervalSince(start)))
            } catch {
                translated.append(Translated(result: .failure(error), candidates: 0, classes: 0, votes: 0,
                                             seconds: Date().timeIntervalSince(start)))
            }
        }
        return evaluate(story: story, translated: translated)
    }

    /// Evaluates translations already made, one per premise of `story`.
    public func evaluate(story: EvaluationStory, translated: [Translated]) -> StoryEvaluation {
        precondition(translated.count == story.gold.count, "one translation per premise")
        let predicted = EvaluationStory.repairedArities(translated.map { try? $0.result.get().formula })
        let alignment = aligner.align(predicted: predicted, gold: story.gold)
        var premises: [PremiseEvaluation] = []
        for (i, t) in translated.enumerated() {
            let outcome: PremiseEvaluation.Outcome
            if story.gold[i] == nil {
                outcome = .goldMissing(reason: story.goldErrors[i] ?? "no gold formula")
            } else {
                switch t.result {
                case .failure(let failure): outcome = .noTranslation(failure)
                case .success:
                    switch alignment.outcomes[i] {
                    case .equivalent: outcome = .equivalent
                    case .different: outcome = .notEquivalent
                    case .undecided(let reason): outcome = .undecided(reason: reason)
                    case nil: preconditionFailure("both sides present but no outcome")
                    }
                }
            }
            premises.append(PremiseEvaluation(
                storyID: story.id, index: i, sentence: story.sentences[i], goldText: story.goldText[i],
                predicted: try? t.result.get(), aligned: alignment.aligned[i], outcome: outcome,
                exactSyntax: story.gold[i] != nil && alignment.exactSyntax[i],
                namesAgree: story.gold[i] != nil && alignment.namesAgree[i], candidates: t.candidates,
                classes: t.classes, votes: t.votes, seconds: t.seconds))
        }
        return StoryEvaluation(storyID: story.id, premises: premises, alignment: alignment)
    }
}
