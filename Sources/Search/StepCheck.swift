import Logic

/// One proposed reasoning step of the `steps` strategy and what the prover made of it.
public struct StepCheck: Sendable, Hashable, CustomStringConvertible {
    /// The chain it belongs to, from 0.
    public var chain: Int
    /// Its number in the chain (from 1), the position it was proposed for.
    public var number: Int
    /// The step as the proposer wrote it.
    public var text: String
    /// What it cites.
    public var citations: [StepCitation]
    /// The derived formula in ASCII syntax.
    public var formula: String
    /// Whether the cited premises and steps entail the formula.
    public var checked: Bool
    /// Why it checked or not ("entailed", "cites P9, which does not exist", "not entailed: unknown", ...).
    public var reason: String
    /// `true` when the step states the conclusion, `false` when it states its negation, else nil.
    public var concludes: Verdict?

    public init(chain: Int, number: Int, text: String, citations: [StepCitation], formula: String, checked: Bool,
                reason: String, concludes: Verdict? = nil) {
        self.chain = chain; self.number = number; self.text = text; self.citations = citations; self.formula = formula
        self.checked = checked; self.reason = reason; self.concludes = concludes
    }

    public var description: String {
        "chain \(chain) step \(number) \(text): \(checked ? "checked" : "rejected") (\(reason))"
            + (concludes.map { ", concludes \($0.rawValue)" } ?? "")
    }
}
