import Foundation

/// Batch throughput at several worker counts on the same problems (`entail bench batch`):
/// problems per minute for each `--jobs`, and the ratio to the first.
public enum BatchThroughput {
    /// One measured run.
    public struct Row: Sendable {
        /// Workers used.
        public var jobs: Int
        /// Problems solved.
        public var problems: Int
        /// Wall-clock seconds for the whole run.
        public var seconds: Double
        /// The run's summary (the verdicts must not depend on `jobs`).
        public var summary: BatchSummary

        /// Problems per minute of wall clock.
        public var perMinute: Double { seconds > 0 ? Double(problems) / seconds * 60 : 0 }
    }

    /// Runs `items` once per entry of `jobs`, in order, and times each run.
    public static func measure(_ items: [BatchItem], jobs: [Int], makeSolver: @escaping ProblemSolverFactory,
                               progress: (Row) -> Void = { _ in }) -> [Row] {
        var rows: [Row] = []
        for n in jobs {
            let start = ContinuousClock.now
            let summary = BatchRunner.run(items, jobs: n, makeSolver: makeSolver)
            let row = Row(jobs: n, problems: summary.total, seconds: (ContinuousClock.now - start).seconds, summary: summary)
            rows.append(row)
            progress(row)
        }
        return rows
    }

    /// A table: jobs, problems, seconds, problems/minute, speed-up over the first row, and
    /// the accuracy line (identical across rows when the run is deterministic).
    public static func table(_ rows: [Row]) -> String {
        var lines = ["jobs  problems   seconds   problems/min   ratio   accuracy"]
        let base = rows.first?.perMinute ?? 0
        for r in rows {
            let ratio = base > 0 ? r.perMinute / base : 0
            lines.append(String(format: "%4d  %8d  %8.2f  %13.1f  %6.2fx   ", r.jobs, r.problems, r.seconds, r.perMinute, ratio)
                         + r.summary.accuracyLine.replacingOccurrences(of: "accuracy: ", with: ""))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
