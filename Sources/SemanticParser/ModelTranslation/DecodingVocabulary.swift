import Decoder

/// The model's tokens as a grammar sees them, and the tokens that may end a
/// grammar-constrained line: every token whose text starts with a newline, plus the
/// end-of-generation and end-of-sequence tokens. Control (GGUF type 3) and unused
/// (type 5) tokens render no grammar text.
public struct DecodingVocabulary: Sendable {
    public let vocabulary: GrammarVocabulary
    public let stopTokens: Set<Int32>

    public init(tokenizer: Tokenizer, size: Int) {
        var bytes: [[UInt8]] = []
        bytes.reserveCapacity(size)
        var stops = tokenizer.endOfGenerationTokens
        if let eos = tokenizer.eosToken { stops.insert(eos) }
        for id in 0..<size {
            let type = id < tokenizer.tokenTypes.count ? tokenizer.tokenTypes[id] : 3
            let b = (type == 3 || type == 5) ? [] : tokenizer.bytes(of: Int32(id))
            if b.first == UInt8(ascii: "\n") { stops.insert(Int32(id)) }
            bytes.append(b)
        }
        vocabulary = GrammarVocabulary(tokens: bytes, endOfSequence: nil)
        stopTokens = stops
    }
}
