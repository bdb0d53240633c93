import ArgumentParser
import Entail
import Foundation

@main
struct EntailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entail",
        abstract: "Verified logical reasoning over natural language.",
        subcommands: [
            // Each subcommand lives in Commands/<Name>Command.swift.
            SolveCommand.self,
            BatchCommand.self,
            ProveCommand.self,
            QueryCommand.self,
            GenerateCommand.self,
            TranslateCommand.self,
            LogitsCommand.self,
            BenchCommand.self,
        ]
    )

    /// Runs the chosen subcommand. Usage errors exit with 2 (DESIGN.md: 0 success, 1 a
    /// failed check, 2 bad usage or input), not ArgumentParser's 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
