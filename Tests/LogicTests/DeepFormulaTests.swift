import XCTest
@testable import Logic

/// Every algorithm must handle formulas as deep as the parser allows (FOLParser.maxDepth)
/// without exhausting the stack, in debug builds on the main thread.
final class DeepFormulaTests: XCTestCase {
    func testAlgorithmsAtMaxDepth() throws {
        let n = FOLParser.maxDepth - 2
        let texts = [
            String(repeating: "¬", count: n) + "a",
            String(repeating: "∀x ", count: n) + "P(x)",
            String(repeating: "∃x ∀y ", count: n / 2) + "R(x, y)",
            Array(repeating: "a", count: n).joined(separator: " → "),
            Array(repeating: "b", count: n).joined(separator: " ⊕ "),
            Array(repeating: "c", count: n / 2).joined(separator: " ↔ "),
            "P(" + String(repeating: "f(", count: n - 3) + "a" + String(repeating: ")", count: n - 2),
            String(repeating: "(a ∧ (b ∨ ", count: n / 2) + "c" + String(repeating: "))", count: n / 2),
        ]
        for text in texts {
            let f = try FOLParser.parse(text).formula
            XCTAssertEqual(try FOLParser.parse(FOLPrinter.unicode(f)).formula, f)
            XCTAssertEqual(try FOLParser.parse(FOLPrinter.ascii(f)).formula, f)
            XCTAssertEqual(try FOLParser.parse(FOLPrinter.tptp(f), options: FOLParseOptions(dialect: .tptp)).formula, f)
            _ = f.substituting(["x": .constant("k")])
            _ = try Signature.infer(from: [f])
            _ = ArityRepair.repairing([f])
            if !f.containsEquivalence {  // NNF expands ↔/⊕ exponentially (documented)
                _ = f.negationNormalForm
                var s = Skolemizer()
                _ = s.skolemize(f)
            }
            _ = ClausalForm.clauses(of: [f])
        }
    }
}
