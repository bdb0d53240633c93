import XCTest
@testable import Logic

final class FOLPrinterTests: XCTestCase {
    func testExamples() throws {
        let f = try FOLParser.parse("∀x (Dog(x) → Animal(x) ∧ ¬Cat(x) ∨ x ≠ rex)").formula
        XCTAssertEqual(FOLPrinter.unicode(f), "∀x (Dog(x) → Animal(x) ∧ ¬Cat(x) ∨ x ≠ rex)")
        XCTAssertEqual(FOLPrinter.ascii(f), "all x. (Dog(x) -> Animal(x) & -Cat(x) | x != rex)")
        XCTAssertEqual(FOLPrinter.tptp(f), "![X]: ('Dog'(X) => (('Animal'(X) & ~ 'Cat'(X)) | X != rex))")
        let g = try FOLParser.parse("(∀x P(x)) ∧ Q ⊕ (a ∨ b) → (c → d) → e").formula
        XCTAssertEqual(FOLPrinter.unicode(g), "(∀x P(x)) ∧ Q ⊕ (a ∨ b) → (c → d) → e")
        XCTAssertEqual(FOLPrinter.unicode(.forall("x", .predicate("P", [.constant("x")]))), "∀x P(x())")
        XCTAssertEqual(FOLPrinter.unicode(.and([.and([.truth, .falsity]), .predicate("true", [])])), "(⊤ ∧ ⊥) ∧ true()")
    }

    /// parse(print(f)) == f for random closed formulas in all three syntaxes.
    func testRoundTripProperty() throws {
        let printers: [(String, (Formula) -> String, FOLDialect)] = [
            ("unicode", FOLPrinter.unicode, .standard), ("ascii", FOLPrinter.ascii, .standard),
            ("tptp", FOLPrinter.tptp, .tptp),
        ]
        for seed in UInt64(1)...2000 {
            var gen = RandomFormulas(seed: seed)
            let f = gen.formula(depth: Int(seed % 6))
            for (name, print, dialect) in printers {
                let text = print(f)
                do {
                    let back = try FOLParser.parse(text, options: FOLParseOptions(dialect: dialect)).formula
                    if back != f {
                        XCTFail("seed \(seed) \(name): \(text) parsed back as \(FOLPrinter.unicode(back)) (\(back)) not \(f)")
                        return
                    }
                } catch {
                    XCTFail("seed \(seed) \(name): \(text) failed to parse: \(error)")
                    return
                }
            }
        }
    }
}
