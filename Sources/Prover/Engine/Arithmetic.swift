/// `is/2` and the arithmetic comparisons. Small integers are evaluated unboxed with
/// overflow checks; on overflow, or when a GMP integer or rational appears, evaluation
/// restarts on the exact `Numeric` path. `/` on integers gives an integer when exact and a
/// rational otherwise; `rdiv` always gives a rational; `**` and `^` on integers give
/// integers (a negative exponent gives a rational).
extension PrologMachine {
    /// Evaluates an arithmetic expression to a cell.
    func evaluate(_ c: Cell, _ frame: Int) throws -> Cell {
        var ok = true
        let v = evalSmall(c, &ok, depth: 0)
        if ok {
            if fitsSmallInt(v) { return makeInt(v) }
            return bigCell(.int(v))
        }
        return bigCell(try evalExact(c, frame, depth: 0))
    }

    /// Compares two expressions numerically: -1, 0 or 1.
    func compareArithmetic(_ a: Cell, _ b: Cell, _ frame: Int) throws -> Int {
        let da = deref(a), db = deref(b)
        if tagOf(da) == Tag.int && tagOf(db) == Tag.int {
            let x = intValue(da), y = intValue(db)
            return x < y ? -1 : (x > y ? 1 : 0)
        }
        var ok = true
        let x = evalSmall(a, &ok, depth: 0)
        if ok {
            let y = evalSmall(b, &ok, depth: 0)
            if ok { return x < y ? -1 : (x > y ? 1 : 0) }
        }
        return Numeric.compare(try evalExact(a, frame, depth: 0), try evalExact(b, frame, depth: 0))
    }

    /// The fast path: machine integers only; clears `ok` on anything else.
    func evalSmall(_ c0: Cell, _ ok: inout Bool, depth: Int) -> Int {
        let c = deref(c0)
        let t = tagOf(c)
        if t == Tag.int { return intValue(c) }
        if t != Tag.str || depth > 1000 { ok = false; return 0 }
        let p = payload(c)
        let heap = st.pointee.heap.base
        let f = heap[p]
        if functorArity(f) == 2 {
            // Integer leaves are read here; only nested expressions recurse.
            let xa = deref(heap[p + 1])
            let x = tagOf(xa) == Tag.int ? intValue(xa) : evalSmall(xa, &ok, depth: depth + 1)
            if !ok { return 0 }
            let ya = deref(heap[p + 2])
            let y = tagOf(ya) == Tag.int ? intValue(ya) : evalSmall(ya, &ok, depth: depth + 1)
            if !ok { return 0 }
            return smallBinary(functorAtom(f), x, y, &ok)
        }
        if functorArity(f) == 1 {
            let x = evalSmall(heap[p + 1], &ok, depth: depth + 1)
            if !ok { return 0 }
            return smallUnary(functorAtom(f), x, &ok)
        }
        ok = false
        return 0
    }

    /// Applies a unary evaluable to a machine integer; clears `ok` when it cannot.
    @inline(__always) func smallUnary(_ op: Int, _ x: Int, _ ok: inout Bool) -> Int {
        switch op {
        case KnownAtom.minus: if x == .min { ok = false }; return 0 &- x
        case KnownAtom.plus: return x
        case KnownAtom.abs: if x == .min { ok = false }; return Swift.abs(x)
        case KnownAtom.sign: return x.signum()
        case KnownAtom.bitNot: return ~x
        default: ok = false; return 0
        }
    }

    /// Applies a binary evaluable to machine integers; clears `ok` on overflow, a zero
    /// divisor, an inexact `/` or an unknown operator (the exact path then decides).
    @inline(__always) func smallBinary(_ op: Int, _ x: Int, _ y: Int, _ ok: inout Bool) -> Int {
        switch op {
        case KnownAtom.plus:
            let (r, o) = x.addingReportingOverflow(y); if o { ok = false }; return r
        case KnownAtom.minus:
            let (r, o) = x.subtractingReportingOverflow(y); if o { ok = false }; return r
        case KnownAtom.times:
            let (r, o) = x.multipliedReportingOverflow(by: y); if o { ok = false }; return r
        case KnownAtom.intDiv:
            if y == 0 || (x == .min && y == -1) { ok = false; return 0 }
            return x / y
        case KnownAtom.mod:
            if y == 0 || y == -1 { ok = false; return 0 }
            let m = x % y
            return (m != 0 && (m < 0) != (y < 0)) ? m + y : m
        case KnownAtom.rem:
            if y == 0 || y == -1 { ok = false; return 0 }
            return x % y
        case KnownAtom.div:
            if y == 0 || y == -1 { ok = false; return 0 }
            let q = x / y
            return (x % y != 0 && (x < 0) != (y < 0)) ? q - 1 : q
        case KnownAtom.min: return Swift.min(x, y)
        case KnownAtom.max: return Swift.max(x, y)
        case KnownAtom.bitAnd: return x & y
        case KnownAtom.bitOr: return x | y
        case KnownAtom.xor: return x ^ y
        case KnownAtom.shiftRight:
            if y < 0 || y > 62 { ok = false; return 0 }
            return x >> y
        case KnownAtom.shiftLeft:
            if y < 0 || y > 62 { ok = false; return 0 }
            let r = x << y
            if r >> y != x { ok = false }
            return r
        case KnownAtom.slash:
            if y == 0 || y == -1 || x % y != 0 { ok = false; return 0 }
            return x / y
        default:
            ok = false; return 0
        }
    }

    func evalExact(_ c0: Cell, _ frame: Int, depth: Int) throws -> Numeric {
        let c = deref(c0)
        switch tagOf(c) {
        case Tag.int: return .int(intValue(c))
        case Tag.big: return numbers[payload(c)]
        case Tag.ref: throw error("instantiation_error", frame)
        case Tag.atom:
            if payload(c) == KnownAtom.empty { throw error("type_error(evaluable, []/0)", frame) }
            throw error("type_error(evaluable, \(quoteAtom(atomNames[payload(c)]))/0)", frame)
        default: break
        }
        if depth > 200_000 { throw error("resource_error(expression_depth)", frame) }
        let p = payload(c)
        let f = st.pointee.heap.base[p]
        let arity = functorArity(f)
        let name = functorAtom(f)
        if name == KnownAtom.dot && arity == 2 {
            // "a" evaluates to its character code, as in SWI-Prolog.
            let tail = deref(st.pointee.heap.base[p + 2])
            if tail == KnownAtom.emptyList { return try evalExact(st.pointee.heap.base[p + 1], frame, depth: depth + 1) }
        }
        if arity == 1 {
            let x = try evalExact(st.pointee.heap.base[p + 1], frame, depth: depth + 1)
            switch name {
            case KnownAtom.minus: return negate(x)
            case KnownAtom.plus: return x
            case KnownAtom.abs: return x.signum < 0 ? negate(x) : x
            case KnownAtom.sign: return .int(x.signum)
            case KnownAtom.bitNot: return .integer(try integer(x, frame).complement)
            default: break
            }
        } else if arity == 2 {
            let x = try evalExact(st.pointee.heap.base[p + 1], frame, depth: depth + 1)
            let y = try evalExact(st.pointee.heap.base[p + 2], frame, depth: depth + 1)
            switch name {
            case KnownAtom.plus: return add(x, y)
            case KnownAtom.minus: return add(x, negate(y))
            case KnownAtom.times: return multiply(x, y)
            case KnownAtom.slash, KnownAtom.rdiv:
                if y.signum == 0 { throw error("evaluation_error(zero_divisor)", frame) }
                let (an, ad) = x.fractionParts, (bn, bd) = y.fractionParts
                return .fraction(an * bd, ad * bn)
            case KnownAtom.intDiv, KnownAtom.mod, KnownAtom.rem, KnownAtom.div:
                let a = try integer(x, frame), b = try integer(y, frame)
                if b.signum == 0 { throw error("evaluation_error(zero_divisor)", frame) }
                switch name {
                case KnownAtom.intDiv: return .integer(a.truncatedQuotient(b))
                case KnownAtom.mod: return .integer(a.flooredRemainder(b))
                case KnownAtom.rem: return .integer(a.truncatedRemainder(b))
                default: return .integer(a.flooredQuotient(b))
                }
            case KnownAtom.min: return Numeric.compare(x, y) <= 0 ? x : y
            case KnownAtom.max: return Numeric.compare(x, y) >= 0 ? x : y
            case KnownAtom.gcd: return .integer(try integer(x, frame).gcd(try integer(y, frame)))
            case KnownAtom.bitAnd: return .integer(try integer(x, frame).bitAnd(try integer(y, frame)))
            case KnownAtom.bitOr: return .integer(try integer(x, frame).bitOr(try integer(y, frame)))
            case KnownAtom.xor: return .integer(try integer(x, frame).bitXor(try integer(y, frame)))
            case KnownAtom.shiftLeft, KnownAtom.shiftRight:
                let a = try integer(x, frame)
                guard case .int(var n) = y else { throw error("resource_error(memory)", frame) }
                var left = name == KnownAtom.shiftLeft
                if n < 0 { n = -n; left.toggle() }
                if left && n > 1 << 24 { throw error("resource_error(memory)", frame) }
                return .integer(left ? a.shiftedLeft(n) : a.shiftedRight(n))
            case KnownAtom.power, KnownAtom.caret:
                guard case .int(let e) = y else {
                    if y.isInteger { throw error("resource_error(memory)", frame) }
                    throw error("type_error(integer, \(y))", frame)
                }
                let (n, d) = x.fractionParts
                if e >= 0 {
                    if e > 1 << 24 { throw error("resource_error(memory)", frame) }
                    return .fraction(n.power(e), d.power(e))
                }
                if n.signum == 0 { throw error("evaluation_error(zero_divisor)", frame) }
                if -e > 1 << 24 { throw error("resource_error(memory)", frame) }
                return .fraction(d.power(-e), n.power(-e))
            default: break
            }
        }
        throw error("type_error(evaluable, \(quoteAtom(atomNames[name]))/\(arity))", frame)
    }

    func integer(_ x: Numeric, _ frame: Int) throws -> BigInteger {
        if !x.isInteger { throw error("type_error(integer, \(x))", frame) }
        return x.asBig
    }

    func negate(_ x: Numeric) -> Numeric {
        switch x {
        case .int(let v): return v == .min ? .integer(-BigInteger(v)) : .int(-v)
        case .big(let b): return .integer(-b)
        case .rational(let n, let d): return .rational(-n, d)
        }
    }

    func add(_ x: Numeric, _ y: Numeric) -> Numeric {
        if case .int(let a) = x, case .int(let b) = y {
            let (r, o) = a.addingReportingOverflow(b)
            if !o { return .int(r) }
        }
        if x.isInteger && y.isInteger { return .integer(x.asBig + y.asBig) }
        let (an, ad) = x.fractionParts, (bn, bd) = y.fractionParts
        return .fraction(an * bd + bn * ad, ad * bd)
    }

    func multiply(_ x: Numeric, _ y: Numeric) -> Numeric {
        if case .int(let a) = x, case .int(let b) = y {
            let (r, o) = a.multipliedReportingOverflow(by: b)
            if !o { return .int(r) }
        }
        if x.isInteger && y.isInteger { return .integer(x.asBig * y.asBig) }
        let (an, ad) = x.fractionParts, (bn, bd) = y.fractionParts
        return .fraction(an * bn, ad * bd)
    }
}
