import Foundation
import SemanticParser
import XCTest
@testable import Entail

/// A translator that answers from a table: sentence → candidate texts ("!" + message for
/// a parse failure). Records the signature it was shown for each sentence.
final class TableTranslator: PremiseTranslating {
    let table: [String: [String]]
    var shown: [String] = []

    init(_ table: [String: [String]]) { self.table = table }

    func candidates(for sentence: String, signature: TranslationSignature, samples: Int,
                    seed: UInt64) throws(TranslationFailure) -> [CandidateTranslation] {
        shown.append(signature.promptText)
        var out: [CandidateTranslation] = []
        for (k, text) in (table[sentence] ?? []).prefix(samples).enumerated() {
            if text.hasPrefix("!") { throw TranslationFailure(kind: .unparsable, message: String(text.dropFirst())) }
            guard let f = try? FOLParser.parse(text).formula else { throw TranslationFailure(kind: .unparsable, message: text) }
            out.append(CandidateTranslation(formula: f, text: text, logProbability: -Double(k)))
        }
        return out
    }
}

/// A FOLIO-style fixture story through the whole evaluation, the gold self-check, and the
/// self-check on the real FOLIO validation data.
final class TranslationEvaluationStoryTests: XCTestCase {
    /// Two records telling one story (FOLIO asks several conclusions of each story).
    static let fixture = """
    {"premises": ["All dogs are animals.", "Rex is a dog.", "No animal is a plant.", "Rex likes Tom.", "Tom is happy.", "Tom is tall."], "premises-FOL": ["∀x (Dog(x) → Animal(x))", "Dog(rex)", "∀x (Animal(x) → ¬Plant(x))", "Likes(rex, tom)", "Happy(tom)", ""], "conclusion": "Rex is an animal.", "conclusion-FOL": "Animal(rex)", "label": "True"}
    {"premises": ["All dogs are animals.", "Rex is a dog.", "No animal is a plant.", "Rex likes Tom.", "Tom is happy.", "Tom is tall."], "premises-FOL": ["∀x (Dog(x) → Animal(x))", "Dog(rex)", "∀x (Animal(x) → ¬Plant(x))", "Likes(rex, tom)", "Happy(tom)", ""], "conclusion": "Rex is a plant.", "conclusion-FOL": "Plant(rex)", "label": "False"}

    """

    func fixtureStories() throws -> [EvaluationStory] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("eval-fixture-\(UUID().uuidString).jsonl")
        try Self.fixture.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let read = try EvaluationStory.stories(fromDataset: url.path)
        XCTAssertTrue(read.skipped.isEmpty)
        return read.stories
    }

    let answers: [String: [String]] = [
        "All dogs are animals.": ["all x. (Canine(x) -> Beast(x))"],
        "Rex is a dog.": ["Canine(rex)"],
        "No animal is a plant.": ["-(exists x. (Beast(x) & Flora(x)))"],
        "Rex likes Tom.": ["Likes(tom, rex)"],
        "Tom is happy.": ["!output does not parse"],
        "Tom is tall.": ["Tall(tom)"],
    ]

    func testFixtureStoryOutcomes() throws {
        let stories = try fixtureStories()
        XCTAssertEqual(stories.count, 1)
        let story = stories[0]
        XCTAssertEqual(story.sentences.count, 6)
        XCTAssertNil(story.gold[5])
        let translator = TableTranslator(answers)
        let evaluation = TranslationEvaluator().evaluate(story: story, translator: translator)
        XCTAssertEqual(evaluation.premises.map(\.outcome.name),
                       ["equivalent", "equivalent", "equivalent", "not_equivalent", "parse_failure", "gold_missing"])
        XCTAssertEqual(evaluation.premises.map(\.exactSyntax), [true, true, false, false, false, false])
        // Canine ↦ Dog is credited by Z3 but the names share nothing; Likes ↦ Likes does.
        XCTAssertEqual(evaluation.premises.map(\.namesAgree), [false, false, false, true, false, false])
        // One signature shared in order, as solve translates.
        XCTAssertEqual(translator.shown[0], "predicates: none; constants: none")
        XCTAssertEqual(translator.shown[2], "predicates: Canine/1, Beast/1; constants: rex")
        XCTAssertEqual(evaluation.alignment.pairs[.predicate("Canine", arity: 1)], .predicate("Dog", arity: 1))
        XCTAssertEqual(evaluation.alignment.pairs[.predicate("Flora", arity: 1)], .predicate("Plant", arity: 1))
        let summary = TranslationEvaluationSummary([evaluation])
        XCTAssertEqual(summary.scored, 5)
        XCTAssertEqual(summary.equivalent, 3)
        XCTAssertEqual(summary.exactSyntax, 2)
        XCTAssertEqual(summary.parseFailures, 1)
        XCTAssertEqual(summary.notEquivalent, 1)
        XCTAssertEqual(summary.goldMissing, 1)
        XCTAssertEqual(summary.equivalentWithAgreeingNames, 0)
        XCTAssertTrue(summary.totals.contains("accuracy (Z3-equivalent after alignment): 3/5 (60.0%)"), summary.totals)
        let json = try JSONSerialization.jsonObject(with: Data(evaluation.premises[2].jsonLine().utf8)) as! [String: Any]
        XCTAssertEqual(json["outcome"] as? String, "equivalent")
        XCTAssertEqual(json["premise"] as? Int, 3)
        XCTAssertEqual(json["aligned"] as? String, FOLPrinter.ascii(try FOLParser.parse("-(exists x. (Animal(x) & Plant(x)))").formula))
        let failed = try JSONSerialization.jsonObject(with: Data(evaluation.premises[4].jsonLine().utf8)) as! [String: Any]
        XCTAssertEqual(failed["error"] as? String, "output does not parse")
    }

    func testVoteAdoptsTheWinnerIntoTheSignature() throws {
        let story = try fixtureStories()[0]
        var table = answers
        table["All dogs are animals."] = ["all x. (Beast(x) -> Canine(x))", "all x. (Canine(x) -> Beast(x))", "all y. (-Beast(y) -> -Canine(y))"]
        let translator = TableTranslator(table)
        let greedy = TranslationEvaluator(samples: 3).evaluate(story: story, translator: TableTranslator(table))
        XCTAssertEqual(greedy.premises[0].outcome, .notEquivalent, "\(greedy.alignment.pairs) \(greedy.premises.map { $0.jsonLine() })")
        let voted = TranslationEvaluator(samples: 3, vote: true).evaluate(story: story, translator: translator)
        XCTAssertEqual(voted.premises[0].outcome, .equivalent)
        XCTAssertEqual(voted.premises[0].votes, 2)
        XCTAssertEqual(voted.premises[0].classes, 2)
        XCTAssertEqual(voted.premises[0].predicted?.text, "all x. (Canine(x) -> Beast(x))")
        XCTAssertEqual(translator.shown[1], "predicates: Canine/1, Beast/1; constants: none")
    }

    func testGoldSelfCheckOnTheFixture() throws {
        let story = try fixtureStories()[0]
        for seed in UInt64(0)..<5 {
            let e = GoldSelfCheck.evaluate(story: story, seed: seed, evaluator: TranslationEvaluator())
            let s = TranslationEvaluationSummary([e])
            XCTAssertEqual(s.scored, 5, "seed \(seed)")
            XCTAssertEqual(s.equivalent, 5, "seed \(seed)")
            XCTAssertEqual(s.exactSyntax, 5, "seed \(seed)")
        }
    }

    /// The self-check on FOLIO validation-dev: every gold premise aligns back to itself.
    /// The first 8 stories by default, all 34 with ENTAIL_LONG_TESTS=1.
    func testGoldSelfCheckOnFOLIOValidation() throws {
        guard let path = TestPaths.dataset("folio/folio-validation-dev.jsonl") else { throw XCTSkip("../shared/datasets is absent") }
        let all = try EvaluationStory.stories(fromDataset: path).stories
        XCTAssertEqual(all.count, 34)
        let long = ProcessInfo.processInfo.environment["ENTAIL_LONG_TESTS"] == "1"
        let evaluator = TranslationEvaluator()
        var total = TranslationEvaluationSummary()
        for (k, story) in all.prefix(long ? all.count : 8).enumerated() {
            let seed = UInt64(1000 + k)
            let e = GoldSelfCheck.evaluate(story: story, seed: seed, evaluator: evaluator)
            let s = TranslationEvaluationSummary([e])
            XCTAssertEqual(s.equivalent, s.scored, "\(story.id) seed \(seed): \(e.premises.filter { $0.outcome != .equivalent }.map { "\($0.index + 1) \($0.outcome.name)" })")
            XCTAssertFalse(e.alignment.capHit, "\(story.id) seed \(seed)")
            total.add(e)
        }
        print("gold self-check: \(total.equivalent)/\(total.scored) equivalent, \(total.exactSyntax) exact, \(total.goldMissing) gold missing")
    }
}

/// Translations read from Logic-LM output programs.
final class TranslationEvaluationPredictionsTests: XCTestCase {
    func testProgramsArePairedWithSentencesByTheirEnglish() throws {
        let program = """
        Predicates:
        Dog(x) ::: x is a dog.
        Premises:
        ∀x (Dog(x) → Animal(x)) ::: All dogs are animals.
        Dog(rex) ::: [BG] Rex is a dog
        ∀x (Animal(x) → ¬Plant(x) ::: No animal is a plant.
        Conclusion:
        Animal(rex) ::: Rex is an animal.
        """
        let predictions = LogicLMPredictions(programs: [program])
        XCTAssertEqual(predictions.formulas.count, 3)
        let story = EvaluationStory(id: "s", sentences: ["All dogs are  animals.", "[BG] Rex is a dog.", "No animal is a plant.", "Rex is an animal."],
                                    gold: [try FOLParser.parse("all x. (Dog(x) -> Animal(x))").formula, try FOLParser.parse("Dog(rex)").formula, nil, nil],
                                    goldText: ["", "", "", ""], goldErrors: [nil, nil, "none", "none"])
        let translated = predictions.translations(for: story)
        XCTAssertEqual(try translated[0].result.get().text, "∀x (Dog(x) → Animal(x))")
        XCTAssertEqual(try translated[1].result.get().text, "Dog(rex)")
        // The conclusion section is not a premise.
        guard case .failure(let missing) = translated[3].result else { return XCTFail("the conclusion was read as a premise") }
        XCTAssertEqual(missing.kind, .other)
        let e = TranslationEvaluator().evaluate(story: story, translated: translated)
        XCTAssertEqual(e.premises.prefix(2).map(\.outcome), [.equivalent, .equivalent])
    }
}
