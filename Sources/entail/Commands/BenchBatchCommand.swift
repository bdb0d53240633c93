import ArgumentParser
import Entail
import Foundation

/// `entail bench batch`: batch throughput with one worker against several, on the same
/// problems in the same run.
struct BenchBatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Batch throughput (problems/minute) for --jobs 1 against more workers, on the same problems.",
        discussion: """
            By default: the first 200 problems of the ProofWriter train split, translated by the \
            controlled-English parser. Prints a table with each run's rate and its ratio to the first.
            """)

    @Argument(help: "A dataset file (any format `entail batch` reads).")
    var dataset = "../shared/datasets/logic-lm/ProofWriter/train.json"

    @Option(help: "The worker counts to compare, comma-separated; the first is the baseline.")
    var jobs = "1,2"

    @Option(help: "Use the first N problems.")
    var limit = 200

    @Flag(help: "Use only the dataset's own formal forms (gold FOL, or the Logic-LM programs).")
    var formal = false

    @OptionGroup var options: ProverOptions

    var jobCounts: [Int] { jobs.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) } }

    func validate() throws {
        let counts = jobCounts
        guard !counts.isEmpty, counts.count == jobs.split(separator: ",").count, counts.allSatisfy({ $0 >= 1 && $0 <= 256 }) else {
            throw ValidationError("--jobs must be a comma-separated list of worker counts from 1 to 256, got '\(jobs)'")
        }
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let records: [DatasetRecord]
        do {
            records = try DatasetReader.read(contentsOfFile: dataset, format: .auto)
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
        let items = BatchSelection(limit: limit).select(BatchItem.items(records))
        let options = options, formal = formal
        FileHandle.standardError.write(Data("bench batch: \(items.count) problems from \(dataset), \(ProcessInfo.processInfo.activeProcessorCount) cores\n".utf8))
        // Every worker of every run gets its own reasoner: no translation cached by an earlier
        // run, and no model shared between workers (as in `entail batch --jobs`).
        let rows = BatchThroughput.measure(items, jobs: jobCounts, makeSolver: {
            let reasoner = options.reasoner(tolerant: true, formalOnly: formal)
            return { reasoner.solve($0) }
        }) { row in
            FileHandle.standardError.write(Data(String(format: "  jobs %d: %.2f s\n", row.jobs, row.seconds).utf8))
        }
        print(BatchThroughput.table(rows), terminator: "")
    }
}
