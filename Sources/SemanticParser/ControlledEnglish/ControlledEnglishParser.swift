import Foundation
import Logic

/// A deterministic parser for controlled English, in the spirit of Attempto Controlled
/// English: it covers the templated English of ProofWriter and PrOntoQA and FOLIO's
/// common patterns, and turns each sentence it fully understands into an exact formula.
///
/// Readings (see `EnglishGrammar` for the grammar):
/// - "Bob is red." → `Red(bob)`; "The bald eagle is not big." → `-Big(bald_eagle)`;
///   "Max is a yumpus." → `Yumpus(max)`.
/// - "The cat eats the dog." / "The cat does not eat the dog." → `Eats(cat, dog)` /
///   `-Eats(cat, dog)`: a verb's predicate is its third-person singular, CamelCase.
/// - "All red, cold things are round." / "Red, cold people are round." →
///   `all x. (Red(x) & Cold(x) -> Round(x))`: "things", "people" add no predicate.
/// - "Every wumpus is an impus." / "Wumpuses are impuses." → `all x. (Wumpus(x) -> Impus(x))`:
///   plural and singular nouns meet in one predicate.
/// - "No cat is red." → `all x. (Cat(x) -> -Red(x))`; "Some cats are red." →
///   `exists x. (Cat(x) & Red(x))`.
/// - "If something is quiet and cold then it is smart." →
///   `all x. (Quiet(x) & Cold(x) -> Smart(x))`; "If the cow is cold then the lion is big." →
///   `Cold(cow) -> Big(lion)`.
/// - "Something that is red is big." / "All cats who are red are big." → universal rules.
/// - "Bob is either red or blue." → `Red(bob) <~> Blue(bob)`: *either…or* is read as
///   exclusive, as FOLIO's annotations usually do; "red or blue" alone is inclusive.
///
/// The parser is a value that remembers the signature (predicate arities) of the problem
/// it is reading: a sentence that would use a predicate with a second arity is not
/// understood. A sentence with no reading, or with two readings that differ, is not
/// understood either, with a reason; nothing is guessed.
public struct ControlledEnglishParser: Sendable {
    /// Predicate name → arity, over every formula produced so far.
    public private(set) var predicateArities: [String: Int] = [:]
    /// Every constant produced so far, in order of first use.
    public private(set) var constants: [String] = []

    public init() {}

    /// Parses one sentence under the signature built so far, and extends the signature.
    public mutating func parse(sentence: String) -> SentenceParse {
        let trimmed = sentence.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return .notUnderstood(reason: "empty sentence") }
        let tokens = EnglishTokenizer.tokenize(trimmed)
        if tokens.count > EnglishGrammar.maxTokens {
            return .notUnderstood(reason: "sentence longer than \(EnglishGrammar.maxTokens) tokens")
        }
        if let odd = tokens.first(where: { $0.kind == .other }) {
            return .notUnderstood(reason: "column \(odd.column): '\(odd.text)' is outside the controlled grammar")
        }
        let grammar = EnglishGrammar(tokens: tokens)
        let readings = grammar.sentenceReadings()
        if grammar.exhausted {
            return .notUnderstood(reason: "sentence too complex (search budget exhausted)")
        }
        guard let formula = readings.first else {
            let at = min(grammar.furthest, tokens.count - 1)
            let token = tokens[max(at, 0)]
            return .notUnderstood(reason: "column \(token.column): no reading goes past '\(token.text)'")
        }
        if readings.count > 1 {
            let shown = readings.prefix(2).map { FOLPrinter.ascii($0) }.joined(separator: " | ")
            return .notUnderstood(reason: "ambiguous: \(readings.count) readings (\(shown))")
        }
        if let clash = adopt(formula) { return .notUnderstood(reason: "signature clash: \(clash)") }
        return .formula(formula, parser: .controlled)
    }

    /// Adds a formula's predicates and constants to the shared signature, unless a
    /// predicate would get a second arity: then the signature is unchanged and the clash
    /// is returned. Use it for formulas from another parser (the model), so the rest of
    /// the problem is read under one signature.
    public mutating func adopt(_ formula: Formula) -> String? {
        var arities = predicateArities
        var clash: String?
        SignatureCollector.visit(formula) { name, arity in
            if let known = arities[name], known != arity {
                clash = clash ?? "\(name) used with \(arity) arguments, earlier with \(known)"
            } else {
                arities[name] = arity
            }
        } constant: { _ in }
        if let clash { return clash }
        predicateArities = arities
        SignatureCollector.visit(formula) { _, _ in } constant: { name in
            if !constants.contains(name) { constants.append(name) }
        }
        return nil
    }

    /// Parses a problem: each sentence of the context, then the conclusion, all under one
    /// shared signature. A question such as "Based on the above information, is the
    /// following statement true, false, or unknown? The tiger is not young." may be
    /// passed as the conclusion: the statement after the last "? " is used.
    public static func parse(context: String, conclusion: String) -> ControlledTranslation {
        var parser = ControlledEnglishParser()
        let premises = splitSentences(context).map {
            TranslatedSentence(sentence: $0, parse: parser.parse(sentence: $0))
        }
        let statement = self.statement(fromQuestion: conclusion)
        let translated = TranslatedSentence(sentence: statement, parse: parser.parse(sentence: statement))
        return ControlledTranslation(premises: premises, conclusion: translated,
                                     predicateArities: parser.predicateArities, constants: parser.constants)
    }

    /// Splits text into sentences after each `.`, `!` or `?` that is followed by white
    /// space or the end; the final mark stays with its sentence.
    public static func splitSentences(_ text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        let chars = Array(text)
        for (i, c) in chars.enumerated() {
            current.append(c)
            if c == "." || c == "!" || c == "?", i + 1 == chars.count || chars[i + 1].isWhitespace {
                let s = current.trimmingCharacters(in: .whitespacesAndNewlines)
                if !s.isEmpty { sentences.append(s) }
                current = ""
            }
        }
        let rest = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !rest.isEmpty { sentences.append(rest) }
        return sentences
    }

    /// The statement a dataset question asks about: the text after the last "? " when the
    /// question has one ("…true, false, or unknown? The tiger is not young."), else the
    /// whole text.
    public static func statement(fromQuestion question: String) -> String {
        let trimmed = question.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let mark = trimmed.range(of: "? ", options: .backwards) else { return trimmed }
        return String(trimmed[mark.upperBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Walks a formula's predicate symbols and constants.
enum SignatureCollector {
    static func visit(_ f: Formula, predicate: (String, Int) -> Void, constant: (String) -> Void) {
        func term(_ t: Term) {
            switch t {
            case .variable: break
            case .function(let name, let args):
                if args.isEmpty { constant(name) }
                args.forEach(term)
            }
        }
        func walk(_ f: Formula) {
            switch f {
            case .truth, .falsity: break
            case .predicate(let name, let args):
                predicate(name, args.count)
                args.forEach(term)
            case .equal(let a, let b): term(a); term(b)
            case .not(let g): walk(g)
            case .and(let gs), .or(let gs): gs.forEach(walk)
            case .implies(let a, let b), .iff(let a, let b), .xor(let a, let b): walk(a); walk(b)
            case .forall(_, let g), .exists(_, let g): walk(g)
            }
        }
        walk(f)
    }
}
