// End-to-end accuracy from English: the controlled-English parser's formulas decided by
// the native prover. SemanticParserTests does not declare Prover as a dependency
// (Package.swift is not this module's to change), and importing an undeclared module is
// subject to build order, so these tests compile only when asked for:
//     swift test -Xswiftc -DENTAIL_ACCURACY_TESTS --filter ControlledEnglishAccuracyTests
// (ENTAIL_LONG_TESTS=1 runs all 3,000 ProofWriter problems). Adding "Prover" to the test
// target's dependencies makes the flag unnecessary.
#if canImport(Prover)
import Foundation
import Logic
import Prover
import XCTest
@testable import SemanticParser

final class ControlledEnglishAccuracyTests: XCTestCase {
    typealias Problem = ControlledEnglishDatasetTests.Problem

    struct Score {
        var correct = 0
        var total = 0
        var misses: [String] = []
    }

    /// Expected letter for a verdict: A true, B false, C unknown.
    static func letter(_ v: Verdict) -> String {
        switch v {
        case .true: return "A"
        case .false: return "B"
        case .unknown: return "C"
        default: return v.rawValue
        }
    }

    static func score(_ problems: [Problem], world: WorldAssumption) -> Score {
        var s = Score()
        let reasoner = OpenWorldReasoner(world: world)
        for p in problems {
            s.total += 1
            let t = ControlledEnglishParser.parse(context: p.context, conclusion: p.question)
            guard let premises = t.premiseFormulas, let goal = t.conclusion.parse.formula else {
                s.misses.append("\(p.id): not fully understood")
                continue
            }
            let d = reasoner.decide(premises: premises, conclusion: goal)
            if letter(d.verdict) == p.answer {
                s.correct += 1
            } else {
                s.misses.append("\(p.id): expected \(p.answer) got \(d.verdict) (\(d.reason))")
            }
        }
        return s
    }

    func testProntoQAAccuracy() throws {
        let problems = try ControlledEnglishDatasetTests.load("ProntoQA/dev-sample.json")
        for world in [WorldAssumption.open, .openForwardOnly] {
            let s = Self.score(problems, world: world)
            print("PrOntoQA controlled English + reasoner (\(world)): \(s.correct)/\(s.total)")
            s.misses.prefix(10).forEach { print("  \($0)") }
            XCTAssertEqual(s.correct, 100, "\(world)")
        }
    }

    func testProofWriterAccuracy() throws {
        var problems = try ControlledEnglishDatasetTests.load("ProofWriter/train.json")
        // The whole train split takes a while in a debug build; ENTAIL_LONG_TESTS=1 runs it all.
        if ProcessInfo.processInfo.environment["ENTAIL_LONG_TESTS"] != "1" {
            problems = Array(problems.prefix(600))
        }
        // ProofWriter's OWA labels follow forward rule application (no contrapositives):
        // `.openForwardOnly` is its semantics; classical `.open` is reported beside it.
        let forward = Self.score(problems, world: .openForwardOnly)
        print("ProofWriter controlled English + reasoner (openForwardOnly): \(forward.correct)/\(forward.total)")
        forward.misses.prefix(20).forEach { print("  \($0)") }
        let classical = Self.score(problems, world: .open)
        print("ProofWriter controlled English + reasoner (open, classical): \(classical.correct)/\(classical.total)")
        XCTAssertEqual(forward.correct, forward.total)
    }

    /// FOLIO from English: the problems the parser understands fully, decided by the
    /// native prover (open-world reasoner, MESON for what is outside its fragment).
    func testFOLIOFullyUnderstoodProblems() throws {
        let problems = try ControlledEnglishDatasetTests.load("FOLIO/train.json")
        var total = 0
        var correct = 0
        for p in problems {
            let t = ControlledEnglishParser.parse(context: p.context, conclusion: p.question)
            guard let premises = t.premiseFormulas, let goal = t.conclusion.parse.formula else { continue }
            total += 1
            let d = NativeProver().decide(premises: premises, conclusion: goal)
            if Self.letter(d.verdict) == p.answer {
                correct += 1
            } else {
                print("  FOLIO miss \(p.id): expected \(p.answer) got \(d.verdict) (\(d.reason))")
            }
        }
        print("FOLIO train, controlled English alone + native prover: \(correct)/\(total) fully understood problems correct (of \(problems.count))")
        XCTAssertGreaterThan(total, 0)
    }
}
#endif

