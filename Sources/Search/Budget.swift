/// The compute a strategy may spend on one problem. A nil limit is unbounded; at least one
/// limit should be set by the caller so that no search runs without a bound.
public struct Budget: Sendable, Hashable {
    /// Generated tokens (prompt tokens are not counted).
    public var tokens: Int?
    /// Translation calls to the model (one per sampled premise or conclusion).
    public var modelCalls: Int?
    /// Entailment checks by either prover.
    public var proverCalls: Int?
    /// Wall-clock seconds.
    public var seconds: Double?

    public init(tokens: Int? = nil, modelCalls: Int? = nil, proverCalls: Int? = nil, seconds: Double? = nil) {
        self.tokens = tokens; self.modelCalls = modelCalls; self.proverCalls = proverCalls; self.seconds = seconds
    }
}
