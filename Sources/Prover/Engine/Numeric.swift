/// An exact number as the arithmetic evaluator sees it: a machine integer, a GMP integer
/// too large for one, or a rational `numerator/denominator` in lowest terms with a
/// positive denominator other than 1. The engine has no floating-point numbers.
enum Numeric: CustomStringConvertible {
    case int(Int)
    case big(BigInteger)
    case rational(BigInteger, BigInteger)

    /// Normalises a GMP integer: machine-sized values become `.int`.
    static func integer(_ b: BigInteger) -> Numeric { b.fitsInt ? .int(b.intValue) : .big(b) }

    /// Builds `n/d` in lowest terms; `d` must be non-zero.
    static func fraction(_ n: BigInteger, _ d: BigInteger) -> Numeric {
        var n = n, d = d
        if d.signum < 0 { n = -n; d = -d }
        let g = n.gcd(d)
        if !g.isOne { n = n.exactQuotient(g); d = d.exactQuotient(g) }
        return d.isOne ? integer(n) : .rational(n, d)
    }

    var asBig: BigInteger {
        switch self {
        case .int(let v): return BigInteger(v)
        case .big(let b): return b
        case .rational(let n, _): return n
        }
    }

    var isInteger: Bool { if case .rational = self { return false } else { return true } }

    var signum: Int {
        switch self {
        case .int(let v): return v.signum()
        case .big(let b): return b.signum
        case .rational(let n, _): return n.signum
        }
    }

    /// Numerator and denominator (denominator 1 for integers).
    var fractionParts: (BigInteger, BigInteger) {
        switch self {
        case .int(let v): return (BigInteger(v), BigInteger(1))
        case .big(let b): return (b, BigInteger(1))
        case .rational(let n, let d): return (n, d)
        }
    }

    /// Prints as SWI-Prolog does: integers in decimal, rationals as `1r3`.
    var description: String {
        switch self {
        case .int(let v): return String(v)
        case .big(let b): return b.description
        case .rational(let n, let d): return "\(n)r\(d)"
        }
    }

    /// Three-way numeric comparison.
    static func compare(_ a: Numeric, _ b: Numeric) -> Int {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.rational, _), (_, .rational):
            let (an, ad) = a.fractionParts, (bn, bd) = b.fractionParts
            return BigInteger.compare(an * bd, bn * ad)
        default: return BigInteger.compare(a.asBig, b.asBig)
        }
    }
}
