import Logic

/// Checks that each model translation speaks of its own sentence: the share of its
/// predicates whose name (split at capitals and underscores) shares a stem — the first
/// four letters, or the whole of a shorter word — with a word of the sentence. A
/// translation that reuses a signature name for a sentence that never mentions it
/// ("Bob is big." as `Red(bob)`) scores 0. Does not apply when no translation is the model's.
public struct LexicalGroundingVerifier: Verifier {
    public let name = "lexical-grounding"
    public init() {}

    public func score(_ candidate: CandidateTheory, context: VerificationContext) -> VerifierScore? {
        let statements = context.problem.statements
        var total = 0.0, counted = 0
        var ungrounded: [String] = []
        for (i, t) in candidate.translations.enumerated() where i < statements.count {
            guard let t, t.isRevisable else { continue }
            let words = Self.words(statements[i].sentence)
            var predicates = Set<String>()
            t.formula.forEachSymbol { n, _, isPredicate in if isPredicate { predicates.insert(n) } }
            guard !predicates.isEmpty else { continue }
            let grounded = predicates.filter { p in Self.parts(p).contains { part in words.contains { Self.sameStem(part, $0) } } }
            total += Double(grounded.count) / Double(predicates.count)
            counted += 1
            ungrounded += predicates.subtracting(grounded).sorted().map { "\($0) in statement \(i + 1)" }
        }
        guard counted > 0 else { return nil }
        let reason = ungrounded.isEmpty ? "every predicate names a word of its sentence" : "not in the sentence: " + ungrounded.joined(separator: ", ")
        return VerifierScore(verifier: name, score: total / Double(counted), reason: reason)
    }

    static func words(_ sentence: String) -> [String] {
        sentence.lowercased().split { !$0.isLetter }.map(String.init).filter { $0.count >= 2 }
    }

    static func parts(_ name: String) -> [String] {
        var out: [String] = []
        var current = ""
        for c in name {
            if c == "_" || c == "-" || (c.isUppercase && !current.isEmpty) {
                if !current.isEmpty { out.append(current.lowercased()) }
                current = c == "_" || c == "-" ? "" : String(c)
            } else {
                current.append(c)
            }
        }
        if !current.isEmpty { out.append(current.lowercased()) }
        return out.filter { $0.count >= 2 }
    }

    static func sameStem(_ a: String, _ b: String) -> Bool {
        let n = min(4, min(a.count, b.count))
        guard n >= 2 else { return false }
        if min(a.count, b.count) < 4 && a.count != b.count { return a.hasPrefix(b) || b.hasPrefix(a) }
        return a.prefix(n) == b.prefix(n)
    }
}
