/// Which semantic parser translates English that has no formal form (`--parser`).
public enum ParserChoice: String, Sendable, CaseIterable {
    /// The deterministic controlled-English parser only.
    case controlled
    /// The language model only.
    case model
    /// The controlled-English parser first; the model for what it does not understand.
    case both
}

/// One statement's translation from English, and which parser produced it.
public struct TranslationRecord: Sendable, Hashable {
    /// "premise 3" or "conclusion" (premises counted from 1).
    public var statement: String
    /// "controlled" or "model".
    public var parser: String
    /// The English sentence that was translated.
    public var sentence: String
    /// The formula in ASCII FOL.
    public var formula: String
    /// For a model translation: its log-probability under the grammar-masked distribution
    /// (`ModelTranslation.logProbability`); nil for the controlled-English parser.
    public var logProbability: Double? = nil
    /// The repair round that produced it (0: the first translation).
    public var repairRound: Int = 0
}
