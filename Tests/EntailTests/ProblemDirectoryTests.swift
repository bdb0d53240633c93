import Foundation
import XCTest
@testable import Entail

/// Every problem in problems/ carries an `expect:` line, and Entail must meet it with the
/// provers cross-checked.
final class ProblemDirectoryTests: XCTestCase {
    func testEveryProblemMeetsItsExpectation() throws {
        let dir = TestPaths.packageRoot.appendingPathComponent("problems")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".problem") }.sorted()
        XCTAssertGreaterThanOrEqual(files.count, 10)
        let reasoner = Reasoner(prover: .both, timeout: .seconds(20))
        var verdicts: Set<Verdict> = []
        for file in files {
            let problems = try ProblemFileReader.read(contentsOfFile: dir.appendingPathComponent(file).path)
            for problem in problems {
                XCTAssertNotNil(problem.expected, "\(file) has no expect: line")
                let solution = reasoner.solve(problem)
                XCTAssertEqual(solution.verdict, problem.expected, "\(file): \(solution.humanReadable())")
                XCTAssertNotNil(solution.certificate, "\(file): no certificate")
                XCTAssertFalse(solution.notes.contains { $0.hasPrefix("provers disagree") }, "\(file)")
                verdicts.insert(solution.verdict)
            }
        }
        // The curated set exercises every definite verdict.
        XCTAssertEqual(verdicts, [.true, .false, .unknown, .inconsistent])
    }

    func testCertificatesNameTheRightPremises() throws {
        let text = """
            name: cert
            premise: Bob is big.
                fol: Big(bob)
            premise: Alice is small.
                fol: Small(alice)
            premise: Big things are red.
                fol: all x. (Big(x) -> Red(x))
            conclusion: Bob is red.
                fol: Red(bob)
            expect: true
            """
        let problem = try XCTUnwrap(ProblemFileReader.parse(text, file: "cert.problem").first)
        for prover in [ProverChoice.z3, .native] {
            let s = Reasoner(prover: prover).solve(problem)
            XCTAssertEqual(s.verdict, .true)
            switch s.certificate {
            case .core(let premises)?, .proof(let premises, _)?:
                XCTAssertEqual(premises, [0, 2], "\(prover)")
            default:
                XCTFail("\(prover): unexpected certificate \(String(describing: s.certificate))")
            }
        }
    }

    func testUnknownComesWithCountermodels() throws {
        let problem = try XCTUnwrap(ProblemFileReader.parse("""
            axiom: all x. (Cat(x) -> Animal(x))
            axiom: Animal(tom)
            goal: Cat(tom)
            """, file: "u.problem").first)
        let s = Reasoner(prover: .z3).solve(problem)
        XCTAssertEqual(s.verdict, .unknown)
        guard case .countermodels(let against?, let holding?)? = s.certificate else {
            return XCTFail("expected both countermodels, got \(String(describing: s.certificate))")
        }
        XCTAssertTrue(against.contains("Animal("), against)
        XCTAssertFalse(against.contains("Cat("), against)
        XCTAssertTrue(holding.contains("Cat("), holding)
    }

    func testEnglishIsTranslatedUnderTheFormalPremisesSignature() throws {
        let problem = try XCTUnwrap(ProblemFileReader.parse("""
            premise: All cats are animals.
                fol: all x. (Cat(x) -> Animal(x))
            premise: Tom is a cat.
            conclusion: Tom is not an animal.
            expect: false
            """, file: "nl.problem").first)
        let s = Reasoner().solve(problem)
        XCTAssertEqual(s.verdict, .false, s.humanReadable())
        XCTAssertEqual(s.translations.map(\.statement), ["premise 2", "conclusion"])
        XCTAssertEqual(s.translations.map(\.parser), ["controlled", "controlled"])
        XCTAssertEqual(s.translations.map(\.formula), ["Cat(tom)", "-Animal(tom)"])
    }

    func testEnglishNoParserUnderstandsIsAnErrorNotAGuess() throws {
        let problem = try XCTUnwrap(ProblemFileReader.parse("""
            premise: Most dogs bark.
            conclusion: Rex barks.
                fol: Barks(rex)
            """, file: "nl.problem").first)
        let s = Reasoner().solve(problem)
        XCTAssertEqual(s.verdict, .error)
        guard case .error(let message)? = s.certificate else { return XCTFail() }
        XCTAssertTrue(message.contains("premise 1"), message)
        XCTAssertEqual(Reasoner(parser: .model).solve(problem).verdict, .error)
    }

    func testOneNameWithTwoAritiesIsAnErrorNamingBothUsesOrARepair() throws {
        let problem = try XCTUnwrap(ProblemFileReader.parse("""
            axiom: Owns(bob, car)
            axiom: all x. (Owns(x) -> Rich(x))
            goal: Rich(bob)
            """, file: "arity.problem").first)
        let strict = Reasoner().solve(problem)
        XCTAssertEqual(strict.verdict, .error)
        guard case .error(let message)? = strict.certificate else { return XCTFail() }
        XCTAssertTrue(message.contains("'Owns'") && message.contains("premise 1") && message.contains("premise 2"), message)
        let tolerant = Reasoner(tolerant: true).solve(problem)
        XCTAssertEqual(tolerant.verdict, .unknown, tolerant.humanReadable())
        XCTAssertTrue(tolerant.repairs.contains { $0.contains("premise 2") && $0.contains("Owns") }, "\(tolerant.repairs)")
    }

    func testParseErrorsArePositioned() throws {
        let problem = try XCTUnwrap(ProblemFileReader.parse("""
            axiom: all x. (P(x) -> )
            goal: P(a)
            """, file: "bad.problem").first)
        let s = Reasoner().solve(problem)
        XCTAssertEqual(s.verdict, .error)
        guard case .error(let message)? = s.certificate else { return XCTFail() }
        XCTAssertTrue(message.contains("bad.problem:1:"), message)
    }
}
