import Foundation
import Logic
import XCTest
@testable import Problems

/// Dataset readers on small inline inputs: every malformation is an error for its record only.
final class DatasetReaderTests: XCTestCase {
    private func records(_ text: String, _ format: DatasetFormat, file: String = "data/folio-validation-dev.jsonl") throws -> [DatasetRecord] {
        try DatasetReader.read(bytes: Array(text.utf8), file: file, format: format)
    }

    func testFOLIOLinesFailOneByOne() throws {
        let good = #"{"premises": ["A cat is an animal. ", "Tom is a cat."], "premises-FOL": ["∀x (Cat(x) → Animal(x))", "Cat(tom)"], "conclusion": "Tom is an animal.", "conclusion-FOL": "Animal(tom)", "label": "True"}"#
        let text = [
            good,
            "not json at all",
            "",
            #"{"premises": "one string", "conclusion": "c", "label": "True"}"#,
            #"{"premises": [], "premises-FOL": ["P(a)"], "conclusion": "c", "label": "Maybe"}"#,
            #"{"premises": ["a", "b"], "premises-FOL": ["P(a)"], "conclusion": "c", "label": "Uncertain"}"#,
            "[1, 2]",
            good,
        ].joined(separator: "\n")
        let rs = try records(text, .folio)
        XCTAssertEqual(rs.count, 7)
        guard case .success(let p) = rs[0] else { return XCTFail("\(rs[0])") }
        XCTAssertEqual(p.id, "folio-dev-1")
        XCTAssertEqual(p.premises.map(\.text), ["A cat is an animal.", "Tom is a cat."])
        XCTAssertEqual(p.conclusion?.formal?.source, "Animal(tom)")
        XCTAssertEqual(p.expected, .true)
        XCTAssertEqual(p.source, ProblemSource(file: "data/folio-validation-dev.jsonl", line: 1, recordIndex: 0))
        let failures = rs.compactMap { r -> RecordError? in if case .failure(let e) = r { return e } else { return nil } }
        XCTAssertEqual(failures.map(\.line), [2, 4, 5, 7])
        XCTAssertEqual(failures.map(\.index), [1, 2, 3, 5])
        XCTAssertTrue(failures[0].message.contains("not valid JSON at 2:1"), failures[0].message)
        XCTAssertTrue(failures[1].message.contains("'premises' must be an array of strings, not a string"), failures[1].message)
        XCTAssertTrue(failures[2].message.contains("True, False, Uncertain or Unknown"), failures[2].message)
        XCTAssertTrue(failures[3].message.contains("not a JSON object"), failures[3].message)
        guard case .success(let mismatched) = rs[4] else { return XCTFail("\(rs[4])") }
        XCTAssertEqual(mismatched.notes, ["2 premises but 1 premise formulas; paired by position"])
        XCTAssertEqual(mismatched.premises.count, 2)
        XCTAssertEqual(mismatched.expected, .unknown)
        XCTAssertEqual(failures[0].description, "data/folio-validation-dev.jsonl:2: record 1: not valid JSON at 2:1: unexpected character; expected a value")
    }

    func testLogicLMRecords() throws {
        let text = #"""
        [
          {"id": "pw1", "context": "Bob is big. If something is big then it is red.",
           "question": "Based on the above information, is the following statement true, false, or unknown? Bob is red.",
           "options": ["A) True", "B) False", "C) Unknown"], "answer": "A"},
          {"id": "bad", "context": 3, "question": "q"},
          {"id": "ld", "context": "The owl is left. The quail is right.", "question": "Which of the following is true?",
           "options": ["A) The owl is right.", "B) The quail is right."], "answer": "B"},
          {"id": "noanswer", "context": "x.", "question": "Is it? Y.", "options": ["A) True"], "answer": "Z"},
          {"id": "broken", "context": "x", "question": "q? y" "options": []},
          {"id": "never read"}
        ]
        """#
        let rs = try records(text, .logiclm, file: "t.json")
        XCTAssertEqual(rs.count, 5)
        guard case .success(let p) = rs[0], case .success(let choice) = rs[2] else { return XCTFail("\(rs)") }
        XCTAssertEqual(p.premises.map(\.text), ["Bob is big.", "If something is big then it is red."])
        XCTAssertEqual(p.conclusion?.text, "Bob is red.")
        XCTAssertEqual(p.expected, .true)
        XCTAssertEqual(p.source?.line, 2)
        XCTAssertEqual(choice.options.map(\.label), ["A", "B"])
        XCTAssertEqual(choice.options[1].statement.text, "The quail is right.")
        XCTAssertEqual(choice.expectedOption, "B")
        XCTAssertNil(choice.conclusion)
        guard case .failure(let e1) = rs[1], case .failure(let e3) = rs[3], case .failure(let e4) = rs[4] else { return XCTFail() }
        XCTAssertEqual(e1.id, "bad")
        XCTAssertTrue(e1.message.contains("'context' must be a string, not a number"))
        XCTAssertTrue(e3.message.contains("not the label of an option"))
        XCTAssertEqual(e4.index, 4)
        XCTAssertEqual(e4.line, 9)
        XCTAssertTrue(e4.message.contains("not valid JSON at 9:55"), e4.message)
    }

    func testLogicLMProgramRecords() throws {
        func record(_ id: String, _ program: String, answer: String = "A") -> String {
            let escaped = program.replacingOccurrences(of: "\n", with: "\\n")
            return #"{"id": "\#(id)", "context": "c.", "question": "Is it? Dave is red.", "options": ["A) True", "B) False"], "answer": "\#(answer)", "raw_logic_programs": ["\#(escaped)"]}"#
        }
        let good = "Predicates:\nRed($x, bool) ::: Is x red?\nFacts:\nRed(Dave, True)\nRules:\nRed($x, True) && Big($x, False) >>> Cat($x, $y, True) ::: r\nQuery:\nRed(Dave, False)"
        let text = "[" + [
            record("good", good, answer: "B"),
            record("missing-paren", "Facts:\nRed(Dave, True\nQuery:\nRed(Dave, True)"),
            record("no-query", "Facts:\nRed(Dave, True)"),
            record("no-truth", "Facts:\nRed(Dave)\nQuery:\nRed(Dave, True)"),
            record("arity", "Facts:\nRed(Dave, True)\nRules:\nRed($x, $y, True) >>> Big($x, True)\nQuery:\nRed(Dave, True)"),
            record("no-section", "Red(Dave, True)"),
            record("var-query", "Facts:\nRed(Dave, True)\nQuery:\nRed($x, True)"),
        ].joined(separator: ",\n") + "]"
        let rs = try records(text, .logiclmPrograms, file: "out.json")
        XCTAssertEqual(rs.count, 7)
        guard case .success(let p) = rs[0] else { return XCTFail("\(rs[0])") }
        let formal = try p.formalized()
        XCTAssertEqual(formal.premises[0], .predicate("Red", [.constant("dave")]))
        XCTAssertEqual(formal.premises[1], .forall("x", .forall("y", .implies(
            .and([.predicate("Red", [.variable("x")]), .not(.predicate("Big", [.variable("x")]))]),
            .predicate("Cat", [.variable("x"), .variable("y")])))))
        XCTAssertEqual(formal.conclusion, .not(.predicate("Red", [.constant("dave")])))
        XCTAssertEqual(p.premises[1].text, "r")
        XCTAssertNil(p.premises[0].text)
        XCTAssertEqual(p.conclusion?.text, "Dave is red.", "taken from the question when the query has no comment")
        XCTAssertEqual(p.expected, .false)
        XCTAssertEqual(p.premises[1].formal?.lineStarts, [SourcePosition(line: 6, column: 1)])
        XCTAssertTrue(p.notes.contains("predicate Big is used but not declared"), "\(p.notes)")
        let messages = rs.dropFirst().map { r -> String in
            if case .failure(let e) = r { return e.message } else { return "success" }
        }
        XCTAssertEqual(messages, [
            "missing-paren program:2:15: expected ')' but found the end of the line",
            "no-query program:2:16: the program has no Query: section",
            "no-truth program:2:1: Red(...) lacks its truth value (True or False) as last argument",
            "arity program:4:1: predicate Red is used with 1 and with 2 arguments",
            "no-section program:1:1: expected a section header (Predicates:, Facts:, Rules: or Query:)",
            "var-query program:4:1: the query has variables; only ground queries are supported",
        ])
    }

    func testOwnJSONL() throws {
        let text = #"""
        {"id": "a", "premises": ["All cats are animals.", "Tom is a cat."], "premises_fol": ["all x. (Cat(x) -> Animal(x))", "Cat(tom)"], "conclusion": "Tom is an animal.", "conclusion_fol": "Animal(tom)", "label": "true", "world": "closed"}
        {"premises": ["x"], "conclusion": "y"}
        {"premises": ["x"], "conclusion": "y", "world": "flat"}
        """#
        XCTAssertEqual(DatasetFormat.detect(Array(text.utf8)), .jsonl)
        let rs = try records(text, .auto, file: "mine.jsonl")
        guard case .success(let a) = rs[0], case .success(let b) = rs[1], case .failure(let c) = rs[2] else { return XCTFail("\(rs)") }
        XCTAssertEqual(a.id, "a")
        XCTAssertEqual(a.world, .closed)
        XCTAssertEqual(a.expected, .true)
        XCTAssertEqual(a.premises[1].formal?.source, "Cat(tom)")
        XCTAssertEqual(b.id, "mine-2")
        XCTAssertNil(b.expected)
        XCTAssertTrue(c.message.contains("'world'"))
    }

    func testFileLevelErrors() {
        XCTAssertThrowsError(try DatasetReader.read(contentsOfFile: "/nonexistent.jsonl"))
        XCTAssertThrowsError(try records("hello", .auto)) { error in
            XCTAssertTrue("\(error)".contains("unrecognized dataset format"), "\(error)")
        }
        XCTAssertThrowsError(try records("{\"a\": 1}", .logiclm))
        XCTAssertEqual(try records("", .folio).count, 0)
    }

    func testDetectionFromContent() {
        XCTAssertEqual(DatasetFormat.detect(Array("\u{FEFF}  [{\"context\": \"c\", \"question\": \"q\"}]".utf8)), .logiclm)
        XCTAssertEqual(DatasetFormat.detect(Array("[{\"raw_logic_programs\": []}]".utf8)), .logiclmPrograms)
        XCTAssertEqual(DatasetFormat.detect(Array("[{\"raw_logic_programs\": [\"x\"], \"context\": ".utf8)), .logiclmPrograms)
        XCTAssertEqual(DatasetFormat.detect(Array("garbage\n{\"premises-FOL\": []}".utf8)), .folio)
        XCTAssertNil(DatasetFormat.detect(Array("[1]".utf8)))
        XCTAssertNil(DatasetFormat.detect([]))
    }

    func testDatasetLabels() {
        XCTAssertEqual(Verdict(datasetLabel: "True"), .true)
        XCTAssertEqual(Verdict(datasetLabel: " false "), .false)
        XCTAssertEqual(Verdict(datasetLabel: "Uncertain"), .unknown)
        XCTAssertEqual(Verdict(datasetLabel: "Unknown"), .unknown)
        XCTAssertNil(Verdict(datasetLabel: "C"))
    }

    func testSentenceSplitting() {
        XCTAssertEqual(SentenceSplitter.split("Mr. Smith met Dr. J. Doe in the U.S. on Monday. He left!  Why? \"Quoted.\" End"),
                       ["Mr. Smith met Dr. J. Doe in the U.S. on Monday.", "He left!", "Why?", "\"Quoted.\"", "End"])
        XCTAssertEqual(SentenceSplitter.split("Heading\n\nThe owl is left. It costs 3.5 dollars."),
                       ["Heading", "The owl is left.", "It costs 3.5 dollars."])
        XCTAssertEqual(SentenceSplitter.split("   "), [])
    }
}
