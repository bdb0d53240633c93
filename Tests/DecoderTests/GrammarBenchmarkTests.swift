import XCTest
import Foundation
import Logic
@testable import Decoder

/// Micro-benchmark of constrained decoding with grammars/fol.gbnf over a synthetic
/// 49,152-token vocabulary. Prints numbers; asserts only correctness (no timing).
/// Reproduce: `swift test --filter GrammarBenchmarkTests` (add `-c release` for release).
final class GrammarBenchmarkTests: XCTestCase {
    /// 256 byte tokens, then seeded BPE-like pieces: words with and without a leading
    /// space, capitalised words, digits, punctuation runs, FOL operators, Unicode symbols
    /// and UTF-8 fragments; the last id is end-of-sequence.
    static func bigVocabulary(size: Int = 49_152, seed: UInt64 = 42) -> (tokens: [[UInt8]], eos: Int) {
        var rng = SeededGenerator(seed: seed)
        var seen = Set<[UInt8]>()
        var tokens: [[UInt8]] = []
        for b in 0...255 { tokens.append([UInt8(b)]); seen.insert([UInt8(b)]) }
        func add(_ s: [UInt8]) { if !s.isEmpty, seen.insert(s).inserted { tokens.append(s) } }
        let fixed = ["all", " all", "exists", " exists", "->", " ->", " -> ", "<->", " <->", " &", " & ", " |", " | ",
                     "(x", "(x)", "(x,", " y)", "))", ")))", " (", " -", "¬", " ¬", "∀", "∀x", " ∀x", "∃", "∃x", " →", " ∧", " ∨",
                     " ↔", " ⊕", "x.", " x.", "(a", ", ", ",", " =", " !=", " ≠", "true", "false", "⊤", "⊥", "\n", "\n\n", "  "]
        for s in fixed { add(Array(s.utf8)) }
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        let unicode = ["é", "ü", "ß", "→", "∀", "∃", "∧", "∨", "¬", "你", "好", "😀", "—", "’", "“"]
        while tokens.count < size - 1 {
            let r = Int.random(in: 0..<100, using: &rng)
            var s = ""
            if r < 70 {
                let length = Int.random(in: 1...10, using: &rng)
                s = String((0..<length).map { _ in letters[Int.random(in: 0..<26, using: &rng)] })
                if Int.random(in: 0..<3, using: &rng) == 0 { s = s.prefix(1).uppercased() + s.dropFirst() }
                if Int.random(in: 0..<2, using: &rng) == 0 { s = " " + s }
                if Int.random(in: 0..<8, using: &rng) == 0 { s += ["(", "(x", ".", ",", ")", "'s"][Int.random(in: 0..<6, using: &rng)] }
            } else if r < 80 {
                s = String(Int.random(in: 0..<100_000, using: &rng))
            } else if r < 90 {
                let punctuation = Array(" ()[]{}.,;:!?-+*/=<>&|~'\"#$%")
                s = String((0..<Int.random(in: 2...4, using: &rng)).map { _ in punctuation[Int.random(in: 0..<punctuation.count, using: &rng)] })
            } else {
                s = (0..<Int.random(in: 1...3, using: &rng)).map { _ in unicode[Int.random(in: 0..<unicode.count, using: &rng)] }.joined()
                let bytes = Array(s.utf8)
                if Int.random(in: 0..<4, using: &rng) == 0 {   // a UTF-8 fragment
                    let cut = Int.random(in: 1..<max(2, bytes.count), using: &rng)
                    add(Array(bytes[..<cut]))
                    continue
                }
            }
            add(Array(s.utf8))
        }
        tokens.append([])
        return (tokens, tokens.count - 1)
    }

    /// Greedy longest-match tokenization (stands in for BPE).
    static func tokenize(_ text: String, index: [[UInt8]: Int]) -> [Int] {
        let bytes = Array(text.utf8)
        var result: [Int] = []
        var i = 0
        while i < bytes.count {
            var length = min(16, bytes.count - i)
            while length > 1, index[Array(bytes[i..<i + length])] == nil { length -= 1 }
            result.append(index[Array(bytes[i..<i + length])]!)
            i += length
        }
        return result
    }

    /// CPU time of this thread (the machine may be shared, so wall time would mislead).
    private static func seconds(_ body: () throws -> Void) rethrows -> Double {
        func now() -> Double {
            var t = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
            return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
        }
        let start = now()
        try body()
        return now() - start
    }

    func testFOLConstrainedDecodingCost() throws {
        let grammar = try GrammarTestSupport.loadGrammar("fol.gbnf")
        var (tokens, eos) = Self.bigVocabulary()
        var vocabulary: GrammarVocabulary!
        let build = Self.seconds { vocabulary = GrammarVocabulary(tokens: tokens, endOfSequence: eos) }
        var index: [[UInt8]: Int] = [:]
        for (id, bytes) in tokens.enumerated() where !bytes.isEmpty && index[bytes] == nil { index[bytes] = id }
        tokens = []

        // Texts to "generate": printed random formulas, as a model would emit them.
        var texts: [String] = [
            "all x. (Dog(x) -> Animal(x))", "∀x (Student(x) ∧ ¬Lazy(x) → ∃y (Teacher(y) ∧ Likes(y, x)))",
            "IsDependentOn(rina, caffeine) ⊕ Student(rina)",
        ]
        for seed in UInt64(1)...30 {
            var rng = SeededGenerator(seed: seed)
            var formula = Formula.predicate("Dog", [.variable("x")])
            for _ in 0..<4 {
                let other = Formula.predicate(["Animal", "Likes", "Red", "Student"][Int.random(in: 0..<4, using: &rng)],
                                              [.variable("x"), .function(["rina", "bob"][Int.random(in: 0..<2, using: &rng)], [])])
                switch Int.random(in: 0..<5, using: &rng) {
                case 0: formula = .and([formula, other])
                case 1: formula = .or([formula, .not(other)])
                case 2: formula = .implies(formula, other)
                case 3: formula = .iff(other, formula)
                default: formula = .exists("y", .and([formula, other]))
                }
            }
            let closed = Formula.forall("x", formula)
            texts.append(seed % 2 == 0 ? FOLPrinter.ascii(closed) : FOLPrinter.unicode(closed))
        }

        var steps = 0, coldMasks = 0, rejectedChecks = 0
        var fastTime = 0.0, acceptTime = 0.0, coldMaskTime = 0.0, warmMaskTime = 0.0, rejectTime = 0.0
        var worstColdMask = 0.0, allowedTotal = 0
        let rejectProbe = index[Array("}}".utf8)] ?? index[Array("{".utf8)]!
        for text in texts {
            var constraint = GrammarConstraint(grammar: grammar, vocabulary: vocabulary)
            for token in Self.tokenize(text, index: index) + [eos] {
                var ok = false
                fastTime += Self.seconds { ok = constraint.accepts(token: token) }
                XCTAssertTrue(ok, "fast path rejects token \(token) of \(text.debugDescription)")
                rejectTime += Self.seconds { ok = constraint.accepts(token: rejectProbe) }
                rejectedChecks += 1
                var mask = GrammarTokenMask(tokenCount: 0)
                let cold = Self.seconds { mask = constraint.allowedTokens() }
                let warm = Self.seconds { mask = constraint.allowedTokens() }
                coldMaskTime += cold
                worstColdMask = max(worstColdMask, cold)
                coldMasks += 1
                warmMaskTime += warm
                allowedTotal += mask.count
                XCTAssertTrue(mask.contains(token), "mask lacks token \(token) of \(text.debugDescription)")
                acceptTime += Self.seconds { try? constraint.accept(token: token) }
                steps += 1
            }
            XCTAssertTrue(constraint.hasEnded)
        }
        // Again with every transition known but no cached masks: the cost of the trie walk alone.
        grammar.automaton.forgetMasks()
        var walkTime = 0.0, walks = 0
        for text in texts {
            var constraint = GrammarConstraint(grammar: grammar, vocabulary: vocabulary)
            for token in Self.tokenize(text, index: index) {
                grammar.automaton.forgetMasks()
                walkTime += Self.seconds { _ = constraint.allowedTokens() }
                walks += 1
                try constraint.accept(token: token)
            }
        }
        // A fresh, lexically grounded grammar (names only from a sentence), as the semantic
        // parser would build per sentence: compile time and the first (cold) mask.
        let folText = try String(contentsOf: GrammarTestSupport.packageRoot.appendingPathComponent("grammars/fol.gbnf"), encoding: .utf8)
        let cut = folText.range(of: "name ::= [0-9A-Za-z_]+")!.lowerBound
        let keep = folText.range(of: "# Unicode White_Space")!.lowerBound
        let names = ["Dog", "Animal", "Likes", "rina", "caffeine", "x", "y", "z"].map(CompiledGrammar.literal).joined(separator: " | ")
        let groundedSource = folText[..<cut] + "name ::= \(names)\nplain-name ::= name\n" + folText[keep...]
        var grounded: CompiledGrammar!
        let compileTime = try Self.seconds { grounded = try CompiledGrammar(source: String(groundedSource)) }
        var groundedMask = GrammarTokenMask(tokenCount: 0)
        let groundedFirstMask = Self.seconds { groundedMask = GrammarMatcher(grammar: grounded).allowedTokens(vocabulary: vocabulary) }
        XCTAssertTrue(groundedMask.contains(index[Array("∀x".utf8)]!))
        XCTAssertFalse(groundedMask.contains(index[Array("Cat".utf8)] ?? index[Array("C".utf8)]!))

        let us = { (t: Double, n: Int) in String(format: "%.2f µs", t / Double(n) * 1e6) }
        print("""
            grammar benchmark, thread CPU time (fol.gbnf, \(vocabulary.tokenCount) tokens, \(vocabulary.trieNodeCount) trie nodes, \(texts.count) texts, \(steps) steps):
              vocabulary build:               \(String(format: "%.1f ms", build * 1e3))
              fast path, accepted token:      \(us(fastTime, steps)) per check
              fast path, rejected token:      \(us(rejectTime, rejectedChecks)) per check
              accept (advance) per token:     \(us(acceptTime, steps))
              full mask, first time at state: \(us(coldMaskTime, coldMasks)) mean, \(String(format: "%.2f ms", worstColdMask * 1e3)) worst
              full mask, transitions known:   \(us(walkTime, walks)) (the trie walk alone)
              full mask, cached:              \(us(warmMaskTime, coldMasks))
              allowed tokens per step:        \(allowedTotal / steps) mean
              fresh grounded grammar (8 names): compile \(String(format: "%.2f ms", compileTime * 1e3)), first mask \(String(format: "%.2f ms", groundedFirstMask * 1e3)) (\(groundedMask.count) tokens allowed)
              per-token grammar work (fast path + accept): \(us(fastTime + acceptTime, steps))
              per-token, fast path + accept + a cold mask every step (worst case): \(us(fastTime + acceptTime + coldMaskTime, steps))
            """)
    }
}
