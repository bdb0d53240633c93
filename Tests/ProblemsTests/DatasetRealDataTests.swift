import Foundation
import Logic
import XCTest
@testable import Problems

/// Every record of every file in ../shared/datasets (skipped when absent).
final class DatasetRealDataTests: XCTestCase {
    /// Each file is read once per test run.
    nonisolated(unsafe) private static var cache: [String: (problems: [Problem], errors: [RecordError])] = [:]

    private func read(_ relative: String, _ format: DatasetFormat = .auto) throws -> (problems: [Problem], errors: [RecordError]) {
        if let cached = Self.cache[relative] { return cached }
        let path = try TestPaths.dataset(relative)
        let records = try DatasetReader.read(contentsOfFile: path, format: format)
        var problems: [Problem] = []
        var errors: [RecordError] = []
        for r in records {
            switch r {
            case .success(let p): problems.append(p)
            case .failure(let e): errors.append(e)
            }
        }
        Self.cache[relative] = (problems, errors)
        return (problems, errors)
    }

    /// True when Logic's FOL parser is still the stub that throws "not implemented".
    static var folParserIsStub: Bool {
        if case .some = try? FOLParser.parse("P(a)") { return false }
        do { _ = try FOLParser.parse("P(a)") } catch { return "\(error)".contains("not implemented") }
        return false
    }

    func testFormatsAreDetected() throws {
        let expected: [(String, DatasetFormat)] = [
            ("folio/folio-train.jsonl", .folio), ("folio/folio-validation-dev.jsonl", .folio),
            ("logic-lm/ProofWriter/train.json", .logiclm), ("logic-lm/ProntoQA/dev-sample.json", .logiclm),
            ("logic-lm/FOLIO/train.json", .logiclm), ("logic-lm/LogicalDeduction/train.json", .logiclm),
            ("logic-lm/AR-LSAT/train.json", .logiclm),
            ("logic-lm/outputs/ProofWriter_dev_gpt-4.sample.json", .logiclmPrograms),
            ("logic-lm/outputs/ProntoQA_dev_gpt-4.sample.json", .logiclmPrograms),
            ("logic-lm/outputs/FOLIO_dev_gpt-4.sample.json", .logiclmPrograms),
        ]
        for (relative, format) in expected {
            let path = try TestPaths.dataset(relative)
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            XCTAssertEqual(DatasetFormat.detect(bytes), format, relative)
        }
    }

    func testFOLIOTrain() throws {
        let (problems, errors) = try read("folio/folio-train.jsonl")
        XCTAssertEqual(problems.count, 1004)
        XCTAssertEqual(errors, [])
        XCTAssertEqual(problems[0].id, "folio-train-1")
        XCTAssertEqual(problems[0].premises.count, 5)
        XCTAssertEqual(problems[0].premises[0].formal?.source, "∀x (Drinks(x) → Dependent(x))")
        XCTAssertEqual(problems[0].expected, .true)
        XCTAssertNil(problems[0].conclusion?.formal, "the train split has no conclusion FOL")
        let labels = Dictionary(grouping: problems, by: { $0.expected })
        XCTAssertEqual(labels.keys.count, 3)
        // The README: 6 premise formulas are empty.
        let empty = problems.flatMap(\.notes).filter { $0.contains("empty formula") }
        XCTAssertEqual(empty.count, 6, "\(empty)")
    }

    func testFOLIOValidationDev() throws {
        let (problems, errors) = try read("folio/folio-validation-dev.jsonl")
        XCTAssertEqual(problems.count, 92)
        XCTAssertEqual(errors, [])
        XCTAssertEqual(problems[0].id, "folio-dev-1")
        XCTAssertEqual(problems[0].expected, .unknown)
        XCTAssertEqual(problems[0].conclusion?.formal?.source, "LunchInCompany(james)")
        XCTAssertTrue(problems.allSatisfy { $0.conclusion?.formal != nil })
        let mismatched = problems.filter { $0.notes.contains { $0.contains("paired by position") } }
        // Measured: 4 in this development half (the README's 10 are over the whole validation split).
        XCTAssertEqual(mismatched.count, 4)
        XCTAssertEqual(Set(problems.compactMap(\.expected)), [.true, .false, .unknown])
    }

    func testLogicLMDatasets() throws {
        let counts: [(String, Int, Set<Verdict>)] = [
            ("logic-lm/ProofWriter/train.json", 3000, [.true, .false, .unknown]),
            ("logic-lm/ProntoQA/dev-sample.json", 100, [.true, .false]),
            ("logic-lm/FOLIO/train.json", 1004, [.true, .false, .unknown]),
        ]
        for (relative, count, verdicts) in counts {
            let (problems, errors) = try read(relative)
            XCTAssertEqual(problems.count, count, relative)
            XCTAssertEqual(errors, [], relative)
            XCTAssertEqual(Set(problems.compactMap(\.expected)), verdicts, relative)
            XCTAssertTrue(problems.allSatisfy { $0.expected != nil && $0.conclusion?.text != nil && !$0.premises.isEmpty }, relative)
        }
        let (proofwriter, _) = try read("logic-lm/ProofWriter/train.json")
        let first = proofwriter[0]
        XCTAssertEqual(first.id, "ProofWriter_RelNoneg-OWA-D5-84_Q10")
        XCTAssertEqual(first.premises.count, 19)
        XCTAssertEqual(first.premises[0].text, "The cow is blue.")
        XCTAssertEqual(first.premises.last?.text, "If the cow is cold and the cow visits the lion then the lion sees the squirrel.")
        XCTAssertEqual(first.conclusion?.text, "The tiger is not young.")
        XCTAssertEqual(first.expected, .false)
    }

    func testMultipleChoiceDatasets() throws {
        for (relative, count) in [("logic-lm/LogicalDeduction/train.json", 1200), ("logic-lm/AR-LSAT/train.json", 1585)] {
            let (problems, errors) = try read(relative)
            XCTAssertEqual(problems.count + errors.count, count, relative)
            XCTAssertEqual(errors, [], relative)
            XCTAssertTrue(problems.allSatisfy { !$0.options.isEmpty && $0.expectedOption != nil && $0.expected == nil }, relative)
        }
    }

    /// Every ProofWriter and PrOntoQA program converts, with the facts, rules and query built.
    func testProofWriterAndPrOntoQAProgramsAllConvert() throws {
        for (relative, count) in [("logic-lm/outputs/ProofWriter_dev_gpt-4.sample.json", 50),
                                  ("logic-lm/outputs/ProntoQA_dev_gpt-4.sample.json", 50)] {
            let (problems, errors) = try read(relative)
            XCTAssertEqual(errors, [], relative)
            XCTAssertEqual(problems.count, count, relative)
            for p in problems {
                let formal = try p.formalized()
                XCTAssertEqual(formal.informalPremises, [], p.id)
                XCTAssertTrue(formal.conclusion.isClosed && formal.premises.allSatisfy(\.isClosed), p.id)
                XCTAssertNotNil(p.expected, p.id)
                XCTAssertNotNil(p.conclusion?.text, p.id)
            }
        }
        let (pw, _) = try read("logic-lm/outputs/ProofWriter_dev_gpt-4.sample.json")
        let p = pw[0]
        XCTAssertEqual(p.id, "ProofWriter_AttNoneg-OWA-D5-1041_Q1")
        XCTAssertEqual(p.premises.count, 12 + 8)
        XCTAssertEqual(p.premises[0].text, "Bob is cold.")
        let formal = try p.formalized()
        XCTAssertEqual(formal.premises[0], .predicate("Cold", [.constant("bob")]))
        XCTAssertEqual(formal.premises[12], .forall("x", .implies(
            .and([.predicate("Quiet", [.variable("x")]), .predicate("Cold", [.variable("x")])]),
            .predicate("Smart", [.variable("x")]))))
        XCTAssertEqual(formal.conclusion, .predicate("Kind", [.constant("charlie")]))
        XCTAssertEqual(p.expected, .true)
        let (pronto, _) = try read("logic-lm/outputs/ProntoQA_dev_gpt-4.sample.json")
        XCTAssertEqual(try pronto[0].formalized().conclusion, .not(.predicate("Sour", [.constant("max")])))
        XCTAssertEqual(pronto[0].conclusion?.text, "Max is sour.")
        XCTAssertEqual(pronto[0].expected, .false)
    }

    /// FOLIO programs are parsed with the FOL parser in tolerant mode: count how many convert.
    func testFOLIOPrograms() throws {
        let (problems, errors) = try read("logic-lm/outputs/FOLIO_dev_gpt-4.sample.json")
        XCTAssertEqual(problems.count + errors.count, 92)
        if Self.folParserIsStub { throw XCTSkip("Logic's FOL parser is not implemented yet") }
        print("FOLIO programs: \(problems.count) of 92 convert; failures:\n" + errors.map(\.description).joined(separator: "\n"))
        // Measured: 82; the 10 others are real syntax errors in GPT-4's output (∈, >, ..., a quantifier as an argument).
        XCTAssertGreaterThanOrEqual(problems.count, 82)
        for e in errors { XCTAssertTrue(e.message.contains("program:"), "\(e)") }
    }
}
