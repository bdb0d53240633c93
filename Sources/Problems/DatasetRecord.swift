/// One record of a dataset: the problem it holds, or why it could not be read.
/// A malformed record is an error for that record only, never for the whole run.
public typealias DatasetRecord = Result<Problem, RecordError>

/// A dataset record that could not be turned into a problem.
public struct RecordError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The dataset file.
    public var file: String
    /// The 0-based index of the record in the file.
    public var index: Int
    /// The record's id, when it could be read.
    public var id: String?
    /// The 1-based line where the record starts (or where the JSON error is).
    public var line: Int?
    public var message: String

    public init(file: String, index: Int, id: String? = nil, line: Int? = nil, message: String) {
        self.file = file
        self.index = index
        self.id = id
        self.line = line
        self.message = message
    }

    /// `file:line: record N (id): message`.
    public var description: String {
        let at = line.map { "\(file):\($0)" } ?? file
        let which = id.map { "record \(index) (\($0))" } ?? "record \(index)"
        return "\(at): \(which): \(message)"
    }
}

/// A dataset that cannot be read at all (unreadable file, unrecognized format).
public struct DatasetError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var message: String
    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }
    public var description: String { "\(file): \(message)" }
}
