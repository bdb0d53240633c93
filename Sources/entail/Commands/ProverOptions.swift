import ArgumentParser
import Entail

/// Options shared by the commands that decide formal problems.
struct ProverOptions: ParsableArguments {
    @Option(help: "Which prover decides: native, z3, or both (cross-checked).")
    var prover: ProverChoice = .both

    @Option(help: "Seconds each prover may spend on one problem.")
    var timeout: Double = 20

    @Option(help: "Which semantic parser translates English without a formal form: controlled, model, or both.")
    var parser: ParserChoice = .both

    @Flag(help: "Repair the defects real annotations have (each repair is reported).")
    var tolerant = false

    func validate() throws {
        guard timeout > 0, timeout <= 86_400 else { throw ValidationError("--timeout must be between 0 and 86400 seconds") }
    }

    func reasoner(tolerant forced: Bool? = nil, formalOnly: Bool = false) -> Reasoner {
        Reasoner(prover: prover, timeout: .milliseconds(Int64(timeout * 1000)), tolerant: forced ?? tolerant,
                 formalOnly: formalOnly, parser: parser)
    }
}

extension ProverChoice: ExpressibleByArgument {}
extension ParserChoice: ExpressibleByArgument {}
