import CZ3
import Logic
import XCTest
@testable import Z3Bridge

final class Z3ErrorTests: XCTestCase {
    func testUnknownParameterThrowsInsteadOfExiting() throws {
        let z3 = Z3Entailment(parameters: ["no_such_parameter_exists": .bool(true)])
        XCTAssertThrowsError(try z3.decide(premises: [p("A", c("a"))], conclusion: p("A", c("a")))) { error in
            guard let error = error as? Z3Error, case .z3 = error.kind else {
                return XCTFail("expected a Z3 error, got \(error)")
            }
            XCTAssertTrue(error.message.contains("no_such_parameter_exists"), error.message)
        }
    }

    func testSortMismatchThrowsAndContextStaysUsable() throws {
        let context = try Z3Context()
        let symbols = try SymbolTable(formulas: [p("A", c("a"))], maxNesting: 10)
        let encoder = try FormulaEncoder(context: context, symbols: symbols, maxNesting: 10)
        let atom = try encoder.encode(p("A", c("a")))            // Bool
        let term = try encoder.encode(eq(c("a"), c("a")))         // Bool too; make a U term:
        let constant = try encoder.declaration(SymbolKey(role: .function, name: "a", arity: 0))
        let a = try context.make(Z3ASTObject.self) { Z3_mk_app($0, constant.raw, 0, nil) }
        XCTAssertThrowsError(try context.make(Z3ASTObject.self) { Z3_mk_and($0, 2, [atom.raw, a.raw]) }) { error in
            guard let error = error as? Z3Error, case .z3 = error.kind else { return XCTFail("\(error)") }
            XCTAssertFalse(error.message.isEmpty)
        }
        // The error code is reset by the next call: the context still works.
        let both = try context.make(Z3ASTObject.self) { Z3_mk_and($0, 2, [atom.raw, term.raw]) }
        XCTAssertEqual(try context.string { Z3_ast_to_string($0, both.raw) }, "(and (A a) (= a a))")
    }
}
