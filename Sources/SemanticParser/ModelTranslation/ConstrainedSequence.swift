import Foundation
import Decoder
import Logic

/// One grammar-constrained decode in progress: the grammar state, the tokens chosen so
/// far and their log-probabilities. `ModelTranslator` steps one of these alone (the greedy
/// translation) or several side by side (samples sharing a batched forward pass);
/// `ModelStepProposer` steps one per reasoning step.
public struct ConstrainedSequence: Sendable {
    public private(set) var constraint: GrammarConstraint
    public private(set) var output: [Int32] = []
    /// Σ log-probability of the chosen tokens under the grammar-masked distribution.
    public private(set) var logProbability = 0.0
    /// The same under the unmasked distribution.
    public private(set) var unmaskedLogProbability = 0.0
    /// nil: greedy.
    public var generator: SeededGenerator?
    /// Set when the model chose to stop (or the grammar allows nothing more).
    public private(set) var stopped = false
    /// The runner-up of the last choice made by `step`: the most likely other token the
    /// grammar allowed (never a stop token), with its masked and unmasked log-probability
    /// and the gap in logits to the chosen token; nil when there was no other choice.
    public private(set) var runnerUp: (token: Int32, logProbability: Double, unmasked: Double, gap: Double)? = nil
    /// The log normalizers of the last choice made by `step` (log Σ exp over the tokens
    /// the grammar allowed, and over all tokens), to score another token of that step.
    public private(set) var lastNormalizers: (masked: Double, full: Double) = (0, 0)

    public init(grammar: CompiledGrammar, vocabulary: GrammarVocabulary, generator: SeededGenerator?) {
        constraint = GrammarConstraint(grammar: grammar, vocabulary: vocabulary)
        self.generator = generator
    }

    public var isComplete: Bool { constraint.isComplete }

    /// Chooses the next token from `logits` (`size` of them) under the grammar. Returns the
    /// token to feed the model, or nil when the sequence has stopped.
    ///
    /// With `forcing`, that token is taken instead of the model's choice (replaying a
    /// given text, where a stop token ends it); the log-probabilities and `runnerUp` are
    /// recorded as for a choice. Returns nil, without stopping, when the grammar does not
    /// allow it.
    public mutating func step(logits: UnsafeBufferPointer<Float>, stopTokens: Set<Int32>, temperature: Double,
                       candidates: inout [Int32], forcing: Int32? = nil) -> Int32? {
        let size = logits.count
        let mask = constraint.allowedTokens()
        candidates.removeAll(keepingCapacity: true)
        for (w, word) in mask.words.enumerated() where word != 0 {
            var bits = word
            while bits != 0 {
                let t = w * 64 + bits.trailingZeroBitCount
                bits &= bits - 1
                if t < size { candidates.append(Int32(t)) }
            }
        }
        if constraint.isComplete { candidates += stopTokens.filter { Int($0) < size }.sorted() }
        if candidates.isEmpty { stopped = true; return nil } // the grammar allows only the end
        if let forcing, !candidates.contains(forcing) { return nil }
        let fullLog = Self.logSumExp(logits, over: nil)
        let maskedLog = Self.logSumExp(logits, over: candidates)
        let chosen: Int32
        if let forcing {
            chosen = forcing
        } else if generator == nil {
            chosen = candidates.max { logits[Int($0)] < logits[Int($1)] || (logits[Int($0)] == logits[Int($1)] && $0 > $1) }!
        } else {
            chosen = Self.sample(logits: logits, candidates: candidates, temperature: temperature, generator: &generator!)
        }
        runnerUp = nil
        lastNormalizers = (maskedLog, fullLog)
        for c in candidates where c != chosen && !stopTokens.contains(c) {
            if let r = runnerUp, logits[Int(c)] <= logits[Int(r.token)] { continue }
            runnerUp = (c, Double(logits[Int(c)]) - maskedLog, Double(logits[Int(c)]) - fullLog,
                        Double(logits[Int(chosen)] - logits[Int(c)]))
        }
        logProbability += Double(logits[Int(chosen)]) - maskedLog
        unmaskedLogProbability += Double(logits[Int(chosen)]) - fullLog
        if stopTokens.contains(chosen) && constraint.isComplete { stopped = true; return nil }
        do { try constraint.accept(token: chosen) } catch {
            preconditionFailure("a token from the grammar's own mask was rejected")
        }
        output.append(chosen)
        return chosen
    }

    /// Takes `token` as the next choice, whatever the model prefers (a branch of a decode
    /// at one of its runner-ups); `logProbability` and `unmasked` are the token's
    /// log-probabilities there. The grammar must allow it.
    public mutating func force(_ token: Int32, logProbability lp: Double, unmasked: Double) {
        do { try constraint.accept(token: token) } catch {
            preconditionFailure("a forced token must be one the grammar allows")
        }
        logProbability += lp
        unmaskedLogProbability += unmasked
        output.append(token)
        runnerUp = nil
    }

    /// Decodes alone until the sequence stops or `maxTokens` tokens are chosen: each
    /// chosen token is fed to `model` in `cache`, whose next logits replace `logits`.
    public mutating func run(model: LanguageModel, cache: KVCache, logits: inout [Float], maxTokens: Int,
                             stopTokens: Set<Int32>, temperature: Double) {
        var candidates: [Int32] = []
        for _ in 0..<maxTokens {
            let next = logits.withUnsafeBufferPointer {
                step(logits: $0, stopTokens: stopTokens, temperature: temperature, candidates: &candidates)
            }
            guard let chosen = next else { return }
            logits.withUnsafeMutableBufferPointer { buffer in
                model.forward(tokens: [chosen], caches: [cache], logitRows: [0], logits: buffer.baseAddress!)
            }
        }
    }

    static func logSumExp(_ logits: UnsafeBufferPointer<Float>, over ids: [Int32]?) -> Double {
        var m = -Double.infinity
        if let ids { for t in ids { m = max(m, Double(logits[Int(t)])) } } else { for v in logits { m = max(m, Double(v)) } }
        guard m.isFinite else { return m }
        var s = 0.0
        if let ids { for t in ids { s += exp(Double(logits[Int(t)]) - m) } } else { for v in logits { s += exp(Double(v) - m) } }
        return m + log(s)
    }

    static func sample(logits: UnsafeBufferPointer<Float>, candidates: [Int32], temperature: Double,
                       generator: inout SeededGenerator) -> Int32 {
        let t = max(temperature, 1e-6)
        var m = -Double.infinity
        for c in candidates { m = max(m, Double(logits[Int(c)]) / t) }
        let weights = candidates.map { exp(Double(logits[Int($0)]) / t - m) }
        var r = generator.nextUnit() * weights.reduce(0, +)
        for (i, w) in weights.enumerated() {
            r -= w
            if r < 0 { return candidates[i] }
        }
        return candidates.last!
    }
}
