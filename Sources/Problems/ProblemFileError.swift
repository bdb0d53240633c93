import Logic

/// An error in a problem file, at the line and column where it was found.
public struct ProblemFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file name as given to the reader.
    public var file: String
    public var position: SourcePosition
    public var message: String

    public init(file: String, position: SourcePosition, message: String) {
        self.file = file
        self.position = position
        self.message = message
    }

    /// `file:line:column: message`, the form editors and compilers use.
    public var description: String { "\(file):\(position): \(message)" }
}
