import Foundation
import Logic
import Problems
import Search
import SemanticParser

/// Solves problems by inference-scaling search: the model translates the English (several
/// samples per sentence where the strategy asks for them), Z3 and the native prover
/// decide each candidate theory, verifiers score the candidates, and the `Strategy`
/// picks the verdict within the `Budget`.
///
/// ```swift
/// let reasoner = try SearchReasoner(modelPath: DefaultModel.path)
/// let solution = reasoner.solve(problem, strategy: .vote(samples: 8), budget: Budget(tokens: 20_000), seed: 1)
/// print(solution.verdict, solution.cost.tokens)
/// ```
///
/// One instance holds one model and its scratch buffers: use it from one thread at a
/// time (make one per worker to solve in parallel).
public final class SearchReasoner {
    public let translator: ModelTranslator
    /// The provers that decide each candidate theory (in each problem's own world).
    public var formal: FormalReasoner
    /// Translate every statement with the model (the controlled-English parser does not
    /// translate). When false, sentences the controlled parser understands are fixed to
    /// its formula and only the rest are sampled.
    public var modelOnly: Bool
    /// Use the controlled-English parser's formulas as a verifier (agreement score).
    public var controlledAsVerifier: Bool
    /// Keep the formal forms a problem gives (else its English is translated even where a
    /// formal form exists, as model-only evaluation on FOLIO needs).
    public var useFormal: Bool
    /// Let the FOL parser repair defects in formal forms (with `useFormal`).
    public var tolerant: Bool
    /// Strategy knobs; the panel is rebuilt from `controlledAsVerifier` unless `customPanel`.
    public var settings: SearchSettings
    /// Keep `settings.panel` as given rather than the standard panel.
    public var customPanel: Bool = false
    /// Writes the reasoning steps of the `steps` strategy: by default the translator's
    /// model with `prompts/reasoning-steps.txt`, loaded on first use (nil when the prompt
    /// cannot be read; then `steps` reports an error).
    public lazy var stepProposer: (any StepProposer)? = try? ModelStepProposer(model: translator.model)

    public init(translator: ModelTranslator, prover: ProverChoice = .both, timeout: Duration = .seconds(10),
                modelOnly: Bool = true, controlledAsVerifier: Bool = true,
                useFormal: Bool = false, tolerant: Bool = true, settings: SearchSettings = SearchSettings()) {
        self.translator = translator
        self.formal = FormalReasoner(prover: prover, timeout: timeout)
        self.modelOnly = modelOnly
        self.controlledAsVerifier = controlledAsVerifier
        self.useFormal = useFormal
        self.tolerant = tolerant
        self.settings = settings
    }

    /// Loads the model at `modelPath` (with the LoRA `adapter` file, if given) and the prompt
    /// (nil: the few-shot prompt, or the tuned prompt with an adapter).
    public convenience init(modelPath: String = DefaultModel.path, promptFile: String? = nil, threads: Int = 1,
                            prover: ProverChoice = .both, timeout: Duration = .seconds(10), modelOnly: Bool = true,
                            controlledAsVerifier: Bool = true, adapter: String? = nil) throws {
        let lowRank = try adapter.map { try LowRankAdapter(path: $0) }
        let model = try LanguageModel(path: modelPath, threads: threads, adapter: lowRank)
        let translator = try ModelTranslator(model: model, promptFile: FewShotPrompt.path(explicit: promptFile, adapted: lowRank != nil))
        self.init(translator: translator, prover: prover, timeout: timeout, modelOnly: modelOnly,
                  controlledAsVerifier: controlledAsVerifier)
    }

    /// Why a problem cannot be searched (no conclusion, a statement with neither English
    /// nor a usable formal form).
    public struct Unsearchable: Error, CustomStringConvertible {
        public var description: String
    }

    /// The problem as the search sees it: each statement's sentence, and the formulas
    /// that are fixed (formal forms with `useFormal`; controlled-parser readings unless
    /// `modelOnly`).
    public func searchProblem(for problem: Problem) -> Result<SearchProblem, Unsearchable> {
        Self.searchProblem(for: problem, modelOnly: modelOnly, useFormal: useFormal, tolerant: tolerant)
    }

    /// The problem as a search with these settings sees it (see the instance method).
    public static func searchProblem(for problem: Problem, modelOnly: Bool, useFormal: Bool,
                                     tolerant: Bool = true) -> Result<SearchProblem, Unsearchable> {
        guard let conclusion = problem.conclusion else {
            return .failure(Unsearchable(description: "\(problem.id): search needs a conclusion (multiple-choice problems are not searched)"))
        }
        var statements: [SearchStatement] = []
        let all = problem.premises.enumerated().map { (SearchStatement.Role.premise($0.offset + 1), $0.element) } + [(.conclusion, conclusion)]
        for (role, statement) in all {
            var s = SearchStatement(role: role, sentence: statement.text ?? "")
            if useFormal, let formal = statement.formal {
                do { s.fixed = try formal.parsed(tolerant: tolerant).formula } catch {
                    return .failure(Unsearchable(description: "\(error) (in \(role))"))
                }
            }
            if s.fixed == nil && s.sentence.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                return .failure(Unsearchable(description: "\(role) has neither English nor a formal form"))
            }
            statements.append(s)
        }
        if !modelOnly {
            let readings = ControlledEnglishReference().references(for: statements)
            for (i, f) in readings.enumerated() where statements[i].fixed == nil {
                if let f { statements[i].fixed = f; statements[i].fixedOrigin = "controlled" }
            }
        }
        return .success(SearchProblem(id: problem.id, premises: Array(statements.dropLast()), conclusion: statements[statements.count - 1]))
    }

    /// Runs the search and returns its raw outcome (candidates, trace, cost); theories are
    /// decided in `world` (the `steps` strategy decides a closed-world problem in the
    /// forward world, since its checks must be monotone).
    public func search(_ problem: SearchProblem, strategy: Strategy, budget: Budget, seed: UInt64,
                       world: ReasoningWorld = .open) -> SearchOutcome {
        search(problem, strategy: strategy, budget: budget, seed: seed,
               decider: FormalTheoryDecider(reasoner: formal, world: world))
    }

    func search(_ problem: SearchProblem, strategy: Strategy, budget: Budget, seed: UInt64,
                decider: FormalTheoryDecider) -> SearchOutcome {
        var settings = self.settings
        if !customPanel { settings.panel = .standard(useReference: controlledAsVerifier) }
        var proposer: (any StepProposer)? = nil
        var decider = decider
        if case .steps = strategy {
            proposer = stepProposer
            // A step is checked against only what it cites, which needs a monotone
            // entailment: under the closed world a missing fact would "entail" its negation.
            if decider.world == .closed { decider = FormalTheoryDecider(reasoner: formal, world: .forward) }
        }
        var search = InferenceSearch(source: ModelTranslationSampler(translator: translator), decider: decider,
                                     reference: controlledAsVerifier ? ControlledEnglishReference() : nil, settings: settings,
                                     stepProposer: proposer)
        defer { if case .steps = strategy { stepProposer = search.stepProposer } }
        return search.run(problem, strategy: strategy, budget: budget, seed: seed)
    }

    /// Solves one problem. Never throws: a problem that cannot be searched is the verdict
    /// `error` with the reason.
    public func solve(_ problem: Problem, strategy: Strategy, budget: Budget, seed: UInt64) -> Solution {
        let decider = FormalTheoryDecider(reasoner: formal, world: problem.world)
        switch searchProblem(for: problem) {
        case .failure(let why):
            var s = Solution(id: problem.id, verdict: .error, expected: problem.expected)
            s.certificate = .error(why.description)
            return s
        case .success(let searchProblem):
            let outcome = search(searchProblem, strategy: strategy, budget: budget, seed: seed, decider: decider)
            return SearchSolution.make(problem: problem, searchProblem: searchProblem, outcome: outcome,
                                       strategy: strategy, decider: decider)
        }
    }
}
