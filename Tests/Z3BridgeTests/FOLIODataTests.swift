import Foundation
import Logic
import XCTest
@testable import Z3Bridge

/// The bridge on FOLIO's gold FOL (validation, development half), parsed tolerantly.
final class Z3FOLIOTests: XCTestCase {
    struct Labelled { var problem: Z3BenchProblem; var expected: Verdict }

    /// FOLIO validation problems whose premises and conclusion all parse; nil when the data
    /// set is absent.
    static func folioValidation() throws -> (problems: [Labelled], unparsed: Int)? {
        let file = Z3BenchTests.packageRoot.appendingPathComponent("../shared/datasets/folio/folio-validation-dev.jsonl")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return nil }
        var problems: [Labelled] = []
        var unparsed = 0
        let options = FOLParseOptions(dialect: .standard, tolerant: true)
        for (number, line) in text.split(separator: "\n").enumerated() {
            guard let record = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let premiseTexts = record["premises-FOL"] as? [String],
                  let conclusionText = record["conclusion-FOL"] as? String,
                  let label = record["label"] as? String else { unparsed += 1; continue }
            let expected: Verdict = label == "True" ? .true : label == "False" ? .false : .unknown
            do {
                let premises = try premiseTexts.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
                    .map { try FOLParser.parse($0, options: options).formula }
                let conclusion = try FOLParser.parse(conclusionText, options: options).formula
                problems.append(Labelled(problem: Z3BenchProblem(name: "folio-dev-\(number + 1)", premises: premises,
                                                                 conclusion: conclusion), expected: expected))
            } catch {
                unparsed += 1
            }
        }
        return (problems, unparsed)
    }

    func testGoldFOLVerdicts() throws {
        guard let (problems, unparsed) = try Self.folioValidation() else { throw XCTSkip("FOLIO data absent") }
        let z3 = Z3Entailment(timeout: .seconds(10))
        var correct = 0
        var wrong: [String] = []
        for labelled in problems {
            let decision = try z3.decide(premises: labelled.problem.premises, conclusion: labelled.problem.conclusion)
            XCTAssertTrue(decision.verdict.isDecided, "\(labelled.problem.name): \(decision.verdict) \(decision.reasonUnknown ?? "")")
            if decision.verdict == labelled.expected { correct += 1 }
            else { wrong.append("\(labelled.problem.name): \(decision.verdict) (expected \(labelled.expected))") }
            // A certificate for every decided answer.
            if decision.verdict == .true || decision.verdict == .false || decision.verdict == .inconsistent {
                XCTAssertFalse(decision.unsatCore.isEmpty && decision.verdict == .inconsistent, labelled.problem.name)
            }
            if decision.verdict == .unknown {
                XCTAssertNotNil(decision.countermodel, labelled.problem.name)
                XCTAssertNotNil(decision.modelOfConclusion, labelled.problem.name)
            }
        }
        print("FOLIO validation-dev: \(correct)/\(problems.count) correct, \(unparsed) unparsed; wrong:\n  "
              + wrong.joined(separator: "\n  "))
        XCTAssertGreaterThanOrEqual(problems.count, 85)
        XCTAssertGreaterThanOrEqual(Double(correct) / Double(problems.count), 0.9)
    }

    /// `ENTAIL_BENCH=1 swift test -c release --filter Z3FOLIOTests` prints the bench table.
    func testBenchAgainstZ3Py() throws {
        guard ProcessInfo.processInfo.environment["ENTAIL_BENCH"] == "1" else { throw XCTSkip("set ENTAIL_BENCH=1") }
        guard let (problems, _) = try Self.folioValidation() else { throw XCTSkip("FOLIO data absent") }
        let script = Z3BenchTests.pythonHasZ3() ? Z3BenchTests.script : nil
        let report = try Z3Bench.run(problems: problems.map(\.problem), timeout: .seconds(10), repetitions: 5,
                                     pythonScript: script)
        print(report.table)
        XCTAssertEqual(report.disagreements.map(\.name), [])
    }
}
