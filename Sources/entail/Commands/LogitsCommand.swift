import ArgumentParser
import Entail
import Foundation

struct LogitsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logits",
        abstract: "Teacher-forced scoring: for each position, the next-token argmax and top-5 log-probabilities.")

    @OptionGroup var modelOptions: ModelOptions
    @Option(help: "Text to score.") var prompt: String?
    @Option(help: "Read the text to score from this file.") var file: String?
    @Flag(help: "JSON lines (the only output format).") var json = false
    @Option(help: "Tokens evaluated per forward pass (1 scores through the one-token generation path).") var chunk: Int = 32

    func validate() throws {
        guard (1...64).contains(chunk) else { throw ValidationError("--chunk must be between 1 and 64") }
    }

    func run() throws {
        let text: String
        if let file {
            guard let s = try? String(contentsOfFile: file, encoding: .utf8) else { throw ValidationError("cannot read \(file)") }
            text = s
        } else if let prompt { text = prompt } else { throw ValidationError("give --prompt or --file") }
        let model = try modelOptions.load(maxBatch: 64)
        let tokens = model.tokenizer.encode(text)
        let scorer = TeacherForcedScorer(model: model)
        for row in scorer.score(tokens, chunk: chunk) {
            let top = row.top.map { "[\($0.token),\(String(format: "%.5f", $0.logProbability))]" }.joined(separator: ",")
            print("{\"pos\":\(row.position),\"token\":\(row.token),\"argmax\":\(row.argmax),\"top\":[\(top)]}")
        }
    }
}
