import Foundation
import Logic

/// The running tally of a batch, and the summary printed at its end: accuracy, the
/// confusion matrix, abstentions, errors, timeouts, false positives and cost per problem.
///
/// Verdicts are counted by name, so that a record read back from a file written by
/// another build (with a verdict this build does not know) is still counted, in a column
/// of its own.
public struct BatchSummary: Sendable {
    /// Problems counted (solved, read back, or unreadable).
    public private(set) var total = 0
    /// Problems whose verdict equals the expected one.
    public private(set) var correct = 0
    /// Problems with an expected verdict.
    public private(set) var withExpected = 0
    /// `confusion[expected][verdict]` = count, by verdict name.
    public private(set) var confusion: [String: [String: Int]] = [:]
    /// How often each verdict was given, by name.
    public private(set) var verdictCounts: [String: Int] = [:]
    /// Problems whose reading depended on an ambiguous precedence.
    public private(set) var ambiguous = 0
    /// Records that could not be read and had no expected verdict; they count as wrong in
    /// the accuracy.
    public private(set) var unreadable = 0
    /// Problems on which the two provers disagreed.
    public private(set) var disagreements: [String] = []
    /// Problems with an expected verdict that got a wrong `true` or `false`: a confident
    /// claim that the conclusion (or its negation) follows, which a user would have accepted
    /// and been misled by. A wrong `unknown` or `inconsistent` is wrong but claims no
    /// entailment, and counts only against accuracy (as in the search tool's tallies).
    public private(set) var falsePositives = 0
    /// The summed cost of every problem counted.
    public private(set) var cost = Cost()

    /// An empty tally.
    public init() {}

    /// Counts one solution.
    public mutating func add(_ s: Solution) {
        add(BatchRecord(s))
        if s.ambiguous { ambiguous += 1 }
        if s.notes.contains(where: { $0.hasPrefix("provers disagree") }) { disagreements.append(s.id) }
    }

    /// Counts one record (a solution, or a line read back from an earlier run's output).
    public mutating func add(_ r: BatchRecord) {
        total += 1
        verdictCounts[r.verdict, default: 0] += 1
        if let e = r.expected {
            withExpected += 1
            confusion[e, default: [:]][r.verdict, default: 0] += 1
            if r.verdict == e {
                correct += 1
            } else if let v = Verdict(rawValue: r.verdict), v == .true || v == .false {
                falsePositives += 1
            }
        }
        cost.seconds += r.cost.seconds
        cost.proverCalls += r.cost.proverCalls
        cost.modelCalls += r.cost.modelCalls
        cost.tokens += r.cost.tokens
    }

    /// Counts a record that could not be read: an error, and wrong.
    public mutating func addUnreadable(_ s: Solution) {
        addUnreadable(BatchRecord(s))
    }

    /// Counts a record that could not be read: an error, and wrong.
    public mutating func addUnreadable(_ r: BatchRecord) {
        add(r)
        if r.expected == nil { unreadable += 1 }
    }

    /// The problems the accuracy is out of: every problem with an expected verdict and
    /// every record that could not be read.
    public var graded: Int { withExpected + unreadable }

    /// correct / graded, 0 when nothing is graded.
    public var accuracy: Double { graded == 0 ? 0 : Double(correct) / Double(graded) }

    /// falsePositives / graded, 0 when nothing is graded.
    public var falsePositiveRate: Double { graded == 0 ? 0 : Double(falsePositives) / Double(graded) }

    /// Problems answered `abstain`.
    public var abstentions: Int { verdictCounts[Verdict.abstain.rawValue] ?? 0 }
    /// Problems answered `error` (unreadable records included).
    public var errors: Int { verdictCounts[Verdict.error.rawValue] ?? 0 }
    /// Problems that hit a time bound.
    public var timeouts: Int { verdictCounts[Verdict.timeout.rawValue] ?? 0 }

    /// The mean cost of one problem (zero when none was counted).
    public var meanCost: Cost {
        var c = Cost()
        guard total > 0 else { return c }
        c.seconds = cost.seconds / Double(total)
        // Integer fields cannot hold a mean; `report` prints the exact means.
        c.proverCalls = Int((Double(cost.proverCalls) / Double(total)).rounded())
        c.modelCalls = Int((Double(cost.modelCalls) / Double(total)).rounded())
        c.tokens = Int((Double(cost.tokens) / Double(total)).rounded())
        return c
    }

    /// `accuracy: C/N (P%)`, N counting every problem that has an expected verdict and
    /// every record that could not be read.
    public var accuracyLine: String {
        "accuracy: \(correct)/\(graded) (\(String(format: "%.1f", 100 * accuracy))%)"
    }

    /// The verdict columns of the confusion matrix: the answers, then the failures to
    /// answer (`abstain`, `error`, `timeout` always shown), then any other names seen.
    var verdictColumns: [String] {
        let fixed = ["true", "false", "unknown"]
        let always = fixed + ["abstain", "error", "timeout"]
        var columns = fixed
        let seen = Set(confusion.values.flatMap(\.keys)).union(verdictCounts.keys)
        for v in Verdict.allCases.map(\.rawValue) where !fixed.contains(v) && (always.contains(v) || seen.contains(v)) {
            columns.append(v)
        }
        columns += seen.subtracting(columns).sorted()
        return columns
    }

    /// A multi-line report: verdict counts, the confusion matrix, abstentions, errors,
    /// timeouts, false positives, and cost per problem.
    public var report: String {
        var lines: [String] = []
        let columns = verdictColumns
        let counts = columns.compactMap { v in verdictCounts[v].map { "\(v) \($0)" } }
        lines.append("problems: \(total)   verdicts: " + counts.joined(separator: ", "))
        let rows = columns.filter { confusion[$0] != nil } + confusion.keys.filter { !columns.contains($0) }.sorted()
        if !rows.isEmpty {
            func cell(_ s: String, _ width: Int) -> String { s.padding(toLength: max(width, s.count + 1), withPad: " ", startingAt: 0) }
            lines.append("confusion (rows expected, columns verdict):")
            lines.append("  " + cell("expected", 14) + columns.map { cell($0, 13) }.joined())
            for e in rows {
                lines.append("  " + cell(e, 14) + columns.map { cell(String(confusion[e]?[$0] ?? 0), 13) }.joined())
            }
        }
        lines.append("abstentions: \(abstentions)   errors: \(errors)   timeouts: \(timeouts)   "
                     + String(format: "false positives: %d (%.1f%% of graded)", falsePositives, 100 * falsePositiveRate))
        if unreadable > 0 { lines.append("unreadable records: \(unreadable) (counted as wrong)") }
        if ambiguous > 0 { lines.append("ambiguous precedence (∧/∨ or ∨/⊕ without parentheses): \(ambiguous) problems") }
        if !disagreements.isEmpty { lines.append("PROVER DISAGREEMENTS: " + disagreements.joined(separator: ", ")) }
        if total > 0 {
            let n = Double(total)
            lines.append(String(format: "cost per problem: %.4f s, %.2f model calls, %.1f tokens, %.2f prover calls",
                                cost.seconds / n, Double(cost.modelCalls) / n, Double(cost.tokens) / n, Double(cost.proverCalls) / n))
        }
        return lines.joined(separator: "\n")
    }
}
