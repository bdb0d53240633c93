/// The content words of an English sentence and the names made from them: CamelCase
/// predicate names (`red` → `Red`, plural `cats` → `Cats` and `Cat`) and lowercase
/// constants (the name `Bob` → `bob`, `the bear` → `bear`). Proper names give constants only. Function words (articles, copulas, quantifier words,
/// connectives, pronouns) give no names.
public struct SentenceWords: Sendable, Equatable {
    /// Content words other than proper names, lowercased, in order, without duplicates.
    public let contentWords: [String]
    /// Candidate predicate names.
    public let predicateNames: [String]
    /// Candidate constant names: proper names, then nouns right after an article.
    public let constantNames: [String]

    /// Words that never become names.
    public static let functionWords: Set<String> = [
        "a", "an", "the", "is", "are", "was", "were", "be", "been", "being", "am", "isn", "aren",
        "not", "no", "none", "nothing", "nobody", "all", "every", "each", "any", "some", "someone",
        "something", "somebody", "everyone", "everything", "everybody", "anyone", "anything",
        "if", "then", "and", "or", "either", "neither", "nor", "but", "also", "both", "only",
        "that", "which", "who", "whom", "whose", "it", "its", "they", "them", "their", "he",
        "she", "him", "her", "his", "hers", "this", "these", "those", "there", "of", "to", "in",
        "on", "at", "by", "for", "with", "as", "does", "do", "did", "doesn", "don", "t", "s",
        "has", "have", "had", "can", "will", "would", "should", "must", "may", "might", "thing",
        "things", "people", "person", "one", "ones", "so", "than", "when", "whenever", "where",
        "x", "y", "z", "forall", "exists", "true", "false",
    ]

    public init(_ sentence: String) {
        var words: [String] = []
        var current = ""
        for ch in sentence {
            if ch.isASCII && (ch.isLetter || ch.isNumber) { current.append(ch) } else if !current.isEmpty {
                words.append(current); current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        var content: [String] = []
        var names: [String] = []
        var objects: [String] = []
        for (i, w) in words.enumerated() {
            let lower = w.lowercased()
            guard let first = lower.first, first.isLetter, !Self.functionWords.contains(lower) else { continue }
            if Self.isName(words: words, at: i) {
                if !names.contains(lower) { names.append(lower) }
                continue
            }
            if !content.contains(lower) { content.append(lower) }
            if i > 0, ["the", "a", "an"].contains(words[i - 1].lowercased()), !objects.contains(lower) { objects.append(lower) }
        }
        contentWords = content
        var predicates: [String] = []
        for w in content {
            for form in Self.forms(of: w) {
                let name = form.prefix(1).uppercased() + form.dropFirst()
                if !predicates.contains(name) { predicates.append(name) }
            }
        }
        predicateNames = predicates
        constantNames = names + objects.filter { !names.contains($0) }
    }

    /// Whether `words[i]` is a proper name: capitalized and not sentence-initial, or
    /// sentence-initial, not plural-looking, and followed by a singular verb (`Bob is`,
    /// `Anne likes`).
    static func isName(words: [String], at i: Int) -> Bool {
        guard let first = words[i].first, first.isUppercase else { return false }
        if i > 0 { return true }
        guard words.count > 1, !words[i].lowercased().hasSuffix("s") else { return false }
        let next = words[1].lowercased()
        return ["is", "was", "has", "does", "can", "will"].contains(next) || (next.hasSuffix("s") && !next.hasSuffix("ss"))
    }

    /// The word itself and a naive singular / base form (`cats` → `cat`, `boxes` → `box`,
    /// `flies` → `fly`).
    static func forms(of word: String) -> [String] {
        var forms = [word]
        guard word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us") else { return forms }
        if word.hasSuffix("ies") { forms.append(String(word.dropLast(3)) + "y") } else if word.hasSuffix("ches") || word.hasSuffix("shes") || word.hasSuffix("xes") {
            forms.append(String(word.dropLast(2)))
        } else { forms.append(String(word.dropLast())) }
        return forms
    }
}
