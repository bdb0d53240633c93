import Decoder
import Foundation
import Logic
import SemanticParser
import XCTest
@testable import Entail

final class TrainingPairsTests: XCTestCase {
    static let instruction = "Translate each English sentence into first-order logic. Reuse the known predicates and constants."
    static let tunedPrompt = FewShotPrompt(examples: "# a comment line\n" + instruction + "\n")

    /// Writes `text` to a temporary file named `name` and returns its path.
    func temporaryFile(_ name: String, _ text: String) throws -> String {
        let dir = NSTemporaryDirectory() + "entail-pairs-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Five records: a good story, the same story again (deduplicated), a count mismatch,
    /// an unparsable formula, an arity clash.
    static let folioFixture = [
        #"{"story_id": 1, "premises": ["Rex is a dog.", "Every dog barks."], "premises-FOL": ["Dog(rex)", "∀y (Dog(y) → Barks(y))"], "conclusion": "Rex barks.", "label": "True"}"#,
        #"{"story_id": 1, "premises": ["Rex is a dog.", "Every dog barks."], "premises-FOL": ["Dog(rex)", "∀y (Dog(y) → Barks(y))"], "conclusion": "Rex is a dog.", "label": "True"}"#,
        #"{"story_id": 2, "premises": ["A.", "B."], "premises-FOL": ["A(a)"], "conclusion": "C.", "label": "Unknown"}"#,
        #"{"story_id": 3, "premises": ["Broken."], "premises-FOL": ["∀x (P(x) → "], "conclusion": "C.", "label": "Unknown"}"#,
        #"{"story_id": 4, "premises": ["Mia likes Leo.", "Mia likes."], "premises-FOL": ["Likes(mia, leo)", "Likes(mia)"], "conclusion": "C.", "label": "Unknown"}"#,
    ].joined(separator: "\n") + "\n"

    func testFOLIOPairsHaveTheTranslatorsExactPromptBytes() throws {
        let path = try temporaryFile("folio-train.jsonl", Self.folioFixture)
        var builder = TrainingPairsBuilder(prompt: Self.tunedPrompt, tokenizer: nil)
        try builder.addFOLIO(path: path)
        XCTAssertEqual(builder.pairs.count, 2)
        XCTAssertEqual(builder.pairs[0].prompt, Self.instruction + "\n\nKnown: predicates: none; constants: none\nEnglish: Rex is a dog.\nFOL:")
        XCTAssertEqual(builder.pairs[0].completion, " Dog(rex)\n")
        XCTAssertEqual(builder.pairs[1].prompt, Self.instruction + "\n\nKnown: predicates: Dog/1; constants: rex\nEnglish: Every dog barks.\nFOL:")
        // The bound variable is renamed to the grammar's first variable.
        XCTAssertEqual(builder.pairs[1].completion, " all x. (Dog(x) -> Barks(x))\n")
        XCTAssertEqual(builder.pairs[1].source, "folio-train:story-1:2")
        XCTAssertEqual(builder.pairs[0].prompt, Self.tunedPrompt.examples
            + Self.tunedPrompt.query(sentence: "Rex is a dog.", signature: TranslationSignature()))
    }

    func testFOLIOSkipsAreCounted() throws {
        let path = try temporaryFile("folio-train.jsonl", Self.folioFixture)
        var builder = TrainingPairsBuilder(prompt: Self.tunedPrompt, tokenizer: nil)
        try builder.addFOLIO(path: path)
        let s = builder.statistics
        XCTAssertEqual(s.folioRecords, 5)
        XCTAssertEqual(s.folioStories, 4)
        XCTAssertEqual(s.folioSkippedCountMismatch, 1)
        XCTAssertEqual(s.folioSkippedUnparsable, 1)
        XCTAssertEqual(s.folioSkippedArityClash, 1)
        XCTAssertEqual(s.pairsBySource, ["folio": 2])
        XCTAssertTrue(s.json.contains("\"folio_skipped_unparsable\":1"))
    }

    func testEvaluationSplitsAreRefused() throws {
        let path = try temporaryFile("folio-validation-dev.jsonl", Self.folioFixture)
        var builder = TrainingPairsBuilder(prompt: Self.tunedPrompt, tokenizer: nil)
        XCTAssertThrowsError(try builder.addFOLIO(path: path)) { error in
            XCTAssertEqual(error as? TrainingPairsError, .evaluationData(path: path))
        }
        var generator = SplitMix64(seed: 1)
        let pronto = try temporaryFile("dev-sample.json", "[]")
        XCTAssertThrowsError(try builder.addControlled(path: pronto, kind: "prontoqa", stories: 1, keepFraction: 1,
                                                       generator: &generator))
        XCTAssertTrue(builder.pairs.isEmpty)
    }

    func testMalformedLinesAreTypedErrorsWithLines() throws {
        let path = try temporaryFile("folio-train.jsonl", "{\"premises\": [\"A.\"], \"premises-FOL\": [\"A(a)\"]}\n{oops\n")
        var builder = TrainingPairsBuilder(prompt: Self.tunedPrompt, tokenizer: nil)
        XCTAssertThrowsError(try builder.addFOLIO(path: path)) { error in
            guard case .malformed(_, let line, _)? = error as? TrainingPairsError else { return XCTFail("\(error)") }
            XCTAssertEqual(line, 2)
        }
    }

    func testControlledStoriesShareOneSignature() throws {
        let json = #"[{"id": "pw-1", "context": "Bob is red. Bob is big. If something is red then it is round.", "question": "Based on the above information, is the following statement true, false, or unknown? Bob is not round.", "options": [], "answer": "B"}]"#
        let path = try temporaryFile("train.json", json)
        var builder = TrainingPairsBuilder(prompt: Self.tunedPrompt, tokenizer: nil)
        var generator = SplitMix64(seed: 3)
        try builder.addControlled(path: path, kind: "proofwriter", stories: 5, keepFraction: 1, generator: &generator)
        XCTAssertEqual(builder.pairs.map(\.completion),
                       [" Red(bob)\n", " Big(bob)\n", " all x. (Red(x) -> Round(x))\n", " -Round(bob)\n"])
        XCTAssertTrue(builder.pairs[3].prompt.hasSuffix("Known: predicates: Red/1, Big/1, Round/1; constants: bob\nEnglish: Bob is not round.\nFOL:"))
        XCTAssertEqual(builder.statistics.controlledUnderstood, 4)
    }

    func testVariationsAreSeededAndRenameTextAndFormulasTogether() throws {
        let path = try temporaryFile("folio-train.jsonl", Self.folioFixture)
        func build(seed: UInt64) throws -> [TrainingPair] {
            var builder = TrainingPairsBuilder(prompt: Self.tunedPrompt, tokenizer: nil)
            try builder.addFOLIO(path: path)
            var generator = SplitMix64(seed: seed)
            builder.addRenamedFOLIO(count: 2, generator: &generator)
            builder.addReorderedFOLIO(count: 2, generator: &generator)
            return Array(builder.pairs.dropFirst(2))
        }
        let a = try build(seed: 11), b = try build(seed: 11)
        XCTAssertEqual(a, b, "seed 11 must replay")
        XCTAssertEqual(a.count, 8)
        for pair in a.prefix(4) {
            XCTAssertFalse(pair.prompt.lowercased().contains("rex"), "seed 11: \(pair.prompt)")
            XCTAssertFalse(pair.completion.contains("rex"), "seed 11: \(pair.completion)")
        }
        let renamedFact = try XCTUnwrap(a.first { $0.completion.hasPrefix(" Dog(") })
        let name = String(renamedFact.completion.dropFirst(5).prefix { $0 != ")" })
        XCTAssertTrue(renamedFact.prompt.hasSuffix("English: \(name.prefix(1).uppercased() + name.dropFirst()) is a dog.\nFOL:"),
                      "seed 11: \(renamedFact.prompt)")
    }

    func testCanonicalVariablesFollowBindingOrder() throws {
        func atom(_ p: String, _ vs: String...) -> Formula { .predicate(p, vs.map { Term.variable($0) }) }
        // Sibling scopes reuse a name; nested scopes take the next one.
        let f = Formula.forall("a", .and([.exists("b", atom("R", "a", "b")), .exists("c", .forall("d", atom("S", "a", "c", "d")))]))
        XCTAssertEqual(CanonicalVariables.apply(f),
                       .forall("x", .and([.exists("y", atom("R", "x", "y")), .exists("y", .forall("z", atom("S", "x", "y", "z")))])))
        let nested = try FOLParser.parse("∀a (∃b (R(a, b)) ∧ ∃c (S(a, c)))").formula
        XCTAssertEqual(FOLPrinter.ascii(CanonicalVariables.apply(nested)), "all x. exists y. (R(x, y) & exists z. S(x, z))")
    }

    func testTokenIDsAreTheDecodersEncodingOfTheSamePrompt() throws {
        let modelPath = TestPaths.packageRoot.appendingPathComponent("models/" + DefaultModel.fileName).path
        guard FileManager.default.fileExists(atPath: modelPath) else { throw XCTSkip("no model at \(modelPath)") }
        let tokenizer = try Tokenizer(gguf: GGUFFile(path: modelPath))
        let builder = TrainingPairsBuilder(prompt: Self.tunedPrompt, tokenizer: tokenizer)
        var signature = TranslationSignature()
        signature.adopt(try FOLParser.parse("Dog(rex)").formula)
        let pair = builder.pair(sentence: "Every dog barks.", formula: try FOLParser.parse("∀x (Dog(x) → Barks(x))").formula,
                                signature: signature, source: "t")
        let query = Self.tunedPrompt.query(sentence: "Every dog barks.", signature: signature)
        XCTAssertEqual(pair.promptIDs, tokenizer.encode(Self.tunedPrompt.examples, parseSpecial: false)
            + tokenizer.encode(query, parseSpecial: false, addBOS: false))
        XCTAssertEqual(tokenizer.decode(pair.promptIDs), pair.prompt)
        XCTAssertEqual(tokenizer.decode(pair.completionIDs), pair.completion)
        XCTAssertEqual(pair.completionIDs.last, tokenizer.encode("\n", parseSpecial: false, addBOS: false).last)
        let line = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(pair.jsonLine.utf8)) as? [String: Any])
        XCTAssertEqual(line["prompt"] as? String, pair.prompt)
        XCTAssertEqual((line["completion_ids"] as? [Int])?.count, pair.completionIDs.count)
    }

    /// Every FOLIO train completion re-parses to the canonical form of its gold formula.
    func testRealFOLIOTrainCompletionsRoundTrip() throws {
        guard let path = TestPaths.dataset("folio/folio-train.jsonl") else { throw XCTSkip("no ../shared/datasets") }
        var builder = TrainingPairsBuilder(prompt: Self.tunedPrompt, tokenizer: nil)
        try builder.addFOLIO(path: path)
        let s = builder.statistics
        XCTAssertGreaterThan(builder.pairs.count, 1500)
        XCTAssertEqual(s.folioStories, builder.folioStories.count + s.folioSkippedCountMismatch + s.folioSkippedUnparsable
            + s.folioSkippedArityClash)
        for story in builder.folioStories {
            for f in story.formulas {
                let text = FOLPrinter.ascii(CanonicalVariables.apply(f))
                XCTAssertEqual(try FOLParser.parse(text).formula, CanonicalVariables.apply(f), story.source)
            }
        }
        XCTAssertFalse(builder.pairs.contains { $0.source.contains("valid") || $0.source.contains("dev") })
    }

    /// Completions are in the grounded grammar's canonical syntax: the grammar for the
    /// pair's sentence and signature accepts them byte for byte.
    func testCompletionsMatchTheGroundedGrammar() throws {
        let sentences = ["Bob is red.", "If something is red then it is round.", "All cats are big.", "Anne likes Bob.",
                         "Every child owns some toy."]
        let formulas = try ["Red(bob)", "∀x (Red(x) → Round(x))", "∀w (Cat(w) → Big(w))", "Likes(anne, bob)",
                            "∀a (Child(a) → ∃b (Toy(b) ∧ Owns(a, b)))"].map { try FOLParser.parse($0).formula }
        var builder = TrainingPairsBuilder(prompt: Self.tunedPrompt, tokenizer: nil)
        builder.add(TrainingStory(sentences: sentences, formulas: formulas, source: "t"), kind: "t")
        var signature = TranslationSignature()
        for (i, pair) in builder.pairs.enumerated() {
            let grammar = try CompiledGrammar(source: GroundedGrammar(sentence: sentences[i], signature: signature).source)
            XCTAssertTrue(GrammarMatcher.matches(String(pair.completion.dropLast()), grammar: grammar), pair.completion)
            signature.adopt(formulas[i])
        }
    }

    /// ENTAIL_LONG_TESTS=1: how many FOLIO train completions the grounded grammar can emit.
    func testMeasureGrammarCoverageOfFOLIOCompletions() throws {
        guard ProcessInfo.processInfo.environment["ENTAIL_LONG_TESTS"] == "1" else { throw XCTSkip("set ENTAIL_LONG_TESTS=1") }
        guard let path = TestPaths.dataset("folio/folio-train.jsonl") else { throw XCTSkip("no ../shared/datasets") }
        var builder = TrainingPairsBuilder(prompt: Self.tunedPrompt, tokenizer: nil)
        try builder.addFOLIO(path: path)
        var accepted = 0, total = 0, xor = 0
        for story in builder.folioStories {
            var signature = TranslationSignature()
            for (sentence, formula) in zip(story.sentences, story.formulas) {
                let text = " " + FOLPrinter.ascii(CanonicalVariables.apply(formula))
                let grammar = try CompiledGrammar(source: GroundedGrammar(sentence: sentence, signature: signature).source)
                total += 1
                if GrammarMatcher.matches(text, grammar: grammar) { accepted += 1 }
                if text.contains("<~>") { xor += 1 }
                signature.adopt(formula)
            }
        }
        print("grounded grammar accepts \(accepted) of \(total) FOLIO train completions (\(xor) use <~>)")
        XCTAssertGreaterThan(accepted, 0)
    }
}
