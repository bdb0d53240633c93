import Foundation
import XCTest
@testable import Entail

/// FOLIO validation (dev half) from its gold FOL: every problem gets its label except the
/// listed annotation defects, which get exactly the verdict the gold FOL gives.
final class FOLIOGoldTests: XCTestCase {
    struct KnownMiss { let verdict: Verdict; let label: Verdict; let reason: String }

    func knownMisses() throws -> [String: KnownMiss] {
        let text = try String(contentsOf: TestPaths.fixtures.appendingPathComponent("folio-dev-known-misses.txt"), encoding: .utf8)
        var out: [String: KnownMiss] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let f = line.split(separator: "\t").map(String.init)
            guard f.count == 4, let v = Verdict(rawValue: f[1]), let l = Verdict(rawValue: f[2]) else {
                throw XCTSkip("bad fixture line: \(line)")
            }
            out[f[0]] = KnownMiss(verdict: v, label: l, reason: f[3])
        }
        return out
    }

    func testGoldFOLGivesTheLabelsExceptAnnotationDefects() throws {
        guard let path = TestPaths.dataset("folio/folio-validation-dev.jsonl") else {
            throw XCTSkip("../shared/datasets is absent")
        }
        let misses = try knownMisses()
        let records = try DatasetReader.read(contentsOfFile: path, format: .folio)
        XCTAssertEqual(records.count, 92)
        let reasoner = Reasoner(prover: .z3, timeout: .seconds(20), tolerant: true, formalOnly: true)
        var correct = 0
        var ambiguous: [String] = []
        for record in records {
            let problem = try record.get()
            let s = reasoner.solve(problem)
            if s.ambiguous { ambiguous.append(problem.id) }
            if let miss = misses[problem.id] {
                XCTAssertEqual(problem.expected, miss.label, problem.id)
                XCTAssertEqual(s.verdict, miss.verdict, "\(problem.id): \(miss.reason)")
            } else {
                XCTAssertEqual(s.verdict, problem.expected, "\(problem.id): \(s.humanReadable())")
            }
            if s.verdict == problem.expected { correct += 1 }
        }
        XCTAssertEqual(correct, 92 - misses.count)
        // The Picuris Mountains story mixes ∧ and ∨ without parentheses: reported, not resolved.
        XCTAssertEqual(ambiguous, ["folio-dev-56", "folio-dev-57", "folio-dev-58"])
    }
}
