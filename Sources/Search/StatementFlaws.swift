import Logic

/// Per-statement lexical flaws of a candidate's model translations, the evidence that
/// points at *which* statement to re-translate:
/// - an **ungrounded** predicate names no word of its sentence ("The squirrel sees the
///   lion." as `Visits(squirrel, lion)`);
/// - an **uncovered** word of the sentence is a name the theory uses elsewhere (a
///   predicate or constant of another statement) but this translation leaves out ("… and
///   it likes the cow …" translated without `cow`).
///
/// Names match words by stem (see `LexicalGroundingVerifier.sameStem`). Statements the
/// controlled parser or the problem fixed are never flawed.
public struct StatementFlaws: Sendable, Equatable {
    /// Per statement: predicates of the translation that name no word of the sentence.
    public var ungrounded: [[String]]
    /// Per statement: words of the sentence naming a symbol of the theory that the
    /// translation does not use.
    public var uncovered: [[String]]
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
            guard let t, t.origin != "fixed", t.origin != "controlled" else { continue }
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
        }
    }

    /// How flawed statement `i` is: its ungrounded predicates plus its uncovered words.
    public func weight(_ i: Int) -> Int { ungrounded[i].count + uncovered[i].count }

    /// Flaws over all statements.
    public var total: Int { checked.indices.reduce(0) { $0 + weight($1) } }

    /// The statements with at least one flaw.
    public var flawed: [Int] { checked.indices.filter { checked[$0] && weight($0) > 0 } }
}
