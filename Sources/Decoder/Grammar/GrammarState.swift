/// Where a match stands: the set of pushdown stacks, plus the bytes of a UTF-8 code point
/// that has started but not finished (tokens may split a code point).
struct GrammarState: Hashable, Sendable {
    /// Canonically ordered, distinct; an empty stack means the start rule may end here.
    var stacks: [[Int32]] { didSet { fingerprint = Self.fingerprint(of: stacks) } }
    /// A hash of `stacks`, computed once: states are hashed far more often than built.
    private(set) var fingerprint: UInt64
    /// Bits of the pending code point read so far.
    var pendingBits: UInt32 = 0
    /// Continuation bytes still expected (0: no code point pending).
    var pendingRemaining: UInt8 = 0
    /// Total byte length of the pending code point.
    var pendingLength: UInt8 = 0

    init(stacks: [[Int32]]) {
        self.stacks = stacks
        self.fingerprint = Self.fingerprint(of: stacks)
    }

    var isComplete: Bool { pendingRemaining == 0 && stacks.first?.isEmpty == true }

    func hash(into hasher: inout Hasher) {
        hasher.combine(fingerprint)
        hasher.combine(pendingBits)
        hasher.combine(pendingRemaining)
    }

    static func == (a: GrammarState, b: GrammarState) -> Bool {
        a.fingerprint == b.fingerprint && a.pendingBits == b.pendingBits && a.pendingRemaining == b.pendingRemaining
            && a.pendingLength == b.pendingLength && a.stacks == b.stacks
    }

    /// FNV-1a over the stack lengths and entries.
    private static func fingerprint(of stacks: [[Int32]]) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for stack in stacks {
            h = (h ^ UInt64(stack.count)) &* 0x100000001b3
            for entry in stack { h = (h ^ UInt64(UInt32(bitPattern: entry))) &* 0x100000001b3 }
        }
        return h
    }
}

/// The outcome of feeding one byte to a state.
enum GrammarStep {
    case next(GrammarState)
    case rejected
    case limitExceeded
}

extension CompiledGrammar {
    /// Feeds one byte: decodes UTF-8 incrementally, advancing the stacks whenever a code
    /// point completes. A partial code point is kept only if some stack could still accept
    /// a code point starting with those bytes, so no accepted prefix is a dead end.
    func step(_ state: GrammarState, byte: UInt8) -> GrammarStep {
        var next = state
        if state.pendingRemaining == 0 {
            switch byte {
            case 0x00...0x7F:
                return advanceCodePoint(state.stacks, UInt32(byte))
            case 0xC2...0xDF: next.pendingBits = UInt32(byte & 0x1F); next.pendingLength = 2
            case 0xE0...0xEF: next.pendingBits = UInt32(byte & 0x0F); next.pendingLength = 3
            case 0xF0...0xF4: next.pendingBits = UInt32(byte & 0x07); next.pendingLength = 4
            default: return .rejected
            }
            next.pendingRemaining = next.pendingLength - 1
        } else {
            guard byte & 0xC0 == 0x80 else { return .rejected }
            next.pendingBits = state.pendingBits << 6 | UInt32(byte & 0x3F)
            next.pendingRemaining -= 1
            if next.pendingRemaining == 0 {
                let codePoint = next.pendingBits
                guard codePoint >= Self.minimumCodePoint(length: next.pendingLength),
                      codePoint <= GrammarCharacterClass.maxCodePoint,
                      !(0xD800...0xDFFF).contains(codePoint) else { return .rejected }
                return advanceCodePoint(state.stacks, codePoint)
            }
        }
        // Still pending: is any completion both valid UTF-8 and admitted by some stack?
        let shift = UInt32(6 * next.pendingRemaining)
        let lower = max(next.pendingBits << shift, Self.minimumCodePoint(length: next.pendingLength))
        let upper = min(next.pendingBits << shift | (1 << shift - 1), GrammarCharacterClass.maxCodePoint)
        guard lower <= upper else { return .rejected }
        let belowSurrogates = lower <= 0xD7FF && admitsSome(state.stacks, lower, min(upper, 0xD7FF))
        let aboveSurrogates = upper >= 0xE000 && admitsSome(state.stacks, max(lower, 0xE000), upper)
        return belowSurrogates || aboveSurrogates ? .next(next) : .rejected
    }

    private func advanceCodePoint(_ stacks: [[Int32]], _ codePoint: UInt32) -> GrammarStep {
        guard let advanced = advance(stacks, codePoint: codePoint) else { return .limitExceeded }
        return advanced.isEmpty ? .rejected : .next(GrammarState(stacks: advanced))
    }

    private static func minimumCodePoint(length: UInt8) -> UInt32 {
        switch length {
        case 2: return 0x80
        case 3: return 0x800
        case 4: return 0x10000
        default: return 0
        }
    }
}
