import XCTest
@testable import Logic

final class TPTPTests: XCTestCase {
    func tptp(_ s: String) throws -> Formula { try FOLParser.parse(s, options: FOLParseOptions(dialect: .tptp)).formula }

    func testFormulas() throws {
        let x = Term.variable("x"), y = Term.variable("y")
        XCTAssertEqual(try tptp("![X,Y]: (p(X) => q(Y))"), .forall("x", .forall("y", .implies(.predicate("p", [x]), .predicate("q", [y])))))
        XCTAssertEqual(try tptp("?[X]: ~ p(X)"), .exists("x", .not(.predicate("p", [x]))))
        XCTAssertEqual(try tptp("a & b & c"), .and([.predicate("a", []), .predicate("b", []), .predicate("c", [])]))
        XCTAssertEqual(try tptp("a <= b"), .implies(.predicate("b", []), .predicate("a", [])))
        XCTAssertEqual(try tptp("a <~> b"), .xor(.predicate("a", []), .predicate("b", [])))
        XCTAssertEqual(try tptp("a ~| b"), .not(.or([.predicate("a", []), .predicate("b", [])])))
        XCTAssertEqual(try tptp("a ~& b"), .not(.and([.predicate("a", []), .predicate("b", [])])))
        XCTAssertEqual(try tptp("$true | $false"), .or([.truth, .falsity]))
        XCTAssertEqual(try tptp("X = f(Y) & X != 'Rex'"), .and([.equal(x, .function("f", [y])), .notEqual(x, .constant("Rex"))]))
        // a quantifier applies to a unit formula in TPTP
        XCTAssertEqual(try tptp("![X]: p(X) => q"), .implies(.forall("x", .predicate("p", [x])), .predicate("q", [])))
        XCTAssertThrowsError(try tptp("a & b | c"))
        XCTAssertThrowsError(try tptp("a => b => c"))
        XCTAssertThrowsError(try tptp("![x]: p(x)"))
    }

    func testParseFile() throws {
        let text = """
        % a comment
        fof(dogs, axiom, ![X]: (dog(X) => animal(X))).
        /* block
           comment */
        fof(rex, hypothesis, dog(rex), file('x.p', rex), [useful]).
        cnf(c1, negated_conjecture, ~ animal(X) | p(X)).
        fof(goal, conjecture, animal(rex)).
        """
        let fs = try TPTPParser.parseFile(text)
        XCTAssertEqual(fs.map(\.name), ["dogs", "rex", "c1", "goal"])
        XCTAssertEqual(fs.map(\.role), ["axiom", "hypothesis", "negated_conjecture", "conjecture"])
        XCTAssertEqual(fs[1].position, SourcePosition(line: 5, column: 1))
        XCTAssertEqual(fs[2].formula, .forall("x", .or([.not(.predicate("animal", [.variable("x")])), .predicate("p", [.variable("x")])])))
        XCTAssertThrowsError(try TPTPParser.parseFile("fof(a, axiom, p).\nfof(b, axiom, p q).")) { e in
            XCTAssertEqual((e as? FOLParseError)?.position, SourcePosition(line: 2, column: 17))
        }
        XCTAssertThrowsError(try TPTPParser.parseFile("include('Axioms/SET001.ax').")) { e in
            XCTAssertEqual((e as? FOLParseError)?.position, SourcePosition(line: 1, column: 1))
        }
        XCTAssertThrowsError(try TPTPParser.parseFile("fof(a, axiom, p)"))
    }
}
