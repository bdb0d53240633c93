import Logic
import Foundation
import XCTest
@testable import Problems

/// Seeded random mutations of dataset records (truncation, wrong types, deep nesting,
/// stray bytes): the readers never crash, and every failure names its record and line.
final class DatasetFuzzTests: XCTestCase {
    static let seeds: [(DatasetFormat, String)] = [
        (.folio, #"{"premises": ["A cat is an animal.", "Tom is a cat."], "premises-FOL": ["∀x (Cat(x) → Animal(x))", "Cat(tom)"], "conclusion": "Tom is an animal.", "conclusion-FOL": "Animal(tom)", "label": "True"}"#),
        (.jsonl, #"{"id": "a", "premises": ["x"], "premises_fol": ["P(a)"], "conclusion": "y", "conclusion_fol": "Q(a)", "label": "false", "world": "open"}"#),
        (.logiclm, #"[{"id": "p", "context": "Bob is big. Big things are red.", "question": "Is it? Bob is red.", "options": ["A) True", "B) False", "C) Unknown"], "answer": "A"}]"#),
        (.logiclmPrograms, #"[{"id": "q", "context": "c", "question": "Is it? Bob is red.", "options": ["A) True", "B) False"], "answer": "B", "raw_logic_programs": ["Predicates:\nRed($x, bool) ::: r\nFacts:\nBig(Bob, True) ::: b\nRules:\nBig($x, True) && Red($x, False) >>> Cat($x, $y, True)\nQuery:\nRed(Bob, False)"]}]"#),
    ]

    static let structuralPieces = [
        "[", "]", "{", "}", "\"", ",", ":", "null", "1", "[[[[[[[[", "}}}}", "\\", "\\u", "\n", "\u{0}", "é",
        #""premises": 3"#, #""context": []"#, #""options": [1]"#, #""answer": null"#, ">>>", "&&", ":::", "$", "True",
    ]

    func testMutatedRecordsNeverCrash() throws {
        let iterations = ProcessInfo.processInfo.environment["ENTAIL_LONG_TESTS"] == "1" ? 100_000 : 3_000
        for seed in 0..<UInt64(iterations) {
            var rng = SplitMix64(seed: seed)
            let (format, record) = Self.seeds.randomElement(using: &rng)!
            var text = record
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                if Bool.random(using: &rng) {
                    text = TextMutator.mutate(text, using: &rng)
                } else {
                    var scalars = Array(text.unicodeScalars)
                    let at = Int.random(in: 0...scalars.count, using: &rng)
                    scalars.insert(contentsOf: Self.structuralPieces.randomElement(using: &rng)!.unicodeScalars, at: at)
                    text = String(String.UnicodeScalarView(scalars))
                }
            }
            if seed % 97 == 0 {  // huge nesting inside a record
                text = text.replacingOccurrences(of: "\"label\"", with: String(repeating: "[", count: 5000) + "\"label\"")
            }
            let bytes = Array(text.utf8)
            let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).count
            for f in [format, .auto] {
                let records: [DatasetRecord]
                do {
                    records = try DatasetReader.read(bytes: bytes, file: "fuzz", format: f)
                } catch let e as DatasetError {
                    XCTAssertFalse(e.message.isEmpty, "seed \(seed)")
                    continue
                }
                for case .failure(let e) in records {
                    XCTAssertNotNil(e.line, "seed \(seed): \(e)")
                    XCTAssertTrue((1...max(1, lines)).contains(e.line ?? 0), "seed \(seed): \(e)\n\(text)")
                    XCTAssertFalse(e.message.isEmpty, "seed \(seed)")
                }
                for case .success(let p) in records {
                    _ = try? p.formalized()  // must not crash either
                }
            }
        }
    }

    /// Random edits of a logic program: the parser returns a program or a positioned error.
    func testMutatedLogicProgramsGivePositionedErrors() {
        let program = "Predicates:\nRed($x, bool) ::: r\nFacts:\nBig(Bob, True) ::: b\nRules:\nBig($x, True) && Red($x, False) >>> Cat($x, $y, True)\nQuery:\nRed(Bob, False)"
        for seed in 0..<UInt64(3_000) {
            var rng = SplitMix64(seed: seed)
            let text = TextMutator.mutate(program, using: &rng)
            let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
            do {
                _ = try LogicProgram.parse(text)
            } catch let e as LogicProgramError {
                let lineOK = (1...lines.count).contains(e.position.line)
                XCTAssertTrue(lineOK && e.position.column >= 1 && e.position.column <= lines[e.position.line - 1].count + 1,
                              "seed \(seed): \(e)\n\(text)")
            } catch {
                XCTFail("seed \(seed): unexpected error type \(error)")
            }
        }
    }
}
