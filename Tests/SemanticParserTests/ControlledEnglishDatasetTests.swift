import Foundation
import Logic
import XCTest
@testable import SemanticParser

/// Coverage of the controlled-English parser on the real datasets in
/// `../shared/datasets/logic-lm` (skipped when they are absent).
final class ControlledEnglishDatasetTests: XCTestCase {
    struct Problem: Decodable {
        var id: String
        var context: String
        var question: String
        var answer: String
    }

    static func datasetURL(_ relative: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("../shared/datasets/logic-lm/\(relative)")
            .standardizedFileURL
    }

    static func load(_ relative: String) throws -> [Problem] {
        let url = datasetURL(relative)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw XCTSkip("dataset absent: \(url.path)")
        }
        return try JSONDecoder().decode([Problem].self, from: Data(contentsOf: url))
    }

    struct Coverage {
        var sentences = 0
        var understood = 0
        var problems = 0
        var fullyUnderstood = 0
        var misses: [String: Int] = [:]
    }

    static func coverage(_ problems: [Problem]) -> Coverage {
        var c = Coverage()
        for p in problems {
            let t = ControlledEnglishParser.parse(context: p.context, conclusion: p.question)
            c.problems += 1
            c.sentences += t.premises.count + 1
            c.understood += t.premises.count + 1 - t.notUnderstood.count
            if t.isFullyUnderstood { c.fullyUnderstood += 1 }
            for miss in t.notUnderstood {
                if case .notUnderstood(let reason) = miss.parse {
                    c.misses["\(miss.sentence)  [\(reason)]", default: 0] += 1
                }
            }
        }
        return c
    }

    static func report(_ name: String, _ c: Coverage) {
        print("\(name): sentences understood \(c.understood)/\(c.sentences), problems fully understood \(c.fullyUnderstood)/\(c.problems)")
        for (s, n) in c.misses.sorted(by: { $0.value > $1.value }).prefix(20) { print("  miss ×\(n): \(s)") }
    }

    func testProofWriterCoverage() throws {
        let problems = try Self.load("ProofWriter/train.json")
        let c = Self.coverage(problems)
        Self.report("ProofWriter train", c)
        XCTAssertEqual(c.problems, 3000)
        XCTAssertEqual(c.understood, c.sentences, "every ProofWriter sentence must be understood")
    }

    func testProntoQACoverage() throws {
        let problems = try Self.load("ProntoQA/dev-sample.json")
        let c = Self.coverage(problems)
        Self.report("PrOntoQA dev sample", c)
        XCTAssertEqual(c.problems, 100)
        XCTAssertEqual(c.understood, c.sentences, "every PrOntoQA sentence must be understood")
    }

    func testFOLIOCoverageIsReported() throws {
        let problems = try Self.load("FOLIO/train.json")
        let c = Self.coverage(problems)
        Self.report("FOLIO train", c)
        // ENTAIL_DUMP_UNDERSTOOD=path writes every understood FOLIO sentence and its formula.
        if let path = ProcessInfo.processInfo.environment["ENTAIL_DUMP_UNDERSTOOD"] {
            var lines = Set<String>()
            for p in problems {
                let t = ControlledEnglishParser.parse(context: p.context, conclusion: p.question)
                for s in t.premises + [t.conclusion] {
                    if let f = s.parse.formula { lines.insert("\(s.sentence)\t\(FOLPrinter.ascii(f))") }
                }
            }
            try lines.sorted().joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
        XCTAssertGreaterThan(c.sentences, 1000)
    }
}
