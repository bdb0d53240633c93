import XCTest
@testable import Logic

final class PrecedenceCheckTests: XCTestCase {
    func testMixesOfAndAndOrWithoutParenthesesAreFound() {
        let mixed = [
            "A ∧ B ∨ C",
            "MountainRange(p) ∧ In(p, nm) ∨ In(p, tx)",
            "P(a) | Q(a) & R(a)",
            "all x. (P(x) & Q(x) | R(x))",
            "A ∧ B ⊕ C",
        ]
        for text in mixed {
            XCTAssertEqual(FOLParser.unparenthesizedAndOrMixes(text).count, 1, text)
        }
        let clear = [
            "(A ∧ B) ∨ C",
            "A ∧ (B ∨ C)",
            "A ∧ B → C ∨ D",
            "all x. (P(x) & Q(x) -> R(x) | S(x))",
            "R(f(a, b)) ∨ S(c, d)",
            "A ∨ B ∨ C",
        ]
        for text in clear {
            XCTAssertEqual(FOLParser.unparenthesizedAndOrMixes(text), [], text)
        }
        XCTAssertEqual(FOLParser.unparenthesizedAndOrMixes("P(a) ∧ Q(a) ∨ R(a)"), [SourcePosition(line: 1, column: 13)])
    }
}
