/// Why a GGUF file could not be read. `offset` is the byte offset in the file where the
/// problem was found.
public struct GGUFError: Error, CustomStringConvertible, Sendable, Equatable {
    public var offset: Int
    public var message: String

    public init(offset: Int, _ message: String) {
        self.offset = offset
        self.message = message
    }

    public var description: String { "GGUF error at byte \(offset): \(message)" }
}
