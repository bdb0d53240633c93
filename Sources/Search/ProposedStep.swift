import Logic

/// One numbered reasoning step as a proposer wrote it: the premises and earlier steps it
/// cites and the one fact it derives from them.
public struct ProposedStep: Sendable, Hashable {
    /// What the step cites, in the order written, without repeats.
    public var citations: [StepCitation]
    /// The derived fact.
    public var formula: Formula
    /// The step as the proposer wrote it (by default `[P1, S2]: Red(bob)`).
    public var text: String
    /// Log-probability of the text under the proposer (0 for a scripted one).
    public var logProbability: Double
    /// Generated tokens.
    public var tokens: Int

    public init(citations: [StepCitation], formula: Formula, text: String? = nil, logProbability: Double = 0, tokens: Int = 0) {
        var unique: [StepCitation] = []
        for c in citations where !unique.contains(c) { unique.append(c) }
        self.citations = unique
        self.formula = formula
        self.text = text ?? "[\(unique.map(\.description).joined(separator: ", "))]: \(FOLPrinter.ascii(formula))"
        self.logProbability = logProbability
        self.tokens = tokens
    }
}
