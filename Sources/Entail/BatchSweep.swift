import Foundation
import Problems
import Search

/// A compute sweep (`entail batch --sweep samples=1,2,4 --strategies single,vote`): the
/// batch run once per strategy and sample count, each point's summary kept for the
/// accuracy-versus-compute curve.
public struct BatchSweep: Sendable {
    /// The strategies, by the names `--strategy` accepts.
    public var strategies: [String]
    /// The sample counts, in the order given.
    public var samples: [Int]

    /// A sweep over every pair of `strategies` × `samples`.
    public init(strategies: [String], samples: [Int]) {
        self.strategies = strategies; self.samples = samples
    }

    /// The strategy names a sweep accepts (`Strategy.names`).
    public static let strategyNames: [String] = Strategy.names

    /// Parses `--sweep`'s value, `samples=1,2,4,8,16` (whole numbers ≥ 1, no repeats).
    public static func parseSamples(_ text: String) throws -> [Int] {
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0] == "samples" else {
            throw SweepError.badSpecification("expected samples=K1,K2,... , got '\(text)'")
        }
        var values: [Int] = []
        for item in parts[1].split(separator: ",", omittingEmptySubsequences: false) {
            guard let k = Int(item.trimmingCharacters(in: .whitespaces)), k >= 1, k <= 1_000_000 else {
                throw SweepError.badSpecification("'\(item)' in '\(text)' is not a sample count (a whole number from 1)")
            }
            guard !values.contains(k) else { throw SweepError.badSpecification("\(k) appears twice in '\(text)'") }
            values.append(k)
        }
        return values
    }

    /// One point of the curve: a strategy at a sample count, and its batch summary.
    public struct Point: Sendable {
        /// The strategy's name.
        public var strategy: String
        /// The sample count it ran with.
        public var samples: Int
        /// The batch's summary at this setting.
        public var summary: BatchSummary

        /// A point from its parts.
        public init(strategy: String, samples: Int, summary: BatchSummary) {
            self.strategy = strategy; self.samples = samples; self.summary = summary
        }

        /// The mean wall-clock seconds per problem: the curve's cost axis.
        public var meanSeconds: Double { summary.total == 0 ? 0 : summary.cost.seconds / Double(summary.total) }
    }

    /// Runs `items` at every setting, strategy by strategy (a strategy that ignores the
    /// sample count only once), each with `jobs` workers whose
    /// solvers `makeSolver(strategy, samples)` makes. `progress` is told each finished point.
    public func run(_ items: [BatchItem], jobs: Int = 1,
                    makeSolver: @escaping @Sendable (_ strategy: String, _ samples: Int) -> ProblemSolverFactory,
                    progress: (Point) -> Void = { _ in }) -> [Point] {
        var points: [Point] = []
        for strategy in strategies {
            var once: BatchSummary? = nil
            for k in samples {
                // `single` ignores the sample count: it runs once and its summary stands at every k.
                let summary = once ?? BatchRunner.run(items, jobs: jobs, makeSolver: makeSolver(strategy, k))
                if Self.ignoresSamples(strategy) { once = summary }
                let point = Point(strategy: strategy, samples: k, summary: summary)
                points.append(point)
                progress(point)
            }
        }
        return points
    }

    /// Whether a strategy's result does not depend on the sample count (one greedy
    /// translation), so a sweep runs it once.
    public static func ignoresSamples(_ strategy: String) -> Bool { strategy == "single" }

    /// The CSV header `csv(_:)` writes.
    public static let csvHeader = "strategy,samples,problems,graded,correct,accuracy,false_positive_rate,abstentions,errors,timeouts,mean_seconds,mean_model_calls,mean_tokens,mean_prover_calls"

    /// The points as CSV, one row per point after `csvHeader`; rates as fractions (0...1).
    public static func csv(_ points: [Point]) -> String {
        var rows = [csvHeader]
        for p in points {
            let s = p.summary
            let n = Double(max(1, s.total))
            let fields: [String] = [
                csvField(p.strategy), String(p.samples), String(s.total), String(s.graded), String(s.correct),
                String(format: "%.4f", s.accuracy), String(format: "%.4f", s.falsePositiveRate),
                String(s.abstentions), String(s.errors), String(s.timeouts),
                String(format: "%.6f", p.meanSeconds), String(format: "%.3f", Double(s.cost.modelCalls) / n),
                String(format: "%.3f", Double(s.cost.tokens) / n), String(format: "%.3f", Double(s.cost.proverCalls) / n),
            ]
            rows.append(fields.joined(separator: ","))
        }
        return rows.joined(separator: "\n") + "\n"
    }

    /// The accuracy-versus-cost plot: one polyline per strategy, through its points in
    /// order of sample count, cost (mean seconds per problem) across, accuracy up.
    public static func svg(_ points: [Point], title: String = "accuracy vs compute") -> String {
        var plot = LinePlot(title: title, xLabel: "mean seconds per problem", yLabel: "accuracy (%)")
        var order: [String] = []
        for p in points where !order.contains(p.strategy) { order.append(p.strategy) }
        for strategy in order {
            let line = points.filter { $0.strategy == strategy }.sorted { $0.samples < $1.samples }
            plot.series.append(LinePlot.Series(
                name: strategy,
                points: line.map { (x: $0.meanSeconds, y: 100 * $0.summary.accuracy, label: "k=\($0.samples)") }))
        }
        plot.yRange = 0...100
        return plot.svg()
    }

    static func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// A `--sweep` specification that cannot be run.
public enum SweepError: Error, CustomStringConvertible {
    /// The text of `--sweep` (or `--strategies`) is malformed; the message says how.
    case badSpecification(String)

    /// The message for the user.
    public var description: String {
        switch self {
        case .badSpecification(let m): return "--sweep: \(m)"
        }
    }
}
