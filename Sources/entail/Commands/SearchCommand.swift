import ArgumentParser
import Entail
import Foundation
import Search
import SemanticParser

/// `entail search`: inference-scaling search over a dataset's English with the local
/// model, for measuring strategies against each other (accuracy, false positives,
/// abstentions, cost). One model load serves every strategy named.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Solve a dataset's problems from their English by inference-scaling search and compare strategies.",
        discussion: """
            Model-only by default: every premise and the conclusion are translated by the model \
            (the controlled-English parser only verifies; --controlled lets it translate what it \
            covers). Prints one JSON line per problem and strategy, then per strategy: accuracy, \
            wrong true/false answers (false positives) with and without abstention, abstentions \
            and mean cost.
            """)

    @Argument(help: "A dataset file (FOLIO JSONL, Logic-LM JSON).")
    var dataset: String
    @Option(help: "auto, folio, logiclm, logiclm-programs or jsonl.")
    var format: DatasetFormat = .auto
    @Option(help: "Strategies, comma-separated, each NAME or NAME:SIZE: \(Strategy.names.joined(separator: ", ")).")
    var strategy: String = "single"
    @Option(help: "The strategies' size: samples for vote/best-of-n/resample, expansions for tree, chains for steps.")
    var samples: Int = 5
    @Option(help: "Random seed.")
    var seed: UInt64 = 1
    @Option(help: "Skip this many problems first.")
    var offset: Int = 0
    @Option(help: "Solve at most N problems.")
    var limit: Int = 20
    @Option(help: "Keep only problems with at most this many premises (before --offset and --limit).")
    var maxPremises: Int?
    @Option(help: "Budget: generated tokens per problem.")
    var tokens: Int?
    @Option(help: "Budget: model calls per problem.")
    var modelCalls: Int?
    @Option(help: "Budget: prover calls per problem.")
    var proverCalls: Int?
    @Option(help: "Budget: seconds per problem.")
    var seconds: Double?
    @Option(help: "Abstention threshold for resample (and tree, where it is off by default).")
    var abstainBelow: Double = 0.5
    @Option(help: "Prover timeout per decision, in seconds.")
    var timeout: Double = 5
    @Flag(help: "Let the controlled-English parser translate the sentences it covers.")
    var controlled = false
    @Flag(help: "Do not use the controlled-English parser as a verifier.")
    var noControlledVerifier = false
    @Option(help: "Few-shot prompt file (default: prompts/fol-translation.txt).")
    var prompt: String?
    @Flag(help: "Do not print per-problem lines.")
    var quiet = false
    @Flag(help: "Print each search's trace (translations, candidates, moves, selection) to stderr.")
    var trace = false
    @OptionGroup var modelOptions: ModelOptions

    func validate() throws {
        guard (1...64).contains(samples) else { throw ValidationError("--samples must be between 1 and 64") }
        for spec in strategy.split(separator: ",") {
            let parts = spec.split(separator: ":")
            guard parts.count <= 2, Strategy.names.contains(String(parts[0])), parts.count == 1 || Int(parts[1]) != nil else {
                throw ValidationError("'\(spec)' is not NAME or NAME:SIZE with NAME one of \(Strategy.names.joined(separator: ", "))")
            }
        }
        guard offset >= 0, limit >= 0 else { throw ValidationError("--offset and --limit must not be negative") }
    }

    func label(_ s: Strategy) -> String {
        switch s {
        case .single: "single"
        case .vote(let k): "vote(\(k))"
        case .bestOfN(let k): "best-of-n(\(k))"
        case .resample(let k, let t): "resample(\(k), abstain<\(t))"
        case .tree(let k): "tree(\(k))"
        case .steps(let k): "steps(\(k))"
        }
    }

    struct Tally {
        var n = 0, correct = 0, abstained = 0, falsePositives = 0, falsePositivesWithoutAbstention = 0
        var correctWithoutAbstention = 0, errors = 0
        var cost = SearchCost()
    }

    func run() throws {
        let records: [DatasetRecord]
        do { records = try DatasetReader.read(contentsOfFile: dataset, format: format) } catch {
            throw ValidationError("\(error)")
        }
        let problems = records.compactMap { try? $0.get() }.filter { $0.conclusion != nil && $0.expected != nil && $0.premises.count <= (maxPremises ?? Int.max) }
            .dropFirst(offset).prefix(limit)
        let model = try modelOptions.load(translating: true)
        let translator: ModelTranslator
        do { translator = try ModelTranslator(model: model, promptFile: modelOptions.promptFile(prompt)) } catch { throw ValidationError("\(error)") }
        let strategies = strategy.split(separator: ",").map { spec -> Strategy in
            let parts = spec.split(separator: ":")
            var s = Strategy(name: String(parts[0]), samples: parts.count == 2 ? Int(parts[1])! : samples)!
            if case .resample(let m, _) = s { s = .resample(maxSamples: m, abstainBelow: abstainBelow) }
            return s
        }
        let budget = Budget(tokens: tokens, modelCalls: modelCalls, proverCalls: proverCalls, seconds: seconds)
        let settings = SearchSettings()
        var tallies = Array(repeating: Tally(), count: strategies.count)
        var abstainingTree = Tally()
        for problem in problems {
            for (k, s) in strategies.enumerated() {
                let reasoner = SearchReasoner(translator: translator, timeout: .milliseconds(Int(timeout * 1000)),
                                              modelOnly: !controlled, controlledAsVerifier: !noControlledVerifier,
                                              settings: settings)
                guard case .success(let searchProblem) = reasoner.searchProblem(for: problem) else { continue }
                let outcome = reasoner.search(searchProblem, strategy: s, budget: budget, seed: seed, world: problem.world)
                let expected = problem.expected!
                func record(_ t: inout Tally, verdict: Verdict) {
                    t.n += 1
                    if verdict == expected { t.correct += 1 }
                    if outcome.unabstainedVerdict == expected { t.correctWithoutAbstention += 1 }
                    if verdict == .abstain { t.abstained += 1 }
                    if (verdict == .true || verdict == .false) && verdict != expected { t.falsePositives += 1 }
                    let u = outcome.unabstainedVerdict
                    if (u == .true || u == .false) && u != expected { t.falsePositivesWithoutAbstention += 1 }
                    if !verdict.isDecided && verdict != .abstain { t.errors += 1 }
                    t.cost.tokens += outcome.cost.tokens
                    t.cost.modelCalls += outcome.cost.modelCalls
                    t.cost.proverCalls += outcome.cost.proverCalls
                    t.cost.seconds += outcome.cost.seconds
                }
                record(&tallies[k], verdict: outcome.verdict)
                if case .tree = s {
                    // The same run read with abstention: abstain unless the best candidate was accepted.
                    let accepted = outcome.chosen.map { outcome.candidates[$0].accepted } ?? false
                    record(&abstainingTree, verdict: accepted && outcome.confidence >= abstainBelow ? outcome.verdict : .abstain)
                }
                if trace {
                    FileHandle.standardError.write(Data(("\(problem.id) \(label(s)):\n" + outcome.trace.map { "  \($0)\n" }.joined()).utf8))
                }
                if !quiet {
                    let chosen = outcome.chosen.map { outcome.candidates[$0].translations.map { $0?.text ?? "?" } } ?? []
                    writeLine("{\"id\":\(jsonStringLiteral(problem.id)),\"strategy\":\(jsonStringLiteral(label(s))),\"expected\":\"\(expected.rawValue)\",\"verdict\":\"\(outcome.verdict.rawValue)\",\"unabstained\":\"\(outcome.unabstainedVerdict.rawValue)\",\"confidence\":\(String(format: "%.3f", outcome.confidence)),\"candidates\":\(outcome.candidates.count),\"stop\":\(jsonStringLiteral(outcome.stopReason)),\"tokens\":\(outcome.cost.tokens),\"model_calls\":\(outcome.cost.modelCalls),\"prover_calls\":\(outcome.cost.proverCalls),\"seconds\":\(String(format: "%.2f", outcome.cost.seconds)),\"steps\":\(outcome.steps.count),\"steps_checked\":\(outcome.steps.filter(\.checked).count),\"chosen\":[\(chosen.map(jsonStringLiteral).joined(separator: ","))]}")
                }
            }
        }
        func line(_ name: String, _ t: Tally) -> String {
            let n = max(1, t.n)
            func pct(_ x: Int) -> String { String(format: "%.1f%%", 100 * Double(x) / Double(n)) }
            return "\(name): n \(t.n), accuracy \(t.correct)/\(t.n) (\(pct(t.correct))), without abstention \(t.correctWithoutAbstention)/\(t.n); "
                + "false positives \(t.falsePositives) (\(pct(t.falsePositives))), without abstention \(t.falsePositivesWithoutAbstention) (\(pct(t.falsePositivesWithoutAbstention))); "
                + "abstained \(t.abstained), errors \(t.errors); per problem: "
                + String(format: "%.0f tokens, %.1f model calls, %.1f prover calls, %.2f s",
                         Double(t.cost.tokens) / Double(n), Double(t.cost.modelCalls) / Double(n),
                         Double(t.cost.proverCalls) / Double(n), t.cost.seconds / Double(n))
        }
        for (k, s) in strategies.enumerated() { writeLine("summary " + line(label(s), tallies[k])) }
        if abstainingTree.n > 0 { writeLine("summary " + line("tree+abstain<\(abstainBelow)", abstainingTree)) }
    }
}
