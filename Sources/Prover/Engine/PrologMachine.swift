import Foundation
import Logic

/// A choice point: what to try next when execution fails back to it.
struct ChoicePoint {
    var kind: Int
    /// The goal frame the choice point resumes (kind-specific meaning).
    var frame: Int
    /// Kind-specific position: next clause in the index pool, next answer, ...
    var alt: Int
    var trailTop: Int
    var heapTop: Int
    /// Kind-specific datum: first-argument key, findall collector, table id.
    var extra: Int
}

enum ChoiceKind {
    static let clauses = 0       // more clauses of a user predicate
    static let resume = 1        // continue at `frame` (else-branch of ;, ->, \+)
    static let findall = 2       // collect findall results when the goal is exhausted
    static let tableRound = 3    // one evaluation round of a tabled call has finished
    static let tableAnswers = 4  // return the next answer of a table
    static let stop = 5          // never resumed: the bottom of a query
    static let dead = 6          // disabled by a soft cut: just fails further
    static let repeatForever = 7 // repeat/0: resumes `frame` every time
    static let catchGoal = 8     // an active catch/3; failing into it just fails
}

/// A clause compiled to template cells in the code area.
struct CompiledClause {
    var head: Cell
    var bodyStart: Int
    var bodyCount: Int
    var varCount: Int
    var key: Cell
    var heapNeed: Int
    var line: Int32
    var column: Int32
    var predicate: Int32
    /// Position in `EngineState.bodyProcedures` of the resolved procedures of the body goals.
    var bodyProcStart: Int
}

/// A user predicate and its first-argument index.
struct PredicateInfo {
    var functor: Cell
    /// Index-pool position of the list of all clauses (terminated by -1).
    var listStart: Int
    /// Hash index on the first argument: position in `hashPool` and mask, or -1.
    var hashStart: Int
    var hashMask: Int
    /// Pool list of the clauses whose first argument is a variable.
    var varListStart: Int
    var tableID: Int
    var isLibrary: Bool
    /// The argument the index is built on: the first one, unless every clause has a
    /// variable there and a later argument (up to the third) discriminates.
    var indexArgument: Int = 1
}

/// Everything the hot loop touches, in one struct behind one pointer: no reference
/// counting and no exclusivity checks on the way to a cell.
struct EngineState {
    var heap = FlatBuffer<Cell>(capacity: 1 << 20)
    var trail = FlatBuffer<Int>(capacity: 1 << 16)
    var cps = FlatBuffer<ChoicePoint>(capacity: 1 << 14)
    var code = FlatBuffer<Cell>(capacity: 1 << 16)
    var regs = FlatBuffer<Cell>(capacity: 1 << 12)
    /// Argument registers: the arguments of a user-predicate goal called straight from a
    /// clause body (1-based), read by the callee's head without a goal term on the heap.
    var argRegs = FlatBuffer<Cell>(capacity: 1 << 8)
    var pdl = FlatBuffer<Cell>(capacity: 1 << 12)
    var clauses = FlatBuffer<CompiledClause>(capacity: 1 << 10)
    var preds = FlatBuffer<PredicateInfo>(capacity: 1 << 8)
    var pool = FlatBuffer<Int32>(capacity: 1 << 10)
    var hashPool = FlatBuffer<UInt64>(capacity: 1 << 4)
    /// Per body goal: its procedure code + `procedureBias`, or 0 when unknown or dynamic
    /// (a variable goal); lets a call skip the procedure-table lookup.
    var bodyProcedures = FlatBuffer<UInt32>(capacity: 1 << 10)
    var procKeys = FlatBuffer<UInt64>(capacity: 1 << 10)
    var procValues = FlatBuffer<Int32>(capacity: 1 << 10)
    var procCount = 0
    /// Heap top at the newest choice point: bindings of older cells must be trailed.
    var hb = 0
    var steps = 0
    var stepLimit = Int.max
    var depthLimit = Int.max
    var heapLimit = 1 << 27
    var deadline: UInt64 = .max

    mutating func deallocate() {
        heap.deallocate(); trail.deallocate(); cps.deallocate(); code.deallocate()
        regs.deallocate(); argRegs.deallocate(); pdl.deallocate(); clauses.deallocate(); preds.deallocate()
        pool.deallocate(); hashPool.deallocate(); procKeys.deallocate(); procValues.deallocate()
    }
}

/// A Prolog engine: a clause database compiled to template cells, a heap of tagged
/// 64-bit cells, a trail and a choice-point stack (a structure-copying design in the
/// spirit of the WAM). Not thread-safe; use one machine per thread.
///
///     let m = PrologMachine()
///     try m.consult("app([], L, L).\napp([H|T], L, [H|R]) :- app(T, L, R).")
///     print(m.topLevel("app(X, Y, [1,2])", all: true))
public final class PrologMachine {
    let st: UnsafeMutablePointer<EngineState>
    var atomNames: [String] = []
    var atomIDs: [String: Int] = [:]
    /// GMP integers and rationals referenced by `big` cells.
    var numbers: [Numeric] = []
    var canonicalNumbers: [String: Int] = [:]
    var clauseFiles: [String] = []
    var predicateClauses: [[Int32]] = []
    var indexDirty = false
    var findallStores: [TermStore] = []
    var tables: [AnswerTable] = []
    var tableIDs: [[UInt64]: Int] = [:]
    var tabling = TablingState()
    var initializationGoals: [(PrologTerm, [String], SourcePosition, String)] = []
    /// Text written by write/1 and friends that has not been handed to `onOutput` yet.
    var pendingOutput = ""
    /// Receives program output (write/1, nl/0, ...). Defaults to standard output.
    public var onOutput: (String) -> Void = { s in FileHandle.standardOutput.write(s.data(using: .utf8)!) }
    /// Limits applied to each query.
    public var limits = PrologLimits()
    var loadingLibrary = false
    /// Set when a directive or initialization goal called halt/0.
    public internal(set) var halted = false

    public init() {
        st = .allocate(capacity: 1)
        st.initialize(to: EngineState())
        st.pointee.heap.count = 4   // frame 0 is the "done" sentinel
        for _ in 0..<st.pointee.procKeys.capacity { st.pointee.procKeys.append(0); st.pointee.procValues.append(0) }
        registerBuiltins()
        loadingLibrary = true
        do { try consult(PrologLibrary.source, file: "<library>") } catch { preconditionFailure("library: \(error)") }
        loadingLibrary = false
    }

    deinit {
        st.pointee.deallocate()
        st.deallocate()
    }

    // MARK: - Symbols

    func atom(_ name: String) -> Int {
        if let a = atomIDs[name] { return a }
        let a = atomNames.count
        atomNames.append(name)
        atomIDs[name] = a
        return a
    }

    func functorCell(_ name: String, _ arity: Int) -> Cell { makeFunctor(atom(name), arity) }

    func functorName(_ f: Cell) -> String { atomNames[functorAtom(f)] }

    func indicator(_ f: Cell) -> String { "\(quoteAtom(functorName(f)))/\(functorArity(f))" }

    // MARK: - Procedure table (functor cell -> predicate index or -builtin code)

    @inline(__always) func lookupProcedure(_ f: Cell) -> Int32? {
        let mask = st.pointee.procKeys.count - 1
        var i = Int(truncatingIfNeeded: (f &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
        let keys = st.pointee.procKeys.base
        while true {
            let k = keys[i]
            if k == f { return st.pointee.procValues.base[i] }
            if k == 0 { return nil }
            i = (i + 1) & mask
        }
    }

    func setProcedure(_ f: Cell, _ v: Int32) {
        if (st.pointee.procCount + 1) * 2 > st.pointee.procKeys.count { rehashProcedures() }
        let mask = st.pointee.procKeys.count - 1
        var i = Int(truncatingIfNeeded: (f &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
        while true {
            let k = st.pointee.procKeys[i]
            if k == f { st.pointee.procValues[i] = v; return }
            if k == 0 {
                st.pointee.procKeys[i] = f
                st.pointee.procValues[i] = v
                st.pointee.procCount += 1
                return
            }
            i = (i + 1) & mask
        }
    }

    func rehashProcedures() {
        let oldKeys = Array(UnsafeBufferPointer(start: st.pointee.procKeys.base, count: st.pointee.procKeys.count))
        let oldValues = Array(UnsafeBufferPointer(start: st.pointee.procValues.base, count: st.pointee.procValues.count))
        let newSize = oldKeys.count * 2
        st.pointee.procKeys.count = 0
        st.pointee.procValues.count = 0
        st.pointee.procKeys.reserve(newSize)
        st.pointee.procValues.reserve(newSize)
        for _ in 0..<newSize { st.pointee.procKeys.append(0); st.pointee.procValues.append(0) }
        st.pointee.procCount = 0
        for (k, v) in zip(oldKeys, oldValues) where k != 0 { setProcedure(k, v) }
    }

    // MARK: - Output

    func emit(_ s: String) {
        pendingOutput += s
        if pendingOutput.utf8.count > 1 << 14 { flushOutput() }
    }

    func flushOutput() {
        if !pendingOutput.isEmpty {
            onOutput(pendingOutput)
            pendingOutput = ""
        }
    }
}
