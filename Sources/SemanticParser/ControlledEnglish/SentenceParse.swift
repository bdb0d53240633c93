import Logic

/// Which semantic parser produced a premise's formula.
public enum TranslationSource: String, Hashable, Sendable, Codable, CaseIterable {
    /// The deterministic controlled-English parser (exact on the English it covers).
    case controlled
    /// The language model with grammar-constrained decoding.
    case model
}

/// What a semantic parser made of one sentence: an exact formula, or the reason it was
/// not understood. A sentence that is not understood is never guessed.
public enum SentenceParse: Hashable, Sendable {
    case formula(Formula, parser: TranslationSource)
    case notUnderstood(reason: String)

    /// The formula, when the sentence was understood.
    public var formula: Formula? {
        if case .formula(let f, _) = self { return f }
        return nil
    }

    /// The parser that produced the formula, when the sentence was understood.
    public var parser: TranslationSource? {
        if case .formula(_, let p) = self { return p }
        return nil
    }

    public var isUnderstood: Bool { formula != nil }
}

/// One sentence together with what the parser made of it.
public struct TranslatedSentence: Hashable, Sendable {
    public var sentence: String
    public var parse: SentenceParse

    public init(sentence: String, parse: SentenceParse) {
        self.sentence = sentence
        self.parse = parse
    }
}

/// A problem's premises and conclusion, each translated under one shared signature.
public struct ControlledTranslation: Hashable, Sendable {
    /// One entry per sentence of the context, in order.
    public var premises: [TranslatedSentence]
    public var conclusion: TranslatedSentence
    /// The shared signature after the whole problem: predicate name → arity.
    public var predicateArities: [String: Int]
    /// The constants used, in order of first use.
    public var constants: [String]

    public init(premises: [TranslatedSentence], conclusion: TranslatedSentence,
                predicateArities: [String: Int] = [:], constants: [String] = []) {
        self.premises = premises
        self.conclusion = conclusion
        self.predicateArities = predicateArities
        self.constants = constants
    }

    /// True when every premise and the conclusion became a formula.
    public var isFullyUnderstood: Bool {
        premises.allSatisfy(\.parse.isUnderstood) && conclusion.parse.isUnderstood
    }

    /// The premises' formulas, in order, when every premise was understood.
    public var premiseFormulas: [Formula]? {
        let fs = premises.compactMap(\.parse.formula)
        return fs.count == premises.count ? fs : nil
    }

    /// The sentences (premises and conclusion) that were not understood.
    public var notUnderstood: [TranslatedSentence] {
        (premises + [conclusion]).filter { !$0.parse.isUnderstood }
    }
}
