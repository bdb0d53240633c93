import ArgumentParser
import Entail
import Foundation

struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Solve every problem of a dataset; write one JSON line per problem as soon as it is known.",
        discussion: """
            Ends stdout with `accuracy: C/N (P%)`. A malformed record is an error for that record \
            only. With --out, each record is appended and flushed when known, in the order the \
            problems finish; --resume skips ids already in the file (a kill loses only the problems \
            in flight). --jobs N solves N problems at a time. On a terminal, stderr shows a progress \
            bar. --sweep samples=1,2,4 runs the batch once per strategy and sample count and writes \
            the accuracy-versus-compute curve as CSV and SVG.
            """)

    @Argument(help: "A dataset file: FOLIO JSONL, Logic-LM JSON, Logic-LM programs JSON, or Entail JSONL.")
    var dataset: String

    @Option(help: "auto, folio, logiclm, logiclm-programs or jsonl.")
    var format: DatasetFormat = .auto

    @Flag(help: "Use only the dataset's own formal forms (gold FOL, or the Logic-LM programs); without it, English is translated.")
    var formal = false

    @Option(help: "Write JSONL results here (appended and flushed per problem).")
    var out: String?

    @Flag(help: "Skip the ids already in --out; the summary covers them too.")
    var resume = false

    @Option(help: "Solve at most N problems (after sharding).")
    var limit: Int?

    @Option(help: "Solve only shard I of N (1-based): problem k (from 0) belongs to shard k mod N + 1.")
    var shard: String?

    @Option(help: "Problems solved in parallel, each by its own worker.")
    var jobs: Int = 1

    @Option(help: "Run the batch at each sample count, e.g. samples=1,2,4,8,16; writes <sweep-out>.csv and .svg.")
    var sweep: String?

    @Option(help: "The strategies a --sweep compares, comma-separated (\(BatchSweep.strategyNames.joined(separator: ", "))).")
    var strategies = "single"

    @Option(help: "The path prefix of the --sweep files.")
    var sweepOut = "sweep"

    @Option(help: "Inference-scaling search for the English: \(Strategy.names.joined(separator: ", ")). Without it, the controlled-English parser translates what it covers and one greedy model translation (with repair rounds) the rest.")
    var strategy: String?

    @Option(help: "Samples per statement for --strategy (expansions for tree, chains for steps).")
    var samples: Int = 4

    @Option(help: "Random seed of the sampled translations.")
    var seed: UInt64 = 0

    @Option(help: "Budget per problem for --strategy: generated tokens.")
    var budgetTokens: Int?

    @Option(help: "Budget per problem for --strategy: seconds.")
    var budgetSeconds: Double?

    @Option(help: "resample abstains when its confidence is below this (0...1).")
    var abstainBelow: Double = 0.5

    @Flag(help: "Do not print the per-problem JSON lines on stdout.")
    var quiet = false

    @Flag(help: "Read gold formulas strictly: no repairs of annotation defects (default: tolerant).")
    var strict = false

    @Option(help: "Also write each problem as TPTP files (axioms, conclusion, negated conclusion) into this directory, for other provers.")
    var exportTptp: String?

    @OptionGroup var options: ProverOptions

    func validate() throws {
        if let shard, BatchSelection.parseShard(shard) == nil {
            throw ValidationError("--shard must be I/N with 1 ≤ I ≤ N, got '\(shard)'")
        }
        if let limit, limit < 0 { throw ValidationError("--limit must not be negative") }
        if resume && out == nil { throw ValidationError("--resume needs --out") }
        guard jobs >= 1, jobs <= 256 else { throw ValidationError("--jobs must be between 1 and 256, got \(jobs)") }
        if let sweep {
            do { _ = try BatchSweep.parseSamples(sweep) } catch { throw ValidationError("\(error)") }
            if out != nil || resume { throw ValidationError("--sweep writes its own files (--sweep-out); --out and --resume are for a single run") }
        }
        if let strategy, Strategy(name: strategy, samples: 1) == nil {
            throw ValidationError("--strategy: unknown strategy '\(strategy)' (known: \(Strategy.names.joined(separator: ", ")))")
        }
        guard (1...64).contains(samples) else { throw ValidationError("--samples must be between 1 and 64") }
        guard (0...1).contains(abstainBelow) else { throw ValidationError("--abstain-below must be between 0 and 1") }
        if let budgetTokens, budgetTokens < 1 { throw ValidationError("--budget-tokens must be positive") }
        if let budgetSeconds, !(budgetSeconds > 0) { throw ValidationError("--budget-seconds must be positive") }
        if formal && strategy != nil { throw ValidationError("--strategy searches over translations of the English; --formal has none") }
        for name in strategyNames where !BatchSweep.strategyNames.contains(name) {
            throw ValidationError("--strategies: unknown strategy '\(name)' (known: \(BatchSweep.strategyNames.joined(separator: ", ")))")
        }
    }

    var strategyNames: [String] { strategies.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }

    func run() throws {
        let records: [DatasetRecord]
        do {
            records = try DatasetReader.read(contentsOfFile: dataset, format: format)
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
        let reasoner = options.reasoner(tolerant: !strict, formalOnly: formal)
        var selection = BatchSelection(limit: limit)
        if let shard, let (i, n) = BatchSelection.parseShard(shard) { selection.shardIndex = i; selection.shardCount = n }
        let selected = selection.select(BatchItem.items(records))
        if let dir = exportTptp { try exportTPTP(selected, reasoner: reasoner, to: dir) }

        // Without --strategy (and outside a sweep) each worker runs the plain reasoner; its
        // model, if one is needed, is loaded by the worker's own copy.
        let options = options, formal = formal, strict = strict
        let budget = Budget(tokens: budgetTokens, seconds: budgetSeconds)
        let seed = seed, abstainBelow = abstainBelow
        let makeSearch: @Sendable (String, Int) -> ProblemSolverFactory = { name, k in
            {
                var strategy = Strategy(name: name, samples: k) ?? .single
                if case .resample(let m, _) = strategy { strategy = .resample(maxSamples: m, abstainBelow: abstainBelow) }
                let searcher: Result<SearchReasoner, Error> = Result {
                    guard let path = options.modelSource.path else { throw SearchSetupError(message: "--strategy needs a model (no model file found, or --no-model)") }
                    return try SearchReasoner(modelPath: path, promptFile: options.prompt, threads: options.threads,
                                              prover: options.prover, timeout: .milliseconds(Int64(options.timeout * 1000)),
                                              // --parser model: the controlled parser neither translates nor verifies.
                                              modelOnly: options.parser == .model, controlledAsVerifier: options.parser != .model,
                                              adapter: options.adapterPath)
                }
                return { problem in
                    switch searcher {
                    case .success(let s): return s.solve(problem, strategy: strategy, budget: budget, seed: seed)
                    case .failure(let error):
                        var solution = Solution(id: problem.id, verdict: .error, expected: problem.expected)
                        solution.certificate = .error("\(error)")
                        return solution
                    }
                }
            }
        }
        let plain: ProblemSolverFactory = {
            let own = options.reasoner(tolerant: !strict, formalOnly: formal)
            return { problem in own.solve(problem) }
        }
        if let sweep {
            // With --formal there is nothing to translate: every setting runs the plain reasoner
            // (flat curves), which keeps the sweep usable as a check of the plumbing.
            var makeSolver = makeSearch
            if formal { makeSolver = { _, _ in plain } }
            try runSweep(selected, samples: try BatchSweep.parseSamples(sweep), makeSolver: makeSolver)
            return
        }

        let writer: JSONLWriter?
        var previous: [String: BatchRecord] = [:]
        if let out {
            if resume { previous = JSONLWriter.completedRecords(at: out) }
            do { writer = try JSONLWriter(path: out, resume: resume) } catch {
                printError("\(error)")
                throw ExitCode(2)
            }
            if let dropped = writer?.droppedLines, dropped > 0 {
                printError("\(out): removed \(dropped) line(s) that were not complete records (a run that was cut off)")
            }
        } else {
            writer = nil
        }
        let alreadyDone = selected.filter { previous[$0.id] != nil }.count
        let display = ProgressDisplay(BatchProgress(total: selected.count, alreadyDone: alreadyDone),
                                      onTerminal: isatty(STDERR_FILENO) == 1)
        let failure = WriteFailure()
        let quiet = quiet
        let solver = strategy.map { makeSearch($0, samples) } ?? plain
        let summary = BatchRunner.run(selected, resumingFrom: previous, jobs: jobs, makeSolver: solver) { solution, soFar in
            let line = solution.jsonLine()
            if !failure.happened {
                do { try writer?.append(line) } catch { failure.happened = true; display.clear(); printError("\(error)") }
            }
            if !quiet { display.clear(); writeLine(line) }
            display.update(soFar)
        }
        display.finish(summary)
        FileHandle.standardError.write(Data((summary.report + "\n").utf8))
        writeLine(summary.accuracyLine)
        if failure.happened { throw ExitCode(2) }
    }

    func runSweep(_ items: [BatchItem], samples: [Int], makeSolver: @escaping @Sendable (String, Int) -> ProblemSolverFactory) throws {
        let sweep = BatchSweep(strategies: strategyNames, samples: samples)
        let points = sweep.run(items, jobs: jobs, makeSolver: makeSolver) { point in
            FileHandle.standardError.write(Data("sweep: \(point.strategy) samples=\(point.samples): \(point.summary.accuracyLine)\n".utf8))
        }
        let csv = BatchSweep.csv(points)
        for (path, text) in [(sweepOut + ".csv", csv), (sweepOut + ".svg", BatchSweep.svg(points))] {
            guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
                printError("cannot write \(path)")
                throw ExitCode(2)
            }
        }
        FileHandle.standardOutput.write(Data(csv.utf8))
        FileHandle.standardError.write(Data("wrote \(sweepOut).csv and \(sweepOut).svg\n".utf8))
    }

    func exportTPTP(_ items: [BatchItem], reasoner: Reasoner, to dir: String) throws {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for case .problem(let problem) in items {
            guard case .success(let t) = reasoner.theory(of: problem) else { continue }
            for file in TPTPExport.entailmentFiles(name: problem.id, premises: t.premises, conclusion: t.conclusion) {
                let path = "\(dir)/\(problem.id).\(file.suffix)"
                guard FileManager.default.createFile(atPath: path, contents: Data(file.text.utf8)) else {
                    printError("cannot write \(path)")
                    throw ExitCode(2)
                }
            }
        }
    }
}

/// Set once the output file could not be written; later records are not attempted.
/// Only touched inside the batch runner's serialized `emit`.
private final class WriteFailure: @unchecked Sendable {
    var happened = false
}

/// The progress bar on stderr: redrawn in place at most 4 times a second on a terminal,
/// one plain line at the end otherwise. Only touched inside the runner's serialized `emit`
/// and after the run.
private final class ProgressDisplay: @unchecked Sendable {
    private var progress: BatchProgress
    private let onTerminal: Bool
    private var drawn = false

    init(_ progress: BatchProgress, onTerminal: Bool) {
        self.progress = progress
        self.onTerminal = onTerminal
    }

    func update(_ summary: BatchSummary) {
        guard onTerminal, progress.shouldRedraw() || summary.total == progress.total else { return }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + progress.line(summary)).utf8))
        drawn = true
    }

    /// Erases the bar so that a line can be printed; the next update redraws it.
    func clear() {
        guard onTerminal, drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        drawn = false
    }

    func finish(_ summary: BatchSummary) {
        clear()
        FileHandle.standardError.write(Data((progress.finalLine(summary) + "\n").utf8))
    }
}

extension DatasetFormat: ExpressibleByArgument {}

/// Why the search reasoner could not be set up (reported on every problem of the run).
struct SearchSetupError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
