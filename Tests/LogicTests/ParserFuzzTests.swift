import Foundation
import XCTest
@testable import Logic

/// Seeded random mutations of valid and real inputs: the parsers must never trap,
/// every error must carry a position inside the text, and whatever they accept must
/// print and parse back to itself.
final class ParserFuzzTests: XCTestCase {
    static let corpus = [
        "∀x (Drinks(x) → Dependent(x))", "∀x (Drinks(x) ⊕ Jokes(x))",
        "(Student(rina) ∧ Unaware(rina)) ⊕ ¬(Student(rina) ∨ Unaware(rina))",
        "¬(Dependent(rina) ∧ Student(rina)) → (Dependent(rina) ∧ Student(rina)) ⊕ ¬(Dependent(rina) ∨ Student(rina))",
        "all x y. (R(x, f(y)) -> x = y | x != g(a, b))", "exists y. -R(y) <-> true",
        "∃x (Country(x) Nearby(medeempire, x))", "Grade(a+) ∨ Grade(b+)", "Library(l-2021) ⊕ TypeC(l-2021) .",
        "![X,Y]: (p(X) => (q(Y) <~> ~ r(X, Y)))", "?[X]: (X = a & $true)",
    ]
    static let alphabet: [Character] = Array("()(),.. ∀∃¬∧∨→↔⊕≠=!&|-~<>^'’+$%[]:?xyPQa01 \n\t⟷⊤⊥é😀\u{0}")

    func checkError(_ e: Error, in text: String, seed: UInt64) {
        guard let err = e as? FOLParseError else { return XCTFail("seed \(seed): untyped error \(e)") }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        XCTAssertTrue(err.position.line >= 1 && err.position.line <= lines + 1 && err.position.column >= 1,
                      "seed \(seed): bad position \(err) for \(text.debugDescription)")
    }

    func testMutations() {
        var rng = SplitMix64(seed: 20261122)
        let iterations = ProcessInfo.processInfo.environment["ENTAIL_LONG_TESTS"] == "1" ? 20000 : 600
        for iteration in 0..<iterations {
            let seed = UInt64(iteration)
            var chars = Array(Self.corpus[Int.random(in: 0..<Self.corpus.count, using: &rng)])
            for _ in 0..<Int.random(in: 1...6, using: &rng) {
                let r = Int.random(in: 0..<10, using: &rng)
                let at = Int.random(in: 0...chars.count, using: &rng)
                let c = Self.alphabet[Int.random(in: 0..<Self.alphabet.count, using: &rng)]
                if r < 4 { chars.insert(c, at: at) }
                else if r < 7, !chars.isEmpty { chars.remove(at: min(at, chars.count - 1)) }
                else if r < 9, !chars.isEmpty { chars[min(at, chars.count - 1)] = c }
                else {
                    let k = Int.random(in: 1...1500, using: &rng)
                    let unit = ["(", "¬", "∀x ", "f(", ")"][Int.random(in: 0..<5, using: &rng)]
                    chars.insert(contentsOf: Array(String(repeating: unit, count: k)), at: at)
                }
            }
            let text = String(chars)
            for options in [FOLParseOptions(), FOLParseOptions(tolerant: true), FOLParseOptions(dialect: .tptp)] {
                do {
                    let parsed = try FOLParser.parse(text, options: options)
                    let printed = options.dialect == .tptp ? FOLPrinter.tptp(parsed.formula) : FOLPrinter.unicode(parsed.formula)
                    let back = try FOLParser.parse(printed, options: FOLParseOptions(dialect: options.dialect)).formula
                    XCTAssertEqual(back, parsed.formula, "iteration \(iteration): \(text.debugDescription) printed as \(printed)")
                } catch {
                    checkError(error, in: text, seed: seed)
                }
            }
            do { _ = try TPTPParser.parseFile("fof(a, axiom, " + text + ").") } catch { checkError(error, in: text, seed: seed) }
        }
    }
}
