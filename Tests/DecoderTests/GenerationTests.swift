import Foundation
import XCTest
@testable import Decoder

final class GenerationTests: XCTestCase {
    /// Greedy chat transcripts of the bundled model, recorded once; must match token for token
    /// at 1 and 2 threads.
    func testGoldenTranscript() throws {
        let path = try TestPaths.requireModel()
        let lines = try String(contentsOf: TestPaths.fixtures.appendingPathComponent("golden-transcript.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        for threads in [1, 2] {
            let model = try LanguageModel(path: path, threads: threads, contextCapacity: 512)
            for line in lines {
                let obj = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                let prompt = try XCTUnwrap(obj["prompt"] as? String)
                let expected = try XCTUnwrap(obj["tokens"] as? [Int]).map(Int32.init)
                var o = GenerationOptions()
                o.maxTokens = 32
                let text = model.chatTemplate.render([ChatMessage(role: .user, content: prompt)])
                let out = TextGenerator(model: model).generate(prompt: model.tokenizer.encode(text), options: o)
                XCTAssertEqual(out[0].tokens, expected, "threads \(threads): \(prompt)")
                XCTAssertEqual(out[0].text, obj["text"] as? String)
            }
        }
    }

    /// Seeded sampling is reproducible across thread counts; forked samples differ from each
    /// other; the batched path (4 sequences) and the single path agree on greedy output.
    func testSeededSamplesAndForkedBatch() throws {
        let path = try TestPaths.requireModel()
        var o = GenerationOptions()
        o.maxTokens = 12; o.temperature = 0.9; o.topP = 0.95; o.seed = 42; o.samples = 4
        var results: [[[Int32]]] = []
        for threads in [1, 2] {
            let model = try LanguageModel(path: path, threads: threads, contextCapacity: 256)
            let prompt = model.tokenizer.encode(model.chatTemplate.render([ChatMessage(role: .user, content: "Tell me a story.")]))
            results.append(TextGenerator(model: model).generate(prompt: prompt, options: o).map(\.tokens))
        }
        XCTAssertEqual(results[0], results[1])
        XCTAssertGreaterThan(Set(results[0]).count, 1)

        let model = try LanguageModel(path: path, threads: 1, contextCapacity: 256)
        let prompt = model.tokenizer.encode("The three laws of logic are")
        var g = GenerationOptions()
        g.maxTokens = 10
        let single = TextGenerator(model: model).generate(prompt: prompt, options: g)[0].tokens
        g.samples = 4
        let batched = TextGenerator(model: model).generate(prompt: prompt, options: g).map(\.tokens)
        XCTAssertEqual(batched, Array(repeating: single, count: 4))
    }
}
