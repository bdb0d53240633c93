import Logic

/// What a search spent on one problem, in the units of `Budget`.
public struct SearchCost: Sendable, Hashable, Codable {
    /// Generated tokens (prompt tokens are not counted).
    public var tokens: Int = 0
    /// Translation calls to the model (one per sentence per call, however many samples).
    public var modelCalls: Int = 0
    /// Prover decisions (each prover run counts once).
    public var proverCalls: Int = 0
    /// Wall-clock seconds.
    public var seconds: Double = 0

    public init(tokens: Int = 0, modelCalls: Int = 0, proverCalls: Int = 0, seconds: Double = 0) {
        self.tokens = tokens; self.modelCalls = modelCalls; self.proverCalls = proverCalls; self.seconds = seconds
    }

    /// Whether every counted resource is within `budget` (seconds are not compared: a
    /// running call is never interrupted, so the clock may pass its limit by one call).
    public func fits(_ budget: Budget) -> Bool {
        (budget.tokens.map { tokens <= $0 } ?? true)
            && (budget.modelCalls.map { modelCalls <= $0 } ?? true)
            && (budget.proverCalls.map { proverCalls <= $0 } ?? true)
    }
}
