import Foundation
import Logic
import XCTest
@testable import Prover

/// Seeded random theories (RandomTheory) decided by the native reasoners and by brute
/// force model enumeration: wherever both decide, they must agree. A failure prints the
/// seed and the theory; `ENTAIL_LONG_TESTS=1` runs ten times as many seeds.
final class DifferentialBruteForceTests: XCTestCase {
    var scale: UInt64 { ProcessInfo.processInfo.environment["ENTAIL_LONG_TESTS"] == "1" ? 10 : 1 }

    func testNativeProverAgreesWithBruteForce() {
        var decided = [Verdict: Int]()
        var routes = [String: Int]()
        for shape in RandomTheory.Shape.allCases {
            for seed in 0..<(600 * scale) {
                let t = RandomTheory.generate(seed: seed, shape: shape)
                guard let reference = BruteForceEntailment.verdict(premises: t.premises, conclusion: t.conclusion, constants: t.constants) else { continue }
                let d = NativeProver().decide(premises: t.premises, conclusion: t.conclusion)
                routes[d.reason.contains("function-free") ? "ground" : (d.reason.contains("MESON") ? "meson" : "rules"), default: 0] += 1
                guard d.verdict.isDecided else { XCTFail("undecided \(d.verdict) on \(t): \(d.reason)"); continue }
                decided[reference, default: 0] += 1
                if d.verdict != reference {
                    XCTFail("NativeProver says \(d.verdict), brute force \(reference) on \(t): \(d.reason)")
                }
            }
        }
        print("native vs brute force: \(decided) via \(routes)")
        XCTAssertGreaterThan(decided[.true, default: 0], 100)
        XCTAssertGreaterThan(decided[.false, default: 0], 100)
        XCTAssertGreaterThan(decided[.unknown, default: 0], 100)
        XCTAssertGreaterThan(decided[.inconsistent, default: 0], 50)
    }

    func testOpenWorldModesAgreeWithBruteForce() {
        var checked = 0
        for shape in [RandomTheory.Shape.horn, .withNegation, .withCycles, .relational] {
            for seed in 0..<(600 * scale) {
                let t = RandomTheory.generate(seed: seed, shape: shape)
                guard let reference = BruteForceEntailment.verdict(premises: t.premises, conclusion: t.conclusion, constants: t.constants) else { continue }
                let open = OpenWorldReasoner().decide(premises: t.premises, conclusion: t.conclusion)
                XCTAssertFalse(open.outsideFragment, "\(t)")
                XCTAssertEqual(open.verdict, reference, "open world vs brute force on \(t): \(open.reason)")
                if (open.verdict == .true || open.verdict == .false), let proof = open.proof {
                    XCTAssertEqual(proof.literal, SignedLiteral(open.verdict == .true ? t.conclusion : .not(t.conclusion)),
                                   "proof of the wrong literal on \(t)")
                    XCTAssertEqual(Set(proof.premisesUsed), Set(open.usedPremises), "\(t)")
                }
                // Forward-only derivations are sound: never a definite verdict classical
                // logic rejects (unless the premises are inconsistent).
                let forward = OpenWorldReasoner(world: .openForwardOnly).decide(premises: t.premises, conclusion: t.conclusion)
                if reference != .inconsistent {
                    XCTAssertTrue(forward.verdict == reference || forward.verdict == .unknown,
                                  "forward-only says \(forward.verdict), brute force \(reference) on \(t)")
                }
                if forward.verdict == .inconsistent { XCTAssertEqual(reference, .inconsistent, "\(t)") }
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 1500)
    }

    func testUsedPremisesSuffice() {
        // The premises a verdict names must on their own give the same verdict.
        for shape in RandomTheory.Shape.allCases {
            for seed in 0..<(150 * scale) {
                let t = RandomTheory.generate(seed: seed, shape: shape)
                let d = NativeProver().decide(premises: t.premises, conclusion: t.conclusion)
                guard [.true, .false, .inconsistent].contains(d.verdict) else { continue }
                let subset = d.usedPremises.map { t.premises[$0] }
                guard let reference = BruteForceEntailment.verdict(premises: subset, conclusion: t.conclusion, constants: t.constants) else { continue }
                if d.verdict == .inconsistent {
                    XCTAssertEqual(reference, .inconsistent, "used premises \(d.usedPremises) of \(t)")
                } else {
                    XCTAssertTrue(reference == d.verdict || reference == .inconsistent, "used premises \(d.usedPremises) of \(t) give \(reference)")
                }
            }
        }
    }

    func testMESONNeverContradictsBruteForce() {
        var limits = NativeLimits()
        limits.maxDepth = 14
        limits.maxInferences = 100_000
        limits.timeoutSeconds = 2
        var decided = 0
        for shape in RandomTheory.Shape.allCases {
            for seed in 0..<(120 * scale) {
                let t = RandomTheory.generate(seed: seed, shape: shape)
                guard let reference = BruteForceEntailment.verdict(premises: t.premises, conclusion: t.conclusion, constants: t.constants) else { continue }
                let d = MESONProver(limits: limits).decide(premises: t.premises, conclusion: t.conclusion)
                guard d.verdict.isDecided else { continue }
                decided += 1
                // MESON may see `true` where the premises are in fact inconsistent but its
                // consistency search was not exhausted; every other answer must match.
                if d.verdict != reference && !(reference == .inconsistent && (d.verdict == .true || d.verdict == .false)) {
                    XCTFail("MESON says \(d.verdict), brute force \(reference) on \(t): \(d.reason)")
                }
            }
        }
        print("MESON decided \(decided) random theories")
        XCTAssertGreaterThan(decided, 300)
    }
}
