import Foundation
import Logic

/// One problem for `Z3Bench`.
public struct Z3BenchProblem: Sendable {
    public var name: String
    public var premises: [Formula]
    public var conclusion: Formula
    public init(name: String, premises: [Formula], conclusion: Formula) {
        self.name = name; self.premises = premises; self.conclusion = conclusion
    }
}

/// The bridge's and (when it ran) z3py's time and verdict on one problem.
public struct Z3BenchRow: Sendable {
    public var name: String
    public var verdict: Verdict
    /// Context, translation, assertions and the checks (`Z3Timings.total`).
    public var bridgeTotal: Duration
    /// The checks alone.
    public var bridgeChecks: Duration
    /// z3py's verdict (`Verdict` raw value, or "error"), nil when z3py did not run.
    public var pythonVerdict: String?
    /// Context, SMT-LIB2 parsing, assertions and the checks.
    public var pythonTotal: Duration?
    public var pythonChecks: Duration?
}

/// The result of `Z3Bench.run`: one row per problem and a summary table.
public struct Z3BenchReport: Sendable {
    public var rows: [Z3BenchRow]
    public var timeout: Duration
    /// The z3 version z3py reported, nil when it did not run; `pythonNote` says why not.
    public var pythonZ3Version: String?
    public var pythonNote: String?
    /// The libz3 version the bridge is linked with.
    public var bridgeZ3Version: String

    /// The median and maximum of durations (nil for none).
    public static func medianAndMax(_ values: [Duration]) -> (median: Duration, max: Duration)? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let median = sorted.count % 2 == 1 ? sorted[sorted.count / 2]
            : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        return (median, sorted[sorted.count - 1])
    }

    /// Problems where both ran and their verdicts differ.
    public var disagreements: [Z3BenchRow] {
        rows.filter { $0.pythonVerdict != nil && $0.pythonVerdict != $0.verdict.rawValue }
    }

    /// A plain-text table: per side, median and max per problem, for everything and for the
    /// checks alone, and the verdict counts.
    public var table: String {
        func ms(_ d: Duration) -> String {
            let (s, a) = d.components
            return String(format: "%.2f ms", Double(s) * 1000 + Double(a) / 1e15)
        }
        func line(_ label: String, _ totals: [Duration], _ checks: [Duration]) -> String {
            guard let t = Self.medianAndMax(totals), let c = Self.medianAndMax(checks) else {
                return label.padding(toLength: 26, withPad: " ", startingAt: 0) + "did not run"
            }
            return label.padding(toLength: 26, withPad: " ", startingAt: 0)
                + [ms(t.median), ms(t.max), ms(c.median), ms(c.max)]
                .map { $0.padding(toLength: 12, withPad: " ", startingAt: 0) }.joined()
        }
        var out = "z3 bench: \(rows.count) problems, timeout per check \(timeout)\n"
        out += "side".padding(toLength: 26, withPad: " ", startingAt: 0)
            + ["median", "max", "checks med", "checks max"].map { $0.padding(toLength: 12, withPad: " ", startingAt: 0) }.joined() + "\n"
        out += line("bridge (libz3 \(bridgeZ3Version))", rows.map(\.bridgeTotal), rows.map(\.bridgeChecks)) + "\n"
        out += line("z3py (\(pythonZ3Version ?? "-"))", rows.compactMap(\.pythonTotal), rows.compactMap(\.pythonChecks)) + "\n"
        var counts: [Verdict: Int] = [:]
        for row in rows { counts[row.verdict, default: 0] += 1 }
        out += "bridge verdicts: " + Verdict.allCases.compactMap { v in counts[v].map { "\(v.rawValue) \($0)" } }
            .joined(separator: ", ") + "\n"
        if let note = pythonNote { out += "z3py: \(note)\n" }
        else { out += "verdicts agree: \(rows.count - disagreements.count)/\(rows.count)\n" }
        return out
    }
}

/// Times the bridge against the z3 Python API on the same problems in one run.
///
/// The bridge decides each problem (models not read, so both sides do the same work);
/// then each problem's formulas are written as SMT-LIB2 (`smtlib2Assertions`) and
/// `bench/z3/z3py_bench.py` runs the same three checks through z3py, each in a fresh
/// context with the same per-check timeout.
public enum Z3Bench {
    /// Runs the bench. `pythonScript` is `bench/z3/z3py_bench.py`; nil skips the Python
    /// side (as does a missing interpreter or z3 module, noted in the report). With
    /// `repetitions` > 1 the two sides take turns that many times and each problem keeps
    /// its fastest time on each side (less noise on a shared machine).
    public static func run(problems: [Z3BenchProblem], timeout: Duration = .seconds(10), repetitions: Int = 1,
                           pythonScript: URL? = nil, python: String = "python3") throws -> Z3BenchReport {
        let z3 = Z3Entailment(timeout: timeout, readModels: false)
        var lines: [String] = []
        for problem in problems {
            let smt2 = try Z3Entailment.smtlib2Assertions(premises: problem.premises, conclusion: problem.conclusion)
            let record = try JSONSerialization.data(withJSONObject: ["name": problem.name, "smt2": smt2])
            lines.append(String(decoding: record, as: UTF8.self))
        }
        var report = Z3BenchReport(rows: [], timeout: timeout, pythonZ3Version: nil, pythonNote: nil,
                                   bridgeZ3Version: Z3Version.current)
        if pythonScript == nil { report.pythonNote = "not run (no script given)" }
        for round in 0..<max(1, repetitions) {
            for (i, problem) in problems.enumerated() {
                let decision = try z3.decide(premises: problem.premises, conclusion: problem.conclusion)
                let checks = decision.timings.phases.values.reduce(Duration.zero, +)
                if round == 0 {
                    report.rows.append(Z3BenchRow(name: problem.name, verdict: decision.verdict,
                                                  bridgeTotal: decision.timings.total, bridgeChecks: checks,
                                                  pythonVerdict: nil, pythonTotal: nil, pythonChecks: nil))
                } else {
                    report.rows[i].bridgeTotal = min(report.rows[i].bridgeTotal, decision.timings.total)
                    report.rows[i].bridgeChecks = min(report.rows[i].bridgeChecks, checks)
                }
            }
            guard let pythonScript, report.pythonNote == nil else { continue }
            do {
                let output = try runPython(python, script: pythonScript, input: lines.joined(separator: "\n") + "\n",
                                           timeoutMilliseconds: Z3Session.milliseconds(timeout))
                var byName: [String: [String: Any]] = [:]
                for line in output.split(separator: "\n") {
                    guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { continue }
                    if let version = object["z3_version"] as? String { report.pythonZ3Version = version }
                    if let name = object["name"] as? String { byName[name] = object }
                }
                for i in report.rows.indices {
                    guard let object = byName[report.rows[i].name] else { continue }
                    report.rows[i].pythonVerdict = object["verdict"] as? String
                    func fastest(_ key: String, _ old: Duration?) -> Duration? {
                        guard let seconds = object[key] as? Double else { return old }
                        let new = Duration.nanoseconds(Int64(seconds * 1e9))
                        return old.map { min($0, new) } ?? new
                    }
                    report.rows[i].pythonTotal = fastest("total", report.rows[i].pythonTotal)
                    report.rows[i].pythonChecks = fastest("checks", report.rows[i].pythonChecks)
                }
                if report.pythonZ3Version == nil { report.pythonNote = "no output: " + String(output.prefix(300)) }
            } catch {
                report.pythonNote = "did not run: \(error)"
            }
        }
        return report
    }

    /// Runs the script on a temporary JSONL file and returns its standard output; throws
    /// with its standard error when it fails.
    static func runPython(_ python: String, script: URL, input: String, timeoutMilliseconds: UInt32) throws -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("entail-z3-bench-\(ProcessInfo.processInfo.processIdentifier)-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let problems = directory.appendingPathComponent("problems.jsonl")
        let errors = directory.appendingPathComponent("stderr.txt")
        try input.write(to: problems, atomically: true, encoding: .utf8)
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, script.path, problems.path, "--timeout-ms", String(timeoutMilliseconds)]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            throw Z3BenchError(message: "\(python) exited \(process.terminationStatus): \(message.suffix(500))")
        }
        return String(decoding: data, as: UTF8.self)
    }
}

/// The Python side of the bench failed.
public struct Z3BenchError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
