import Foundation

/// Running a selected clause: head unification, the inline prefix of its body, and then
/// either frames for the rest of the body or a direct call.
///
/// Direct calls: when the first body goal left after the inline prefix is a user
/// predicate (not tabled), its arguments are put into the argument registers
/// (`EngineState.argRegs`) instead of being built as a goal term in a heap frame, the
/// remaining goals become the continuation frames, and the callee's clause is entered in
/// the same loop, its head unified against the registers. Only when the callee leaves a
/// choice point is the goal term built on the heap (the choice point retries it from
/// there). Step, depth, time and memory bounds are checked on every direct call exactly
/// as `step` checks them for a frame.
extension PrologMachine {
    /// The index-pool list to try for a call of `pred` whose indexed argument has `key`.
    @inline(__always) func indexedList(_ pred: PredicateInfo, key: Cell) -> Int {
        guard pred.hashStart >= 0 && key != 0 else { return pred.listStart }
        let hp = st.pointee.hashPool.base
        let mask = pred.hashMask
        var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
        while true {
            let k = hp[pred.hashStart + 2 * i]
            if k == key { return Int(hp[pred.hashStart + 2 * i + 1]) }
            if k == 0 { return pred.varListStart }
            i = (i + 1) & mask
        }
    }

    /// Enters clause `ci0` for a goal whose arguments are `args0[1...n]`; `frame0` is the
    /// goal's frame (reusable for a last call) or -1. Returns the next frame, or -1.
    func runClause(_ ci0: Int, args args0: UnsafeMutablePointer<Cell>, next next0: Int, cutParent cut0: Int,
                   depth depth0: UInt64, frame frame0: Int) throws -> Int {
        var ci = ci0, args = args0, next = next0, cutParent = cut0, depth = depth0, frame = frame0
        while true {
            let clause = st.pointee.clauses.base[ci]
            let code = st.pointee.code.base
            let head = clause.head
            if tagOf(head) == Tag.str {
                let hp = payload(head)
                let n = functorArity(code[hp])
                let regs = st.pointee.regs.base
                var i = 1
                while i <= n {
                    let a = code[hp + i]
                    switch tagOf(a) {
                    case Tag.tvar where tvarIsFirst(a):
                        regs[tvarNumber(a)] = args[i]
                    case Tag.atom, Tag.int:
                        let c = deref(args[i])
                        if c != a {
                            if tagOf(c) != Tag.ref { return -1 }
                            bind(c, a)
                        }
                    case Tag.str:
                        if !unifyHeadStructure(a, args[i], code: code, regs: regs) { return -1 }
                    default:
                        if !unifyHead(a, args[i], code: code) { return -1 }
                    }
                    i += 1
                }
            }
            let k = clause.bodyCount
            if k == 0 { return next }
            let procs = st.pointee.bodyProcedures.base
            // Leading arithmetic, `!`, `true` and simple `=` run here, straight from the template.
            var first = 0
            while first < k {
                let cached = Int(procs[clause.bodyProcStart + first])
                if cached == 0 || cached >= procedureBias { break }
                let outcome = inlineGoal(cached - procedureBias, code[clause.bodyStart + first], cutParent: cutParent, code: code)
                if outcome == .notInline { break }
                if outcome == .failed { return -1 }
                first += 1
            }
            if first == k { return next }
            let info = (depth + 1) << 32 | UInt64(ci)
            let cached = Int(procs[clause.bodyProcStart + first])
            if cached >= procedureBias && st.pointee.preds.base[cached - procedureBias].tableID < 0 {
                // A direct call of the user predicate that the body continues with.
                let pred = st.pointee.preds.base[cached - procedureBias]
                let g = code[clause.bodyStart + first]
                let argRegs = st.pointee.argRegs.base
                var n = 0
                if tagOf(g) == Tag.str {
                    let pg = payload(g)
                    n = functorArity(code[pg])
                    var i = 1
                    while i <= n {
                        argRegs[i] = buildTerm(code[pg + i], code: code)
                        i += 1
                    }
                }
                var cont = next
                if first + 1 < k {
                    let heap = st.pointee.heap.base
                    let fbase = st.pointee.heap.count
                    st.pointee.heap.count = fbase + 4 * (k - first - 1)
                    var i = first + 1
                    while i < k {
                        let fr = fbase + 4 * (i - first - 1)
                        heap[fr + 1] = i == k - 1 ? UInt64(truncatingIfNeeded: next) : UInt64(fr + 4)
                        heap[fr + 2] = UInt64(cutParent) | UInt64(procs[clause.bodyProcStart + i]) << 32
                        heap[fr + 3] = info
                        buildInto(fr, code[clause.bodyStart + i], code: code)
                        i += 1
                    }
                    cont = fbase
                }
                // The bounds `step` checks for every goal.
                st.pointee.steps += 1
                if st.pointee.steps >= st.pointee.stepLimit { throw PrologLimitExceeded(limit: "steps") }
                if st.pointee.steps & 0x3FFF == 0 && st.pointee.deadline != .max && DispatchTime.now().uptimeNanoseconds > st.pointee.deadline {
                    throw PrologLimitExceeded(limit: "time")
                }
                if Int(truncatingIfNeeded: depth + 1) >= st.pointee.depthLimit { throw PrologLimitExceeded(limit: "depth") }
                var key: Cell = 0
                if n > 0 { key = firstArgKey(argRegs[pred.indexArgument]) }
                let (callee, alt) = candidateClause(from: indexedList(pred, key: key), key: key)
                if callee < 0 { return -1 }
                let calleeCut = st.pointee.cps.count
                if alt >= 0 {
                    // The callee leaves a choice point: build its goal so that it can be retried.
                    try ensureHeap(n + 8)
                    let heap = st.pointee.heap.base
                    var goal = g
                    if n > 0 {
                        let h = st.pointee.heap.count
                        st.pointee.heap.count = h + n + 1
                        heap[h] = code[payload(g)]
                        var i = 1
                        while i <= n { heap[h + i] = argRegs[i]; i += 1 }
                        goal = makeStr(h)
                    }
                    let fr = newFrame(goal, next: cont, cutB: cutParent, info: info)
                    heap[fr + 2] |= UInt64(cached) << 32
                    pushChoicePoint(kind: ChoiceKind.clauses, frame: fr, alt: alt, extra: Int(Int64(bitPattern: key)))
                }
                try ensureHeap(st.pointee.clauses.base[callee].heapNeed)
                ci = callee
                args = argRegs
                next = cont
                cutParent = calleeCut
                depth += 1
                frame = -1
                continue
            }
            let heap = st.pointee.heap.base
            if k - first == 1 && frame >= 0 && frame >= st.pointee.hb {
                // Last call with no choice point newer than the caller's frame: nothing can
                // return to that frame, so the callee reuses its four cells.
                heap[frame + 1] = UInt64(truncatingIfNeeded: next)
                heap[frame + 2] = UInt64(cutParent) | UInt64(procs[clause.bodyProcStart + first]) << 32
                heap[frame + 3] = info
                buildInto(frame, code[clause.bodyStart + first], code: code)
                return frame
            }
            let fbase = st.pointee.heap.count
            st.pointee.heap.count = fbase + 4 * (k - first)
            var i = first
            while i < k {
                let fr = fbase + 4 * (i - first)
                heap[fr + 1] = i == k - 1 ? UInt64(truncatingIfNeeded: next) : UInt64(fr + 4)
                heap[fr + 2] = UInt64(cutParent) | UInt64(procs[clause.bodyProcStart + i]) << 32
                heap[fr + 3] = info
                buildInto(fr, code[clause.bodyStart + i], code: code)
                i += 1
            }
            return fbase
        }
    }

    /// A structure argument of a clause head against goal argument `c0`: one level is done
    /// here (reading the goal's arguments, or building the structure when the goal has a
    /// variable), deeper levels and repeated variables go through `unifyHead`.
    @inline(__always) func unifyHeadStructure(_ t: Cell, _ c0: Cell, code: UnsafeMutablePointer<Cell>,
                                              regs: UnsafeMutablePointer<Cell>) -> Bool {
        let c = deref(c0)
        let pt = payload(t)
        let f = code[pt]
        let n = functorArity(f)
        let heap = st.pointee.heap.base
        switch tagOf(c) {
        case Tag.ref:
            let h = st.pointee.heap.count
            st.pointee.heap.count = h + n + 1
            heap[h] = f
            var j = 1
            while j <= n {
                let a = code[pt + j]
                switch tagOf(a) {
                case Tag.tvar:
                    if tvarIsFirst(a) {
                        heap[h + j] = makeRef(h + j)
                        regs[tvarNumber(a)] = makeRef(h + j)
                    } else {
                        heap[h + j] = regs[tvarNumber(a)]
                    }
                case Tag.str:
                    buildInto(h + j, a, code: code)
                default:
                    heap[h + j] = a
                }
                j += 1
            }
            bind(c, makeStr(h))
            return true
        case Tag.str:
            let pc = payload(c)
            if heap[pc] != f { return false }
            var j = 1
            while j <= n {
                let a = code[pt + j]
                if tagOf(a) == Tag.tvar && tvarIsFirst(a) {
                    regs[tvarNumber(a)] = heap[pc + j]
                } else if !unifyHead(a, heap[pc + j], code: code) {
                    return false
                }
                j += 1
            }
            return true
        default:
            return false
        }
    }

    /// The first clause from pool position `p0` whose key is compatible with `key`, and
    /// the pool position of the next such clause (-1 when there is none); (-1, -1) when
    /// no clause matches.
    @inline(__always) func candidateClause(from p0: Int, key: Cell) -> (Int, Int) {
        let pool = st.pointee.pool.base
        let clauses = st.pointee.clauses.base
        var pos = p0
        while true {
            let ci = pool[pos]
            if ci < 0 { return (-1, -1) }
            let k = clauses[Int(ci)].key
            if key == 0 || k == 0 || k == key { break }
            pos += 1
        }
        var alt = pos + 1
        while true {
            let cj = pool[alt]
            if cj < 0 { return (Int(pool[pos]), -1) }
            let k = clauses[Int(cj)].key
            if key == 0 || k == 0 || k == key { return (Int(pool[pos]), alt) }
            alt += 1
        }
    }
}
