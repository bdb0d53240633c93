import Logic

/// The evaluation's own check: a story's gold formulas under a seeded random renaming of
/// their predicates and constants, aligned back against the gold. Every premise with gold
/// must come out equivalent (and, symmetric stories aside, exactly equal).
public enum GoldSelfCheck {
    /// The gold formulas with every predicate renamed `P<k>` and every function or
    /// constant `c<k>`, the numbers a seeded permutation, plus the renaming used.
    public static func renamed(_ gold: [Formula?], seed: UInt64) -> (formulas: [Formula?], renaming: [EvaluationSymbol: String]) {
        var symbols: [EvaluationSymbol] = []
        var seen = Set<EvaluationSymbol>()
        for f in gold.compactMap({ $0 }) { for s in f.evaluationSymbols where seen.insert(s).inserted { symbols.append(s) } }
        var generator = SplitMix64(seed: seed)
        var numbers = Array(0..<symbols.count)
        numbers.shuffle(using: &generator)
        var renaming: [EvaluationSymbol: String] = [:]
        for (k, s) in symbols.enumerated() {
            if case .predicate = s.kind { renaming[s] = "P\(numbers[k])" } else { renaming[s] = "c\(numbers[k])" }
        }
        return (gold.map { $0?.renamingSymbols(renaming) }, renaming)
    }

    /// Evaluates the renamed gold of `story` as if a translator had produced it.
    public static func evaluate(story: EvaluationStory, seed: UInt64, evaluator: TranslationEvaluator) -> StoryEvaluation {
        let (formulas, _) = renamed(story.gold, seed: seed)
        let translated = formulas.map { f -> TranslationEvaluator.Translated in
            guard let f else { return .init(result: .failure(TranslationFailure(kind: .other, message: "no gold formula")), candidates: 0) }
            return .init(result: .success(CandidateTranslation(formula: f, text: FOLPrinter.ascii(f), logProbability: 0)))
        }
        return evaluator.evaluate(story: story, translated: translated)
    }
}
