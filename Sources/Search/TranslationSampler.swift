import Logic
import SemanticParser

/// What a strategy asks of a translation source: translations of one sentence.
public struct TranslationRequest: Sendable {
    /// The statement's position in the problem.
    public var role: SearchStatement.Role
    public var sentence: String
    /// The predicates and constants the problem's other chosen translations use; the
    /// model sees them in its prompt and may reuse them.
    public var signature: TranslationSignature
    /// How many translations to return at most: the greedy one first, then seeded samples
    /// (one call, so the samples share the sentence's prefilled KV cache).
    public var samples: Int
    /// Seed of the samples; different seeds give different samples.
    public var seed: UInt64
    /// Whether the greedy translation is wanted first (false: samples only).
    public var includeGreedy: Bool
    /// Why a previous translation of this sentence was rejected, for a source that can
    /// use it (nil for a first translation).
    public var feedback: String?
    /// Generated tokens this call may spend at most over all its samples; a source
    /// returns fewer samples rather than spend more.
    public var tokenAllowance: Int?
    /// nil: seeded samples. A number k: instead of samples, branches of the greedy
    /// translation at its least certain tokens, at ranks k ..< k + samples (a source that
    /// cannot branch samples instead). Branches are deterministic, so a search asks for
    /// later ranks to get new ones.
    public var branchRank: Int?
    /// Names the translation must not use (say, a predicate that names no word of the
    /// sentence, borrowed from another statement's signature).
    public var excluding: Set<String>
    /// Names a branching source should try to put in (words the previous translation left
    /// out): branch points where one of them could start come first.
    public var preferring: [String]
    /// For a branching source: branch from this text (a translation found before) instead
    /// of the greedy translation. It is returned first, in the greedy one's place.
    public var base: String?

    public init(role: SearchStatement.Role, sentence: String, signature: TranslationSignature = TranslationSignature(),
                samples: Int = 1, seed: UInt64 = 0, includeGreedy: Bool = true, feedback: String? = nil,
                tokenAllowance: Int? = nil, branchRank: Int? = nil, excluding: Set<String> = [], preferring: [String] = [],
                base: String? = nil) {
        self.role = role; self.sentence = sentence; self.signature = signature; self.samples = samples
        self.seed = seed; self.includeGreedy = includeGreedy; self.feedback = feedback; self.tokenAllowance = tokenAllowance
        self.branchRank = branchRank; self.excluding = excluding; self.preferring = preferring
        self.base = base
    }
}

/// One translation of one sentence.
public struct StatementTranslation: Sendable, Hashable {
    public var formula: Formula
    /// The formula as the source wrote it.
    public var text: String
    /// Log-probability of the text under the source (0 for a deterministic parser).
    public var logProbability: Double
    /// Generated tokens.
    public var tokens: Int
    /// Which parser produced it ("model", "controlled", "fixed", or a test's name).
    public var origin: String
    /// Whether it is the source's greedy (most likely) output.
    public var isGreedy: Bool

    public init(formula: Formula, text: String, logProbability: Double = 0, tokens: Int = 0, origin: String = "model",
                isGreedy: Bool = false) {
        self.formula = formula; self.text = text; self.logProbability = logProbability; self.tokens = tokens
        self.origin = origin; self.isGreedy = isGreedy
    }

    /// Whether a search may judge and revise this translation: it was not fixed by the
    /// problem and not written by the controlled-English parser.
    public var isRevisable: Bool { origin != "fixed" && origin != "controlled" }
}

/// What one call to a translation source produced and cost.
public struct TranslationBatch: Sendable {
    /// Distinct translations, the greedy one first when it was asked for.
    public var translations: [StatementTranslation]
    /// Generated tokens, including those of samples that were discarded.
    public var tokens: Int
    /// Model calls made (0 for a parser that uses no model).
    public var modelCalls: Int
    /// Why nothing (or less than asked) came back, when that is known.
    public var failure: String?

    public init(translations: [StatementTranslation], tokens: Int? = nil, modelCalls: Int = 1, failure: String? = nil) {
        self.translations = translations
        self.tokens = tokens ?? translations.reduce(0) { $0 + $1.tokens }
        self.modelCalls = modelCalls
        self.failure = failure
    }
}

/// Turns English sentences into candidate formulas: the language model (with or without
/// the controlled-English parser in front of it), or a scripted source in tests.
public protocol TranslationSampler {
    /// The most generated tokens one translation can cost, so that a call is started only
    /// when `samples × maxTokensPerTranslation` fits the budget.
    var maxTokensPerTranslation: Int { get }
    /// Translates one sentence. Never throws: a failure is an empty batch with a reason.
    mutating func translate(_ request: TranslationRequest) -> TranslationBatch
}

/// Translations that serve as a reference where a deterministic parser covers a sentence
/// (the controlled-English parser): for each statement in order, its formula or nil.
public protocol ReferenceTranslator {
    func references(for statements: [SearchStatement]) -> [Formula?]
}
