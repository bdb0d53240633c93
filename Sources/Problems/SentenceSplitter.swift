/// Splits a paragraph into sentences, for datasets that give their premises as one text.
///
/// A sentence ends at `.`, `!` or `?` (and any closing quotes or brackets after it)
/// followed by whitespace, unless the word before the period is a known abbreviation
/// (`Mr.`, `e.g.`, `U.S.`) or a single capital (an initial). Line breaks also end a
/// sentence when a blank line follows. Good enough for the templated English of
/// ProofWriter, PrOntoQA and FOLIO; not a general-purpose tokenizer.
public enum SentenceSplitter {
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "vs", "etc", "e.g", "i.e", "u.s", "u.k", "no", "inc", "ltd", "co", "mt",
    ]

    public static func split(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var sentences: [String] = []
        var start = 0
        func emit(_ end: Int) {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<end])
            let s = String(view).trimmingSpaces()
            if !s.isEmpty { sentences.append(s) }
            start = end
        }
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == "\n", i + 1 < scalars.count, scalars[i + 1] == "\n" {
                emit(i)
                i += 2
                continue
            }
            if c == "." || c == "!" || c == "?" {
                var end = i + 1
                while end < scalars.count, "\"')]”’".unicodeScalars.contains(scalars[end]) { end += 1 }
                let atBoundary = end == scalars.count || scalars[end].properties.isWhitespace
                if atBoundary, !(c == "." && endsWithAbbreviation(scalars, before: i)) {
                    emit(end)
                    i = end
                    continue
                }
            }
            i += 1
        }
        emit(scalars.count)
        return sentences
    }

    /// True when the word ending just before `index` is an abbreviation or an initial.
    private static func endsWithAbbreviation(_ scalars: [Unicode.Scalar], before index: Int) -> Bool {
        var j = index
        while j > 0, !scalars[j - 1].properties.isWhitespace { j -= 1 }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[j..<index])
        let word = String(view)
        if word.count == 1, let f = word.unicodeScalars.first, f.properties.isUppercase { return true }
        return abbreviations.contains(word.lowercased())
    }
}
