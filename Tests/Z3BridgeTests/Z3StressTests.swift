import CZ3
import Foundation
import Logic
import XCTest
@testable import Z3Bridge

/// Many contexts and handles made and released: nothing crashes and memory stays bounded.
final class Z3StressTests: XCTestCase {
    /// Resident set size in bytes, from /proc/self/statm (nil where there is no /proc).
    func residentBytes() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// Problem i has verdict true, unknown, false, inconsistent for i % 4 = 0, 1, 2, 3.
    static func problem(_ i: Int) -> (premises: [Formula], conclusion: Formula) {
        let k = c("k\(i % 7)")
        var premises: [Formula] = [
            all("x", .implies(p("A", v("x")), p("B", f("g", v("x"))))),
            p("A", k),
            .xor(p("C", k), p("D", k)),
        ]
        if i % 4 == 3 { premises.append(.not(p("A", k))) }
        let conclusions: [Formula] = [some("y", p("B", v("y"))), p("C", k), .not(p("A", k)), p("C", k)]
        return (premises, conclusions[i % 4])
    }

    func testTwoThousandDecisionsStayBounded() throws {
        let count = ProcessInfo.processInfo.environment["ENTAIL_LONG_TESTS"] == "1" ? 20_000 : 2_000
        let z3 = Z3Entailment(timeout: .seconds(5))
        var verdicts: [Verdict: Int] = [:]
        func run(_ range: Range<Int>) throws {
            for i in range {
                let (premises, conclusion) = Self.problem(i)
                verdicts[try z3.decide(premises: premises, conclusion: conclusion).verdict, default: 0] += 1
            }
        }
        try run(0..<200) // warm up allocators before the baseline
        let baseline = residentBytes()
        let z3Baseline = Z3_get_estimated_alloc_size()
        try run(200..<count)
        XCTAssertEqual(verdicts[.true], count / 4)
        XCTAssertEqual(verdicts[.unknown], count / 4)
        XCTAssertEqual(verdicts[.false], count / 4)
        XCTAssertEqual(verdicts[.inconsistent], count / 4)
        // Every context is deleted: Z3's own allocation count is back where it was.
        let z3After = Z3_get_estimated_alloc_size()
        XCTAssertLessThan(Int64(z3After) - Int64(z3Baseline), 1 << 20, "Z3 memory grew \(z3Baseline) -> \(z3After)")
        if let baseline, let after = residentBytes() {
            XCTAssertLessThan(after - baseline, 64 << 20, "RSS grew from \(baseline) to \(after) bytes")
        }
    }

    func testManyHandlesInOneContextAreReleased() throws {
        let context = try Z3Context()
        let symbols = try SymbolTable(formulas: [p("P", f("h", c("a")))], maxNesting: 100)
        let encoder = try FormulaEncoder(context: context, symbols: symbols, maxNesting: 100)
        let h = try encoder.declaration(SymbolKey(role: .function, name: "h", arity: 1))
        _ = try encoder.encode(eq(c("a"), c("a")))
        let before = Z3_get_estimated_alloc_size()
        for round in 0..<20 {
            var keep: [Z3AST] = []
            // A fresh constant per round, so every round makes new ASTs.
            var term = try context.make(Z3ASTObject.self) { Z3_mk_fresh_const($0, "base", encoder.universe.raw) }
            for _ in 0..<2_000 {
                let argument: Z3_ast? = term.raw
                term = try withUnsafePointer(to: argument) { args in
                    try context.make(Z3ASTObject.self) { Z3_mk_app($0, h.raw, 1, args) }
                }
                keep.append(term)
            }
            XCTAssertEqual(keep.count, 2_000, "round \(round)")
        }
        let after = Z3_get_estimated_alloc_size()
        // 40,000 distinct ASTs were made and all released.
        XCTAssertLessThan(Int64(after) - Int64(before), 256 << 10, "Z3 memory grew \(before) -> \(after)")
    }

    func testConcurrentDecisionsUseSeparateContexts() throws {
        let z3 = Z3Entailment(timeout: .seconds(5))
        let failures = LockedCounter()
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            for i in 0..<50 {
                let (premises, conclusion) = Self.problem(worker * 50 + i)
                let expected: [Verdict] = [.true, .unknown, .false, .inconsistent]
                if (try? z3.decide(premises: premises, conclusion: conclusion).verdict) != expected[(worker * 50 + i) % 4] {
                    failures.increment()
                }
            }
        }
        XCTAssertEqual(failures.value, 0)
    }
}

final class LockedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
