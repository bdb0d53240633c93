/// Leading body goals executed straight from the clause template, without building them
/// on the heap: `is/2` and the arithmetic comparisons on machine integers, `!` and
/// `true`. Evaluation reads template variables from the registers, so `X1 is X - 1`
/// with a fresh `X1` puts the integer into the register and allocates nothing.
///
/// Anything the fast path cannot decide (a rational or GMP operand, an unbound
/// variable, overflow, a zero divisor, an unknown evaluable) stops the inline prefix
/// before it changes any state; that goal and the rest of the body are then built as
/// frames and run through the general builtins, which raise the ISO errors with the
/// goal and clause position exactly as before.
extension PrologMachine {
    /// Outcome of `inlineGoal`.
    enum InlineOutcome { case done, failed, notInline }

    /// Tries to execute body goal template `g` (resolved procedure code `proc`).
    @inline(__always) func inlineGoal(_ proc: Int, _ g: Cell, cutParent: Int, code: UnsafeMutablePointer<Cell>) -> InlineOutcome {
        let b = -proc
        if b == Int(Builtin.cut.rawValue) { cutTo(cutParent); return .done }
        if b == Int(Builtin.true_.rawValue) { return .done }
        if b == Int(Builtin.unify.rawValue) { return tagOf(g) == Tag.str ? inlineUnify(g, code: code) : .notInline }
        if b < Int(Builtin.is.rawValue) || b > Int(Builtin.arithNe.rawValue) || tagOf(g) != Tag.str { return .notInline }
        let p = payload(g)
        var ok = true
        if b == Int(Builtin.is.rawValue) {
            let lhs = code[p + 1]
            guard tagOf(lhs) == Tag.tvar else { return .notInline }
            let regs = st.pointee.regs.base
            // `X is X + 1` with X fresh: the expression must not read the stale register.
            if tvarIsFirst(lhs) { regs[tvarNumber(lhs)] = KnownAtom.emptyList }
            let v = evalTemplate(code[p + 2], &ok, code: code, depth: 0)
            if !ok || !fitsSmallInt(v) { return .notInline }
            if tvarIsFirst(lhs) { regs[tvarNumber(lhs)] = makeInt(v); return .done }
            let x = deref(regs[tvarNumber(lhs)])
            switch tagOf(x) {
            case Tag.ref: bind(x, makeInt(v)); return .done
            case Tag.int: return intValue(x) == v ? .done : .failed
            default: return .notInline
            }
        }
        let x = evalTemplate(code[p + 1], &ok, code: code, depth: 0)
        if !ok { return .notInline }
        let y = evalTemplate(code[p + 2], &ok, code: code, depth: 0)
        if !ok { return .notInline }
        let holds: Bool
        switch b {
        case Int(Builtin.less.rawValue): holds = x < y
        case Int(Builtin.greater.rawValue): holds = x > y
        case Int(Builtin.lessEq.rawValue): holds = x <= y
        case Int(Builtin.greaterEq.rawValue): holds = x >= y
        case Int(Builtin.arithEq.rawValue): holds = x == y
        default: holds = x != y
        }
        return holds ? .done : .failed
    }

    /// `A = B` where each side is a variable or an atomic constant: a fresh variable
    /// takes the other side's value, anything else goes through general unification.
    @inline(__always) func inlineUnify(_ g: Cell, code: UnsafeMutablePointer<Cell>) -> InlineOutcome {
        let p = payload(g)
        let a = code[p + 1], b = code[p + 2]
        let ta = tagOf(a), tb = tagOf(b)
        let aSimple = ta == Tag.atom || ta == Tag.int || (ta == Tag.tvar && !tvarIsFirst(a))
        let bSimple = tb == Tag.atom || tb == Tag.int || (tb == Tag.tvar && !tvarIsFirst(b))
        let regs = st.pointee.regs.base
        @inline(__always) func value(_ t: Cell) -> Cell { tagOf(t) == Tag.tvar ? regs[tvarNumber(t)] : t }
        if ta == Tag.tvar && tvarIsFirst(a) && bSimple && !(tb == Tag.tvar && tvarNumber(b) == tvarNumber(a)) { regs[tvarNumber(a)] = value(b); return .done }
        if tb == Tag.tvar && tvarIsFirst(b) && aSimple { regs[tvarNumber(b)] = value(a); return .done }
        guard aSimple && bSimple else { return .notInline }
        return unify(value(a), value(b)) ? .done : .failed
    }

    /// Evaluates an expression template on machine integers; clears `ok` when it cannot.
    func evalTemplate(_ t: Cell, _ ok: inout Bool, code: UnsafeMutablePointer<Cell>, depth: Int) -> Int {
        switch tagOf(t) {
        case Tag.int:
            return intValue(t)
        case Tag.tvar:
            if tvarIsFirst(t) { ok = false; return 0 }
            let c = deref(st.pointee.regs.base[tvarNumber(t)])
            if tagOf(c) == Tag.int { return intValue(c) }
            return evalSmall(c, &ok, depth: depth + 1)
        case Tag.str:
            if depth > 1000 { ok = false; return 0 }
            let p = payload(t)
            let f = code[p]
            if functorArity(f) == 2 {
                let x = evalTemplate(code[p + 1], &ok, code: code, depth: depth + 1)
                if !ok { return 0 }
                let y = evalTemplate(code[p + 2], &ok, code: code, depth: depth + 1)
                if !ok { return 0 }
                return smallBinary(functorAtom(f), x, y, &ok)
            }
            if functorArity(f) == 1 {
                let x = evalTemplate(code[p + 1], &ok, code: code, depth: depth + 1)
                if !ok { return 0 }
                return smallUnary(functorAtom(f), x, &ok)
            }
            ok = false
            return 0
        default:
            ok = false
            return 0
        }
    }
}
