import Foundation
import Logic

/// One item of a dataset as the batch runner sees it: a problem to solve, or a record
/// that could not be read (an error for that record only, never for the run).
public enum BatchItem: Sendable {
    case problem(id: String, expected: Verdict?, solve: @Sendable () -> Solution)
    case unreadable(id: String, expected: Verdict?, message: String)

    public var id: String {
        switch self {
        case .problem(let id, _, _), .unreadable(let id, _, _): return id
        }
    }
}

/// Which part of a dataset to run: `--shard I/N` keeps the items whose index is I mod N
/// (1-based I), `--limit` keeps the first items after sharding.
public struct BatchSelection: Sendable {
    public var shardIndex: Int = 1
    public var shardCount: Int = 1
    public var limit: Int?
    public init(shardIndex: Int = 1, shardCount: Int = 1, limit: Int? = nil) {
        self.shardIndex = shardIndex; self.shardCount = shardCount; self.limit = limit
    }

    /// Parses `I/N` with 1 ≤ I ≤ N.
    public static func parseShard(_ text: String) -> (Int, Int)? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, i >= 1, i <= n else { return nil }
        return (i, n)
    }

    public func select<T>(_ items: [T]) -> [T] {
        var out: [T] = []
        for (index, item) in items.enumerated() where index % shardCount == shardIndex - 1 {
            out.append(item)
            if let limit, out.count >= limit { break }
        }
        return out
    }
}

/// The running tally of a batch, and the summary printed at its end.
public struct BatchSummary: Sendable {
    public private(set) var total = 0
    public private(set) var correct = 0
    public private(set) var withExpected = 0
    /// confusion[expected][verdict] = count
    public private(set) var confusion: [Verdict: [Verdict: Int]] = [:]
    public private(set) var verdictCounts: [Verdict: Int] = [:]
    public private(set) var ambiguous = 0
    /// Records that could not be read; they count as wrong in the accuracy.
    public private(set) var unreadable = 0
    public private(set) var disagreements: [String] = []
    public private(set) var cost = Cost()

    public init() {}

    public mutating func add(_ s: Solution) {
        total += 1
        verdictCounts[s.verdict, default: 0] += 1
        if let e = s.expected {
            withExpected += 1
            confusion[e, default: [:]][s.verdict, default: 0] += 1
            if s.verdict == e { correct += 1 }
        }
        if s.ambiguous { ambiguous += 1 }
        if s.notes.contains(where: { $0.hasPrefix("provers disagree") }) { disagreements.append(s.id) }
        cost.seconds += s.cost.seconds
        cost.proverCalls += s.cost.proverCalls
        cost.modelCalls += s.cost.modelCalls
        cost.tokens += s.cost.tokens
    }

    /// Counts a record that could not be read: an error, and wrong.
    public mutating func addUnreadable(_ s: Solution) {
        add(s)
        if s.expected == nil { unreadable += 1 }
    }

    /// `accuracy: C/N (P%)`, N counting every problem that has an expected verdict and
    /// every record that could not be read.
    public var accuracyLine: String {
        let n = withExpected + unreadable
        let pct = n == 0 ? 0 : 100 * Double(correct) / Double(n)
        return "accuracy: \(correct)/\(n) (\(String(format: "%.1f", pct))%)"
    }

    /// A multi-line report: verdict counts, the confusion matrix, and cost per problem.
    public var report: String {
        var lines: [String] = []
        let order: [Verdict] = Verdict.allCases
        let counts = order.compactMap { v in verdictCounts[v].map { "\(v.rawValue) \($0)" } }
        lines.append("problems: \(total)   verdicts: " + counts.joined(separator: ", "))
        let expectedKinds = order.filter { confusion[$0] != nil }
        let seen = order.filter { v in confusion.values.contains { $0[v] != nil } }
        if !expectedKinds.isEmpty {
            lines.append("confusion (rows expected, columns verdict):")
            let header = "expected".padding(toLength: 14, withPad: " ", startingAt: 0)
                + seen.map { $0.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0) }.joined()
            lines.append("  " + header)
            for e in expectedKinds {
                let row = e.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0)
                    + seen.map { String(confusion[e]?[$0] ?? 0).padding(toLength: 13, withPad: " ", startingAt: 0) }.joined()
                lines.append("  " + row)
            }
        }
        if unreadable > 0 { lines.append("unreadable records: \(unreadable) (counted as wrong)") }
        if ambiguous > 0 { lines.append("ambiguous precedence (∧/∨ or ∨/⊕ without parentheses): \(ambiguous) problems") }
        if !disagreements.isEmpty { lines.append("PROVER DISAGREEMENTS: " + disagreements.joined(separator: ", ")) }
        if total > 0 {
            lines.append(String(format: "cost per problem: %.4f s, %.2f prover calls", cost.seconds / Double(total), Double(cost.proverCalls) / Double(total)))
        }
        return lines.joined(separator: "\n")
    }
}

/// An append-only JSONL file: each record is written and flushed as soon as it is known,
/// so an interrupted run loses only the problems in flight. Opening an existing file for
/// `resume` reads the ids already present and drops a torn last line.
public final class JSONLWriter {
    private let handle: FileHandle
    public let path: String

    public init(path: String, resume: Bool) throws {
        self.path = path
        let fm = FileManager.default
        if !resume || !fm.fileExists(atPath: path) {
            guard fm.createFile(atPath: path, contents: nil) else {
                throw BatchError.cannotWrite(path)
            }
        } else {
            // A kill can leave a torn last line: cut the file back to its last newline.
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            if let last = data.last, last != UInt8(ascii: "\n") {
                let keep = data.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
                try data.prefix(keep).write(to: URL(fileURLWithPath: path))
            }
        }
        guard let h = FileHandle(forWritingAtPath: path) else { throw BatchError.cannotWrite(path) }
        handle = h
        handle.seekToEndOfFile()
    }

    /// The ids of the complete records already in a JSONL file.
    public static func completedIDs(at path: String) -> Set<String> {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        var ids = Set<String>()
        for line in data.split(separator: UInt8(ascii: "\n")) {
            if let obj = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
               let id = obj["id"] as? String {
                ids.insert(id)
            }
        }
        return ids
    }

    /// Appends one record and its newline, and flushes it to the file.
    public func append(_ line: String) throws {
        do {
            try handle.write(contentsOf: Data((line + "\n").utf8))
            try handle.synchronize()
        } catch {
            throw BatchError.cannotWrite("\(path): \(error)")
        }
    }

    deinit { try? handle.close() }
}

public enum BatchError: Error, CustomStringConvertible {
    case cannotWrite(String)
    public var description: String {
        switch self {
        case .cannotWrite(let p): return "cannot write \(p)"
        }
    }
}

/// Runs a batch: solves each item in order, hands each solution to `emit` as soon as it
/// is known (the caller writes and flushes it), and tallies the summary. An unreadable
/// record becomes an `error` solution for that record only.
public enum BatchRunner {
    public static func run(_ items: [BatchItem], skipping done: Set<String> = [],
                           emit: (Solution) -> Void) -> BatchSummary {
        var summary = BatchSummary()
        for item in items where !done.contains(item.id) {
            switch item {
            case .problem(_, _, let solve):
                let solution = solve()
                emit(solution)
                summary.add(solution)
            case .unreadable(let id, let expected, let message):
                var solution = Solution(id: id, verdict: .error, expected: expected)
                solution.certificate = .error(message)
                emit(solution)
                summary.addUnreadable(solution)
            }
        }
        return summary
    }
}
