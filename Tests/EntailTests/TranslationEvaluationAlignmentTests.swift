import XCTest
@testable import Entail

/// Story-wide signature alignment: recovery of random bijections, consistency, caps.
final class TranslationEvaluationAlignmentTests: XCTestCase {
    func parse(_ s: String) throws -> Formula { try FOLParser.parse(s).formula }

    /// A random story over unary predicates, binary relations and constants whose premises
    /// are asymmetric (so the only alignment that matches every premise is the true one).
    func randomStory(_ generator: inout SplitMix64) -> [Formula] {
        let unary = ["Dog", "Animal", "Happy", "Student", "Tall", "Green"]
        let binary = ["Likes", "Owns"]
        let constants = ["rex", "tom", "ann", "bob"]
        func u(_ name: String, _ t: Term) -> Formula { .predicate(name, [t]) }
        var out: [Formula] = []
        for _ in 0..<Int.random(in: 3...8, using: &generator) {
            let a = unary.randomElement(using: &generator)!
            let b = unary.filter { $0 != a }.randomElement(using: &generator)!
            let r = binary.randomElement(using: &generator)!
            let c = constants.randomElement(using: &generator)!
            let d = constants.filter { $0 != c }.randomElement(using: &generator)!
            let x = Term.variable("x"), y = Term.variable("y")
            switch Int.random(in: 0..<5, using: &generator) {
            case 0: out.append(.forall("x", .implies(u(a, x), u(b, x))))
            case 1: out.append(u(a, .constant(c)))
            case 2: out.append(.not(u(a, .constant(c))))
            case 3: out.append(.predicate(r, [.constant(c), .constant(d)]))
            default: out.append(.forall("x", .implies(u(a, x), .exists("y", .predicate(r, [x, y])))))
            }
        }
        return out
    }

    func testAlignmentRecoversARandomBijection() {
        let aligner = SignatureAligner(equivalence: FormulaEquivalence(timeout: .seconds(5)))
        for seed in UInt64(1)...25 {
            var generator = SplitMix64(seed: seed)
            let gold = randomStory(&generator)
            // Predicted: the gold under a random renaming to meaningless names.
            var symbols: [EvaluationSymbol] = []
            for f in gold { for s in f.evaluationSymbols where !symbols.contains(s) { symbols.append(s) } }
            var numbers = Array(0..<symbols.count)
            numbers.shuffle(using: &generator)
            var renaming: [EvaluationSymbol: String] = [:]
            for (k, s) in symbols.enumerated() {
                if case .predicate = s.kind { renaming[s] = "Q\(numbers[k])z" } else { renaming[s] = "k\(numbers[k])w" }
            }
            let predicted = gold.map { $0.renamingSymbols(renaming) }
            let alignment = aligner.align(predicted: predicted, gold: gold)
            XCTAssertEqual(alignment.equivalentCount, gold.count, "seed \(seed): \(gold.map(FOLPrinter.ascii))")
            XCTAssertEqual(alignment.exactSyntax, Array(repeating: true, count: gold.count), "seed \(seed)")
            XCTAssertFalse(alignment.capHit, "seed \(seed)")
            for s in symbols {
                let p = EvaluationSymbol(name: renaming[s]!, kind: s.kind)
                XCTAssertEqual(alignment.pairs[p], s, "seed \(seed): \(p)")
            }
        }
    }

    func testANameCannotMapTwoWays() throws {
        // Premise 1 wants A ↦ Dog, premise 2 wants A ↦ Animal: only one can be had.
        let predicted = [try parse("all x. (A(x) -> B(x))"), try parse("A(rex)")]
        let gold = [try parse("∀x (Dog(x) → Animal(x))"), try parse("Animal(rex)")]
        let alignment = SignatureAligner().align(predicted: predicted, gold: gold)
        XCTAssertEqual(alignment.equivalentCount, 1)
        let images = Array(alignment.pairs.values)
        XCTAssertEqual(Set(images).count, images.count, "injective")
        XCTAssertNotNil(alignment.pairs[.predicate("A", arity: 1)])
        // The renamed formulas use one name for A throughout.
        let a = alignment.renaming[.predicate("A", arity: 1)]!
        XCTAssertTrue(FOLPrinter.ascii(alignment.aligned[1]!).contains(a))
        XCTAssertTrue(FOLPrinter.ascii(alignment.aligned[0]!).contains(a))
    }

    func testUnmatchedNamesStayDistinct() throws {
        // Dog is not in the gold; it must not become Cat just to collide with it.
        let predicted = [try parse("all x. (Dog(x) -> Pet(x))"), try parse("Bird(tweety)")]
        let gold = [try parse("all x. (Cat(x) -> Pet(x))"), try parse("Cat(tweety) & Bird(tweety)")]
        let alignment = SignatureAligner().align(predicted: predicted, gold: gold)
        XCTAssertEqual(alignment.outcomes[0], .equivalent)
        XCTAssertEqual(alignment.outcomes[1], .different)
        let bird = alignment.renaming[.predicate("Bird", arity: 1)]!
        XCTAssertEqual(bird, "Bird")
        XCTAssertEqual(alignment.renaming[.predicate("Dog", arity: 1)], "Cat")
        let noGold = SignatureAligner().align(predicted: [try parse("Dog(rex)")], gold: [try parse("Cat(tom) & Cat(ann)")])
        XCTAssertEqual(noGold.outcomes[0], .different)
        XCTAssertFalse(["Cat", "tom", "ann"].contains(noGold.renaming[.predicate("Dog", arity: 1)]!))
    }

    func testMissingSidesAndArityMismatchDoNotAlign() throws {
        let predicted: [Formula?] = [nil, try parse("Likes(rex)"), try parse("Happy(tom)")]
        let gold: [Formula?] = [try parse("Dog(rex)"), try parse("Likes(rex, tom)"), nil]
        let alignment = SignatureAligner().align(predicted: predicted, gold: gold)
        XCTAssertEqual(alignment.outcomes[0], nil)
        XCTAssertEqual(alignment.outcomes[1], .different)
        XCTAssertEqual(alignment.outcomes[2], nil)
        XCTAssertNil(alignment.pairs[.predicate("Likes", arity: 1)])
    }

    func testTheCheckCapIsReported() {
        var generator = SplitMix64(seed: 99)
        let gold = randomStory(&generator) + randomStory(&generator)
        let predicted = gold.map { $0.renamingSymbols([.predicate("Dog", arity: 1): "Zz", .predicate("Animal", arity: 1): "Yy"]) }
            .reversed().map { Optional($0) }
        let alignment = SignatureAligner(maxChecks: 2).align(predicted: Array(predicted), gold: gold.map { Optional($0) })
        XCTAssertTrue(alignment.capHit)
        XCTAssertLessThanOrEqual(alignment.checks, 2 + gold.count)
    }

    func testTheTimeBudgetIsReported() throws {
        let predicted = [try parse("all x. (A(x) -> B(x))")]
        let gold = [try parse("all x. (Dog(x) -> Animal(x))")]
        let alignment = SignatureAligner(maxDuration: .zero).align(predicted: predicted, gold: gold)
        XCTAssertTrue(alignment.capHit)
        XCTAssertEqual(SignatureAligner().align(predicted: predicted, gold: gold).equivalentCount, 1)
    }
}
