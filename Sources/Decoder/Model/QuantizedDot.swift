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

@inline(__always) func dotQ4_1(_ row: UnsafeRawPointer, _ x: UnsafePointer<Float>, _ xsums: UnsafePointer<Float>, blocks: Int) -> Float {
    var acc = SIMD16<Float>()
    var offset: Float = 0
    let xr = UnsafeRawPointer(x)
    for b in 0..<blocks {
        let p = row + 20 * b
        let d = halfToFloat(p, 0), m = halfToFloat(p, 2)
        let q = p.loadUnaligned(fromByteOffset: 4, as: SIMD16<UInt8>.self)
        let lo = SIMD16<Float>(SIMD16<Int32>(truncatingIfNeeded: q & 0xF))
        let hi = SIMD16<Float>(SIMD16<Int32>(truncatingIfNeeded: q &>> 4))
        let x0 = xr.loadUnaligned(fromByteOffset: 128 * b, as: SIMD16<Float>.self)
        let x1 = xr.loadUnaligned(fromByteOffset: 128 * b + 64, as: SIMD16<Float>.self)
        acc += (lo * x0 + hi * x1) * d
        offset += m * xsums[b]
    }
    return acc.sum() + offset
}

@inline(__always) func dotQ4_0(_ row: UnsafeRawPointer, _ x: UnsafePointer<Float>, blocks: Int) -> Float {
    var acc = SIMD16<Float>()
    let xr = UnsafeRawPointer(x)
    for b in 0..<blocks {
        let p = row + 18 * b
        let d = halfToFloat(p, 0)
        let q = p.loadUnaligned(fromByteOffset: 2, as: SIMD16<UInt8>.self)
        let lo = SIMD16<Float>(SIMD16<Int32>(truncatingIfNeeded: q & 0xF) &- 8)
        let hi = SIMD16<Float>(SIMD16<Int32>(truncatingIfNeeded: q &>> 4) &- 8)
        let x0 = xr.loadUnaligned(fromByteOffset: 128 * b, as: SIMD16<Float>.self)
        let x1 = xr.loadUnaligned(fromByteOffset: 128 * b + 64, as: SIMD16<Float>.self)
        acc += (lo * x0 + hi * x1) * d
    }
    return acc.sum()
}

@inline(__always) func dotQ8_0(_ row: UnsafeRawPointer, _ x: UnsafePointer<Float>, blocks: Int) -> Float {
    var acc = SIMD16<Float>()
    let xr = UnsafeRawPointer(x)
    for b in 0..<blocks {
        let p = row + 34 * b
        let d = halfToFloat(p, 0)
        let q0 = SIMD16<Float>(SIMD16<Int32>(truncatingIfNeeded: p.loadUnaligned(fromByteOffset: 2, as: SIMD16<Int8>.self)))
        let q1 = SIMD16<Float>(SIMD16<Int32>(truncatingIfNeeded: p.loadUnaligned(fromByteOffset: 18, as: SIMD16<Int8>.self)))
        let x0 = xr.loadUnaligned(fromByteOffset: 128 * b, as: SIMD16<Float>.self)
        let x1 = xr.loadUnaligned(fromByteOffset: 128 * b + 64, as: SIMD16<Float>.self)
        acc += (q0 * x0 + q1 * x1) * d
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
