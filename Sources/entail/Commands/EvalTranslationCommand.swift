import ArgumentParser
import Entail
import Foundation
import SemanticParser

/// `entail eval-translation`: per-premise translation accuracy on a FOLIO-style dataset.
/// Each story's premises are translated in order under one shared signature, aligned with
/// the gold FOL story-wide, and compared with Z3.
struct EvalTranslationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval-translation",
        abstract: "Measure NL→FOL translation against a dataset's gold FOL (Z3 equivalence after signature alignment).",
        discussion: """
        A translation counts as right when Z3 proves it equivalent to the gold formula after \
        the predicted predicate and constant names are aligned with the gold ones by one \
        bijection for the whole story (chosen to make the most premises equivalent). Also \
        reported: exact syntax after alignment, translator failures, Z3 timeouts. Prints a \
        row per story and the totals; --out writes one JSON line per premise. \
        --gold-self-check aligns the gold against a random renaming of itself (no model; \
        must give 100%).
        """)

    @Argument(help: "A FOLIO-style dataset (premises with premises-FOL).")
    var dataset: String = "../shared/datasets/folio/folio-validation-dev.jsonl"

    @OptionGroup var modelOptions: ModelOptions
    @Option(help: "Few-shot prompt file (default: prompts/fol-translation.txt).") var prompt: String?
    @Option(help: "Evaluate at most N stories.") var limit: Int?
    @Option(help: "Candidates per premise: the greedy one plus K-1 seeded samples.") var samples: Int = 1
    @Flag(help: "Choose among the candidates by majority over Z3-equivalence classes (ties: higher log-probability).") var vote = false
    @Option(help: "Random seed (samples; the self-check's renaming).") var seed: UInt64 = 0
    @Option(help: "Token budget per translation.") var maxTokens: Int = 96
    @Option(help: "Seconds per Z3 equivalence check.") var timeout: Double = 5
    @Option(help: "Z3 checks the alignment search may make per story.") var maxChecks: Int = 2_000
    @Option(help: "Write one JSON line per premise here.") var out: String?
    @Flag(help: "Align the gold against a seeded random renaming of itself instead of translating.") var goldSelfCheck = false
    @Option(help: "Evaluate translations made elsewhere instead of the model's: a Logic-LM output file (e.g. logic-lm/outputs/FOLIO_dev_gpt-4.sample.json).")
    var predictions: String?

    func validate() throws {
        guard (1...64).contains(samples) else { throw ValidationError("--samples must be between 1 and 64") }
        if vote && samples < 2 { throw ValidationError("--vote needs --samples 2 or more") }
        if let limit, limit < 0 { throw ValidationError("--limit must not be negative") }
        guard (1...512).contains(maxTokens) else { throw ValidationError("--max-tokens must be between 1 and 512") }
        guard timeout > 0, timeout <= 3600 else { throw ValidationError("--timeout must be in (0, 3600] seconds") }
        guard maxChecks > 0 else { throw ValidationError("--max-checks must be positive") }
        if goldSelfCheck && predictions != nil { throw ValidationError("--gold-self-check and --predictions exclude each other") }
    }

    /// The translator every story shares (the one place a model is built).
    func makeTranslator() throws -> ModelTranslator {
        let model = try modelOptions.load(translating: true)
        let translator: ModelTranslator
        do { translator = try ModelTranslator(model: model, promptFile: modelOptions.promptFile(prompt)) } catch { throw ValidationError("\(error)") }
        translator.maxTokens = maxTokens
        return translator
    }

    /// Writes a line to stdout at once (rows appear as stories finish).
    func emit(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    func run() throws {
        var stories: [EvaluationStory]
        do {
            let read = try EvaluationStory.stories(fromDataset: dataset)
            stories = read.stories
            for e in read.skipped { FileHandle.standardError.write(Data("entail: skipped \(e)\n".utf8)) }
        } catch {
            throw ValidationError("\(error)")
        }
        if let limit { stories = Array(stories.prefix(limit)) }
        var output: FileHandle?
        if let out {
            guard FileManager.default.createFile(atPath: out, contents: nil), let handle = FileHandle(forWritingAtPath: out) else {
                throw ValidationError("cannot write \(out)")
            }
            output = handle
        }
        defer { try? output?.close() }
        let aligner = SignatureAligner(equivalence: FormulaEquivalence(timeout: .milliseconds(Int(timeout * 1000))), maxChecks: maxChecks)
        let evaluator = TranslationEvaluator(aligner: aligner, samples: samples, vote: vote, seed: seed)
        var given: LogicLMPredictions?
        if let predictions {
            do { given = try LogicLMPredictions(contentsOfFile: predictions) } catch { throw ValidationError("\(error)") }
        }
        let translator = goldSelfCheck || given != nil ? nil : try makeTranslator()
        var mode = vote ? "vote over \(samples) samples" : samples > 1 ? "first of \(samples) samples" : "greedy"
        if let predictions { mode = "predictions from \(predictions)" }
        if goldSelfCheck { mode = "gold self-check (seed \(seed))" }
        emit("eval-translation: \(dataset), \(stories.count) stories, \(mode)")
        emit(TranslationEvaluationSummary.header)
        var total = TranslationEvaluationSummary()
        for (k, story) in stories.enumerated() {
            let evaluation: StoryEvaluation
            if let translator {
                evaluation = evaluator.evaluate(story: story, storyIndex: k, translator: translator)
            } else if let given {
                evaluation = evaluator.evaluate(story: story, translated: given.translations(for: story))
            } else {
                evaluation = GoldSelfCheck.evaluate(story: story, seed: seed &+ UInt64(k), evaluator: evaluator)
            }
            if let output {
                for p in evaluation.premises { output.write(Data((p.jsonLine() + "\n").utf8)) }
                try? output.synchronize()
            }
            let summary = TranslationEvaluationSummary([evaluation])
            emit(summary.row(story.id))
            total.add(evaluation)
        }
        emit(total.row("total"))
        emit(total.totals)
    }
}
