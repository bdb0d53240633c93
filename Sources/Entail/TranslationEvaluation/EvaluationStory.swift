import Logic
import Problems

/// One story to evaluate translation on: its English premises in order, with the gold
/// formula of each (parsed tolerantly, arity clashes repaired across the story).
public struct EvaluationStory: Sendable {
    /// The id of the first problem that told the story (`folio-dev-1`).
    public var id: String
    /// The English premises, in order.
    public var sentences: [String]
    /// The gold formula of each premise, nil when it is absent or does not parse.
    public var gold: [Formula?]
    /// The gold text of each premise as written ("" when absent).
    public var goldText: [String]
    /// Why a gold formula is nil, per premise.
    public var goldErrors: [String?]

    public init(id: String, sentences: [String], gold: [Formula?], goldText: [String], goldErrors: [String?]) {
        precondition(sentences.count == gold.count && gold.count == goldText.count && gold.count == goldErrors.count,
                     "one gold entry per sentence")
        self.id = id
        self.sentences = sentences
        self.gold = gold
        self.goldText = goldText
        self.goldErrors = goldErrors
    }

    /// The distinct stories of a dataset, in order of first appearance: problems with the
    /// same premise texts tell one story (FOLIO asks several conclusions of each).
    /// Unreadable records are skipped and returned in `skipped`.
    public static func stories(fromDataset path: String) throws -> (stories: [EvaluationStory], skipped: [RecordError]) {
        let records = try DatasetReader.read(contentsOfFile: path)
        var seen = Set<[String]>()
        var stories: [EvaluationStory] = []
        var skipped: [RecordError] = []
        for record in records {
            switch record {
            case .failure(let error): skipped.append(error)
            case .success(let problem):
                let texts = problem.premises.map { $0.text ?? "" }
                guard seen.insert(texts).inserted else { continue }
                stories.append(story(from: problem))
            }
        }
        return (stories, skipped)
    }

    /// The story of one problem: premises with English, gold from their formal forms.
    public static func story(from problem: Problem) -> EvaluationStory {
        var sentences: [String] = [], texts: [String] = [], errors: [String?] = []
        var gold: [Formula?] = []
        for premise in problem.premises {
            sentences.append(premise.text ?? "")
            texts.append(premise.formal?.source ?? "")
            guard let formal = premise.formal else { gold.append(nil); errors.append("no gold formula"); continue }
            do {
                gold.append(try formal.parsed(tolerant: true).formula)
                errors.append(nil)
            } catch {
                gold.append(nil)
                errors.append("\(error)")
            }
        }
        return EvaluationStory(id: problem.id, sentences: sentences, gold: repairedArities(gold), goldText: texts, goldErrors: errors)
    }

    /// `formulas` with `ArityRepair` applied across the non-nil entries.
    public static func repairedArities(_ formulas: [Formula?]) -> [Formula?] {
        let present = formulas.compactMap { $0 }
        let repaired = ArityRepair.repairing(present).formulas
        var out: [Formula?] = []
        var k = 0
        for f in formulas {
            if f == nil { out.append(nil) } else { out.append(repaired[k]); k += 1 }
        }
        return out
    }
}
