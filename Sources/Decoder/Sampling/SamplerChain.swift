/// The tokens still in play while a `SamplerChain` runs: ids with their logits, most
/// likely first once sorted.
public struct TokenCandidates: Sendable {
    public var ids: [Int32] = []
    public var logits: [Float] = []
    public var isSorted = false

    mutating func sortDescending() {
        guard !isSorted else { return }
        let order = logits.indices.sorted { logits[$0] > logits[$1] || (logits[$0] == logits[$1] && ids[$0] < ids[$1]) }
        ids = order.map { ids[$0] }
        logits = order.map { logits[$0] }
        isSorted = true
    }

    mutating func keepFirst(_ n: Int) {
        ids.removeSubrange(min(n, ids.count)...)
        logits.removeSubrange(min(n, logits.count)...)
    }

    /// Softmax probabilities of the current candidates.
    func probabilities() -> [Double] {
        guard let m = logits.max() else { return [] }
        let e = logits.map { Double($0 - m) }.map { $0 == -.infinity ? 0 : _exp($0) }
        let s = e.reduce(0, +)
        return e.map { $0 / s }
    }
}

@inline(__always) private func _exp(_ x: Double) -> Double {
    // Avoid Foundation in this file: exp via the standard library's elementary functions.
    Double.exp(x)
}

extension Double {
    @inline(__always) static func exp(_ x: Double) -> Double {
        #if canImport(Glibc)
        return Glibc.exp(x)
        #else
        return Darwin.exp(x)
        #endif
    }
}

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// One stage of a sampler chain. Stages only narrow or reweight the candidates; the chain's
/// final pick chooses the token.
public enum SamplerStage: Sendable, Equatable {
    /// Adds a bias to given tokens' logits (`-infinity` bans a token).
    case logitBias([Int32: Float])
    /// Divides logits of recently generated tokens by `penalty` (multiplies negative ones),
    /// looking back `window` tokens.
    case repetitionPenalty(penalty: Float, window: Int)
    /// Keeps the `k` most likely tokens.
    case topK(Int)
    /// Keeps the smallest set of most likely tokens whose probability reaches `p`.
    case topP(Float)
    /// Keeps tokens whose probability is at least `p` times the most likely one's.
    case minP(Float)
    /// Divides logits by `t`; `t == 0` makes the pick greedy.
    case temperature(Float)
}

/// A constraint that may forbid tokens (the grammar stage plugs in here).
public protocol TokenConstraint {
    /// Whether `token` may come next.
    func allows(_ token: Int32) -> Bool
    /// Records that `token` was chosen.
    mutating func accept(_ token: Int32)
}

/// A chain of sampler stages followed by a final pick (greedy when the temperature is 0,
/// otherwise a draw from the seeded generator). Value type; reproducible to the token.
public struct SamplerChain: Sendable {
    public var stages: [SamplerStage]
    public var generator: SeededGenerator

    public init(stages: [SamplerStage], seed: UInt64) {
        self.stages = stages
        generator = SeededGenerator(seed: seed)
    }

    /// The usual chain: bias, repetition penalty, top-k, top-p, min-p, temperature.
    public static func standard(temperature: Float, topK: Int = 0, topP: Float = 1, minP: Float = 0,
                                repetitionPenalty: Float = 1, seed: UInt64) -> SamplerChain {
        var s: [SamplerStage] = []
        if repetitionPenalty != 1 { s.append(.repetitionPenalty(penalty: repetitionPenalty, window: 64)) }
        if topK > 0 { s.append(.topK(topK)) }
        if topP < 1 { s.append(.topP(topP)) }
        if minP > 0 { s.append(.minP(minP)) }
        s.append(.temperature(temperature))
        return SamplerChain(stages: s, seed: seed)
    }

    var isGreedy: Bool { stages.contains(.temperature(0)) }

    /// Chooses the next token from `logits` (`count` values). `history` is the sequence so far.
    public mutating func sample(logits: UnsafePointer<Float>, count: Int, history: [Int32]) -> Int32 {
        var biased: [Int32: Float] = [:]
        for stage in stages {
            switch stage {
            case .logitBias(let b): for (t, v) in b { biased[t, default: 0] += v }
            case .repetitionPenalty(let penalty, let window):
                for t in Set(history.suffix(window)) where t >= 0 && Int(t) < count {
                    let l = (biased[t] ?? 0) + logits[Int(t)]
                    biased[t] = (l > 0 ? l / penalty : l * penalty) - logits[Int(t)]
                }
            default: break
            }
        }
        let hasBias = !biased.isEmpty
        @inline(__always) func logit(_ i: Int) -> Float { hasBias ? logits[i] + (biased[Int32(i)] ?? 0) : logits[i] }
        if isGreedy {
            var best = 0, bestLogit = -Float.infinity
            for i in 0..<count { let l = logit(i); if l > bestLogit { bestLogit = l; best = i } }
            return Int32(best)
        }
        // Candidates: tokens within 40 nats of the best (the rest have probability < e^-40).
        var maxLogit = -Float.infinity
        for i in 0..<count { maxLogit = max(maxLogit, logit(i)) }
        var c = TokenCandidates()
        for i in 0..<count { let l = logit(i); if l >= maxLogit - 40 { c.ids.append(Int32(i)); c.logits.append(l) } }
        for stage in stages {
            switch stage {
            case .topK(let k): c.sortDescending(); c.keepFirst(max(k, 1))
            case .topP(let p):
                c.sortDescending()
                let probs = c.probabilities()
                var acc = 0.0, keep = probs.count
                for (i, q) in probs.enumerated() { acc += q; if acc >= Double(p) { keep = i + 1; break } }
                c.keepFirst(keep)
            case .minP(let p):
                c.sortDescending()
                let probs = c.probabilities()
                let keep = probs.firstIndex { $0 < Double(p) * probs[0] } ?? probs.count
                c.keepFirst(max(keep, 1))
            case .temperature(let t): c.logits = c.logits.map { $0 / t }
            default: break
            }
        }
        let probs = c.probabilities()
        let u = generator.nextUnit()
        var acc = 0.0
        for (i, q) in probs.enumerated() { acc += q; if u < acc { return c.ids[i] } }
        return c.ids[c.ids.count - 1]
    }
}
