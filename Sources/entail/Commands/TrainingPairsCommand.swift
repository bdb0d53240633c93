import ArgumentParser
import Decoder
import Entail
import Foundation
import Logic
import SemanticParser

/// `entail training-pairs`: writes the translator's fine-tuning data as JSON lines.
struct TrainingPairsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "training-pairs",
        abstract: "Write NL→FOL fine-tuning pairs (JSONL: prompt, completion, prompt_ids, completion_ids, source).",
        discussion: "Statistics go to standard error as one JSON object. Evaluation splits are refused.")

    @Option(help: "Datasets directory (folio/folio-train.jsonl, logic-lm/ProofWriter/train.json).")
    var datasets: String = "../shared/datasets"
    @Option(help: "Prompt file whose text precedes each query (the fine-tuned prompt has no examples).")
    var prompt: String = "prompts/fol-translation-tuned.txt"
    @Option(help: "GGUF model whose tokenizer gives the token ids (default: $ENTAIL_MODEL or the bundled model).")
    var model: String?
    @Option(help: "Output JSONL file (default: standard output).") var out: String?
    @Option(help: "Seed for every random choice.") var seed: UInt64 = 7
    @Option(help: "ProofWriter problems (distinct contexts) to read.") var proofwriterStories: Int = 60
    @Option(help: "Fraction of understood ProofWriter sentences emitted.") var proofwriterKeep: Double = 0.3
    @Option(help: "FOLIO stories emitted again with premises reordered.") var reordered: Int = 60
    @Option(help: "FOLIO stories emitted again with entities renamed.") var renamed: Int = 80
    @Option(help: "Controlled stories emitted again with names renamed and sentences negated or re-quantified.")
    var controlledVariants: Int = 40

    func validate() throws {
        guard (0...1).contains(proofwriterKeep) else { throw ValidationError("--proofwriter-keep must be in 0...1") }
        for (name, v) in [("proofwriter-stories", proofwriterStories), ("reordered", reordered), ("renamed", renamed),
                          ("controlled-variants", controlledVariants)] where v < 0 || v > 100_000 {
            throw ValidationError("--\(name) must be between 0 and 100000")
        }
    }

    func run() throws {
        let fewShot: FewShotPrompt
        do { fewShot = try FewShotPrompt(path: prompt) } catch { throw ValidationError("\(error)") }
        let modelPath = model ?? DefaultModel.path
        let tokenizer: Tokenizer
        do { tokenizer = try Tokenizer(gguf: GGUFFile(path: modelPath)) } catch {
            throw ValidationError("cannot read the tokenizer of \(modelPath): \(error)")
        }
        var builder = TrainingPairsBuilder(prompt: fewShot, tokenizer: tokenizer)
        var generator = SplitMix64(seed: seed)
        do {
            try builder.addFOLIO(path: datasets + "/folio/folio-train.jsonl")
            try builder.addControlled(path: datasets + "/logic-lm/ProofWriter/train.json", kind: "proofwriter",
                                      stories: proofwriterStories, keepFraction: proofwriterKeep, generator: &generator)
        } catch { throw ValidationError("\(error)") }
        builder.addReorderedFOLIO(count: reordered, generator: &generator)
        builder.addRenamedFOLIO(count: renamed, generator: &generator)
        builder.addControlledVariations(count: controlledVariants, editRate: 0.3, keepFraction: proofwriterKeep,
                                        generator: &generator)
        let text = builder.pairs.map(\.jsonLine).joined(separator: "\n") + "\n"
        if let out {
            guard FileManager.default.createFile(atPath: out, contents: Data(text.utf8)) else {
                throw ValidationError("cannot write \(out)")
            }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        FileHandle.standardError.write(Data((builder.statistics.json + "\n").utf8))
    }
}
