import Logic

/// A premise, conclusion or option: natural-language text, a formal form, or both.
public struct Statement: Hashable, Sendable {
    /// The natural-language sentence, if any.
    public var text: String?
    /// The formal form, if any; without one the semantic parser translates `text`.
    public var formal: FormalText?
    /// Where the entry starts in its file (the position of its key), when known.
    public var position: SourcePosition?

    public init(text: String? = nil, formal: FormalText? = nil, position: SourcePosition? = nil) {
        self.text = text
        self.formal = formal
        self.position = position
    }

    /// The parsed formal form, or nil when the statement has none.
    /// - Throws: `FormalTextError` positioned in the statement's file.
    public func formula(tolerant: Bool = false) throws -> ParsedFormula? {
        guard let formal else { return nil }
        return try formal.parsed(tolerant: tolerant)
    }
}
