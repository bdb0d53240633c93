import Logic
import XCTest
@testable import Prover

/// Pelletier's first-order problems 27–51 that MESON with its default budgets proves
/// (34, 38, 43, 45–47, 49, 51 and 52+ are left out: they need much longer searches
/// than a debug-build test should take).
final class MESONPelletierHarderTests: XCTestCase {
    func F(_ a: Term) -> Formula { P("F", a) }
    func G(_ a: Term) -> Formula { P("G", a) }
    func H(_ a: Term) -> Formula { P("H", a) }
    func I(_ a: Term) -> Formula { P("I", a) }
    func J(_ a: Term) -> Formula { P("J", a) }
    func F2(_ a: Term, _ b: Term) -> Formula { P("F", a, b) }

    var problems: [(String, [Formula], Formula)] {
        let w = variable("w"), u = variable("u"), a = const("a"), b = const("b"), c = const("c")
        return [
            ("P27", [some("x", F(x) && !G(x)), all("x", F(x) ==> H(x)), all("x", J(x) && I(x) ==> F(x)),
                     some("x", H(x) && !G(x)) ==> all("x", I(x) ==> !H(x))],
             all("x", J(x) ==> !I(x))),
            ("P28", [all("x", P("P", x) ==> all("x", P("Q", x))),
                     all("x", P("Q", x) || P("R", x)) ==> some("x", P("Q", x) && P("S", x)),
                     some("x", P("S", x)) ==> all("x", F(x) ==> G(x))],
             all("x", P("P", x) && F(x) ==> G(x))),
            ("P29", [some("x", F(x)), some("x", G(x))],
             (all("x", F(x) ==> H(x)) && all("x", G(x) ==> J(x))) <=> all("x", all("y", F(x) && G(y) ==> H(x) && J(y)))),
            ("P30", [all("x", F(x) || G(x) ==> !H(x)), all("x", (G(x) ==> !I(x)) ==> F(x) && H(x))], all("x", I(x))),
            ("P31", [!some("x", F(x) && (G(x) || H(x))), some("x", I(x) && F(x)), all("x", !H(x) ==> J(x))],
             some("x", I(x) && J(x))),
            ("P32", [all("x", F(x) && (G(x) || H(x)) ==> I(x)), all("x", I(x) && H(x) ==> J(x)), all("x", P("K", x) ==> H(x))],
             all("x", F(x) && P("K", x) ==> J(x))),
            ("P33", [], all("x", P("P", a) && (P("P", x) ==> P("P", b)) ==> P("P", c))
                        <=> all("x", (!P("P", a) || P("P", x) || P("P", c)) && (!P("P", a) || !P("P", b) || P("P", c)))),
            ("P35", [], some("x", some("y", P("P", x, y) ==> all("x", all("y", P("P", x, y)))))),
            ("P36", [all("x", some("y", F2(x, y))), all("x", some("y", P("G", x, y))),
                     all("x", all("y", F2(x, y) || P("G", x, y) ==> all("z", F2(y, z) || P("G", y, z) ==> P("H", x, z))))],
             all("x", some("y", P("H", x, y)))),
            ("P37", [all("z", some("w", all("x", some("y", (P("P", x, z) ==> P("P", y, w)) && P("P", y, z)
                                                                && (P("P", y, w) ==> some("u", P("Q", u, w))))))),
                     all("x", all("z", !P("P", x, z) ==> some("y", P("Q", y, z)))),
                     some("x", some("y", P("Q", x, y))) ==> all("x", P("R", x, x))],
             all("x", some("y", P("R", x, y)))),
            ("P39", [], !some("x", all("y", F2(y, x) <=> !F2(y, y)))),
            ("P40", [], some("y", all("x", F2(x, y) <=> F2(x, x))) ==> !all("x", some("y", all("z", F2(z, y) <=> !F2(z, x))))),
            ("P41", [all("z", some("y", all("x", F2(x, y) <=> F2(x, z) && !F2(x, x))))], !some("z", all("x", F2(x, z)))),
            ("P42", [], !some("y", all("x", F2(x, y) <=> !some("z", F2(x, z) && F2(z, x))))),
            ("P44", [all("x", F(x) ==> some("y", G(y) && P("H", x, y)) && some("y", G(y) && !P("H", x, y))),
                     some("x", J(x) && all("y", G(y) ==> P("H", x, y)))],
             some("x", J(x) && !F(x))),
            ("P48", [eq(a, b) || eq(c, const("d")), eq(a, c) || eq(b, const("d"))], eq(a, const("d")) || eq(b, c)),
            ("P50", [], all("x", F2(a, x) || all("y", F2(x, y))) ==> some("x", all("y", F2(x, y)))),
        ]
    }

    func testHarderPelletierProblems() {
        let meson = MESONProver(limits: NativeLimits(timeoutSeconds: 20))
        for (name, premises, conclusion) in problems {
            let start = ContinuousClock.now
            let d = meson.decide(premises: premises, conclusion: conclusion)
            print("\(name): \(d.verdict) in \(ContinuousClock.now - start), \(d.stats.inferences) inferences, budget \(d.stats.depthReached)")
            XCTAssertEqual(d.verdict, .true, "\(name): \(d.reason)")
        }
    }
}
