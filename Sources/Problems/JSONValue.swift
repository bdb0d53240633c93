import Logic

/// A JSON value, as the dataset readers see it.
public indirect enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    /// Members by name; when a name repeats, the last member wins.
    case object([String: JSONValue])

    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    public var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The JSON type's name, for error messages.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// Malformed JSON, at its line and column (columns count Unicode scalars).
public struct JSONSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    public var position: SourcePosition
    public var message: String
    public var description: String { "\(position): \(message)" }
}

/// A strict JSON (RFC 8259) parser over UTF-8 bytes that reports positions and bounds
/// the nesting depth, so no input can overflow the stack.
struct JSONParser {
    /// Deeper nesting than this is an error.
    static let maxDepth = 256

    private let bytes: [UInt8]
    private var offset: Int
    /// Byte offsets where lines start, for turning offsets into positions.
    private let lineStarts: [Int]
    /// Added to every reported line (for a JSONL line parsed on its own).
    private let firstLine: Int

    init(bytes: [UInt8], firstLine: Int = 1) {
        self.bytes = bytes
        self.offset = 0
        self.firstLine = firstLine
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            for i in 0..<buffer.count where buffer[i] == 0x0A { starts.append(i + 1) }
        }
        lineStarts = starts
    }

    /// Parses the whole input as one value.
    mutating func parseDocument() throws -> JSONValue {
        skipUTF8BOM()
        let value = try parseValue(depth: 0)
        skipWhitespace()
        if offset < bytes.count { throw error("unexpected text after the JSON value") }
        return value
    }

    /// Parses a top-level array element by element: each element with the line it starts
    /// on. A syntax error ends the list (what follows cannot be trusted) and is returned
    /// with the index of the element it hit.
    mutating func parseTopLevelArray() throws -> (elements: [(JSONValue, line: Int)], error: (index: Int, line: Int, JSONSyntaxError)?) {
        skipUTF8BOM()
        skipWhitespace()
        guard peek == UInt8(ascii: "[") else { throw error("expected '[' (a JSON array of records)") }
        offset += 1
        var elements: [(JSONValue, line: Int)] = []
        skipWhitespace()
        if peek == UInt8(ascii: "]") {
            offset += 1
        } else {
            while true {
                skipWhitespace()
                let line = position(of: offset).line
                do {
                    elements.append((try parseValue(depth: 1), line))
                    skipWhitespace()
                    if peek == UInt8(ascii: ",") { offset += 1; continue }
                    if peek == UInt8(ascii: "]") { offset += 1; break }
                    throw error("expected ',' or ']' after a record")
                } catch let e as JSONSyntaxError {
                    return (elements, (elements.count, line, e))
                }
            }
        }
        skipWhitespace()
        if offset < bytes.count {
            return (elements, (elements.count, position(of: offset).line, error("unexpected text after the array")))
        }
        return (elements, nil)
    }

    /// The first element of a top-level array (nil for an empty array), reading no further.
    mutating func parseFirstArrayElement() throws -> JSONValue? {
        skipUTF8BOM()
        skipWhitespace()
        guard peek == UInt8(ascii: "[") else { throw error("expected '['") }
        offset += 1
        skipWhitespace()
        if peek == UInt8(ascii: "]") { return nil }
        return try parseValue(depth: 1)
    }

    // MARK: Values

    private mutating func parseValue(depth: Int) throws -> JSONValue {
        guard depth < Self.maxDepth else { throw error("nesting deeper than \(Self.maxDepth) levels") }
        skipWhitespace()
        guard let c = peek else { throw error("unexpected end of input; expected a value") }
        switch c {
        case UInt8(ascii: "{"):
            offset += 1
            var members: [String: JSONValue] = [:]
            skipWhitespace()
            if peek == UInt8(ascii: "}") { offset += 1; return .object(members) }
            while true {
                skipWhitespace()
                guard peek == UInt8(ascii: "\"") else { throw error("expected a member name in double quotes") }
                let key = try parseString()
                skipWhitespace()
                guard peek == UInt8(ascii: ":") else { throw error("expected ':' after a member name") }
                offset += 1
                members[key] = try parseValue(depth: depth + 1)
                skipWhitespace()
                if peek == UInt8(ascii: ",") { offset += 1; continue }
                if peek == UInt8(ascii: "}") { offset += 1; return .object(members) }
                throw error("expected ',' or '}' in an object")
            }
        case UInt8(ascii: "["):
            offset += 1
            var items: [JSONValue] = []
            skipWhitespace()
            if peek == UInt8(ascii: "]") { offset += 1; return .array(items) }
            while true {
                items.append(try parseValue(depth: depth + 1))
                skipWhitespace()
                if peek == UInt8(ascii: ",") { offset += 1; continue }
                if peek == UInt8(ascii: "]") { offset += 1; return .array(items) }
                throw error("expected ',' or ']' in an array")
            }
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try parseNumber())
        default:
            throw error("unexpected character; expected a value")
        }
    }

    private mutating func literal(_ word: String) throws {
        let w = Array(word.utf8)
        guard offset + w.count <= bytes.count, Array(bytes[offset..<offset + w.count]) == w else {
            throw error("unexpected character; expected a value")
        }
        offset += w.count
    }

    private mutating func parseNumber() throws -> Double {
        let start = offset
        func digits() -> Int {
            let s = offset
            while let c = peek, c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") { offset += 1 }
            return offset - s
        }
        if peek == UInt8(ascii: "-") { offset += 1 }
        if peek == UInt8(ascii: "0") { offset += 1 } else if digits() == 0 { throw error("expected a digit") }
        if peek == UInt8(ascii: ".") {
            offset += 1
            if digits() == 0 { throw error("expected a digit after '.'") }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            offset += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { offset += 1 }
            if digits() == 0 { throw error("expected a digit in the exponent") }
        }
        let text = String(decoding: bytes[start..<offset], as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            offset = start
            throw error("number out of range: \(text.prefix(40))")
        }
        return value
    }

    private mutating func parseString() throws -> String {
        let open = offset
        offset += 1  // the opening quote
        var out: [UInt8] = []
        while true {
            guard let c = peek else {
                offset = open
                throw error("unterminated string")
            }
            switch c {
            case UInt8(ascii: "\""):
                offset += 1
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                offset += 1
                guard let e = peek else { continue }
                offset += 1
                switch e {
                case UInt8(ascii: "\""): out.append(e)
                case UInt8(ascii: "\\"): out.append(e)
                case UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "b"): out.append(8)
                case UInt8(ascii: "f"): out.append(12)
                case UInt8(ascii: "n"): out.append(10)
                case UInt8(ascii: "r"): out.append(13)
                case UInt8(ascii: "t"): out.append(9)
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800...0xDBFF).contains(code) {
                        // A high surrogate must be followed by an escaped low surrogate.
                        if peek == UInt8(ascii: "\\"), offset + 1 < bytes.count, bytes[offset + 1] == UInt8(ascii: "u") {
                            offset += 2
                            let low = try hex4()
                            guard (0xDC00...0xDFFF).contains(low) else { throw error("invalid surrogate pair") }
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            throw error("unpaired surrogate in a \\u escape")
                        }
                    } else if (0xDC00...0xDFFF).contains(code) {
                        throw error("unpaired surrogate in a \\u escape")
                    }
                    out.append(contentsOf: Array(String(Character(Unicode.Scalar(code)!)).utf8))
                default:
                    offset -= 2
                    throw error("invalid escape '\\\(Character(Unicode.Scalar(e)))'")
                }
            default:
                if c < 0x20 { throw error("control character in a string; escape it") }
                // Copy the run of plain bytes up to the next quote, backslash or control byte.
                var end = offset + 1
                while end < bytes.count {
                    let d = bytes[end]
                    if d == UInt8(ascii: "\"") || d == UInt8(ascii: "\\") || d < 0x20 { break }
                    end += 1
                }
                out.append(contentsOf: bytes[offset..<end])
                offset = end
            }
        }
    }

    private mutating func hex4() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let c = peek else { throw error("expected 4 hex digits after \\u") }
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw error("expected 4 hex digits after \\u")
            }
            value = value * 16 + d
            offset += 1
        }
        return value
    }

    // MARK: Bytes and positions

    private var peek: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    private mutating func skipWhitespace() {
        while let c = peek, c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { offset += 1 }
    }

    private mutating func skipUTF8BOM() {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF, offset == 0 { offset = 3 }
    }

    /// The line and column of a byte offset (the column counts Unicode scalars).
    func position(of byteOffset: Int) -> SourcePosition {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= byteOffset { lo = mid } else { hi = mid - 1 }
        }
        var column = 1
        var i = lineStarts[lo]
        while i < min(byteOffset, bytes.count) {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return SourcePosition(line: lo + firstLine, column: column)
    }

    private func error(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(position: position(of: offset), message: message)
    }
}
