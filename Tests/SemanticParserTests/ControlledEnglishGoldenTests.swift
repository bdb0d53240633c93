import Foundation
import Logic
import XCTest
@testable import SemanticParser

/// Golden translations (`Fixtures/controlled-english.golden`), the must-not-understand
/// list (`Fixtures/controlled-english.reject`), the shared signature, sentence splitting,
/// and robustness on seeded random input.
final class ControlledEnglishGoldenTests: XCTestCase {
    static func fixture(_ name: String) throws -> [(line: Int, text: String)] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/\(name)")
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { i, raw in
            let line = raw.trimmingCharacters(in: .whitespaces)
            return line.isEmpty || line.hasPrefix("#") ? nil : (i + 1, line)
        }
    }

    func testGoldenTranslations() throws {
        let lines = try Self.fixture("controlled-english.golden")
        XCTAssertGreaterThanOrEqual(lines.count, 60)
        for (number, line) in lines {
            let parts = line.components(separatedBy: " => ")
            XCTAssertEqual(parts.count, 2, "golden line \(number) malformed")
            guard parts.count == 2 else { continue }
            let expected = try FOLParser.parse(parts[1]).formula
            var parser = ControlledEnglishParser()
            let got = parser.parse(sentence: parts[0])
            guard case .formula(let formula, let source) = got else {
                XCTFail("line \(number): '\(parts[0])' not understood: \(got)")
                continue
            }
            XCTAssertEqual(source, .controlled)
            XCTAssertEqual(formula, expected,
                           "line \(number): '\(parts[0])' gave \(FOLPrinter.ascii(formula)), expected \(parts[1])")
        }
    }

    func testRejectedSentencesAreNotUnderstood() throws {
        let lines = try Self.fixture("controlled-english.reject")
        XCTAssertGreaterThanOrEqual(lines.count, 30)
        for (number, sentence) in lines {
            var parser = ControlledEnglishParser()
            let got = parser.parse(sentence: sentence)
            if case .formula(let f, _) = got {
                XCTFail("line \(number): '\(sentence)' must not be understood, gave \(FOLPrinter.ascii(f))")
            }
            if case .notUnderstood(let reason) = got { XCTAssertFalse(reason.isEmpty) }
        }
    }

    func testAmbiguityIsReportedNotGuessed() {
        var parser = ControlledEnglishParser()
        // Two formulas would fit; the parser must say so rather than pick one.
        if case .formula(let f, _) = parser.parse(sentence: "Bob is not red and cold.") {
            XCTFail("ambiguous negation read as \(FOLPrinter.ascii(f))")
        }
    }

    func testOneSignatureAcrossAProblem() throws {
        let t = ControlledEnglishParser.parse(
            context: "The cat eats the dog. The dog does not eat the cat. Cats are red. Every cat is a jompus. If something eats the dog then it is red.",
            conclusion: "Based on the above information, is the following statement true, false, or unknown? The cat is not red.")
        XCTAssertTrue(t.isFullyUnderstood)
        XCTAssertEqual(t.premises.count, 5)
        XCTAssertEqual(t.conclusion.sentence, "The cat is not red.")
        let expected = [
            "Eats(cat, dog)", "-Eats(dog, cat)", "all x. (Cat(x) -> Red(x))",
            "all x. (Cat(x) -> Jompus(x))", "all x. (Eats(x, dog) -> Red(x))",
        ]
        for (premise, text) in zip(t.premises, expected) {
            XCTAssertEqual(premise.parse, .formula(try FOLParser.parse(text).formula, parser: .controlled), premise.sentence)
        }
        XCTAssertEqual(t.conclusion.parse.formula, try FOLParser.parse("-Red(cat)").formula)
        XCTAssertEqual(t.premiseFormulas?.count, 5)
        XCTAssertEqual(t.predicateArities, ["Eats": 2, "Cat": 1, "Red": 1, "Jompus": 1])
        XCTAssertEqual(t.constants, ["cat", "dog"])
    }

    func testSignatureClashIsNotUnderstood() {
        var parser = ControlledEnglishParser()
        XCTAssertTrue(parser.parse(sentence: "Bob likes the cat.").isUnderstood)
        XCTAssertEqual(parser.predicateArities["Likes"], 2)
        XCTAssertTrue(parser.parse(sentence: "Bob is tennis.").isUnderstood)
        // "tennis" read as a verb would make `Tennis` two-place after its one-place use.
        let clash = parser.parse(sentence: "Bob tennis the cat.")
        guard case .notUnderstood(let reason) = clash else { return XCTFail("clash accepted: \(clash)") }
        XCTAssertTrue(reason.contains("signature clash"), reason)
        XCTAssertEqual(parser.constants, ["bob", "cat"])
        // Formulas from another parser join the same signature.
        XCTAssertNil(parser.adopt(try! FOLParser.parse("Chases(bob, dog)").formula))
        XCTAssertEqual(parser.predicateArities["Chases"], 2)
        XCTAssertNotNil(parser.adopt(try! FOLParser.parse("Chases(bob)").formula))
        XCTAssertEqual(parser.predicateArities["Chases"], 2)
    }

    func testNotUnderstoodSentenceKeepsItsPlaceAndReason() {
        let t = ControlledEnglishParser.parse(context: "Bob is red. Most dogs bark. Bob is big.", conclusion: "Bob is red.")
        XCTAssertFalse(t.isFullyUnderstood)
        XCTAssertNil(t.premiseFormulas)
        XCTAssertEqual(t.notUnderstood.map(\.sentence), ["Most dogs bark."])
        XCTAssertEqual(t.premises.map(\.parse.parser), [.controlled, nil, .controlled])
    }

    func testSentenceSplitting() {
        XCTAssertEqual(ControlledEnglishParser.splitSentences("Bob is red. The cow is big.  If Bob is red then Bob is big."),
                       ["Bob is red.", "The cow is big.", "If Bob is red then Bob is big."])
        XCTAssertEqual(ControlledEnglishParser.splitSentences("Version 1.5 is new. Is it? Yes!"),
                       ["Version 1.5 is new.", "Is it?", "Yes!"])
        XCTAssertEqual(ControlledEnglishParser.splitSentences("no final stop"), ["no final stop"])
        XCTAssertEqual(ControlledEnglishParser.splitSentences("  "), [])
        XCTAssertEqual(ControlledEnglishParser.statement(fromQuestion: "Is the following statement true or false? Max is sour."),
                       "Max is sour.")
        XCTAssertEqual(ControlledEnglishParser.statement(fromQuestion: "Max is sour."), "Max is sour.")
    }

    func testMorphologyUnifiesSingularAndPlural() {
        for (plural, singular) in [("cats", "cat"), ("jompuses", "jompus"), ("wumpuses", "wumpus"),
                                   ("impuses", "impus"), ("dumpuses", "dumpus"), ("mice", "mouse"),
                                   ("ponies", "pony"), ("boxes", "box"), ("horses", "horse"),
                                   ("houses", "house"), ("churches", "church"), ("classes", "class")] {
            XCTAssertTrue(EnglishMorphology.looksPlural(plural), plural)
            XCTAssertEqual(EnglishMorphology.singular(plural), singular)
        }
        for word in ["jompus", "famous", "glass", "this", "red"] {
            XCTAssertFalse(EnglishMorphology.looksPlural(word), word)
        }
        for (base, third) in [("eat", "eats"), ("chase", "chases"), ("see", "sees"), ("watch", "watches"),
                              ("fly", "flies"), ("play", "plays"), ("go", "goes"), ("have", "has"), ("miss", "misses")] {
            XCTAssertEqual(EnglishMorphology.thirdPersonSingular(base), third)
        }
    }

    /// Random word salad from the grammar's own vocabulary: never crashes, never takes
    /// long, and whatever is understood has no free variables.
    func testSeededRandomSentencesAreSafe() {
        let vocabulary = ["if", "then", "and", "or", "not", "is", "are", "the", "a", "all", "every", "no",
                          "some", "something", "it", "they", "that", "who", "either", "neither", "nor",
                          "does", "do", "Bob", "Anne", "cat", "cats", "red", "big", "eats", "eat",
                          "likes", "like", "things", "people", ",", ".", "jompuses", "jompus"]
        for seed in UInt64(1)...UInt64(300) {
            var rng = SplitMix64(seed: seed)
            let length = Int(rng.next() % 40) + 1
            let words = (0..<length).map { _ in vocabulary[Int(rng.next() % UInt64(vocabulary.count))] }
            let sentence = words.joined(separator: " ")
            let start = Date()
            var parser = ControlledEnglishParser()
            let result = parser.parse(sentence: sentence)
            XCTAssertLessThan(Date().timeIntervalSince(start), 5, "seed \(seed): slow on '\(sentence)'")
            if let f = result.formula {
                XCTAssertTrue(f.isClosed, "seed \(seed): '\(sentence)' gave open \(FOLPrinter.ascii(f))")
            }
        }
        var parser = ControlledEnglishParser()
        let long = Array(repeating: "red and", count: 200).joined(separator: " ")
        XCTAssertFalse(parser.parse(sentence: "Bob is " + long + " big.").isUnderstood)
    }
}
