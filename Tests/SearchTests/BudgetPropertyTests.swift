import Logic
import XCTest
@testable import Search

/// Seeded property tests: on random scripted problems, every strategy stays within its
/// budget, and the same seed gives the same outcome.
final class BudgetPropertyTests: XCTestCase {
    static let letters = ["P", "Q", "R", "S"]

    /// A random ground problem: 2–4 premises and a conclusion, 1–4 readings each.
    func randomSource(_ g: inout SplitMix64) -> (ScriptedSource, SearchProblem) {
        func atom(_ g: inout SplitMix64) -> String { "\(Self.letters[Int(g.next() % 4)])(\(["a", "b"][Int(g.next() % 2)]))" }
        func reading(_ g: inout SplitMix64) -> String {
            switch g.next() % 4 {
            case 0: return atom(&g)
            case 1: return "-" + atom(&g)
            case 2: return "\(atom(&g)) -> \(atom(&g))"
            default: return "\(atom(&g)) | \(atom(&g))"
            }
        }
        let count = 3 + Int(g.next() % 3)
        var script: [String: [ScriptedSource.Entry]] = [:]
        var sentences: [String] = []
        for i in 0..<count {
            let sentence = "sentence \(i)"
            sentences.append(sentence)
            let readings = 1 + Int(g.next() % 4)
            script[sentence] = (0..<readings).map { _ in (reading(&g), -Double(g.next() % 50) / 10, 1 + Int(g.next() % 10)) }
        }
        return (ScriptedSource(script), scriptedProblem(sentences))
    }

    func randomStrategy(_ g: inout SplitMix64) -> Strategy {
        let k = 1 + Int(g.next() % 8)
        switch g.next() % 5 {
        case 0: return .single
        case 1: return .vote(samples: k)
        case 2: return .bestOfN(samples: k)
        case 3: return .resample(maxSamples: k, abstainBelow: 0.5)
        default: return .tree(expansions: k)
        }
    }

    func randomBudget(_ g: inout SplitMix64) -> Budget {
        Budget(tokens: g.next() % 3 == 0 ? nil : Int(g.next() % 200),
               modelCalls: g.next() % 3 == 0 ? nil : Int(g.next() % 20),
               proverCalls: g.next() % 3 == 0 ? nil : Int(g.next() % 20))
    }

    func testBudgetIsNeverExceededAndSeedsReplay() {
        let base = UInt64(ProcessInfo.processInfo.environment["ENTAIL_SEARCH_SEED"] ?? "20261122") ?? 20261122
        let cases = ProcessInfo.processInfo.environment["ENTAIL_LONG_TESTS"] == "1" ? 3000 : 300
        for n in 0..<cases {
            let seed = base &+ UInt64(n)
            var g = SplitMix64(seed: seed)
            let (source, problem) = randomSource(&g)
            let strategy = randomStrategy(&g)
            let budget = randomBudget(&g)
            let runSeed = g.next()
            var settings = SearchSettings(panel: .standard(useReference: false))
            settings.equivalentVoteOnce = g.next() % 2 == 0
            var a = InferenceSearch(source: source, decider: TruthTableDecider(), settings: settings)
            var b = a
            let x = a.run(problem, strategy: strategy, budget: budget, seed: runSeed)
            let y = b.run(problem, strategy: strategy, budget: budget, seed: runSeed)
            let context = "seed \(seed) (ENTAIL_SEARCH_SEED=\(seed)), \(strategy), \(budget)"
            XCTAssertTrue(x.cost.fits(budget), "over budget: \(x.cost) — \(context)")
            XCTAssertEqual(x.verdict, y.verdict, "verdict differs on replay — \(context)")
            XCTAssertEqual(x.candidates.map(\.verdict), y.candidates.map(\.verdict), "candidates differ — \(context)")
            XCTAssertEqual(x.candidates.map { $0.translations.map { $0?.text } }, y.candidates.map { $0.translations.map { $0?.text } }, context)
            XCTAssertEqual(x.cost.tokens, y.cost.tokens, context)
            XCTAssertEqual(x.cost.proverCalls, y.cost.proverCalls, context)
            XCTAssertEqual(x.trace.map(\.message), y.trace.map(\.message), context)
            for c in x.candidates {
                XCTAssertTrue((0...1).contains(c.score), "score out of range — \(context)")
                if c.accepted { XCTAssertTrue(c.isDefinite, context) }
            }
            if x.verdict == .abstain { XCTAssertNotEqual(x.unabstainedVerdict, .abstain, context) }
            if !x.cost.fits(budget) || x.verdict != y.verdict { return }
        }
    }

    func testBetaSamplesHaveTheRightMean() {
        var g = SplitMix64(seed: 99)
        for (a, b) in [(1.0, 1.0), (2.0, 5.0), (0.5, 0.5), (9.0, 1.0)] {
            let n = 4000
            var sum = 0.0
            for _ in 0..<n {
                let x = BetaSampling.beta(a, b, using: &g)
                XCTAssertTrue((0...1).contains(x))
                sum += x
            }
            XCTAssertEqual(sum / Double(n), a / (a + b), accuracy: 0.03, "Beta(\(a), \(b)), seed 99")
        }
    }

    func testCanonicalFormIgnoresBoundVariableNames() {
        let a = try! FOLParser.parse("all x. (P(x) -> exists y. Q(x, y))").formula
        let b = try! FOLParser.parse("all z. (P(z) -> exists w. Q(z, w))").formula
        let c = try! FOLParser.parse("all z. (P(z) -> exists w. Q(w, z))").formula
        XCTAssertEqual(CanonicalFormula.text(a), CanonicalFormula.text(b))
        XCTAssertNotEqual(CanonicalFormula.text(a), CanonicalFormula.text(c))
        XCTAssertEqual(CanonicalFormula.text(try! FOLParser.parse("Red(Bob)").formula, foldCase: true),
                       CanonicalFormula.text(try! FOLParser.parse("red(bob)").formula, foldCase: true))
    }
}
