import CGMP
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An arbitrary-precision integer backed by a GMP `mpz_t` (GMP's `mpz_*` names are
/// macros, so the `__gmpz_*` symbols are called directly). Immutable once built: every
/// operation returns a new value.
final class BigInteger: @unchecked Sendable, CustomStringConvertible {
    let z: UnsafeMutablePointer<__mpz_struct>

    init() {
        z = .allocate(capacity: 1)
        __gmpz_init(z)
    }

    deinit {
        __gmpz_clear(z)
        z.deallocate()
    }

    convenience init(_ v: Int) {
        self.init()
        __gmpz_set_si(z, v)
    }

    /// Parses a decimal literal (optional leading `-`); nil when malformed.
    convenience init?(decimal: String) {
        self.init()
        if __gmpz_set_str(z, decimal, 10) != 0 { return nil }
    }

    /// True when the value fits a machine `Int`.
    var fitsInt: Bool { __gmpz_fits_slong_p(z) != 0 }
    var intValue: Int { __gmpz_get_si(z) }
    var signum: Int { let s = z.pointee._mp_size; return s < 0 ? -1 : (s > 0 ? 1 : 0) }
    var isOne: Bool { __gmpz_cmp_si(z, 1) == 0 }

    var description: String {
        guard let chars = __gmpz_get_str(nil, 10, z) else { return "?" }
        defer { free(chars) }
        return String(cString: chars)
    }

    static func compare(_ a: BigInteger, _ b: BigInteger) -> Int { Int(__gmpz_cmp(a.z, b.z)).signum() }

    @inline(__always) private static func make(_ body: (UnsafeMutablePointer<__mpz_struct>) -> Void) -> BigInteger {
        let r = BigInteger()
        body(r.z)
        return r
    }

    static func + (a: BigInteger, b: BigInteger) -> BigInteger { make { __gmpz_add($0, a.z, b.z) } }
    static func - (a: BigInteger, b: BigInteger) -> BigInteger { make { __gmpz_sub($0, a.z, b.z) } }
    static func * (a: BigInteger, b: BigInteger) -> BigInteger { make { __gmpz_mul($0, a.z, b.z) } }
    static prefix func - (a: BigInteger) -> BigInteger { make { __gmpz_neg($0, a.z) } }
    var magnitude: BigInteger { BigInteger.make { __gmpz_abs($0, self.z) } }
    /// Quotient truncated toward zero (ISO `//`).
    func truncatedQuotient(_ b: BigInteger) -> BigInteger { BigInteger.make { __gmpz_tdiv_q($0, self.z, b.z) } }
    /// Remainder with the sign of the dividend (ISO `rem`).
    func truncatedRemainder(_ b: BigInteger) -> BigInteger { BigInteger.make { __gmpz_tdiv_r($0, self.z, b.z) } }
    /// Remainder with the sign of the divisor (ISO `mod`).
    func flooredRemainder(_ b: BigInteger) -> BigInteger { BigInteger.make { __gmpz_fdiv_r($0, self.z, b.z) } }
    /// Quotient rounded toward negative infinity (`div`).
    func flooredQuotient(_ b: BigInteger) -> BigInteger { BigInteger.make { __gmpz_fdiv_q($0, self.z, b.z) } }
    func exactQuotient(_ b: BigInteger) -> BigInteger { BigInteger.make { __gmpz_divexact($0, self.z, b.z) } }
    func gcd(_ b: BigInteger) -> BigInteger { BigInteger.make { __gmpz_gcd($0, self.z, b.z) } }
    func power(_ e: Int) -> BigInteger { BigInteger.make { __gmpz_pow_ui($0, self.z, UInt(e)) } }
    func shiftedLeft(_ n: Int) -> BigInteger { BigInteger.make { __gmpz_mul_2exp($0, self.z, UInt(n)) } }
    func shiftedRight(_ n: Int) -> BigInteger { BigInteger.make { __gmpz_fdiv_q_2exp($0, self.z, UInt(n)) } }
    func bitAnd(_ b: BigInteger) -> BigInteger { BigInteger.make { __gmpz_and($0, self.z, b.z) } }
    func bitOr(_ b: BigInteger) -> BigInteger { BigInteger.make { __gmpz_ior($0, self.z, b.z) } }
    func bitXor(_ b: BigInteger) -> BigInteger { BigInteger.make { __gmpz_xor($0, self.z, b.z) } }
    var complement: BigInteger { BigInteger.make { __gmpz_com($0, self.z) } }
}
