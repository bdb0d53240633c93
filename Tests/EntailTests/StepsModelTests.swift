import Entail
import Foundation
import SemanticParser
import XCTest

/// The `steps` strategy with the bundled model end to end (skipped when models/ has no
/// model). The model's steps are not asserted, only the shape of what comes back.
final class StepsModelTests: XCTestCase {
    func testStepsWithTheRealModel() throws {
        let path = TestPaths.packageRoot.appendingPathComponent("models/\(DefaultModel.fileName)").path
        guard FileManager.default.fileExists(atPath: path) else { throw XCTSkip("no model at \(path)") }
        let model = try LanguageModel(path: path)
        let root = TestPaths.packageRoot.appendingPathComponent("prompts")
        let translator = try ModelTranslator(model: model, prompt: FewShotPrompt(path: root.appendingPathComponent("fol-translation.txt").path))
        let reasoner = SearchReasoner(translator: translator, timeout: .seconds(5))
        reasoner.stepProposer = try ModelStepProposer(model: model, promptFile: root.appendingPathComponent("reasoning-steps.txt").path)
        let problem = Problem(id: "steps-smoke", premises: [Statement(text: "Bob is red."), Statement(text: "If something is red then it is big.")],
                              conclusion: Statement(text: "Bob is big."), expected: .true)
        let budget = Budget(tokens: 400, modelCalls: 12, proverCalls: 30, seconds: 120)
        let searchProblem = try reasoner.searchProblem(for: problem).get()
        let outcome = reasoner.search(searchProblem, strategy: .steps(samples: 2), budget: budget, seed: 7)
        XCTAssertFalse(outcome.steps.isEmpty, "no step was proposed: \(outcome.trace)")
        XCTAssertTrue(outcome.trace.contains { $0.kind == .step })
        XCTAssertGreaterThan(outcome.cost.tokens, 0)
        XCTAssertGreaterThan(outcome.cost.modelCalls, 3, "three translations and at least one step")
        XCTAssertGreaterThan(outcome.cost.proverCalls, 0)
        XCTAssertTrue(outcome.cost.fits(budget))
        XCTAssertTrue([.true, .false, .unknown, .abstain].contains(outcome.verdict), "\(outcome.verdict)")
        for step in outcome.steps {
            XCTAssertFalse(step.citations.isEmpty)
            XCTAssertFalse(step.formula.isEmpty)
        }
        if outcome.verdict == .true || outcome.verdict == .false {
            XCTAssertEqual(outcome.steps.last?.checked, true)
            XCTAssertEqual(outcome.steps.last?.concludes, outcome.verdict)
        }
        let solution = reasoner.solve(problem, strategy: .steps(samples: 2), budget: budget, seed: 7)
        XCTAssertEqual(solution.verdict, outcome.verdict, "same seed, same verdict")
        XCTAssertTrue(solution.notes.contains { $0.hasPrefix("step: chain 0 step 1") }, "\(solution.notes)")
        print("steps smoke: \(outcome.verdict)\n" + outcome.steps.map(\.description).joined(separator: "\n"))
    }
}
