import Logic

/// The controlled-English grammar, read by a backtracking recursive-descent parser that
/// returns every reading of a sentence.
///
/// Each rule takes a token position and returns all `(value, next position)` pairs it
/// can match there; the sentence rule keeps the readings that consume every token.
/// A sentence is understood only when all its complete readings give the same formula:
/// no reading means "not understood", two different formulas mean "ambiguous". A step
/// budget bounds the search, so no input can make it run long.
///
/// The grammar (terminals quoted; `Adj`, `Noun`, `Verb` are open-class words, never a
/// reserved word of `EnglishMorphology.reservedWords`):
///
///     Sentence    = (Conditional | Universal | Existential | Fact) ["."]
///     Conditional = "if" Clauses [","] "then" Clauses | "if" Clauses "," Clauses
///     Clauses     = Clause {("and" | "or") Clause}          -- one connective only
///     Clause      = Subject VP(number of Subject)
///     Subject     = Entity | "it" | "they" | "he" | "she"
///                 | "something" | "someone" | "anything" | "anyone" | "a" Restrictor
///     Universal   = ["all"] Restrictor(pl) VP(pl) | ("every"|"each"|"any") Restrictor(sg) VP(sg)
///                 | "no" Restrictor VP            -- ∀x (R(x) → ¬VP(x))
///                 | ("everything"|"everyone"|"no one"|"nothing"|…) [RelClause] VP(sg)
///                 | ("something"|"someone") RelClause VP(sg)
///     Existential = "some" Restrictor VP | ("something"|"someone") VP(sg)
///     Fact        = Entity VP(sg)
///     Restrictor  = {Adj [","]} Noun [RelClause]   -- Noun "things"/"people" adds nothing
///     RelClause   = ("that"|"who"|"which") VP
///     VP          = VPAtom {("and"|"or") VPAtom}
///     VPAtom      = Copula ["not"] Complement | ("does"|"do") "not" Verb Entity | Verb Entity
///     Complement  = Item {("," | "and" | "or") Item} | "either" Item "or" Item
///                 | "neither" Item "nor" Item
///     Item        = ["not"] (Adj | "a" {Adj} Noun(sg) | {Adj} Noun(pl))
///     Entity      = "the" Word {Word} | Name {Name}
final class EnglishGrammar {
    /// A formula with a hole for its subject.
    struct Property {
        let apply: (Term) -> Formula
        func negated() -> Property { Property { .not(self.apply($0)) } }
    }

    enum Number { case singular, plural }

    enum Subject {
        case entity(Term)
        /// "something", "someone", "a cat": introduces the sentence's variable.
        case indefinite(Property?, head: String?)
        case pronoun
    }

    struct Clause {
        var subject: Subject
        var property: Property
    }

    enum Connective { case and, or }

    /// Bounds the work of one sentence (rule entries).
    static let stepLimit = 200_000
    /// Longer sentences are not understood (and cannot make the search slow).
    static let maxTokens = 80
    static let variable = "x"

    let tokens: [EnglishToken]
    private(set) var steps = 0
    private(set) var exhausted = false
    /// The furthest token any terminal matched: where "not understood" points.
    private(set) var furthest = 0

    init(tokens: [EnglishToken]) {
        self.tokens = tokens
    }

    // MARK: Sentence

    /// Every formula a complete reading of the sentence gives (duplicates removed).
    func sentenceReadings() -> [Formula] {
        var end = tokens.count
        if end > 0, tokens[end - 1].kind == .stop, tokens[end - 1].text == "." { end -= 1 }
        var readings: [(Formula, Int)] = []
        readings += conditional(0)
        readings += universal(0)
        readings += existential(0)
        readings += fact(0)
        var out: [Formula] = []
        for (f, next) in readings where next == end && !out.contains(f) { out.append(f) }
        return out
    }

    // MARK: Terminals

    private func tick() -> Bool {
        steps += 1
        if steps > EnglishGrammar.stepLimit { exhausted = true }
        return !exhausted
    }

    private func matched(_ i: Int) -> Int {
        furthest = max(furthest, i + 1)
        return i + 1
    }

    private func keyword(_ i: Int, _ words: String...) -> Int? {
        guard i < tokens.count, tokens[i].kind == .word, words.contains(tokens[i].lower) else { return nil }
        return matched(i)
    }

    private func comma(_ i: Int) -> Int? {
        guard i < tokens.count, tokens[i].kind == .comma else { return nil }
        return matched(i)
    }

    /// An open-class word (adjective, noun, verb, or part of a "the" name): a word that is
    /// not reserved, has no apostrophe, and is lower-case unless it begins the sentence
    /// (a capitalized word inside a sentence is a name: "Daveed Diggs played…").
    private func contentWord(_ i: Int) -> String? {
        guard i < tokens.count, tokens[i].kind == .word else { return nil }
        if i > 0 && tokens[i].isCapitalized { return nil }
        let w = tokens[i].lower
        guard !EnglishMorphology.reservedWords.contains(w), !w.contains("'"),
              w.first?.isLetter == true else { return nil }
        return w
    }

    // MARK: Sentence forms

    private func conditional(_ i: Int) -> [(Formula, Int)] {
        guard tick(), let j = keyword(i, "if") else { return [] }
        var out: [(Formula, Int)] = []
        for (antecedent, antConnective, k) in clauses(j, allowIndefinite: true) {
            var starts: [Int] = []
            if let c = comma(k) {
                starts.append(c)
                if let t = keyword(c, "then") { starts.append(t) }
            } else if let t = keyword(k, "then") {
                starts.append(t)
            }
            for start in starts {
                for (consequent, consConnective, end) in clauses(start, allowIndefinite: false) {
                    if let f = buildConditional(antecedent, antConnective, consequent, consConnective) {
                        out.append((f, end))
                    }
                }
            }
        }
        return out
    }

    private func buildConditional(_ antecedent: [Clause], _ antConnective: Connective,
                                  _ consequent: [Clause], _ consConnective: Connective) -> Formula? {
        var restriction: Property?? = nil // nil: no indefinite; .some(r): one indefinite
        var entities: [Term] = []
        var indefiniteHead: String?
        for clause in antecedent {
            switch clause.subject {
            case .indefinite(let r, let head):
                if restriction != nil { return nil } // two indefinites: two variables
                restriction = .some(r)
                indefiniteHead = head
            case .entity(let t):
                if !entities.contains(t) { entities.append(t) }
            case .pronoun: break
            }
        }
        let x = Term.variable(EnglishGrammar.variable)
        let pronounReferent: Term
        if restriction != nil {
            pronounReferent = x
        } else if entities.count == 1 {
            pronounReferent = entities[0]
        } else {
            let usesPronoun = (antecedent + consequent).contains {
                if case .pronoun = $0.subject { return true } else { return false }
            }
            if usesPronoun { return nil }
            pronounReferent = x
        }
        // "If a person is hungry, the person is sad": "the person" is the variable.
        let anaphor = indefiniteHead.map { Term.constant(EnglishMorphology.constantName([$0])) }
        func formula(_ clause: Clause) -> Formula {
            switch clause.subject {
            case .entity(let t): return clause.property.apply(t == anaphor ? x : t)
            case .indefinite, .pronoun: return clause.property.apply(pronounReferent)
            }
        }
        var antecedentFormulas = antecedent.map(formula)
        if case .some(.some(let r)) = restriction {
            antecedentFormulas.insert(r.apply(x), at: 0)
        }
        let lhs = antConnective == .and ? conjoin(antecedentFormulas) : disjoin(antecedentFormulas)
        if case .some(.some) = restriction, antConnective == .or { return nil } // "if a cat is A or B"
        let consequentFormulas = consequent.map(formula)
        let rhs = consConnective == .and ? conjoin(consequentFormulas) : disjoin(consequentFormulas)
        let body = Formula.implies(lhs, rhs)
        return restriction == nil ? body : .forall(EnglishGrammar.variable, body)
    }

    private func universal(_ i: Int) -> [(Formula, Int)] {
        guard tick() else { return [] }
        var out: [(Formula, Int)] = []
        let x = Term.variable(EnglishGrammar.variable)
        func rule(_ restriction: Property?, _ property: Property, negate: Bool) -> Formula {
            let head = negate ? .not(property.apply(x)) : property.apply(x)
            guard let r = restriction else { return .forall(EnglishGrammar.variable, head) }
            return .forall(EnglishGrammar.variable, .implies(r.apply(x), head))
        }
        // "All red things are round" / "Red things are round"
        for start in [keyword(i, "all"), i].compactMap({ $0 }) {
            for (r, j) in restrictor(start, .plural) {
                for (p, k) in vp(j, .plural) { out.append((rule(r, p, negate: false), k)) }
            }
        }
        if let start = keyword(i, "every", "each", "any") {
            for (r, j) in restrictor(start, .singular) {
                for (p, k) in vp(j, .singular) { out.append((rule(r, p, negate: false), k)) }
            }
        }
        if let start = keyword(i, "no") {
            for number in [Number.singular, .plural] {
                for (r, j) in restrictor(start, number) {
                    for (p, k) in vp(j, number) { out.append((rule(r, p, negate: true), k)) }
                }
            }
        }
        // "Everything that is red is round", "No one who is red is round"
        var pronouns: [(Int, Bool, Bool)] = [] // (next, negate, relative clause required)
        if let j = keyword(i, "everything", "everyone", "everybody", "anything", "anyone", "anybody") {
            pronouns.append((j, false, false))
        }
        if let j = keyword(i, "nothing", "nobody") { pronouns.append((j, true, false)) }
        if let j = keyword(i, "no"), let k = keyword(j, "one") { pronouns.append((k, true, false)) }
        if let j = keyword(i, "something", "someone", "somebody") { pronouns.append((j, false, true)) }
        for (j, negate, relativeRequired) in pronouns {
            var heads: [(Property?, Int)] = relativeRequired ? [] : [(nil, j)]
            heads += relativeClause(j, .singular).map { (Optional($0.0), $0.1) }
            for (r, k) in heads {
                for (p, end) in vp(k, .singular) { out.append((rule(r, p, negate: negate), end)) }
            }
        }
        return out
    }

    private func existential(_ i: Int) -> [(Formula, Int)] {
        guard tick() else { return [] }
        var out: [(Formula, Int)] = []
        let x = Term.variable(EnglishGrammar.variable)
        if let start = keyword(i, "some") {
            for number in [Number.singular, .plural] {
                for (r, j) in restrictor(start, number) {
                    for (p, k) in vp(j, number) {
                        let body = r.map { conjoin([$0.apply(x), p.apply(x)]) } ?? p.apply(x)
                        out.append((.exists(EnglishGrammar.variable, body), k))
                    }
                }
            }
        }
        if let j = keyword(i, "something", "someone", "somebody") {
            for (p, k) in vp(j, .singular) { out.append((.exists(EnglishGrammar.variable, p.apply(x)), k)) }
        }
        return out
    }

    private func fact(_ i: Int) -> [(Formula, Int)] {
        guard tick() else { return [] }
        var out: [(Formula, Int)] = []
        for (t, j) in entity(i) {
            for (p, k) in vp(j, .singular) { out.append((p.apply(t), k)) }
        }
        return out
    }

    // MARK: Clauses

    private func clauses(_ i: Int, allowIndefinite: Bool) -> [([Clause], Connective, Int)] {
        guard tick() else { return [] }
        var out: [([Clause], Connective, Int)] = []
        // Frontier of partial lists: (clauses, connective if fixed, next position).
        var frontier: [([Clause], Connective?, Int)] = clause(i, allowIndefinite: allowIndefinite).map { ([$0.0], nil, $0.1) }
        while let (list, connective, j) = frontier.popLast() {
            guard tick() else { return [] }
            out.append((list, connective ?? .and, j))
            var joins: [(Connective, Int)] = []
            let afterComma = comma(j) ?? j
            if let k = keyword(afterComma, "and") { joins.append((.and, k)) }
            if let k = keyword(afterComma, "or") { joins.append((.or, k)) }
            for (c, k) in joins where connective == nil || connective == c {
                for (next, end) in clause(k, allowIndefinite: allowIndefinite) {
                    frontier.append((list + [next], c, end))
                }
            }
        }
        return out
    }

    private func clause(_ i: Int, allowIndefinite: Bool) -> [(Clause, Int)] {
        guard tick() else { return [] }
        var out: [(Clause, Int)] = []
        for (subject, number, j) in subject(i, allowIndefinite: allowIndefinite) {
            for (p, k) in vp(j, number) { out.append((Clause(subject: subject, property: p), k)) }
        }
        return out
    }

    private func subject(_ i: Int, allowIndefinite: Bool) -> [(Subject, Number, Int)] {
        var out: [(Subject, Number, Int)] = entity(i).map { (.entity($0.0), .singular, $0.1) }
        if let j = keyword(i, "it", "he", "she") { out.append((.pronoun, .singular, j)) }
        if let j = keyword(i, "they") { out.append((.pronoun, .plural, j)) }
        if allowIndefinite {
            if let j = keyword(i, "something", "someone", "somebody", "anything", "anyone", "anybody") {
                out.append((.indefinite(nil, head: nil), .singular, j))
            }
            if let j = keyword(i, "a", "an") {
                for (r, head, k) in restrictorWithHead(j, .singular) {
                    out.append((.indefinite(r, head: head), .singular, k))
                }
            }
        }
        return out
    }

    // MARK: Noun phrases

    /// `{Adj [","]} Noun [RelClause]`; the property is nil for "things"/"people" alone.
    private func restrictor(_ i: Int, _ number: Number) -> [(Property?, Int)] {
        restrictorWithHead(i, number).map { ($0.0, $0.2) }
    }

    /// Restrictors with their head word (singular) for anaphora ("a person … the person").
    private func restrictorWithHead(_ i: Int, _ number: Number) -> [(Property?, String, Int)] {
        guard tick() else { return [] }
        var out: [(Property?, String, Int)] = []
        var adjectives: [String] = []
        var j = i
        while true {
            guard let word = contentWord(j) else { break }
            let next = matched(j)
            // `word` as the head noun.
            if let noun = headNoun(word, number),
               noun == nil || adjectives.allSatisfy(EnglishMorphology.isClearlyAdjective) {
                var parts = adjectives.map { adjectiveProperty($0) }
                if let noun { parts.append(nounProperty(noun)) }
                let head: Property? = parts.isEmpty ? nil : conjoinProperties(parts)
                let headWord = noun ?? (number == .plural ? EnglishMorphology.singular(word) : word)
                out.append((head, headWord, next))
                for (rel, k) in relativeClause(next, number) {
                    out.append((head.map { conjoinProperties([$0, rel]) } ?? rel, headWord, k))
                }
            }
            // `word` as an adjective before the head.
            guard !EnglishMorphology.looksPlural(word), adjectives.count < 6 else { break }
            adjectives.append(word)
            j = comma(next) ?? next
        }
        return out
    }

    /// The noun a head word names (`.some(nil)` for "things"/"people"), or nil when the
    /// word does not have the number required.
    private func headNoun(_ word: String, _ number: Number) -> String?? {
        switch number {
        case .plural:
            if EnglishMorphology.domainPlurals.contains(word) { return .some(nil) }
            return EnglishMorphology.looksPlural(word) ? .some(EnglishMorphology.singular(word)) : nil
        case .singular:
            if EnglishMorphology.domainSingulars.contains(word) { return .some(nil) }
            return EnglishMorphology.looksPlural(word) ? nil : .some(word)
        }
    }

    private func relativeClause(_ i: Int, _ number: Number) -> [(Property, Int)] {
        guard let j = keyword(i, "that", "who", "which") else { return [] }
        return vp(j, number)
    }

    /// `the bald eagle` → `bald_eagle`; `Bob` → `bob`.
    private func entity(_ i: Int) -> [(Term, Int)] {
        guard tick() else { return [] }
        var out: [(Term, Int)] = []
        if let j = keyword(i, "the") {
            var words: [String] = []
            var k = j
            while words.count < 4, let w = contentWord(k) {
                words.append(w)
                k = matched(k)
                out.append((.constant(EnglishMorphology.constantName(words)), k))
            }
        }
        var words: [String] = []
        var k = i
        while words.count < 4, k < tokens.count, tokens[k].kind == .word, tokens[k].isCapitalized,
              !EnglishMorphology.reservedWords.contains(tokens[k].lower), !tokens[k].lower.contains("'") {
            words.append(tokens[k].text)
            k = matched(k)
            out.append((.constant(EnglishMorphology.constantName(words)), k))
        }
        return out
    }

    // MARK: Verb phrases

    private func vp(_ i: Int, _ number: Number) -> [(Property, Int)] {
        guard tick() else { return [] }
        var out: [(Property, Int)] = []
        var frontier: [([Property], Connective?, Int)] = vpAtom(i, number).map { ([$0.0], nil, $0.1) }
        while let (list, connective, j) = frontier.popLast() {
            guard tick() else { return [] }
            let parts = list
            out.append((connective == .or ? disjoinProperties(parts) : conjoinProperties(parts), j))
            var joins: [(Connective, Int)] = []
            let afterComma = comma(j) ?? j
            if let k = keyword(afterComma, "and") { joins.append((.and, k)) }
            if let k = keyword(afterComma, "or") { joins.append((.or, k)) }
            for (c, k) in joins where connective == nil || connective == c {
                for (next, end) in vpAtom(k, number) { frontier.append((list + [next], c, end)) }
            }
        }
        return out
    }

    private func vpAtom(_ i: Int, _ number: Number) -> [(Property, Int)] {
        guard tick() else { return [] }
        var out: [(Property, Int)] = []
        if let j = keyword(i, number == .singular ? "is" : "are") {
            if let k = keyword(j, "not") {
                for (p, end, items) in complement(k, number) where items == 1 {
                    out.append((p.negated(), end))
                }
            } else {
                for (p, end, _) in complement(j, number) { out.append((p, end)) }
            }
        }
        if let j = keyword(i, number == .singular ? "does" : "do"), let k = keyword(j, "not"),
           let word = contentWord(k), EnglishMorphology.isBaseFormVerb(word) {
            let name = EnglishMorphology.predicateName([EnglishMorphology.thirdPersonSingular(word)])
            for (object, end) in entity(matched(k)) {
                out.append((Property { .not(.predicate(name, [$0, object])) }, end))
            }
        }
        if let word = contentWord(i) {
            let name: String?
            switch number {
            case .singular:
                name = EnglishMorphology.isThirdPersonSingularVerb(word) ? EnglishMorphology.predicateName([word]) : nil
            case .plural:
                name = EnglishMorphology.isBaseFormVerb(word)
                    ? EnglishMorphology.predicateName([EnglishMorphology.thirdPersonSingular(word)]) : nil
            }
            if let name {
                for (object, end) in entity(matched(i)) {
                    out.append((Property { .predicate(name, [$0, object]) }, end))
                }
            }
        }
        return out
    }

    /// Complements with the number of coordinated items (a negated copula takes one).
    private func complement(_ i: Int, _ number: Number) -> [(Property, Int, Int)] {
        guard tick() else { return [] }
        var out: [(Property, Int, Int)] = []
        // "either A or B" is exclusive (FOLIO annotates it with ⊕).
        if let j = keyword(i, "either") {
            for (a, k) in item(j, number) {
                guard let o = keyword(comma(k) ?? k, "or") else { continue }
                for (b, end) in item(o, number) {
                    out.append((Property { .xor(a.apply($0), b.apply($0)) }, end, 2))
                }
            }
        }
        if let j = keyword(i, "neither") {
            for (a, k) in item(j, number) {
                guard let o = keyword(k, "nor") else { continue }
                for (b, end) in item(o, number) {
                    out.append((Property { .and([.not(a.apply($0)), .not(b.apply($0))]) }, end, 2))
                }
            }
        }
        // Item {sep Item}: "," joins items only in a list that ends with "and"/"or".
        var frontier: [([Property], Connective?, Bool, Int)] = item(i, number).map { ([$0.0], nil, false, $0.1) }
        while let (list, connective, pendingComma, j) = frontier.popLast() {
            guard tick() else { return [] }
            if !pendingComma {
                if list.count == 1 {
                    out.append((list[0], j, 1))
                } else if let connective {
                    out.append((connective == .and ? conjoinProperties(list) : disjoinProperties(list), j, list.count))
                }
            }
            var joins: [(Connective?, Bool, Int)] = []
            if let c = comma(j) {
                joins.append((nil, true, c))
                if let k = keyword(c, "and") { joins.append((.and, false, k)) }
                if let k = keyword(c, "or") { joins.append((.or, false, k)) }
            }
            if let k = keyword(j, "and") { joins.append((.and, false, k)) }
            if let k = keyword(j, "or") { joins.append((.or, false, k)) }
            for (c, isComma, k) in joins {
                if let c, let connective, c != connective { continue }
                // After a connective, only a comma-free end may follow ("A, B and C").
                if isComma && connective != nil { continue }
                for (next, end) in item(k, number) {
                    frontier.append((list + [next], c ?? connective, isComma, end))
                }
            }
        }
        return out
    }

    /// `["not"] (Adj | "a" {Adj} Noun | {Adj} Nouns)`
    private func item(_ i: Int, _ number: Number) -> [(Property, Int)] {
        guard tick() else { return [] }
        if let j = keyword(i, "not") {
            return positiveItem(j, number).map { ($0.0.negated(), $0.1) }
        }
        return positiveItem(i, number)
    }

    private func positiveItem(_ i: Int, _ number: Number) -> [(Property, Int)] {
        var out: [(Property, Int)] = []
        if let word = contentWord(i), !EnglishMorphology.looksPlural(word) {
            out.append((adjectiveProperty(word), matched(i)))
        }
        var start: Int? = i
        if number == .singular { start = keyword(i, "a", "an") }
        guard var j = start else { return out }
        var adjectives: [Property] = []
        var modifiers: [String] = []
        while let word = contentWord(j), adjectives.count < 6 {
            let next = matched(j)
            let isNoun = number == .singular ? !EnglishMorphology.looksPlural(word) : EnglishMorphology.looksPlural(word)
            if isNoun, modifiers.allSatisfy(EnglishMorphology.isClearlyAdjective) {
                let noun = number == .singular ? word : EnglishMorphology.singular(word)
                out.append((conjoinProperties(adjectives + [nounProperty(noun)]), next))
            }
            guard !EnglishMorphology.looksPlural(word) else { break }
            adjectives.append(adjectiveProperty(word))
            modifiers.append(word)
            j = next
        }
        return out
    }

    // MARK: Building formulas

    private func adjectiveProperty(_ word: String) -> Property {
        let name = EnglishMorphology.predicateName([word])
        return Property { .predicate(name, [$0]) }
    }

    private func nounProperty(_ singular: String) -> Property {
        let name = EnglishMorphology.predicateName([singular])
        return Property { .predicate(name, [$0]) }
    }

    private func conjoinProperties(_ parts: [Property]) -> Property {
        parts.count == 1 ? parts[0] : Property { t in conjoin(parts.map { $0.apply(t) }) }
    }

    private func disjoinProperties(_ parts: [Property]) -> Property {
        parts.count == 1 ? parts[0] : Property { t in disjoin(parts.map { $0.apply(t) }) }
    }
}

/// The conjunction of the formulas, nested conjunctions flattened; one formula is itself.
func conjoin(_ formulas: [Formula]) -> Formula {
    var flat: [Formula] = []
    for f in formulas {
        if case .and(let inner) = f { flat += inner } else { flat.append(f) }
    }
    return flat.count == 1 ? flat[0] : .and(flat)
}

/// The disjunction of the formulas, nested disjunctions flattened; one formula is itself.
func disjoin(_ formulas: [Formula]) -> Formula {
    var flat: [Formula] = []
    for f in formulas {
        if case .or(let inner) = f { flat += inner } else { flat.append(f) }
    }
    return flat.count == 1 ? flat[0] : .or(flat)
}
