import Logic
import SemanticParser

/// Per-statement lexical flaws of a candidate's model translations, the evidence that
/// points at *which* statement to re-translate:
/// - an **ungrounded** predicate names no word of its sentence ("The squirrel sees the
///   lion." as `Visits(squirrel, lion)`);
/// - an **uncovered** word of the sentence is a name the theory uses elsewhere (a
///   predicate or constant of another statement) but this translation leaves out ("… and
///   it likes the cow …" translated without `cow`);
/// - a **miscounted** word is one the sentence names more often than the translation
///   does ("If something eats the tiger then the tiger is young." as
///   `all x. (Eats(x, tiger) -> Young(x))`: two mentions of the tiger, one `tiger`), or
///   a conjunct or disjunct written twice (`Sees(dog, cat) & Sees(dog, cat)`).
///
/// Names match words by stem (see `LexicalGroundingVerifier.sameStem`). Statements the
/// controlled parser or the problem fixed are never flawed.
public struct StatementFlaws: Sendable, Equatable {
    /// Per statement: predicates of the translation that name no word of the sentence.
    public var ungrounded: [[String]]
    /// Per statement: words of the sentence naming a symbol of the theory that the
    /// translation does not use.
    public var uncovered: [[String]]
    /// Per statement: one entry per mention the translation is missing (the word), and
    /// one per repeated conjunct or disjunct (its text).
    public var miscounted: [[String]]
    /// Per statement: how many distinct words of the sentence name a symbol of the theory
    /// (the uncovered ones included).
    public var mentioned: [Int]
    /// Per statement: whether it was checked (a model translation exists).
    public var checked: [Bool]

    public init(_ candidate: CandidateTheory, problem: SearchProblem) {
        let statements = problem.statements
        let n = statements.count
        ungrounded = Array(repeating: [], count: n)
        uncovered = Array(repeating: [], count: n)
        miscounted = Array(repeating: [], count: n)
        checked = Array(repeating: false, count: n)
        mentioned = Array(repeating: 0, count: n)
        // Every symbol name's parts, over the whole theory.
        var theoryParts = Set<String>()
        var symbolParts: [[Set<String>]] = Array(repeating: [], count: n) // per statement: its names' parts
        var predicateNames: [Set<String>] = Array(repeating: [], count: n)
        for (i, t) in candidate.translations.enumerated() where i < n {
            guard let t else { continue }
            var names: [Set<String>] = []
            t.formula.forEachSymbol { name, _, isPredicate in
                let parts = Set(LexicalGroundingVerifier.parts(name))
                names.append(parts)
                theoryParts.formUnion(parts)
                if isPredicate { predicateNames[i].insert(name) }
            }
            symbolParts[i] = names
        }
        for (i, t) in candidate.translations.enumerated() where i < n {
            guard let t, t.isRevisable else { continue }
            checked[i] = true
            let words = LexicalGroundingVerifier.words(statements[i].sentence)
            // A name with no part of two letters or more (P, Q) cannot be judged.
            ungrounded[i] = predicateNames[i].filter { p in
                let parts = LexicalGroundingVerifier.parts(p)
                return !parts.isEmpty && !parts.contains { part in words.contains { LexicalGroundingVerifier.sameStem(part, $0) } }
            }.sorted()
            let used = symbolParts[i].reduce(into: Set<String>()) { $0.formUnion($1) }
            var missing: [String] = [], named = Set<String>()
            for w in words where !named.contains(w) {
                guard theoryParts.contains(where: { LexicalGroundingVerifier.sameStem($0, w) }) else { continue }
                named.insert(w)
                if !used.contains(where: { LexicalGroundingVerifier.sameStem($0, w) }) { missing.append(w) }
            }
            uncovered[i] = missing
            mentioned[i] = named.count
            miscounted[i] = Self.missingMentions(words: words, names: symbolParts[i], theoryParts: theoryParts)
                + Self.repeatedOperands(t.formula)
        }
    }

    /// How flawed statement `i` is: its ungrounded predicates, uncovered words and
    /// miscounted mentions.
    public func weight(_ i: Int) -> Int { ungrounded[i].count + uncovered[i].count + miscounted[i].count }

    /// The symbols of `candidate`'s translations (predicates and constants, once each, in
    /// order of first use) that the words name: the names a re-translation should put in
    /// for a statement's uncovered or miscounted words.
    public static func symbols(naming words: [String], in candidate: CandidateTheory) -> [String] {
        var out: [String] = []
        for t in candidate.translations {
            t?.formula.forEachSymbol { name, _, _ in
                guard !out.contains(name) else { return }
                let parts = LexicalGroundingVerifier.parts(name)
                if parts.contains(where: { p in words.contains { LexicalGroundingVerifier.sameStem(p, $0) } }) { out.append(name) }
            }
        }
        return out
    }

    /// For each content word of the sentence that names a symbol of the theory and that the
    /// translation uses at least once: the word once per mention more in the sentence than
    /// symbol occurrences of that stem in the translation.
    static func missingMentions(words: [String], names: [Set<String>], theoryParts: Set<String>) -> [String] {
        var out: [String] = [], seen: [String] = []
        for w in words where !SentenceWords.functionWords.contains(w) && !seen.contains(where: { LexicalGroundingVerifier.sameStem($0, w) }) {
            seen.append(w)
            guard theoryParts.contains(where: { LexicalGroundingVerifier.sameStem($0, w) }) else { continue }
            let said = words.filter { LexicalGroundingVerifier.sameStem($0, w) }.count
            let written = names.filter { $0.contains { LexicalGroundingVerifier.sameStem($0, w) } }.count
            if written > 0 && said > written { out += Array(repeating: w, count: said - written) }
        }
        return out
    }

    /// The text of each operand that appears a second time in one conjunction or
    /// disjunction, anywhere in the formula.
    static func repeatedOperands(_ f: Formula) -> [String] {
        var out: [String] = []
        func walk(_ f: Formula) {
            switch f {
            case .and(let fs), .or(let fs):
                for (k, g) in fs.enumerated() where fs[..<k].contains(g) { out.append("\(g)") }
                fs.forEach(walk)
            case .not(let g), .forall(_, let g), .exists(_, let g): walk(g)
            case .implies(let a, let b), .iff(let a, let b), .xor(let a, let b): walk(a); walk(b)
            case .truth, .falsity, .predicate, .equal: break
            }
        }
        walk(f)
        return out
    }

    /// Flaws over all statements.
    public var total: Int { checked.indices.reduce(0) { $0 + weight($1) } }

    /// The statements with at least one flaw.
    public var flawed: [Int] { checked.indices.filter { checked[$0] && weight($0) > 0 } }
}
