/// A tensor stored in a GGUF file: its name, element type, shape and (validated) bytes.
///
/// `shape[0]` is the row length (ggml's `ne[0]`, the contiguous dimension); a matrix with
/// `shape == [n, m]` has `m` rows of `n` elements.
public struct GGUFTensor: @unchecked Sendable {
    public var name: String
    public var type: GGMLType
    public var shape: [Int]
    /// Start of the tensor's bytes inside the mapped file; valid while the file is alive.
    public var data: UnsafeRawPointer
    /// Number of bytes, already checked to lie inside the file.
    public var byteCount: Int

    /// Total number of elements.
    public var elementCount: Int { shape.reduce(1, *) }
    /// Elements per row (`shape[0]`).
    public var rowLength: Int { shape[0] }
    /// Number of rows (product of the remaining dimensions).
    public var rowCount: Int { shape.dropFirst().reduce(1, *) }
    /// Bytes per row.
    public var rowBytes: Int { rowLength / type.blockSize * type.bytesPerBlock }
}
