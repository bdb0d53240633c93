// Reference dequantization of one row of every supported tensor type, following ggml's
// block layouts. The fast kernels in QuantizedDot.swift must agree with these.

@inline(__always) func halfToFloat(_ p: UnsafeRawPointer, _ offset: Int) -> Float {
    Float(Float16(bitPattern: p.loadUnaligned(fromByteOffset: offset, as: UInt16.self)))
}

extension GGMLType {
    /// Writes the `count` elements stored at `src` (a whole number of blocks) to `dst`.
    func dequantize(_ src: UnsafeRawPointer, count: Int, into dst: UnsafeMutablePointer<Float>) {
        let blocks = count / blockSize
        switch self {
        case .f32:
            dst.update(from: src.assumingMemoryBound(to: Float.self), count: count)
        case .f16:
            for i in 0..<count { dst[i] = halfToFloat(src, 2 * i) }
        case .bf16:
            for i in 0..<count {
                dst[i] = Float(bitPattern: UInt32(src.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self)) << 16)
            }
        case .q8_0:
            for b in 0..<blocks {
                let p = src + b * 34
                let d = halfToFloat(p, 0)
                for j in 0..<32 { dst[b * 32 + j] = d * Float(p.load(fromByteOffset: 2 + j, as: Int8.self)) }
            }
        case .q4_0:
            for b in 0..<blocks {
                let p = src + b * 18
                let d = halfToFloat(p, 0)
                for j in 0..<16 {
                    let q = p.load(fromByteOffset: 2 + j, as: UInt8.self)
                    dst[b * 32 + j] = d * Float(Int(q & 0xF) - 8)
                    dst[b * 32 + j + 16] = d * Float(Int(q >> 4) - 8)
                }
            }
        case .q4_1:
            for b in 0..<blocks {
                let p = src + b * 20
                let d = halfToFloat(p, 0), m = halfToFloat(p, 2)
                for j in 0..<16 {
                    let q = p.load(fromByteOffset: 4 + j, as: UInt8.self)
                    dst[b * 32 + j] = d * Float(q & 0xF) + m
                    dst[b * 32 + j + 16] = d * Float(q >> 4) + m
                }
            }
        case .q4_K:
            for b in 0..<blocks {
                let p = src + b * 144
                let d = halfToFloat(p, 0), dmin = halfToFloat(p, 2)
                let sc = p + 4, qs = p + 16
                func scaleMin(_ j: Int) -> (Float, Float) {
                    let q = { (i: Int) in Int(sc.load(fromByteOffset: i, as: UInt8.self)) }
                    if j < 4 { return (Float(q(j) & 63), Float(q(j + 4) & 63)) }
                    return (Float((q(j + 4) & 0xF) | ((q(j - 4) >> 6) << 4)), Float((q(j + 4) >> 4) | ((q(j) >> 6) << 4)))
                }
                var y = dst + b * 256
                for g in 0..<4 {
                    let (s1, m1) = scaleMin(2 * g), (s2, m2) = scaleMin(2 * g + 1)
                    let q = qs + 32 * g
                    for l in 0..<32 { y[l] = d * s1 * Float(q.load(fromByteOffset: l, as: UInt8.self) & 0xF) - dmin * m1 }
                    for l in 0..<32 { y[32 + l] = d * s2 * Float(q.load(fromByteOffset: l, as: UInt8.self) >> 4) - dmin * m2 }
                    y += 64
                }
            }
        case .q6_K:
            for b in 0..<blocks {
                let p = src + b * 210
                let d = halfToFloat(p, 208)
                for half in 0..<2 {
                    let ql = p + 64 * half, qh = p + 128 + 32 * half, sc = p + 192 + 8 * half
                    let y = dst + b * 256 + 128 * half
                    for l in 0..<32 {
                        let s = l / 16
                        let l0 = Int(ql.load(fromByteOffset: l, as: UInt8.self)), l1 = Int(ql.load(fromByteOffset: l + 32, as: UInt8.self))
                        let h = Int(qh.load(fromByteOffset: l, as: UInt8.self))
                        let q1 = ((l0 & 0xF) | ((h & 3) << 4)) - 32
                        let q2 = ((l1 & 0xF) | (((h >> 2) & 3) << 4)) - 32
                        let q3 = ((l0 >> 4) | (((h >> 4) & 3) << 4)) - 32
                        let q4 = ((l1 >> 4) | (((h >> 6) & 3) << 4)) - 32
                        func scale(_ i: Int) -> Float { Float(sc.load(fromByteOffset: i, as: Int8.self)) }
                        y[l] = d * scale(s) * Float(q1)
                        y[l + 32] = d * scale(s + 2) * Float(q2)
                        y[l + 64] = d * scale(s + 4) * Float(q3)
                        y[l + 96] = d * scale(s + 6) * Float(q4)
                    }
                }
            }
        }
    }
}
