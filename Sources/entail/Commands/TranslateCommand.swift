import ArgumentParser
import Entail
import Foundation
import SemanticParser

/// `entail translate`: English sentences to formulas with the local model, under
/// lexically grounded grammars and one shared signature.
struct TranslateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translate",
        abstract: "Translate English sentences to first-order formulas with the local model.",
        discussion: """
        Sentences are translated in order, sharing one signature (the predicates and \
        constants used so far). Each output parses; names come only from the sentence's \
        words and the signature. Log-probabilities are over the grammar-masked distribution.
        """)

    @OptionGroup var modelOptions: ModelOptions
    @Argument(help: "Sentences (one argument each; an argument with several sentences is split).") var text: [String]
    @Option(help: "Translations per sentence: the greedy one plus K-1 seeded samples.") var samples: Int = 1
    @Option(help: "Random seed for the samples.") var seed: UInt64 = 0
    @Option(help: "Few-shot prompt file (default: prompts/fol-translation.txt).") var prompt: String?
    @Option(help: "Token budget per translation.") var maxTokens: Int = 96
    @Flag(help: "Print one JSON record per translation.") var json = false

    func validate() throws {
        guard !text.isEmpty else { throw ValidationError("give at least one sentence") }
        guard (1...64).contains(samples) else { throw ValidationError("--samples must be between 1 and 64") }
        guard (1...512).contains(maxTokens) else { throw ValidationError("--max-tokens must be between 1 and 512") }
    }

    func run() throws {
        let model = try modelOptions.load(translating: true)
        let translator: ModelTranslator
        do { translator = try ModelTranslator(model: model, promptFile: modelOptions.promptFile(prompt)) } catch { throw ValidationError("\(error)") }
        translator.maxTokens = maxTokens
        var signature = TranslationSignature()
        let sentences = text.flatMap { ControlledEnglishParser.splitSentences($0) }
        var failed = false
        for (i, sentence) in sentences.enumerated() {
            let start = Date()
            do {
                let results = try translator.translate(sentence: sentence, signature: &signature, samples: samples, seed: seed)
                let seconds = Date().timeIntervalSince(start)
                for (k, r) in results.enumerated() {
                    if json {
                        print("{\"sentence\":\(i),\"english\":\(jsonStringLiteral(sentence)),\"rank\":\(k),\"greedy\":\(r.isGreedy),\"fol\":\(jsonStringLiteral(r.text)),\"logprob\":\(String(format: "%.4f", r.logProbability)),\"unmasked_logprob\":\(String(format: "%.4f", r.unmaskedLogProbability)),\"tokens\":\(r.tokens),\"seconds\":\(String(format: "%.3f", seconds))}")
                    } else if k == 0 {
                        print("\(sentence)\n  \(r.text)    [logprob \(String(format: "%.3f", r.logProbability)), \(r.tokens) tokens, \(String(format: "%.2f", seconds)) s]")
                    } else {
                        print("    alt: \(r.text)    [logprob \(String(format: "%.3f", r.logProbability))]")
                    }
                }
            } catch {
                failed = true
                if json {
                    print("{\"sentence\":\(i),\"english\":\(jsonStringLiteral(sentence)),\"error\":\(jsonStringLiteral("\(error)"))}")
                } else {
                    print("\(sentence)\n  error: \(error)")
                }
            }
        }
        if !json { print("signature: \(signature.promptText)") }
        if failed { throw ExitCode(1) }
    }
}
