import Logic
import Search
import SemanticParser

/// The language model as a search's translation source: `ModelTranslator` under its
/// grounded grammar, all samples of one sentence in one call (one prefill, forked KV
/// caches).
///
/// Token accounting: the translator reports the tokens of the translations it returns;
/// samples it dropped (duplicates, or decodes that ran out of tokens) are charged at the
/// returned translations' mean length, and a failed greedy decode at the full
/// per-translation budget, never more than the call's allowance.
///
/// `feedback` in a request is not shown to the model (the prompt has no place for it);
/// a re-translation differs through the signature it is given. Not thread-safe.
public final class ModelTranslationSampler: TranslationSampler {
    public let translator: ModelTranslator

    public init(translator: ModelTranslator) { self.translator = translator }

    public var maxTokensPerTranslation: Int { max(1, translator.maxTokens) }

    public func translate(_ request: TranslationRequest) -> TranslationBatch {
        let per = maxTokensPerTranslation
        let affordable = request.tokenAllowance.map { max(1, $0 / per) } ?? Int.max
        let wanted = request.includeGreedy ? request.samples : request.samples + 1
        let samples = max(1, min(wanted, affordable))
        let savedFallback = translator.fallbackSamples
        translator.fallbackSamples = max(0, min(savedFallback, affordable - 1))
        defer { translator.fallbackSamples = savedFallback }
        let attempts = max(samples, 1 + translator.fallbackSamples)
        var signature = request.signature
        if let rank = request.branchRank, let batch = branches(request, rank: rank, samples: samples, signature: signature) {
            return batch
        }
        do {
            let results = try translator.translate(sentence: request.sentence, signature: &signature,
                                                   samples: samples, seed: request.seed, excluding: request.excluding)
            let returned = results.reduce(0) { $0 + $1.tokens }
            let mean = results.isEmpty ? per : max(1, returned / results.count)
            var spent = returned + max(0, samples - results.count) * mean
            if let first = results.first, !first.isGreedy { spent += per }
            spent = min(spent, request.tokenAllowance ?? Int.max, attempts * per)
            var out = results.map {
                StatementTranslation(formula: $0.formula, text: $0.text, logProbability: $0.logProbability,
                                     tokens: $0.tokens, origin: "model", isGreedy: $0.isGreedy)
            }
            if !request.includeGreedy && out.count > 1 && out[0].isGreedy { out.removeFirst() }
            return TranslationBatch(translations: out, tokens: spent, modelCalls: 1)
        } catch {
            let spent: Int
            switch error {
            case .tokenBudgetExhausted: spent = min(attempts * per, request.tokenAllowance ?? Int.max)
            default: spent = 0
            }
            return TranslationBatch(translations: [], tokens: spent, modelCalls: spent > 0 ? 1 : 0, failure: "\(error)")
        }
    }

    /// Branches of the greedy translation or of `request.base` (`ModelTranslator.branches`),
    /// or nil when the greedy decode did not finish or the base cannot be replayed (the
    /// caller then samples).
    private func branches(_ request: TranslationRequest, rank: Int, samples: Int,
                          signature: TranslationSignature) -> TranslationBatch? {
        var signature = signature
        let count = samples - 1 // `samples` counts the greedy decode
        guard count >= 1,
              let (results, generated) = try? translator.branches(sentence: request.sentence, signature: &signature,
                                                                   count: count, skip: rank, excluding: request.excluding,
                                                                   preferring: request.preferring, base: request.base)
        else { return nil }
        var out = results.map {
            StatementTranslation(formula: $0.formula, text: $0.text, logProbability: $0.logProbability,
                                 tokens: $0.tokens, origin: "model", isGreedy: $0.isGreedy)
        }
        if !request.includeGreedy { out.removeFirst() }
        let spent = min(generated, request.tokenAllowance ?? Int.max)
        return TranslationBatch(translations: out, tokens: spent, modelCalls: 1)
    }
}
