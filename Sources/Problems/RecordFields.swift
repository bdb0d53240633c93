/// Typed access to the members of one JSON record, with messages that say which member
/// is wrong and how.
struct RecordFields {
    let object: [String: JSONValue]

    init(_ value: JSONValue) throws {
        guard case .object(let members) = value else {
            throw RecordFieldError("the record is \(value.typeName), not a JSON object")
        }
        object = members
    }

    func string(_ key: String) throws -> String {
        guard let value = object[key] else { throw RecordFieldError("missing member '\(key)'") }
        guard let s = value.string else { throw RecordFieldError("member '\(key)' must be a string, not \(value.typeName)") }
        return s
    }

    func optionalString(_ key: String) throws -> String? {
        guard let value = object[key], value != .null else { return nil }
        return try string(key)
    }

    func strings(_ key: String) throws -> [String] {
        guard let value = object[key] else { throw RecordFieldError("missing member '\(key)'") }
        guard case .array(let items) = value else {
            throw RecordFieldError("member '\(key)' must be an array of strings, not \(value.typeName)")
        }
        return try items.enumerated().map { i, item in
            guard let s = item.string else {
                throw RecordFieldError("member '\(key)' must be an array of strings; element \(i) is \(item.typeName)")
            }
            return s
        }
    }

    func optionalStrings(_ key: String) throws -> [String]? {
        guard let value = object[key], value != .null else { return nil }
        return try strings(key)
    }
}

/// A record member of the wrong type or missing; becomes a `RecordError`.
struct RecordFieldError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
