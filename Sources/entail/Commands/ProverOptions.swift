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

    @Option(help: "GGUF model that translates the English the controlled parser misses (default: $ENTAIL_MODEL or models/SmolLM2-135M-Instruct.Q4_1.gguf; loaded only when needed).")
    var model: String?

    @Flag(help: "Use no model: English the controlled-English parser does not understand is an error.")
    var noModel = false

    @Option(help: "Worker threads of the model.")
    var threads: Int = 1

    @Option(help: "Prompt file for the model (default: prompts/fol-translation.txt; with --adapter, prompts/fol-translation-tuned.txt).")
    var prompt: String?

    @Option(help: "LoRA adapter applied to the model (default with the bundled model: the shipped translator, adapters/fol-lora.gguf).")
    var adapter: String?

    @Flag(help: "Translate with the bare model and the few-shot prompt, without the shipped adapter.")
    var noAdapter = false

    @Flag(help: "Translate the English of every statement, ignoring its formal form (measures a parser against gold FOL).")
    var englishOnly = false

    @Option(help: "Repair rounds at most when a model translation clashes with the signature or makes the premises inconsistent.")
    var repairRounds: Int = 2

    func validate() throws {
        guard timeout > 0, timeout <= 86_400 else { throw ValidationError("--timeout must be between 0 and 86400 seconds") }
        guard (1...256).contains(threads) else { throw ValidationError("--threads must be between 1 and 256") }
        guard (0...10).contains(repairRounds) else { throw ValidationError("--repair-rounds must be between 0 and 10") }
        if noModel && model != nil { throw ValidationError("--model and --no-model exclude each other") }
        if noAdapter && adapter != nil { throw ValidationError("--adapter and --no-adapter exclude each other") }
        if noModel && adapter != nil { throw ValidationError("--adapter needs a model (drop --no-model)") }
        if noModel && parser == .model { throw ValidationError("--parser model needs a model (drop --no-model)") }
    }

    /// `--adapter`, else the shipped adapter when the bundled model translates (not with
    /// `--model` or `--no-adapter`).
    var adapterPath: String? {
        if let adapter { return adapter }
        if noAdapter || noModel || model != nil { return nil }
        return ShippedAdapter.path
    }

    /// `--model`, `--no-model`, or the bundled model.
    var modelSource: ModelSource {
        if noModel { return .none }
        if let model { return .file(model) }
        return .bundled
    }

    /// The reasoner these options describe (`model` overrides the model choice).
    func reasoner(tolerant forced: Bool? = nil, formalOnly: Bool = false, model: ModelSource? = nil) -> Reasoner {
        var reasoner = Reasoner(prover: prover, timeout: .milliseconds(Int64(timeout * 1000)), tolerant: forced ?? tolerant,
                 formalOnly: formalOnly, parser: parser, model: model ?? modelSource, threads: threads,
                 promptFile: prompt, repairRounds: repairRounds, adapter: adapterPath)
        reasoner.englishOnly = englishOnly
        return reasoner
    }
}

extension ProverChoice: ExpressibleByArgument {}
extension ParserChoice: ExpressibleByArgument {}
