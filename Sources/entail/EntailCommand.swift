import ArgumentParser
import Entail

@main
struct EntailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entail",
        abstract: "Verified logical reasoning over natural language.",
        subcommands: [
            // Each subcommand lives in Commands/<Name>Command.swift.
            QueryCommand.self,
            BenchProverCommand.self,   // the lead moves this under `entail bench prover`
        ]
    )
}
