import Foundation
/// The little morphology the controlled-English parser needs: noun plurals, the verb's
/// third-person singular, and how words become predicate and constant names.
///
/// The rules are chosen so that the two forms of a word always meet in one name:
/// `cats`/`cat` → `Cat`, `jompuses`/`jompus` → `Jompus`, `chase`/`chases` → `Chases`.
enum EnglishMorphology {
    /// Plural nouns whose singular the suffix rules would get wrong.
    static let irregularPlurals: [String: String] = [
        "people": "person", "persons": "person", "men": "man", "women": "woman",
        "children": "child", "mice": "mouse", "geese": "goose", "feet": "foot",
        "teeth": "tooth", "oxen": "ox", "cacti": "cactus", "fungi": "fungus",
        "wolves": "wolf", "knives": "knife", "wives": "wife", "lives": "life",
        "leaves": "leaf", "halves": "half", "calves": "calf", "shelves": "shelf",
        "thieves": "thief", "loaves": "loaf", "elves": "elf", "sheep": "sheep",
        "deer": "deer", "fish": "fish", "shoes": "shoe", "toes": "toe", "canoes": "canoe",
        "potatoes": "potato", "tomatoes": "tomato", "heroes": "hero", "echoes": "echo",
        "movies": "movie", "cookies": "cookie", "zombies": "zombie", "species": "species",
        "series": "series", "buses": "bus", "geniuses": "genius",
    ]

    static let irregularSingulars: Set<String> = Set(irregularPlurals.values)

    /// True for a word that reads as a plural noun: `cats`, `jompuses`, `people`,
    /// but not `famous`, `glass`, `jompus`, `this`.
    static func looksPlural(_ word: String) -> Bool {
        if let singular = irregularPlurals[word] { return singular != word || word == "sheep" || word == "deer" || word == "fish" }
        guard word.count >= 3, word.hasSuffix("s") else { return false }
        for ending in ["ss", "us", "is", "'s", "ous"] where word.hasSuffix(ending) { return false }
        return true
    }

    /// The singular of a plural noun (`jompuses` → `jompus`, `ponies` → `pony`).
    static func singular(_ plural: String) -> String {
        if let s = irregularPlurals[plural] { return s }
        let w = Array(plural)
        func drop(_ n: Int) -> String { String(w.dropLast(n)) }
        if plural.hasSuffix("ies") && w.count > 4 { return drop(3) + "y" }
        for ending in ["sses", "shes", "ches", "xes", "zzes"] where plural.hasSuffix(ending) { return drop(2) }
        if plural.hasSuffix("uses") && w.count > 4 {
            // `jompuses`, `campuses` lose "es"; `houses`, `causes` only "s".
            let before = w[w.count - 5]
            return before == "o" || before == "a" ? drop(1) : drop(2)
        }
        return drop(1)
    }

    /// The third-person singular of a verb's base form (`chase` → `chases`,
    /// `watch` → `watches`, `fly` → `flies`, `have` → `has`).
    static func thirdPersonSingular(_ base: String) -> String {
        switch base {
        case "have": return "has"
        case "be": return "is"
        default: break
        }
        for ending in ["s", "x", "z", "ch", "sh", "o"] where base.hasSuffix(ending) { return base + "es" }
        if base.hasSuffix("y"), base.count >= 2 {
            let beforeY = base[base.index(base.endIndex, offsetBy: -2)]
            if !"aeiou".contains(beforeY) { return String(base.dropLast()) + "ies" }
        }
        return base + "s"
    }

    /// True when `word` can be a verb in the third-person singular (`eats`, `chases`).
    static func isThirdPersonSingularVerb(_ word: String) -> Bool {
        word.count >= 3 && word.hasSuffix("s") && !word.hasSuffix("ss") && !word.hasSuffix("'s")
            && !word.hasSuffix("us")
    }

    /// True when `word` can be a verb's base form (`eat`, `chase`, `kiss`).
    static func isBaseFormVerb(_ word: String) -> Bool {
        guard word.count >= 2 else { return false }
        if word.hasSuffix("ed") && !word.hasSuffix("eed") { return false } // past tense
        return !word.hasSuffix("s") || word.hasSuffix("ss") || word.hasSuffix("us")
    }

    /// `red` → `Red`, `well-known` → `WellKnown`, `bald eagle` parts → `BaldEagle`.
    static func predicateName(_ words: [String]) -> String {
        var out = ""
        for word in words {
            for part in word.split(whereSeparator: { $0 == "-" || $0 == "_" }) {
                out += part.prefix(1).uppercased() + part.dropFirst()
            }
        }
        return out
    }

    /// `Bob` → `bob`, `the bald eagle` → `bald_eagle`.
    static func constantName(_ words: [String]) -> String {
        words.map { $0.lowercased().replacingOccurrences(of: "-", with: "_") }.joined(separator: "_")
    }

    /// Words that belong to the grammar itself (determiners, pronouns, connectives,
    /// auxiliaries, prepositions) and words that hedge or count (`most`, `probably`):
    /// none of them is ever read as an adjective, noun, verb or name, so a sentence
    /// that uses them outside the grammar is not understood rather than misread.
    static let reservedWords: Set<String> = [
        "a", "an", "the", "is", "are", "was", "were", "be", "been", "being", "am",
        "not", "no", "and", "or", "but", "if", "then", "else", "either", "neither", "nor",
        "all", "every", "each", "any", "some", "something", "someone", "somebody",
        "everything", "everyone", "everybody", "anything", "anyone", "anybody",
        "nothing", "nobody", "none", "it", "they", "he", "she", "them", "him", "her",
        "its", "their", "his", "hers", "theirs", "we", "you", "i", "me", "us", "our",
        "your", "my", "that", "who", "which", "whom", "whose", "what", "where", "when",
        "why", "how", "this", "these", "those", "there", "here", "does", "do", "did",
        "done", "has", "have", "had", "of", "to", "in", "on", "at", "by", "for", "with",
        "from", "as", "than", "so", "because", "since", "while", "until", "unless",
        "although", "though", "whether", "only", "also", "both", "most", "many", "few",
        "fewer", "several", "much", "more", "less", "least", "probably", "possibly",
        "perhaps", "maybe", "likely", "unlikely", "usually", "often", "sometimes",
        "always", "never", "generally", "typically", "rarely", "seldom", "almost",
        "nearly", "very", "too", "quite", "rather", "can", "could", "may", "might",
        "must", "shall", "should", "will", "would", "one", "ones", "other", "others",
        "another", "same", "such", "own", "just", "even", "still", "already", "yet",
        "about", "into", "onto", "over", "under", "after", "before", "between",
        "through", "without", "within", "against", "among", "per", "via", "mostly",
        "certainly", "definitely", "surely", "apparently", "seemingly", "allegedly",
        "supposedly", "reportedly", "presumably", "normally", "frequently",
        "occasionally", "hardly", "barely", "especially", "particularly", "mainly",
        "anymore", "again", "ever", "during", "around", "across", "behind", "beside",
        "beyond", "near", "toward", "towards", "upon", "despite", "except", "throughout",
        "along", "inside", "outside", "above", "below", "off", "out", "up", "down",
        // Adjectives that are not intersective: "a former student" is no student.
        "former", "fake", "alleged", "ex", "so-called", "would-be", "pseudo", "counterfeit",
        "imaginary", "fictional", "potential", "future", "past", "previous", "supposed",
        "putative", "virtual", "mock", "false", "true",
    ]

    /// True when `word`, written before a noun, can only be an adjective, so "a red cat" is
    /// `Red(x) ∧ Cat(x)`. A modifier that may be a noun ("club singles", "folk song",
    /// "baby elephant") is a compound whose meaning is not the intersection, so a noun
    /// phrase with such a modifier is not understood. Before "things"/"people" any word
    /// is an adjective ("Red, cold things").
    static func isClearlyAdjective(_ word: String) -> Bool {
        if commonAdjectives.contains(word) || word.contains("-") { return true }
        for suffix in ["ous", "ful", "ive", "able", "ible", "less", "ish", "ic", "ical"] where word.hasSuffix(suffix) && word.count > suffix.count + 2 {
            return true
        }
        return word.hasSuffix("ed") && !word.hasSuffix("eed") && word.count > 4
    }

    static let commonAdjectives: Set<String> = [
        "red", "blue", "green", "white", "black", "yellow", "brown", "grey", "gray", "pink",
        "purple", "orange", "big", "small", "large", "little", "tall", "short", "long", "young",
        "old", "new", "cute", "rare", "heavy", "hot", "cold", "warm", "good", "bad", "nice",
        "kind", "quiet", "rough", "round", "smart", "furry", "shy", "happy", "sad", "rich",
        "poor", "fast", "slow", "strong", "weak", "wet", "dry", "soft", "hard", "sweet",
        "sour", "bitter", "loud", "clean", "dirty", "sick", "healthy", "wild", "tame",
        "angry", "lazy", "busy", "free", "safe", "dangerous", "beautiful", "ugly", "wooden",
        "metallic", "transparent", "opaque", "bright", "dark", "dull", "feisty", "fierce",
        "mean", "luminous", "spicy", "earthy", "fruity", "floral", "aggressive", "liquid",
    ]

    /// Words that stand for "any entity" in a restrictor (`things`, `people`): they add
    /// no predicate, so "Quiet people are rough" is `∀x (Quiet(x) → Rough(x))`.
    static let domainPlurals: Set<String> = ["things", "people", "persons", "beings", "entities"]
    static let domainSingulars: Set<String> = ["thing", "person", "being", "entity"]
}
