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
    /// Bounds on the tables (variables so tests can exercise the trimming).
    var maxStates = 16_384
    var maxMasks = 1024

    let lock = NSLock()
    private(set) var generation = 0
    private(set) var states: [GrammarState] = []
    private var ids: [GrammarState: Int32] = [:]
    /// table[state * 256 + byte]: the transition table, `tableCapacity` states long,
    /// reallocated as states are added (so re-read `table` after `computeTransition`).
    private(set) var table: UnsafeMutablePointer<Int32>
    private var tableCapacity: Int

    init() {
        tableCapacity = 64
        table = .allocate(capacity: tableCapacity * 256)
    }

    deinit { table.deallocate() }
    private var masks: [Int32: GrammarTokenMask] = [:]
    /// Per state: 0 not yet known, 1 every word byte leads back to the state, 2 not.
    private var wordLoop: [UInt8] = []
    private var maskVocabulary: GrammarVocabulary?

    /// Drops all tables when they have grown too big. Call only at the start of an
    /// operation (ids held by callers become stale: compare `generation`).
    func trimIfNeeded() {
        if states.count > maxStates {
            states.removeAll(keepingCapacity: false)
            ids.removeAll(keepingCapacity: false)
            masks.removeAll()
            wordLoop.removeAll()
            generation += 1
        }
        if masks.count > maxMasks { masks.removeAll() }
    }

    func intern(_ state: GrammarState) -> Int32 {
        if let id = ids[state] { return id }
        let id = Int32(states.count)
        states.append(state)
        wordLoop.append(0)
        ids[state] = id
        if states.count > tableCapacity {
            let bigger = UnsafeMutablePointer<Int32>.allocate(capacity: tableCapacity * 2 * 256)
            bigger.moveInitialize(from: table, count: tableCapacity * 256)
            table.deallocate()
            table = bigger
            tableCapacity *= 2
        }
        (table + Int(id) * 256).initialize(repeating: Self.unknown, count: 256)
        return id
    }

    /// The state after `byte`, or `rejected` / `limitExceeded`.
    @inline(__always)
    func transition(_ id: Int32, _ byte: UInt8, grammar: CompiledGrammar) -> Int32 {
        let slot = Int(id) &* 256 &+ Int(byte)
        let known = table[slot]
        if known != Self.unknown { return known }
        return computeTransition(slot: slot, id, byte, grammar: grammar)
    }

    @inline(never)
    func computeTransition(slot: Int, _ id: Int32, _ byte: UInt8, grammar: CompiledGrammar) -> Int32 {
        let target: Int32
        switch grammar.step(states[Int(id)], byte: byte) {
        case .next(let state): target = intern(state)
        case .rejected: target = Self.rejected
        case .limitExceeded: target = Self.limitExceeded
        }
        table[slot] = target
        return target
    }

    /// Whether every word byte ([0-9A-Za-z_]) leads from state `id` back to itself, so
    /// any run of word bytes is accepted (identifiers, free text).
    func loopsOnWordBytes(_ id: Int32, grammar: CompiledGrammar) -> Bool {
        switch wordLoop[Int(id)] {
        case 1: return true
        case 2: return false
        default:
            let loops = GrammarVocabulary.wordBytes.allSatisfy { transition(id, $0, grammar: grammar) == id }
            wordLoop[Int(id)] = loops ? 1 : 2
            return loops
        }
    }

    /// Forgets the cached masks, keeping the transitions (for benchmarks).
    func forgetMasks() {
        lock.lock()
        masks.removeAll()
        lock.unlock()
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
