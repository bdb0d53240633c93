import ArgumentParser
import Entail
import Foundation

struct ProveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prove",
        abstract: "Decide formal problems only (no translation from English): problem files with fol:/axiom:/goal: entries.",
        discussion: """
            With --prover both, the two provers are cross-checked and a disagreement is an error \
            that names the problem (exit 1). --export prints the problem for another prover \
            instead of deciding it.
            """)

    enum ExportFormat: String, ExpressibleByArgument { case tptp, smtlib2 }

    @Argument(help: "Problem files.")
    var files: [String]

    @Flag(help: "Print one JSON object per problem, one per line.")
    var json = false

    @Option(help: "Print the problem as tptp (the conjecture is the conclusion) or smtlib2, and do not decide it.")
    var export: ExportFormat?

    @OptionGroup var options: ProverOptions

    func run() throws {
        var reasoner = options.reasoner()
        reasoner.formalOnly = false
        reasoner.parser = .model   // nothing is translated: English without a formal form is an error
        var inputErrors = 0, failed = 0
        for file in files {
            let problems: [Problem]
            do { problems = try ProblemFileReader.read(contentsOfFile: file) } catch {
                printError("\(error)")
                inputErrors += 1
                continue
            }
            for problem in problems {
                if let export {
                    switch reasoner.theory(of: problem) {
                    case .failure(let failure):
                        printError("\(problem.id): \(failure)")
                        inputErrors += 1
                    case .success(let t):
                        switch export {
                        case .tptp:
                            writeLine(TPTPExport.problem(name: problem.id, premises: t.premises, conjecture: t.conclusion))
                        case .smtlib2:
                            writeLine(try Z3Entailment.smtlib2(premises: t.premises, conclusion: t.conclusion))
                        }
                    }
                    continue
                }
                let solution = reasoner.solve(problem)
                writeLine(json ? solution.jsonLine() : solution.humanReadable(problem: problem))
                if solution.notes.contains(where: { $0.hasPrefix("provers disagree") }) {
                    printError("provers disagree on \(problem.id) (\(file)): \(solution.crossCheck.map { "\($0.key) \($0.value.rawValue)" }.sorted().joined(separator: ", "))")
                    failed += 1
                } else if solution.correct == false {
                    failed += 1
                }
            }
        }
        if inputErrors > 0 { throw ExitCode(2) }
        if failed > 0 { throw ExitCode(1) }
    }
}
