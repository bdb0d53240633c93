import Logic
import XCTest
@testable import Search

/// Lexical flaws per statement, the coverage verifier built on them, and the tree search
/// that uses them to choose what to re-translate.
final class StatementFlawsTests: XCTestCase {
    let sentences = ["The cow sees the lion.", "The lion likes the cow.", "If something likes the cow then it sees the tiger.",
                     "The lion sees the tiger."]

    func candidate(_ texts: [String], origin: String = "model") -> CandidateTheory {
        CandidateTheory(index: 0, translations: texts.map {
            StatementTranslation(formula: try! FOLParser.parse($0).formula, text: $0, tokens: 3, origin: origin)
        }, failures: texts.map { _ in nil })
    }

    func testFlawsNameTheWrongPredicateAndTheDroppedWords() {
        let problem = scriptedProblem(sentences)
        let c = candidate(["Sees(cow, lion)", "Sees(lion, cow)", "Likes(lion, tiger) -> Sees(lion, tiger)", "Sees(lion, tiger)"])
        let flaws = StatementFlaws(c, problem: problem)
        XCTAssertEqual(flaws.ungrounded, [[], ["Sees"], [], []])
        XCTAssertEqual(flaws.uncovered, [[], ["likes"], ["cow"], []])
        XCTAssertEqual(flaws.flawed, [1, 2])
        XCTAssertEqual(flaws.weight(1), 2)
        // A faithful translation has no flaws; fixed statements are never checked.
        let good = candidate(["Sees(cow, lion)", "Likes(lion, cow)", "Likes(lion, cow) -> Sees(lion, tiger)", "Sees(lion, tiger)"])
        XCTAssertEqual(StatementFlaws(good, problem: problem).flawed, [])
        XCTAssertEqual(StatementFlaws(candidate(c.translations.map { $0!.text }, origin: "fixed"), problem: problem).flawed, [])
    }

    func testCoverageScoresTheShareOfNamedWordsTranslated() {
        let context = VerificationContext(problem: scriptedProblem(sentences))
        let c = candidate(["Sees(cow, lion)", "Sees(lion, cow)", "Likes(lion, tiger) -> Sees(lion, tiger)", "Sees(lion, tiger)"])
        let score = SentenceCoverageVerifier().score(c, context: context)!
        // Statement 2 names lion, likes, cow (likes dropped); statement 3 names likes, cow, sees, tiger (cow dropped).
        XCTAssertEqual(score.score, (1 + 2.0 / 3 + 3.0 / 4 + 1) / 4, accuracy: 1e-9)
        XCTAssertTrue(score.reason.contains("statement 2 leaves out likes"), score.reason)
        XCTAssertTrue(score.reason.contains("statement 3 leaves out cow"), score.reason)
        let good = candidate(["Sees(cow, lion)", "Likes(lion, cow)", "Likes(lion, cow) -> Sees(lion, tiger)", "Sees(lion, tiger)"])
        XCTAssertEqual(SentenceCoverageVerifier().score(good, context: context)?.score, 1)
        XCTAssertNil(SentenceCoverageVerifier().score(candidate(good.translations.map { $0!.text }, origin: "controlled"), context: context))
    }

    func testTreeKeepsSearchingPastAnAcceptedButFlawedTheory() {
        // The greedy rule names a property the sentence does not (Tall) and drops one it
        // does (big): its theory is accepted (verdict unknown), but flawed.
        let src = ScriptedSource([
            "bob is red": [("Red(bob)", -0.1, 3)],
            "if bob is red then bob is big": [("Red(bob) -> Tall(bob)", -0.1, 6), ("Red(bob) -> Big(bob)", -3, 6)],
            "if bob is big then bob is round": [("Big(bob) -> Round(bob)", -0.1, 6)],
            "bob is round": [("Round(bob)", -0.1, 3)],
        ])
        var panel = plainPanel()
        panel.members.append(.init(LexicalGroundingVerifier(), weight: 2))
        panel.members.append(.init(SentenceCoverageVerifier(), weight: 2))
        var s = search(src, panel: panel)
        let problem = scriptedProblem(["bob is red", "if bob is red then bob is big", "if bob is big then bob is round", "bob is round"])
        let out = s.run(problem, strategy: .tree(expansions: 4), budget: Budget(), seed: 2)
        XCTAssertTrue(out.candidates[0].accepted)
        XCTAssertEqual(out.candidates[0].verdict, .unknown)
        XCTAssertEqual(out.verdict, .true)
        XCTAssertEqual(out.stopReason, "accepted")
        XCTAssertTrue(out.trace.contains { ($0.kind == .wider || $0.kind == .deeper) && $0.message.contains("statement 2") })
        // Single stops at the flawed greedy theory.
        var single = search(src, panel: panel)
        XCTAssertEqual(single.run(problem, strategy: .single, budget: Budget(), seed: 2).verdict, .unknown)
    }

    func testMiscountedMentionsAndRepeatedOperands() {
        let problem = scriptedProblem(["If something eats the tiger then the tiger is young.", "The dog sees the cat.",
                                       "The tiger eats the dog."])
        // The second mention of the tiger became `x`; a conjunct was written twice.
        let c = candidate(["all x. (Eats(x, tiger) -> Young(x))", "Sees(dog, cat) & Sees(dog, cat)", "Eats(tiger, dog)"])
        let flaws = StatementFlaws(c, problem: problem)
        XCTAssertEqual(flaws.miscounted[0], ["tiger"])
        XCTAssertEqual(flaws.miscounted[1].count, 1)
        XCTAssertTrue(flaws.miscounted[1][0].contains("Sees"), flaws.miscounted[1][0])
        XCTAssertEqual(flaws.miscounted[2], [])
        XCTAssertEqual(flaws.flawed, [0, 1])
        XCTAssertEqual(flaws.weight(0), 1)
        // The faithful translations have no flaw; a word the translation never uses is
        // uncovered, not miscounted.
        let good = candidate(["all x. (Eats(x, tiger) -> Young(tiger))", "Sees(dog, cat)", "Eats(tiger, dog)"])
        XCTAssertEqual(StatementFlaws(good, problem: problem).flawed, [])
        let dropped = StatementFlaws(candidate(["all x. (Eats(x, dog) -> Young(x))", "Sees(dog, cat)", "Eats(tiger, dog)"]),
                                     problem: problem)
        XCTAssertEqual(dropped.uncovered[0], ["tiger"])
        XCTAssertEqual(dropped.miscounted[0], [])
        // The names a re-translation should put in for a word.
        XCTAssertEqual(StatementFlaws.symbols(naming: ["tiger"], in: c), ["tiger"])
        XCTAssertEqual(StatementFlaws.symbols(naming: ["eat", "sees"], in: c), ["Eats", "Sees"])
    }

    func testTreeRefinesTheFlawedTranslationFromItsOwnText() {
        // The greedy rule drops the tiger's second mention. A deeper move branches from
        // that text (not from a new greedy decode) and asks for `tiger` to be put in.
        let sentences = ["The tiger eats the dog.", "If the tiger eats the dog then the tiger is young.", "The tiger is young."]
        let src = ScriptedSource([
            sentences[0]: [("Eats(tiger, dog)", -0.1, 4)],
            sentences[1]: [("Eats(tiger, dog) -> Young(dog)", -0.1, 8), ("Eats(tiger, dog) -> Young(tiger)", -1, 8)],
            sentences[2]: [("Young(tiger)", -0.1, 3)],
        ])
        var panel = plainPanel()
        panel.members.append(.init(SentenceCoverageVerifier(), weight: 2))
        var s = search(src, panel: panel)
        let out = s.run(scriptedProblem(sentences), strategy: .tree(expansions: 6), budget: Budget(), seed: 3)
        XCTAssertEqual(out.verdict, .true)
        let refinements = (s.source as! ScriptedSource).calls.filter { $0.base != nil }
        XCTAssertFalse(refinements.isEmpty)
        XCTAssertTrue(refinements.allSatisfy { $0.branchRank != nil })
        XCTAssertTrue(refinements.contains { $0.base == "Eats(tiger, dog) -> Young(dog)" && $0.preferring.contains("tiger") },
                      "\(refinements.map { ($0.base ?? "", $0.preferring) })")
    }
}
