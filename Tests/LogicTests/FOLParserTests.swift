import XCTest
@testable import Logic

final class FOLParserTests: XCTestCase {
    func parse(_ s: String, tolerant: Bool = false) throws -> Formula {
        try FOLParser.parse(s, options: FOLParseOptions(tolerant: tolerant)).formula
    }
    func P(_ n: String, _ args: Term...) -> Formula { .predicate(n, args) }
    let x = Term.variable("x"), y = Term.variable("y")
    func c(_ n: String) -> Term { .constant(n) }

    func assertFails(_ s: String, containing: String = "", file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try parse(s), "accepted: \(s)", file: file, line: line) { e in
            guard let err = e as? FOLParseError else { return XCTFail("not a FOLParseError", file: file, line: line) }
            XCTAssertTrue(containing.isEmpty || err.message.contains(containing), "\(err) lacks \(containing)", file: file, line: line)
        }
    }

    func testQuantifiersAsciiAndUnicode() throws {
        let expected = Formula.forall("x", .implies(P("P", x), P("Q", x)))
        XCTAssertEqual(try parse("all x. (P(x) -> Q(x))"), expected)
        XCTAssertEqual(try parse("∀x (P(x) → Q(x))"), expected)
        XCTAssertEqual(try parse("∀x P(x) → Q(x)"), expected)
        XCTAssertEqual(try parse("forall x. P(x) -> Q(x)"), expected)
        XCTAssertEqual(try parse("exists y. R(y)"), .exists("y", P("R", y)))
        XCTAssertEqual(try parse("all x y. R(x, y)"), .forall("x", .forall("y", P("R", x, y))))
        XCTAssertEqual(try parse("∀x ∃y (R(x, y))"), .forall("x", .exists("y", P("R", x, y))))
        XCTAssertEqual(try parse("∀x∃y R(x,y)"), .forall("x", .exists("y", P("R", x, y))))
        XCTAssertEqual(try parse("¬∃x (P(x) ∧ Q(x))"), .not(.exists("x", .and([P("P", x), P("Q", x)]))))
        // scope extends as far right as possible
        XCTAssertEqual(try parse("¬∃x P(x) ∧ Q(x)"), .not(.exists("x", .and([P("P", x), P("Q", x)]))))
        XCTAssertEqual(try parse("A ∧ ∀x P(x) ∨ Q(x)"), .and([P("A"), .forall("x", .or([P("P", x), P("Q", x)]))]))
    }

    func testConnectivesAndPrecedence() throws {
        let a = P("a"), b = P("b"), cc = P("c"), d = P("d")
        XCTAssertEqual(try parse("a & b & c"), .and([a, b, cc]))
        XCTAssertEqual(try parse("(a & b) & c"), .and([.and([a, b]), cc]))
        XCTAssertEqual(try parse("a ∧ b ∨ c"), .or([.and([a, b]), cc]))
        XCTAssertEqual(try parse("a | b ∨ c"), .or([a, b, cc]))
        XCTAssertEqual(try parse("a ⊕ b ⊕ c"), .xor(.xor(a, b), cc))
        XCTAssertEqual(try parse("a <~> b"), .xor(a, b))
        XCTAssertEqual(try parse("a -> b -> c"), .implies(a, .implies(b, cc)))
        XCTAssertEqual(try parse("a <-> b <-> c"), .iff(.iff(a, b), cc))
        XCTAssertEqual(try parse("a → b ↔ c ∨ d"), .iff(.implies(a, b), .or([cc, d])))
        XCTAssertEqual(try parse("-a & ~b & ¬c"), .and([.not(a), .not(b), .not(cc)]))
        XCTAssertEqual(try parse("¬¬a"), .not(.not(a)))
        XCTAssertEqual(try parse("true ∧ ⊤ → false ∨ ⊥"), .implies(.and([.truth, .truth]), .or([.falsity, .falsity])))
        XCTAssertEqual(try parse("¬(Student(rina) ∧ a) → b ⊕ ¬c"),
                       .implies(.not(.and([P("Student", c("rina")), a])), .xor(b, .not(cc))))
    }

    func testTermsAndEquality() throws {
        XCTAssertEqual(try parse("∀x (x = a ∨ x != b ∨ x ≠ f(x, g(c)))"),
                       .forall("x", .or([.equal(x, c("a")), .notEqual(x, c("b")),
                                          .notEqual(x, .function("f", [x, .function("g", [c("c")])]))])))
        XCTAssertEqual(try parse("GreaterThan(95, x1)"), P("GreaterThan", c("95"), c("x1")))
        XCTAssertEqual(try parse("∀x P(x())"), .forall("x", P("P", c("x"))))
        XCTAssertEqual(try parse("BreastCancer (rina)"), P("BreastCancer", c("rina")))
        XCTAssertEqual(try parse("Raining"), P("Raining"))
        XCTAssertEqual(try parse("Raining()"), P("Raining"))
        XCTAssertEqual(try parse("In(x, all)"), P("In", c("x"), c("all")))
    }

    func testAmbiguousOrXor() throws {
        assertFails("a ∨ b ⊕ c", containing: "ambiguous:")
        assertFails("a ⊕ b ∧ c ∨ d", containing: "ambiguous:")
        XCTAssertNoThrow(try parse("(a ∨ b) ⊕ c"))
        let r = try FOLParser.parse("a ∨ b ⊕ c", options: FOLParseOptions(tolerant: true))
        XCTAssertEqual(r.formula, .xor(.or([P("a"), P("b")]), P("c")))
        XCTAssertEqual(r.repairs.count, 1)
        XCTAssertTrue(r.repairs[0].message.hasPrefix("ambiguous:"))
    }

    func testStrictErrorsHavePositions() throws {
        do {
            _ = try parse("∀x (P(x) →\n  Q(x) ∧ )")
            XCTFail("accepted")
        } catch let e as FOLParseError {
            XCTAssertEqual(e.position, SourcePosition(line: 2, column: 10))
        }
        assertFails("", containing: "expected a formula")
        assertFails("P(x", containing: "expected ','")
        assertFails("(P(x)", containing: "missing ')'")
        assertFails("P(x))", containing: "unmatched ')'")
        assertFails("P(x).")
        assertFails("P(a) , Q(b)")
        assertFails("P(a) ^ Q(b)")
        assertFails("Anti-abortion(x)")
        assertFails("P(c++)")
        assertFails("∀ (P(x))", containing: "variable")
        assertFails("P(x) Q(x)")
        assertFails("a @ b")
    }

    func testDepthLimit() throws {
        let n = 100_000
        for text in [String(repeating: "(", count: n) + "a" + String(repeating: ")", count: n),
                     String(repeating: "¬", count: n) + "a",
                     String(repeating: "∀x ", count: n) + "P(x)",
                     String(repeating: "f(", count: n) + "a" + String(repeating: ")", count: n),
                     "P(" + String(repeating: "f(", count: n) + "a" + String(repeating: ")", count: n + 1),
                     Array(repeating: "a", count: n).joined(separator: " → "),
                     Array(repeating: "a", count: n).joined(separator: " ⊕ ")] {
            for tolerant in [false, true] {
                XCTAssertThrowsError(try parse(text, tolerant: tolerant)) { e in
                    XCTAssertTrue((e as? FOLParseError)?.message.contains("nesting deeper") ?? false, "\(e)")
                }
            }
        }
        // unbalanced deep nesting in tolerant mode is still bounded
        XCTAssertThrowsError(try parse(String(repeating: "(", count: n) + "a", tolerant: true))
        // long flat chains are fine
        let flat = Array(repeating: "a", count: n).joined(separator: " ∧ ")
        guard case .and(let fs) = try parse(flat) else { return XCTFail() }
        XCTAssertEqual(fs.count, n)
        XCTAssertNoThrow(try parse(String(repeating: "¬", count: 999) + "a"))
    }

    func testTolerantRepairs() throws {
        func repaired(_ s: String) throws -> ParsedFormula {
            try FOLParser.parse(s, options: FOLParseOptions(tolerant: true))
        }
        var r = try repaired("(LanguageModel(bert) ∧ Giant(bert)) → (LanguageModel(gpt-3) ∧ Giant(gpt-3)).")
        XCTAssertEqual(r.formula, .implies(.and([P("LanguageModel", c("bert")), P("Giant", c("bert"))]),
                                           .and([P("LanguageModel", c("gpt_3")), P("Giant", c("gpt_3"))])))
        XCTAssertEqual(r.repairs.count, 3)
        r = try repaired("Luxury(jess) ⊕ Miserly(jess)) →  Luxury(jess)")
        XCTAssertEqual(r.formula, .implies(.xor(P("Luxury", c("jess")), P("Miserly", c("jess"))), P("Luxury", c("jess"))))
        r = try repaired("∀x (Road(x) → (MadeOfConcrete(x) ∨ MadeOfAsphalt(x))")
        XCTAssertEqual(r.formula, .forall("x", .implies(P("Road", x), .or([P("MadeOfConcrete", x), P("MadeOfAsphalt", x)]))))
        XCTAssertEqual(r.repairs.map(\.message), ["missing ')' added at the end (1)"])
        r = try repaired("¬WorkAtPool(mary))")
        XCTAssertEqual(r.formula, .not(P("WorkAtPool", c("mary"))))
        r = try repaired("GraduateStudent(joe) ⊕ Doctor(joe) → ¬(GraduateStudent(joe) ^ Student(joe))")
        XCTAssertEqual(r.repairs.map(\.message), ["'^' read as '∧'"])
        r = try repaired("P(a), Q(b, c)")
        XCTAssertEqual(r.formula, .and([P("P", c("a")), P("Q", c("b"), c("c"))]))
        r = try repaired("Grade(a+) ∨ WrittenIn(x1, c++) ∨ CaliforniaCityVisited(mr.smith, y42.3billion) ∨ GrowthCompanies’Stocks(ko)")
        XCTAssertEqual(r.formula, .or([P("Grade", c("a_plus")), P("WrittenIn", c("x1"), c("c_plus_plus")),
                                       P("CaliforniaCityVisited", c("mr_smith"), c("y42_3billion")),
                                       P("GrowthCompanies_Stocks", c("ko"))]))
        XCTAssertEqual(r.repairs.count, 5)
        r = try repaired("∀x ∀y (GoodGuy(x) ∧ Fights(x, y) ⟷ BadGuy(y) ∧ Fights(y, x))")
        XCTAssertEqual(r.repairs.map(\.message), ["'⟷' read as '↔'"])
        r = try repaired("∀x (Non-BreastCancer(x) → -P(x))")
        XCTAssertEqual(r.formula, .forall("x", .implies(P("Non_BreastCancer", x), .not(P("P", x)))))
        // quantifier dots are not name defects
        XCTAssertEqual(try repaired("all x.P(x)").formula, .forall("x", P("P", x)))
    }
}
