/// How alike two symbol names look, in [0, 1]: the mean of the Dice coefficient of their
/// character bigrams (case and `_` ignored) and the Jaccard overlap of their words
/// (CamelCase and `_` split, lightly stemmed). `Meeting` and `Meetings` score high,
/// `LunchInCompany` and `HasLunchAtCompany` share words, `Q17` and `Dog` score 0.
public enum NameSimilarity {
    public static func score(_ a: String, _ b: String) -> Double {
        if a == b { return 1 }
        let x = letters(a), y = letters(b)
        if !x.isEmpty, x == y { return 1 }
        return (dice(bigrams(x), bigrams(y)) + jaccard(Set(words(a)), Set(words(b)))) / 2
    }

    /// Whether two names plausibly mean the same: they share a word, or score at least 0.5.
    public static func namesAgree(_ a: String, _ b: String) -> Bool {
        !Set(words(a)).isDisjoint(with: words(b)) || score(a, b) >= 0.5
    }

    static func letters(_ s: String) -> [Character] {
        s.lowercased().filter { $0 != "_" }.map { $0 }
    }

    static func bigrams(_ c: [Character]) -> [String: Int] {
        var out: [String: Int] = [:]
        if c.count < 2 { if let f = c.first { out[String(f), default: 0] += 1 }; return out }
        for i in 0..<(c.count - 1) { out[String([c[i], c[i + 1]]), default: 0] += 1 }
        return out
    }

    static func dice(_ a: [String: Int], _ b: [String: Int]) -> Double {
        let total = a.values.reduce(0, +) + b.values.reduce(0, +)
        guard total > 0 else { return 0 }
        var shared = 0
        for (k, n) in a { shared += min(n, b[k] ?? 0) }
        return 2 * Double(shared) / Double(total)
    }

    static func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
        let union = a.union(b).count
        return union == 0 ? 0 : Double(a.intersection(b).count) / Double(union)
    }

    /// `LunchInCompany` → lunch, in, company; `has_pets` → has, pet.
    static func words(_ s: String) -> [String] {
        var out: [String] = []
        var current = ""
        var previousLower = false
        for ch in s {
            if ch == "_" || ch == "-" || ch == " " {
                if !current.isEmpty { out.append(current) }
                current = ""
                previousLower = false
                continue
            }
            if ch.isUppercase && previousLower && !current.isEmpty {
                out.append(current)
                current = ""
            }
            current.append(ch)
            previousLower = ch.isLowercase || ch.isNumber
        }
        if !current.isEmpty { out.append(current) }
        return out.map { stem($0.lowercased()) }
    }

    /// A light stemmer: a plural `s`, then one of `ing`, `ed`, `e`, each only when at
    /// least three letters remain (`meetings` → meet, `located` and `locate` → locat).
    static func stem(_ word: String) -> String {
        var w = word
        if w.count > 3, w.hasSuffix("s"), !w.hasSuffix("ss") { w.removeLast() }
        for suffix in ["ing", "ed", "e"] where w.hasSuffix(suffix) && w.count >= suffix.count + 3 {
            w.removeLast(suffix.count)
            break
        }
        return w
    }
}
