import ArgumentParser
import Entail
import Foundation
import SemanticParser

/// Options shared by the commands that load a model.
struct ModelOptions: ParsableArguments {
    @Option(help: "GGUF model file (default: $ENTAIL_MODEL or models/SmolLM2-135M-Instruct.Q4_1.gguf).")
    var model: String?
    @Option(help: "Worker threads.")
    var threads: Int = 1
    @Option(help: "LoRA adapter (GGUF, llama.cpp layout) applied on top of the model. Commands that translate (translate, search, eval-translation) apply the shipped adapters/fol-lora.gguf to the bundled model by default.")
    var adapter: String?
    @Flag(help: "Translating commands: use the bare model and the few-shot prompt, without the shipped adapter.")
    var noAdapter = false

    func validate() throws {
        guard (1...256).contains(threads) else { throw ValidationError("--threads must be between 1 and 256") }
    }

    /// The translation prompt: `explicit`, else the tuned prompt with an adapter, else the few-shot one.
    func promptFile(_ explicit: String?) -> String {
        FewShotPrompt.path(explicit: explicit, adapted: adapterPath(translating: true) != nil)
    }

    /// `--adapter`, else (for a translating command with the bundled model and no
    /// `--no-adapter`) the shipped adapter, else none.
    func adapterPath(translating: Bool) -> String? {
        if let adapter { return adapter }
        guard translating, !noAdapter, model == nil else { return nil }
        return ShippedAdapter.path
    }

    /// Loads the model (with its adapter). `translating`: a command that translates, which
    /// gets the shipped adapter by default.
    func load(maxBatch: Int = 64, translating: Bool = false) throws -> LanguageModel {
        let path = model ?? DefaultModel.path
        let adapterPath = adapterPath(translating: translating)
        var lowRank: LowRankAdapter?
        if let adapter = adapterPath {
            do { lowRank = try LowRankAdapter(path: adapter) } catch {
                throw ValidationError("cannot load adapter \(adapter): \(error)")
            }
        }
        do { return try LanguageModel(path: path, threads: threads, maxBatch: maxBatch, adapter: lowRank) } catch {
            throw ValidationError("cannot load model \(path)\(adapterPath.map { " with adapter \($0)" } ?? ""): \(error)")
        }
    }
}

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "generate", abstract: "Generate text with the local model.")

    @OptionGroup var modelOptions: ModelOptions
    @Option(help: "Prompt text.") var prompt: String
    @Flag(help: "Wrap the prompt in the model's chat template as a user message.") var chat = false
    @Option(help: "Maximum new tokens per sample.") var maxTokens: Int = 128
    @Option(help: "Sampling temperature (0 = greedy).") var temperature: Float = 0
    @Option(help: "Nucleus sampling threshold.") var topP: Float = 1
    @Option(help: "Top-k (0 = off).") var topK: Int = 0
    @Option(help: "Min-p (0 = off).") var minP: Float = 0
    @Option(help: "Random seed.") var seed: UInt64 = 0
    @Option(help: "Number of samples sharing one prefill.") var samples: Int = 1
    @Flag(help: "Print one JSON record per sample instead of streaming text.") var json = false

    func validate() throws {
        guard maxTokens >= 0 else { throw ValidationError("--max-tokens must be >= 0") }
        guard temperature >= 0 else { throw ValidationError("--temperature must be >= 0") }
        guard topP > 0 && topP <= 1 else { throw ValidationError("--top-p must be in (0, 1]") }
        guard (1...256).contains(samples) else { throw ValidationError("--samples must be between 1 and 256") }
    }

    func run() throws {
        let model = try modelOptions.load(maxBatch: max(64, samples))
        let text = chat ? model.chatTemplate.render([ChatMessage(role: .user, content: prompt)]) : prompt
        let tokens = model.tokenizer.encode(text)
        guard !tokens.isEmpty else { throw ValidationError("the prompt encodes to no tokens") }
        var o = GenerationOptions()
        o.maxTokens = maxTokens; o.temperature = temperature; o.topP = topP; o.topK = topK; o.minP = minP
        o.seed = seed; o.samples = samples
        let generator = TextGenerator(model: model)
        let streaming = !json && samples == 1
        var pending: [UInt8] = []
        let results = generator.generate(prompt: tokens, options: o) { _, token in
            guard streaming else { return }
            pending += model.tokenizer.bytes(of: token)
            // Print whole UTF-8 sequences only.
            var cut = pending.count
            var back = 0
            while back < min(4, pending.count) {
                let b = pending[pending.count - 1 - back]
                if b & 0xC0 != 0x80 {
                    let need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
                    if need > back + 1 { cut = pending.count - 1 - back }
                    break
                }
                back += 1
            }
            FileHandle.standardOutput.write(Data(pending[..<cut]))
            pending.removeFirst(cut)
        }
        if streaming {
            FileHandle.standardOutput.write(Data(pending) + Data("\n".utf8))
        } else if json {
            for (i, r) in results.enumerated() {
                print("{\"sample\":\(i),\"tokens\":[\(r.tokens.map(String.init).joined(separator: ","))],\"text\":\(jsonStringLiteral(r.text)),\"finished\":\(r.finished)}")
            }
        } else {
            for (i, r) in results.enumerated() { print("--- sample \(i)\n\(r.text)") }
        }
    }
}
