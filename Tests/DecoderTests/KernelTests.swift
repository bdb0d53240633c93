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
}
