import Foundation

/// One measured run pair's summary: the medians over repetitions of greedy generation of
/// the same number of tokens from the same prompt, without and with a grammar.
public struct GrammarCostResult: Sendable {
    /// Generated tokens per run.
    public var tokens: Int
    /// Median tokens per second without the grammar.
    public var unconstrainedTokensPerSecond: Double
    /// Median tokens per second with the grammar (fast path, full mask only on rejection).
    public var constrainedTokensPerSecond: Double
    /// Median microseconds per token spent in the grammar (checks, masks, advancing).
    public var grammarMicrosecondsPerToken: Double
    /// Median share of the constrained run's time spent in the grammar (less sensitive to
    /// other load on the machine than the ratio of two wall-clock rates).
    public var grammarShare: Double
    /// Share of tokens whose first choice the grammar rejected (slow path: full mask).
    public var slowPathShare: Double
    /// Every repetition: (unconstrained tok/s, constrained tok/s).
    public var runs: [(unconstrained: Double, constrained: Double)]

    /// constrained / unconstrained rate (1 = free; the goal is at least 0.95).
    public var ratio: Double { constrainedTokensPerSecond / unconstrainedTokensPerSecond }
}

/// Measures what grammar-constrained decoding costs: greedy generation of `tokens` tokens
/// from one prompt, alternately unconstrained and constrained by a GBNF grammar, several
/// times; reports the medians and their ratio.
///
/// The grammar is repeated one match per line (`root ::= (g "\n")+`, where `g` is the
/// given grammar's root), so that generation runs the full token count under the grammar
/// instead of stopping after the first formula. End-of-generation and control tokens are
/// excluded in both modes, so both runs generate exactly `tokens` tokens.
public struct GrammarCostBenchmark {
    public let model: LanguageModel
    public let grammar: CompiledGrammar
    public let vocabulary: GrammarVocabulary
    public let prompt: [Int32]
    public let tokens: Int
    public let repetitions: Int
    private let banned: [Int32]

    /// `grammarSource` is GBNF text with a `root` rule (e.g. grammars/fol.gbnf).
    public init(model: LanguageModel, grammarSource: String, prompt: String, tokens: Int = 128, repetitions: Int = 5) throws {
        self.model = model
        self.grammar = try CompiledGrammar(source: Self.repeatedPerLine(grammarSource))
        let tokenizer = model.tokenizer
        let size = model.config.vocabularySize
        var bytes: [[UInt8]] = []
        var banned: [Int32] = Array(tokenizer.endOfGenerationTokens)
        if let eos = tokenizer.eosToken { banned.append(eos) }
        for id in 0..<size {
            let type = id < tokenizer.tokenTypes.count ? tokenizer.tokenTypes[id] : 3
            if type == 3 || type == 5 { banned.append(Int32(id)); bytes.append([]) } else { bytes.append(tokenizer.bytes(of: Int32(id))) }
        }
        self.banned = Array(Set(banned)).sorted()
        self.vocabulary = GrammarVocabulary(tokens: bytes, endOfSequence: nil)
        self.prompt = tokenizer.encode(prompt, parseSpecial: false)
        precondition(!self.prompt.isEmpty, "empty prompt")
        self.tokens = max(1, min(tokens, model.contextCapacity - self.prompt.count - 1))
        self.repetitions = max(1, repetitions)
    }

    /// The grammar with its `root` renamed and repeated one match per line.
    static func repeatedPerLine(_ source: String) -> String {
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for i in lines.indices {
            let trimmed = lines[i].drop { $0 == " " }
            if trimmed.hasPrefix("root") {
                let rest = trimmed.dropFirst(4).drop { $0 == " " }
                if rest.hasPrefix("::=") { lines[i] = "bench-match " + rest }
            }
        }
        return lines.joined(separator: "\n") + "\nroot ::= (bench-match \"\\n\")+\n"
    }

    /// Runs the alternating repetitions (after one warm-up pair) and summarizes them.
    public func run() -> GrammarCostResult {
        _ = generate(constrained: false)
        _ = generate(constrained: true)
        var runs: [(Double, Double)] = []
        var grammarMicros: [Double] = [], shares: [Double] = [], slow: [Double] = []
        for _ in 0..<repetitions {
            let u = generate(constrained: false)
            let c = generate(constrained: true)
            runs.append((Double(tokens) / u.seconds, Double(tokens) / c.seconds))
            grammarMicros.append(c.grammarSeconds * 1e6 / Double(tokens))
            shares.append(c.grammarSeconds / c.seconds)
            slow.append(Double(c.slowPath) / Double(tokens))
        }
        func median(_ xs: [Double]) -> Double { let s = xs.sorted(); return s[s.count / 2] }
        return GrammarCostResult(
            tokens: tokens, unconstrainedTokensPerSecond: median(runs.map(\.0)),
            constrainedTokensPerSecond: median(runs.map(\.1)), grammarMicrosecondsPerToken: median(grammarMicros),
            grammarShare: median(shares), slowPathShare: median(slow), runs: runs.map { (unconstrained: $0.0, constrained: $0.1) })
    }

    /// One greedy generation; returns its wall time (after the prompt's prefill), the time inside the grammar, the
    /// number of slow-path steps and the text.
    public func generate(constrained: Bool) -> (seconds: Double, grammarSeconds: Double, slowPath: Int, text: String) {
        let size = model.config.vocabularySize
        let cache = model.makeCache(capacity: prompt.count + tokens + 1)
        var logits = [Float](repeating: 0, count: size)
        var constraint = constrained ? GrammarConstraint(grammar: grammar, vocabulary: vocabulary) : nil
        var output: [Int32] = []
        var grammarNanos: UInt64 = 0
        var slowPath = 0
        logits.withUnsafeMutableBufferPointer { b in
            model.forward(tokens: prompt, caches: Array(repeating: cache, count: prompt.count), logitRows: [prompt.count - 1], logits: b.baseAddress!)
        }
        let start = DispatchTime.now().uptimeNanoseconds   // generation only: the prefill is not timed
        for step in 0..<tokens {
            for t in banned where Int(t) < size { logits[Int(t)] = -.infinity }
            var token = Self.argmax(logits)
            if constraint != nil {
                let g0 = DispatchTime.now().uptimeNanoseconds
                if !constraint!.accepts(token: token) {
                    slowPath += 1
                    constraint!.filter(logits: &logits)
                    token = Self.argmax(logits)
                }
                do { try constraint!.accept(token: token) } catch {
                    preconditionFailure("the grammar's own mask allowed a token it then rejected")
                }
                grammarNanos += DispatchTime.now().uptimeNanoseconds - g0
            }
            output.append(token)
            if step + 1 < tokens {
                logits.withUnsafeMutableBufferPointer { b in
                    model.forward(tokens: [token], caches: [cache], logitRows: [0], logits: b.baseAddress!)
                }
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return (seconds, Double(grammarNanos) / 1e9, slowPath, model.tokenizer.decode(output))
    }

    static func argmax(_ logits: [Float]) -> Int32 {
        var best = 0, value = -Float.infinity
        for (i, v) in logits.enumerated() where v > value { value = v; best = i }
        return Int32(best)
    }
}
