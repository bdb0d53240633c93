/// Which tokens of a vocabulary are allowed: one bit per token id.
public struct GrammarTokenMask: Hashable, Sendable {
    public let tokenCount: Int
    public private(set) var words: [UInt64]

    public init(tokenCount: Int) {
        self.tokenCount = tokenCount
        self.words = [UInt64](repeating: 0, count: (tokenCount + 63) / 64)
    }

    @inline(__always)
    public func contains(_ token: Int) -> Bool {
        guard token >= 0, token < tokenCount else { return false }
        return words[token >> 6] & (1 << UInt64(token & 63)) != 0
    }

    @inline(__always)
    public mutating func insert(_ token: Int) {
        precondition(token >= 0 && token < tokenCount, "token id out of range")
        words[token >> 6] |= 1 << UInt64(token & 63)
    }

    /// Direct access to the bit words (bit `t & 63` of word `t >> 6` is token t); the
    /// body must not set bits at or beyond `tokenCount`.
    mutating func withUnsafeMutableWords<R>(_ body: (UnsafeMutableBufferPointer<UInt64>) throws -> R) rethrows -> R {
        try words.withUnsafeMutableBufferPointer { try body($0) }
    }

    /// Number of allowed tokens.
    public var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// The allowed token ids, ascending.
    public var allowed: [Int] { (0..<tokenCount).filter(contains) }

    /// One Bool per token id.
    public var booleans: [Bool] { (0..<tokenCount).map(contains) }
}
