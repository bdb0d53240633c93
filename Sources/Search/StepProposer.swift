import Logic
import SemanticParser

/// What the `steps` strategy asks of a proposer: the next step of a chain of reasoning
/// from the problem's premises towards its conclusion (or the conclusion's negation).
public struct StepRequest: Sendable {
    /// The premises' English, in order (premise n is `premiseSentences[n - 1]`, cited `Pn`).
    public var premiseSentences: [String]
    /// The premises' translations (nil where none could be had; such a premise cannot be cited).
    public var premiseTranslations: [StatementTranslation?]
    public var conclusionSentence: String
    public var conclusionTranslation: StatementTranslation
    /// The predicates and constants of those translations: a step may name only these.
    public var signature: TranslationSignature
    /// The chain's accepted steps so far; the next step is number `steps.count + 1`.
    public var steps: [ProposedStep]
    /// Proposals for this position that did not check, for a proposer that can use them.
    public var rejected: [ProposedStep]
    /// Most citations a step may make.
    public var maxCitations: Int
    /// Whether the proposer's most likely step is wanted (else a seeded sample).
    public var greedy: Bool
    /// Seed of a sampled step.
    public var seed: UInt64
    /// Generated tokens this call may spend at most.
    public var tokenAllowance: Int?

    public init(premiseSentences: [String], premiseTranslations: [StatementTranslation?], conclusionSentence: String,
                conclusionTranslation: StatementTranslation, signature: TranslationSignature, steps: [ProposedStep] = [],
                rejected: [ProposedStep] = [], maxCitations: Int = 3, greedy: Bool = true, seed: UInt64 = 0,
                tokenAllowance: Int? = nil) {
        self.premiseSentences = premiseSentences; self.premiseTranslations = premiseTranslations
        self.conclusionSentence = conclusionSentence; self.conclusionTranslation = conclusionTranslation
        self.signature = signature; self.steps = steps; self.rejected = rejected; self.maxCitations = maxCitations
        self.greedy = greedy; self.seed = seed; self.tokenAllowance = tokenAllowance
    }
}

/// What one call to a step proposer produced and cost.
public struct StepProposal: Sendable {
    /// The proposed step; nil when none could be written (see `failure`).
    public var step: ProposedStep?
    /// Generated tokens, including those of a decode that did not finish.
    public var tokens: Int
    /// Model calls made.
    public var modelCalls: Int
    /// Why no step came back.
    public var failure: String?

    public init(step: ProposedStep?, tokens: Int? = nil, modelCalls: Int = 1, failure: String? = nil) {
        self.step = step; self.tokens = tokens ?? step?.tokens ?? 0; self.modelCalls = modelCalls; self.failure = failure
    }
}

/// Writes the next numbered reasoning step of a chain: the language model under a
/// grammar in Entail, a script in tests.
public protocol StepProposer {
    /// The most generated tokens one step can cost; a call starts only when this fits the budget.
    var maxTokensPerStep: Int { get }
    /// Proposes one step. Never throws: a failure is a proposal without a step.
    mutating func propose(_ request: StepRequest) -> StepProposal
}
