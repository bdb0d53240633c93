import Foundation
import Logic
import XCTest
@testable import Problems

/// From statements to formulas: parse errors at file:line:column, repairs, informal premises.
final class FormalizationTests: XCTestCase {
    override func setUpWithError() throws {
        if DatasetRealDataTests.folParserIsStub { throw XCTSkip("Logic's FOL parser is not implemented yet") }
    }

    func testTheDesignExampleFormalizes() throws {
        let path = TestPaths.fixtures.appendingPathComponent("pass/caffeine.problem").path
        let formal = try ProblemFileReader.read(contentsOfFile: path)[0].formalized()
        XCTAssertEqual(formal.premiseIndices, [0, 2])
        XCTAssertEqual(formal.informalPremises, [1])
        XCTAssertEqual(formal.conclusion, .predicate("IsDependentOn", [.constant("rina"), .constant("caffeine")]))
        XCTAssertEqual(formal.premises[1], .forall("x", .implies(.predicate("Student", [.variable("x")]),
                                                                 .predicate("Person", [.variable("x")]))))
        XCTAssertEqual(formal.repairs, [])
    }

    func testParseErrorsAreReportedAtTheirFilePosition() throws {
        let text = """
        premise: Cats are animals.
            fol: all x. (Cat(x) ->
                 Animal(x) &)
        goal: Animal(tom)
        """
        let problem = try ProblemFileReader.parse(text, file: "cats.problem")[0]
        XCTAssertThrowsError(try problem.formalized()) { error in
            guard case .unparsable(let role, let e) = error as? FormalizationError else { return XCTFail("\(error)") }
            XCTAssertEqual(role, .premise(0))
            XCTAssertEqual(e.file, "cats.problem")
            XCTAssertEqual(e.position.line, 3, "\(e)")
            XCTAssertTrue("\(error)".hasPrefix("cats.problem:3:"), "\(error)")
        }
        let goalOnly = try ProblemFileReader.parse("goal: Animal(tom) -> \n", file: "g.problem")[0]
        XCTAssertThrowsError(try goalOnly.formalized()) { error in
            XCTAssertTrue("\(error)".hasPrefix("g.problem:1:"), "\(error)")
            XCTAssertTrue("\(error)".hasSuffix("(in conclusion)"), "\(error)")
        }
    }

    func testTolerantRepairsAreMappedIntoTheFile() throws {
        let text = "premise: Tom is a cat and black.\n    fol: Cat(tom), Black(tom)\ngoal: Cat(tom)\n"
        let problem = try ProblemFileReader.parse(text, file: "r.problem")[0]
        XCTAssertThrowsError(try problem.formalized(tolerant: false))
        let formal = try problem.formalized(tolerant: true)
        XCTAssertEqual(formal.premises, [.and([.predicate("Cat", [.constant("tom")]), .predicate("Black", [.constant("tom")])])])
        XCTAssertEqual(formal.repairs.count, 1)
        XCTAssertEqual(formal.repairs.first?.role, .premise(0))
        XCTAssertEqual(formal.repairs.first?.position.line, 2)
        XCTAssertEqual(formal.repairs.first?.position.column, 18, "\(formal.repairs)")
    }

    func testConclusionWithoutFormalFormIsAnError() throws {
        let problem = try ProblemFileReader.parse("axiom: Cat(tom)\nconclusion: Tom is a cat.\n", file: "c.problem")[0]
        XCTAssertThrowsError(try problem.formalized()) { error in
            XCTAssertEqual(error as? FormalizationError, .conclusionNotFormal(problem: "c"))
        }
    }

    /// Program problems print as problem files whose formulas parse back to the same formulas.
    func testProgramProblemsPrintAndReadBack() throws {
        for relative in ["logic-lm/outputs/ProofWriter_dev_gpt-4.sample.json", "logic-lm/outputs/ProntoQA_dev_gpt-4.sample.json"] {
            let records = try DatasetReader.read(contentsOfFile: try TestPaths.dataset(relative))
            for case .success(let p) in records {
                let printed = ProblemFilePrinter.print(p)
                let reread = try ProblemFileReader.parse(printed, file: "\(p.id).problem")
                XCTAssertEqual(reread.count, 1)
                XCTAssertEqual(try reread[0].formalized().premises, try p.formalized().premises, p.id)
                XCTAssertEqual(try reread[0].formalized().conclusion, try p.formalized().conclusion, p.id)
                XCTAssertEqual(reread[0].expected, p.expected, p.id)
            }
        }
    }

    /// FOLIO's gold FOL through tolerant parsing: how many problems formalize.
    func testFOLIOGoldFormulas() throws {
        let records = try DatasetReader.read(contentsOfFile: try TestPaths.dataset("folio/folio-validation-dev.jsonl"))
        var ok = 0
        var failures: [String] = []
        var repaired = 0
        for case .success(let p) in records {
            do {
                let f = try p.formalized(tolerant: true)
                ok += 1
                if !f.repairs.isEmpty { repaired += 1 }
            } catch {
                failures.append("\(p.id): \(error)")
            }
        }
        print("FOLIO dev gold FOL: \(ok)/92 formalize in tolerant mode (\(repaired) with repairs)\n" + failures.joined(separator: "\n"))
        XCTAssertGreaterThanOrEqual(ok, 85)
        // Train: no conclusion FOL, so check the premises formula by formula.
        let train = try DatasetReader.read(contentsOfFile: try TestPaths.dataset("folio/folio-train.jsonl"))
        var parsed = 0, failed = 0
        for case .success(let p) in train {
            for s in p.premises where s.formal != nil {
                if (try? s.formula(tolerant: true)) != nil { parsed += 1 } else { failed += 1 }
            }
        }
        print("FOLIO train premise formulas: \(parsed) parse tolerantly, \(failed) fail")
        XCTAssertGreaterThan(parsed, 10 * failed)
    }
}

extension FormalizationTests {
    func testOptionFormulas() throws {
        let problems = try ProblemFileReader.read(contentsOfFile: TestPaths.fixtures.appendingPathComponent("pass/options.problem").path)
        let formulas = try problems[0].optionFormulas()
        XCTAssertEqual(formulas.map { $0?.formula }, [.predicate("Rightmost", [.constant("quail")]), nil, nil])
        let bad = try ProblemFileReader.parse("option: A) x\n    fol: P(\n", file: "o.problem")[0]
        XCTAssertThrowsError(try bad.optionFormulas()) { error in
            XCTAssertTrue("\(error)".hasPrefix("o.problem:2:"), "\(error)")
            XCTAssertTrue("\(error)".hasSuffix("(in option 1)"), "\(error)")
        }
    }
}
