import ArgumentParser
import Entail
import Foundation

struct ProveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prove",
        abstract: "Decide formal problems only (no translation from English): problem files, or TPTP FOF files (.p, .tptp).",
        discussion: """
            With --prover both, the two provers are cross-checked and a disagreement is an error \
            that names the problem (exit 1). --export prints the problem for another prover \
            instead of deciding it.
            """)

    enum ExportFormat: String, ExpressibleByArgument { case tptp, smtlib2 }

    @Argument(help: "Problem files (.problem) or TPTP FOF files (.p, .tptp): axioms and hypotheses are premises, the conjecture the conclusion.")
    var files: [String]

    @Flag(help: "Print one JSON object per problem, one per line.")
    var json = false

    @Option(help: "Print the problem as tptp (the conjecture is the conclusion) or smtlib2, and do not decide it.")
    var export: ExportFormat?

    @OptionGroup var options: ProverOptions

    func run() throws {
        var reasoner = options.reasoner(model: ModelSource.none)
        reasoner.formalOnly = false
        reasoner.parser = .model   // no model: nothing is translated: English without a formal form is an error
        var inputErrors = 0, failed = 0
        for file in files {
            if file.hasSuffix(".p") || file.hasSuffix(".tptp") {
                do {
                    let solution = try proveTPTP(file, reasoner: reasoner)
                    writeLine(json ? solution.jsonLine() : solution.humanReadable())
                    if solution.notes.contains(where: { $0.hasPrefix("provers disagree") }) {
                        printError("provers disagree on \(solution.id) (\(file))")
                        failed += 1
                    }
                } catch {
                    printError("\(file):\(error)")
                    inputErrors += 1
                }
                continue
            }
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

    /// A TPTP FOF file: axioms and hypotheses are the premises, the one conjecture the
    /// conclusion (a file with none asks whether its formulas are consistent).
    func proveTPTP(_ file: String, reasoner: Reasoner) throws -> Solution {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let annotated = try TPTPParser.parseFile(text)
        let id = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let conjectures = annotated.filter { $0.role == "conjecture" }
        guard conjectures.count <= 1 else {
            throw ValidationError("\(conjectures[1].position): a second conjecture (\(conjectures[1].name)); give one")
        }
        // A negated_conjecture is already in refutation form: it is asserted like an axiom.
        var premises = annotated.filter { $0.role != "conjecture" }.map(\.formula)
        if let conjecture = conjectures.first {
            return reasoner.formal.decide(id: id, premises: premises, conclusion: conjecture.formula)
        }
        // No conjecture: the formulas' consistency is the question (`inconsistent` means
        // the set is unsatisfiable, as a refutation problem wants).
        premises = premises.isEmpty ? [.truth] : premises
        return reasoner.formal.decide(id: id, premises: premises, conclusion: .falsity)
    }
}
