import Foundation

/// One benchmark program of bench/prover: a file defining `bench_run/0`, run
/// `iterations` times in a failure-driven loop.
public struct PrologBenchmark: Sendable {
    public var name: String
    public var iterations: Int
    /// Logical inferences per iteration when the program has a classic count (nrev: 496).
    public var inferencesPerIteration: Int?
    /// Facts appended to the program text (for the generated data sets).
    public var generatedFacts: (@Sendable () -> String)?

    public init(name: String, iterations: Int, inferencesPerIteration: Int? = nil, generatedFacts: (@Sendable () -> String)? = nil) {
        self.name = name
        self.iterations = iterations
        self.inferencesPerIteration = inferencesPerIteration
        self.generatedFacts = generatedFacts
    }
}

/// One row of the comparison: wall-clock seconds in this engine and in SWI-Prolog.
public struct PrologBenchmarkRow: Sendable {
    public var name: String
    public var iterations: Int
    public var seconds: Double?
    public var swiSeconds: Double?
    public var error: String?
    public var swiError: String?
    public var inferencesPerIteration: Int?

    /// SWI-Prolog's time over ours: above 1 means this engine is faster.
    public var speedup: Double? {
        guard let a = seconds, let b = swiSeconds, a > 0 else { return nil }
        return b / a
    }
}

/// The prover benchmark suite, run against SWI-Prolog in the same process run.
public enum PrologBenchmarkSuite {
    public static let standard: [PrologBenchmark] = [
        PrologBenchmark(name: "nrev", iterations: 60_000, inferencesPerIteration: 496),
        PrologBenchmark(name: "queens", iterations: 20),
        PrologBenchmark(name: "deriv", iterations: 60_000),
        PrologBenchmark(name: "qsort", iterations: 20_000),
        PrologBenchmark(name: "tak", iterations: 20),
        PrologBenchmark(name: "zebra", iterations: 40),
        PrologBenchmark(name: "crypt", iterations: 200),
        PrologBenchmark(name: "query", iterations: 1_000),
        PrologBenchmark(name: "primes", iterations: 100),
        PrologBenchmark(name: "chain", iterations: 20, generatedFacts: {
            (0..<1000).map { "edge(\($0), \($0 + 1)).\n" }.joined()
        }),
        PrologBenchmark(name: "facts", iterations: 1_000, generatedFacts: {
            (1...100_000).map { "fact(\($0), \(($0 &* 7) % 1000)).\n" }.joined()
        }),
    ]

    /// Runs each benchmark in this engine and (when `swipl` is given and found) in
    /// SWI-Prolog with `-O`. `scale` multiplies the iteration counts.
    public static func run(directory: URL, benchmarks: [PrologBenchmark] = standard, swipl: String? = "swipl",
                           scale: Double = 1, progress: (String) -> Void = { _ in }) -> [PrologBenchmarkRow] {
        var rows: [PrologBenchmarkRow] = []
        for b in benchmarks {
            let n = max(1, Int(Double(b.iterations) * scale))
            var row = PrologBenchmarkRow(name: b.name, iterations: n, inferencesPerIteration: b.inferencesPerIteration)
            let file = directory.appendingPathComponent(b.name + ".pl")
            guard var text = try? String(contentsOf: file, encoding: .utf8) else {
                row.error = "cannot read \(file.path)"
                rows.append(row)
                continue
            }
            if let facts = b.generatedFacts { text += facts() }
            progress("\(b.name): ours")
            do {
                row.seconds = try runOurs(text, name: b.name, iterations: n)
            } catch {
                row.error = "\(error)"
            }
            if let swipl {
                progress("\(b.name): swipl")
                do { row.swiSeconds = try runSWI(swipl, text, iterations: n) } catch { row.swiError = "\(error)" }
            }
            rows.append(row)
        }
        return rows
    }

    struct BenchmarkFailure: Error, CustomStringConvertible { var description: String }

    static func runOurs(_ text: String, name: String, iterations: Int) throws -> Double {
        let m = PrologMachine()
        m.onOutput = { _ in }
        try m.consult(text, file: name + ".pl")
        // One checked run first: the benchmark must succeed.
        if try m.solve("bench_run", maxAnswers: 1).isEmpty { throw BenchmarkFailure(description: "bench_run failed") }
        let start = DispatchTime.now().uptimeNanoseconds
        _ = try m.solve("( between(1, \(iterations), _), bench_run, fail ; true )", maxAnswers: 1)
        let end = DispatchTime.now().uptimeNanoseconds
        return Double(end - start) / 1e9
    }

    static func runSWI(_ swipl: String, _ text: String, iterations: Int) throws -> Double {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("entail-bench-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("program.pl")
        let driver = """

        bench_driver(N) :- ( bench_run -> true ; write(failed), nl, halt(1) ),
            get_time(T0), ( between(1, N, _), bench_run, fail ; true ), get_time(T1),
            T is T1 - T0, format("~6f~n", [T]).

        """
        try (text + driver).write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: dir) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: swipl.hasPrefix("/") ? swipl : "/usr/bin/env")
        p.arguments = (swipl.hasPrefix("/") ? [] : [swipl]) + ["-O", "-q", "-g", "bench_driver(\(iterations))", "-t", "halt", file.path]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = Pipe()
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let s = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard p.terminationStatus == 0, let t = Double(s.split(separator: "\n").last ?? "") else {
            throw BenchmarkFailure(description: "swipl: \(s.isEmpty ? "exit \(p.terminationStatus)" : s)")
        }
        return t
    }

    /// A plain-text table: times, SWI-Prolog's, the ratio, and LIPS where defined.
    public static func table(_ rows: [PrologBenchmarkRow]) -> String {
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
        func lpad(_ s: String, _ n: Int) -> String { s.count >= n ? s : String(repeating: " ", count: n - s.count) + s }
        func ms(_ t: Double?) -> String { t.map { String(format: "%.1f", $0 * 1000) } ?? "-" }
        var out = pad("program", 9) + lpad("iters", 8) + lpad("entail ms", 11) + lpad("swipl ms", 10) + lpad("speed vs swipl", 16) + "  notes\n"
        for r in rows {
            var notes: [String] = []
            if let k = r.inferencesPerIteration {
                if let t = r.seconds { notes.append(String(format: "entail %.1f M LIPS", Double(k * r.iterations) / t / 1e6)) }
                if let t = r.swiSeconds { notes.append(String(format: "swipl %.1f M LIPS", Double(k * r.iterations) / t / 1e6)) }
            }
            if let e = r.error { notes.append("entail: \(e)") }
            if let e = r.swiError { notes.append(e) }
            out += pad(r.name, 9) + lpad(String(r.iterations), 8) + lpad(ms(r.seconds), 11) + lpad(ms(r.swiSeconds), 10)
                + lpad(r.speedup.map { String(format: "%.2fx", $0) } ?? "-", 16) + "  " + notes.joined(separator: "; ") + "\n"
        }
        return out
    }
}
