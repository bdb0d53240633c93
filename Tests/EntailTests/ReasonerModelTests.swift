import Foundation
import XCTest
@testable import Entail

/// The Reasoner with the bundled model translating English (skipped when models/ has no
/// model file): `--parser model`, `--parser both`, and the repair loop on a forced clash.
final class ReasonerModelTests: XCTestCase {
    static let modelPath = TestPaths.packageRoot.appendingPathComponent("models/SmolLM2-135M-Instruct.Q4_1.gguf").path

    private func modelSource() throws -> ModelSource {
        guard FileManager.default.fileExists(atPath: Self.modelPath) else { throw XCTSkip("no model at \(Self.modelPath)") }
        return .file(Self.modelPath)
    }

    func testModelSourcePaths() {
        XCTAssertNil(ModelSource.none.path)
        XCTAssertEqual(ModelSource.file("/nowhere/m.gguf").path, "/nowhere/m.gguf")
        XCTAssertTrue(ModelSource.bundledCandidates.contains(Self.modelPath))
        if FileManager.default.fileExists(atPath: Self.modelPath) { XCTAssertNotNil(ModelSource.bundled.path) }
    }

    func testAMissingModelFileIsAnErrorNamingIt() throws {
        let problem = try XCTUnwrap(ProblemFileReader.parse("""
            premise: Most dogs bark.
            conclusion: Rex barks.
                fol: Barks(rex)
            """, file: "nl.problem").first)
        let s = Reasoner(model: .file("/nowhere/m.gguf")).solve(problem)
        XCTAssertEqual(s.verdict, .error)
        guard case .error(let message)? = s.certificate else { return XCTFail() }
        XCTAssertTrue(message.contains("premise 1") && message.contains("/nowhere/m.gguf"), message)
    }

    func testParserModelTranslatesEveryStatementAndRecordsLogProbabilities() throws {
        let source = try modelSource()
        let problem = try XCTUnwrap(ProblemFileReader.parse("""
            premise: Every whale is a mammal.
            premise: Moby is a whale.
            conclusion: Moby is a mammal.
            """, file: "whale.problem").first)
        let s = Reasoner(parser: .model, model: source).solve(problem)
        XCTAssertNotEqual(s.verdict, .error, s.humanReadable())
        XCTAssertEqual(s.translations.map(\.statement), ["premise 1", "premise 2", "conclusion"])
        XCTAssertEqual(Set(s.translations.map(\.parser)), ["model"])
        for t in s.translations {
            let lp = try XCTUnwrap(t.logProbability)
            XCTAssertLessThanOrEqual(lp, 1e-9)
            XCTAssertEqual(t.repairRound, 0)
        }
        XCTAssertEqual(s.cost.modelCalls, 3)
        XCTAssertGreaterThan(s.cost.tokens, 0)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(s.jsonLine().utf8)) as? [String: Any])
        let records = try XCTUnwrap(json["translations"] as? [[String: Any]])
        XCTAssertEqual(records.count, 3)
        XCTAssertTrue(records.allSatisfy { $0["logprob"] is Double && $0["fol"] is String && $0["repair_round"] == nil })
    }

    func testBothUsesTheModelOnlyForWhatTheControlledParserMisses() throws {
        let source = try modelSource()
        let problem = try XCTUnwrap(ProblemFileReader.parse("""
            premise: Moby is a whale.
            premise: Whales mostly swim far.
            conclusion: Moby is not a whale.
            """, file: "mixed.problem").first)
        let s = Reasoner(parser: .both, model: source).solve(problem)
        XCTAssertEqual(s.translations.map(\.parser), ["controlled", "model", "controlled"], s.humanReadable())
        XCTAssertNil(s.translations[0].logProbability)
        XCTAssertNotNil(s.translations[1].logProbability)
        XCTAssertEqual(s.cost.modelCalls, 1)
        // Without a model the same problem is an error that names the premise.
        let none = Reasoner(parser: .both, model: .none).solve(problem)
        XCTAssertEqual(none.verdict, .error)
        guard case .error(let message)? = none.certificate else { return XCTFail() }
        XCTAssertTrue(message.contains("premise 2") && message.contains("--no-model"), message)
    }

    /// A formal premise uses `bear` as a function of arity 1; the model reads "The bear"
    /// as the constant `bear`. The clash goes back to the model with `bear` left out of the
    /// grammar and a note in the prompt; the round is recorded.
    func testASignatureClashIsRepairedByTheModel() throws {
        let source = try modelSource()
        let problem = try XCTUnwrap(ProblemFileReader.parse("""
            premise: Whenever the bear of something is big, so is the thing.
                fol: all x. (Big(bear(x)) -> Big(x))
            premise: The bear is big.
            conclusion: Something is big.
                fol: exists x. Big(x)
            """, file: "clash.problem").first)
        var reasoner = Reasoner(parser: .model, model: source, repairRounds: 2)
        let s = reasoner.solve(problem)
        XCTAssertNotEqual(s.verdict, .error, s.humanReadable())
        XCTAssertTrue(s.notes.contains { $0.hasPrefix("repair round 1") && $0.contains("'bear'") }, "\(s.notes)")
        let rounds = s.translations.filter { $0.statement == "premise 2" }
        XCTAssertEqual(rounds.map(\.repairRound), [0, 1], s.humanReadable())
        XCTAssertEqual(rounds.first?.formula, "Big(bear)")
        var usesBearAsConstant = false
        try FOLParser.parse(XCTUnwrap(rounds.last?.formula)).formula.forEachSymbol { name, arity, isPredicate in
            if name == "bear" && arity == 0 && !isPredicate { usesBearAsConstant = true }
        }
        XCTAssertFalse(usesBearAsConstant, rounds.last!.formula)
        XCTAssertNotEqual(rounds.last?.formula, "Big(bear)")
        // With no repair rounds the clash is the strict signature error.
        reasoner.repairRounds = 0
        let strict = reasoner.solve(problem)
        XCTAssertEqual(strict.verdict, .error)
        guard case .error(let message)? = strict.certificate else { return XCTFail() }
        XCTAssertTrue(message.contains("'bear'") && message.contains("premise 2"), message)
    }

    /// The model's "Big(bear)" contradicts the formal premise "-Big(bear)": the provers
    /// find the premises inconsistent, and the model translates premise 2 again with the
    /// contradiction in the prompt, never accepting "Big(bear)" again.
    func testInconsistentPremisesAreRepairedByTheModel() throws {
        let source = try modelSource()
        let problem = try XCTUnwrap(ProblemFileReader.parse("""
            premise: The bear is not big.
                fol: -Big(bear)
            premise: The bear is big.
            conclusion: The bear is big.
                fol: Big(bear)
            """, file: "inconsistent.problem").first)
        var reasoner = Reasoner(parser: .model, model: source, repairRounds: 2)
        let s = reasoner.solve(problem)
        XCTAssertTrue(s.notes.contains { $0.hasPrefix("repair round 1: the premises are inconsistent") }, "\(s.notes)")
        let rounds = s.translations.filter { $0.statement == "premise 2" }
        XCTAssertGreaterThanOrEqual(rounds.count, 2, s.humanReadable())
        XCTAssertEqual(rounds.first?.formula, "Big(bear)")
        XCTAssertEqual(rounds.map(\.repairRound), Array(0..<rounds.count))
        XCTAssertFalse(rounds.dropFirst().contains { $0.formula == "Big(bear)" }, s.humanReadable())
        XCTAssertLessThanOrEqual(rounds.count, 3)
        reasoner.repairRounds = 0
        let none = reasoner.solve(problem)
        XCTAssertEqual(none.verdict, .inconsistent, none.humanReadable())
        XCTAssertEqual(none.cost.modelCalls, 0, "the first translation is remembered")
    }
}
