// The hot kernels: dot products of one quantized weight row with a float activation vector.
// Types without a fast path dequantize into a scratch row first.

extension GGMLType {
    /// Whether `dot` has a direct SIMD kernel for this type.
    var hasFastDot: Bool { self == .q4_1 || self == .q8_0 || self == .q4_0 || self == .f32 }
}

/// Sums of each 32-element block of `x` (needed by Q4_1's offset term).
@inline(__always) func blockSums(_ x: UnsafePointer<Float>, count: Int, into sums: UnsafeMutablePointer<Float>) {
    for b in 0..<(count / 32) {
        let p = UnsafeRawPointer(x + 32 * b)
        let v = p.loadUnaligned(as: SIMD16<Float>.self) + p.loadUnaligned(fromByteOffset: 64, as: SIMD16<Float>.self)
        sums[b] = v.sum()
    }
}

// Nibble and byte lanes are turned into floats without SIMD type conversions (which the
// standard library lowers to per-lane calls): OR-ing a small integer into the mantissa of
// 2^23 gives the float 2^23 + q exactly, and one subtraction removes the bias.
// The 4-bit kernels read the 16 quant bytes of a block as four 32-bit words; word k yields the
// lanes of elements (4k..4k+3, 16+4k..16+4k+3), so the activations are first permuted into
// that order by `permuteForNibbles`.

/// Reorders each 32-element block of `x` into the lane order of the 4-bit kernels.
@inline(__always) func permuteForNibbles(_ x: UnsafePointer<Float>, count: Int, into dst: UnsafeMutablePointer<Float>) {
    for b in 0..<(count / 32) {
        let s = x + 32 * b, d = dst + 32 * b
        for k in 0..<4 {
            for i in 0..<4 {
                d[8 * k + i] = s[4 * k + i]
                d[8 * k + 4 + i] = s[16 + 4 * k + i]
            }
        }
    }
}

// Computed properties, not globals: a global `let` costs a `swift_once` check per use.
@inline(__always) var nibbleShifts: SIMD8<UInt32> { SIMD8<UInt32>(0, 8, 16, 24, 4, 12, 20, 28) }
@inline(__always) var byteShifts: SIMD8<UInt32> { SIMD8<UInt32>(0, 8, 16, 24, 0, 8, 16, 24) }
@inline(__always) var floatMagic: SIMD8<UInt32> { SIMD8<UInt32>(repeating: 0x4B00_0000) }

/// Dequantizes a Q4_1 (`bias` 0, with `hasMin`) or Q4_0 (`bias` 8) row into the permuted
/// lane order (see `permuteForNibbles`).
@inline(__always) func dequantizeNibblesPermuted(_ row: UnsafeRawPointer, blocks: Int, hasMin: Bool, into dst: UnsafeMutablePointer<Float>) {
    let magic = floatMagic, shifts = nibbleShifts
    let stride = hasMin ? 20 : 18, qOffset = hasMin ? 4 : 2
    let out = UnsafeMutableRawPointer(dst)
    for b in 0..<blocks {
        let p = row + stride * b
        let d = halfToFloat(p, 0)
        let m = hasMin ? halfToFloat(p, 2) : -8 * d
        let w = p.loadUnaligned(fromByteOffset: qOffset, as: SIMD4<UInt32>.self)
        for k in 0..<4 {
            let lane = ((SIMD8<UInt32>(repeating: w[k]) &>> shifts) & 0xF) | magic
            let f = (unsafeBitCast(lane, to: SIMD8<Float>.self) - 8388608) * d + m
            out.storeBytes(of: f, toByteOffset: 128 * b + 32 * k, as: SIMD8<Float>.self)
        }
    }
}

/// Q4_1 row · permuted activations (`xsums`: per-block sums of the activations).
/// Four accumulators (one per lane group) keep the FMA dependency chains short.
@inline(__always) func dotQ4_1(_ row: UnsafeRawPointer, _ xp: UnsafePointer<Float>, _ xsums: UnsafePointer<Float>, blocks: Int) -> Float {
    var a0 = SIMD8<Float>(), a1 = SIMD8<Float>(), a2 = SIMD8<Float>(), a3 = SIMD8<Float>()
    var offset: Float = 0
    let xr = UnsafeRawPointer(xp)
    for b in 0..<blocks {
        let p = row + 20 * b
        let d = halfToFloat(p, 0), m = halfToFloat(p, 2)
        let w = p.loadUnaligned(fromByteOffset: 4, as: SIMD4<UInt32>.self)
        @inline(__always) func group(_ k: Int) -> SIMD8<Float> {
            let lane = ((SIMD8<UInt32>(repeating: w[k]) &>> nibbleShifts) & 0xF) | floatMagic
            return (unsafeBitCast(lane, to: SIMD8<Float>.self) - 8388608) * d
        }
        let x = 128 * b
        a0 = a0.addingProduct(group(0), xr.loadUnaligned(fromByteOffset: x, as: SIMD8<Float>.self))
        a1 = a1.addingProduct(group(1), xr.loadUnaligned(fromByteOffset: x + 32, as: SIMD8<Float>.self))
        a2 = a2.addingProduct(group(2), xr.loadUnaligned(fromByteOffset: x + 64, as: SIMD8<Float>.self))
        a3 = a3.addingProduct(group(3), xr.loadUnaligned(fromByteOffset: x + 96, as: SIMD8<Float>.self))
        offset += m * xsums[b]
    }
    return ((a0 + a1) + (a2 + a3)).sum() + offset
}

/// Q4_0 row · permuted activations.
@inline(__always) func dotQ4_0(_ row: UnsafeRawPointer, _ xp: UnsafePointer<Float>, blocks: Int) -> Float {
    var acc = SIMD8<Float>()
    let xr = UnsafeRawPointer(xp)
    let magic = floatMagic, shifts = nibbleShifts
    for b in 0..<blocks {
        let p = row + 18 * b
        let d = halfToFloat(p, 0)
        let w = p.loadUnaligned(fromByteOffset: 2, as: SIMD4<UInt32>.self)
        var s = SIMD8<Float>()
        for k in 0..<4 {
            let lane = ((SIMD8<UInt32>(repeating: w[k]) &>> shifts) & 0xF) | magic
            let f = unsafeBitCast(lane, to: SIMD8<Float>.self) - 8388616
            s = s.addingProduct(f, xr.loadUnaligned(fromByteOffset: 128 * b + 32 * k, as: SIMD8<Float>.self))
        }
        acc = acc.addingProduct(s, d)
    }
    return acc.sum()
}

/// Q8_0 row · activations (natural order).
@inline(__always) func dotQ8_0(_ row: UnsafeRawPointer, _ x: UnsafePointer<Float>, blocks: Int) -> Float {
    var a0 = SIMD8<Float>(), a1 = SIMD8<Float>(), a2 = SIMD8<Float>(), a3 = SIMD8<Float>()
    let xr = UnsafeRawPointer(x)
    for b in 0..<blocks {
        let g = byteBlock(row + 34 * b)
        let base = 128 * b
        a0 = a0.addingProduct(g.0, xr.loadUnaligned(fromByteOffset: base, as: SIMD8<Float>.self))
        a1 = a1.addingProduct(g.1, xr.loadUnaligned(fromByteOffset: base + 32, as: SIMD8<Float>.self))
        a2 = a2.addingProduct(g.2, xr.loadUnaligned(fromByteOffset: base + 64, as: SIMD8<Float>.self))
        a3 = a3.addingProduct(g.3, xr.loadUnaligned(fromByteOffset: base + 96, as: SIMD8<Float>.self))
    }
    return ((a0 + a1) + (a2 + a3)).sum()
}

@inline(__always) func dotF32(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Float {
    var acc = SIMD16<Float>()
    let ar = UnsafeRawPointer(a), br = UnsafeRawPointer(b)
    var i = 0
    while i + 16 <= count {
        acc = acc.addingProduct(ar.loadUnaligned(fromByteOffset: 4 * i, as: SIMD16<Float>.self), br.loadUnaligned(fromByteOffset: 4 * i, as: SIMD16<Float>.self))
        i += 16
    }
    var s = acc.sum()
    while i < count { s += a[i] * b[i]; i += 1 }
    return s
}

/// One block of a 4-bit row, dequantized into four permuted lane groups.
@inline(__always) func nibbleBlock(_ p: UnsafeRawPointer, hasMin: Bool) -> (SIMD8<Float>, SIMD8<Float>, SIMD8<Float>, SIMD8<Float>) {
    let d = halfToFloat(p, 0)
    let m = hasMin ? halfToFloat(p, 2) : -8 * d
    let w = p.loadUnaligned(fromByteOffset: hasMin ? 4 : 2, as: SIMD4<UInt32>.self)
    @inline(__always) func group(_ k: Int) -> SIMD8<Float> {
        let lane = ((SIMD8<UInt32>(repeating: w[k]) &>> nibbleShifts) & 0xF) | floatMagic
        return (unsafeBitCast(lane, to: SIMD8<Float>.self) - 8388608) * d + m
    }
    return (group(0), group(1), group(2), group(3))
}

/// One Q8_0 block, dequantized into four lane groups (natural order).
@inline(__always) func byteBlock(_ p: UnsafeRawPointer) -> (SIMD8<Float>, SIMD8<Float>, SIMD8<Float>, SIMD8<Float>) {
    let d = halfToFloat(p, 0)
    @inline(__always) func group(_ k: Int) -> SIMD8<Float> {
        let w = p.loadUnaligned(fromByteOffset: 2 + 8 * k, as: SIMD2<UInt32>.self)
        let words = SIMD8<UInt32>(w[0], w[0], w[0], w[0], w[1], w[1], w[1], w[1])
        let lane = (((words &>> byteShifts) & 0xFF) ^ 0x80) | floatMagic
        return (unsafeBitCast(lane, to: SIMD8<Float>.self) - 8388736) * d
    }
    return (group(0), group(1), group(2), group(3))
}

/// Dots one quantized row (Q4_1, Q4_0 or Q8_0) with up to four activation vectors at once,
/// dequantizing each block once. `x` holds the vectors `columns` apart (permuted for 4-bit
/// types); results go to `out[0..<count]`.
@inline(__always) func multiDot(_ type: GGMLType, _ row: UnsafeRawPointer, _ x: UnsafePointer<Float>, columns: Int, count: Int,
                                _ out: UnsafeMutablePointer<Float>) {
    var a0 = SIMD8<Float>(), a1 = SIMD8<Float>(), a2 = SIMD8<Float>(), a3 = SIMD8<Float>()
    var c0 = SIMD8<Float>(), c1 = SIMD8<Float>(), c2 = SIMD8<Float>(), c3 = SIMD8<Float>()
    let xr = UnsafeRawPointer(x)
    let blocks = columns / 32
    let rowStride = 4 * columns
    for b in 0..<blocks {
        let g: (SIMD8<Float>, SIMD8<Float>, SIMD8<Float>, SIMD8<Float>)
        switch type {
        case .q4_1: g = nibbleBlock(row + 20 * b, hasMin: true)
        case .q4_0: g = nibbleBlock(row + 18 * b, hasMin: false)
        default: g = byteBlock(row + 34 * b)
        }
        let base = 128 * b
        @inline(__always) func x(_ t: Int, _ k: Int) -> SIMD8<Float> {
            xr.loadUnaligned(fromByteOffset: t * rowStride + base + 32 * k, as: SIMD8<Float>.self)
        }
        a0 = a0.addingProduct(g.0, x(0, 0)); c0 = c0.addingProduct(g.1, x(0, 1))
        a0 = a0.addingProduct(g.2, x(0, 2)); c0 = c0.addingProduct(g.3, x(0, 3))
        if count > 1 {
            a1 = a1.addingProduct(g.0, x(1, 0)); c1 = c1.addingProduct(g.1, x(1, 1))
            a1 = a1.addingProduct(g.2, x(1, 2)); c1 = c1.addingProduct(g.3, x(1, 3))
        }
        if count > 2 {
            a2 = a2.addingProduct(g.0, x(2, 0)); c2 = c2.addingProduct(g.1, x(2, 1))
            a2 = a2.addingProduct(g.2, x(2, 2)); c2 = c2.addingProduct(g.3, x(2, 3))
        }
        if count > 3 {
            a3 = a3.addingProduct(g.0, x(3, 0)); c3 = c3.addingProduct(g.1, x(3, 1))
            a3 = a3.addingProduct(g.2, x(3, 2)); c3 = c3.addingProduct(g.3, x(3, 3))
        }
    }
    a0 += c0; a1 += c1; a2 += c2; a3 += c3
    out[0] = a0.sum()
    if count > 1 { out[1] = a1.sum() }
    if count > 2 { out[2] = a2.sum() }
    if count > 3 { out[3] = a3.sum() }
}
