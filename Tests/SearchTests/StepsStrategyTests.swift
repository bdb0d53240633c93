import Logic
import SemanticParser
import XCTest
@testable import Search

/// A step proposer that answers from a script: each call takes the next line, written
/// `[P1, S2]: Formula` (or `fail` for a call that writes nothing), at `tokens` tokens each.
struct ScriptedStepProposer: StepProposer {
    var script: [String]
    var tokens = 5
    var maxTokensPerStep = 8
    private(set) var requests: [StepRequest] = []

    init(_ script: [String]) { self.script = script }

    mutating func propose(_ request: StepRequest) -> StepProposal {
        requests.append(request)
        guard !script.isEmpty else { return StepProposal(step: nil, tokens: 0, modelCalls: 1, failure: "script ended") }
        let line = script.removeFirst()
        guard line != "fail", let close = line.firstIndex(of: "]") else {
            return StepProposal(step: nil, tokens: tokens, modelCalls: 1, failure: "scripted failure")
        }
        let citations = line[line.index(after: line.startIndex)..<close].split(separator: ",").map { StepCitation(label: $0)! }
        let formula = try! FOLParser.parse(String(line[line.index(close, offsetBy: 2)...])).formula
        return StepProposal(step: ProposedStep(citations: citations, formula: formula, text: line, tokens: tokens), tokens: tokens)
    }
}

final class StepsStrategyTests: XCTestCase {
    /// Bob is red; red -> big; big -> kind; so Bob is kind (2 steps).
    let sentences = ["Bob is red.", "If Bob is red, Bob is big.", "If Bob is big, Bob is kind.", "Bob is kind."]
    let source = ScriptedSource([
        "Bob is red.": [("Red(bob)", -0.1, 2)],
        "If Bob is red, Bob is big.": [("Red(bob) -> Big(bob)", -0.1, 4)],
        "If Bob is big, Bob is kind.": [("Big(bob) -> Kind(bob)", -0.1, 4)],
        "Bob is kind.": [("Kind(bob)", -0.1, 2)],
        "Bob is not kind.": [("-Kind(bob)", -0.1, 3)],
        "If Bob is red, Bob is not kind.": [("Red(bob) -> -Kind(bob)", -0.1, 5)],
        "Bob is round.": [("Round(bob)", -0.1, 2)],
    ])
    let translationTokens = 12

    func run(_ sentences: [String], _ script: [String], chains: Int = 1, budget: Budget = Budget(tokens: 1_000),
             edit: (inout SearchSettings) -> Void = { _ in }) -> (SearchOutcome, ScriptedStepProposer) {
        var s = search(source, edit)
        s.stepProposer = ScriptedStepProposer(script)
        let out = s.run(scriptedProblem(sentences), strategy: .steps(samples: chains), budget: budget, seed: 3)
        return (out, s.stepProposer as! ScriptedStepProposer)
    }

    func testAValidChainProvesTheConclusion() {
        let (out, proposer) = run(sentences, ["[P1, P2]: Big(bob)", "[S1, P3]: Kind(bob)"])
        XCTAssertEqual(out.verdict, .true)
        XCTAssertEqual(out.confidence, 1)
        XCTAssertEqual(out.stopReason, "concluded")
        XCTAssertEqual(out.steps.map(\.checked), [true, true])
        XCTAssertEqual(out.steps.map(\.number), [1, 2])
        XCTAssertEqual(out.steps.last?.concludes, .true)
        XCTAssertEqual(out.steps[1].citations, [.step(1), .premise(3)])
        XCTAssertEqual(out.steps[1].formula, "Kind(bob)")
        XCTAssertEqual(out.cost.tokens, translationTokens + 10)
        XCTAssertEqual(out.cost.modelCalls, 4 + 2)
        // Whole theory, its vacuity check, step 1, "does step 1 conclude?", step 2 (which
        // states the conclusion itself, so no prover call asks whether it concludes).
        XCTAssertEqual(out.cost.proverCalls, 5)
        XCTAssertEqual(out.chosen, 0)
        XCTAssertEqual(proposer.requests.map(\.greedy), [true, true])
        XCTAssertEqual(proposer.requests[1].steps.map(\.text), ["[P1, P2]: Big(bob)"])
        XCTAssertEqual(out.trace.filter { $0.kind == .step }.count, 2)
    }

    func testAnUnsupportedStepIsRejectedAndResampled() {
        let (out, proposer) = run(sentences, ["[P1, P3]: Big(bob)", "[P9]: Big(bob)", "[P1, P2]: Big(bob)", "[S1, P3]: Kind(bob)"])
        XCTAssertEqual(out.verdict, .true)
        XCTAssertEqual(out.steps.map(\.checked), [false, false, true, true])
        XCTAssertEqual(out.steps[0].reason, "not entailed: unknown")
        XCTAssertEqual(out.steps[1].reason, "cites P9, which does not exist")
        XCTAssertEqual(out.steps.map(\.number), [1, 1, 1, 2])
        XCTAssertEqual(proposer.requests.map(\.rejected.count), [0, 1, 2, 0])
        XCTAssertEqual(proposer.requests.map(\.greedy), [true, false, false, true])
        XCTAssertEqual(Set(proposer.requests.map(\.seed)).count, 4, "each proposal has its own seed")
        XCTAssertEqual(out.cost.tokens, translationTokens + 20)
    }

    func testAStepMayNotCiteItselfOrALaterStep() {
        let (out, _) = run(sentences, ["[S1]: Big(bob)", "[P1, P2]: Big(bob)", "[S2]: Big(bob)", "[S1, P3]: Kind(bob)"])
        XCTAssertEqual(out.steps.map(\.checked), [false, true, false, true])
        XCTAssertEqual(out.steps[0].reason, "cites S1, which does not exist")
        XCTAssertEqual(out.verdict, .true)
    }

    func testAChainEndingInTheNegatedConclusionIsFalse() {
        let problem = ["Bob is red.", "If Bob is red, Bob is not kind.", "Bob is kind."]
        let (out, _) = run(problem, ["[P1, P2]: -Kind(bob)"])
        XCTAssertEqual(out.verdict, .false)
        XCTAssertEqual(out.steps.map(\.concludes), [.false])
        XCTAssertEqual(out.chosen, 0, "the whole theory agrees, so it is the chosen candidate")
    }

    func testAStepThatEntailsTheConclusionConcludesThroughTheProver() {
        let (out, _) = run(sentences, ["[P1, P2]: Big(bob)", "[S1, P3]: Kind(bob) & Big(bob)"])
        XCTAssertEqual(out.verdict, .true)
        XCTAssertEqual(out.steps.last?.concludes, .true)
    }

    func testBudgetExhaustionAbstainsAndReportsTheCost() {
        // Translations cost 12 tokens; one step (at most 8) fits in 24, a second does not.
        let (out, proposer) = run(sentences, ["[P1, P2]: Big(bob)", "[S1, P3]: Kind(bob)"], budget: Budget(tokens: 24))
        XCTAssertEqual(proposer.requests.count, 1)
        XCTAssertEqual(out.verdict, .abstain)
        XCTAssertEqual(out.unabstainedVerdict, .true, "the whole theory says true, but no chain shows it")
        XCTAssertEqual(out.stopReason, "budget: tokens")
        XCTAssertEqual(out.cost.tokens, translationTokens + 5)
        XCTAssertTrue(out.cost.fits(Budget(tokens: 24)))
        XCTAssertEqual(out.steps.count, 1)

        let (provers, _) = run(sentences, ["[P1, P3]: Big(bob)", "[P1, P2]: Big(bob)", "[S1, P3]: Kind(bob)"],
                               budget: Budget(tokens: 1_000, proverCalls: 3))
        XCTAssertEqual(provers.verdict, .abstain)
        XCTAssertEqual(provers.stopReason, "budget: prover calls")
        XCTAssertEqual(provers.cost.proverCalls, 3)
    }

    func testGivingUpFallsBackToUnknownOnlyWhenTheWholeTheoryIsUnknown() {
        // Bob is red; red -> big; Bob is round? Nothing follows: the provers say unknown.
        let unknown = ["Bob is red.", "If Bob is red, Bob is big.", "Bob is round."]
        let (out, _) = run(unknown, ["[P1, P2]: Big(bob)", "fail", "fail", "fail"], chains: 1)
        XCTAssertEqual(out.verdict, .unknown)
        XCTAssertEqual(out.steps.count, 1)
        XCTAssertTrue(out.trace.contains { $0.message.contains("no checked step at position 2") })

        // The whole theory is true, but no chain gets there: abstain.
        let (stuck, _) = run(sentences, ["[P1]: Big(bob)", "[P2]: Big(bob)"], chains: 2) { $0.stepsAttempts = 1 }
        XCTAssertEqual(stuck.verdict, .abstain)
        XCTAssertEqual(stuck.unabstainedVerdict, .true)
        XCTAssertEqual(stuck.steps.map(\.chain), [0, 1])
        XCTAssertEqual(stuck.stopReason, "chains")
    }

    func testChainsAreBoundedByTheirLength() {
        let script = ["[P1]: Red(bob) | Big(bob)", "[P1]: Red(bob) | Round(bob)", "[P1]: Red(bob) | Kind(bob)", "[P1, P2]: Big(bob)"]
        let (out, proposer) = run(sentences, script, chains: 1) { $0.stepsMaxLength = 3 }
        XCTAssertEqual(proposer.requests.count, 3)
        XCTAssertEqual(out.steps.map(\.checked), [true, true, true])
        XCTAssertEqual(out.verdict, .abstain)
        XCTAssertTrue(out.trace.contains { $0.message.contains("3 steps without reaching the conclusion") })
    }

    func testAStepMustAddAFactUnlessItConcludes() {
        let script = ["[P1]: Red(bob)", "[P1, P2]: Big(bob)", "[S1]: Big(bob)", "[P1, P2]: Big(bob)", "[S1, P3]: Kind(bob)"]
        let (out, _) = run(sentences, script)
        XCTAssertEqual(out.steps.map(\.reason), ["no new fact: restates a cited formula", "entailed", "no new fact: repeats S1",
                                                 "no new fact: repeats S1", "entailed"])
        XCTAssertEqual(out.verdict, .true)
        // A restated premise that is the conclusion concludes.
        let (restated, _) = run(["Bob is red.", "Bob is kind.", "Bob is kind."], ["[P2]: Kind(bob)"])
        XCTAssertEqual(restated.verdict, .true)
        XCTAssertEqual(restated.steps.map(\.reason), ["restates a cited formula"])
    }

    func testCitationLabels() {
        XCTAssertEqual(StepCitation(label: "P12"), .premise(12))
        XCTAssertEqual(StepCitation(label: " S3"), .step(3))
        XCTAssertNil(StepCitation(label: "P0"))
        XCTAssertNil(StepCitation(label: "Q1"))
        XCTAssertNil(StepCitation(label: "P1x"))
        XCTAssertEqual(ProposedStep(citations: [.premise(1), .premise(1), .step(2)], formula: .predicate("Red", [.function("bob", [])])).text,
                       "[P1, S2]: Red(bob)")
    }
}
