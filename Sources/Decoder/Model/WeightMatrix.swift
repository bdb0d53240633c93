import Foundation
import CBLAS
import Dispatch

/// A weight matrix of `rows` × `columns` stored in a GGUF tensor (any supported type).
///
/// `multiply` computes `Y[t] = W · X[t]` for a batch of activation rows: one row uses the
/// SIMD dot kernels (split by output rows across threads); larger batches dequantize row
/// panels to F32 and call OpenBLAS `sgemm`. The result never depends on the thread count.
public struct WeightMatrix: @unchecked Sendable {
    public let tensor: GGUFTensor
    public var rows: Int { tensor.rowCount }
    public var columns: Int { tensor.rowLength }
    var type: GGMLType { tensor.type }

    init(_ tensor: GGUFTensor) { self.tensor = tensor }

    @inline(__always) func rowPointer(_ r: Int) -> UnsafeRawPointer { tensor.data + r * tensor.rowBytes }

    /// Dequantizes row `r` into `dst` (`columns` floats).
    func dequantizeRow(_ r: Int, into dst: UnsafeMutablePointer<Float>) {
        type.dequantize(rowPointer(r), count: columns, into: dst)
    }

    /// Batches of at most this many rows use the dot kernels; larger ones use sgemm.
    static let gemmThreshold = 4
    /// Batches of 2...multiDotLimit rows of 4-bit/8-bit weights use `multiDot`.
    static let multiDotLimit = 32
    /// Rows dequantized per sgemm call.
    static let panelRows = 256

    /// `y[t * rows + r] = dot(W[r], x[t * columns ..])` for `t` in `0..<batch`, rows `rowRange`.
    /// `scratch` provides per-thread space (see `MatmulScratch`).
    func multiply(_ x: UnsafePointer<Float>, batch: Int, into y: UnsafeMutablePointer<Float>,
                  rowRange: Range<Int>? = nil, outputStride: Int? = nil, scratch: MatmulScratch, threads: Int) {
        let range = rowRange ?? 0..<rows
        let stride = outputStride ?? rows
        let n = columns
        let integerDot = type == .q4_1 || type == .q4_0 || type == .q8_0
        if integerDot && batch == 1 && scratch.integerKernels {
            // Opt-in (ENTAIL_INTEGER_DOT=1): Q8_0 weights (the output head) meet activations rounded
            // exactly as llama.cpp rounds them; 4-bit weights meet finer 11-bit activations (see
            // `QuantizedActivations`). Off by default: its one-token logits drift up to ~0.3 from the
            // batched float path's, and its speed gain is within this machine's noise.
            scratch.activations.quantize(x, rows: 1, columns: n, precision: type == .q8_0 ? .llamaQ8 : .fine)
            let perChunk = (range.count + threads - 1) / threads
            let a = scratch.activations
            let q = a.quants(row: 0), ds = a.scaleSums(row: 0), blocks = n / 32, unit = a.unit
            scratch.parallel(threads) { c in
                let lo = range.lowerBound + c * perChunk, hi = min(range.upperBound, lo + perChunk)
                guard lo < hi else { return }
                let out = y - range.lowerBound
                switch self.type {
                case .q4_1: for r in lo..<hi { out[r] = dotQ4_1Q8(self.rowPointer(r), q, ds, blocks: blocks, unit: unit) }
                case .q4_0: for r in lo..<hi { out[r] = dotQ4_0Q8(self.rowPointer(r), q, ds, blocks: blocks, unit: unit) }
                default: for r in lo..<hi { out[r] = dotQ8_0Q8(self.rowPointer(r), q, ds, blocks: blocks, unit: unit) }
                }
            }
        } else if integerDot && batch > 1 && batch <= Self.multiDotLimit {
            // Each block is dequantized once per group of four vectors; rows split across threads.
            var xg = x
            if type != .q8_0 {
                for t in 0..<batch { permuteForNibbles(x + t * n, count: n, into: scratch.permutedBatch + t * n) }
                xg = UnsafePointer(scratch.permutedBatch)
            }
            let perChunk = (range.count + threads - 1) / threads
            scratch.parallel(threads) { c in
                let lo = range.lowerBound + c * perChunk, hi = min(range.upperBound, lo + perChunk)
                guard lo < hi else { return }
                var out = SIMD4<Float>()
                for r in lo..<hi {
                    let row = self.rowPointer(r)
                    var t = 0
                    while t < batch {
                        let k = min(4, batch - t)
                        withUnsafeMutableBytes(of: &out) { o in
                            multiDot(self.type, row, xg + t * n, columns: n, count: k, o.baseAddress!.assumingMemoryBound(to: Float.self))
                        }
                        for i in 0..<k { y[(t + i) * stride + r - range.lowerBound] = out[i] }
                        t += 4
                    }
                }
            }
        } else if batch < Self.gemmThreshold {
            let chunks = threads
            let perChunk = (range.count + chunks - 1) / chunks
            let work: (Int) -> Void = { c in
                let lo = range.lowerBound + c * perChunk, hi = min(range.upperBound, lo + perChunk)
                guard lo < hi else { return }
                let tmp = scratch.thread(c)
                for t in 0..<batch {
                    var xt = x + t * n
                    if self.type == .q4_1 { blockSums(xt, count: n, into: tmp.sums) }
                    if self.type == .q4_1 || self.type == .q4_0 {
                        permuteForNibbles(xt, count: n, into: tmp.permuted)
                        xt = UnsafePointer(tmp.permuted)
                    }
                    for r in lo..<hi { y[t * stride + r - range.lowerBound] = self.dotRow(r, xt, tmp) }
                }
            }
            scratch.parallel(chunks, work)
        } else {
            let panels = (range.count + Self.panelRows - 1) / Self.panelRows
            let nibbles = type == .q4_1 || type == .q4_0
            var xg = x
            if nibbles {
                for t in 0..<batch { permuteForNibbles(x + t * n, count: n, into: scratch.permutedBatch + t * n) }
                xg = UnsafePointer(scratch.permutedBatch)
            }
            let work: (Int) -> Void = { c in
                let tmp = scratch.thread(c)
                var p = c
                while p < panels {
                    let lo = range.lowerBound + p * Self.panelRows, hi = min(range.upperBound, lo + Self.panelRows)
                    for r in lo..<hi {
                        if nibbles {
                            dequantizeNibblesPermuted(self.rowPointer(r), blocks: n / 32, hasMin: self.type == .q4_1, into: tmp.panel + (r - lo) * n)
                        } else {
                            self.dequantizeRow(r, into: tmp.panel + (r - lo) * n)
                        }
                    }
                    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(batch), Int32(hi - lo), Int32(n),
                                1, xg, Int32(n), tmp.panel, Int32(n), 0, y + (lo - range.lowerBound), Int32(stride))
                    p += threads
                }
            }
            scratch.parallel(threads, work)
        }
    }

    @inline(__always) func dotRow(_ r: Int, _ x: UnsafePointer<Float>, _ tmp: MatmulScratch.PerThread) -> Float {
        let row = rowPointer(r)
        switch type {
        case .q4_1: return dotQ4_1(row, x, tmp.sums, blocks: columns / 32)
        case .q8_0: return dotQ8_0(row, x, blocks: columns / 32)
        case .q4_0: return dotQ4_0(row, x, blocks: columns / 32)
        case .f32: return dotF32(row.assumingMemoryBound(to: Float.self), x, count: columns)
        default:
            type.dequantize(row, count: columns, into: tmp.row)
            return dotF32(tmp.row, x, count: columns)
        }
    }
}

/// Per-thread scratch space for `WeightMatrix.multiply`, allocated once per model.
public final class MatmulScratch: @unchecked Sendable {
    struct PerThread {
        var panel: UnsafeMutablePointer<Float>
        var row: UnsafeMutablePointer<Float>
        var sums: UnsafeMutablePointer<Float>
        var permuted: UnsafeMutablePointer<Float>
    }
    private var perThread: [PerThread]
    /// (maxBatch, maxColumns): activations permuted for the 4-bit panels.
    let permutedBatch: UnsafeMutablePointer<Float>
    /// Activations quantized for the integer kernels.
    let activations: QuantizedActivations
    /// Whether one-row products of 4/8-bit weights use the integer kernels (`ENTAIL_INTEGER_DOT=1`).
    let integerKernels: Bool

    /// `integerKernels` nil reads `ENTAIL_INTEGER_DOT`.
    init(threads: Int, maxColumns: Int, maxBatch: Int, integerKernels: Bool? = nil) {
        permutedBatch = .allocate(capacity: maxBatch * maxColumns)
        pool = WorkerPool(size: threads)
        self.integerKernels = integerKernels ?? (ProcessInfo.processInfo.environment["ENTAIL_INTEGER_DOT"] == "1")
        activations = QuantizedActivations(maxRows: maxBatch, maxColumns: (maxColumns + 31) / 32 * 32)
        perThread = (0..<max(threads, 1)).map { _ in
            PerThread(panel: .allocate(capacity: WeightMatrix.panelRows * maxColumns),
                      row: .allocate(capacity: maxColumns), sums: .allocate(capacity: maxColumns / 32 + 1),
                      permuted: .allocate(capacity: maxColumns))
        }
    }

    func thread(_ i: Int) -> PerThread { perThread[i] }

    /// The model's persistent worker threads.
    let pool: WorkerPool

    /// Runs `body(0..<count)` on the worker pool when `count` is its size, else as `parallelFor`.
    func parallel(_ count: Int, _ body: (Int) -> Void) {
        if count == pool.size { pool.run(body) } else { parallelFor(count, body) }
    }

    deinit {
        permutedBatch.deallocate()
        for p in perThread { p.panel.deallocate(); p.row.deallocate(); p.sums.deallocate(); p.permuted.deallocate() }
    }
}
