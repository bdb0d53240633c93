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

    public init(grammar: CompiledGrammar, vocabulary: GrammarVocabulary, generator: SeededGenerator?) {
        constraint = GrammarConstraint(grammar: grammar, vocabulary: vocabulary)
        self.generator = generator
    }

    public var isComplete: Bool { constraint.isComplete }

    /// Chooses the next token from `logits` (`size` of them) under the grammar. Returns the
    /// token to feed the model, or nil when the sequence has stopped.
    public mutating func step(logits: UnsafeBufferPointer<Float>, stopTokens: Set<Int32>, temperature: Double,
                       candidates: inout [Int32]) -> Int32? {
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
        let fullLog = Self.logSumExp(logits, over: nil)
        let maskedLog = Self.logSumExp(logits, over: candidates)
        let chosen: Int32
        if generator == nil {
            chosen = candidates.max { logits[Int($0)] < logits[Int($1)] || (logits[Int($0)] == logits[Int($1)] && $0 > $1) }!
        } else {
            chosen = Self.sample(logits: logits, candidates: candidates, temperature: temperature, generator: &generator!)
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
