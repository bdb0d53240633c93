import XCTest
@testable import Prover

/// The clause reader: texts that must read, texts that must fail at a given line:column.
final class EngineReaderTests: XCTestCase {
    func testTextsThatRead() throws {
        let pass = [
            "a.", "f(X, Y) :- g(X), h(Y).", "p :- \\+ q, !.", "x(\"abc\").", "y('it''s', 'a\\nb').",
            "z([1, 2 | T], T).", "w(- 1, -1, - a, 1 - -1).", "v(0'a, 0x1F, 0b101, 0o17, 1_000).",
            ":- table p/2, q/1.", "t :- ( a -> b ; c ), ( d ; e ).", "u(a:b:c, {x, y}, []).",
            "% comment\nk. /* block\ncomment */ m.", "s(X) :- X = f(_, _).", "o(+, -, *, (:-)).",
            "big(123456789012345678901234567890).", "r(X) :- X =.. [f|Args], Args == [].",
            "q :- a, b ; c -> d.", "n(\\+ a).", "l(a- (-1)).",
        ]
        for text in pass {
            XCTAssertNoThrow(try PrologReader.readAll(text), text)
        }
    }

    func testTextsThatFailWithPosition() {
        let fail: [(String, String)] = [
            ("f(a", "1:4"), ("f(a))", "1:5"), ("a :- .", "1:6"), ("x(1.5).", "1:3"),
            ("ok.\nbad(X :- .", "2:7"), ("'unterminated", "1:1"), ("p :- [a, b.", "1:11"),
            ("/* open", "1:1"), ("a b.", "1:3"), ("f(,).", "1:3"),
        ]
        for (text, position) in fail {
            do {
                _ = try PrologReader.readAll(text, file: "t.pl")
                XCTFail("\(text) read without error")
            } catch let e as PrologSyntaxError {
                XCTAssertEqual(e.position.description, position, "\(text): \(e)")
            } catch {
                XCTFail("\(text): unexpected \(error)")
            }
        }
    }

    func testDeepNestingIsAnErrorNotACrash() {
        let text = "x(" + String(repeating: "(", count: 100_000) + "a" + String(repeating: ")", count: 100_000) + ")."
        XCTAssertThrowsError(try PrologReader.readAll(text)) { e in
            XCTAssertTrue("\(e)".contains("nesting"), "\(e)")
        }
        let ops = "x :- " + String(repeating: "- ", count: 100_000) + "a."
        XCTAssertThrowsError(try PrologReader.readAll(ops))
    }

    func testLongListsAndStringsLoad() throws {
        let m = PrologMachine()
        m.onOutput = { _ in }
        let items = (0..<100_000).map(String.init).joined(separator: ",")
        let long = String(repeating: "a", count: 100_000)
        try m.consult("big([\(items)]).\ns(\"\(long)\").")
        XCTAssertEqual(try m.solve("big(L), length(L, N)").first?.last?.value, "100000")
        XCTAssertEqual(try m.solve("s(S), length(S, N)").first?.last?.value, "100000")
    }
}
