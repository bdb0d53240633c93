// Activation vectors quantized for the integer dot-product kernels: blocks of 32 values, a
// float scale d per block, integer lanes q = round-to-nearest-even(x / d) and the block sum
// s = d · Σq (for Q4_1's offset term).
//
// Two precisions:
// - `.llamaQ8` is llama.cpp's Q8_0/Q8_1 rule: d = amax / 127 (stored as f16), s rounded through f16
//   with the unrounded d. Used against Q8_0 weights (the output head), where llama.cpp does the same.
// - `.fine` uses |q| ≤ 1092, so that two 4-bit × q products still fit in Int16 (15 · 1092 · 2 <
//   32768), with d and s kept in full float. Its rounding error is 8.6 times smaller than 8-bit's,
//   so the one-token path stays within float noise of the batched float path. (With 8-bit
//   rounding in every projection, tiny summation-order differences move values across rounding
//   boundaries and the logits of the two paths drift apart by up to ~0.8.)
//
// Layout of one quantized row: per 32-value block, 32 Int16 lanes — the 16 even-indexed values
// (0, 2, …, 30) then the 16 odd-indexed ones — matching the weight lanes of `nibbleLanes` and
// `byteLanes`.

/// How finely `QuantizedActivations.quantize` rounds.
enum ActivationPrecision {
    /// llama.cpp's 8-bit rule (for Q8_0 weights).
    case llamaQ8
    /// |q| ≤ 1092, full-float scales (for 4-bit weights).
    case fine

    var limit: Float { self == .llamaQ8 ? 127 : 1092 }
}

/// Preallocated storage for `rows` quantized activation rows of up to `maxColumns` values.
final class QuantizedActivations: @unchecked Sendable {
    let maxColumns: Int
    let maxRows: Int
    /// (maxRows, maxColumns) Int16 lanes in the even/odd block layout.
    let quants: UnsafeMutablePointer<Int16>
    /// (maxRows, maxColumns / 32, 2): per block the scale d and the sum d · Σq, both rounded
    /// through f16, interleaved so a kernel loads them together.
    let scaleSums: UnsafeMutablePointer<Float>
    /// Sixteen Int16 ones, read from memory so the optimizer keeps the pairwise sum that uses
    /// them as one `vpmaddwd` instead of expanding it into shifts.
    let unitLanes: UnsafeMutablePointer<Int16>
    /// (maxRows, maxColumns) the quantized values as floats (d · q), natural order.
    let dequantized: UnsafeMutablePointer<Float>
    /// Columns of the rows currently stored.
    private(set) var columns = 0

    init(maxRows: Int, maxColumns: Int) {
        precondition(maxColumns % 32 == 0 || maxColumns < 32)
        self.maxRows = max(maxRows, 1)
        self.maxColumns = max(maxColumns, 32)
        quants = .allocate(capacity: self.maxRows * self.maxColumns)
        scaleSums = .allocate(capacity: self.maxRows * (self.maxColumns / 32) * 2)
        unitLanes = .allocate(capacity: 16)
        unitLanes.initialize(repeating: 1, count: 16)
        dequantized = .allocate(capacity: self.maxRows * self.maxColumns)
    }

    deinit { quants.deallocate(); scaleSums.deallocate(); unitLanes.deallocate(); dequantized.deallocate() }

    @inline(__always) func quants(row t: Int) -> UnsafePointer<Int16> { UnsafePointer(quants + t * columns) }
    /// Row `t`'s (scale, sum) pairs.
    @inline(__always) func scaleSums(row t: Int) -> UnsafePointer<Float> { UnsafePointer(scaleSums + t * (columns / 32) * 2) }
    /// The lanes `multiplyAddPairs` sums with.
    @inline(__always) var unit: SIMD16<Int16> { UnsafeRawPointer(unitLanes).loadUnaligned(as: SIMD16<Int16>.self) }
    @inline(__always) func dequantized(row t: Int) -> UnsafePointer<Float> { UnsafePointer(dequantized + t * columns) }

    /// Quantizes `rows` rows of `columns` floats (`columns` a multiple of 32) starting at `x`.
    func quantize(_ x: UnsafePointer<Float>, rows: Int, columns: Int, precision: ActivationPrecision = .llamaQ8) {
        let limit = precision.limit, llama = precision == .llamaQ8
        precondition(rows <= maxRows && columns <= maxColumns && columns % 32 == 0)
        self.columns = columns
        let blocks = columns / 32
        let absMask = SIMD8<UInt32>(repeating: 0x7FFF_FFFF)
        for t in 0..<rows {
            let src = UnsafeRawPointer(x + t * columns)
            let q = quants + t * columns, deq = dequantized + t * columns
            for b in 0..<blocks {
                let o = 128 * b
                var v0 = src.loadUnaligned(fromByteOffset: o, as: SIMD8<Float>.self)
                var v1 = src.loadUnaligned(fromByteOffset: o + 32, as: SIMD8<Float>.self)
                var v2 = src.loadUnaligned(fromByteOffset: o + 64, as: SIMD8<Float>.self)
                var v3 = src.loadUnaligned(fromByteOffset: o + 96, as: SIMD8<Float>.self)
                @inline(__always) func magnitude(_ v: SIMD8<Float>) -> SIMD8<Float> {
                    unsafeBitCast(unsafeBitCast(v, to: SIMD8<UInt32>.self) & absMask, to: SIMD8<Float>.self)
                }
                @inline(__always) func larger(_ a: SIMD8<Float>, _ b: SIMD8<Float>) -> SIMD8<Float> { a.replacing(with: b, where: b .> a) }
                let m = larger(larger(magnitude(v0), magnitude(v1)), larger(magnitude(v2), magnitude(v3)))
                var amax: Float = 0
                for j in 0..<8 where m[j] > amax { amax = m[j] }
                let d = amax / limit
                let inverse: Float = amax != 0 ? limit / amax : 0
                v0 = (v0 * inverse).rounded(.toNearestOrEven)
                v1 = (v1 * inverse).rounded(.toNearestOrEven)
                v2 = (v2 * inverse).rounded(.toNearestOrEven)
                v3 = (v3 * inverse).rounded(.toNearestOrEven)
                let total = (v0 + v1 + v2 + v3).sum()  // exact: at most 32 · 1092
                let dh = llama ? Float(Float16(d)) : d
                scaleSums[2 * (t * blocks + b)] = dh
                scaleSums[2 * (t * blocks + b) + 1] = llama ? Float(Float16(d * total)) : d * total
                let block = q + 32 * b, out = deq + 32 * b
                withUnsafeBytes(of: (v0, v1, v2, v3)) { raw in
                    let r = raw.baseAddress!.assumingMemoryBound(to: Float.self)
                    // Float to integer through the 1.5 · 2^23 bias: exact for these small integers,
                    // and a non-finite input gives some value instead of a trap.
                    @inline(__always) func integer(_ f: Float) -> Int16 {
                        Int16(truncatingIfNeeded: Int32(bitPattern: (f + 12_582_912).bitPattern) &- 0x4B40_0000)
                    }
                    for j in 0..<16 {
                        block[j] = integer(r[2 * j])
                        block[16 + j] = integer(r[2 * j + 1])
                    }
                    for j in 0..<32 { out[j] = dh * r[j] }
                }
            }
        }
    }
}

// The integer kernels. Weight values become Int16 lanes without SIMD type conversions: a
// 16-byte run loaded as eight UInt16 words, and-masked and shifted, already holds its nibbles
// (or, for Q8_0, its sign-extended bytes) in 16-bit lanes. `multiplyAddPairs` is written so
// that LLVM emits one `vpmaddwd` (16 products summed in adjacent pairs into Int32 lanes).

@inline(__always) func multiplyAddPairs(_ a: SIMD16<Int16>, _ b: SIMD16<Int16>) -> SIMD8<Int32> {
    SIMD8<Int32>(truncatingIfNeeded: a.evenHalf) &* SIMD8<Int32>(truncatingIfNeeded: b.evenHalf)
        &+ SIMD8<Int32>(truncatingIfNeeded: a.oddHalf) &* SIMD8<Int32>(truncatingIfNeeded: b.oddHalf)
}

/// The 32 products of a block's weight lanes with its activation lanes, summed into 8 Int32
/// lanes and converted to floats. Two products summed fit in Int16 (|15 · 127| or |128 · 127|, twice).
@inline(__always) func blockProducts(_ even: SIMD16<Int16>, _ odd: SIMD16<Int16>, _ activations: UnsafeRawPointer, _ offset: Int,
                                     _ unit: SIMD16<Int16>) -> SIMD8<Float> {
    let ae = activations.loadUnaligned(fromByteOffset: offset, as: SIMD16<Int16>.self)
    let ao = activations.loadUnaligned(fromByteOffset: offset + 32, as: SIMD16<Int16>.self)
    return SIMD8<Float>(multiplyAddPairs(even &* ae &+ odd &* ao, unit))
}

/// A Q4_1 block's 32 nibbles as (even-indexed, odd-indexed) Int16 lanes.
@inline(__always) func nibbleLanes(_ p: UnsafeRawPointer, _ offset: Int) -> (SIMD16<Int16>, SIMD16<Int16>) {
    let raw = p.loadUnaligned(fromByteOffset: offset, as: SIMD8<UInt16>.self)
    let both = SIMD16<UInt16>(lowHalf: raw, highHalf: raw &>> 4)
    return (unsafeBitCast(both & 0x000F, to: SIMD16<Int16>.self), unsafeBitCast((both &>> 8) & 0x000F, to: SIMD16<Int16>.self))
}

/// A Q8_0 block's 32 bytes as (even-indexed, odd-indexed) sign-extended Int16 lanes.
@inline(__always) func byteLanes(_ p: UnsafeRawPointer, _ offset: Int) -> (SIMD16<Int16>, SIMD16<Int16>) {
    let raw = p.loadUnaligned(fromByteOffset: offset, as: SIMD16<Int16>.self)
    return ((raw &<< 8) &>> 8, raw &>> 8)
}

/// Q4_1 row · Q8_1-quantized activations: Σ_b d_w d_a Σ q_w q_a + m_w s_a, as llama.cpp computes it.
/// `ds` holds the activations' (scale, sum) pairs; `unit` is `QuantizedActivations.unit`.
@inline(__always) func dotQ4_1Q8(_ row: UnsafeRawPointer, _ q: UnsafePointer<Int16>, _ ds: UnsafePointer<Float>,
                                 blocks: Int, unit: SIMD16<Int16>) -> Float {
    var acc = SIMD8<Float>(), offsets = SIMD2<Float>()
    let qr = UnsafeRawPointer(q), dr = UnsafeRawPointer(ds)
    for b in 0..<blocks {
        let p = row + 20 * b
        let (even, odd) = nibbleLanes(p, 4)
        // (d_w · d_a, m_w · s_a) in one step.
        let scaled = SIMD2<Float>(p.loadUnaligned(as: SIMD2<Float16>.self)) * dr.loadUnaligned(fromByteOffset: 8 * b, as: SIMD2<Float>.self)
        acc = acc.addingProduct(blockProducts(even, odd, qr, 64 * b, unit), scaled[0])
        offsets += scaled
    }
    return acc.sum() + offsets[1]
}

/// Q4_0 row · Q8_0-quantized activations.
@inline(__always) func dotQ4_0Q8(_ row: UnsafeRawPointer, _ q: UnsafePointer<Int16>, _ ds: UnsafePointer<Float>,
                                 blocks: Int, unit: SIMD16<Int16>) -> Float {
    var acc = SIMD8<Float>()
    let qr = UnsafeRawPointer(q)
    let eight = SIMD16<Int16>(repeating: 8)
    for b in 0..<blocks {
        let p = row + 18 * b
        let (even, odd) = nibbleLanes(p, 2)
        acc = acc.addingProduct(blockProducts(even &- eight, odd &- eight, qr, 64 * b, unit), halfToFloat(p, 0) * ds[2 * b])
    }
    return acc.sum()
}

/// Q8_0 row · Q8_0-quantized activations.
@inline(__always) func dotQ8_0Q8(_ row: UnsafeRawPointer, _ q: UnsafePointer<Int16>, _ ds: UnsafePointer<Float>,
                                 blocks: Int, unit: SIMD16<Int16>) -> Float {
    var acc = SIMD8<Float>()
    let qr = UnsafeRawPointer(q)
    for b in 0..<blocks {
        let p = row + 34 * b
        let (even, odd) = byteLanes(p, 2)
        acc = acc.addingProduct(blockProducts(even, odd, qr, 64 * b, unit), halfToFloat(p, 0) * ds[2 * b])
    }
    return acc.sum()
}
