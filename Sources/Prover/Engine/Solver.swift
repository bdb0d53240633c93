import Foundation

/// Builtin predicates, stored in the procedure table as negative codes.
enum Builtin: Int32, CaseIterable {
    case true_ = 1, fail, false_, conj, cut, disj, ifThen, naf, not
    case call1, call2, call3, call4, call5, call6, call7, call8
    case findall, ite, nafail, faAdd, softIfThen, softCut
    case unify, notUnify, identical, notIdentical, termLess, termGreater, termLessEq, termGreaterEq, compare
    case `is`, less, greater, lessEq, greaterEq, arithEq, arithNe
    case isVar, isNonvar, isAtom, isNumber, isInteger, isAtomic, isCompound, isCallable, isList
    case functor, arg, univ, copyTerm
    case write, print, writeln, writeq, writeCanonical, nl, halt, throw_
    case tblAdd, tblClauses, tblDone
    case atomCodes, atomLength, atomChars, charCode, numberCodes, atomNumber, atomConcat
    case abolishAllTables, repeatGoal, variant, notVariant, catchGoal, catchExit

    var signature: (String, Int) {
        switch self {
        case .true_: return ("true", 0)
        case .fail: return ("fail", 0)
        case .false_: return ("false", 0)
        case .conj: return (",", 2)
        case .cut: return ("!", 0)
        case .disj: return (";", 2)
        case .ifThen: return ("->", 2)
        case .naf: return ("\\+", 1)
        case .not: return ("not", 1)
        case .call1: return ("call", 1)
        case .call2: return ("call", 2)
        case .call3: return ("call", 3)
        case .call4: return ("call", 4)
        case .call5: return ("call", 5)
        case .call6: return ("call", 6)
        case .call7: return ("call", 7)
        case .call8: return ("call", 8)
        case .findall: return ("findall", 3)
        case .ite: return ("$ite", 1)
        case .nafail: return ("$nafail", 1)
        case .faAdd: return ("$fa_add", 2)
        case .softIfThen: return ("*->", 2)
        case .softCut: return ("$softcut", 1)
        case .unify: return ("=", 2)
        case .notUnify: return ("\\=", 2)
        case .identical: return ("==", 2)
        case .notIdentical: return ("\\==", 2)
        case .termLess: return ("@<", 2)
        case .termGreater: return ("@>", 2)
        case .termLessEq: return ("@=<", 2)
        case .termGreaterEq: return ("@>=", 2)
        case .compare: return ("compare", 3)
        case .is: return ("is", 2)
        case .less: return ("<", 2)
        case .greater: return (">", 2)
        case .lessEq: return ("=<", 2)
        case .greaterEq: return (">=", 2)
        case .arithEq: return ("=:=", 2)
        case .arithNe: return ("=\\=", 2)
        case .isVar: return ("var", 1)
        case .isNonvar: return ("nonvar", 1)
        case .isAtom: return ("atom", 1)
        case .isNumber: return ("number", 1)
        case .isInteger: return ("integer", 1)
        case .isAtomic: return ("atomic", 1)
        case .isCompound: return ("compound", 1)
        case .isCallable: return ("callable", 1)
        case .isList: return ("is_list", 1)
        case .functor: return ("functor", 3)
        case .arg: return ("arg", 3)
        case .univ: return ("=..", 2)
        case .copyTerm: return ("copy_term", 2)
        case .write: return ("write", 1)
        case .print: return ("print", 1)
        case .writeln: return ("writeln", 1)
        case .writeq: return ("writeq", 1)
        case .writeCanonical: return ("write_canonical", 1)
        case .nl: return ("nl", 0)
        case .halt: return ("halt", 0)
        case .throw_: return ("throw", 1)
        case .tblAdd: return ("$tbl_add", 2)
        case .tblClauses: return ("$tbl_clauses", 1)
        case .tblDone: return ("$tbl_done", 1)
        case .atomCodes: return ("atom_codes", 2)
        case .atomLength: return ("atom_length", 2)
        case .atomChars: return ("atom_chars", 2)
        case .charCode: return ("char_code", 2)
        case .numberCodes: return ("number_codes", 2)
        case .atomNumber: return ("atom_number", 2)
        case .atomConcat: return ("atom_concat", 3)
        case .abolishAllTables: return ("abolish_all_tables", 0)
        case .repeatGoal: return ("repeat", 0)
        case .variant: return ("=@=", 2)
        case .catchGoal: return ("catch", 3)
        case .catchExit: return ("$catch_exit", 1)
        case .notVariant: return ("\\=@=", 2)
        }
    }
}

/// Raised by halt/0.
struct PrologHalt: Error {}

extension PrologMachine {
    func registerBuiltins() {
        for (i, n) in KnownAtom.names.enumerated() {
            let id = atom(n)   // not inside precondition: -Ounchecked drops its argument
            precondition(id == i)
        }
        for b in Builtin.allCases {
            let (n, k) = b.signature
            setProcedure(functorCell(n, k), -b.rawValue)
        }
    }

    @inline(__always) func updateHB() {
        let n = st.pointee.cps.count
        st.pointee.hb = n > 0 ? st.pointee.cps.base[n - 1].heapTop : 0
    }

    @inline(__always) func pushChoicePoint(kind: Int, frame: Int, alt: Int, extra: Int) {
        st.pointee.cps.append(ChoicePoint(kind: kind, frame: frame, alt: alt, trailTop: st.pointee.trail.count,
                                          heapTop: st.pointee.heap.count, extra: extra))
        st.pointee.hb = st.pointee.heap.count
    }

    @inline(__always) func cutTo(_ b: Int) {
        if st.pointee.cps.count > b {
            st.pointee.cps.count = b
            updateHB()
        }
    }

    /// Allocates a goal frame: [goal, next frame, cut barrier, depth << 32 | clause].
    @inline(__always) func newFrame(_ goal: Cell, next: Int, cutB: Int, info: UInt64) -> Int {
        let f = st.pointee.heap.count
        st.pointee.heap.count = f + 4
        let h = st.pointee.heap.base
        h[f] = goal
        h[f + 1] = UInt64(truncatingIfNeeded: next)
        h[f + 2] = UInt64(truncatingIfNeeded: cutB)
        h[f + 3] = info
        return f
    }

    /// Runs from goal frame `start` until the continuation is empty (true) or failure
    /// falls below choice point `stopCP` (false).
    func run(_ start: Int, stopCP: Int) throws -> Bool {
        var frame = start
        while true {
            do {
                return try runUnprotected(frame, stopCP: stopCP)
            } catch let e as PrologError {
                guard let recovery = try recover(from: e, stopCP: stopCP) else { throw e }
                frame = recovery
            }
        }
    }

    /// The run loop proper; a negative `start` backtracks first.
    func runUnprotected(_ start: Int, stopCP: Int) throws -> Bool {
        var frame = start
        if frame < 0 {
            var next = -1
            while next < 0 {
                if st.pointee.cps.count <= stopCP { return false }
                next = try resume()
            }
            frame = next
        }
        while true {
            if frame == 0 { return true }
            var next = try step(frame)
            while next < 0 {
                if st.pointee.cps.count <= stopCP { return false }
                next = try resume()
            }
            frame = next
        }
    }

    /// Backtracks into the newest choice point for another solution.
    func redo(stopCP: Int) throws -> Bool {
        try run(-1, stopCP: stopCP)
    }

    /// catch/3: finds the newest active catch whose catcher unifies with the error's
    /// ball, restores the state it saved and returns the frame of its recovery goal.
    func recover(from e: PrologError, stopCP: Int) throws -> Int? {
        var i = st.pointee.cps.count - 1
        while i >= stopCP {
            let cp = st.pointee.cps.base[i]
            if cp.kind == ChoiceKind.catchGoal {
                untrail(to: cp.trailTop)
                st.pointee.heap.count = cp.heapTop
                st.pointee.cps.count = i
                updateHB()
                guard let ball = try? errorBall(e) else { return nil }
                let heap = st.pointee.heap.base
                let goal = deref(heap[cp.frame])
                let mark = st.pointee.trail.count
                let savedHB = st.pointee.hb
                st.pointee.hb = st.pointee.heap.count
                let ok = unify(heap[payload(goal) + 2], ball)
                st.pointee.hb = savedHB
                if ok {
                    let next = Int(truncatingIfNeeded: heap[cp.frame + 1])
                    let cutB = Int(truncatingIfNeeded: heap[cp.frame + 2] & 0xFFFF_FFFF)
                    return newFrame(heap[payload(goal) + 3], next: next, cutB: cutB, info: heap[cp.frame + 3])
                }
                untrail(to: mark)
            }
            i -= 1
        }
        return nil
    }

    /// The error as a heap term: the ball of throw/1, or `error(Formal, Context)`.
    func errorBall(_ e: PrologError) throws -> Cell {
        let text = e.fromThrow ? e.term : "error(\(e.term), context(\(quoteAtom(e.goal))))"
        let read = try PrologReader.readTerm(text)
        var compiler = ClauseCompiler(machine: self)
        let mark = st.pointee.code.count
        defer { st.pointee.code.count = mark }
        let cell = compiler.emit(read.term)
        ensureRegisters(compiler.varCount + 1)
        try ensureHeap(st.pointee.code.count - mark + 16)
        return buildTerm(cell, code: st.pointee.code.base)
    }

    func resume() throws -> Int {
        let top = st.pointee.cps.count - 1
        let cp = st.pointee.cps.base[top]
        untrail(to: cp.trailTop)
        st.pointee.heap.count = cp.heapTop
        switch cp.kind {
        case ChoiceKind.clauses:
            return try tryClauses(cp.frame, pos: cp.alt, key: UInt64(bitPattern: Int64(cp.extra)), cutParent: top, retry: true)
        case ChoiceKind.resume:
            st.pointee.cps.count = top
            updateHB()
            return cp.frame
        case ChoiceKind.findall:
            st.pointee.cps.count = top
            updateHB()
            return try finishFindall(cp)
        case ChoiceKind.tableRound:
            return try finishTableRound(top)
        case ChoiceKind.tableAnswers:
            return try nextTableAnswer(top)
        case ChoiceKind.repeatForever:
            return cp.frame
        case ChoiceKind.catchGoal:
            st.pointee.cps.count = top
            updateHB()
            return -1
        case ChoiceKind.dead:
            st.pointee.cps.count = top
            updateHB()
            return -1
        default:
            return -1
        }
    }

    /// Tries the clauses of the pool list from `pos` whose first-argument key matches,
    /// leaving a choice point only when another clause could match.
    @inline(__always) func tryClauses(_ frame: Int, pos p0: Int, key: Cell, cutParent: Int, retry: Bool) throws -> Int {
        let pool = st.pointee.pool.base
        let clauses = st.pointee.clauses.base
        var pos = p0
        while true {
            let ci = pool[pos]
            if ci < 0 {
                if retry { st.pointee.cps.count -= 1; updateHB() }
                return -1
            }
            let k = clauses[Int(ci)].key
            if key == 0 || k == 0 || k == key { break }
            pos += 1
        }
        let ci = Int(pool[pos])
        var alt = pos + 1
        while true {
            let cj = pool[alt]
            if cj < 0 { alt = -1; break }
            let k = clauses[Int(cj)].key
            if key == 0 || k == 0 || k == key { break }
            alt += 1
        }
        if alt >= 0 {
            if retry {
                st.pointee.cps.base[cutParent].alt = alt
            } else {
                pushChoicePoint(kind: ChoiceKind.clauses, frame: frame, alt: alt, extra: Int(Int64(bitPattern: key)))
            }
        } else if retry {
            st.pointee.cps.count -= 1
            updateHB()
        }
        try ensureHeap(clauses[ci].heapNeed)
        let heap = st.pointee.heap.base
        let goal = deref(heap[frame])
        let args = tagOf(goal) == Tag.str ? heap + payload(goal) : heap
        return try runClause(ci, args: args, next: Int(truncatingIfNeeded: heap[frame + 1]), cutParent: cutParent,
                             depth: heap[frame + 3] >> 32, frame: frame)
    }

    @inline(__always) func firstArgKey(_ argCell: Cell) -> Cell {
        let a = deref(argCell)
        switch tagOf(a) {
        case Tag.atom, Tag.int: return a
        case Tag.str: return st.pointee.heap.base[payload(a)]
        default: return 0
        }
    }

    /// Calls a user predicate: picks the candidate clauses through the index.
    @inline(__always) func callPredicate(_ p: Int, frame: Int, goalArgs: Int, arity: Int) throws -> Int {
        let pred = st.pointee.preds.base[p]
        if pred.tableID >= 0 { return try callTabled(p, frame: frame) }
        let heap = st.pointee.heap.base
        if Int(truncatingIfNeeded: heap[frame + 3] >> 32) >= st.pointee.depthLimit { throw PrologLimitExceeded(limit: "depth") }
        var key: Cell = 0
        if arity > 0 { key = firstArgKey(heap[goalArgs + pred.indexArgument]) }
        return try tryClauses(frame, pos: indexedList(pred, key: key), key: key, cutParent: st.pointee.cps.count, retry: false)
    }

    /// Executes the goal in `frame`; returns the next frame, or -1 on failure.
    func step(_ frame: Int) throws -> Int {
        try ensureHeap(256)
        st.pointee.steps += 1
        if st.pointee.steps >= st.pointee.stepLimit { throw PrologLimitExceeded(limit: "steps") }
        if st.pointee.steps & 0x3FFF == 0 && st.pointee.deadline != .max && DispatchTime.now().uptimeNanoseconds > st.pointee.deadline {
            throw PrologLimitExceeded(limit: "time")
        }
        let heap = st.pointee.heap.base
        let goal = deref(heap[frame])
        let f: Cell
        var args = 0
        switch tagOf(goal) {
        case Tag.str:
            args = payload(goal)
            f = heap[args]
        case Tag.atom:
            f = makeFunctor(payload(goal), 0)
        case Tag.ref:
            throw error("instantiation_error", frame)
        default:
            throw error("type_error(callable, \(format(goal, quoted: true)))", frame)
        }
        let cached = heap[frame + 2] >> 32
        let proc: Int32
        if cached != 0 {
            proc = Int32(truncatingIfNeeded: Int(cached) - procedureBias)
        } else {
            guard let p = lookupProcedure(f) else {
                throw error("existence_error(procedure, \(indicator(f)))", frame)
            }
            proc = p
        }
        if proc >= 0 { return try callPredicate(Int(proc), frame: frame, goalArgs: args, arity: functorArity(f)) }
        return try callBuiltin(proc, frame: frame, goal: goal, functor: f, args: args)
    }

    /// Executes a builtin or control construct (kept out of `step` so that the common
    /// path, a user predicate call, has a small stack frame).
    @inline(never)
    func callBuiltin(_ proc: Int32, frame: Int, goal: Cell, functor f: Cell, args: Int) throws -> Int {
        let heap = st.pointee.heap.base
        let next = Int(truncatingIfNeeded: heap[frame + 1])
        let cutB = Int(truncatingIfNeeded: heap[frame + 2] & 0xFFFF_FFFF)
        let info = heap[frame + 3]
        @inline(__always) func arg(_ i: Int) -> Cell { st.pointee.heap.base[args + i] }
        switch Builtin(rawValue: -proc)! {
        case .true_:
            return next
        case .fail, .false_:
            return -1
        case .conj:
            let fb = newFrame(arg(2), next: next, cutB: cutB, info: info)
            return newFrame(arg(1), next: fb, cutB: cutB, info: info)
        case .cut:
            cutTo(cutB)
            return next
        case .disj:
            let left = deref(arg(1))
            if tagOf(left) == Tag.str && st.pointee.heap.base[payload(left)] == KnownAtom.arrowFunctor {
                let lp = payload(left)
                return ifThenElse(cond: heap[lp + 1], then: heap[lp + 2], else: arg(2), next: next, cutB: cutB, info: info)
            }
            if tagOf(left) == Tag.str && st.pointee.heap.base[payload(left)] == makeFunctor(atom("*->"), 2) {
                let lp = payload(left)
                return ifThenElse(cond: heap[lp + 1], then: heap[lp + 2], else: arg(2), next: next, cutB: cutB, info: info, soft: true)
            }
            let fb = newFrame(arg(2), next: next, cutB: cutB, info: info)
            pushChoicePoint(kind: ChoiceKind.resume, frame: fb, alt: 0, extra: 0)
            return newFrame(left, next: next, cutB: cutB, info: info)
        case .ifThen:
            return ifThenElse(cond: arg(1), then: arg(2), else: makeAtom(KnownAtom.fail), next: next, cutB: cutB, info: info)
        case .naf, .not:
            let b0 = st.pointee.cps.count
            pushChoicePoint(kind: ChoiceKind.resume, frame: next, alt: 0, extra: 0)
            let failGoal = structure(KnownAtom.nafailFunctor, [makeInt(b0)])
            let ff = newFrame(failGoal, next: 0, cutB: b0, info: info)
            return newFrame(arg(1), next: ff, cutB: b0 + 1, info: info)
        case .ite:
            cutTo(intValue(deref(arg(1))))
            return next
        case .softIfThen:
            return ifThenElse(cond: arg(1), then: arg(2), else: makeAtom(KnownAtom.fail), next: next, cutB: cutB, info: info, soft: true)
        case .softCut:
            // Disable the else branch but keep the condition's other solutions.
            st.pointee.cps.base[intValue(deref(arg(1)))].kind = ChoiceKind.dead
            return next
        case .nafail:
            cutTo(intValue(deref(arg(1))))
            return -1
        case .call1, .call2, .call3, .call4, .call5, .call6, .call7, .call8:
            let extra = functorArity(f) - 1
            var g = deref(arg(1))
            if extra > 0 {
                var items: [Cell] = []
                let name: Int
                switch tagOf(g) {
                case Tag.atom: name = payload(g)
                case Tag.str:
                    let gp = payload(g)
                    let gf = st.pointee.heap.base[gp]
                    name = functorAtom(gf)
                    for i in 1...functorArity(gf) { items.append(st.pointee.heap.base[gp + i]) }
                case Tag.ref: throw error("instantiation_error", frame)
                default: throw error("type_error(callable, \(format(g, quoted: true)))", frame)
                }
                for i in 0..<extra { items.append(arg(2 + i)) }
                g = structure(makeFunctor(name, items.count), items)
            }
            return newFrame(g, next: next, cutB: st.pointee.cps.count, info: info)
        case .findall:
            let id = findallStores.count
            findallStores.append(TermStore())
            pushChoicePoint(kind: ChoiceKind.findall, frame: frame, alt: 0, extra: id)
            let add = structure(KnownAtom.faAddFunctor, [makeInt(id), arg(1)])
            let fa = newFrame(add, next: 0, cutB: 0, info: info)
            return newFrame(arg(2), next: fa, cutB: st.pointee.cps.count, info: info)
        case .faAdd:
            let id = intValue(deref(arg(1)))
            let (root, vars) = try flatten(arg(2), into: &findallStores[id].cells)
            findallStores[id].roots.append(root)
            findallStores[id].varCounts.append(vars)
            return -1
        case .unify:
            return unify(arg(1), arg(2)) ? next : -1
        case .notUnify:
            let mark = st.pointee.trail.count
            let savedHB = st.pointee.hb
            st.pointee.hb = st.pointee.heap.count   // trail every binding so it can be undone
            let ok = unify(arg(1), arg(2))
            untrail(to: mark)
            st.pointee.hb = savedHB
            return ok ? -1 : next
        case .identical:
            return compareTerms(arg(1), arg(2)) == 0 ? next : -1
        case .notIdentical:
            return compareTerms(arg(1), arg(2)) != 0 ? next : -1
        case .termLess:
            return compareTerms(arg(1), arg(2)) < 0 ? next : -1
        case .termGreater:
            return compareTerms(arg(1), arg(2)) > 0 ? next : -1
        case .termLessEq:
            return compareTerms(arg(1), arg(2)) <= 0 ? next : -1
        case .termGreaterEq:
            return compareTerms(arg(1), arg(2)) >= 0 ? next : -1
        case .compare:
            let c = compareTerms(arg(2), arg(3))
            return unify(arg(1), makeAtom(atom(c < 0 ? "<" : (c > 0 ? ">" : "=")))) ? next : -1
        case .is:
            let v = try evaluate(arg(2), frame)
            return unify(arg(1), v) ? next : -1
        case .less, .greater, .lessEq, .greaterEq, .arithEq, .arithNe:
            let c = try compareArithmetic(arg(1), arg(2), frame)
            let ok: Bool
            switch Builtin(rawValue: -proc)! {
            case .less: ok = c < 0
            case .greater: ok = c > 0
            case .lessEq: ok = c <= 0
            case .greaterEq: ok = c >= 0
            case .arithEq: ok = c == 0
            default: ok = c != 0
            }
            return ok ? next : -1
        case .isVar:
            return tagOf(deref(arg(1))) == Tag.ref ? next : -1
        case .isNonvar:
            return tagOf(deref(arg(1))) != Tag.ref ? next : -1
        case .isAtom:
            return tagOf(deref(arg(1))) == Tag.atom ? next : -1
        case .isNumber, .isInteger:
            // There are no floats; rationals are numbers but not integers.
            let a = deref(arg(1))
            if tagOf(a) == Tag.int { return next }
            if tagOf(a) == Tag.big { return (proc == -Builtin.isNumber.rawValue || numbers[payload(a)].isInteger) ? next : -1 }
            return -1
        case .isAtomic:
            let t = tagOf(deref(arg(1)))
            return t == Tag.atom || t == Tag.int || t == Tag.big ? next : -1
        case .isCompound:
            return tagOf(deref(arg(1))) == Tag.str ? next : -1
        case .isCallable:
            let t = tagOf(deref(arg(1)))
            return t == Tag.atom || t == Tag.str ? next : -1
        case .isList:
            var l = deref(arg(1))
            while tagOf(l) == Tag.str && st.pointee.heap.base[payload(l)] == KnownAtom.dotFunctor {
                l = deref(st.pointee.heap.base[payload(l) + 2])
            }
            return l == KnownAtom.emptyList ? next : -1
        case .functor:
            return try functorBuiltin(arg(1), arg(2), arg(3), frame) ? next : -1
        case .arg:
            return try argBuiltin(arg(1), arg(2), arg(3), frame) ? next : -1
        case .univ:
            return try univBuiltin(arg(1), arg(2), frame) ? next : -1
        case .copyTerm:
            var store: [Cell] = []
            let (root, vars) = try flatten(arg(1), into: &store)
            let copy = try store.withUnsafeMutableBufferPointer { try instantiate(root, varCount: vars, cells: $0.baseAddress!, cellCount: $0.count) }
            return unify(arg(2), copy) ? next : -1
        case .write, .print:
            emit(format(arg(1), quoted: false))
            return next
        case .writeln:
            emit(format(arg(1), quoted: false) + "\n")
            return next
        case .writeq:
            emit(format(arg(1), quoted: true))
            return next
        case .writeCanonical:
            emit(format(arg(1), quoted: true, ignoreOps: true))
            return next
        case .nl:
            emit("\n")
            return next
        case .halt:
            throw PrologHalt()
        case .throw_:
            let t = deref(arg(1))
            if tagOf(t) == Tag.ref { throw error("instantiation_error", frame) }
            var e = error(format(t, quoted: true, spacing: true), frame)
            e.fromThrow = true
            throw e
        case .tblAdd:
            return try tableAdd(arg(1), arg(2))
        case .tblClauses:
            let g = deref(arg(1))
            let gp = tagOf(g) == Tag.str ? payload(g) : 0
            let gf = tagOf(g) == Tag.str ? st.pointee.heap.base[gp] : makeFunctor(payload(g), 0)
            let p = Int(lookupProcedure(gf)!)
            var saved = st.pointee.preds.base[p]
            saved.tableID = -1
            let fr = newFrame(g, next: next, cutB: 0, info: info)
            return try callUntabled(saved, frame: fr, goalArgs: gp, arity: functorArity(gf))
        case .tblDone:
            return -1
        case .variant, .notVariant:
            let same = try variantKey(arg(1)) == variantKey(arg(2))
            return same == (proc == -Builtin.variant.rawValue) ? next : -1
        case .catchGoal:
            let i = st.pointee.cps.count
            pushChoicePoint(kind: ChoiceKind.catchGoal, frame: frame, alt: 0, extra: 0)
            let exit = newFrame(structure(functorCell("$catch_exit", 1), [makeInt(i)]), next: next, cutB: cutB, info: info)
            return newFrame(arg(1), next: exit, cutB: st.pointee.cps.count, info: info)
        case .catchExit:
            // The goal exited: its catch is no longer active.
            let i = intValue(deref(arg(1)))
            if i < st.pointee.cps.count && st.pointee.cps.base[i].kind == ChoiceKind.catchGoal {
                st.pointee.cps.base[i].kind = ChoiceKind.dead
            }
            return next
        case .repeatGoal:
            pushChoicePoint(kind: ChoiceKind.repeatForever, frame: next, alt: 0, extra: 0)
            return next
        case .abolishAllTables:
            if !tabling.stack.isEmpty { throw error("permission_error(abolish, tables, incomplete)", frame) }
            tables = []
            tableIDs = [:]
            tabling = TablingState()
            return next
        case .atomCodes, .atomLength, .atomChars, .charCode, .numberCodes, .atomNumber, .atomConcat:
            return try textBuiltin(Builtin(rawValue: -proc)!, args: args, frame: frame) ? next : -1
        }
    }

    func callUntabled(_ pred: PredicateInfo, frame: Int, goalArgs: Int, arity: Int) throws -> Int {
        var key: Cell = 0
        if arity > 0 { key = firstArgKey(st.pointee.heap.base[goalArgs + pred.indexArgument]) }
        return try tryClauses(frame, pos: pred.listStart, key: key, cutParent: st.pointee.cps.count, retry: false)
    }

    /// `(C -> T ; E)`: a choice point for E, then C with its own cut barrier, then a
    /// `$ite` goal that cuts back (removing E and C's alternatives) before T.
    @inline(__always) func ifThenElse(cond: Cell, then: Cell, else e: Cell, next: Int, cutB: Int, info: UInt64, soft: Bool = false) -> Int {
        let b0 = st.pointee.cps.count
        let fe = newFrame(e, next: next, cutB: cutB, info: info)
        pushChoicePoint(kind: ChoiceKind.resume, frame: fe, alt: 0, extra: 0)
        let ft = newFrame(then, next: next, cutB: cutB, info: info)
        let marker = soft ? structure(functorCell("$softcut", 1), [makeInt(b0)]) : structure(KnownAtom.iteFunctor, [makeInt(b0)])
        let fi = newFrame(marker, next: ft, cutB: cutB, info: info)
        return newFrame(cond, next: fi, cutB: b0 + 1, info: info)
    }

    /// Builds `f(args...)` on the heap.
    func structure(_ f: Cell, _ args: [Cell]) -> Cell {
        let h = st.pointee.heap.count
        st.pointee.heap.count = h + args.count + 1
        let heap = st.pointee.heap.base
        heap[h] = f
        for (i, a) in args.enumerated() { heap[h + 1 + i] = a }
        return makeStr(h)
    }

    /// Builds a list of `items` ending in `tail`.
    func makeList(_ items: [Cell], tail: Cell = KnownAtom.emptyList) throws -> Cell {
        try ensureHeap(3 * items.count + 4)
        var l = tail
        for x in items.reversed() { l = structure(KnownAtom.dotFunctor, [x, l]) }
        return l
    }

    func finishFindall(_ cp: ChoicePoint) throws -> Int {
        let store = findallStores.removeLast()
        var items: [Cell] = []
        items.reserveCapacity(store.roots.count)
        var cells = store.cells
        try ensureHeap(cells.count + 3 * store.roots.count + 16)
        try cells.withUnsafeMutableBufferPointer { buf in
            for (r, n) in zip(store.roots, store.varCounts) {
                items.append(try instantiate(r, varCount: n, cells: buf.baseAddress!, cellCount: 0))
            }
        }
        let list = try makeList(items)
        let heap = st.pointee.heap.base
        let goal = deref(heap[cp.frame])
        if !unify(heap[payload(goal) + 3], list) { return -1 }
        return Int(truncatingIfNeeded: heap[cp.frame + 1])
    }

    /// An ISO error raised by the goal in `frame`.
    func error(_ term: String, _ frame: Int) -> PrologError {
        let heap = st.pointee.heap.base
        let goal = format(heap[frame], quoted: true, maxDepth: 6)
        let ci = Int(heap[frame + 3] & 0xFFFF_FFFF)
        let location = ci < st.pointee.clauses.count ? clauseLocation(ci) : nil
        return PrologError(term: term, goal: goal, location: location)
    }
}
