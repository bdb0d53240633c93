import Decoder
import Foundation
import Logic
import SemanticParser
import XCTest

/// Temperature-0 golden translations with the bundled model (skipped when models/ has no
/// model file), and the repair inputs of the prompt and the grammar (no model needed).
final class ModelTranslationGoldenTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testGreedyTranslationsMatchTheGoldenFile() throws {
        let modelPath = Self.packageRoot.appendingPathComponent("models/\(DefaultModel.fileName)").path
        guard FileManager.default.fileExists(atPath: modelPath) else { throw XCTSkip("no model at \(modelPath)") }
        let golden = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/model-translation.golden"), encoding: .utf8)
        let cases = golden.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line -> (String, String) in
            let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
            return (parts[0], parts.count > 1 ? parts[1] : "")
        }
        XCTAssertEqual(cases.count, 5)
        let model = try LanguageModel(path: modelPath, threads: 1, maxBatch: 64, contextCapacity: 2048)
        let translator = try ModelTranslator(model: model, promptFile: Self.packageRoot.appendingPathComponent("prompts/fol-translation.txt").path)
        var signature = TranslationSignature()
        for (sentence, expected) in cases {
            let got = try translator.translate(sentence: sentence, signature: &signature)[0]
            XCTAssertEqual(got.text, expected, "greedy translation of \(sentence.debugDescription) changed")
            XCTAssertEqual(got.formula, try FOLParser.parse(expected).formula)
        }
    }

    func testARepairNoteGoesOnItsOwnLineBeforeFOL() {
        let prompt = FewShotPrompt(examples: "# comment\nExample\n")
        var signature = TranslationSignature()
        signature.addPredicate("Big", arity: 1)
        XCTAssertEqual(prompt.query(sentence: "The bear is big.", signature: signature),
                       "Known: predicates: Big/1; constants: none\nEnglish: The bear is big.\nFOL:")
        XCTAssertEqual(prompt.query(sentence: "The bear is big.", signature: signature, note: "'bear' clashes;\nuse other names."),
                       "Known: predicates: Big/1; constants: none\nEnglish: The bear is big.\nNote: 'bear' clashes; use other names.\nFOL:")
        XCTAssertEqual(prompt.query(sentence: "x", signature: signature, note: ""),
                       prompt.query(sentence: "x", signature: signature))
    }

    func testExcludedNamesLeaveTheGroundedGrammar() throws {
        var signature = TranslationSignature()
        signature.addPredicate("Big", arity: 1)
        signature.addConstant("anne")
        let full = GroundedGrammar(sentence: "The bear likes Anne.", signature: signature)
        XCTAssertTrue(full.constants.contains("bear"))
        XCTAssertTrue(full.predicates.contains { $0.name == "Bear" })
        let repaired = GroundedGrammar(sentence: "The bear likes Anne.", signature: signature, excluding: ["bear", "Big"])
        XCTAssertFalse(repaired.constants.contains("bear"))
        XCTAssertTrue(repaired.constants.contains("anne"))
        XCTAssertFalse(repaired.predicates.contains { $0.name == "Big" })
        XCTAssertTrue(repaired.predicates.contains { $0.name == "Bear" })
        XCTAssertFalse(repaired.source.contains("\"bear\""))
        // The grammar still compiles and still accepts a formula without the excluded names.
        let grammar = try CompiledGrammar(source: repaired.source)
        XCTAssertTrue(GrammarMatcher.matches(" Likes(anne, anne)", grammar: grammar))
        XCTAssertTrue(GrammarMatcher.matches(" all x. (Bear(x) -> Likes(x, anne))", grammar: grammar))
        XCTAssertFalse(GrammarMatcher.matches(" Likes(bear, anne)", grammar: grammar))
        XCTAssertFalse(GrammarMatcher.matches(" Big(anne)", grammar: grammar))
        XCTAssertTrue(GrammarMatcher.matches(" Likes(bear, anne)", grammar: try CompiledGrammar(source: full.source)))
    }
}
