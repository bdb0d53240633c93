/// One metadata value of a GGUF file.
public enum GGUFValue: Sendable, Equatable {
    case uint(UInt64)
    case int(Int64)
    case float(Double)
    case bool(Bool)
    case string(String)
    case array([GGUFValue])
    /// Large arrays of strings (vocabularies, merges) are kept unboxed.
    case strings([String])
    /// Large arrays of integers (token types) are kept unboxed.
    case ints([Int64])
    /// Large arrays of floats (token scores) are kept unboxed.
    case floats([Float])

    /// The value as an integer, if it is one.
    public var intValue: Int? {
        switch self {
        case .uint(let v): v <= UInt64(Int.max) ? Int(v) : nil
        case .int(let v): Int(exactly: v)
        default: nil
        }
    }

    /// The value as a floating-point number, if it is numeric.
    public var doubleValue: Double? {
        switch self {
        case .float(let v): v
        case .uint(let v): Double(v)
        case .int(let v): Double(v)
        default: nil
        }
    }

    /// The value as a string, if it is one.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The value as an array of strings, if it is one.
    public var stringArray: [String]? {
        switch self {
        case .strings(let a): a
        case .array(let a) where a.isEmpty: []
        default: nil
        }
    }

    /// The value as an array of integers, if it is one.
    public var intArray: [Int64]? {
        switch self {
        case .ints(let a): a
        case .array(let a) where a.isEmpty: []
        default: nil
        }
    }

    /// The value as an array of floats, if it is one.
    public var floatArray: [Float]? {
        switch self {
        case .floats(let a): a
        case .ints(let a): a.map { Float($0) }
        case .array(let a) where a.isEmpty: []
        default: nil
        }
    }
}
