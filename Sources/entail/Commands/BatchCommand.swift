import ArgumentParser
import Entail
import Foundation

struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Solve every problem of a dataset; write one JSON line per problem as soon as it is known.",
        discussion: """
            Ends stdout with `accuracy: C/N (P%)`. A malformed record is an error for that record \
            only. With --out, each record is appended and flushed when known; --resume skips ids \
            already in the file.
            """)

    @Argument(help: "A dataset file: FOLIO JSONL, Logic-LM JSON, Logic-LM programs JSON, or Entail JSONL.")
    var dataset: String

    @Option(help: "auto, folio, logiclm, logiclm-programs or jsonl.")
    var format: DatasetFormat = .auto

    @Flag(help: "Use only the dataset's own formal forms (gold FOL, or the Logic-LM programs); without it, English is translated.")
    var formal = false

    @Option(help: "Write JSONL results here (appended and flushed per problem).")
    var out: String?

    @Flag(help: "Skip the ids already in --out.")
    var resume = false

    @Option(help: "Solve at most N problems (after sharding).")
    var limit: Int?

    @Option(help: "Solve only shard I of N (1-based), e.g. 2/4.")
    var shard: String?

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
    }

    func run() throws {
        let records: [DatasetRecord]
        do {
            records = try DatasetReader.read(contentsOfFile: dataset, format: format)
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
        let reasoner = options.reasoner(tolerant: !strict, formalOnly: formal)
        if let dir = exportTptp {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        }
        let exportDir = exportTptp
        let items: [BatchItem] = records.map { record in
            switch record {
            case .success(let problem):
                if let dir = exportDir, case .success(let t) = reasoner.theory(of: problem) {
                    for file in TPTPExport.entailmentFiles(name: problem.id, premises: t.premises, conclusion: t.conclusion) {
                        FileManager.default.createFile(atPath: "\(dir)/\(problem.id).\(file.suffix)", contents: Data(file.text.utf8))
                    }
                }
                return .problem(id: problem.id, expected: problem.expected, solve: { reasoner.solve(problem) })
            case .failure(let error):
                return .unreadable(id: error.id ?? "\(error.file)#\(error.index)", expected: nil, message: error.description)
            }
        }
        var selection = BatchSelection(limit: limit)
        if let shard, let (i, n) = BatchSelection.parseShard(shard) { selection.shardIndex = i; selection.shardCount = n }
        let selected = selection.select(items)

        let writer: JSONLWriter?
        var done: Set<String> = []
        if let out {
            if resume { done = JSONLWriter.completedIDs(at: out) }
            do { writer = try JSONLWriter(path: out, resume: resume) } catch {
                printError("\(error)")
                throw ExitCode(2)
            }
        } else {
            writer = nil
        }
        var writeFailure: Error?
        let summary = BatchRunner.run(selected, skipping: done) { solution in
            let line = solution.jsonLine()
            if writeFailure == nil {
                do { try writer?.append(line) } catch { writeFailure = error; printError("\(error)") }
            }
            if !quiet { writeLine(line) }
        }
        FileHandle.standardError.write(Data((summary.report + "\n").utf8))
        writeLine(summary.accuracyLine)
        if writeFailure != nil { throw ExitCode(2) }
    }
}

extension DatasetFormat: ExpressibleByArgument {}
