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
    /// Rows dequantized per sgemm call.
    static let panelRows = 256

    /// `y[t * rows + r] = dot(W[r], x[t * columns ..])` for `t` in `0..<batch`, rows `rowRange`.
    /// `scratch` provides per-thread space (see `MatmulScratch`).
    func multiply(_ x: UnsafePointer<Float>, batch: Int, into y: UnsafeMutablePointer<Float>,
                  rowRange: Range<Int>? = nil, outputStride: Int? = nil, scratch: MatmulScratch, threads: Int) {
        let range = rowRange ?? 0..<rows
        let stride = outputStride ?? rows
        let n = columns
        if batch < Self.gemmThreshold {
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
            parallelFor(chunks, work)
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
            parallelFor(threads, work)
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

    init(threads: Int, maxColumns: Int, maxBatch: Int) {
        permutedBatch = .allocate(capacity: maxBatch * maxColumns)
        perThread = (0..<max(threads, 1)).map { _ in
            PerThread(panel: .allocate(capacity: WeightMatrix.panelRows * maxColumns),
                      row: .allocate(capacity: maxColumns), sums: .allocate(capacity: maxColumns / 32 + 1),
                      permuted: .allocate(capacity: maxColumns))
        }
    }

    func thread(_ i: Int) -> PerThread { perThread[i] }

    deinit {
        permutedBatch.deallocate()
        for p in perThread { p.panel.deallocate(); p.row.deallocate(); p.sums.deallocate(); p.permuted.deallocate() }
    }
}
