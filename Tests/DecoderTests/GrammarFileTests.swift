import XCTest
@testable import Decoder

/// Pass/fail lists for the grammars in grammars/.
final class GrammarFileTests: XCTestCase {
    static let folPass = [
            "all x. (Dog(x) -> Animal(x))",
            "∀x (Dog(x) → Animal(x))",
            "exists x. (Cat(x) & -Black(x))",
            "∃x (Cat(x) ∧ ¬Black(x))",
            "P(a) | Q(b) | R(c)",
            "P(a) ∨ Q(b) -> R(c) ⊕ S(d)",
            "P(a) ⊕ Q(b) ⊕ R(c)",
            "P(a) <~> Q(b)",
            "(P(a) | Q(b)) ⊕ R(c)",
            "a = b", "a != b", "a ≠ f(b, c)", "-a = b", "P(x) = Q(y)",
            "P <-> Q <-> R", "P <=> Q => R", "P ↔ Q → R",
            "all x y. Loves(x, y)", "∀x, y. Loves(x, y)", "∀x y z. R(x, y, z)",
            "∀x: P(x)", "∀x P(x)", "∀x(P(x))", "∀x¬P(x)", "∀ x . P(x)",
            "all x all y. R(x, y)", "∀x ∃y (R(x, y) ∧ ∀z (R(y, z) → x = z))",
            "P(x) & ∀x Q(x) | R(x) -> S",            // the body takes everything after it
            "¬∀x P(x) ∧ Q(x)",
            "true", "false", "⊤ ∧ ⊥", "$true | $false", "true(x)", "all(x)", "exists (x, y)",
            "P", "p", "95", "Rel(all, true, x)", "P()", "f(g(h(a)))", "P(f(x, g(y)), z)",
            "  P(a)  \n", "P(a)\t&\u{00A0}Q(b)",
            "--P", "~P", "- - P", "¬(P & Q)",
            "forall x. P(x)", "allx", "alla", "al", "truex", "falsey", "existsx", "forallx", "f", "fo", "fa",
            "ParentOf(alice, bob) & ParentOf(bob, carol) -> GrandparentOf(alice, carol)",
        ]
    static let folFail = [
            "", "P(", "P(a", "P(a))", "(P", "P & ", "& P", "P && Q", "P || Q", "P Q",
            "P(a) ∨ Q(b) ⊕ R(c)", "P ⊕ Q | R", "P | Q & R ⊕ S", "P | ¬Q ⊕ R",
            "∀x P(x) ⊕ Q | R", "P(x) & ∀x Q(x) | R(x) ⊕ S", // bodies mix ∨ and ⊕
            "∀xP(x). Q",
            "∀xP", "∀x y P(x)", "∀x, P(x)", "∀x y: P", "∀x P Q.", "∀(x) P", "∀ . P", "all x", "all",
            "true = a", "all = a", "a = true = b", "a == b", "a = = b", "a = ", "= a",
            "P(a) ^ Q", "P ⟷ Q", "P(a,)", "P(,a)", "P(a b)", "P(a)(b)",
            "x. P", "P.", "[P]", "P : Q", "P'", "P + Q", "$foo", "$trueX", "!P", "?x P",
            "P --> Q", "P - > Q", "P < -> Q", "P <- Q",
            "∀x (P(x) → Q(x)",
        ]

    func testFOLPassList() throws {
        let grammar = try GrammarTestSupport.loadGrammar("fol.gbnf")
        GrammarTestSupport.check(grammar, pass: Self.folPass, fail: Self.folFail)
    }

    func testClausesPassList() throws {
        let grammar = try GrammarTestSupport.loadGrammar("clauses.gbnf")
        GrammarTestSupport.check(grammar, pass: [
            "dog(rex).",
            "animal(X) :- dog(X).",
            "grandparent(X, Z) :- parent(X, Y), parent(Y, Z).",
            "quiet(X) :- person(X), \\+ loud(X).",
            "big(X) :- size(X, N), N > 10.",
            "likes(alice, 'Bob Smith').\nlikes(bob, X) :- likes(X, bob).\n",
            "member(X, [X|_]).\nmember(X, [_|T]) :- member(X, T).",
            "rain.", "ok :- true.", "n(-3.5).",
            "% a comment\nfact(a).  % another\n",
        ], fail: [
            "", "dog(rex)", "Dog(rex).", "dog(rex) :- .", "dog(rex) :- cat(X),.", "dog(rex).,",
            "dog(.", "dog().", "X :- dog(X).", ":- dog(X).", "dog(rex) cat(tom).",
            "dog('unterminated).", "a :- b ; c.",
        ])
        let single = try CompiledGrammar(contentsOf: GrammarTestSupport.packageRoot.appendingPathComponent("grammars/clauses.gbnf"),
                                         startRule: "clause")
        GrammarTestSupport.check(single, pass: ["dog(rex).", "a(X) :- b(X)."], fail: ["dog(rex). cat(tom).", " dog(rex)."])
    }
}
