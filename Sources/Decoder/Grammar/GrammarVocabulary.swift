/// A tokenizer's vocabulary as byte strings (index = token id), arranged as a trie for
/// computing grammar masks. Build it once per model and reuse it for every grammar.
///
/// Tokens with no bytes are never allowed by a grammar; the end-of-sequence token is
/// allowed exactly when the grammar can end. Give control/special tokens (BOS, `<|im_end|>`,
/// ...) empty byte strings here, or a grammar that admits free text would admit their
/// rendered text too.
public final class GrammarVocabulary: Sendable {
    public let tokenCount: Int
    public let endOfSequence: Int?
    let tokenBytes: [[UInt8]]

    // The trie in preorder: node i's subtree is i..<subtreeEnd[i]; the root (the empty
    // prefix) is not stored, so nodes at depth 1 are the first bytes of tokens.
    let nodeByte: [UInt8]
    let nodeDepth: [Int32]
    let subtreeEnd: [Int32]
    /// Tokens ending at node i are nodeTokens[nodeTokenStart[i] ..< nodeTokenStart[i + 1]].
    let nodeTokenStart: [Int32]
    let nodeTokens: [Int32]
    public let maxTokenLength: Int
    /// Whether every byte below node i (excluding i itself) is a word byte
    /// ([0-9A-Za-z_]): then a state that loops on word bytes accepts the whole subtree.
    let subtreeIsWord: [Bool]

    /// Word bytes: [0-9A-Za-z_].
    static let wordBytes: [UInt8] = Array(UInt8(ascii: "0")...UInt8(ascii: "9")) + Array(UInt8(ascii: "A")...UInt8(ascii: "Z"))
        + Array(UInt8(ascii: "a")...UInt8(ascii: "z")) + [UInt8(ascii: "_")]

    public init(tokens: [[UInt8]], endOfSequence: Int?) {
        self.tokenCount = tokens.count
        self.endOfSequence = endOfSequence
        self.tokenBytes = tokens
        let order = tokens.indices.filter { !tokens[$0].isEmpty && $0 != endOfSequence }
            .sorted { tokens[$0].lexicographicallyPrecedes(tokens[$1]) }
        var bytes: [UInt8] = [], depth: [Int32] = [], end: [Int32] = [], tokenStart: [Int32] = []
        var tokenList: [Int32] = []
        var path: [Int] = [] // node index at each depth of the current token
        var previous: [UInt8] = []
        var longest = 0
        for token in order {
            let current = tokens[token]
            longest = max(longest, current.count)
            var common = 0
            while common < min(previous.count, current.count), previous[common] == current[common] { common += 1 }
            while path.count > common { end[path.removeLast()] = Int32(bytes.count) }
            for i in common..<current.count {
                path.append(bytes.count)
                bytes.append(current[i])
                depth.append(Int32(i + 1))
                end.append(0)
                tokenStart.append(Int32(tokenList.count))
            }
            tokenList.append(Int32(token))
            previous = current
        }
        while let node = path.popLast() { end[node] = Int32(bytes.count) }
        tokenStart.append(Int32(tokenList.count))
        // tokenStart[i] was set when node i was created; tokens ending at node i were
        // appended before node i+1 was created, so the ranges are right.
        self.nodeByte = bytes
        self.nodeDepth = depth
        self.subtreeEnd = end
        self.nodeTokenStart = tokenStart
        self.nodeTokens = tokenList
        self.maxTokenLength = longest
        // nonWordBefore[i]: how many of nodes 0..<i carry a non-word byte.
        let isWord = Set(Self.wordBytes)
        var nonWordBefore = [Int32](repeating: 0, count: bytes.count + 1)
        for i in bytes.indices { nonWordBefore[i + 1] = nonWordBefore[i] + (isWord.contains(bytes[i]) ? 0 : 1) }
        self.subtreeIsWord = bytes.indices.map { nonWordBefore[Int(end[$0])] == nonWordBefore[$0 + 1] }
    }

    /// The bytes of a token (empty for control tokens and out-of-range ids).
    public func bytes(of token: Int) -> [UInt8] {
        token >= 0 && token < tokenCount ? tokenBytes[token] : []
    }

    /// Number of trie nodes (distinct non-empty token prefixes).
    public var trieNodeCount: Int { nodeByte.count }
}
