import ArgumentParser

/// `entail bench decoder|grammar|prover|z3|batch`: benchmarks that print a table, with a peer
/// measured in the same run.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmarks against a peer measured in the same run; each prints a table.",
        subcommands: [BenchDecoderCommand.self, BenchGrammarCommand.self, BenchProverCommand.self, BenchZ3Command.self, BenchBatchCommand.self])
}
