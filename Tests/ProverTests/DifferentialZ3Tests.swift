import Foundation
import Logic
import XCTest
import Z3Bridge
@testable import Prover

/// The native prover against Z3 on seeded random theories of every shape (Horn, with
/// negation, with cycles, non-Horn, relational, first-order with existentials and
/// equations): wherever both decide, they must give the same verdict. 1,200 theories by
/// default; ENTAIL_LONG_TESTS=1 runs 12,000.
final class DifferentialZ3Tests: XCTestCase {
    func testNativeProverAgreesWithZ3() throws {
        let perShape: UInt64 = ProcessInfo.processInfo.environment["ENTAIL_LONG_TESTS"] == "1" ? 2_000 : 200
        let z3 = Z3Entailment(timeout: .seconds(5), readModels: false)
        var compared = 0, undecided = 0
        var verdicts: [Verdict: Int] = [:]
        for shape in RandomTheory.Shape.allCases {
            for seed in 0..<perShape {
                let t = RandomTheory.generate(seed: seed, shape: shape)
                let native = NativeProver().decide(premises: t.premises, conclusion: t.conclusion)
                let reference = try z3.decide(premises: t.premises, conclusion: t.conclusion).verdict
                guard native.verdict.isDecided, reference.isDecided else { undecided += 1; continue }
                compared += 1
                verdicts[reference, default: 0] += 1
                if native.verdict != reference {
                    XCTFail("seed \(seed) shape \(shape.rawValue): native \(native.verdict), z3 \(reference) on \(t): \(native.reason)")
                }
            }
        }
        print("native vs z3: \(compared) compared, \(undecided) undecided by one side, verdicts \(verdicts)")
        XCTAssertGreaterThan(compared, Int(perShape) * RandomTheory.Shape.allCases.count * 9 / 10)
        for v in [Verdict.true, .false, .unknown, .inconsistent] {
            XCTAssertGreaterThan(verdicts[v, default: 0], 20, "too few \(v) theories to mean anything")
        }
    }
}
