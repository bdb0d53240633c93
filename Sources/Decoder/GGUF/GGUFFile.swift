#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A memory-mapped GGUF (version 2 or 3, little-endian) file: its metadata and tensors.
///
/// Every count, length, offset, size and type read from the file is checked against the
/// file's size before it is used, so a truncated or hostile file yields a `GGUFError`,
/// never a crash. Tensor bytes are not copied: `GGUFTensor.data` points into the mapping,
/// which lives as long as this object.
public final class GGUFFile: @unchecked Sendable {
    /// Format version (2 or 3).
    public let version: UInt32
    /// All key/value metadata.
    public let metadata: [String: GGUFValue]
    /// Tensors by name.
    public let tensors: [String: GGUFTensor]
    /// Tensor names in file order.
    public let tensorNames: [String]

    private let base: UnsafeMutableRawPointer?
    private let size: Int
    private let isMapped: Bool

    /// Opens and validates the file at `path`.
    public convenience init(path: String) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw GGUFError(offset: 0, "cannot open \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw GGUFError(offset: 0, "cannot stat \(path)") }
        let size = Int(st.st_size)
        guard size > 0 else { throw GGUFError(offset: 0, "\(path) is empty") }
        guard let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else {
            throw GGUFError(offset: 0, "cannot map \(path)")
        }
        try self.init(base: p, size: size, mapped: true)
    }

    /// Parses a GGUF image held in memory (the bytes are copied). Used by tests and fuzzing.
    public convenience init(bytes: [UInt8]) throws {
        let p = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 1), alignment: 64)
        bytes.withUnsafeBytes { if let b = $0.baseAddress { p.copyMemory(from: b, byteCount: bytes.count) } }
        try self.init(base: p, size: bytes.count, mapped: false)
    }

    private init(base: UnsafeMutableRawPointer, size: Int, mapped: Bool) throws {
        self.base = base
        self.size = size
        self.isMapped = mapped
        do {
            var r = GGUFReader(base: UnsafeRawPointer(base), size: size)
            let parsed = try r.parseFile()
            version = parsed.version
            metadata = parsed.metadata
            tensors = parsed.tensors
            tensorNames = parsed.names
        } catch {
            if mapped { munmap(base, size) } else { base.deallocate() }
            throw error
        }
    }

    deinit {
        guard let base else { return }
        if isMapped { munmap(base, size) } else { base.deallocate() }
    }

    /// The tensor called `name`, or an error naming it.
    public func tensor(_ name: String) throws -> GGUFTensor {
        guard let t = tensors[name] else { throw GGUFError(offset: 0, "missing tensor \(name)") }
        return t
    }

    /// The integer metadata value at `key`, or an error naming it.
    public func int(_ key: String) throws -> Int {
        guard let v = metadata[key] else { throw GGUFError(offset: 0, "missing metadata key \(key)") }
        guard let i = v.intValue else { throw GGUFError(offset: 0, "metadata key \(key) is not an integer") }
        return i
    }

    /// The string metadata value at `key`, or an error naming it.
    public func string(_ key: String) throws -> String {
        guard let v = metadata[key]?.stringValue else { throw GGUFError(offset: 0, "missing string metadata key \(key)") }
        return v
    }
}

/// A bounds-checked cursor over the file image.
struct GGUFReader {
    let base: UnsafeRawPointer
    let size: Int
    var offset = 0

    static let maxArrayDepth = 4
    static let maxDimensions = 4

    struct Parsed {
        var version: UInt32
        var metadata: [String: GGUFValue]
        var tensors: [String: GGUFTensor]
        var names: [String]
    }

    mutating func need(_ n: Int) throws {
        guard n >= 0, n <= size - offset else {
            throw GGUFError(offset: offset, "file truncated: need \(n) bytes, \(size - offset) left")
        }
    }

    mutating func scalar<T: FixedWidthInteger>(_: T.Type) throws -> T {
        try need(MemoryLayout<T>.size)
        let v = base.loadUnaligned(fromByteOffset: offset, as: T.self)
        offset += MemoryLayout<T>.size
        return T(littleEndian: v)
    }

    mutating func count(_ what: String, minElementBytes: Int) throws -> Int {
        let at = offset
        let n = try scalar(UInt64.self)
        // Each element takes at least `minElementBytes`, so a count larger than what is left is a lie.
        guard n <= UInt64(size - offset) / UInt64(max(minElementBytes, 1)) else {
            throw GGUFError(offset: at, "\(what) count \(n) exceeds the file")
        }
        return Int(n)
    }

    mutating func string() throws -> String {
        let n = try count("string length", minElementBytes: 1)
        try need(n)
        let s = String(decoding: UnsafeRawBufferPointer(start: base + offset, count: n), as: UTF8.self)
        offset += n
        return s
    }

    mutating func value(type: UInt32, depth: Int) throws -> GGUFValue {
        switch type {
        case 0: return .uint(UInt64(try scalar(UInt8.self)))
        case 1: return .int(Int64(try scalar(Int8.self)))
        case 2: return .uint(UInt64(try scalar(UInt16.self)))
        case 3: return .int(Int64(try scalar(Int16.self)))
        case 4: return .uint(UInt64(try scalar(UInt32.self)))
        case 5: return .int(Int64(try scalar(Int32.self)))
        case 6: return .float(Double(Float(bitPattern: try scalar(UInt32.self))))
        case 7:
            let at = offset
            let b = try scalar(UInt8.self)
            guard b <= 1 else { throw GGUFError(offset: at, "bool value \(b)") }
            return .bool(b == 1)
        case 8: return .string(try string())
        case 9:
            let at = offset
            guard depth < Self.maxArrayDepth else { throw GGUFError(offset: at, "arrays nested too deeply") }
            let elementType = try scalar(UInt32.self)
            let minBytes: Int
            switch elementType {
            case 0, 1, 7: minBytes = 1
            case 2, 3: minBytes = 2
            case 4, 5, 6: minBytes = 4
            case 8, 10, 11, 12: minBytes = 8
            case 9: minBytes = 12
            default: throw GGUFError(offset: at, "unknown array element type \(elementType)")
            }
            let n = try count("array", minElementBytes: minBytes)
            switch elementType {
            case 8:
                var a: [String] = []
                a.reserveCapacity(n)
                for _ in 0..<n { a.append(try string()) }
                return .strings(a)
            case 0...5, 10, 11:
                var a: [Int64] = []
                a.reserveCapacity(n)
                for _ in 0..<n {
                    switch try value(type: elementType, depth: depth + 1) {
                    case .int(let v): a.append(v)
                    case .uint(let v): a.append(Int64(bitPattern: v))
                    default: preconditionFailure("integer element type yields an integer")
                    }
                }
                return .ints(a)
            case 6:
                var a: [Float] = []
                a.reserveCapacity(n)
                for _ in 0..<n { a.append(Float(bitPattern: try scalar(UInt32.self))) }
                return .floats(a)
            default:
                var a: [GGUFValue] = []
                a.reserveCapacity(min(n, 1 << 16))
                for _ in 0..<n { a.append(try value(type: elementType, depth: depth + 1)) }
                return .array(a)
            }
        case 10: return .uint(try scalar(UInt64.self))
        case 11: return .int(try scalar(Int64.self))
        case 12: return .float(Double(bitPattern: try scalar(UInt64.self)))
        default: throw GGUFError(offset: offset - 4, "unknown metadata value type \(type)")
        }
    }

    mutating func parseFile() throws -> Parsed {
        let magic = try scalar(UInt32.self)
        guard magic == 0x4655_4747 else { throw GGUFError(offset: 0, "not a GGUF file (bad magic)") }
        let version = try scalar(UInt32.self)
        guard version == 2 || version == 3 else {
            throw GGUFError(offset: 4, "unsupported GGUF version \(version) (need 2 or 3, little-endian)")
        }
        // A tensor description takes at least 8 (name) + 4 + 8 + 4 + 8 bytes; a key/value 8 + 4 + 1.
        let tensorCount = try count("tensor", minElementBytes: 32)
        let kvCount = try count("metadata", minElementBytes: 13)
        var metadata: [String: GGUFValue] = [:]
        for _ in 0..<kvCount {
            let at = offset
            let key = try string()
            let type = try scalar(UInt32.self)
            let v = try value(type: type, depth: 0)
            guard metadata.updateValue(v, forKey: key) == nil else { throw GGUFError(offset: at, "duplicate key \(key)") }
        }
        var alignment = 32
        if let a = metadata["general.alignment"] {
            guard let v = a.intValue, v > 0, v <= 1 << 16, v & (v - 1) == 0 else {
                throw GGUFError(offset: 0, "general.alignment must be a power of two")
            }
            alignment = v
        }
        struct Info { var name: String; var type: GGMLType; var shape: [Int]; var offset: Int; var bytes: Int; var at: Int }
        var infos: [Info] = []
        infos.reserveCapacity(tensorCount)
        for _ in 0..<tensorCount {
            let at = offset
            let name = try string()
            let nDims = Int(try scalar(UInt32.self))
            guard (1...Self.maxDimensions).contains(nDims) else { throw GGUFError(offset: at, "tensor \(name): \(nDims) dimensions") }
            var shape: [Int] = []
            var elements = 1
            for _ in 0..<nDims {
                let d = try scalar(UInt64.self)
                guard d > 0, d < 1 << 40 else { throw GGUFError(offset: offset - 8, "tensor \(name): dimension \(d)") }
                shape.append(Int(d))
                let (p, o) = elements.multipliedReportingOverflow(by: Int(d))
                guard !o, p < 1 << 42 else { throw GGUFError(offset: at, "tensor \(name): too many elements") }
                elements = p
            }
            let typeAt = offset
            let rawType = try scalar(UInt32.self)
            guard let type = GGMLType(rawValue: rawType) else {
                throw GGUFError(offset: typeAt, "tensor \(name): unsupported tensor type \(rawType)")
            }
            guard shape[0] % type.blockSize == 0 else {
                throw GGUFError(offset: at, "tensor \(name): row length \(shape[0]) not a multiple of \(type.name)'s block size \(type.blockSize)")
            }
            let bytes = elements / type.blockSize * type.bytesPerBlock
            let off = try scalar(UInt64.self)
            guard off < UInt64(size), Int(off) % alignment == 0 else {
                throw GGUFError(offset: offset - 8, "tensor \(name): bad data offset \(off)")
            }
            infos.append(Info(name: name, type: type, shape: shape, offset: Int(off), bytes: bytes, at: at))
        }
        let dataStart = (offset + alignment - 1) / alignment * alignment
        guard dataStart <= size else { throw GGUFError(offset: offset, "file truncated before tensor data") }
        var tensors: [String: GGUFTensor] = [:]
        var names: [String] = []
        for info in infos {
            let start = dataStart + info.offset
            guard start <= size, info.bytes <= size - start else {
                throw GGUFError(offset: info.at, "tensor \(info.name): data (\(info.bytes) bytes at \(start)) lies outside the file (\(size) bytes)")
            }
            let t = GGUFTensor(name: info.name, type: info.type, shape: info.shape, data: base + start, byteCount: info.bytes)
            guard tensors.updateValue(t, forKey: info.name) == nil else { throw GGUFError(offset: info.at, "duplicate tensor \(info.name)") }
            names.append(info.name)
        }
        return Parsed(version: version, metadata: metadata, tensors: tensors, names: names)
    }
}
