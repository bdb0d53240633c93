import Foundation
import Logic
import SemanticParser

/// Seeded variations of the stories already read, so the model learns structure rather
/// than names: reordered FOLIO premises, FOLIO stories with their named entities renamed,
/// and controlled-English stories with names and adjectives renamed and some sentences
/// negated or re-quantified (re-read by the controlled parser, so their formulas are exact).
extension TrainingPairsBuilder {
    /// Given names used for renamed entities (written for Entail).
    static let givenNames = [
        "Ada", "Boris", "Cleo", "Dmitri", "Elif", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Kira", "Lars",
        "Mina", "Nils", "Oona", "Pavel", "Quinn", "Rosa", "Soren", "Talia", "Umar", "Vera", "Wendel", "Xenia",
        "Yusuf", "Zora", "Arlo", "Bette", "Cyrus", "Dalia", "Emil", "Freya", "Gideon", "Hana", "Ivo", "Juno",
    ]
    /// Adjectives used for renamed properties.
    static let adjectives = [
        "shiny", "fuzzy", "brave", "quiet", "tiny", "grumpy", "clever", "sleepy", "loud", "gentle", "hollow",
        "rusty", "silky", "spotted", "striped", "wooden", "frozen", "golden", "muddy", "narrow", "polite",
        "rapid", "sour", "sticky", "tame", "vivid", "wild", "bumpy", "dusty", "eager", "fancy", "humble",
        "lucky", "nimble", "plain", "proud", "shy", "smooth", "steady", "wise", "zesty", "calm", "crisp",
    ]
    /// Nouns used for renamed things (`the cow` → `the otter`).
    static let nouns = [
        "otter", "badger", "falcon", "walrus", "beaver", "heron", "lynx", "panda", "raven", "salmon", "turtle",
        "weasel", "donkey", "ferret", "goose", "hamster", "koala", "llama", "moose", "parrot", "pigeon", "rabbit",
    ]

    /// `count` FOLIO stories (chosen at random) with their premises in a random order.
    public mutating func addReorderedFOLIO(count: Int, generator: inout SplitMix64) {
        guard !folioStories.isEmpty else { return }
        for _ in 0..<count {
            let story = folioStories[Int(generator.next() % UInt64(folioStories.count))]
            let order = Array(story.sentences.indices).shuffled(using: &generator)
            add(TrainingStory(sentences: order.map { story.sentences[$0] }, formulas: order.map { story.formulas[$0] },
                              source: story.source + ":reordered"), kind: "variation-reorder")
        }
    }

    /// Up to `count` FOLIO stories with each constant whose words occur in the premises
    /// (`rina` ~ "Rina", `new_york` ~ "New York") renamed to a fresh given name, in the
    /// text and the formulas alike. Stories with no such constant are passed over.
    public mutating func addRenamedFOLIO(count: Int, generator: inout SplitMix64) {
        guard !folioStories.isEmpty else { return }
        var made = 0, attempts = 0
        while made < count, attempts < count * 20 {
            attempts += 1
            let story = folioStories[Int(generator.next() % UInt64(folioStories.count))]
            var constants: [String] = []
            for f in story.formulas { Self.collectConstants(f, into: &constants) }
            var mapping: [String: String] = [:]
            var sentences = story.sentences
            var pool = Self.givenNames.shuffled(using: &generator)
            for c in constants {
                let phrase = c.replacingOccurrences(of: "_", with: " ")
                guard phrase.count >= 3, phrase.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == " ") }),
                      sentences.contains(where: { Self.containsWord($0, phrase) }), let fresh = pool.popLast() else { continue }
                mapping[c] = fresh.lowercased()
                sentences = sentences.map { Self.replaceWord($0, phrase, with: fresh) }
            }
            guard !mapping.isEmpty else { continue }
            // A fresh name must not collide with a name the story already uses.
            guard !constants.contains(where: { mapping.values.contains($0) }) else { continue }
            made += 1
            add(TrainingStory(sentences: sentences, formulas: story.formulas.map { Self.renameConstants($0, mapping) },
                              source: story.source + ":renamed"), kind: "variation-rename")
        }
    }

    /// `count` controlled stories (chosen at random) with names, nouns after "the" and
    /// adjectives after "is" renamed, and with probability `editRate` per sentence a
    /// negation toggled (`is` ↔ `is not`) or `All` ↔ `Some` swapped; the edited text is
    /// re-read by the controlled parser and every understood sentence emitted with
    /// probability `keepFraction`.
    public mutating func addControlledVariations(count: Int, editRate: Double, keepFraction: Double,
                                                 generator: inout SplitMix64) {
        guard !controlledTexts.isEmpty else { return }
        func unit() -> Double { Double(generator.next() >> 11) / Double(1 << 53) }
        for n in 0..<count {
            let base = controlledTexts[Int(generator.next() % UInt64(controlledTexts.count))]
            var names = Self.givenNames.shuffled(using: &generator)
            var nouns = Self.nouns.shuffled(using: &generator)
            var adjectives = Self.adjectives.shuffled(using: &generator)
            var mapping: [String: String] = [:]  // lowercased word → replacement
            var edited: [String] = []
            for sentence in base.sentences {
                var words = sentence.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
                for i in words.indices {
                    let (core, tail) = Self.splitPunctuation(words[i])
                    guard !core.isEmpty, core.allSatisfy({ $0.isASCII && $0.isLetter }) else { continue }
                    let lower = core.lowercased()
                    let previous = i > 0 ? words[i - 1].lowercased() : ""
                    var replacement: String? = mapping[lower]
                    if replacement == nil {
                        if i > 0, core.first!.isUppercase, previous != "the" {
                            replacement = names.popLast()
                        } else if previous == "the" {
                            replacement = nouns.popLast()
                        } else if previous == "is" || previous == "not", tail == "." {
                            replacement = adjectives.popLast()
                        }
                        if let r = replacement { mapping[lower] = r.lowercased() }
                    }
                    guard let r = replacement ?? mapping[lower] else { continue }
                    let cased = core.first!.isUppercase ? r.prefix(1).uppercased() + r.dropFirst().lowercased() : r.lowercased()
                    words[i] = cased + tail
                }
                var s = words.joined(separator: " ")
                if unit() < editRate {
                    if s.hasPrefix("All ") { s = "Some " + s.dropFirst(4) }
                    else if s.hasPrefix("Some ") { s = "All " + s.dropFirst(5) }
                    else if s.contains(" is not ") { s = s.replacingOccurrences(of: " is not ", with: " is ") }
                    else if let r = s.range(of: " is ") { s.replaceSubrange(r, with: " is not ") }
                }
                edited.append(s)
            }
            let story = controlledStory(sentences: edited, source: base.source + ":variant-\(n)")
            var draws: [Bool] = []
            for _ in story.sentences { draws.append(unit() < keepFraction) }
            add(story, kind: "variation-controlled") { draws[$0] }
        }
    }

    // MARK: Text and formula edits

    static func splitPunctuation(_ word: String) -> (core: String, tail: String) {
        var core = word
        var tail = ""
        while let last = core.last, !(last.isLetter || last.isNumber) { tail = String(last) + tail; core.removeLast() }
        return (core, tail)
    }

    static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }

    /// Ranges where `phrase` occurs in `text` as whole words, ignoring case.
    static func wordRanges(_ text: String, _ phrase: String) -> [Range<String.Index>] {
        var out: [Range<String.Index>] = []
        var start = text.startIndex
        while let r = text.range(of: phrase, options: .caseInsensitive, range: start..<text.endIndex) {
            let before = r.lowerBound == text.startIndex ? nil : text[text.index(before: r.lowerBound)]
            let after = r.upperBound == text.endIndex ? nil : text[r.upperBound]
            if !(before.map(isWordCharacter) ?? false), !(after.map(isWordCharacter) ?? false) { out.append(r) }
            start = r.upperBound
        }
        return out
    }

    static func containsWord(_ text: String, _ phrase: String) -> Bool { !wordRanges(text, phrase).isEmpty }

    static func replaceWord(_ text: String, _ phrase: String, with replacement: String) -> String {
        var result = text
        for r in wordRanges(text, phrase).reversed() { result.replaceSubrange(r, with: replacement) }
        return result
    }

    static func collectConstants(_ f: Formula, into out: inout [String]) {
        func term(_ t: Term) {
            if case .function(let name, let args) = t {
                if args.isEmpty { if !out.contains(name) { out.append(name) } } else { args.forEach(term) }
            }
        }
        switch f {
        case .truth, .falsity: break
        case .predicate(_, let args): args.forEach(term)
        case .equal(let a, let b): term(a); term(b)
        case .not(let g), .forall(_, let g), .exists(_, let g): collectConstants(g, into: &out)
        case .and(let gs), .or(let gs): for g in gs { collectConstants(g, into: &out) }
        case .implies(let a, let b), .iff(let a, let b), .xor(let a, let b):
            collectConstants(a, into: &out); collectConstants(b, into: &out)
        }
    }

    static func renameConstants(_ f: Formula, _ map: [String: String]) -> Formula {
        func term(_ t: Term) -> Term {
            switch t {
            case .variable: return t
            case .function(let name, let args):
                return args.isEmpty ? .function(map[name] ?? name, []) : .function(name, args.map(term))
            }
        }
        switch f {
        case .truth, .falsity: return f
        case .predicate(let p, let args): return .predicate(p, args.map(term))
        case .equal(let a, let b): return .equal(term(a), term(b))
        case .not(let g): return .not(renameConstants(g, map))
        case .and(let gs): return .and(gs.map { renameConstants($0, map) })
        case .or(let gs): return .or(gs.map { renameConstants($0, map) })
        case .implies(let a, let b): return .implies(renameConstants(a, map), renameConstants(b, map))
        case .iff(let a, let b): return .iff(renameConstants(a, map), renameConstants(b, map))
        case .xor(let a, let b): return .xor(renameConstants(a, map), renameConstants(b, map))
        case .forall(let v, let g): return .forall(v, renameConstants(g, map))
        case .exists(let v, let g): return .exists(v, renameConstants(g, map))
        }
    }
}
