import Logic
import XCTest
@testable import Prover

final class MESONProverTests: XCTestCase {
    let meson = MESONProver(limits: NativeLimits(timeoutSeconds: 20))
    let p = P("p"), q = P("q"), r = P("r"), s = P("s")
    func F(_ t: Term) -> Formula { P("F", t) }
    func G(_ t: Term) -> Formula { P("G", t) }

    /// Pelletier's problems (1986), 1–26 except the ones needing more than MESON's default
    /// budgets, as (name, premises, conclusion).
    var pelletier: [(String, [Formula], Formula)] {
        let w = variable("w")
        return [
            ("P1", [], (p ==> q) <=> (!q ==> !p)),
            ("P2", [], !(!p) <=> p),
            ("P3", [], !(p ==> q) ==> (q ==> p)),
            ("P4", [], (!p ==> q) <=> (!q ==> p)),
            ("P5", [], ((p || q) ==> (p || r)) ==> (p || (q ==> r))),
            ("P6", [], p || !p),
            ("P7", [], p || !(!(!p))),
            ("P8", [], ((p ==> q) ==> p) ==> p),
            ("P9", [], ((p || q) && (!p || q) && (p || !q)) ==> !(!p || !q)),
            ("P10", [q ==> r, r ==> (p && q), p ==> (q || r)], p <=> q),
            ("P11", [], p <=> p),
            ("P12", [], ((p <=> q) <=> r) <=> (p <=> (q <=> r))),
            ("P13", [], (p || (q && r)) <=> ((p || q) && (p || r))),
            ("P14", [], (p <=> q) <=> ((q || !p) && (!q || p))),
            ("P15", [], (p ==> q) <=> (!p || q)),
            ("P16", [], (p ==> q) || (q ==> p)),
            ("P17", [], ((p && (q ==> r)) ==> s) <=> ((!p || q || s) && (!p || !r || s))),
            ("P18", [], some("y", all("x", F(y) ==> F(x)))),
            ("P19", [], some("x", all("y", all("z", (P("P", y) ==> P("Q", z)) ==> (P("P", x) ==> P("Q", x)))))),
            ("P20", [], all("x", all("y", some("z", all("w", P("P", x) && P("Q", y) ==> P("R", z) && P("S", w)))))
                        ==> (some("x", some("y", P("P", x) && P("Q", y))) ==> some("z", P("R", z)))),
            ("P21", [some("x", p ==> F(x)), some("x", F(x) ==> p)], some("x", p <=> F(x))),
            ("P22", [], all("x", p <=> F(x)) ==> (p <=> all("x", F(x)))),
            ("P23", [], all("x", p || F(x)) <=> (p || all("x", F(x)))),
            ("P24", [!some("x", P("S", x) && P("Q", x)), all("x", P("P", x) ==> P("Q", x) || P("R", x)),
                     !some("x", P("P", x)) ==> some("x", P("Q", x)), all("x", P("Q", x) || P("R", x) ==> P("S", x))],
             some("x", P("P", x) && P("R", x))),
            ("P26", [some("x", P("P", x)) <=> some("x", P("Q", x)),
                     all("x", all("y", P("P", x) && P("Q", y) ==> (P("R", x) <=> P("S", y))))],
             all("x", P("P", x) ==> P("R", x)) <=> all("x", P("Q", x) ==> P("S", x))),
            ("drinker", [], some("x", P("D", x) ==> all("y", P("D", y)))),
            ("P39", [], !some("x", all("y", P("F", y, x) <=> !P("F", y, y)))),
            ("P46-lite", [all("x", F(x) ==> G(x)), F(fn("f", const("a")))], some("w", G(w))),
        ]
    }

    func testPelletierProblemsAreTrue() {
        for (name, premises, conclusion) in pelletier {
            let d = meson.decide(premises: premises, conclusion: conclusion)
            XCTAssertEqual(d.verdict, .true, "\(name): \(d.reason)")
            XCTAssertEqual(d.usedPremises, d.usedPremises.sorted(), name)
        }
    }

    func testPelletierNegationsAreFalse() {
        for (name, premises, conclusion) in pelletier.prefix(20) {
            let d = meson.decide(premises: premises, conclusion: !conclusion)
            XCTAssertEqual(d.verdict, .false, "\(name): \(d.reason)")
        }
    }

    func testUsedPremisesAreTheNeededOnes() {
        let premises = [P("Man", const("socrates")), P("Dog", const("rex")),
                        all("x", P("Man", x) ==> P("Mortal", x)), all("x", P("Dog", x) ==> P("Animal", x))]
        let d = meson.decide(premises: premises, conclusion: P("Mortal", const("socrates")))
        XCTAssertEqual(d.verdict, .true)
        XCTAssertEqual(d.usedPremises, [0, 2])
        let e = meson.decide(premises: premises + [all("x", P("Mortal", x) ==> !P("God", x))],
                             conclusion: P("God", const("socrates")))
        XCTAssertEqual(e.verdict, .false)
        XCTAssertEqual(e.usedPremises, [0, 2, 4])
    }

    func testInconsistentPremises() {
        // Pelletier 25 as usually transcribed (e.g. in Harrison's book) has inconsistent
        // premises: P(a) gives G(a) and U(a), and U(a) gives ¬G(a).
        let p25 = meson.decide(premises: [some("x", P("P", x)), all("x", P("U", x) ==> !P("G", x) && P("R", x)),
                                          all("x", P("P", x) ==> P("G", x) && P("U", x)),
                                          all("x", P("P", x) ==> P("Q", x)) || some("x", P("Q", x) && P("P", x))],
                               conclusion: some("x", P("Q", x) && P("P", x)))
        XCTAssertEqual(p25.verdict, .inconsistent, p25.reason)
        XCTAssertEqual(p25.usedPremises, [0, 1, 2])
        let d = meson.decide(premises: [all("x", F(x)), !F(const("a")), G(const("b"))], conclusion: G(const("c")))
        XCTAssertEqual(d.verdict, .inconsistent)
        XCTAssertEqual(d.usedPremises, [0, 1])
    }

    func testUnknownOnlyWhenExhausted() {
        let d = meson.decide(premises: [F(const("a")), all("x", F(x) ==> G(x))], conclusion: P("H", const("a")))
        XCTAssertEqual(d.verdict, .unknown, d.reason)
        // An infinite Herbrand universe: the search can never be exhausted → limit, not unknown.
        var small = NativeLimits()
        small.maxDepth = 8
        let e = MESONProver(limits: small).decide(premises: [all("x", G(fn("s", x)) ==> G(x)), !G(const("a"))],
                                                  conclusion: G(const("b")))
        XCTAssertEqual(e.verdict, .limit, e.reason)
        XCTAssertEqual(e.boundHit, "depth")
        var tiny = NativeLimits()
        tiny.maxInferences = 50
        let f = MESONProver(limits: tiny).decide(premises: [all("x", G(fn("s", x)) ==> G(x)), !G(const("a"))],
                                                 conclusion: G(const("b")))
        XCTAssertEqual(f.verdict, .limit)
        XCTAssertEqual(f.boundHit, "inferences")
    }

    func testEquality() {
        let a = const("a"), b = const("b"), c = const("c"), d = const("d")
        let chain = meson.decide(premises: [eq(a, b), eq(b, c), F(a)], conclusion: F(c))
        XCTAssertEqual(chain.verdict, .true, chain.reason)
        XCTAssertEqual(chain.usedPremises, [0, 1, 2])
        let congruence = meson.decide(premises: [all("x", eq(fn("f", x), x)), F(a)], conclusion: F(fn("f", fn("f", a))))
        XCTAssertEqual(congruence.verdict, .true, congruence.reason)
        let p48 = meson.decide(premises: [eq(a, b) || eq(c, d), eq(a, c) || eq(b, d)], conclusion: eq(a, d) || eq(b, c))
        XCTAssertEqual(p48.verdict, .true, p48.reason)
        let distinct = meson.decide(premises: [F(a), !F(b)], conclusion: eq(a, b))
        XCTAssertEqual(distinct.verdict, .false, distinct.reason)
        let neither = NativeProver().decide(premises: [F(a)], conclusion: eq(a, b))
        XCTAssertEqual(neither.verdict, .unknown, neither.reason)
    }

    func testCaseSplitKeepsSharedVariablesTogether() {
        // ¬∃x(A(x) ∧ P(x)) is ∀x(¬A(x) ∨ ¬P(x)), which must not be split into the cases
        // ∀x¬A(x) and ∀x¬P(x) (FOLIO validation, line 62).
        let d = meson.decide(premises: [some("x", P("A", x) && P("L", x)), some("x", P("L", x) && P("P", x))],
                             conclusion: some("x", P("A", x) && P("P", x)))
        XCTAssertEqual(d.verdict, .unknown, d.reason)
        XCTAssertEqual(meson.decide(premises: [], conclusion: all("x", P("A", x) || !P("A", x))).verdict, .true)
    }

    func testOccursCheck() {
        // ∀x P(x, f(x)) does not entail ∃y P(y, y): without the occurs check MESON would
        // unify y with f(y) and claim it.
        var limits = NativeLimits()
        limits.maxDepth = 6
        let d = MESONProver(limits: limits).decide(premises: [all("x", P("P", x, fn("f", x)))],
                                                   conclusion: some("y", P("P", y, y)))
        XCTAssertNotEqual(d.verdict, .true, d.reason)
    }

    func testNativeProverRoutes() {
        let native = NativeProver()
        // In the rule fragment: a proof tree comes back.
        let rules = native.decide(premises: [P("Big", bob), all("x", P("Big", x) ==> P("Red", x))], conclusion: P("Red", bob))
        XCTAssertEqual(rules.verdict, .true)
        XCTAssertNotNil(rules.proof)
        // A disjunctive head: function-free, decided exactly.
        let cases = native.decide(premises: [all("x", P("Big", x) ==> P("Red", x) || P("Blue", x)), P("Big", bob),
                                             all("x", P("Red", x) ==> P("Cold", x)), all("x", P("Blue", x) ==> P("Cold", x))],
                                  conclusion: P("Cold", bob))
        XCTAssertEqual(cases.verdict, .true, cases.reason)
        XCTAssertEqual(cases.usedPremises, [0, 1, 2, 3])
        XCTAssertTrue(cases.reason.contains("premise 0"), cases.reason)
        let open = native.decide(premises: [all("x", P("Big", x) ==> P("Red", x) || P("Blue", x)), P("Big", bob)],
                                 conclusion: P("Red", bob))
        XCTAssertEqual(open.verdict, .unknown, open.reason)
        // Function symbols: MESON.
        let skolem = native.decide(premises: [all("x", some("y", P("Parent", y, x))), all("x", all("y", P("Parent", x, y) ==> P("Person", x)))],
                                   conclusion: some("z", P("Person", z)))
        XCTAssertEqual(skolem.verdict, .true, skolem.reason)
        XCTAssertTrue(skolem.reason.contains("MESON"), skolem.reason)
    }
}
