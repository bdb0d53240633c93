import XCTest
@testable import Entail

/// Z3 equivalence as the translation evaluation uses it.
final class TranslationEvaluationEquivalenceTests: XCTestCase {
    func parse(_ s: String) throws -> Formula { try FOLParser.parse(s).formula }

    func testContrapositiveIsEquivalentConverseIsNot() throws {
        let check = FormulaEquivalence(timeout: .seconds(5))
        let rule = try parse("all x. (A(x) -> B(x))")
        XCTAssertEqual(check.compare(rule, try parse("all y. (-B(y) -> -A(y))")), .equivalent)
        XCTAssertEqual(check.compare(rule, try parse("all x. (B(x) -> A(x))")), .different)
        XCTAssertEqual(check.compare(rule, try parse("all x. (-A(x) | B(x))")), .equivalent)
        XCTAssertEqual(check.compare(try parse("A(rex) ⊕ B(rex)"), try parse("(A(rex) | B(rex)) & -(A(rex) & B(rex))")), .equivalent)
        XCTAssertEqual(check.compare(try parse("exists x. (A(x) & B(x))"), try parse("all x. (A(x) & B(x))")), .different)
    }

    func testFreeVariablesAreUniversallyClosed() throws {
        let check = FormulaEquivalence()
        // Closed separately: a free x on one side and a bound y on the other are the same.
        let x = Term.variable("x")
        let open = Formula.implies(.predicate("A", [x]), .predicate("B", [x]))
        XCTAssertEqual(check.compare(open, try parse("all y. (A(y) -> B(y))")), .equivalent)
        XCTAssertEqual(check.compare(open, try parse("exists y. (A(y) -> B(y))")), .different)
        XCTAssertEqual(Formula.predicate("A", [x]).universalClosure, try parse("all x. A(x)"))
    }

    func testAlphaNormalFormIgnoresBoundNamesOnly() throws {
        let a = try parse("all x. exists y. R(x, y)"), b = try parse("all u. exists v. R(u, v)")
        XCTAssertEqual(a.alphaNormalized, b.alphaNormalized)
        XCTAssertNotEqual(a.alphaNormalized, try parse("all u. exists v. R(v, u)").alphaNormalized)
    }

    func testRenamingTouchesSymbolsNotVariables() throws {
        let f = try parse("all x. (Dog(x) -> Likes(x, rex))")
        let renamed = f.renamingSymbols([.predicate("Dog", arity: 1): "P1", .constant("rex"): "c1",
                                         .predicate("Likes", arity: 1): "Wrong"])
        XCTAssertEqual(FOLPrinter.ascii(renamed), FOLPrinter.ascii(try parse("all x. (P1(x) -> Likes(x, c1))")))
    }

    func testVoteChoosesTheLargestEquivalenceClass() throws {
        let c = { (s: String, lp: Double) in CandidateTranslation(formula: try self.parse(s), text: s, logProbability: lp) }
        let candidates = [try c("all x. (A(x) -> B(x))", -1), try c("all x. (B(x) -> A(x))", -2),
                          try c("all x. (-B(x) -> -A(x))", -3), try c("all y. (B(y) -> A(y))", -0.5),
                          try c("all x. (-A(x) -> -B(x))", -4)]
        let vote = SampleVote(candidates: candidates, equivalence: FormulaEquivalence())
        XCTAssertEqual(vote.classes, [[0, 2], [1, 3, 4]])
        XCTAssertEqual(vote.chosen, 3) // the likeliest of the largest class
        // A tie goes to the class with the likelier best member.
        let tie = SampleVote(candidates: Array(candidates.prefix(3)) + [try c("all x. (B(x) -> A(x))", -0.1)],
                             equivalence: FormulaEquivalence())
        XCTAssertEqual(tie.chosen, 3)
        let tie2 = SampleVote(candidates: Array(candidates.prefix(3)) + [try c("all x. (B(x) -> A(x))", -5)],
                              equivalence: FormulaEquivalence())
        XCTAssertEqual(tie2.chosen, 0)
    }

    func testVoteCountsRepeatedSamples() throws {
        // One text drawn five times outvotes two equivalent texts drawn once each.
        let repeated = CandidateTranslation(formula: try parse("all x. (A(x) -> B(x))"), text: "all x. (A(x) -> B(x))",
                                            logProbability: -3, occurrences: 5)
        let others = [CandidateTranslation(formula: try parse("all x. (B(x) -> A(x))"), text: "all x. (B(x) -> A(x))", logProbability: -1),
                      CandidateTranslation(formula: try parse("all y. (B(y) -> A(y))"), text: "all y. (B(y) -> A(y))", logProbability: -2)]
        let vote = SampleVote(candidates: others + [repeated], equivalence: FormulaEquivalence())
        XCTAssertEqual(vote.classes, [[0, 1], [2]])
        XCTAssertEqual(vote.chosen, 2)
        XCTAssertEqual(vote.votes, 5)
        // Counted once each, the pair would win.
        var once = repeated
        once.occurrences = 1
        let unweighted = SampleVote(candidates: others + [once], equivalence: FormulaEquivalence())
        XCTAssertEqual(unweighted.chosen, 0)
        XCTAssertEqual(unweighted.votes, 2)
    }

    func testNameSimilarity() {
        XCTAssertEqual(NameSimilarity.score("Dog", "Dog"), 1)
        XCTAssertGreaterThan(NameSimilarity.score("Meeting", "Meetings"), 0.8)
        XCTAssertGreaterThan(NameSimilarity.score("LunchInCompany", "HasLunchInCompany"), NameSimilarity.score("LunchInCompany", "WorkRemotely"))
        XCTAssertEqual(NameSimilarity.score("Q17", "Dog"), 0)
        XCTAssertTrue(NameSimilarity.namesAgree("LunchInCompany", "HasLunch"))
        XCTAssertTrue(NameSimilarity.namesAgree("Meeting", "Meetings"))
        XCTAssertFalse(NameSimilarity.namesAgree("Employee", "LunchInCompany"))
    }
}
