// Unification and template instantiation on the heap. Templates (compiled clauses,
// findall results, table answers) are cells whose `str` payloads index a code base and
// whose variables are `tvar` cells numbered in depth-first, left-to-right order; the
// first occurrence is flagged so that it can bind a register without a check.

extension PrologMachine {
    @inline(__always) func deref(_ c0: Cell) -> Cell {
        var c = c0
        let heap = st.pointee.heap.base
        while tagOf(c) == Tag.ref {
            let v = heap[payload(c)]
            if v == c { return c }
            c = v
        }
        return c
    }

    /// Binds the unbound variable `v` to `value`, trailing it when a choice point could
    /// need the old value back.
    @inline(__always) func bind(_ v: Cell, _ value: Cell) {
        let i = payload(v)
        st.pointee.heap.base[i] = value
        if i < st.pointee.hb { st.pointee.trail.append(i) }
    }

    /// Undoes bindings down to trail height `top`.
    @inline(__always) func untrail(to top: Int) {
        let heap = st.pointee.heap.base
        let trail = st.pointee.trail.base
        var t = st.pointee.trail.count
        while t > top {
            t -= 1
            let i = trail[t]
            heap[i] = makeRef(i)
        }
        st.pointee.trail.count = top
    }

    /// General unification of two heap terms (no occurs check), iterative.
    func unify(_ a: Cell, _ b: Cell) -> Bool {
        // Fast path: a variable on either side, or equal cells, needs no stack.
        let da = deref(a), db = deref(b)
        if da == db { return true }
        if tagOf(da) == Tag.ref {
            if tagOf(db) == Tag.ref && payload(db) > payload(da) { bind(db, da) } else { bind(da, db) }
            return true
        }
        if tagOf(db) == Tag.ref { bind(db, da); return true }
        if tagOf(da) != Tag.str && tagOf(da) != Tag.big { return false }
        return unifyStructures(da, db)
    }

    func unifyStructures(_ a: Cell, _ b: Cell) -> Bool {
        var sp = 0
        st.pointee.pdl.reserve(2)
        var pdl = st.pointee.pdl.base
        pdl[0] = a; pdl[1] = b; sp = 2
        let heap = st.pointee.heap.base
        // Two cyclic terms (there is no occurs check) could make this loop forever; the
        // budget bounds it, and unification then fails.
        var budget = 100_000_000
        while sp > 0 {
            budget -= 1
            if budget == 0 { return false }
            var y = pdl[sp - 1], x = pdl[sp - 2]
            sp -= 2
            x = deref(x); y = deref(y)
            if x == y { continue }
            let tx = tagOf(x), ty = tagOf(y)
            if tx == Tag.ref {
                if ty == Tag.ref && payload(y) > payload(x) { bind(y, x) } else { bind(x, y) }
                continue
            }
            if ty == Tag.ref { bind(y, x); continue }
            if tx != ty { return false }
            if tx == Tag.str {
                let px = payload(x), py = payload(y)
                let f = heap[px]
                if f != heap[py] { return false }
                let n = functorArity(f)
                if sp + 2 * n > st.pointee.pdl.capacity {
                    st.pointee.pdl.count = sp
                    st.pointee.pdl.reserve(2 * n + 16)
                    pdl = st.pointee.pdl.base
                }
                var i = n
                while i >= 1 {
                    pdl[sp] = heap[px + i]; pdl[sp + 1] = heap[py + i]
                    sp += 2
                    i -= 1
                }
                continue
            }
            if tx == Tag.big {
                if Numeric.compare(numbers[payload(x)], numbers[payload(y)]) != 0 { return false }
                continue
            }
            return false
        }
        return true
    }

    /// Unifies a clause-head template argument with a heap term; the first occurrence of a
    /// variable simply takes the heap term.
    @inline(__always) func unifyHead(_ t0: Cell, _ c0: Cell, code: UnsafeMutablePointer<Cell>) -> Bool {
        var t = t0, c = c0
        let regs = st.pointee.regs.base
        while true {
            switch tagOf(t) {
            case Tag.tvar:
                if tvarIsFirst(t) { regs[tvarNumber(t)] = c; return true }
                return unify(regs[tvarNumber(t)], c)
            case Tag.str:
                c = deref(c)
                let tc = tagOf(c)
                if tc == Tag.ref {
                    bind(c, buildTerm(t, code: code))
                    return true
                }
                if tc != Tag.str { return false }
                let pt = payload(t), pc = payload(c)
                let f = code[pt]
                let heap = st.pointee.heap.base
                if heap[pc] != f { return false }
                let n = functorArity(f)
                var i = 1
                while i < n {
                    let a = code[pt + i]
                    if tagOf(a) == Tag.tvar && tvarIsFirst(a) {
                        regs[tvarNumber(a)] = heap[pc + i]
                    } else if !unifyHead(a, heap[pc + i], code: code) {
                        return false
                    }
                    i += 1
                }
                t = code[pt + n]
                c = heap[pc + n]
            case Tag.big:
                c = deref(c)
                if tagOf(c) == Tag.ref { bind(c, t); return true }
                if tagOf(c) != Tag.big { return false }
                return Numeric.compare(numbers[payload(c)], numbers[payload(t)]) == 0
            default:
                c = deref(c)
                if c == t { return true }
                if tagOf(c) == Tag.ref { bind(c, t); return true }
                return false
            }
        }
    }

    /// Instantiates a template into heap cell `slot` (which must already be allocated).
    @inline(__always) func buildInto(_ slot0: Int, _ t0: Cell, code: UnsafeMutablePointer<Cell>) {
        var slot = slot0, t = t0
        let heap = st.pointee.heap.base
        let regs = st.pointee.regs.base
        while true {
            switch tagOf(t) {
            case Tag.tvar:
                if tvarIsFirst(t) {
                    heap[slot] = makeRef(slot)
                    regs[tvarNumber(t)] = makeRef(slot)
                } else {
                    heap[slot] = regs[tvarNumber(t)]
                }
                return
            case Tag.str:
                let pt = payload(t)
                let f = code[pt]
                let n = functorArity(f)
                let h = st.pointee.heap.count
                st.pointee.heap.count = h + n + 1
                heap[h] = f
                heap[slot] = makeStr(h)
                var i = 1
                while i < n {
                    // Flat arguments are written here; only nested structures recurse.
                    let a = code[pt + i]
                    let ta = tagOf(a)
                    if ta == Tag.tvar {
                        if tvarIsFirst(a) {
                            heap[h + i] = makeRef(h + i)
                            regs[tvarNumber(a)] = makeRef(h + i)
                        } else {
                            heap[h + i] = regs[tvarNumber(a)]
                        }
                    } else if ta == Tag.str {
                        buildInto(h + i, a, code: code)
                    } else {
                        heap[h + i] = a
                    }
                    i += 1
                }
                slot = h + n
                t = code[pt + n]
            default:
                heap[slot] = t
                return
            }
        }
    }

    /// Instantiates a template and returns the heap cell for it.
    @inline(__always) func buildTerm(_ t: Cell, code: UnsafeMutablePointer<Cell>) -> Cell {
        switch tagOf(t) {
        case Tag.str:
            let pt = payload(t)
            let f = code[pt]
            let n = functorArity(f)
            let h = st.pointee.heap.count
            st.pointee.heap.count = h + n + 1
            let heap = st.pointee.heap.base
            let regs = st.pointee.regs.base
            heap[h] = f
            for i in 1...n {
                let a = code[pt + i]
                if tagOf(a) == Tag.tvar {
                    if tvarIsFirst(a) {
                        heap[h + i] = makeRef(h + i)
                        regs[tvarNumber(a)] = makeRef(h + i)
                    } else {
                        heap[h + i] = regs[tvarNumber(a)]
                    }
                } else if tagOf(a) == Tag.str {
                    buildInto(h + i, a, code: code)
                } else {
                    heap[h + i] = a
                }
            }
            return makeStr(h)
        case Tag.tvar:
            if !tvarIsFirst(t) { return st.pointee.regs.base[tvarNumber(t)] }
            let h = st.pointee.heap.count
            st.pointee.heap.count = h + 1
            buildInto(h, t, code: code)
            return st.pointee.heap.base[h]
        default:
            return t
        }
    }

    /// Makes sure `n` more heap cells can be allocated, growing the heap or raising
    /// `limit: memory`.
    @inline(__always) func ensureHeap(_ n: Int) throws {
        if st.pointee.heap.count + n > st.pointee.heap.capacity {
            if st.pointee.heap.count + n > st.pointee.heapLimit { throw PrologLimitExceeded(limit: "memory") }
            st.pointee.heap.grow(to: st.pointee.heap.count + n)
        }
    }

    /// Makes sure the registers can hold `n` template variables.
    func ensureRegisters(_ n: Int) {
        if n > st.pointee.regs.capacity { st.pointee.regs.grow(to: n) }
    }
}

/// Terms copied out of the heap so that they survive backtracking: findall results,
/// table answers and variant keys. Each entry is a root template cell; `str` payloads
/// index `cells`.
struct TermStore {
    var cells: [Cell] = []
    var roots: [Cell] = []
    var varCounts: [Int] = []
}

extension PrologMachine {
    /// Copies a heap term into `cells` as a template (variables numbered in first-occurrence
    /// order) and returns its root cell and variable count. Cyclic or absurdly large terms
    /// raise `limit: memory`.
    func flatten(_ c: Cell, into cells: inout [Cell], canonical: Bool = false) throws -> (Cell, Int) {
        var marked: [Int] = []
        var varCount = 0
        defer {
            let heap = st.pointee.heap.base
            for i in marked { heap[i] = makeRef(i) }
        }
        func copyInto(_ slot0: Int, _ c0: Cell, depth: Int) throws {
            var slot = slot0, c = c0
            while true {
                c = deref(c)
                switch tagOf(c) {
                case Tag.ref:
                    let i = payload(c)
                    // A `tvar` mark replaces the variable while copying; deref stops at it.
                    st.pointee.heap.base[i] = makeTVar(varCount, first: false)
                    marked.append(i)
                    varCount += 1
                    cells[slot] = makeTVar(varCount - 1, first: true)
                    return
                case Tag.tvar:
                    cells[slot] = makeTVar(tvarNumber(c), first: false)
                    return
                case Tag.str:
                    if depth > 200_000 { throw PrologLimitExceeded(limit: "term depth") }
                    if cells.count > st.pointee.heapLimit { throw PrologLimitExceeded(limit: "memory") }
                    let p = payload(c)
                    let f = st.pointee.heap.base[p]
                    let n = functorArity(f)
                    let start = cells.count
                    cells.append(f)
                    for _ in 0..<n { cells.append(0) }
                    cells[slot] = makeStr(start)
                    var i = 1
                    while i < n {
                        try copyInto(start + i, st.pointee.heap.base[p + i], depth: depth + 1)
                        i += 1
                    }
                    slot = start + n
                    c = st.pointee.heap.base[p + n]
                case Tag.big:
                    cells[slot] = canonical ? canonicalBig(payload(c)) : c
                    return
                default:
                    cells[slot] = c
                    return
                }
            }
        }
        let rootSlot = cells.count
        cells.append(0)
        try copyInto(rootSlot, c, depth: 0)
        return (cells[rootSlot], varCount)
    }

    /// A `big` cell whose index is the same for equal values (used in variant keys).
    func canonicalBig(_ i: Int) -> Cell {
        let key = numbers[i].description
        if let j = canonicalNumbers[key] { return makeBig(j) }
        canonicalNumbers[key] = i
        return makeBig(i)
    }

    /// Instantiates template `root` from `cells` onto the heap.
    func instantiate(_ root: Cell, varCount: Int, cells: UnsafeMutablePointer<Cell>, cellCount: Int) throws -> Cell {
        try ensureHeap(cellCount + 1)
        ensureRegisters(varCount)
        return buildTerm(root, code: cells)
    }
}
