import XCTest
@testable import Decoder

/// The SIMD kernels against the reference dequantization, on random blocks.
final class KernelTests: XCTestCase {
    func randomRow(_ type: GGMLType, blocks: Int, rng: inout SeededGenerator) -> [UInt8] {
        var bytes = (0..<(blocks * type.bytesPerBlock)).map { _ in UInt8.random(in: 0...255, using: &rng) }
        // Keep the f16 scales finite and small.
        let scaleOffsets: [Int] = type == .q4_1 ? [0, 2] : type == .q6_K ? [208] : type == .q4_K ? [0, 2] : [0]
        for b in 0..<blocks {
            for o in scaleOffsets {
                let h = Float16(Float.random(in: -0.1...0.1, using: &rng)).bitPattern
                bytes[b * type.bytesPerBlock + o] = UInt8(h & 0xFF)
                bytes[b * type.bytesPerBlock + o + 1] = UInt8(h >> 8)
            }
        }
        return bytes
    }

    func testDotKernelsMatchReference() {
        var rng = SeededGenerator(seed: 5)
        let n = 256
        let x = (0..<n).map { _ in Float.random(in: -1...1, using: &rng) }
        for type in [GGMLType.q4_1, .q4_0, .q8_0] {
            for trial in 0..<20 {
                let row = randomRow(type, blocks: n / 32, rng: &rng)
                var ref = [Float](repeating: 0, count: n)
                row.withUnsafeBytes { type.dequantize($0.baseAddress!, count: n, into: &ref) }
                let expected = zip(ref, x).map { Double($0) * Double($1) }.reduce(0, +)
                var permuted = [Float](repeating: 0, count: n)
                var sums = [Float](repeating: 0, count: n / 32)
                permuteForNibbles(x, count: n, into: &permuted)
                blockSums(x, count: n, into: &sums)
                let got: Float = row.withUnsafeBytes { p in
                    switch type {
                    case .q4_1: dotQ4_1(p.baseAddress!, permuted, sums, blocks: n / 32)
                    case .q4_0: dotQ4_0(p.baseAddress!, permuted, blocks: n / 32)
                    default: dotQ8_0(p.baseAddress!, x, blocks: n / 32)
                    }
                }
                XCTAssertEqual(Double(got), expected, accuracy: 1e-3 * max(1, abs(expected)), "\(type.name) trial \(trial) seed 5")
                if type != .q8_0 {
                    var deq = [Float](repeating: 0, count: n)
                    row.withUnsafeBytes { dequantizeNibblesPermuted($0.baseAddress!, blocks: n / 32, hasMin: type == .q4_1, into: &deq) }
                    var refPermuted = [Float](repeating: 0, count: n)
                    permuteForNibbles(ref, count: n, into: &refPermuted)
                    for i in 0..<n { XCTAssertEqual(deq[i], refPermuted[i], accuracy: 1e-5, "\(type.name) element \(i)") }
                }
            }
        }
    }

    func testMultiDotMatchesReference() {
        var rng = SeededGenerator(seed: 11)
        let n = 128
        for type in [GGMLType.q4_1, .q4_0, .q8_0] {
            let row = randomRow(type, blocks: n / 32, rng: &rng)
            var ref = [Float](repeating: 0, count: n)
            row.withUnsafeBytes { type.dequantize($0.baseAddress!, count: n, into: &ref) }
            for count in 1...4 {
                let xs = (0..<(count * n)).map { _ in Float.random(in: -1...1, using: &rng) }
                var input = xs
                if type != .q8_0 { for t in 0..<count { xs.withUnsafeBufferPointer { permuteForNibbles($0.baseAddress! + t * n, count: n, into: &input[t * n]) } } }
                var out = [Float](repeating: 0, count: 4)
                row.withUnsafeBytes { multiDot(type, $0.baseAddress!, input, columns: n, count: count, &out) }
                for t in 0..<count {
                    let expected = (0..<n).map { Double(ref[$0]) * Double(xs[t * n + $0]) }.reduce(0, +)
                    XCTAssertEqual(Double(out[t]), expected, accuracy: 1e-3 * max(1, abs(expected)), "\(type.name) count \(count) vector \(t) seed 11")
                }
            }
        }
    }

    /// The integer kernels (weights × Q8-quantized activations) against the reference
    /// dequantization times the dequantized activations.
    func testIntegerKernelsMatchReference() {
        var rng = SeededGenerator(seed: 23)
        let n = 320
        let activations = QuantizedActivations(maxRows: 1, maxColumns: n)
        for type in [GGMLType.q4_1, .q4_0, .q8_0] {
            for trial in 0..<20 {
                let x = (0..<n).map { _ in Float.random(in: -3...3, using: &rng) }
                x.withUnsafeBufferPointer { activations.quantize($0.baseAddress!, rows: 1, columns: n, precision: type == .q8_0 ? .llamaQ8 : .fine) }
                let row = randomRow(type, blocks: n / 32, rng: &rng)
                var ref = [Float](repeating: 0, count: n)
                row.withUnsafeBytes { type.dequantize($0.baseAddress!, count: n, into: &ref) }
                let xq = activations.dequantized(row: 0)
                let expected = (0..<n).map { Double(ref[$0]) * Double(xq[$0]) }.reduce(0, +)
                let scale = (0..<n).map { abs(Double(ref[$0]) * Double(xq[$0])) }.reduce(0, +)
                let got: Float = row.withUnsafeBytes { p in
                    let q = activations.quants(row: 0), ds = activations.scaleSums(row: 0), unit = activations.unit
                    switch type {
                    case .q4_1: return dotQ4_1Q8(p.baseAddress!, q, ds, blocks: n / 32, unit: unit)
                    case .q4_0: return dotQ4_0Q8(p.baseAddress!, q, ds, blocks: n / 32, unit: unit)
                    default: return dotQ8_0Q8(p.baseAddress!, q, ds, blocks: n / 32, unit: unit)
                    }
                }
                XCTAssertEqual(Double(got), expected, accuracy: 2e-3 * max(1, scale), "\(type.name) trial \(trial) seed 23")
            }
        }
    }

    /// The activation quantizer follows llama.cpp's Q8_1 rule: d = amax/127 through f16,
    /// q = round-half-even(x·127/amax), s = f16(d·Σq).
    func testActivationQuantizationRule() {
        var x = [Float](repeating: 0, count: 64)
        for j in 0..<32 { x[j] = Float(j - 16) / 16 }   // amax 1 at j = 0
        x[32 + 5] = 2.5                                   // one non-zero value in block 2
        let a = QuantizedActivations(maxRows: 1, maxColumns: 64)
        x.withUnsafeBufferPointer { a.quantize($0.baseAddress!, rows: 1, columns: 64) }
        let d = Float(Float16(Float(1) / 127))
        XCTAssertEqual(a.scaleSums(row: 0)[0], d)
        let q = a.quants(row: 0)
        for j in 0..<32 {
            let expected = Int16((Float(j - 16) / 16 * 127).rounded(.toNearestOrEven))
            let lane = j % 2 == 0 ? j / 2 : 16 + j / 2
            XCTAssertEqual(q[lane], expected, "element \(j)")
        }
        let total = (0..<32).map { Float(q[$0]) }.reduce(0, +)
        XCTAssertEqual(a.scaleSums(row: 0)[1], Float(Float16(Float(1) / 127 * total)))
        XCTAssertEqual(q[32 + 16 + 2], 127)              // element 5 of block 2 is odd: lane 16 + 2
        XCTAssertEqual(a.dequantized(row: 0)[37], Float(Float16(Float(2.5) / 127)) * 127)
    }

    /// On the bundled model's own matrices: the one-row integer path of `WeightMatrix.multiply`
    /// equals the dequantized rows times the Q8-rounded activations (the exact same arithmetic
    /// up to float summation order).
    func testIntegerPathOnBundledMatrices() throws {
        let path = try TestPaths.requireModel()
        let file = try GGUFFile(path: path)
        var rng = SeededGenerator(seed: 29)
        for name in ["blk.0.attn_q.weight", "blk.3.ffn_down.weight", "blk.7.ffn_gate.weight", "token_embd.weight"] {
            let matrix = WeightMatrix(try file.tensor(name))
            let n = matrix.columns, rows = min(matrix.rows, 256)
            let x = (0..<n).map { _ in Float.random(in: -2...2, using: &rng) }
            let scratch = MatmulScratch(threads: 1, maxColumns: n, maxBatch: 1, integerKernels: true)
            var y = [Float](repeating: 0, count: rows)
            x.withUnsafeBufferPointer { xp in
                y.withUnsafeMutableBufferPointer { matrix.multiply(xp.baseAddress!, batch: 1, into: $0.baseAddress!, rowRange: 0..<rows, scratch: scratch, threads: 1) }
            }
            let a = QuantizedActivations(maxRows: 1, maxColumns: n)
            x.withUnsafeBufferPointer { a.quantize($0.baseAddress!, rows: 1, columns: n, precision: matrix.type == .q8_0 ? .llamaQ8 : .fine) }
            var row = [Float](repeating: 0, count: n)
            for r in 0..<rows {
                row.withUnsafeMutableBufferPointer { matrix.dequantizeRow(r, into: $0.baseAddress!) }
                let expected = (0..<n).map { Double(row[$0]) * Double(a.dequantized(row: 0)[$0]) }.reduce(0, +)
                let magnitude = (0..<n).map { abs(Double(row[$0]) * Double(a.dequantized(row: 0)[$0])) }.reduce(0, +)
                XCTAssertEqual(Double(y[r]), expected, accuracy: 1e-3 * max(1e-3, magnitude), "\(name) row \(r)")
                if abs(Double(y[r]) - expected) > 1e-3 * max(1e-3, magnitude) { break }
            }
        }
    }
}
