import ArgumentParser
import Entail
import Foundation

/// `entail bench prover`: the Prolog engine against SWI-Prolog on the programs of
/// bench/prover, in the same run.
struct BenchProverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prover",
        abstract: "Benchmark the Prolog engine against SWI-Prolog (bench/prover/*.pl).")

    @Option(help: "Directory of the benchmark programs.") var dir = "bench/prover"
    @Option(help: "Multiply every iteration count by this factor.") var scale = 1.0
    @Option(help: "The SWI-Prolog executable; 'none' to skip it.") var swipl = "swipl"
    @Option(help: "Run only these programs (comma-separated).") var only: String?

    func run() throws {
        var benchmarks = PrologBenchmarkSuite.standard
        if let only {
            let names = Set(only.split(separator: ",").map(String.init))
            benchmarks = benchmarks.filter { names.contains($0.name) }
        }
        let rows = PrologBenchmarkSuite.run(
            directory: URL(fileURLWithPath: dir), benchmarks: benchmarks,
            swipl: swipl == "none" ? nil : swipl, scale: scale,
            progress: { FileHandle.standardError.write("\($0)\n".data(using: .utf8)!) })
        print(PrologBenchmarkSuite.table(rows), terminator: "")
    }
}
