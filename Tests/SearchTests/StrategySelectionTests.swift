import Logic
import XCTest
@testable import Search

/// Each strategy's selection, abstention and budget logic on scripted translations.
final class StrategySelectionTests: XCTestCase {
    /// "a is p", "if p then q", "a is q": the greedy rule names the wrong consequent
    /// (R), the much likelier alternative the right one (Q).
    let sentences = ["a is p", "if p then q", "a is q"]
    var source: ScriptedSource {
        ScriptedSource([
            "a is p": [("P(a)", -0.1, 3)],
            "if p then q": [("P(a) -> R(a)", -5, 6), ("P(a) -> Q(a)", 0, 6)],
            "a is q": [("Q(a)", -0.1, 3)],
        ])
    }

    func testSingleUsesTheGreedyTheory() {
        var s = search(source)
        let out = s.run(scriptedProblem(sentences), strategy: .single, budget: Budget(tokens: 1000), seed: 1)
        XCTAssertEqual(out.verdict, .unknown)
        XCTAssertEqual(out.candidates.count, 1)
        XCTAssertEqual(out.cost.modelCalls, 3)
        XCTAssertEqual(out.cost.tokens, 12)
        // decision + conclusion-alone check
        XCTAssertEqual(out.cost.proverCalls, 2)
        XCTAssertEqual(out.chosen, 0)
    }

    func testVoteTakesTheMajorityOverDefiniteVerdicts() {
        var s = search(source)
        let out = s.run(scriptedProblem(sentences), strategy: .vote(samples: 5), budget: Budget(tokens: 1000), seed: 7)
        XCTAssertEqual(out.candidates.count, 5)
        XCTAssertEqual(out.candidates[0].verdict, .unknown, "the first candidate is the greedy theory")
        let trues = out.candidates.filter { $0.verdict == .true }.count
        XCTAssertGreaterThanOrEqual(trues, 3)
        XCTAssertEqual(out.verdict, .true)
        XCTAssertEqual(out.confidence, Double(trues) / 5, accuracy: 1e-9)
        // One prover decision per distinct theory, plus the conclusion check.
        XCTAssertEqual(out.cost.proverCalls, 3)
    }

    func testEquivalentTheoriesVoteOnceWhenAsked() {
        var s = search(source) { $0.equivalentVoteOnce = true }
        let out = s.run(scriptedProblem(sentences), strategy: .vote(samples: 5), budget: Budget(tokens: 1000), seed: 7)
        // Two classes, one vote each: the tie goes to the earliest candidate (greedy, unknown).
        XCTAssertEqual(Set(out.candidates.map(\.equivalenceClass)).count, 2)
        XCTAssertEqual(out.verdict, .unknown)
        XCTAssertEqual(out.confidence, 0.5, accuracy: 1e-9)
    }

    func testEquivalenceIsCheckedByTheProverBeyondSyntax() {
        let src = ScriptedSource([
            "a is p and q": [("P(a) & Q(a)", -0.1, 3), ("Q(a) & P(a)", -0.1, 3)],
            "a is p": [("P(a)", -0.1, 3)],
        ])
        var s = search(src) { $0.equivalentVoteOnce = true }
        let out = s.run(scriptedProblem(["a is p and q", "a is p"]), strategy: .vote(samples: 4), budget: Budget(), seed: 3)
        XCTAssertTrue(out.candidates.contains { $0.translations[0]?.text == "Q(a) & P(a)" }, "the seed draws both readings")
        XCTAssertEqual(Set(out.candidates.map(\.equivalenceClass)), [0], "both readings form one class")
        XCTAssertTrue(out.trace.contains { $0.kind == .equivalence && $0.message.contains("equivalent") })
    }

    func testBestOfNPicksTheHighestScoredCandidate() {
        // The greedy conclusion uses a predicate no premise has: non-vacuity scores it 0.25.
        let src = ScriptedSource([
            "a is p": [("P(a)", -0.1, 3)],
            "if p then q": [("P(a) -> Q(a)", -0.1, 6)],
            "a is q": [("Z(a)", -0.1, 3), ("Q(a)", -1, 3)],
        ])
        var s = search(src)
        let out = s.run(scriptedProblem(sentences), strategy: .bestOfN(samples: 4), budget: Budget(), seed: 2)
        XCTAssertEqual(out.candidates[1].translations[2]?.text, "Q(a)", "best-of-n draws choices not evaluated before")
        XCTAssertEqual(out.candidates[0].verdict, .unknown)
        XCTAssertFalse(out.candidates[0].accepted)
        XCTAssertEqual(out.verdict, .true)
        let chosen = try! XCTUnwrap(out.chosen)
        XCTAssertEqual(out.candidates[chosen].score, 1, accuracy: 1e-9)
    }

    func testResampleAbstainsWhenNothingIsAccepted() {
        let src = ScriptedSource([
            "a is p": [("P(a)", -0.1, 3)],
            "if p then q": [("P(a) -> Q(a)", -0.1, 6)],
            "a is q": [("Z(a)", -0.1, 3), ("W(a)", -0.2, 3)],
        ])
        var s = search(src)
        let out = s.run(scriptedProblem(sentences), strategy: .resample(maxSamples: 6, abstainBelow: 0.5), budget: Budget(), seed: 4)
        XCTAssertEqual(out.verdict, .abstain)
        XCTAssertEqual(out.unabstainedVerdict, .unknown)
        XCTAssertEqual(out.candidates.count, 6, "it keeps sampling to its bound")
        XCTAssertFalse(out.candidates.contains(where: \.accepted))
    }

    func testResampleStopsEarlyOnceAnAcceptedVerdictDominates() {
        let src = ScriptedSource([
            "a is p": [("P(a)", -0.1, 3)],
            "if p then q": [("P(a) -> Q(a)", -0.1, 6)],
            "a is q": [("Q(a)", -0.1, 3)],
        ])
        var s = search(src)
        let out = s.run(scriptedProblem(sentences), strategy: .resample(maxSamples: 20, abstainBelow: 0.5), budget: Budget(), seed: 4)
        XCTAssertEqual(out.verdict, .true)
        XCTAssertEqual(out.stopReason, "accepted")
        XCTAssertEqual(out.candidates.count, 2)
        XCTAssertEqual(out.confidence, 1, accuracy: 1e-9)
    }

    func testResampleAbstainsBelowItsThreshold() {
        // Two accepted readings with different verdicts, equally scored.
        let src = ScriptedSource([
            "a is p": [("P(a)", -0.1, 3)],
            "if p then q": [("P(a) -> -Q(a)", -0.1, 6), ("P(a) -> Q(a)", -0.1, 6)],
            "a is q": [("Q(a)", -0.1, 3)],
        ])
        var s = search(src)
        let out = s.run(scriptedProblem(sentences), strategy: .resample(maxSamples: 8, abstainBelow: 0.9), budget: Budget(), seed: 11)
        XCTAssertEqual(out.candidates.count, 8)
        XCTAssertEqual(out.candidates[0].verdict, .false)
        XCTAssertEqual(out.candidates[1].verdict, .true, "the second candidate is a choice not drawn before")
        XCTAssertLessThan(out.confidence, 0.9)
        XCTAssertEqual(out.verdict, .abstain)
        XCTAssertTrue([.true, .false].contains(out.unabstainedVerdict))
    }

    func testTreeRepairsTheBlamedStatement() {
        // The greedy rule clashes with the premise's arity; an alternative fits.
        let src = ScriptedSource([
            "a is p": [("P(a)", -0.1, 3)],
            "if p then q": [("P(a, a) -> Q(a)", -0.1, 6), ("P(a) -> Q(a)", -2, 6)],
            "a is q": [("Q(a)", -0.1, 3)],
        ])
        var s = search(src)
        let out = s.run(scriptedProblem(sentences), strategy: .tree(expansions: 6), budget: Budget(), seed: 5)
        XCTAssertFalse(out.candidates[0].accepted)
        XCTAssertTrue(out.candidates[0].scores.contains { $0.verifier == "signature" && $0.score == 0 })
        XCTAssertEqual(out.verdict, .true)
        XCTAssertEqual(out.stopReason, "accepted")
        XCTAssertTrue(out.trace.contains { ($0.kind == .wider || $0.kind == .deeper) && $0.message.contains("statement 2") })
    }

    func testTreeAbstainsWhenAskedAndNothingIsAccepted() {
        let src = ScriptedSource([
            "a is p": [("P(a)", -0.1, 3)],
            "if p then q": [("P(a) -> Q(a)", -0.1, 6)],
            "a is q": [("Z(a)", -0.1, 3)],
        ])
        var s = search(src) { $0.treeAbstainBelow = 0.5 }
        let out = s.run(scriptedProblem(sentences), strategy: .tree(expansions: 3), budget: Budget(), seed: 5)
        XCTAssertEqual(out.verdict, .abstain)
        XCTAssertEqual(out.unabstainedVerdict, .unknown)
    }

    func testBudgetStopsTheSearchAndIsReported() {
        var s = search(source)
        let out = s.run(scriptedProblem(sentences), strategy: .vote(samples: 10), budget: Budget(modelCalls: 2), seed: 1)
        XCTAssertEqual(out.cost.modelCalls, 2)
        XCTAssertEqual(out.stopReason, "budget: model calls")
        XCTAssertEqual(out.verdict, .limit)
        XCTAssertTrue(out.candidates.isEmpty)

        var t = search(source)
        // 10 tokens per translation at most: the first two sentences get one sample each,
        // the third cannot be afforded.
        let tokens = t.run(scriptedProblem(sentences), strategy: .vote(samples: 10), budget: Budget(tokens: 15), seed: 1)
        XCTAssertEqual(tokens.cost.tokens, 9)
        XCTAssertEqual(tokens.stopReason, "budget: tokens")
        XCTAssertEqual(tokens.verdict, .limit)
        XCTAssertTrue(tokens.trace.contains { $0.message.contains("allow 1 of 10") })
    }

    func testStepsWithoutAProposerIsAnError() {
        var s = search(source)
        let out = s.run(scriptedProblem(sentences), strategy: .steps(samples: 2), budget: Budget(), seed: 1)
        XCTAssertEqual(out.verdict, .error)
        XCTAssertTrue(out.stopReason.contains("needs a step proposer"))
        XCTAssertEqual(out.cost.modelCalls, 0)
    }
}

/// The verifiers that judge a translation against its own sentence.
final class SentenceVerifierTests: XCTestCase {
    func candidate(_ texts: [String], origin: String = "model") -> CandidateTheory {
        CandidateTheory(index: 0, translations: texts.map {
            StatementTranslation(formula: try! FOLParser.parse($0).formula, text: $0, tokens: 3, origin: origin)
        }, failures: texts.map { _ in nil })
    }

    func testLexicalGroundingFlagsPredicatesFromElsewhere() {
        let problem = scriptedProblem(["Bob is red.", "Bob eats the big mouse.", "Bob is big."])
        let context = VerificationContext(problem: problem)
        let good = LexicalGroundingVerifier().score(candidate(["Red(bob)", "Eats(bob, mouse) & Big(mouse)", "Big(bob)"]), context: context)
        XCTAssertEqual(good?.score, 1)
        let bad = LexicalGroundingVerifier().score(candidate(["Red(bob)", "Eats(bob, mouse)", "Red(bob)"]), context: context)
        XCTAssertEqual(bad!.score, 2.0 / 3, accuracy: 1e-9)
        XCTAssertTrue(bad!.reason.contains("Red in statement 3"))
        XCTAssertNil(LexicalGroundingVerifier().score(candidate(["Red(bob)", "Eats(bob, mouse)", "Red(bob)"], origin: "fixed"), context: context))
        XCTAssertEqual(LexicalGroundingVerifier.parts("BaldEagle_Young"), ["bald", "eagle", "young"])
    }

    func testDistinctReadingsFlagsOneFormulaForTwoSentences() {
        let problem = scriptedProblem(["Bob is red.", "If something is red then it is big.", "Bob is big."])
        let context = VerificationContext(problem: problem)
        let copied = DistinctReadingsVerifier().score(candidate(["Red(bob)", "all x. (Red(x) -> Big(x))", "Red(bob)"]), context: context)
        XCTAssertEqual(copied!.score, 1.0 / 3, accuracy: 1e-9)
        let fine = DistinctReadingsVerifier().score(candidate(["Red(bob)", "all y. (Red(y) -> Big(y))", "Big(bob)"]), context: context)
        XCTAssertEqual(fine?.score, 1)
    }
}
