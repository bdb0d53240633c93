import Foundation
/// One token of an English sentence: a word, or a punctuation mark.
struct EnglishToken: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        case word
        case comma
        /// A sentence-final `.`, `!` or `?`.
        case stop
        /// Anything else (`;`, `:`, quotes, digits mixed with symbols…): the grammar has
        /// no place for it, so a sentence containing it is not understood.
        case other
    }

    var kind: Kind
    /// The text as written.
    var text: String
    /// The lower-cased text (for words); contractions are expanded (`isn't` → `is`, `not`).
    var lower: String
    /// 1-based column of the token's first character.
    var column: Int

    /// True for a word whose first letter is upper-case (a name, or a sentence's first word).
    var isCapitalized: Bool { text.first.map { $0.isUppercase } ?? false }
}

enum EnglishTokenizer {
    static let contractions: [String: [String]] = [
        "isn't": ["is", "not"], "aren't": ["are", "not"], "doesn't": ["does", "not"],
        "don't": ["do", "not"],
    ]

    /// Splits a sentence into words and punctuation. Never fails: characters outside the
    /// grammar become `.other` tokens.
    static func tokenize(_ sentence: String) -> [EnglishToken] {
        var tokens: [EnglishToken] = []
        let chars = Array(sentence)
        var i = 0
        func isWordChar(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "-" || c == "'" || c == "’" }
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace { i += 1; continue }
            let column = i + 1
            if c.isLetter || c.isNumber {
                var j = i
                while j < chars.count, isWordChar(chars[j]) { j += 1 }
                // A trailing hyphen or apostrophe is not part of the word.
                while j > i + 1, chars[j - 1] == "-" || chars[j - 1] == "'" || chars[j - 1] == "’" { j -= 1 }
                let text = String(chars[i..<j]).replacingOccurrences(of: "’", with: "'")
                let lower = text.lowercased()
                if let parts = contractions[lower] {
                    for part in parts {
                        tokens.append(EnglishToken(kind: .word, text: part, lower: part, column: column))
                    }
                } else {
                    tokens.append(EnglishToken(kind: .word, text: text, lower: lower, column: column))
                }
                i = j
                continue
            }
            let kind: EnglishToken.Kind
            switch c {
            case ",": kind = .comma
            case ".", "!", "?": kind = .stop
            default: kind = .other
            }
            tokens.append(EnglishToken(kind: kind, text: String(c), lower: String(c), column: column))
            i += 1
        }
        return tokens
    }
}
