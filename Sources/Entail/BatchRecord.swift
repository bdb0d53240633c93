import Foundation
import Logic

/// What the batch summary needs from one result line: its id, verdict, expected verdict
/// and cost. Read back from an output file on `--resume`, so that the summary covers the
/// records of earlier runs too. Verdicts are kept as strings: a file written by a newer
/// build may hold a verdict this one does not know, and it is counted under its own name.
public struct BatchRecord: Sendable, Hashable {
    /// The problem's id.
    public var id: String
    /// The verdict's name (`true`, `false`, `unknown`, `abstain`, …).
    public var verdict: String
    /// The expected verdict's name, when the dataset has one.
    public var expected: String?
    /// What solving the problem cost.
    public var cost: Cost

    /// A record from its parts.
    public init(id: String, verdict: String, expected: String? = nil, cost: Cost = Cost()) {
        self.id = id; self.verdict = verdict; self.expected = expected; self.cost = cost
    }

    /// The record of a solution.
    public init(_ solution: Solution) {
        self.init(id: solution.id, verdict: solution.verdict.rawValue, expected: solution.expected?.rawValue, cost: solution.cost)
    }

    /// Reads one JSONL line as `Solution.jsonLine()` writes it; nil when it is not a JSON
    /// object with a string `id` and a string `verdict`.
    public init?(jsonLine: Data) {
        guard let object = (try? JSONSerialization.jsonObject(with: jsonLine)) as? [String: Any],
              let id = object["id"] as? String, let verdict = object["verdict"] as? String else { return nil }
        var cost = Cost()
        if let c = object["cost"] as? [String: Any] {
            cost.seconds = (c["seconds"] as? NSNumber)?.doubleValue ?? 0
            cost.proverCalls = (c["prover_calls"] as? NSNumber)?.intValue ?? 0
            cost.modelCalls = (c["model_calls"] as? NSNumber)?.intValue ?? 0
            cost.tokens = (c["tokens"] as? NSNumber)?.intValue ?? 0
        }
        self.init(id: id, verdict: verdict, expected: object["expected"] as? String, cost: cost)
    }
}
