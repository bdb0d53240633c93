import Foundation

/// Scores a token sequence position by position (teacher forcing): after reading tokens
/// `0...i`, what the model predicts next.
public struct TeacherForcedScorer {
    /// The prediction after position `position` (which holds `token`).
    public struct Row: Sendable {
        public var position: Int
        public var token: Int32
        public var argmax: Int32
        /// The five most likely next tokens with natural-log probabilities, best first.
        public var top: [(token: Int32, logProbability: Double)]
    }

    public let model: LanguageModel
    public init(model: LanguageModel) { self.model = model }

    /// One row per token of `tokens` (truncated to the model's context capacity).
    public func score(_ tokens: [Int32], chunk: Int = 32) -> [Row] {
        let vocab = model.config.vocabularySize
        let toks = Array(tokens.prefix(model.contextCapacity))
        let cache = model.makeCache(capacity: max(toks.count, 1))
        let logits = UnsafeMutablePointer<Float>.allocate(capacity: chunk * vocab)
        defer { logits.deallocate() }
        var rows: [Row] = []
        var start = 0
        while start < toks.count {
            let end = min(toks.count, start + chunk)
            model.forward(tokens: Array(toks[start..<end]), caches: Array(repeating: cache, count: end - start),
                          logitRows: Array(0..<(end - start)), logits: logits)
            for i in 0..<(end - start) {
                let l = logits + i * vocab
                var m = -Float.infinity
                for j in 0..<vocab { m = max(m, l[j]) }
                var sum = 0.0
                for j in 0..<vocab { sum += exp(Double(l[j] - m)) }
                let logZ = Double(m) + log(sum)
                var best: [(Int32, Float)] = []
                for j in 0..<vocab {
                    if best.count < 5 || l[j] > best[best.count - 1].1 {
                        best.append((Int32(j), l[j]))
                        best.sort { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
                        if best.count > 5 { best.removeLast() }
                    }
                }
                rows.append(Row(position: start + i, token: toks[start + i], argmax: best[0].0,
                                top: best.map { ($0.0, Double($0.1) - logZ) }))
            }
            start = end
        }
        return rows
    }
}
