/// The grammar stage of a sampler chain, on token ids and byte strings only.
///
/// Use the fast path first: sample a token from the unconstrained logits, ask
/// `accepts(token:)`; only if it is rejected call `filter(logits:)` (the full mask, cached
/// per grammar state) and sample again. Then `accept(token:)`. A value type: copy to fork.
public struct GrammarConstraint: Sendable {
    public private(set) var matcher: GrammarMatcher
    public let vocabulary: GrammarVocabulary
    /// Set once end-of-sequence has been accepted; nothing is allowed after it.
    public private(set) var hasEnded = false

    public init(grammar: CompiledGrammar, vocabulary: GrammarVocabulary) {
        self.matcher = GrammarMatcher(grammar: grammar)
        self.vocabulary = vocabulary
    }

    /// Whether the text so far is a complete match (end-of-sequence would be allowed).
    public var isComplete: Bool { matcher.isComplete }

    /// Fast path: whether `token` may come next, walking only its own bytes.
    public func accepts(token: Int) -> Bool {
        !hasEnded && matcher.accepts(token: token, vocabulary: vocabulary)
    }

    /// The full mask of allowed tokens.
    public func allowedTokens() -> GrammarTokenMask {
        if hasEnded { return GrammarTokenMask(tokenCount: vocabulary.tokenCount) }
        return matcher.allowedTokens(vocabulary: vocabulary)
    }

    /// Sets the logit of every disallowed token to -infinity. `logits.count` must be at
    /// least the vocabulary size; entries past it (padding) are also disallowed.
    public func filter(logits: inout [Float]) {
        logits.withUnsafeMutableBufferPointer { filter(logits: $0) }
    }

    /// The same, on a buffer (e.g. the decoder's logits row, without copying it).
    public func filter(logits buffer: UnsafeMutableBufferPointer<Float>) {
        let mask = allowedTokens()
        for (wordIndex, word) in mask.words.enumerated() where word != ~0 {
            let base = wordIndex * 64
            var missing = ~word
            while missing != 0 {
                let token = base + missing.trailingZeroBitCount
                missing &= missing - 1
                if token < buffer.count { buffer[token] = -.infinity }
            }
        }
        if buffer.count > mask.tokenCount {
            for token in mask.tokenCount..<buffer.count { buffer[token] = -.infinity }
        }
    }

    /// The same for a candidate list (parallel `ids` and `logits`, as a sampler chain keeps
    /// them): disallowed candidates get -infinity.
    public func filter(candidateIDs ids: [Int32], logits: inout [Float]) {
        precondition(ids.count == logits.count, "one logit per candidate")
        let mask = allowedTokens()
        for i in ids.indices where !mask.contains(Int(ids[i])) { logits[i] = -.infinity }
    }

    /// `accepts(token:)` for 32-bit token ids.
    public func accepts(token: Int32) -> Bool { accepts(token: Int(token)) }

    /// `accept(token:)` for 32-bit token ids.
    public mutating func accept(token: Int32) throws(GrammarMatchError) { try accept(token: Int(token)) }

    /// Fast path then slow path in one call: if `candidate` is allowed, returns true and
    /// leaves `logits` alone; otherwise masks `logits` and returns false (sample again).
    public func check(candidate: Int, logits: inout [Float]) -> Bool {
        if accepts(token: candidate) { return true }
        filter(logits: &logits)
        return false
    }

    /// Advances past `token`. End-of-sequence is accepted only when complete.
    public mutating func accept(token: Int) throws(GrammarMatchError) {
        guard !hasEnded else { throw .tokenNotAllowed(token: token) }
        if token == vocabulary.endOfSequence {
            guard matcher.isComplete else { throw .tokenNotAllowed(token: token) }
            hasEnded = true
            return
        }
        let bytes = vocabulary.bytes(of: token)
        guard !bytes.isEmpty else { throw .tokenNotAllowed(token: token) }
        try matcher.advance(bytes: bytes)
    }
}
