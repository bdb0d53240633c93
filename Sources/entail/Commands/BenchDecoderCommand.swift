import ArgumentParser
import Entail
import Foundation


struct BenchDecoderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "decoder", abstract: "Decoder throughput (and llama.cpp's, if found).")

    @Option(help: "GGUF model file.") var model: String?
    @Option(help: "Repetitions per measurement (the median is reported).") var repetitions: Int = 3
    @Option(help: "Thread counts to measure, comma-separated.") var threads: String = "1,2"

    func run() throws {
        let path = model ?? DefaultModel.path
        let threadCounts = threads.split(separator: ",").compactMap { Int($0) }.filter { $0 > 0 }
        guard !threadCounts.isEmpty else { throw ValidationError("--threads needs at least one count") }
        let peer = LlamaCppPeer.find()
        print("model: \(path)")
        print("peer: \(peer?.binDirectory ?? "llama.cpp not found (set LLAMA_CPP_DIR)")")
        print(String(format: "%-22@ %7@ %12@ %12@ %7@", "test" as NSString, "threads" as NSString, "entail tok/s" as NSString, "llama.cpp" as NSString, "ratio" as NSString))
        for t in threadCounts {
            let bench = try DecoderBenchmark(modelPath: path, threads: t, repetitions: repetitions)
            for row in bench.run() {
                let peerValue = peer?.measure(row.kind, modelPath: path, threads: t, repetitions: repetitions)
                let peerText = peerValue.map { String(format: "%.1f", $0) } ?? "-"
                let ratio = peerValue.map { String(format: "%.2f", row.tokensPerSecond / $0) } ?? "-"
                print(String(format: "%-22@ %7d %12.1f %12@ %7@", row.kind.label as NSString, t, row.tokensPerSecond, peerText as NSString, ratio as NSString))
            }
        }
    }
}
