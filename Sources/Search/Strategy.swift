/// An inference-scaling strategy: how many translations of a problem to draw from the
/// model, how to score them, and which verdict to trust (DESIGN.md, Inference-scaling
/// search). Every strategy runs under a `Budget`.
public enum Strategy: Sendable, Hashable {
    /// One greedy translation.
    case single
    /// `samples` translations, each proved; the majority over definite verdicts (LINC).
    case vote(samples: Int)
    /// `samples` translations scored by the verifiers; the best one decides.
    case bestOfN(samples: Int)
    /// Sample until the verifiers accept or the budget ends; abstain when the confidence
    /// of the best answer is below `abstainBelow` (0...1).
    case resample(maxSamples: Int, abstainBelow: Double)
    /// Search over per-premise translation choices, widening or deepening by Thompson
    /// sampling, for at most `expansions` node expansions.
    case tree(expansions: Int)
    /// Numbered reasoning steps, each checked by a prover against the premises it cites;
    /// `samples` chains at most (each step resampled on failure; see `SearchSettings`).
    case steps(samples: Int)

    /// The names `--strategy` accepts.
    public static let names = ["single", "vote", "best-of-n", "resample", "tree", "steps"]

    /// The strategy called `name` with `samples` as its size parameter; nil for an unknown name.
    public init?(name: String, samples: Int) {
        let k = max(1, samples)
        switch name {
        case "single": self = .single
        case "vote": self = .vote(samples: k)
        case "best-of-n": self = .bestOfN(samples: k)
        case "resample": self = .resample(maxSamples: k, abstainBelow: 0.5)
        case "tree": self = .tree(expansions: k)
        case "steps": self = .steps(samples: k)
        default: return nil
        }
    }

    /// The strategy's name as `--strategy` spells it.
    public var name: String {
        switch self {
        case .single: "single"
        case .vote: "vote"
        case .bestOfN: "best-of-n"
        case .resample: "resample"
        case .tree: "tree"
        case .steps: "steps"
        }
    }
}
