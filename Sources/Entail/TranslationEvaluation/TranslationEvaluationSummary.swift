import Foundation

/// Counts over evaluated premises: the per-premise rates the evaluation reports.
/// Premises without a gold formula are counted apart and left out of `scored`.
public struct TranslationEvaluationSummary: Sendable, Equatable {
    /// Premises with a gold formula (the denominator of every rate).
    public var scored = 0
    public var equivalent = 0
    public var exactSyntax = 0
    /// Equivalent premises whose every name is aligned with a gold name it resembles.
    public var equivalentWithAgreeingNames = 0
    public var notEquivalent = 0
    /// Z3 gave up (timeout); counted as not equivalent.
    public var undecided = 0
    /// The output did not parse.
    public var parseFailures = 0
    /// The token budget ran out.
    public var tokenBudget = 0
    /// Other translator errors.
    public var noTranslation = 0
    public var goldMissing = 0
    /// Stories whose alignment search hit its cap.
    public var capHits = 0
    public var stories = 0
    public var seconds = 0.0

    public init() {}

    public init(_ evaluations: [StoryEvaluation]) {
        for e in evaluations { add(e) }
    }

    public mutating func add(_ story: StoryEvaluation) {
        stories += 1
        if story.alignment.capHit { capHits += 1 }
        for p in story.premises {
            seconds += p.seconds
            if case .goldMissing = p.outcome { goldMissing += 1; continue }
            scored += 1
            if p.exactSyntax { exactSyntax += 1 }
            switch p.outcome {
            case .equivalent:
                equivalent += 1
                if p.namesAgree { equivalentWithAgreeingNames += 1 }
            case .notEquivalent: notEquivalent += 1
            case .undecided: undecided += 1
            case .noTranslation(let failure):
                switch failure.kind {
                case .unparsable: parseFailures += 1
                case .tokenBudget: tokenBudget += 1
                case .other: noTranslation += 1
                }
            case .goldMissing: break
            }
        }
    }

    /// Translator errors of any kind.
    public var failures: Int { parseFailures + tokenBudget + noTranslation }

    static func percent(_ n: Int, _ d: Int) -> String {
        d == 0 ? "-" : String(format: "%.1f%%", 100 * Double(n) / Double(d))
    }

    /// The header of `row`.
    public static let header = pad("story", 18, left: true) + pad("premises", 9) + pad("equivalent", 15) + pad("exact", 15)
        + pad("failed", 8) + pad("timeout", 8) + pad("cap", 5)

    static func pad(_ s: String, _ width: Int, left: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - s.count))
        return left ? s + fill : fill + s
    }

    /// One table row: premises, equivalent, exact syntax, translator failures, Z3 timeouts,
    /// stories whose alignment search hit its cap.
    public func row(_ label: String) -> String {
        Self.pad(label, 18, left: true) + Self.pad("\(scored)", 9)
            + Self.pad("\(equivalent) \(Self.percent(equivalent, scored))", 15)
            + Self.pad("\(exactSyntax) \(Self.percent(exactSyntax, scored))", 15)
            + Self.pad("\(failures)", 8) + Self.pad("\(undecided)", 8) + Self.pad(capHits > 0 ? "\(capHits)" : "-", 5)
    }

    /// The closing lines: each rate over the scored premises.
    public var totals: String {
        """
        premises: \(scored) scored in \(stories) stories (\(goldMissing) without usable gold)
        accuracy (Z3-equivalent after alignment): \(equivalent)/\(scored) (\(Self.percent(equivalent, scored)))
        equivalent with every name aligned to a resembling gold name: \(equivalentWithAgreeingNames)/\(scored) (\(Self.percent(equivalentWithAgreeingNames, scored)))
        exact syntax: \(exactSyntax)/\(scored) (\(Self.percent(exactSyntax, scored)))
        parse failures: \(parseFailures)/\(scored) (\(Self.percent(parseFailures, scored))); token budget exhausted: \(tokenBudget); other translator errors: \(noTranslation)
        not equivalent: \(notEquivalent); Z3 undecided (timeout): \(undecided)
        alignment search cap hit in \(capHits) stories; translation time \(String(format: "%.1f", seconds)) s
        """
    }
}
