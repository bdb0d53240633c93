import ArgumentParser
import Entail
import Foundation

/// `entail query FILE.pl GOAL`: loads a Prolog program and prints the goal's answers the
/// way a Prolog top level does.
struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Run a Prolog program's goal; print bindings (X = ...).")

    @Argument(help: "The Prolog program (.pl).") var file: String
    @Argument(help: "The goal, e.g. 'append(X, Y, [1,2])'.") var goal: String
    @Flag(help: "Print every answer, not just the first.") var all = false
    @Option(help: "Stop after this many inferences (reported as 'limit: steps').") var maxSteps: Int?
    @Option(help: "Stop at this proof depth (reported as 'limit: depth').") var maxDepth: Int?
    @Option(help: "Stop after this many seconds (reported as 'limit: time').") var timeout: Double?

    func run() throws {
        let text: String
        do { text = try String(contentsOfFile: file, encoding: .utf8) } catch {
            throw ValidationError("cannot read \(file): \(error.localizedDescription)")
        }
        let machine = PrologMachine()
        do {
            try machine.consult(text, file: file)
        } catch {
            FileHandle.standardError.write("\(error)\n".data(using: .utf8)!)
            throw ExitCode(2)
        }
        machine.runInitialization()
        if machine.halted { return }
        machine.limits = PrologLimits(steps: maxSteps, depth: maxDepth, seconds: timeout)
        let result = machine.topLevel(goal, all: all)
        if result.error != nil { throw ExitCode(1) }
    }
}
