import ArgumentParser
import Entail
import Foundation

struct SolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Solve problem files and print each verdict with its certificate.",
        discussion: "Exits 1 when a verdict differs from the file's expect: line, 2 when a file cannot be read.")

    @Argument(help: "Problem files (.problem).")
    var files: [String]

    @Flag(help: "Print one JSON object per problem, one per line.")
    var json = false

    @OptionGroup var options: ProverOptions

    func run() throws {
        let reasoner = options.reasoner()
        var inputErrors = 0
        var wrong = 0
        for file in files {
            let problems: [Problem]
            do {
                problems = try ProblemFileReader.read(contentsOfFile: file)
            } catch {
                printError("\(error)")
                inputErrors += 1
                continue
            }
            for problem in problems {
                let solution = reasoner.solve(problem)
                print(json ? solution.jsonLine() : solution.humanReadable(problem: problem))
                if solution.correct == false { wrong += 1 }
            }
        }
        if inputErrors > 0 { throw ExitCode(2) }
        if wrong > 0 { throw ExitCode(1) }
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data(("entail: " + message + "\n").utf8))
}

/// Writes one line to stdout at once (unbuffered), so JSON lines appear as they are known.
func writeLine(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
