import Decoder
import Logic
import SemanticParser
import XCTest

/// Grounded grammars without the model: what they accept and reject.
final class ModelTranslationGrammarTests: XCTestCase {
    private func grammar(_ sentence: String, _ signature: TranslationSignature = TranslationSignature()) throws -> CompiledGrammar {
        try CompiledGrammar(source: GroundedGrammar(sentence: sentence, signature: signature).source)
    }

    func testAcceptsGroundedFormulasThatParse() throws {
        let cases: [(String, [String])] = [
            ("Bob is big.", ["Big(bob)", "-Big(bob)"]),
            ("All cats are animals.", ["all x. (Cat(x) -> Animal(x))", "all x. (Cats(x) -> Animals(x))"]),
            ("Anne likes Bob.", ["Likes(anne, bob)", "Like(bob, anne)"]),
            ("If something is red and cold then it is round.", ["all x. (Red(x) & Cold(x) -> Round(x))"]),
            ("Every child owns some toy.", ["all x. (Child(x) -> exists y. (Toy(y) & Owns(x, y)))"]),
            ("The bear is either kind or rude.", ["Kind(bear) | Rude(bear)", "-(Kind(bear) <-> Rude(bear))"]),
        ]
        for (sentence, formulas) in cases {
            let g = try grammar(sentence)
            for f in formulas {
                XCTAssertTrue(GrammarMatcher.matches(" " + f, grammar: g), "\(sentence) should allow \(f)")
                XCTAssertNoThrow(try FOLParser.parse(f), f)
            }
        }
    }

    func testRejectsUngroundedNamesFreeVariablesAndOtherSyntax() throws {
        let g = try grammar("The cat is big.")
        for f in ["Thecat(cat)", "Big(bob)", "Dog(cat)", "Big(x)", "all y. Big(y)", "all x. Big(y)",
                  "big(cat)", "Big(cat) ∧ Big(cat)", "Big(cat)\n", "Big(f(cat))", "all x. (Is(x))"] {
            XCTAssertFalse(GrammarMatcher.matches(" " + f, grammar: g), "must reject \(f.debugDescription)")
        }
        XCTAssertTrue(GrammarMatcher.matches(" Big(cat)", grammar: g))
        XCTAssertTrue(GrammarMatcher.matches(" all x. (Cat(x) -> Big(x))", grammar: g))
    }

    func testParenthesisDepthIsBoundedAndNamelessSentencesGiveTrue() throws {
        let g = try grammar("Cats are animals.")
        XCTAssertTrue(GrammarMatcher.matches(" all x. (((Cat(x))))".replacingOccurrences(of: "((((", with: "((("), grammar: g))
        XCTAssertFalse(GrammarMatcher.matches(" all x. ((((Cat(x))))", grammar: g), "depth 4 > maxParenthesisDepth")
        XCTAssertTrue(GrammarMatcher.matches(" all x. (((all y. (Cat(x) -> Animal(y)))))".replacingOccurrences(of: "(((all", with: "((all").replacingOccurrences(of: ")))))", with: "))))"), grammar: g))
        XCTAssertTrue(GrammarMatcher.matches(" Cat(x) & Cat(x) & Cat(x) & Cat(x)".replacingOccurrences(of: "(x)", with: "(cat)"), grammar: try grammar("The cat is.")))
        XCTAssertFalse(GrammarMatcher.matches(" Cat(cat) | Cat(cat) | Cat(cat) | Cat(cat) | Cat(cat)", grammar: try grammar("The cat is.")), "5 > maxChainLength")
        let empty = GroundedGrammar(sentence: "It is.", signature: TranslationSignature())
        XCTAssertTrue(empty.predicates.isEmpty)
        XCTAssertTrue(GrammarMatcher.matches(" true", grammar: try CompiledGrammar(source: empty.source)))
    }

    func testSignatureNamesAreAllowedAtTheirArity() throws {
        var signature = TranslationSignature()
        signature.adopt(try FOLParser.parse("Likes(anne, milk) & Red(tom)").formula)
        XCTAssertEqual(signature.promptText, "predicates: Likes/2, Red/1; constants: anne, milk, tom")
        let g = try grammar("Tom is big.", signature)
        XCTAssertTrue(GrammarMatcher.matches(" Likes(tom, milk) & Big(tom)", grammar: g))
        XCTAssertTrue(GrammarMatcher.matches(" Red(anne)", grammar: g))
        XCTAssertFalse(GrammarMatcher.matches(" Likes(tom)", grammar: g), "signature arity is fixed")
        XCTAssertFalse(GrammarMatcher.matches(" Red(tom, anne)", grammar: g))
        XCTAssertEqual(signature.adopt(try FOLParser.parse("Red(tom, anne)").formula), ["Red"], "arity clash reported")
    }

    func testSentenceWords() {
        let w = SentenceWords("Anne likes Bob.")
        XCTAssertEqual(w.constantNames, ["anne", "bob"])
        XCTAssertEqual(w.predicateNames, ["Likes", "Like"])
        let c = SentenceWords("Cats are not dogs.")
        XCTAssertEqual(c.constantNames, [])
        XCTAssertEqual(c.predicateNames, ["Cats", "Cat", "Dogs", "Dog"])
        XCTAssertEqual(SentenceWords("The flies of the box.").predicateNames, ["Flies", "Fly", "Box"])
    }

    /// Seeded random walks through the grammar: every complete text parses and names only
    /// grounded symbols.
    func testRandomGrammarWalksParse() throws {
        let sentence = "If Anne likes the red dog then the dog is happy."
        let grounded = GroundedGrammar(sentence: sentence, signature: TranslationSignature())
        let g = try CompiledGrammar(source: grounded.source)
        let allowed = Set(grounded.predicates.map(\.name)).union(grounded.constants)
        let alphabet = Array(Set((grounded.source + " ().,-&|<>x yz").filter { $0.isASCII && $0 != "\"" && $0 != "\n" })).map(String.init)
            + grounded.predicates.map { $0.name + "(" } + grounded.constants + ["all x. ", "exists y. ", " -> ", " & "]
        for seed in UInt64(1)...200 {
            var rng = SeededGenerator(seed: seed)
            var matcher = GrammarMatcher(grammar: g)
            var text = ""
            for _ in 0..<60 {
                let options = alphabet.filter { matcher.accepts(bytes: Array($0.utf8)) }
                if options.isEmpty || (matcher.isComplete && rng.nextUnit() < 0.3) { break }
                let piece = options[Int(rng.next() % UInt64(options.count))]
                try matcher.advance(text: piece)
                text += piece
            }
            guard matcher.isComplete else { continue }
            let trimmed = String(text.dropFirst())
            do {
                let f = try FOLParser.parse(trimmed).formula
                XCTAssertTrue(FormulaSymbols(f).names.isSubset(of: allowed), "seed \(seed): \(trimmed)")
            } catch { XCTFail("seed \(seed): \(trimmed.debugDescription) does not parse: \(error)") }
        }
    }
}
