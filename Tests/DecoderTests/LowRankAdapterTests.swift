import Foundation
import XCTest
@testable import Decoder

final class LowRankAdapterTests: XCTestCase {
    /// A well-formed adapter parses, with F32 and F16 tensors and scale alpha / r.
    func testParsesAdapter() throws {
        var rng = SeededGenerator(seed: 3)
        var w = AdapterImageWriter()
        w.alpha = 8
        w.addUpdate("blk.0.attn_q.weight", rank: 4, inputs: 64, outputs: 32, rng: &rng)
        w.addUpdate("blk.1.ffn_down.weight", rank: 2, inputs: 32, outputs: 64, half: true, rng: &rng)
        let adapter = try LowRankAdapter(bytes: w.image())
        XCTAssertEqual(adapter.alpha, 8)
        XCTAssertEqual(adapter.updates.count, 2)
        let q = try XCTUnwrap(adapter.updates["blk.0.attn_q.weight"])
        XCTAssertEqual([q.rank, q.inputs, q.outputs], [4, 64, 32])
        XCTAssertEqual(q.scale, 2)
        XCTAssertEqual(q.down, w.tensors[0].values)
        let d = try XCTUnwrap(adapter.updates["blk.1.ffn_down.weight"])
        XCTAssertEqual(d.up, w.tensors[3].values.map { Float(Float16($0)) })
        XCTAssertEqual(adapter.maxRank, 4)
    }

    /// Malformed adapters are errors that name the problem (and the tensor).
    func testRejectsMalformedAdapters() {
        var rng = SeededGenerator(seed: 4)
        func message(_ w: AdapterImageWriter) -> String? {
            do { _ = try LowRankAdapter(bytes: w.image()); return nil } catch { return "\(error)" }
        }
        var w = AdapterImageWriter()
        w.addUpdate("blk.0.attn_k.weight", rank: 4, inputs: 64, outputs: 32, rng: &rng)
        XCTAssertNil(message(w))
        var notAdapter = w; notAdapter.generalType = "model"
        XCTAssertNotNil(message(notAdapter)?.range(of: "general.type"))
        var notLora = w; notLora.adapterType = "control_vector"
        XCTAssertNotNil(message(notLora)?.range(of: "adapter.type"))
        var missingB = w; missingB.tensors.removeLast()
        XCTAssertNotNil(message(missingB)?.range(of: "blk.0.attn_k.weight.lora_b"))
        var rankMismatch = w; rankMismatch.tensors[1].shape = [2, 64]; rankMismatch.tensors[1].values = Array(repeating: 0, count: 128)
        XCTAssertNotNil(message(rankMismatch)?.range(of: "blk.0.attn_k.weight.lora_b"))
        var stray = w; stray.tensors[0].name = "blk.0.attn_k.weight.extra"
        XCTAssertNotNil(message(stray)?.range(of: "blk.0.attn_k.weight.extra"))
        var badTarget = AdapterImageWriter()
        badTarget.addUpdate("token_embd.weight", rank: 2, inputs: 8, outputs: 8, rng: &rng)
        XCTAssertNotNil(message(badTarget)?.range(of: "token_embd.weight"))
        var nonFinite = w; nonFinite.tensors[0].values[3] = .nan
        XCTAssertNotNil(message(nonFinite)?.range(of: "non-finite"))
    }

    /// Every truncation and a few thousand seeded bit flips give an error or an adapter, never a crash.
    func testTruncatedAndCorruptedAdaptersNeverCrash() {
        var rng = SeededGenerator(seed: 5)
        var w = AdapterImageWriter()
        w.addUpdate("blk.2.ffn_gate.weight", rank: 2, inputs: 32, outputs: 16, rng: &rng)
        w.addUpdate("blk.2.attn_output.weight", rank: 2, inputs: 16, outputs: 16, half: true, rng: &rng)
        let image = w.image()
        for length in 0..<image.count {
            XCTAssertThrowsError(try LowRankAdapter(bytes: Array(image.prefix(length))), "truncated to \(length) bytes")
        }
        for trial in 0..<2000 {
            var bytes = image
            let i = Int(rng.next() % UInt64(bytes.count))
            bytes[i] ^= UInt8(1 << (rng.next() % 8))
            _ = try? LowRankAdapter(bytes: bytes)
            _ = trial
        }
    }

    /// Shapes are checked against the model; the error names the adapter tensor.
    func testValidatesShapesAgainstModel() throws {
        var rng = SeededGenerator(seed: 6)
        var w = AdapterImageWriter()
        w.addUpdate("blk.1.attn_v.weight", rank: 2, inputs: 64, outputs: 16, rng: &rng)
        let adapter = try LowRankAdapter(bytes: w.image())
        XCTAssertNoThrow(try adapter.validate(layerCount: 2) { _ in (16, 64) })
        XCTAssertThrowsError(try adapter.validate(layerCount: 2) { _ in (16, 32) }) { error in
            XCTAssertNotNil("\(error)".range(of: "blk.1.attn_v.weight.lora_a"))
        }
        XCTAssertThrowsError(try adapter.validate(layerCount: 2) { _ in (8, 64) }) { error in
            XCTAssertNotNil("\(error)".range(of: "blk.1.attn_v.weight.lora_b"))
        }
        XCTAssertThrowsError(try adapter.validate(layerCount: 1) { _ in nil }) { error in
            XCTAssertNotNil("\(error)".range(of: "blk.1.attn_v.weight"))
        }
    }

    /// A quantized projection plus its low-rank update equals the F32 reference
    /// (dequantized W + scale · B · A) · x, for one row (dot kernels) and a batch (sgemm).
    func testProjectionWithUpdateMatchesF32Reference() throws {
        var rng = SeededGenerator(seed: 7)
        let rows = 48, columns = 96, rank = 8
        var w = AdapterImageWriter()
        w.addUpdate("blk.0.attn_q.weight", rank: rank, inputs: columns, outputs: rows, rng: &rng)
        let update = try XCTUnwrap(LowRankAdapter(bytes: w.image()).updates["blk.0.attn_q.weight"])
        for type in [GGMLType.q4_1, .q8_0, .f32] {
            let rowBytes = columns / type.blockSize * type.bytesPerBlock
            var bytes = [UInt8](repeating: 0, count: rows * rowBytes)
            if type == .f32 {
                for i in 0..<(rows * columns) { withUnsafeBytes(of: Float.random(in: -0.2...0.2, using: &rng)) { for k in 0..<4 { bytes[4 * i + k] = $0[k] } } }
            } else {
                for r in 0..<rows {
                    let row = randomQuantizedRow(type, blocks: columns / 32, rng: &rng)
                    for k in 0..<rowBytes { bytes[r * rowBytes + k] = row[k] }
                }
            }
            let data = UnsafeMutableRawPointer.allocate(byteCount: bytes.count, alignment: 64)
            defer { data.deallocate() }
            bytes.withUnsafeBytes { data.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
            let matrix = WeightMatrix(GGUFTensor(name: "w", type: type, shape: [columns, rows], data: UnsafeRawPointer(data), byteCount: bytes.count))
            var dense = [Float](repeating: 0, count: rows * columns)
            for r in 0..<rows { dense.withUnsafeMutableBufferPointer { matrix.dequantizeRow(r, into: $0.baseAddress! + r * columns) } }
            let scratch = MatmulScratch(threads: 1, maxColumns: columns, maxBatch: 8, integerKernels: false)
            let temp = UnsafeMutablePointer<Float>.allocate(capacity: 8 * rank)
            defer { temp.deallocate() }
            for batch in [1, 8] {
                let x = (0..<(batch * columns)).map { _ in Float.random(in: -1...1, using: &rng) }
                let xBase = x
                var y = [Float](repeating: 0, count: batch * rows)
                x.withUnsafeBufferPointer { xp in
                    y.withUnsafeMutableBufferPointer { yp in
                        matrix.multiply(xp.baseAddress!, batch: batch, into: yp.baseAddress!, scratch: scratch, threads: 1)
                        update.apply(xp.baseAddress!, batch: batch, into: yp.baseAddress!, temp: temp)
                    }
                }
                for t in 0..<batch {
                    for r in 0..<rows {
                        var base = 0.0, delta = 0.0
                        for c in 0..<columns { base += Double(dense[r * columns + c]) * Double(xBase[t * columns + c]) }
                        for k in 0..<rank {
                            var h = 0.0
                            for c in 0..<columns { h += Double(update.down[k * columns + c]) * Double(x[t * columns + c]) }
                            delta += Double(update.up[r * rank + k]) * h
                        }
                        let expected = base + Double(update.scale) * delta
                        XCTAssertEqual(Double(y[t * rows + r]), expected, accuracy: 2e-3 * max(1, abs(expected)),
                                       "\(type.name) batch \(batch) row \(t) output \(r) seed 7")
                    }
                }
            }
        }
    }

    /// On the bundled model: an all-projection adapter with B = 0 leaves the logits bit-identical
    /// (one token at a time and batched); a non-zero adapter changes them, and its batched and
    /// one-at-a-time logits agree.
    func testBundledModelWithAdapter() throws {
        let path = try TestPaths.requireModel()
        let base = try LanguageModel(path: path, threads: 1, maxBatch: 16, contextCapacity: 64)
        let c = base.config
        func adapterFile(zeroB: Bool, seed: UInt64) throws -> LowRankAdapter {
            var rng = SeededGenerator(seed: seed)
            var w = AdapterImageWriter()
            let dim = c.embeddingLength, kv = c.kvDimension, ff = c.feedForwardLength
            for l in 0..<c.layerCount {
                let shapes: [(String, Int, Int)] = [("attn_q", dim, dim), ("attn_k", dim, kv), ("attn_v", dim, kv), ("attn_output", dim, dim),
                                                    ("ffn_gate", dim, ff), ("ffn_up", dim, ff), ("ffn_down", ff, dim)]
                for (name, inputs, outputs) in shapes {
                    w.addUpdate("blk.\(l).\(name).weight", rank: 4, inputs: inputs, outputs: outputs, zeroB: zeroB, half: l % 2 == 1, rng: &rng)
                }
            }
            return try LowRankAdapter(path: w.write(named: "adapter-\(seed)"))
        }
        let tokens = base.tokenizer.encode("All humans are mortal. Socrates is a human.")
        let vocab = c.vocabularySize
        func logits(_ model: LanguageModel, batched: Bool) -> [Float] {
            let cache = model.makeCache(capacity: 64)
            var out = [Float](repeating: 0, count: tokens.count * vocab)
            out.withUnsafeMutableBufferPointer { o in
                if batched {
                    model.forward(tokens: tokens, caches: Array(repeating: cache, count: tokens.count), logitRows: Array(0..<tokens.count), logits: o.baseAddress!)
                } else {
                    for (i, t) in tokens.enumerated() { model.forward(tokens: [t], caches: [cache], logitRows: [0], logits: o.baseAddress! + i * vocab) }
                }
            }
            return out
        }
        let zero = try LanguageModel(path: path, threads: 1, maxBatch: 16, contextCapacity: 64, adapter: adapterFile(zeroB: true, seed: 8))
        for batched in [false, true] {
            XCTAssertEqual(logits(zero, batched: batched), logits(base, batched: batched), "B = 0 must not change logits (batched: \(batched))")
        }
        let adapted = try LanguageModel(path: path, threads: 1, maxBatch: 16, contextCapacity: 64, adapter: adapterFile(zeroB: false, seed: 9))
        let single = logits(adapted, batched: false), batched = logits(adapted, batched: true), plain = logits(base, batched: false)
        let change = zip(single, plain).map { abs($0 - $1) }.max() ?? 0
        XCTAssertGreaterThan(change, 1e-2, "a non-zero adapter must change the logits")
        let gap = zip(single, batched).map { abs($0 - $1) }.max() ?? 0
        XCTAssertLessThan(gap, 0.05, "batched and one-at-a-time logits with an adapter differ by \(gap)")

        // A shape mismatch against the model names the adapter tensor.
        var rng = SeededGenerator(seed: 10)
        var bad = AdapterImageWriter()
        bad.addUpdate("blk.0.attn_k.weight", rank: 2, inputs: c.embeddingLength, outputs: c.embeddingLength, rng: &rng)
        let badAdapter = try LowRankAdapter(path: bad.write(named: "bad-adapter"))
        XCTAssertThrowsError(try LanguageModel(path: path, threads: 1, maxBatch: 4, contextCapacity: 16, adapter: badAdapter)) { error in
            XCTAssertNotNil("\(error)".range(of: "blk.0.attn_k.weight.lora_b"), "\(error)")
        }
    }
}
