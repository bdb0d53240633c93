import Logic

/// Sentences of one problem paired with their formulas, in order; the unit the training
/// pairs are made from (the shared signature grows along it).
public struct TrainingStory: Sendable, Equatable {
    public var sentences: [String]
    public var formulas: [Formula]
    /// Source label prefix, e.g. `folio-train:story-406`.
    public var source: String

    public init(sentences: [String], formulas: [Formula], source: String) {
        precondition(sentences.count == formulas.count, "a story pairs each sentence with one formula")
        self.sentences = sentences
        self.formulas = formulas
        self.source = source
    }
}
