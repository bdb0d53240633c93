/// Tabling by iterated evaluation to a fixpoint (linear tabling in the style of
/// B-Prolog's, which computes the same answers as SLG resolution for definite programs).
///
/// The first call to a tabled goal (a *variant* is the goal up to variable renaming)
/// evaluates its clauses in a round whose answers go into the table instead of to the
/// caller. A call to a variant that is still being evaluated does not recurse: it consumes
/// the answers found so far, including those added while it is consuming. The oldest
/// table of a strongly connected group (the *leader*) repeats rounds until a round adds
/// no answer anywhere; then it and its followers are complete and their answers are
/// returned to the callers. Negation over incomplete tables is not stratified.
final class AnswerTable {
    enum State { case fresh, evaluating, incomplete, complete }
    var state = State.fresh
    var cells: [Cell] = []
    var roots: [Cell] = []
    var varCounts: [Int] = []
    var answerKeys: Set<[Cell]> = []
    var stackPosition = 0
    var lowlink = 0
    var round = -1
}

struct TablingState {
    struct Evaluation { var table: Int; var lowlink: Int; var pendingStart: Int }
    var stack: [Evaluation] = []
    var pending: [Int] = []
    var answersAdded = 0
    var round = 0
}

extension PrologMachine {
    /// Forgets incomplete tables (left by an error or a limit) before a new query.
    func resetTabling() {
        tabling = TablingState()
        for (key, id) in tableIDs where tables[id].state != .complete {
            tableIDs[key] = nil
            tables[id] = AnswerTable()
        }
    }

    /// Drops every table (the program changed).
    func clearTables() {
        tables = []
        tableIDs = [:]
        tabling = TablingState()
    }

    func variantKey(_ c: Cell) throws -> [Cell] {
        var key: [Cell] = []
        let (root, _) = try flatten(c, into: &key, canonical: true)
        key.append(root)
        return key
    }

    func callTabled(_ p: Int, frame: Int) throws -> Int {
        let goal = deref(st.pointee.heap.base[frame])
        let key = try variantKey(goal)
        let tid: Int
        if let id = tableIDs[key] {
            tid = id
        } else {
            tid = tables.count
            tables.append(AnswerTable())
            tableIDs[key] = tid
        }
        let t = tables[tid]
        switch t.state {
        case .complete:
            return try consumeTable(tid, frame: frame)
        case .evaluating:
            noteDependency(on: t.stackPosition)
            return try consumeTable(tid, frame: frame)
        case .incomplete where t.round == tabling.round:
            noteDependency(on: t.lowlink)
            return try consumeTable(tid, frame: frame)
        case .fresh, .incomplete:
            t.state = .evaluating
            t.stackPosition = tabling.stack.count
            t.round = tabling.round
            tabling.stack.append(.init(table: tid, lowlink: t.stackPosition, pendingStart: tabling.pending.count))
            pushChoicePoint(kind: ChoiceKind.tableRound, frame: frame, alt: tabling.answersAdded, extra: tid)
            return startRound(tid, frame: frame)
        }
    }

    func noteDependency(on position: Int) {
        guard !tabling.stack.isEmpty else { return }
        let top = tabling.stack.count - 1
        tabling.stack[top].lowlink = min(tabling.stack[top].lowlink, position)
    }

    /// Frames for one round: `'$tbl_clauses'(G), '$tbl_add'(T, G), fail`.
    func startRound(_ tid: Int, frame: Int) -> Int {
        let heap = st.pointee.heap.base
        let goal = heap[frame]
        let info = heap[frame + 3]
        let add = structure(makeFunctor(KnownAtom.tblAdd, 2), [makeInt(tid), goal])
        let fa = newFrame(add, next: 0, cutB: 0, info: info)
        let call = structure(makeFunctor(KnownAtom.tblClauses, 1), [goal])
        return newFrame(call, next: fa, cutB: st.pointee.cps.count, info: info)
    }

    /// Every clause of the round has been tried: repeat, or complete, or hand over to the
    /// leader; then return answers.
    func finishTableRound(_ top: Int) throws -> Int {
        let cp = st.pointee.cps.base[top]
        let tid = cp.extra
        let t = tables[tid]
        let entry = tabling.stack.removeLast()
        if entry.lowlink < t.stackPosition {
            // A follower: it depends on an older table still being evaluated.
            st.pointee.cps.count = top
            updateHB()
            t.state = .incomplete
            t.lowlink = entry.lowlink
            tabling.pending.append(tid)
            noteDependency(on: entry.lowlink)
            return try consumeTable(tid, frame: cp.frame)
        }
        if tabling.answersAdded != cp.alt {
            // New answers somewhere: another round, with followers re-evaluated.
            tabling.round += 1
            t.round = tabling.round
            tabling.stack.append(.init(table: tid, lowlink: t.stackPosition, pendingStart: entry.pendingStart))
            st.pointee.cps.base[top].alt = tabling.answersAdded
            return startRound(tid, frame: cp.frame)
        }
        st.pointee.cps.count = top
        updateHB()
        t.state = .complete
        for f in tabling.pending[entry.pendingStart...] { tables[f].state = .complete }
        tabling.pending.removeSubrange(entry.pendingStart...)
        return try consumeTable(tid, frame: cp.frame)
    }

    func consumeTable(_ tid: Int, frame: Int) throws -> Int {
        pushChoicePoint(kind: ChoiceKind.tableAnswers, frame: frame, alt: 0, extra: tid)
        return try nextTableAnswer(st.pointee.cps.count - 1)
    }

    func nextTableAnswer(_ top: Int) throws -> Int {
        let cp = st.pointee.cps.base[top]
        let t = tables[cp.extra]
        var i = cp.alt
        while true {
            if i >= t.roots.count {
                st.pointee.cps.count = top
                updateHB()
                return -1
            }
            let last = i == t.roots.count - 1 && t.state == .complete
            if last {
                st.pointee.cps.count = top
                updateHB()
            } else {
                st.pointee.cps.base[top].alt = i + 1
            }
            let answer = try t.cells.withUnsafeMutableBufferPointer {
                try instantiate(t.roots[i], varCount: t.varCounts[i], cells: $0.baseAddress!, cellCount: $0.count)
            }
            let heap = st.pointee.heap.base
            if unify(heap[cp.frame], answer) { return Int(truncatingIfNeeded: heap[cp.frame + 1]) }
            if last { return -1 }
            untrail(to: cp.trailTop)
            st.pointee.heap.count = cp.heapTop
            i += 1
        }
    }

    /// `'$tbl_add'(T, G)`: records G as an answer of table T when it is new; always fails.
    func tableAdd(_ tidCell: Cell, _ goal: Cell) throws -> Int {
        let t = tables[intValue(deref(tidCell))]
        var key: [Cell] = []
        let (root, n) = try flatten(goal, into: &key, canonical: true)
        key.append(root)
        guard t.answerKeys.insert(key).inserted else { return -1 }
        let offset = t.cells.count
        key.removeLast()
        for c in key { t.cells.append(tagOf(c) == Tag.str ? makeStr(payload(c) + offset) : c) }
        t.roots.append(tagOf(root) == Tag.str ? makeStr(payload(root) + offset) : root)
        t.varCounts.append(n)
        tabling.answersAdded += 1
        return -1
    }
}
