import XCTest
import Logic
@testable import Decoder

/// grammars/fol.gbnf must accept exactly what `FOLParser.parse` accepts (default options).
final class GrammarFOLAgreementTests: XCTestCase {
    private func parserAccepts(_ text: String) -> Bool {
        (try? FOLParser.parse(text)) != nil
    }

    /// Random closed formulas over names chosen to hit keywords and odd names.
    private struct RandomFormula {
        var rng: SeededGenerator
        let predicates = ["P", "Q", "Rel", "true", "all", "p9", "exists"]
        let constants = ["a", "b", "x", "all", "95", "jess", "false"]
        let functions = ["f", "g"]
        let variables = ["x", "y", "z", "p9"]  // not "all": Logic prints a variable named like a keyword unparseably

        mutating func pick(_ xs: [String]) -> String { xs[Int.random(in: 0..<xs.count, using: &rng)] }

        mutating func term(depth: Int, bound: [String]) -> Term {
            let r = Int.random(in: 0..<10, using: &rng)
            if r < 4, !bound.isEmpty { return .variable(pick(bound)) }
            if r < 8 || depth <= 0 { return .function(pick(constants), []) }
            let n = Int.random(in: 0...2, using: &rng)
            return .function(pick(functions), (0..<n).map { _ in term(depth: depth - 1, bound: bound) })
        }

        mutating func formula(depth: Int, bound: [String] = []) -> Formula {
            let r = depth <= 0 ? 0 : Int.random(in: 0..<10, using: &rng)
            switch r {
            case 0:
                switch Int.random(in: 0..<10, using: &rng) {
                case 0: return .truth
                case 1: return .falsity
                case 2: return .equal(term(depth: 1, bound: bound), term(depth: 1, bound: bound))
                case 3: return .not(.equal(term(depth: 1, bound: bound), term(depth: 1, bound: bound)))
                default:
                    let n = Int.random(in: 0...3, using: &rng)
                    return .predicate(pick(predicates), (0..<n).map { _ in term(depth: 1, bound: bound) })
                }
            case 1: return .not(formula(depth: depth - 1, bound: bound))
            case 2, 3:
                let fs = (0..<Int.random(in: 2...3, using: &rng)).map { _ in formula(depth: depth - 1, bound: bound) }
                return r == 2 ? .and(fs) : .or(fs)
            case 4: return .xor(formula(depth: depth - 1, bound: bound), formula(depth: depth - 1, bound: bound))
            case 5: return .implies(formula(depth: depth - 1, bound: bound), formula(depth: depth - 1, bound: bound))
            case 6: return .iff(formula(depth: depth - 1, bound: bound), formula(depth: depth - 1, bound: bound))
            default:
                let v = pick(variables)
                let body = formula(depth: depth - 1, bound: bound + [v])
                return r % 2 == 0 ? .forall(v, body) : .exists(v, body)
            }
        }
    }

    func testListsAgreeWithTheParser() {
        for text in GrammarFileTests.folPass {
            XCTAssertTrue(parserAccepts(text), "the parser rejects a pass-list entry: \(text.debugDescription)")
        }
        for text in GrammarFileTests.folFail {
            XCTAssertFalse(parserAccepts(text), "the parser accepts a fail-list entry: \(text.debugDescription)")
        }
    }

    func testPrintedRandomFormulasAreAccepted() throws {
        let grammar = try GrammarTestSupport.loadGrammar("fol.gbnf")
        for seed in UInt64(1)...400 {
            var generator = RandomFormula(rng: .init(seed: seed))
            let formula = generator.formula(depth: Int(seed % 5) + 1)
            for text in [FOLPrinter.ascii(formula), FOLPrinter.unicode(formula)] {
                XCTAssertTrue(parserAccepts(text), "seed \(seed): parser rejects printed \(text.debugDescription)")
                XCTAssertTrue(GrammarMatcher.matches(text, grammar: grammar), "seed \(seed): grammar rejects \(text.debugDescription)")
            }
        }
    }

    /// Mutated printed formulas: whatever the parser says, the grammar must say too.
    func testMutatedFormulasAgree() throws {
        let grammar = try GrammarTestSupport.loadGrammar("fol.gbnf")
        let fragments = ["(", ")", "&", "|", "⊕", "<~>", "->", "=>", "<->", "<=>", "→", "↔", "∧", "∨", "-", "¬", "~",
                         "∀", "∃", "all ", "exists ", "forall", ".", ",", ":", " ", "  ", "x", "y", "P", "a", "=", "!=", "≠",
                         "true", "false", "⊤", "$true", "1", "_", "\n", "<", ">", "!", "all", "(x)", "P(", "^", "'"]
        var accepted = 0, rejected = 0
        let seeds = ProcessInfo.processInfo.environment["ENTAIL_LONG_TESTS"] == nil ? 1500 : 30_000
        for seed in UInt64(1)...UInt64(seeds) {
            var generator = RandomFormula(rng: .init(seed: seed))
            let formula = generator.formula(depth: Int(seed % 4) + 1)
            var chars = Array(seed % 2 == 0 ? FOLPrinter.ascii(formula) : FOLPrinter.unicode(formula))
            for _ in 0..<Int.random(in: 1...3, using: &generator.rng) {
                let position = Int.random(in: 0...chars.count, using: &generator.rng)
                switch Int.random(in: 0..<4, using: &generator.rng) {
                case 0 where !chars.isEmpty:
                    chars.remove(at: min(position, chars.count - 1))
                case 1 where chars.count > 1:
                    let other = Int.random(in: 0..<chars.count, using: &generator.rng)
                    chars.swapAt(min(position, chars.count - 1), other)
                default:
                    let fragment = fragments[Int.random(in: 0..<fragments.count, using: &generator.rng)]
                    chars.insert(contentsOf: fragment, at: position)
                }
            }
            let text = String(chars)
            let byParser = parserAccepts(text)
            let byGrammar = GrammarMatcher.matches(text, grammar: grammar)
            XCTAssertEqual(byGrammar, byParser, "seed \(seed): parser \(byParser ? "accepts" : "rejects") \(text.debugDescription), grammar does not agree")
            if byParser { accepted += 1 } else { rejected += 1 }
        }
        // Both sides must be exercised, or the test proves little.
        XCTAssertGreaterThan(accepted, seeds / 10)
        XCTAssertGreaterThan(rejected, seeds / 10)
    }

    /// Every gold FOL string of FOLIO (../shared/datasets/folio): the grammar accepts
    /// exactly those the strict parser accepts.
    func testFOLIOGoldFormulasAgree() throws {
        let directory = GrammarTestSupport.packageRoot.appendingPathComponent("../shared/datasets/folio").standardized
        var formulas = Set<String>()
        for file in ["folio-train.jsonl", "folio-validation-dev.jsonl"] {
            let url = directory.appendingPathComponent(file)
            guard FileManager.default.fileExists(atPath: url.path) else { throw XCTSkip("\(url.path) absent") }
            for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") where !line.isEmpty {
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
                formulas.formUnion(object["premises-FOL"] as? [String] ?? [])
                if let conclusion = object["conclusion-FOL"] as? String { formulas.insert(conclusion) }
            }
        }
        let grammar = try GrammarTestSupport.loadGrammar("fol.gbnf")
        var accepted = 0
        for text in formulas.sorted() {
            let byParser = parserAccepts(text)
            XCTAssertEqual(GrammarMatcher.matches(text, grammar: grammar), byParser,
                           "parser \(byParser ? "accepts" : "rejects") \(text.debugDescription), grammar does not agree")
            if byParser { accepted += 1 }
        }
        print("FOLIO gold FOL: \(formulas.count) distinct strings, \(accepted) parse strictly; grammar agrees on all checked")
        XCTAssertGreaterThan(accepted, formulas.count / 2)
    }

    /// A "model" that picks random allowed tokens from a 49,152-token vocabulary: every
    /// step has some allowed token (no dead ends), and every text that reaches
    /// end-of-sequence parses.
    func testRandomConstrainedSamplingAlwaysParses() throws {
        let grammar = try GrammarTestSupport.loadGrammar("fol.gbnf")
        let (tokens, eos) = GrammarBenchmarkTests.bigVocabulary()
        let vocabulary = GrammarVocabulary(tokens: tokens, endOfSequence: eos)
        let closers = [")", "P", " ", "x", ".", "a"].map { Int(UInt8(ascii: Unicode.Scalar($0)!)) }
        let wordByte = Set(GrammarVocabulary.wordBytes)
        let isStructural = tokens.map { $0.contains { !wordByte.contains($0) } }
        var completed = 0
        for seed in UInt64(1)...40 {
            var rng = SeededGenerator(seed: seed)
            var constraint = GrammarConstraint(grammar: grammar, vocabulary: vocabulary)
            var bytes: [UInt8] = []
            for step in 0..<200 {
                let mask = constraint.allowedTokens()
                let allowed = mask.allowed
                XCTAssertFalse(allowed.isEmpty, "seed \(seed): dead end after \(String(decoding: bytes, as: UTF8.self).debugDescription)")
                if allowed.isEmpty { break }
                var token: Int
                if step >= 25 {
                    // Steer towards an end: stop if possible, else close or fill in.
                    token = mask.contains(eos) ? eos : (closers.first(where: mask.contains) ?? allowed[0])
                } else {
                    // Names fill half the vocabulary; favour structure (operators, brackets, symbols).
                    let structural = allowed.filter { isStructural[$0] }
                    let pool = !structural.isEmpty && Int.random(in: 0..<10, using: &rng) < 7 ? structural : allowed
                    token = pool[Int.random(in: 0..<pool.count, using: &rng)]
                    if token == eos, step < 3 { continue }
                }
                XCTAssertTrue(constraint.accepts(token: token), "seed \(seed): fast path disagrees with the mask")
                try constraint.accept(token: token)
                if token == eos { break }
                bytes += tokens[token]
            }
            guard constraint.hasEnded else { continue }
            completed += 1
            let text = String(decoding: bytes, as: UTF8.self)
            XCTAssertTrue(parserAccepts(text), "seed \(seed): sampled text does not parse: \(text.debugDescription)")
            if seed <= 3 { print("sampled under fol.gbnf (seed \(seed)): \(text.debugDescription)") }
        }
        XCTAssertGreaterThan(completed, 30)
    }
}
