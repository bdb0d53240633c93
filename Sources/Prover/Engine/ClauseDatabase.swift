import Logic

/// Loading programs: clauses are compiled to template cells in the code area and indexed
/// on their first argument.
extension PrologMachine {
    /// Loads program text: clauses are added, directives (`:- table p/2.`,
    /// `:- initialization(G).`, `:- dynamic p/1.`, other goals) are obeyed in order.
    public func consult(_ text: String, file: String = "<input>") throws {
        try LargeStack.run { try self.consultOnThisStack(text, file: file) }
    }

    func consultOnThisStack(_ text: String, file: String) throws {
        var reader = PrologReader(text: text, file: file)
        clearTables()
        while let clause = try reader.next() {
            if case .compound(":-", let args) = clause.term, args.count == 1 {
                try directive(args[0], clause, file: file)
            } else if case .compound("?-", let args) = clause.term, args.count == 1 {
                try directive(args[0], clause, file: file)
            } else {
                try addClause(clause, file: file)
            }
        }
        flushOutput()
    }

    func directive(_ d: PrologTerm, _ clause: ReadClause, file: String) throws {
        func error(_ m: String) -> PrologSyntaxError { PrologSyntaxError(message: m, position: clause.position, file: file) }
        func indicators(_ t: PrologTerm) throws -> [(String, Int)] {
            switch t {
            case .compound(",", let a) where a.count == 2: return try indicators(a[0]) + indicators(a[1])
            case .compound("/", let a) where a.count == 2:
                if case .atom(let n) = a[0], case .integer(let k) = a[1], let arity = Int(k), arity >= 0, arity < 65536 { return [(n, arity)] }
                throw error("expected Name/Arity")
            case .list(let items, _): return try items.flatMap(indicators)
            default: throw error("expected Name/Arity")
            }
        }
        switch d {
        case .compound("table", let a) where a.count == 1:
            for (n, k) in try indicators(a[0]) {
                let p = try predicateIndex(functorCell(n, k), position: clause.position, file: file)
                if st.pointee.preds[p].tableID < 0 { st.pointee.preds[p].tableID = 0 }
            }
        case .compound("dynamic", let a) where a.count == 1, .compound("discontiguous", let a) where a.count == 1:
            for (n, k) in try indicators(a[0]) { _ = try predicateIndex(functorCell(n, k), position: clause.position, file: file) }
        case .compound("initialization", let a) where a.count >= 1:
            initializationGoals.append((a[0], clause.variableNames, clause.position, file))
        default:
            rebuildIndexesIfNeeded()
            do {
                _ = try solveOnce(d, variableNames: clause.variableNames)
            } catch is PrologHalt {
                halted = true
            } catch {
                emit("Warning: \(file):\(clause.position): directive failed: \(error)\n")
            }
        }
    }

    /// Runs the goals of `:- initialization(G).` directives, in order; errors become
    /// warnings in the output, as in SWI-Prolog.
    public func runInitialization() {
        try? LargeStack.run { self.runInitializationOnThisStack() }
    }

    func runInitializationOnThisStack() {
        let goals = initializationGoals
        initializationGoals = []
        for (g, names, pos, file) in goals {
            do {
                if try !solveOnce(g, variableNames: names) {
                    emit("Warning: \(file):\(pos): initialization goal failed\n")
                }
            } catch is PrologHalt {
                halted = true
                break
            } catch {
                emit("Warning: \(file):\(pos): initialization goal raised: \(error)\n")
            }
        }
        flushOutput()
    }

    /// The predicate for `f`, created when new. Builtins cannot be redefined; a library
    /// predicate is replaced by the first user clause for it.
    func predicateIndex(_ f: Cell, position: SourcePosition, file: String) throws -> Int {
        if let p = lookupProcedure(f) {
            if p < 0 {
                throw PrologSyntaxError(message: "permission_error(modify, static_procedure, \(indicator(f)))", position: position, file: file)
            }
            let pi = Int(p)
            if st.pointee.preds[pi].isLibrary && !loadingLibrary {
                st.pointee.preds[pi].isLibrary = false
                predicateClauses[pi] = []
                indexDirty = true
            }
            return pi
        }
        let pi = st.pointee.preds.count
        st.pointee.preds.append(PredicateInfo(functor: f, listStart: 0, hashStart: -1, hashMask: 0, varListStart: 0, tableID: -1, isLibrary: loadingLibrary))
        predicateClauses.append([])
        setProcedure(f, Int32(pi))
        indexDirty = true
        return pi
    }

    func addClause(_ clause: ReadClause, file: String) throws {
        var head = clause.term, body = PrologTerm.atom("true")
        if case .compound(":-", let a) = clause.term, a.count == 2 { head = a[0]; body = a[1] }
        func error(_ m: String) -> PrologSyntaxError { PrologSyntaxError(message: m, position: clause.position, file: file) }
        let f: Cell
        switch head {
        case .atom(let n): f = functorCell(n, 0)
        case .compound(let n, let args):
            guard args.count < 65536 else { throw error("arity too large") }
            f = functorCell(n, args.count)
        case .list: f = functorCell(".", 2)
        case .variable: throw error("instantiation_error: clause head is a variable")
        case .integer: throw error("type_error(callable, \(head)): clause head is a number")
        }
        let p = try predicateIndex(f, position: clause.position, file: file)
        var goals: [PrologTerm] = []
        try flattenBody(body, into: &goals, error: error)
        var compiler = ClauseCompiler(machine: self)
        let codeStart = st.pointee.code.count
        let headCell = compiler.emit(head)
        let bodyStart = st.pointee.code.count
        for _ in goals { st.pointee.code.append(0) }
        for (i, g) in goals.enumerated() {
            st.pointee.code[bodyStart + i] = compiler.emit(g)
            if case .compound(_, let args) = g, args.count + 1 > st.pointee.argRegs.capacity {
                st.pointee.argRegs.grow(to: args.count + 1)
            }
        }
        let cellCount = st.pointee.code.count - codeStart
        var key: Cell = 0
        if tagOf(headCell) == Tag.str && functorArity(f) > 0 {
            let a = st.pointee.code[payload(headCell) + 1]
            switch tagOf(a) {
            case Tag.atom, Tag.int: key = a
            case Tag.str: key = st.pointee.code[payload(a)]
            default: key = 0
            }
        }
        let ci = st.pointee.clauses.count
        st.pointee.clauses.append(CompiledClause(
            head: headCell, bodyStart: bodyStart, bodyCount: goals.count, varCount: compiler.varCount,
            key: key, heapNeed: cellCount + 4 * goals.count + 8,
            line: Int32(clamping: clause.position.line), column: Int32(clamping: clause.position.column), predicate: Int32(p),
            bodyProcStart: st.pointee.bodyProcedures.count))
        for _ in goals { st.pointee.bodyProcedures.append(0) }
        ensureRegisters(compiler.varCount + 1)
        predicateClauses[p].append(Int32(ci))
        clauseFiles.append(file)
        indexDirty = true
    }

    /// Splits a body into its top-level conjuncts; a variable goal becomes call(X).
    func flattenBody(_ b: PrologTerm, into goals: inout [PrologTerm], error: (String) -> PrologSyntaxError) throws {
        var t = b
        while case .compound(",", let a) = t, a.count == 2 {
            try flattenBody(a[0], into: &goals, error: error)
            t = a[1]
        }
        switch t {
        case .variable: goals.append(.compound("call", [t]))
        case .integer: throw error("type_error(callable, \(t)): body goal is a number")
        case .atom("true"): if goals.isEmpty && b == .atom("true") { return } else { goals.append(t) }
        default: goals.append(t)
        }
    }

    /// Rebuilds the index pool after clauses were added.
    func rebuildIndexesIfNeeded() {
        guard indexDirty else { return }
        indexDirty = false
        // Resolve the procedure of every static body goal.
        for ci in 0..<st.pointee.clauses.count {
            let c = st.pointee.clauses[ci]
            for i in 0..<c.bodyCount {
                let g = st.pointee.code[c.bodyStart + i]
                var f: Cell = 0
                if tagOf(g) == Tag.atom { f = makeFunctor(payload(g), 0) }
                if tagOf(g) == Tag.str { f = st.pointee.code[payload(g)] }
                var v: UInt32 = 0
                if f != 0, let proc = lookupProcedure(f) { v = UInt32(Int(proc) + procedureBias) }
                st.pointee.bodyProcedures[c.bodyProcStart + i] = v
            }
        }
        st.pointee.pool.count = 0
        st.pointee.hashPool.count = 0
        for p in 0..<st.pointee.preds.count {
            let list = predicateClauses[p]
            chooseIndexArgument(p, list)
            st.pointee.preds[p].listStart = st.pointee.pool.count
            for c in list { st.pointee.pool.append(c) }
            st.pointee.pool.append(-1)
            st.pointee.preds[p].hashStart = -1
            guard list.count > 8 else { continue }
            // Hash index: key -> pool list of the clauses with that key or a variable key.
            var keyed: [Cell: [Int32]] = [:]
            var keyOrder: [Cell] = []
            var varClauses: [Int32] = []
            for c in list {
                let k = st.pointee.clauses[Int(c)].key
                if k == 0 {
                    varClauses.append(c)
                    for key in keyOrder { keyed[key]!.append(c) }
                } else {
                    if keyed[k] == nil { keyed[k] = varClauses; keyOrder.append(k) }
                    keyed[k]!.append(c)
                }
            }
            st.pointee.preds[p].varListStart = st.pointee.pool.count
            for c in varClauses { st.pointee.pool.append(c) }
            st.pointee.pool.append(-1)
            var size = 16
            while size < keyOrder.count * 2 { size *= 2 }
            let hs = st.pointee.hashPool.count
            st.pointee.hashPool.reserve(2 * size)
            for _ in 0..<(2 * size) { st.pointee.hashPool.append(0) }
            for k in keyOrder {
                let start = st.pointee.pool.count
                for c in keyed[k]! { st.pointee.pool.append(c) }
                st.pointee.pool.append(-1)
                var i = Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> 40) & (size - 1)
                while st.pointee.hashPool[hs + 2 * i] != 0 { i = (i + 1) & (size - 1) }
                st.pointee.hashPool[hs + 2 * i] = k
                st.pointee.hashPool[hs + 2 * i + 1] = UInt64(start)
            }
            st.pointee.preds[p].hashStart = hs
            st.pointee.preds[p].hashMask = size - 1
        }
    }

    /// The key of a head-template argument: atom, small integer or functor; 0 for
    /// variables and GMP numbers (which match any call).
    func templateKey(_ head: Cell, argument i: Int) -> Cell {
        guard tagOf(head) == Tag.str, functorArity(st.pointee.code[payload(head)]) >= i else { return 0 }
        let a = st.pointee.code[payload(head) + i]
        switch tagOf(a) {
        case Tag.atom, Tag.int: return a
        case Tag.str: return st.pointee.code[payload(a)]
        default: return 0
        }
    }

    /// Picks the indexed argument of predicate `p` and stores each clause's key for it.
    func chooseIndexArgument(_ p: Int, _ list: [Int32]) {
        let arity = functorArity(st.pointee.preds[p].functor)
        var chosen = 1
        if arity > 1 {
            for i in 1...min(arity, 3) {
                if list.contains(where: { templateKey(st.pointee.clauses[Int($0)].head, argument: i) != 0 }) {
                    chosen = i
                    break
                }
            }
        }
        st.pointee.preds[p].indexArgument = chosen
        for c in list {
            st.pointee.clauses[Int(c)].key = templateKey(st.pointee.clauses[Int(c)].head, argument: chosen)
        }
    }

    /// Offset that makes every procedure code positive in a frame's cache field.
    var procedureBias: Int { 1 << 20 }

    /// Where a clause came from, for error messages.
    func clauseLocation(_ ci: Int) -> String {
        let c = st.pointee.clauses[ci]
        let f = st.pointee.preds[Int(c.predicate)].functor
        return "\(clauseFiles[ci]):\(c.line):\(c.column), clause of \(indicator(f))"
    }
}

/// Compiles a read term into template cells in the machine's code area, numbering
/// variables in the depth-first, left-to-right order that head unification and body
/// building follow, and flagging first occurrences.
struct ClauseCompiler {
    let machine: PrologMachine
    var varNumbers: [String: Int] = [:]
    var varCount = 0

    init(machine: PrologMachine) { self.machine = machine }

    mutating func emit(_ t: PrologTerm) -> Cell {
        let slot = machine.st.pointee.code.count
        machine.st.pointee.code.append(0)
        emitInto(slot, t)
        let c = machine.st.pointee.code[slot]
        return c
    }

    mutating func emitInto(_ slot0: Int, _ t0: PrologTerm) {
        var slot = slot0, t = t0
        while true {
            switch t {
            case .variable(let v):
                if let n = varNumbers[v] {
                    machine.st.pointee.code[slot] = makeTVar(n, first: false)
                } else {
                    varNumbers[v] = varCount
                    machine.st.pointee.code[slot] = makeTVar(varCount, first: true)
                    varCount += 1
                }
                return
            case .atom(let a):
                machine.st.pointee.code[slot] = makeAtom(machine.atom(a))
                return
            case .integer(let s):
                machine.st.pointee.code[slot] = machine.numberCell(s)
                return
            case .compound(let name, let args):
                let start = reserve(args.count + 1)
                machine.st.pointee.code[start] = machine.functorCell(name, args.count)
                machine.st.pointee.code[slot] = makeStr(start)
                for i in 0..<(args.count - 1) { emitInto(start + 1 + i, args[i]) }
                slot = start + args.count
                t = args[args.count - 1]
            case .list(let items, let tail):
                let dot = machine.functorCell(".", 2)
                for item in items {
                    let start = reserve(3)
                    machine.st.pointee.code[start] = dot
                    machine.st.pointee.code[slot] = makeStr(start)
                    emitInto(start + 1, item)
                    slot = start + 2
                }
                t = tail
            }
        }
    }

    mutating func reserve(_ n: Int) -> Int {
        let start = machine.st.pointee.code.count
        for _ in 0..<n { machine.st.pointee.code.append(0) }
        return start
    }
}

extension PrologMachine {
    /// The cell for an integer literal: unboxed when small, otherwise a GMP number.
    func numberCell(_ s: String) -> Cell {
        if let v = Int(s), fitsSmallInt(v) { return makeInt(v) }
        guard let b = BigInteger(decimal: s) else { return makeInt(0) }
        return bigCell(.integer(b))
    }

    /// Stores a number, unboxed when it fits a cell.
    func bigCell(_ n: Numeric) -> Cell {
        if case .int(let v) = n, fitsSmallInt(v) { return makeInt(v) }
        numbers.append(n)
        return makeBig(numbers.count - 1)
    }
}
