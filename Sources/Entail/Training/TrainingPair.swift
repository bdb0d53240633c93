import Foundation

/// One supervised example for fine-tuning the translator: the exact prompt the
/// `ModelTranslator` shows the model for one sentence, and the completion it should emit
/// (one space, the formula in canonical ASCII syntax, a newline), with their token ids.
public struct TrainingPair: Sendable, Equatable {
    /// The instruction block followed by the query block, ending with `FOL:`.
    public var prompt: String
    /// `" " + formula + "\n"`.
    public var completion: String
    /// The prompt's token ids exactly as the decoder feeds them: the instruction block
    /// encoded with the model's BOS setting, then the query block without BOS. Empty when
    /// no tokenizer was given.
    public var promptIDs: [Int32]
    /// The completion's token ids: the formula text (with its leading space) and the
    /// newline encoded separately, as grammar-constrained decoding produces them.
    public var completionIDs: [Int32]
    /// Where the pair comes from (`folio-train:story-12:3`, `proofwriter:…`, `variation:…`).
    public var source: String

    public init(prompt: String, completion: String, promptIDs: [Int32], completionIDs: [Int32], source: String) {
        self.prompt = prompt
        self.completion = completion
        self.promptIDs = promptIDs
        self.completionIDs = completionIDs
        self.source = source
    }

    /// The pair as one JSON object on one line:
    /// `{"prompt":…,"completion":…,"prompt_ids":[…],"completion_ids":[…],"source":…}`.
    public var jsonLine: String {
        func ids(_ a: [Int32]) -> String { "[" + a.map(String.init).joined(separator: ",") + "]" }
        return "{\"prompt\":\(jsonStringLiteral(prompt)),\"completion\":\(jsonStringLiteral(completion)),"
            + "\"prompt_ids\":\(ids(promptIDs)),\"completion_ids\":\(ids(completionIDs)),\"source\":\(jsonStringLiteral(source))}"
    }
}
