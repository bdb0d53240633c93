import ArgumentParser
import Entail
import Foundation

/// `entail bench grammar`: what grammar-constrained decoding costs in generation speed.
struct BenchGrammarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grammar",
        abstract: "Generation speed with and without a grammar (default grammars/fol.gbnf): same prompt, greedy, medians.",
        discussion: """
            Alternates unconstrained and constrained greedy generation of the same number of \
            tokens from the same prompt (the few-shot translation prompt and one sentence), \
            and prints each run, the medians, their ratio, and the time spent in the grammar. \
            The goal is a cost of at most 5%.
            """)

    @Option(help: "GGUF model file (default: $ENTAIL_MODEL or models/SmolLM2-135M-Instruct.Q4_1.gguf).") var model: String?
    @Option(help: "GBNF grammar file.") var grammar: String = "grammars/fol.gbnf"
    @Option(help: "Prompt file whose text precedes the sentence (default: prompts/fol-translation.txt).") var prompt: String = "prompts/fol-translation.txt"
    @Option(help: "Tokens generated per run.") var tokens: Int = 128
    @Option(help: "Run pairs measured (the median is reported).") var repetitions: Int = 5
    @Option(help: "Worker threads.") var threads: Int = 1

    func validate() throws {
        guard (1...1024).contains(tokens) else { throw ValidationError("--tokens must be between 1 and 1024") }
        guard (1...100).contains(repetitions) else { throw ValidationError("--repetitions must be between 1 and 100") }
        guard (1...256).contains(threads) else { throw ValidationError("--threads must be between 1 and 256") }
    }

    /// The benchmark's prompt: the few-shot examples and one sentence to translate.
    static func promptText(examples: String) -> String {
        examples.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("#") }.joined(separator: "\n")
            + "\nKnown: predicates: none; constants: none\nEnglish: Every young cat that likes the dog is kind.\nFOL:"
    }

    func run() throws {
        let path = model ?? DefaultModel.path
        guard let source = try? String(contentsOfFile: grammar, encoding: .utf8) else { throw ValidationError("cannot read grammar \(grammar)") }
        guard let examples = try? String(contentsOfFile: prompt, encoding: .utf8) else { throw ValidationError("cannot read prompt \(prompt)") }
        let text = Self.promptText(examples: examples)
        let languageModel: LanguageModel
        do { languageModel = try LanguageModel(path: path, threads: threads, maxBatch: 64, contextCapacity: 2048) } catch {
            throw ValidationError("cannot load model \(path): \(error)")
        }
        let bench: GrammarCostBenchmark
        do {
            bench = try GrammarCostBenchmark(model: languageModel, grammarSource: source, prompt: text, tokens: tokens, repetitions: repetitions)
        } catch { throw ValidationError("grammar \(grammar): \(error)") }
        print("model: \(path)   grammar: \(grammar) (one match per line)   threads: \(threads)")
        print("prompt: \(bench.prompt.count) tokens; generated per run: \(bench.tokens) tokens (greedy)")
        let result = bench.run()
        for (i, r) in result.runs.enumerated() {
            print(String(format: "run %2d   unconstrained %7.1f tok/s   constrained %7.1f tok/s   ratio %.3f", i + 1, r.unconstrained, r.constrained, r.constrained / r.unconstrained))
        }
        print(String(format: "median   unconstrained %7.1f tok/s   constrained %7.1f tok/s   ratio %.3f (cost %.1f%%)",
                     result.unconstrainedTokensPerSecond, result.constrainedTokensPerSecond, result.ratio, 100 * (1 - result.ratio)))
        print(String(format: "grammar: %.1f µs/token, %.4f%% of constrained time; slow path (full mask) on %.1f%% of tokens",
                     result.grammarMicrosecondsPerToken, 100 * result.grammarShare, 100 * result.slowPathShare))
        print("sample: \(bench.generate(constrained: true).text.prefix(160).debugDescription)")
    }
}
