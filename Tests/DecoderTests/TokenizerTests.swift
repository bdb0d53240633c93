import Foundation
import XCTest
@testable import Decoder

final class TokenizerTests: XCTestCase {
    func pieces(_ p: PreTokenizer, _ s: String) -> [String] { p.split(s) }

    func testGPT2PreTokenizer() {
        XCTAssertEqual(pieces(.gpt2, "Hello world, it's 2024!"), ["Hello", " world", ",", " it", "'s", " 2024", "!"])
        XCTAssertEqual(pieces(.gpt2, "a  b\n\nc "), ["a", " ", " b", "\n", "\n", "c", " "])
        XCTAssertEqual(pieces(.gpt2, "x   "), ["x", "   "])
    }

    func testSmolLMSplitsDigits() {
        XCTAssertEqual(pieces(.smollm, "in 2024 we"), ["in", " ", "2", "0", "2", "4", " we"])
        XCTAssertEqual(pieces(.smollm, "x1y"), ["x", "1", "y"])
    }

    func testLlama3AndQwen2PreTokenizers() {
        XCTAssertEqual(pieces(.llama3, "Hello world 12345 I'M ok.\n\n  x"), ["Hello", " world", " ", "123", "45", " I", "'M", " ok", ".\n\n", " ", " x"])
        XCTAssertEqual(pieces(.qwen2, "ab 123"), ["ab", " ", "1", "2", "3"])
    }

    func testPiecesConcatenateToInput() {
        var rng = SeededGenerator(seed: 99)
        let alphabet = Array("ab Z9'’\n\t.,!é中😀  ".unicodeScalars)
        for p in [PreTokenizer.gpt2, .smollm, .llama3, .qwen2] {
            for i in 0..<300 {
                var s = String.UnicodeScalarView()
                for _ in 0..<Int.random(in: 0..<30, using: &rng) { s.append(alphabet.randomElement(using: &rng)!) }
                let text = String(s)
                XCTAssertEqual(p.split(text).joined(), text, "pre-tokenizer \(p), case \(i), seed 99")
            }
        }
    }

    func testModelRoundTripsAndChatTemplate() throws {
        let f = try GGUFFile(path: try TestPaths.requireModel())
        let tok = try Tokenizer(gguf: f)
        XCTAssertEqual(tok.encode("Hello world"), [19556, 905])
        for s in ["", "a", "  leading", "trailing  ", "ünïcödé 中文 😀", "<|im_start|>user\nhi<|im_end|>", "tabs\tand\r\nlines", "x = 3.14159"] {
            XCTAssertEqual(tok.decode(tok.encode(s)), s)
        }
        let template = ChatTemplate(templateText: f.metadata["tokenizer.chat_template"]?.stringValue)
        let prompt = template.render([ChatMessage(role: .user, content: "Hi")])
        XCTAssertTrue(prompt.hasPrefix("<|im_start|>system\n"))
        XCTAssertTrue(prompt.hasSuffix("<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n"))
        XCTAssertEqual(tok.encode("<|im_start|>").count, 1)
        XCTAssertEqual(tok.encode("<|im_start|>", parseSpecial: false).count > 1, true)
    }

    /// Token ids from llama.cpp's llama-tokenize for every FOLIO premise and conclusion.
    func testMatchesLlamaCppOnFOLIO() throws {
        let golden = TestPaths.fixtures.appendingPathComponent("folio-tokens.jsonl")
        guard let data = try? String(contentsOf: golden, encoding: .utf8) else { throw XCTSkip("no golden token file") }
        let tok = try Tokenizer(gguf: try GGUFFile(path: try TestPaths.requireModel()))
        var checked = 0
        for line in data.split(separator: "\n") {
            let obj = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let text = try XCTUnwrap(obj["text"] as? String)
            let ids = try XCTUnwrap(obj["ids"] as? [Int]).map(Int32.init)
            XCTAssertEqual(tok.encode(text), ids, text)
            XCTAssertEqual(tok.decode(ids), text)
            checked += 1
        }
        XCTAssertGreaterThan(checked, 1000)
    }
}
