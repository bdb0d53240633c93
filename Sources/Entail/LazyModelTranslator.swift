import Decoder
import Foundation
import Logic
import SemanticParser

/// The language model and its `ModelTranslator`, loaded on first use and then kept: one
/// per `Reasoner` (copies of a `Reasoner` share it).
///
/// Not concurrent: the model has one set of scratch buffers, so every use holds a lock and
/// parallel callers wait for each other. For parallel work give each worker its own
/// `Reasoner` (and so its own model). Greedy translations are deterministic, so they are
/// remembered per (sentence, signature, note, exclusions, samples): re-formalizing a
/// problem during repair re-translates only what changed.
public final class LazyModelTranslator: @unchecked Sendable {
    public let source: ModelSource
    /// Worker threads of the model's forward pass.
    public let threads: Int
    /// Prompt file (nil: `prompts/fol-translation.txt`, or `prompts/fol-translation-tuned.txt`
    /// with an adapter).
    public let promptFile: String?
    /// LoRA adapter file applied to the model, if any.
    public let adapter: String?

    private let lock = NSLock()
    private var translator: ModelTranslator?
    private var loadError: String?
    private var remembered: [String: [ModelTranslation]] = [:]
    /// Remembered requests at most; the memory is cleared when full (repairs need only
    /// the current problem's requests).
    static let rememberedLimit = 4096

    public init(source: ModelSource, threads: Int = 1, promptFile: String? = nil, adapter: String? = nil) {
        self.source = source
        self.threads = max(1, threads)
        self.promptFile = promptFile
        self.adapter = adapter
    }

    /// Whether a model file is there to load (it may still fail to load).
    public var hasModel: Bool { source.path != nil }

    /// Why no translation can be made, or nil when the model is (or can be) loaded.
    /// Loads the model on first call.
    public func unavailability() -> String? {
        lock.lock(); defer { lock.unlock() }
        _ = loadLocked()
        return loadError
    }

    private func loadLocked() -> ModelTranslator? {
        if let translator { return translator }
        if loadError != nil { return nil }
        guard let path = source.path else {
            loadError = source == .none
                ? "no model (--no-model)"
                : "no model file (looked for \(ModelSource.bundledCandidates.joined(separator: ", ")))"
            return nil
        }
        var lowRank: LowRankAdapter?
        if let adapter {
            do { lowRank = try LowRankAdapter(path: adapter) } catch {
                loadError = "cannot load adapter \(adapter): \(error)"
                return nil
            }
        }
        do {
            let model = try LanguageModel(path: path, threads: threads, maxBatch: 64, contextCapacity: 2048, adapter: lowRank)
            translator = try ModelTranslator(model: model, promptFile: FewShotPrompt.path(explicit: promptFile, adapted: lowRank != nil))
        } catch {
            loadError = "cannot load \(path)\(adapter.map { " with adapter \($0)" } ?? ""): \(error)"
        }
        return translator
    }

    /// Translates one sentence and returns the chosen translation. Predicates in `pinned`
    /// are offered at the given arity only; names in `excluded` are not offered at all. (`fresh` is false when it
    /// was remembered from an earlier identical request, so no model call was made).
    /// The first candidate whose text is not in `rejected` is chosen (with `samples` > 1
    /// the later candidates are seeded samples); its symbols are adopted into `signature`.
    /// Fails with the reason as text.
    public func translate(sentence: String, signature: inout TranslationSignature, note: String? = nil,
                          excluding excluded: Set<String> = [], pinning pinned: [String: Int] = [:], rejected: Set<String> = [],
                          samples: Int = 1, seed: UInt64 = 0) -> Result<(translation: ModelTranslation, fresh: Bool), ModelTranslationFailure> {
        lock.lock(); defer { lock.unlock() }
        guard let translator = loadLocked() else { return .failure(ModelTranslationFailure(message: loadError ?? "no model")) }
        // Pinned predicates enter the signature the grammar is built from (at that arity only).
        var base = signature
        for (name, arity) in pinned.sorted(by: { $0.key < $1.key }) { base.addPredicate(name, arity: arity) }
        let key = [base.promptText, sentence, note ?? "", excluded.sorted().joined(separator: ","),
                   String(samples), String(seed)].joined(separator: "\u{1}")
        let candidates: [ModelTranslation]
        let fresh = remembered[key] == nil
        if let known = remembered[key] {
            candidates = known
        } else {
            var scratch = base
            do {
                candidates = try translator.translate(sentence: sentence, signature: &scratch, samples: samples, seed: seed,
                                                      note: note, excluding: excluded)
            } catch {
                return .failure(ModelTranslationFailure(message: "\(error)"))
            }
            if remembered.count >= Self.rememberedLimit { remembered.removeAll(keepingCapacity: true) }
            remembered[key] = candidates
        }
        guard let chosen = candidates.first(where: { !rejected.contains($0.text) }) else {
            return .failure(ModelTranslationFailure(message: "every translation was rejected by an earlier repair round: \(candidates.map(\.text).joined(separator: " ; "))"))
        }
        signature.adopt(chosen.formula)
        return .success((chosen, fresh))
    }
}

/// Why the model gave no translation (no model, a load error, or the translator's error).
public struct ModelTranslationFailure: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
