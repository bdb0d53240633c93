import ArgumentParser
import Entail
import Foundation

struct BenchZ3Command: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "z3",
        abstract: "Time the Z3 bridge per problem (median, max) next to the z3 Python API on the same problems.",
        discussion: "The Python side needs `pip install z3-solver`; without it the table says so.")

    @Option(help: "A dataset with gold FOL (FOLIO JSONL or a Logic-LM programs file).")
    var dataset = "../shared/datasets/folio/folio-validation-dev.jsonl"

    @Option(help: "The z3py side's script.")
    var script = "bench/z3/z3py_bench.py"

    @Option(help: "Seconds per check.")
    var timeout: Double = 10

    @Option(help: "Runs per problem and side (the fastest is kept).")
    var repetitions = 3

    @Option(help: "Python interpreter for the z3py side.")
    var python = "python3"

    func run() throws {
        let records: [DatasetRecord]
        do { records = try DatasetReader.read(contentsOfFile: dataset) } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
        var problems: [Z3BenchProblem] = []
        for case .success(let problem) in records {
            guard let formal = try? problem.formalized(tolerant: true) else { continue }
            problems.append(Z3BenchProblem(name: problem.id, premises: formal.premises, conclusion: formal.conclusion))
        }
        let scriptURL = FileManager.default.fileExists(atPath: script) ? URL(fileURLWithPath: script) : nil
        let report = try Z3Bench.run(problems: problems, timeout: .milliseconds(Int64(timeout * 1000)),
                                     repetitions: repetitions, pythonScript: scriptURL, python: python)
        writeLine(report.table)
    }
}
