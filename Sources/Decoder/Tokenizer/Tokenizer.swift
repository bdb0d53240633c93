/// Why a tokenizer could not be built from a model's metadata.
public struct TokenizerError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { "tokenizer: \(message)" }
}

/// GPT-2 style byte-level BPE tokenizer read from GGUF metadata (`tokenizer.ggml.*`).
///
/// `encode` splits the text at special tokens, pre-tokenizes each fragment with the
/// `PreTokenizer` the metadata names, maps bytes to GPT-2's printable characters and merges
/// symbols by rank. `decode` inverts it exactly: `decode(encode(s)) == s` for every string.
public struct Tokenizer: Sendable {
    /// Token texts as stored in the vocabulary (byte-mapped for normal tokens).
    public let tokens: [String]
    /// Token types (1 normal, 2 unknown, 3 control, 4 user-defined, 5 unused, 6 byte).
    public let tokenTypes: [Int32]
    public let preTokenizer: PreTokenizer
    public let bosToken: Int32?
    public let eosToken: Int32?
    /// Tokens that end a turn (EOS, `<|im_end|>`, `<|eot_id|>`, …).
    public let endOfGenerationTokens: Set<Int32>
    public let addBOS: Bool

    private let idOf: [String: Int32]
    /// (left << 32 | right) → (rank << 32 | merged id)
    private let merges: [UInt64: UInt64]
    private let tokenBytes: [[UInt8]]
    private let byteSymbol: [Int32]
    /// Special tokens matched in raw text, longest first.
    private let specials: [(text: [UInt8], id: Int32)]

    public var vocabularySize: Int { tokens.count }

    /// Builds the tokenizer from a GGUF file's metadata.
    public init(gguf: GGUFFile) throws {
        let md = gguf.metadata
        guard let model = md["tokenizer.ggml.model"]?.stringValue else { throw TokenizerError(message: "no tokenizer.ggml.model") }
        guard model == "gpt2" else { throw TokenizerError(message: "unsupported tokenizer model \(model) (only gpt2 byte-level BPE)") }
        guard let tokens = md["tokenizer.ggml.tokens"]?.stringArray, !tokens.isEmpty else { throw TokenizerError(message: "no tokens") }
        let preName = md["tokenizer.ggml.pre"]?.stringValue ?? "default"
        guard let pre = PreTokenizer(metadataName: preName) else { throw TokenizerError(message: "unsupported pre-tokenizer \(preName)") }
        let types = md["tokenizer.ggml.token_type"]?.intArray.map { $0.map { Int32(truncatingIfNeeded: $0) } } ?? Array(repeating: 1, count: tokens.count)
        guard types.count == tokens.count else { throw TokenizerError(message: "token_type count differs from token count") }
        let mergeTexts = md["tokenizer.ggml.merges"]?.stringArray ?? []
        func tokenID(_ key: String) throws -> Int32? {
            guard let v = md[key] else { return nil }
            guard let i = v.intValue, i >= 0, i < tokens.count else { throw TokenizerError(message: "\(key) out of range") }
            return Int32(i)
        }
        try self.init(tokens: tokens, types: types, merges: mergeTexts, pre: pre,
                      bos: tokenID("tokenizer.ggml.bos_token_id"), eos: tokenID("tokenizer.ggml.eos_token_id"),
                      eot: tokenID("tokenizer.ggml.eot_token_id"),
                      addBOS: md["tokenizer.ggml.add_bos_token"] == .bool(true))
    }

    /// Builds a tokenizer from explicit tables (tests use small ones).
    public init(tokens: [String], types: [Int32], merges mergeTexts: [String], pre: PreTokenizer,
                bos: Int32?, eos: Int32?, eot: Int32? = nil, addBOS: Bool = false) throws {
        self.tokens = tokens
        self.tokenTypes = types
        self.preTokenizer = pre
        self.bosToken = bos
        self.eosToken = eos
        self.addBOS = addBOS
        var idOf: [String: Int32] = [:]
        idOf.reserveCapacity(tokens.count)
        for (i, t) in tokens.enumerated() where idOf[t] == nil { idOf[t] = Int32(i) }
        self.idOf = idOf
        var merges: [UInt64: UInt64] = [:]
        merges.reserveCapacity(mergeTexts.count)
        for (rank, m) in mergeTexts.enumerated() {
            guard let space = m.firstIndex(of: " ") else { continue }
            let a = String(m[..<space]), b = String(m[m.index(after: space)...])
            guard let ia = idOf[a], let ib = idOf[b], let ic = idOf[a + b] else { continue }
            let key = UInt64(UInt32(ia)) << 32 | UInt64(UInt32(ib))
            if merges[key] == nil { merges[key] = UInt64(rank) << 32 | UInt64(UInt32(ic)) }
        }
        self.merges = merges
        let (toUnicode, fromUnicode) = ByteLevel.tables
        var byteSymbol = [Int32](repeating: -1, count: 256)
        for b in 0..<256 { byteSymbol[b] = idOf[String(Character(toUnicode[b]))] ?? -1 }
        self.byteSymbol = byteSymbol
        var tokenBytes: [[UInt8]] = []
        tokenBytes.reserveCapacity(tokens.count)
        var specials: [(text: [UInt8], id: Int32)] = []
        var ends = Set<Int32>()
        for (i, t) in tokens.enumerated() {
            let type = types[i]
            if type == 3 || type == 4 {
                tokenBytes.append(Array(t.utf8))
                if !t.isEmpty { specials.append((Array(t.utf8), Int32(i))) }
                if ["<|im_end|>", "<|eot_id|>", "<|end_of_text|>", "<|endoftext|>", "<end_of_turn>", "</s>"].contains(t) { ends.insert(Int32(i)) }
            } else {
                tokenBytes.append(t.unicodeScalars.map { fromUnicode[$0] ?? UInt8(truncatingIfNeeded: $0.value) })
            }
        }
        if let eos { ends.insert(eos) }
        if let eot { ends.insert(eot) }
        self.endOfGenerationTokens = ends
        self.tokenBytes = tokenBytes
        self.specials = specials.sorted { $0.text.count > $1.text.count }
    }

    /// The token id whose text is exactly `text`, if any.
    public func id(of text: String) -> Int32? { idOf[text] }

    /// Encodes `text`. With `parseSpecial`, the text of control and user-defined tokens
    /// (e.g. `<|im_start|>`) becomes that token; otherwise it is encoded as plain text.
    /// Adds BOS when the model asks for it and `addBOS` is not overridden to false.
    public func encode(_ text: String, parseSpecial: Bool = true, addBOS: Bool? = nil) -> [Int32] {
        var out: [Int32] = []
        if addBOS ?? self.addBOS, let bos = bosToken { out.append(bos) }
        let bytes = Array(text.utf8)
        var fragmentStart = 0
        var i = 0
        if parseSpecial && !specials.isEmpty {
            while i < bytes.count {
                var matched: (text: [UInt8], id: Int32)?
                do {
                    for s in specials where s.text.count <= bytes.count - i && s.text[0] == bytes[i] {
                        if bytes[i..<(i + s.text.count)].elementsEqual(s.text) { matched = s; break }
                    }
                }
                if let m = matched {
                    encodeFragment(bytes[fragmentStart..<i], into: &out)
                    out.append(m.id)
                    i += m.text.count
                    fragmentStart = i
                } else {
                    i += 1
                }
            }
        }
        encodeFragment(bytes[fragmentStart...], into: &out)
        return out
    }

    private func encodeFragment(_ bytes: ArraySlice<UInt8>, into out: inout [Int32]) {
        guard !bytes.isEmpty else { return }
        let text = String(decoding: bytes, as: UTF8.self)
        var symbols: [Int32] = []
        for piece in preTokenizer.split(text) {
            symbols.removeAll(keepingCapacity: true)
            for b in piece.utf8 { symbols.append(byteSymbol[Int(b)]) }
            mergeSymbols(&symbols)
            for s in symbols where s >= 0 { out.append(s) }
        }
    }

    /// Repeatedly merges the adjacent pair of lowest rank (leftmost on ties).
    private func mergeSymbols(_ symbols: inout [Int32]) {
        while symbols.count > 1 {
            var bestRank = UInt64.max, bestAt = -1, bestID: Int32 = 0
            for k in 0..<(symbols.count - 1) {
                let key = UInt64(UInt32(bitPattern: symbols[k])) << 32 | UInt64(UInt32(bitPattern: symbols[k + 1]))
                if let m = merges[key], m >> 32 < bestRank {
                    bestRank = m >> 32; bestAt = k; bestID = Int32(truncatingIfNeeded: m & 0xFFFF_FFFF)
                }
            }
            if bestAt < 0 { return }
            symbols[bestAt] = bestID
            symbols.remove(at: bestAt + 1)
        }
    }

    /// The raw bytes a token stands for (special tokens render as their text).
    public func bytes(of token: Int32) -> [UInt8] {
        guard token >= 0, Int(token) < tokenBytes.count else { return [] }
        return tokenBytes[Int(token)]
    }

    /// Decodes tokens to text (invalid UTF-8 is replaced by U+FFFD).
    public func decode(_ tokens: [Int32]) -> String {
        var b: [UInt8] = []
        for t in tokens { b += bytes(of: t) }
        return String(decoding: b, as: UTF8.self)
    }
}

/// GPT-2's reversible map between bytes and printable Unicode characters.
enum ByteLevel {
    static let tables: ([Unicode.Scalar], [Unicode.Scalar: UInt8]) = {
        var to = [Unicode.Scalar](repeating: " ", count: 256)
        var from: [Unicode.Scalar: UInt8] = [:]
        var n: UInt32 = 0
        for b in 0..<256 {
            let printable = (33...126).contains(b) || (161...172).contains(b) || (174...255).contains(b)
            let u = printable ? Unicode.Scalar(UInt32(b))! : Unicode.Scalar(256 + n)!
            if !printable { n += 1 }
            to[b] = u
            from[u] = UInt8(b)
        }
        return (to, from)
    }()
}
