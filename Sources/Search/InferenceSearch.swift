import Logic

/// Runs a `Strategy` on one problem: draws translations from a `TranslationSampler`,
/// decides candidate theories with a `TheoryDecider`, scores them with the verifier
/// panel, and picks a verdict, never spending past the `Budget`.
///
/// ```swift
/// var search = InferenceSearch(source: translator, decider: provers)
/// let outcome = search.run(problem, strategy: .vote(samples: 8), budget: Budget(tokens: 20_000), seed: 1)
/// print(outcome.verdict, outcome.cost)
/// ```
/// Deterministic: the same source, decider, problem, budget (without a time limit) and
/// seed give the same outcome.
public struct InferenceSearch {
    public var source: any TranslationSampler
    public var decider: any TheoryDecider
    /// A deterministic parser whose translations serve the agreement verifier.
    public var reference: (any ReferenceTranslator)?
    public var settings: SearchSettings
    /// Writes the reasoning steps of the `steps` strategy (which fails without one).
    public var stepProposer: (any StepProposer)?

    public init(source: any TranslationSampler, decider: any TheoryDecider, reference: (any ReferenceTranslator)? = nil,
                settings: SearchSettings = SearchSettings(), stepProposer: (any StepProposer)? = nil) {
        self.source = source; self.decider = decider; self.reference = reference; self.settings = settings
        self.stepProposer = stepProposer
    }

    /// Solves `problem` with `strategy` within `budget`; `seed` fixes every random choice.
    public mutating func run(_ problem: SearchProblem, strategy: Strategy, budget: Budget, seed: UInt64) -> SearchOutcome {
        let run = SearchRun(problem: problem, source: source, decider: decider, reference: reference,
                            settings: settings, budget: budget, seed: seed)
        defer { source = run.source }
        switch strategy {
        case .single: return run.single()
        case .vote(let k): return run.vote(samples: max(1, k))
        case .bestOfN(let n): return run.bestOfN(samples: max(1, n))
        case .resample(let m, let threshold):
            return run.resample(maxCandidates: max(1, m), abstainBelow: settings.resampleAbstainBelow ?? threshold)
        case .tree(let e): return run.tree(expansions: max(0, e))
        case .steps(let k):
            guard var proposer = stepProposer else {
                return run.outcome(verdict: .error, confidence: 0, chosen: nil, stop: "the steps strategy needs a step proposer")
            }
            defer { stepProposer = proposer }
            return run.steps(chains: max(1, k), proposer: &proposer)
        }
    }
}
