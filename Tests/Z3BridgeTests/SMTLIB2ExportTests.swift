import Foundation
import Logic
import XCTest
@testable import Z3Bridge

final class SMTLIB2ExportTests: XCTestCase {
    func testScriptGolden() throws {
        let premises = [
            all("x", .implies(p("Dog", v("x")), p("Animal", v("x")))),
            .xor(p("Dog", c("rex")), eq(f("owner", c("rex")), c("ann"))),
        ]
        let script = try Z3Entailment.smtlib2(premises: premises, conclusion: p("Animal", c("rex")))
        XCTAssertEqual(script, """
            ; Entail: do the premises entail the conclusion? unsat means yes.
            (set-option :produce-unsat-cores true)
            (declare-sort U 0)
            (declare-fun Dog (U) Bool)
            (declare-fun Animal (U) Bool)
            (declare-fun rex () U)
            (declare-fun owner (U) U)
            (declare-fun ann () U)
            (assert (! (forall ((x U)) (=> (Dog x) (Animal x))) :named premise!0))
            (assert (! (xor (Dog rex) (= (owner rex) ann)) :named premise!1))
            (assert (! (not (Animal rex)) :named negated!conclusion))
            (check-sat)

            """)
    }

    func testBoundVariablesNeverCaptureSymbols() throws {
        // The bound x must not print as the constant x, nor capture the outer y.
        let formula = all("x", .and([p("P", v("x"), c("x")), all("y", some("x_v", p("Q", v("x"), v("y"), v("x_v"))))]))
        let script = try Z3Entailment.smtlib2(premises: [formula], conclusion: nil)
        XCTAssertTrue(script.contains("(forall ((x_v U)) (and (P x_v x) (forall ((y U)) (exists ((x_v_v U)) (Q x_v y x_v_v)))))"), script)
        XCTAssertFalse(script.contains("negated!conclusion"))
    }

    /// The problems of `Z3EntailmentTests`, with the verdict the bridge gives.
    static func problems() -> [(name: String, premises: [Formula], conclusion: Formula, verdict: Verdict)] {
        let names = ["and", "not", "true", "div", "select", "x!1", "a|b", "1abc", "héllo", "with space", "", "U"]
        return [
            ("syllogism", [all("x", .implies(p("Dog", v("x")), p("Animal", v("x")))), p("Dog", c("rex"))],
             p("Animal", c("rex")), .true),
            ("negation", [p("Happy", c("ann")), all("x", .implies(p("Sad", v("x")), .not(p("Happy", v("x")))))],
             p("Sad", c("ann")), .false),
            ("open", [p("Dog", c("rex"))], p("Brown", c("rex")), .unknown),
            ("inconsistent", [p("Bird", c("t")), all("x", .implies(p("Bird", v("x")), p("Flies", v("x")))),
                              .not(p("Flies", c("t")))], p("Small", c("t")), .inconsistent),
            ("xor", [.xor(p("A", c("k")), p("B", c("k"))), p("A", c("k"))], p("B", c("k")), .false),
            ("equality", [eq(f("mother", c("ann")), c("mary")), p("Teacher", c("mary"))],
             p("Teacher", f("mother", c("ann"))), .true),
            ("shadowing", [all("x", .or([p("P", v("x")), some("x", .not(p("P", v("x"))))]))], p("P", c("x")), .unknown),
            ("loves", [all("x", some("y", p("Loves", v("x"), v("y")))),
                       all("x", all("y", .implies(p("Loves", v("x"), v("y")), p("Happy", v("x")))))],
             all("x", p("Happy", v("x"))), .true),
            ("arities", [p("P", c("a")), p("P", c("a"), c("b")), p("f", f("f", c("a")))], p("P", c("a"), c("b")), .true),
            ("odd names", names.enumerated().map { p($0.element, c($0.element), c("k\($0.offset)")) },
             p("héllo", c("héllo"), c("k8")), .true),
        ]
    }

    func testBridgeVerdictsOfTheBinaryProblems() throws {
        let z3 = Z3Entailment()
        for problem in Self.problems() {
            XCTAssertEqual(try z3.decide(premises: problem.premises, conclusion: problem.conclusion).verdict,
                           problem.verdict, problem.name)
        }
    }

    func testZ3BinaryAgreesWithTheBridge() throws {
        guard let binary = Self.z3Binary() else { throw XCTSkip("no z3 binary on PATH") }
        for problem in Self.problems() {
            let follows = [Verdict.true, .inconsistent].contains(problem.verdict)
            let negationFollows = [Verdict.false, .inconsistent].contains(problem.verdict)
            let forward = try Z3Entailment.smtlib2(premises: problem.premises, conclusion: problem.conclusion)
            let backward = try Z3Entailment.smtlib2(premises: problem.premises, conclusion: .not(problem.conclusion))
            let alone = try Z3Entailment.smtlib2(premises: problem.premises, conclusion: nil)
            XCTAssertEqual(try Self.run(binary, forward), follows ? "unsat" : "sat", "\(problem.name)\n\(forward)")
            XCTAssertEqual(try Self.run(binary, backward), negationFollows ? "unsat" : "sat", "\(problem.name)\n\(backward)")
            XCTAssertEqual(try Self.run(binary, alone), problem.verdict == .inconsistent ? "unsat" : "sat", problem.name)
        }
    }

    func testUnsatCoreFromTheBinaryNamesPremises() throws {
        guard let binary = Self.z3Binary() else { throw XCTSkip("no z3 binary on PATH") }
        let premises = [p("Cat", c("tom")), all("x", .implies(p("Dog", v("x")), p("Animal", v("x")))), p("Dog", c("rex"))]
        let script = try Z3Entailment.smtlib2(premises: premises, conclusion: p("Animal", c("rex"))) + "(get-unsat-core)\n"
        let output = try Self.run(binary, script)
        XCTAssertTrue(output.hasPrefix("unsat"), output)
        XCTAssertTrue(output.contains("premise!1") && output.contains("premise!2") && output.contains("negated!conclusion"), output)
        XCTAssertFalse(output.contains("premise!0"), output)
    }

    static func z3Binary() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("z3")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Runs `z3 -smt2 -in` on `script` (10 s limit) and returns its trimmed output.
    static func run(_ binary: URL, _ script: String) throws -> String {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["-smt2", "-T:10", "-in"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        input.fileHandleForWriting.write(script.data(using: .utf8)!)
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
