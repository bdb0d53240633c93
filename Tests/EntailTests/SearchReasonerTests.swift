import Entail
import Foundation
import SemanticParser
import XCTest

/// The Entail side of search: the provers as a theory decider, the controlled-English
/// parser as translator and reference, and a smoke test with the real model.
final class SearchReasonerTests: XCTestCase {
    func formula(_ s: String) -> Formula { try! FOLParser.parse(s).formula }

    func testFormalDeciderReportsAgreementAndKeepsTheSolution() {
        let decider = FormalTheoryDecider()
        let premises = [formula("Red(bob)"), formula("all x. (Red(x) -> Big(x))")]
        let d = decider.decide(premises: premises, conclusion: formula("Big(bob)"), secondsLeft: nil)
        XCTAssertEqual(d.verdict, .true)
        XCTAssertEqual(d.proversAgree, true)
        XCTAssertEqual(d.premisesSatisfiable, true)
        XCTAssertEqual(d.proverCalls, 2)
        XCTAssertEqual(decider.maxProverCallsPerDecision, 2)
        XCTAssertNotNil(decider.solution(premises: premises, conclusion: formula("Big(bob)"))?.certificate)
        let bad = decider.decide(premises: [formula("Red(bob)"), formula("-Red(bob)")], conclusion: formula("Big(bob)"), secondsLeft: nil)
        XCTAssertEqual(bad.verdict, .inconsistent)
        XCTAssertEqual(bad.premisesSatisfiable, false)
    }

    func testControlledParserFixesWhatItCoversUnlessModelOnly() throws {
        var problem = Problem(id: "t", premises: [Statement(text: "Bob is red."), Statement(text: "Gleeby frobs wander ostensibly, alas.")],
                              conclusion: Statement(text: "Bob is red."), expected: .true)
        problem.premises.append(Statement(text: "All red things are big."))
        let mixed = try SearchReasoner.searchProblem(for: problem, modelOnly: false, useFormal: false).get()
        XCTAssertEqual(mixed.statements.map { $0.fixed != nil }, [true, false, true, true])
        XCTAssertEqual(mixed.premises[0].fixedOrigin, "controlled")
        let modelOnly = try SearchReasoner.searchProblem(for: problem, modelOnly: true, useFormal: false).get()
        XCTAssertTrue(modelOnly.statements.allSatisfy { $0.fixed == nil })
        let refs = ControlledEnglishReference().references(for: modelOnly.statements)
        XCTAssertEqual(refs.map { $0.map(FOLPrinter.ascii) }, ["Red(bob)", nil, "all x. (Red(x) -> Big(x))", "Red(bob)"])
    }

    func testProblemsWithoutAConclusionAreNotSearched() {
        let problem = Problem(id: "mc", premises: [Statement(text: "Bob is red.")])
        guard case .failure(let why) = SearchReasoner.searchProblem(for: problem, modelOnly: true, useFormal: false) else {
            return XCTFail("a problem without a conclusion was accepted")
        }
        XCTAssertTrue(why.description.contains("conclusion"))
    }

    /// The real model end to end; skipped when models/ has no model.
    func testSmokeWithTheRealModel() throws {
        let path = TestPaths.packageRoot.appendingPathComponent("models/\(DefaultModel.fileName)").path
        guard FileManager.default.fileExists(atPath: path) else { throw XCTSkip("no model at \(path)") }
        let model = try LanguageModel(path: path)
        let translator = try ModelTranslator(model: model, prompt: FewShotPrompt(path: TestPaths.packageRoot.appendingPathComponent("prompts/fol-translation.txt").path))
        let reasoner = SearchReasoner(translator: translator, timeout: .seconds(5))
        let problem = Problem(id: "smoke", premises: [Statement(text: "Bob is red."), Statement(text: "If something is red then it is big.")],
                              conclusion: Statement(text: "Bob is big."), expected: .true)
        let budget = Budget(tokens: 600, proverCalls: 30, seconds: 120)
        let a = reasoner.solve(problem, strategy: .vote(samples: 3), budget: budget, seed: 5)
        let b = reasoner.solve(problem, strategy: .vote(samples: 3), budget: budget, seed: 5)
        XCTAssertEqual(a.verdict, b.verdict, "same seed, same verdict")
        XCTAssertEqual(a.notes, b.notes, "same seed, same candidates")
        XCTAssertLessThanOrEqual(a.cost.tokens, 600)
        XCTAssertLessThanOrEqual(a.cost.proverCalls, 30)
        XCTAssertEqual(a.cost.modelCalls, 3, "one call per sentence, all samples in it")
        XCTAssertTrue(a.notes.contains { $0.hasPrefix("candidate 0") }, "\(a.notes)")
        XCTAssertEqual(a.translations.count, 3, "\(a.notes)")
        print("smoke: \(a.verdict) \(a.notes)")
    }
}
