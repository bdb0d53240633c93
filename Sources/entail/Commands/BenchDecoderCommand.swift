import ArgumentParser
import Entail
import Foundation


struct BenchDecoderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "decoder", abstract: "Decoder throughput (and llama.cpp's, if found).")

    @Option(help: "GGUF model file.") var model: String?
    @Option(help: "Repetitions per measurement (the median is reported).") var repetitions: Int = 3
    @Option(help: "Thread counts to measure, comma-separated.") var threads: String = "1,2"
    @Option(help: "Grammar for the constrained-generation row (empty: no such row).") var grammar: String = "grammars/fol.gbnf"

    func run() throws {
        let path = model ?? DefaultModel.path
        let threadCounts = threads.split(separator: ",").compactMap { Int($0) }.filter { $0 > 0 }
        guard !threadCounts.isEmpty else { throw ValidationError("--threads needs at least one count") }
        let peer = LlamaCppPeer.find()
        print("model: \(path)")
        print("peer: \(peer?.description ?? "llama.cpp not found (set LLAMA_CPP_DIR or LLAMA_PROBE)")")
        func pad(_ s: String, _ w: Int, left: Bool = false) -> String {
            let p = String(repeating: " ", count: max(0, w - s.count))
            return left ? s + p : p + s
        }
        print(pad("test", 20, left: true) + pad("threads", 8) + pad("entail tok/s", 14) + pad("llama.cpp", 12) + pad("ratio", 8))
        for t in threadCounts {
            let bench = try DecoderBenchmark(modelPath: path, threads: t, repetitions: repetitions)
            let rows = bench.run()
            let probed = peer?.measureWithProbe(modelPath: path, threads: t, repetitions: repetitions) ?? [:]
            for row in rows {
                var peerValue: Double?
                if case .adapterGeneration(let n, _) = row.kind {
                    // Compared with our own generation row: the adapter's overhead.
                    peerValue = rows.first { $0.kind == .generation(n) }?.tokensPerSecond
                } else if peer?.probe != nil {
                    peerValue = probed[row.kind]
                } else {
                    peerValue = peer?.measure(row.kind, modelPath: path, threads: t, repetitions: repetitions)
                }
                let peerText = peerValue.map { String(format: "%.1f", $0) } ?? "-"
                let ratio = peerValue.map { String(format: "%.2f", row.tokensPerSecond / $0) } ?? "-"
                print(pad(row.kind.label, 20, left: true) + pad("\(t)", 8) + pad(String(format: "%.1f", row.tokensPerSecond), 14)
                      + pad(peerText, 12) + pad(ratio, 8))
            }
            if !grammar.isEmpty, let source = try? String(contentsOfFile: grammar, encoding: .utf8),
               let examples = try? String(contentsOfFile: "prompts/fol-translation.txt", encoding: .utf8) {
                // Constrained against unconstrained greedy generation, alternated, same prompt.
                let languageModel = try LanguageModel(path: path, threads: t, maxBatch: 64, contextCapacity: 2048)
                let bench = try GrammarCostBenchmark(model: languageModel, grammarSource: source,
                                                     prompt: BenchGrammarCommand.promptText(examples: examples),
                                                     tokens: 128, repetitions: max(3, repetitions))
                let r = bench.run()
                print(pad("tg128 fol.gbnf", 20, left: true) + pad("\(t)", 8) + pad(String(format: "%.1f", r.constrainedTokensPerSecond), 14)
                      + pad(String(format: "%.1f", r.unconstrainedTokensPerSecond), 12) + pad(String(format: "%.2f", r.ratio), 8))
            }
        }
        print("(the lora and fol.gbnf rows compare with our own unconstrained tg128 without the adapter, measured beside them)")
    }
}
