import Logic
import XCTest
@testable import Prover

/// Inputs at the edges: empty theories, constants for truth, symbols reused with other
/// arities or roles, deep nesting. Every one must give a verdict, never a crash.
final class OpenWorldEdgeCaseTests: XCTestCase {
    let native = NativeProver()

    func testDegenerateTheories() {
        XCTAssertEqual(native.decide(premises: [], conclusion: P("P", bob)).verdict, .unknown)
        XCTAssertEqual(native.decide(premises: [], conclusion: .truth).verdict, .true)
        XCTAssertEqual(native.decide(premises: [], conclusion: .falsity).verdict, .false)
        XCTAssertEqual(native.decide(premises: [.falsity], conclusion: P("P", bob)).verdict, .inconsistent)
        XCTAssertEqual(native.decide(premises: [.truth], conclusion: P("P")).verdict, .unknown)
        XCTAssertEqual(MESONProver().decide(premises: [.falsity], conclusion: P("P", bob)).verdict, .inconsistent)
        XCTAssertEqual(MESONProver().decide(premises: [], conclusion: .truth).verdict, .true)
    }

    func testSymbolsReusedWithOtherAritiesAndRoles() {
        // P/1 and P/2 are different predicates; "bob" is also a predicate name.
        let premises = [P("P", bob), all("x", P("P", x, x) ==> P("bob", x))]
        XCTAssertEqual(native.decide(premises: premises, conclusion: P("P", bob, bob)).verdict, .unknown)
        XCTAssertEqual(native.decide(premises: premises + [P("P", anne, anne)], conclusion: P("bob", anne)).verdict, .true)
        XCTAssertEqual(MESONProver().decide(premises: premises + [P("P", anne, anne)], conclusion: P("bob", anne)).verdict, .true)
    }

    func testDeepNestingDoesNotCrash() {
        var f = P("P", bob)
        for _ in 0..<400 { f = .not(.not(f)) }
        XCTAssertEqual(native.decide(premises: [f], conclusion: P("P", bob)).verdict, .true)
        var g = P("Q", bob)
        for i in 0..<300 { g = .and([g, P("R\(i % 7)", bob)]) }
        XCTAssertEqual(native.decide(premises: [g], conclusion: P("Q", bob)).verdict, .true)
        XCTAssertEqual(MESONProver().decide(premises: [f], conclusion: P("P", bob)).verdict, .true)
    }

    func testClausalBlowUpIsABoundNotAHang() {
        // (a1 ∧ b1) ∨ … ∨ (a20 ∧ b20) has 2^20 clauses by distribution.
        let big = Formula.or((0..<20).map { P("A\($0)") && P("B\($0)") })
        var limits = NativeLimits()
        limits.timeoutSeconds = 5
        let d = MESONProver(limits: limits).decide(premises: [big], conclusion: P("C"))
        XCTAssertEqual(d.verdict, .limit)
        XCTAssertEqual(d.boundHit, "clauses")
    }
}
