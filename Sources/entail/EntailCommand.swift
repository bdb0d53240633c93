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
            EvalTranslationCommand.self,
            SearchCommand.self,
            LogitsCommand.self,
            BenchCommand.self,
            TrainingPairsCommand.self,
        ]
    )

    /// Runs the chosen subcommand. Usage errors exit with 2 (DESIGN.md: 0 success, 1 a
    /// failed check, 2 bad usage or input), not ArgumentParser's 64.
    static func main() async {
        var command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
        do {
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            // A failure while running (an unreadable file, a bad model) is not a usage
            // mistake: say what went wrong, without the usage text.
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data(("entail: " + message(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
