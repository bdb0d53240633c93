/// An incremental match of text against a `CompiledGrammar`, fed bytes (not characters),
/// so a UTF-8 code point may arrive split across tokens.
///
/// A value type: copying a matcher forks the match (`var b = a; b.advance(...)` leaves `a`
/// untouched), which is what a search needs. Copies are cheap (the stack set is
/// copy-on-write). The memo tables behind it live in the grammar and are thread-safe, so
/// forks may run on different threads.
public struct GrammarMatcher: Sendable {
    public let grammar: CompiledGrammar
    private var state: GrammarState
    /// The state's id in the grammar's automaton, valid while its generation matches.
    private var cachedID: Int32 = -1
    private var cachedGeneration = -1

    /// A matcher at the start of the grammar's start rule.
    public init(grammar: CompiledGrammar) {
        self.grammar = grammar
        // The root rule is non-left-recursive, so only an absurdly ambiguous grammar can
        // exceed the bounds here; such a matcher then accepts nothing.
        self.state = GrammarState(stacks: grammar.initialStacks() ?? [])
    }

    /// Whether the text so far is a complete match of the start rule (no partial code point).
    public var isComplete: Bool { state.isComplete }

    /// Whether no further byte can be accepted (every parse has ended).
    public var isFinished: Bool { state.pendingRemaining == 0 && state.stacks.allSatisfy(\.isEmpty) }

    /// Whether a code point has been started but not finished.
    public var hasPartialCodePoint: Bool { state.pendingRemaining != 0 }

    /// Whether `bytes` could follow the text so far. Does not change the matcher.
    /// The empty byte string is always accepted.
    public func accepts<Bytes: Sequence<UInt8>>(bytes: Bytes) -> Bool {
        let automaton = grammar.automaton
        automaton.lock.lock()
        defer { automaton.lock.unlock() }
        var id = currentID(automaton)
        for byte in bytes {
            id = automaton.transition(id, byte, grammar: grammar)
            if id < 0 { return false }
        }
        return true
    }

    /// Consumes `bytes`. On error the matcher is unchanged.
    public mutating func advance<Bytes: Sequence<UInt8>>(bytes: Bytes) throws(GrammarMatchError) {
        let automaton = grammar.automaton
        automaton.lock.lock()
        defer { automaton.lock.unlock() }
        automaton.trimIfNeeded()
        var id = currentID(automaton)
        var offset = 0
        for byte in bytes {
            id = automaton.transition(id, byte, grammar: grammar)
            if id == GrammarAutomaton.rejected { throw .rejected(offset: offset) }
            if id == GrammarAutomaton.limitExceeded { throw .limitExceeded(offset: offset) }
            offset += 1
        }
        state = automaton.states[Int(id)]
        cachedID = id
        cachedGeneration = automaton.generation
    }

    /// Consumes the UTF-8 bytes of `text`.
    public mutating func advance(text: String) throws(GrammarMatchError) {
        try advance(bytes: Array(text.utf8))
    }

    /// Whether the whole of `text` is a complete match from the start (a convenience for tests).
    public static func matches(_ text: String, grammar: CompiledGrammar) -> Bool {
        var matcher = GrammarMatcher(grammar: grammar)
        do { try matcher.advance(text: text) } catch { return false }
        return matcher.isComplete
    }

    /// The tokens that may come next: a token is allowed when all its bytes are accepted
    /// from the current state; tokens without bytes never are; end-of-sequence is allowed
    /// exactly when `isComplete`. Masks are cached per state (per vocabulary).
    ///
    /// Cost: a preorder walk of the vocabulary trie that skips the subtree of every
    /// rejected prefix; each visited node is one memoized transition.
    public func allowedTokens(vocabulary: GrammarVocabulary) -> GrammarTokenMask {
        let automaton = grammar.automaton
        automaton.lock.lock()
        defer { automaton.lock.unlock() }
        automaton.trimIfNeeded()
        let id = currentID(automaton)
        if let mask = automaton.cachedMask(id, vocabulary: vocabulary) { return mask }
        var mask = GrammarTokenMask(tokenCount: vocabulary.tokenCount)
        if let eos = vocabulary.endOfSequence, eos >= 0, eos < vocabulary.tokenCount, isComplete {
            mask.insert(eos)
        }
        mask.withUnsafeMutableWords { words in
        vocabulary.nodeByte.withUnsafeBufferPointer { bytes in
        vocabulary.nodeDepth.withUnsafeBufferPointer { depths in
        vocabulary.subtreeEnd.withUnsafeBufferPointer { ends in
        vocabulary.nodeTokenStart.withUnsafeBufferPointer { tokenStarts in
        vocabulary.nodeTokens.withUnsafeBufferPointer { tokens in
        vocabulary.subtreeIsWord.withUnsafeBufferPointer { wordSubtrees in
            // stateAt[d] is the state after the first d bytes of the current prefix.
            let stateAt = UnsafeMutablePointer<Int32>.allocate(capacity: vocabulary.maxTokenLength + 1)
            defer { stateAt.deallocate() }
            stateAt[0] = id
            // Raw reads of the transition table; re-read the pointer whenever a new
            // transition is computed (the table may have been reallocated).
            var table = automaton.table
            var node = 0
            let nodeCount = bytes.count
            while node < nodeCount {
                let depth = Int(depths[node])
                let from = stateAt[depth - 1]
                let slot = Int(from) &* 256 &+ Int(bytes[node])
                var next = table[slot]
                if next == GrammarAutomaton.unknown {
                    next = automaton.computeTransition(slot: slot, from, bytes[node], grammar: grammar)
                    table = automaton.table
                }
                if next < 0 {
                    node = Int(ends[node])
                    continue
                }
                stateAt[depth] = next
                var t = Int(tokenStarts[node])
                let tokenEnd = Int(tokenStarts[node + 1])
                while t < tokenEnd {
                    let token = Int(tokens[t])
                    words[token &>> 6] |= 1 &<< UInt64(token & 63)
                    t += 1
                }
                // Shortcut: below here only word bytes, and the state loops on them, so
                // every token of the subtree is allowed without walking it.
                let end = Int(ends[node])
                if end > node + 1, wordSubtrees[node], automaton.loopsOnWordBytes(next, grammar: grammar) {
                    table = automaton.table
                    var t = tokenEnd
                    let subtreeTokenEnd = Int(tokenStarts[end])
                    while t < subtreeTokenEnd {
                        let token = Int(tokens[t])
                        words[token &>> 6] |= 1 &<< UInt64(token & 63)
                        t += 1
                    }
                    node = end
                    continue
                }
                node += 1
            }
        }}}}}}}
        automaton.storeMask(mask, for: id, vocabulary: vocabulary)
        return mask
    }

    /// Whether token `token` may come next (the fast path: walks only its bytes).
    public func accepts(token: Int, vocabulary: GrammarVocabulary) -> Bool {
        if token == vocabulary.endOfSequence { return isComplete }
        let bytes = vocabulary.bytes(of: token)
        return !bytes.isEmpty && accepts(bytes: bytes)
    }

    private func currentID(_ automaton: GrammarAutomaton) -> Int32 {
        cachedGeneration == automaton.generation ? cachedID : automaton.intern(state)
    }
}
