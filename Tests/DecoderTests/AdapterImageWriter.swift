import Foundation
@testable import Decoder

/// Writes LoRA adapter GGUF v3 images (llama.cpp layout) for tests.
struct AdapterImageWriter {
    /// One tensor: name, GGUF shape (row length first), values, and whether to store it as F16.
    struct Tensor {
        var name: String
        var shape: [Int]
        var values: [Float]
        var half = false
    }

    var generalType = "adapter"
    var adapterType = "lora"
    var alpha: Float = 16
    var tensors: [Tensor] = []

    /// A random low-rank update for `target` (rank `rank`, `inputs` → `outputs`); `zeroB` makes B = 0.
    mutating func addUpdate(_ target: String, rank: Int, inputs: Int, outputs: Int, zeroB: Bool = false, half: Bool = false,
                            rng: inout SeededGenerator) {
        let a = (0..<(rank * inputs)).map { _ in Float.random(in: -0.05...0.05, using: &rng) }
        let b = (0..<(outputs * rank)).map { _ in zeroB ? 0 : Float.random(in: -0.05...0.05, using: &rng) }
        tensors.append(Tensor(name: target + ".lora_a", shape: [inputs, rank], values: a, half: half))
        tensors.append(Tensor(name: target + ".lora_b", shape: [rank, outputs], values: b, half: half))
    }

    func image() -> [UInt8] {
        var w = GGUFImageWriter()
        w.u32(0x4655_4747); w.u32(3)
        w.u64(UInt64(tensors.count))
        w.u64(3)
        w.str("general.type"); w.u32(8); w.str(generalType)
        w.str("adapter.type"); w.u32(8); w.str(adapterType)
        w.str("adapter.lora.alpha"); w.u32(6); w.f32(alpha)
        var offset = 0
        for t in tensors {
            w.str(t.name); w.u32(UInt32(t.shape.count))
            for d in t.shape { w.u64(UInt64(d)) }
            w.u32(t.half ? 1 : 0); w.u64(UInt64(offset))
            offset += (t.values.count * (t.half ? 2 : 4) + 31) / 32 * 32
        }
        while w.bytes.count % 32 != 0 { w.bytes.append(0) }
        for t in tensors {
            for v in t.values {
                if t.half {
                    let h = Float16(v).bitPattern
                    w.bytes.append(UInt8(h & 0xFF)); w.bytes.append(UInt8(h >> 8))
                } else {
                    w.f32(v)
                }
            }
            while w.bytes.count % 32 != 0 { w.bytes.append(0) }
        }
        return w.bytes
    }

    /// Writes the image to a fresh temporary file and returns its path.
    func write(named name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("entail-\(name)-\(getpid()).gguf").path
        try Data(image()).write(to: URL(fileURLWithPath: path))
        return path
    }
}

/// Random bytes for `blocks` blocks of a quantized row, with small finite f16 scales.
func randomQuantizedRow(_ type: GGMLType, blocks: Int, rng: inout SeededGenerator) -> [UInt8] {
    var bytes = (0..<(blocks * type.bytesPerBlock)).map { _ in UInt8.random(in: 0...255, using: &rng) }
    let scaleOffsets: [Int] = type == .q4_1 ? [0, 2] : [0]
    for b in 0..<blocks {
        for o in scaleOffsets {
            let h = Float16(Float.random(in: -0.1...0.1, using: &rng)).bitPattern
            bytes[b * type.bytesPerBlock + o] = UInt8(h & 0xFF)
            bytes[b * type.bytesPerBlock + o + 1] = UInt8(h >> 8)
        }
    }
    return bytes
}
