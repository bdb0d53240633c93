/// Counts kept while building training pairs: what was read, kept and skipped, and why.
public struct TrainingPairStatistics: Sendable, Equatable {
    /// FOLIO records read, and distinct stories (premise lists) among them.
    public var folioRecords = 0
    public var folioStories = 0
    /// Stories skipped because their sentence and formula counts differ.
    public var folioSkippedCountMismatch = 0
    /// Stories skipped because a formula is empty or does not parse (an ambiguous
    /// tolerant repair counts as not parsing).
    public var folioSkippedUnparsable = 0
    /// Stories skipped because a predicate is used with two arities.
    public var folioSkippedArityClash = 0
    /// Stories whose formulas needed an unambiguous tolerant repair (kept).
    public var folioRepaired = 0
    /// Controlled-English problems read and distinct contexts used.
    public var controlledProblems = 0
    public var controlledStories = 0
    /// Controlled-English sentences understood, and not understood (skipped).
    public var controlledUnderstood = 0
    public var controlledNotUnderstood = 0
    /// Pairs emitted, by source kind (`folio`, `proofwriter`, `variation-…`, …).
    public var pairsBySource: [String: Int] = [:]

    public init() {}

    /// Total pairs emitted.
    public var pairs: Int { pairsBySource.values.reduce(0, +) }

    /// The statistics as a JSON object (keys sorted).
    public var json: String {
        var fields: [(String, String)] = [
            ("folio_records", "\(folioRecords)"), ("folio_stories", "\(folioStories)"),
            ("folio_skipped_count_mismatch", "\(folioSkippedCountMismatch)"),
            ("folio_skipped_unparsable", "\(folioSkippedUnparsable)"),
            ("folio_skipped_arity_clash", "\(folioSkippedArityClash)"),
            ("folio_repaired", "\(folioRepaired)"),
            ("controlled_problems", "\(controlledProblems)"), ("controlled_stories", "\(controlledStories)"),
            ("controlled_understood", "\(controlledUnderstood)"),
            ("controlled_not_understood", "\(controlledNotUnderstood)"), ("pairs", "\(pairs)"),
        ]
        let bySource = pairsBySource.sorted { $0.key < $1.key }.map { "\(jsonStringLiteral($0.key)):\($0.value)" }
        fields.append(("pairs_by_source", "{" + bySource.joined(separator: ",") + "}"))
        return "{" + fields.sorted { $0.0 < $1.0 }.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }
}
