import Logic
import XCTest
@testable import Prover

final class OpenWorldReasonerTests: XCTestCase {
    let owa = OpenWorldReasoner()
    let forward = OpenWorldReasoner(world: .openForwardOnly)
    let cwa = OpenWorldReasoner(world: .closed)

    func testFactsNegatedFactsAndUnknown() {
        let premises = [P("Big", bob), !P("Green", bob), P("Red", anne)]
        XCTAssertEqual(owa.decide(premises: premises, conclusion: P("Big", bob)).verdict, .true)
        XCTAssertEqual(owa.decide(premises: premises, conclusion: P("Green", bob)).verdict, .false)
        XCTAssertEqual(owa.decide(premises: premises, conclusion: !P("Green", bob)).verdict, .true)
        XCTAssertEqual(owa.decide(premises: premises, conclusion: P("Green", anne)).verdict, .unknown)
        XCTAssertEqual(owa.decide(premises: premises, conclusion: P("Big", carl)).verdict, .unknown)
        let d = owa.decide(premises: premises, conclusion: P("Green", bob))
        XCTAssertEqual(d.usedPremises, [1])
        XCTAssertEqual(d.proof?.literal.description, "¬Green(bob)")
        XCTAssertEqual(d.proof?.step, .fact)
    }

    func testNegatedBodyAndHeadWithProofTree() {
        // 0: Bob is not big. 1: If something is not big then it is red.
        // 2: Red things are not kind. 3: Anne is big.
        let premises = [!P("Big", bob), all("x", !P("Big", x) ==> P("Red", x)),
                        all("x", P("Red", x) ==> !P("Kind", x)), P("Big", anne)]
        let d = owa.decide(premises: premises, conclusion: P("Kind", bob))
        XCTAssertEqual(d.verdict, .false)
        XCTAssertEqual(d.usedPremises, [0, 1, 2])
        let proof = try! XCTUnwrap(d.proof)
        XCTAssertEqual(proof.literal.description, "¬Kind(bob)")
        XCTAssertEqual(proof.premise, 2)
        XCTAssertEqual(proof.step, .rule)
        XCTAssertEqual(proof.children.first?.literal.description, "Red(bob)")
        XCTAssertEqual(proof.children.first?.premise, 1)
        XCTAssertEqual(proof.children.first?.children.first?.premise, 0)
        XCTAssertEqual(proof.premisesUsed, [0, 1, 2])
        XCTAssertEqual(owa.decide(premises: premises, conclusion: P("Red", anne)).verdict, .unknown)
    }

    func testCyclesTerminate() {
        let premises = [all("x", P("Big", x) ==> P("Red", x)), all("x", P("Red", x) ==> P("Big", x)),
                        P("Big", bob), P("Kind", anne)]
        for r in [owa, forward, cwa] {
            XCTAssertEqual(r.decide(premises: premises, conclusion: P("Red", bob)).verdict, .true)
        }
        XCTAssertEqual(owa.decide(premises: premises, conclusion: P("Red", anne)).verdict, .unknown)
        XCTAssertEqual(cwa.decide(premises: premises, conclusion: P("Red", anne)).verdict, .false)
    }

    func testBinaryRelations() {
        // If someone likes a big thing then the big thing likes them. Big things are kind.
        let premises = [P("Likes", bob, anne), P("Big", anne),
                        all("x", all("y", P("Likes", x, y) && P("Big", y) ==> P("Likes", y, x))),
                        all("x", all("y", P("Likes", x, y) && P("Kind", x) ==> !P("Sees", y, x))),
                        all("x", P("Big", x) ==> P("Kind", x))]
        let d = owa.decide(premises: premises, conclusion: P("Likes", anne, bob))
        XCTAssertEqual(d.verdict, .true)
        XCTAssertEqual(d.usedPremises, [0, 1, 2])
        let e = owa.decide(premises: premises, conclusion: P("Sees", bob, anne))
        XCTAssertEqual(e.verdict, .false)
        XCTAssertEqual(e.usedPremises, [0, 1, 2, 3, 4])
        XCTAssertEqual(owa.decide(premises: premises, conclusion: P("Sees", anne, bob)).verdict, .unknown)
    }

    func testInconsistentNamesBothSides() {
        let premises = [P("Big", bob), all("x", P("Big", x) ==> P("Red", x)), P("Kind", anne),
                        all("x", P("Big", x) ==> !P("Red", x))]
        for r in [owa, forward] {
            let d = r.decide(premises: premises, conclusion: P("Kind", anne))
            XCTAssertEqual(d.verdict, .inconsistent)
            XCTAssertEqual(d.usedPremises, [0, 1, 3])
            XCTAssertNotNil(d.proof)
            XCTAssertNotNil(d.contradictionProof)
        }
    }

    func testContrapositiveIsClassicalButNotForwardOnly() {
        let premises = [all("x", P("Big", x) ==> P("Red", x)), !P("Red", bob)]
        let d = owa.decide(premises: premises, conclusion: P("Big", bob))
        XCTAssertEqual(d.verdict, .false)
        XCTAssertEqual(d.proof?.step, .contrapositive)
        XCTAssertEqual(d.usedPremises, [0, 1])
        XCTAssertEqual(forward.decide(premises: premises, conclusion: P("Big", bob)).verdict, .unknown)
    }

    func testCaseSplitNeedsSearch() {
        let premises = [all("x", P("Big", x) ==> P("Red", x)), all("x", !P("Big", x) ==> P("Red", x)),
                        P("Kind", bob), P("Kind", anne)]
        let d = owa.decide(premises: premises, conclusion: P("Red", bob))
        XCTAssertEqual(d.verdict, .true)
        XCTAssertNil(d.proof)
        XCTAssertEqual(d.usedPremises, [0, 1])
        XCTAssertEqual(forward.decide(premises: premises, conclusion: P("Red", bob)).verdict, .unknown)
        // Inconsistency only visible by cases: Big→Red, ¬Big→Red, Red→¬Kind... with Kind(bob).
        let bad = premises + [all("x", P("Red", x) ==> !P("Kind", x))]
        XCTAssertEqual(owa.decide(premises: bad, conclusion: P("Big", anne)).verdict, .inconsistent)
    }

    func testUniversalFactAndZeroArity() {
        let premises = [all("x", P("Mortal", x)), P("Rain") ==> P("Wet"), P("Rain"), P("Man", bob)]
        XCTAssertEqual(owa.decide(premises: premises, conclusion: P("Mortal", bob)).verdict, .true)
        XCTAssertEqual(owa.decide(premises: premises, conclusion: P("Wet")).verdict, .true)
        XCTAssertEqual(owa.decide(premises: [P("Rain") ==> P("Wet")], conclusion: P("Wet")).verdict, .unknown)
    }

    func testClosedWorldNegationAsFailure() {
        // If something is not big then it is red; Bob is big.
        let premises = [all("x", !P("Big", x) ==> P("Red", x)), P("Big", bob), P("Kind", anne),
                        all("x", P("Red", x) && !P("Blue", x) ==> P("Cold", x))]
        XCTAssertEqual(cwa.decide(premises: premises, conclusion: P("Red", anne)).verdict, .true)
        XCTAssertEqual(cwa.decide(premises: premises, conclusion: P("Red", bob)).verdict, .false)
        XCTAssertEqual(cwa.decide(premises: premises, conclusion: !P("Red", bob)).verdict, .true)
        let cold = cwa.decide(premises: premises, conclusion: P("Cold", anne))
        XCTAssertEqual(cold.verdict, .true)
        XCTAssertEqual(cold.usedPremises, [0, 3])
        XCTAssertEqual(owa.decide(premises: premises, conclusion: P("Red", anne)).verdict, .unknown)
        XCTAssertEqual(owa.decide(premises: premises, conclusion: P("Red", bob)).verdict, .unknown)
    }

    func testClosedWorldDeclinesNegationCyclesAndNegativeHeads() {
        let cyclic = [all("x", !P("Big", x) ==> P("Red", x)), all("x", P("Red", x) ==> P("Big", x)), P("Kind", bob)]
        let d = cwa.decide(premises: cyclic, conclusion: P("Red", bob))
        XCTAssertEqual(d.verdict, .abstain)
        XCTAssertTrue(d.outsideFragment)
        XCTAssertTrue(d.reason.contains("stratification"), d.reason)
        XCTAssertEqual(cwa.decide(premises: [!P("Big", bob)], conclusion: P("Big", bob)).verdict, .abstain)
    }

    func testOutsideFragmentIsReportedWithThePremise() {
        let cases: [(Formula, String)] = [
            (all("x", P("Big", x) ==> P("Red", x) || P("Blue", x)), "premise 1"),
            (some("x", P("Big", x)), "existential"),
            (eq(bob, anne), "equation"),
            (P("Big", fn("father", bob)), "function symbol"),
            (P("Big", bob) <=> P("Red", bob), "biconditional"),
        ]
        for (premise, expected) in cases {
            let d = owa.decide(premises: [P("Red", bob), premise], conclusion: P("Big", bob))
            XCTAssertEqual(d.verdict, .abstain, "\(premise)")
            XCTAssertTrue(d.outsideFragment)
            XCTAssertTrue(d.reason.contains(expected), d.reason)
        }
        XCTAssertEqual(owa.decide(premises: [P("Red", bob)], conclusion: P("Red", x)).verdict, .abstain)
        XCTAssertEqual(owa.decide(premises: [P("Red", bob)], conclusion: P("Red", bob) && P("Big", bob)).verdict, .abstain)
    }

    func testGroundingBoundIsNamed() {
        var limits = NativeLimits()
        limits.maxGroundClauses = 50
        let constants = (0..<10).map { P("Node", const("n\($0)")) }
        let premises = constants + [all("x", all("y", all("z", P("E", x, y) && P("E", y, z) ==> P("E", x, z))))]
        let d = OpenWorldReasoner(limits: limits).decide(premises: premises, conclusion: P("E", const("n0"), const("n1")))
        XCTAssertEqual(d.verdict, .limit)
        XCTAssertEqual(d.boundHit, "ground clauses")
    }

    func testLongChainAndTransitiveClosure() {
        let n = 30
        var premises: [Formula] = (0..<n).map { P("E", const("n\($0)"), const("n\($0 + 1)")) }
        premises.append(all("x", all("y", P("E", x, y) ==> P("T", x, y))))
        premises.append(all("x", all("y", all("z", P("E", x, y) && P("T", y, z) ==> P("T", x, z)))))
        let d = owa.decide(premises: premises, conclusion: P("T", const("n0"), const("n\(n)")))
        XCTAssertEqual(d.verdict, .true)
        XCTAssertEqual(d.usedPremises.count, n + 2)
        XCTAssertEqual(owa.decide(premises: premises, conclusion: P("T", const("n\(n)"), const("n0"))).verdict, .unknown)
        XCTAssertEqual(cwa.decide(premises: premises, conclusion: P("T", const("n\(n)"), const("n0"))).verdict, .false)
    }
}

final class OpenWorldScaleTests: XCTestCase {
    /// A ProofWriter-shaped theory far larger than the dataset's (20 entities, 30
    /// attributes, 200 facts, 80 rules with negation and cycles) decides in well under a
    /// second even in a debug build.
    func testLargeRuleTheoryStaysFast() {
        var rng = SplitMix64(seed: 7)
        let entities = (0..<20).map { const("e\($0)") }
        let attributes = (0..<30).map { "A\($0)" }
        var premises: [Formula] = []
        // Rule heads are A0–A19; A20–A29 are only ever stated, positively or negatively,
        // so the theory stays consistent while negation is everywhere.
        for _ in 0..<200 {
            let stated = Bool.random(using: &rng)
            let a = stated ? Int.random(in: 20..<30, using: &rng) : Int.random(in: 0..<20, using: &rng)
            let e = Int.random(in: 0..<20, using: &rng)
            let f = P(attributes[a], entities[e])
            premises.append(stated && (a + e) % 2 == 0 ? !f : f)
        }
        for _ in 0..<80 {
            let body = (0..<Int.random(in: 1...2, using: &rng)).map { _ -> Formula in
                let a = P(attributes.randomElement(using: &rng)!, x)
                return Int.random(in: 0..<4, using: &rng) == 0 ? !a : a
            }
            premises.append(all("x", (body.count == 1 ? body[0] : .and(body)) ==> P(attributes[Int.random(in: 0..<20, using: &rng)], x)))
        }
        let start = ContinuousClock.now
        let d = OpenWorldReasoner().decide(premises: premises, conclusion: P("A3", const("e5")))
        let elapsed = ContinuousClock.now - start
        print("large theory: \(d.verdict) in \(elapsed), \(d.stats.groundClauses) ground clauses, \(d.stats.derivedLiterals) derived")
        XCTAssertTrue(d.verdict.isDecided, d.reason)
        XCTAssertNotEqual(d.verdict, .inconsistent, d.reason)
        XCTAssertLessThan(elapsed, .seconds(3))
        // Every attribute of one entity: the unknown ones need both case analyses.
        var counts = [Verdict: Int]()
        let all30 = ContinuousClock.now
        for a in attributes { counts[OpenWorldReasoner().decide(premises: premises, conclusion: P(a, entities[3])).verdict, default: 0] += 1 }
        print("large theory, 30 queries: \(counts) in \(ContinuousClock.now - all30)")
        XCTAssertEqual(counts.values.reduce(0, +), 30)
        XCTAssertLessThan(ContinuousClock.now - all30, .seconds(10))
    }
}
