import Foundation

/// A lazily built DFA over bytes whose states are `GrammarState`s, with token masks cached
/// per state. Shared by all matchers of one `CompiledGrammar`; every access holds `lock`.
///
/// Why: the pushdown step (`CompiledGrammar.step`) allocates stacks; a mask over a
/// 49,152-token vocabulary takes ~10⁵ steps. Memoizing (state, byte) → state makes a
/// repeated step one array load, and a repeated mask one dictionary lookup.
/// When the tables grow past their bounds they are dropped and rebuilt on demand
/// (`generation` changes, so matchers re-intern their state).
final class GrammarAutomaton: @unchecked Sendable {
    static let unknown: Int32 = -2
    static let rejected: Int32 = -1
    static let limitExceeded: Int32 = -3
    static let maxStates = 16_384
    static let maxMasks = 1024

    let lock = NSLock()
    private(set) var generation = 0
    private(set) var states: [GrammarState] = []
    private var ids: [GrammarState: Int32] = [:]
    /// transitions[state * 256 + byte]
    private var transitions: [Int32] = []
    private var masks: [Int32: GrammarTokenMask] = [:]
    private var maskVocabulary: GrammarVocabulary?

    /// Drops all tables when they have grown too big. Call only at the start of an
    /// operation (ids held by callers become stale: compare `generation`).
    func trimIfNeeded() {
        if states.count > Self.maxStates {
            states.removeAll(keepingCapacity: false)
            ids.removeAll(keepingCapacity: false)
            transitions.removeAll(keepingCapacity: false)
            masks.removeAll()
            generation += 1
        }
        if masks.count > Self.maxMasks { masks.removeAll() }
    }

    func intern(_ state: GrammarState) -> Int32 {
        if let id = ids[state] { return id }
        let id = Int32(states.count)
        states.append(state)
        ids[state] = id
        transitions.append(contentsOf: repeatElement(Self.unknown, count: 256))
        return id
    }

    /// The state after `byte`, or `rejected` / `limitExceeded`.
    @inline(__always)
    func transition(_ id: Int32, _ byte: UInt8, grammar: CompiledGrammar) -> Int32 {
        let slot = Int(id) &* 256 &+ Int(byte)
        let known = transitions[slot]
        if known != Self.unknown { return known }
        return computeTransition(slot: slot, id, byte, grammar: grammar)
    }

    @inline(never)
    private func computeTransition(slot: Int, _ id: Int32, _ byte: UInt8, grammar: CompiledGrammar) -> Int32 {
        let target: Int32
        switch grammar.step(states[Int(id)], byte: byte) {
        case .next(let state): target = intern(state)
        case .rejected: target = Self.rejected
        case .limitExceeded: target = Self.limitExceeded
        }
        transitions[slot] = target
        return target
    }

    func cachedMask(_ id: Int32, vocabulary: GrammarVocabulary) -> GrammarTokenMask? {
        maskVocabulary === vocabulary ? masks[id] : nil
    }

    func storeMask(_ mask: GrammarTokenMask, for id: Int32, vocabulary: GrammarVocabulary) {
        if maskVocabulary !== vocabulary {
            masks.removeAll()
            maskVocabulary = vocabulary
        }
        masks[id] = mask
    }
}
