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

@usableFromInline let nibbleShifts = SIMD8<UInt32>(0, 8, 16, 24, 4, 12, 20, 28)
@usableFromInline let byteShifts = SIMD8<UInt32>(0, 8, 16, 24, 0, 8, 16, 24)
@usableFromInline let floatMagic = SIMD8<UInt32>(repeating: 0x4B00_0000)

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
@inline(__always) func dotQ4_1(_ row: UnsafeRawPointer, _ xp: UnsafePointer<Float>, _ xsums: UnsafePointer<Float>, blocks: Int) -> Float {
    var acc = SIMD8<Float>()
    var offset: Float = 0
    let xr = UnsafeRawPointer(xp)
    let magic = floatMagic, shifts = nibbleShifts
    for b in 0..<blocks {
        let p = row + 20 * b
        let d = halfToFloat(p, 0), m = halfToFloat(p, 2)
        let w = p.loadUnaligned(fromByteOffset: 4, as: SIMD4<UInt32>.self)
        var s = SIMD8<Float>()
        for k in 0..<4 {
            let lane = ((SIMD8<UInt32>(repeating: w[k]) &>> shifts) & 0xF) | magic
            let f = unsafeBitCast(lane, to: SIMD8<Float>.self) - 8388608
            s += f * xr.loadUnaligned(fromByteOffset: 128 * b + 32 * k, as: SIMD8<Float>.self)
        }
        acc += s * d
        offset += m * xsums[b]
    }
    return acc.sum() + offset
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
            s += f * xr.loadUnaligned(fromByteOffset: 128 * b + 32 * k, as: SIMD8<Float>.self)
        }
        acc += s * d
    }
    return acc.sum()
}

/// Q8_0 row · activations (natural order).
@inline(__always) func dotQ8_0(_ row: UnsafeRawPointer, _ x: UnsafePointer<Float>, blocks: Int) -> Float {
    var acc = SIMD8<Float>()
    let xr = UnsafeRawPointer(x)
    let magic = floatMagic, shifts = byteShifts
    let flip = SIMD8<UInt32>(repeating: 0x80)
    for b in 0..<blocks {
        let p = row + 34 * b
        let d = halfToFloat(p, 0)
        var s = SIMD8<Float>()
        for k in 0..<4 {
            let w = p.loadUnaligned(fromByteOffset: 2 + 8 * k, as: SIMD2<UInt32>.self)
            let words = SIMD8<UInt32>(w[0], w[0], w[0], w[0], w[1], w[1], w[1], w[1])
            let lane = (((words &>> shifts) & 0xFF) ^ flip) | magic
            let f = unsafeBitCast(lane, to: SIMD8<Float>.self) - 8388736
            s += f * xr.loadUnaligned(fromByteOffset: 128 * b + 32 * k, as: SIMD8<Float>.self)
        }
        acc += s * d
    }
    return acc.sum()
}

@inline(__always) func dotF32(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Float {
    var acc = SIMD16<Float>()
    let ar = UnsafeRawPointer(a), br = UnsafeRawPointer(b)
    var i = 0
    while i + 16 <= count {
        acc += ar.loadUnaligned(fromByteOffset: 4 * i, as: SIMD16<Float>.self) * br.loadUnaligned(fromByteOffset: 4 * i, as: SIMD16<Float>.self)
        i += 16
    }
    var s = acc.sum()
    while i < count { s += a[i] * b[i]; i += 1 }
    return s
}
