import Foundation

/// The progress line of a running batch: done/total, accuracy so far, problems per minute
/// and the time left. `entail batch` redraws it on stderr when stderr is a terminal, at
/// most `redrawInterval` apart, and prints `finalLine` otherwise.
public struct BatchProgress: Sendable {
    /// Problems in the run, counting those an earlier run already solved.
    public var total: Int
    /// Problems an earlier run solved (they do not count toward the rate).
    public var alreadyDone: Int
    /// When this run started.
    public var start: ContinuousClock.Instant
    /// The least time between two redraws.
    public var redrawInterval: Duration = .milliseconds(250)
    private var lastDraw: ContinuousClock.Instant?

    /// Progress over `total` problems of which `alreadyDone` were solved before this run.
    public init(total: Int, alreadyDone: Int = 0, start: ContinuousClock.Instant = .now) {
        self.total = total; self.alreadyDone = alreadyDone; self.start = start
    }

    /// Whether a redraw at `now` is due (the first one always is), and if so notes it.
    public mutating func shouldRedraw(at now: ContinuousClock.Instant = .now) -> Bool {
        if let lastDraw, now - lastDraw < redrawInterval { return false }
        lastDraw = now
        return true
    }

    /// `[#####-----] 120/400  acc 93.3%  41.2/min  ETA 6m48s` for the summary so far.
    public func line(_ summary: BatchSummary, at now: ContinuousClock.Instant = .now) -> String {
        let done = summary.total
        let width = 20
        let filled = total == 0 ? width : min(width, done * width / total)
        let bar = "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "]"
        var parts = ["\(bar) \(done)/\(total)"]
        parts.append(summary.graded == 0 ? "acc -" : String(format: "acc %.1f%%", 100 * summary.accuracy))
        let elapsed = (now - start).seconds
        let solvedHere = done - alreadyDone
        if elapsed > 0, solvedHere > 0 {
            let perMinute = Double(solvedHere) / elapsed * 60
            parts.append(String(format: "%.1f/min", perMinute))
            let left = Double(max(0, total - done)) / perMinute * 60
            parts.append("ETA " + Self.duration(left))
        } else {
            parts.append("-/min  ETA -")
        }
        return parts.joined(separator: "  ")
    }

    /// The one line printed when the run ends: how many problems in how long, and the rate.
    public func finalLine(_ summary: BatchSummary, at now: ContinuousClock.Instant = .now) -> String {
        let elapsed = (now - start).seconds
        let solvedHere = summary.total - alreadyDone
        let rate = elapsed > 0 ? Double(solvedHere) / elapsed * 60 : 0
        var text = "done: \(solvedHere) problems in \(Self.duration(elapsed)) (" + String(format: "%.1f/min", rate) + ")"
        if alreadyDone > 0 { text += ", \(alreadyDone) from the earlier run" }
        return text
    }

    /// `45s`, `6m48s`, `2h05m`.
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "-" }
        let s = Int(seconds.rounded())
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m\(String(format: "%02d", s % 60))s" }
        return "\(s / 3600)h\(String(format: "%02d", s / 60 % 60))m"
    }
}
