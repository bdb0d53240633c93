import Logic

/// The resource bounds of the native reasoners; hitting one is reported by name.
public struct NativeLimits: Hashable, Sendable {
    /// Most ground clauses (rule instances) grounding may produce.
    public var maxGroundClauses: Int
    /// Most literals forward chaining may derive.
    public var maxDerivedFacts: Int
    /// Most decisions the ground satisfiability search may make.
    public var maxSearchDecisions: Int
    /// Highest inference budget MESON's iterative deepening may reach.
    public var maxDepth: Int
    /// Most MESON inferences (expansions plus ancestor reductions) in total.
    public var maxInferences: Int
    /// Most clauses clausal form may produce.
    public var maxClauses: Int
    /// Wall-clock bound for one `decide` call, in seconds.
    public var timeoutSeconds: Double

    public init(maxGroundClauses: Int = 500_000, maxDerivedFacts: Int = 200_000,
                maxSearchDecisions: Int = 2_000_000, maxDepth: Int = 40,
                maxInferences: Int = 5_000_000, maxClauses: Int = 20_000,
                timeoutSeconds: Double = 10) {
        self.maxGroundClauses = maxGroundClauses
        self.maxDerivedFacts = maxDerivedFacts
        self.maxSearchDecisions = maxSearchDecisions
        self.maxDepth = maxDepth
        self.maxInferences = maxInferences
        self.maxClauses = maxClauses
        self.timeoutSeconds = timeoutSeconds
    }
}
