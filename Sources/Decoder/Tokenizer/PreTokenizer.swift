/// Splits text into the pieces that byte-level BPE then encodes separately. Each case is a
/// hand-written matcher for the regular expression that llama.cpp uses for that
/// `tokenizer.ggml.pre` value (no regex engine involved).
public enum PreTokenizer: Sendable, Equatable {
    /// GPT-2: `'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+`.
    case gpt2
    /// `smollm` (and starcoder): every `\p{N}` is its own piece, then the GPT-2 expression.
    case smollm
    /// `llama-bpe` (Llama 3): `(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}|
    /// ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+`.
    case llama3
    /// `qwen2`: as Llama 3 but with single digits, `\p{N}`.
    case qwen2

    /// The pre-tokenizer named by `tokenizer.ggml.pre`, or nil if unsupported.
    public init?(metadataName: String) {
        switch metadataName {
        case "gpt-2", "gpt2", "default": self = .gpt2
        case "smollm", "starcoder", "refact", "codeshell": self = .smollm
        case "llama-bpe", "llama3", "smaug-bpe": self = .llama3
        case "qwen2", "deepseek-r1-qwen": self = .qwen2
        default: return nil
        }
    }

    /// Splits `text` into pieces whose concatenation is `text`.
    public func split(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var ranges: [Range<Int>] = []
        switch self {
        case .gpt2:
            Self.splitGPT2(scalars, 0..<scalars.count, into: &ranges)
        case .smollm:
            var start = 0
            for i in 0..<scalars.count where Self.isNumber(scalars[i]) {
                if start < i { Self.splitGPT2(scalars, start..<i, into: &ranges) }
                ranges.append(i..<(i + 1))
                start = i + 1
            }
            if start < scalars.count { Self.splitGPT2(scalars, start..<scalars.count, into: &ranges) }
        case .llama3:
            Self.splitLlama3(scalars, maxDigits: 3, into: &ranges)
        case .qwen2:
            Self.splitLlama3(scalars, maxDigits: 1, into: &ranges)
        }
        return ranges.map { r in
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars[r])
            return String(s)
        }
    }

    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return (c.value | 0x20) >= 0x61 && (c.value | 0x20) <= 0x7A }
        switch c.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    static func isNumber(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return c.value >= 0x30 && c.value <= 0x39 }
        switch c.properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber: return true
        default: return false
        }
    }

    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return c == " " || (c.value >= 9 && c.value <= 13) }
        return c.properties.isWhitespace
    }

    static func isOther(_ c: Unicode.Scalar) -> Bool { !isSpace(c) && !isLetter(c) && !isNumber(c) }

    /// Length of a contraction (`'s`, `'ll`, …) at `i`, or 0.
    static func contraction(_ s: [Unicode.Scalar], _ i: Int, _ end: Int, caseInsensitive: Bool) -> Int {
        guard s[i] == "'", i + 1 < end else { return 0 }
        func lower(_ c: Unicode.Scalar) -> Unicode.Scalar {
            caseInsensitive && c.value >= 0x41 && c.value <= 0x5A ? Unicode.Scalar(c.value + 32)! : c
        }
        let a = lower(s[i + 1])
        if a == "s" || a == "t" || a == "m" || a == "d" { return 2 }
        guard i + 2 < end else { return 0 }
        let b = lower(s[i + 2])
        if (a == "r" && b == "e") || (a == "v" && b == "e") || (a == "l" && b == "l") { return 3 }
        return 0
    }

    static func splitGPT2(_ s: [Unicode.Scalar], _ range: Range<Int>, into out: inout [Range<Int>]) {
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let start = i
            let c = contraction(s, i, end, caseInsensitive: false)
            if c > 0 { out.append(i..<(i + c)); i += c; continue }
            // ` ?\p{L}+`, ` ?\p{N}+`, ` ?[^\s\p{L}\p{N}]+`
            var j = i
            if s[j] == " " && j + 1 < end { j += 1 }
            let classes: [(Unicode.Scalar) -> Bool] = [isLetter, isNumber, isOther]
            var matched = false
            for cls in classes where cls(s[j]) {
                var k = j
                while k < end && cls(s[k]) { k += 1 }
                out.append(start..<k)
                i = k
                matched = true
                break
            }
            if matched { continue }
            // `\s+(?!\S)|\s+`
            var k = i
            while k < end && isSpace(s[k]) { k += 1 }
            if k > i {
                if k < end && k - i > 1 { k -= 1 }
                out.append(i..<k)
                i = k
                continue
            }
            // Unreachable in practice (every scalar is in one class); keep progress anyway.
            out.append(i..<(i + 1))
            i += 1
        }
    }

    static func splitLlama3(_ s: [Unicode.Scalar], maxDigits: Int, into out: inout [Range<Int>]) {
        var i = 0
        let end = s.count
        func isNewline(_ c: Unicode.Scalar) -> Bool { c == "\r" || c == "\n" }
        while i < end {
            let c = contraction(s, i, end, caseInsensitive: true)
            if c > 0 { out.append(i..<(i + c)); i += c; continue }
            // `[^\r\n\p{L}\p{N}]?\p{L}+`
            do {
                var j = i
                if !isNewline(s[j]) && !isLetter(s[j]) && !isNumber(s[j]) && j + 1 < end && isLetter(s[j + 1]) { j += 1 }
                if isLetter(s[j]) {
                    var k = j
                    while k < end && isLetter(s[k]) { k += 1 }
                    out.append(i..<k); i = k; continue
                }
            }
            // `\p{N}{1,maxDigits}`
            if isNumber(s[i]) {
                var k = i
                while k < end && k - i < maxDigits && isNumber(s[k]) { k += 1 }
                out.append(i..<k); i = k; continue
            }
            // ` ?[^\s\p{L}\p{N}]+[\r\n]*`
            do {
                var j = i
                if s[j] == " " && j + 1 < end && isOther(s[j + 1]) { j += 1 }
                if isOther(s[j]) {
                    var k = j
                    while k < end && isOther(s[k]) { k += 1 }
                    while k < end && isNewline(s[k]) { k += 1 }
                    out.append(i..<k); i = k; continue
                }
            }
            // whitespace run
            var k = i
            while k < end && isSpace(s[k]) { k += 1 }
            precondition(k > i, "every scalar is a letter, number, space or other")
            // `\s*[\r\n]+`: up to and including the last newline of the run.
            if let last = (i..<k).last(where: { isNewline(s[$0]) }) {
                out.append(i..<(last + 1)); i = last + 1; continue
            }
            // `\s+(?!\S)|\s+`
            if k < end && k - i > 1 { k -= 1 }
            out.append(i..<k); i = k
        }
    }
}
