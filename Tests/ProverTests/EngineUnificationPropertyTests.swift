import Logic
import XCTest
@testable import Prover

/// Seeded property tests of unification laws, through the engine's own queries.
final class EngineUnificationPropertyTests: XCTestCase {
    /// A first-order term for the reference unifier.
    indirect enum RefTerm: Equatable {
        case v(String)
        case f(String, [RefTerm])
        var text: String {
            switch self {
            case .v(let x): return x
            case .f(let n, let a): return a.isEmpty ? n : "'\(n)'(" + a.map(\.text).joined(separator: ",") + ")"
            }
        }
    }

    static func randomTerm(_ g: inout SplitMix64, depth: Int, vars: [String]) -> RefTerm {
        let r = Int.random(in: 0..<10, using: &g)
        if depth == 0 || r < 4 {
            if !vars.isEmpty && Bool.random(using: &g) { return .v(vars.randomElement(using: &g)!) }
            return .f(["a", "b", "[]", "1", "-2"].randomElement(using: &g)!, [])
        }
        let (f, k) = [("f", 1), ("g", 2), ("h", 3), (".", 2)].randomElement(using: &g)!
        return .f(f, (0..<k).map { _ in randomTerm(&g, depth: depth - 1, vars: vars) })
    }

    enum RefOutcome { case unifiable, clash, occurs }

    /// Robinson unification with the occurs check.
    static func referenceUnify(_ a: RefTerm, _ b: RefTerm) -> RefOutcome {
        var subst: [String: RefTerm] = [:]
        func walk(_ t: RefTerm) -> RefTerm {
            var t = t
            while case .v(let x) = t, let u = subst[x] { t = u }
            return t
        }
        func occurs(_ x: String, _ t: RefTerm) -> Bool {
            switch walk(t) {
            case .v(let y): return x == y
            case .f(_, let args): return args.contains { occurs(x, $0) }
            }
        }
        var stack = [(a, b)]
        var sawOccurs = false
        while let (s0, t0) = stack.popLast() {
            let s = walk(s0), t = walk(t0)
            switch (s, t) {
            case (.v(let x), .v(let y)) where x == y: continue
            case (.v(let x), _):
                if occurs(x, t) { sawOccurs = true; continue }
                subst[x] = t
            case (_, .v(let y)):
                if occurs(y, s) { sawOccurs = true; continue }
                subst[y] = s
            case (.f(let f, let xs), .f(let g, let ys)):
                if f != g || xs.count != ys.count { return .clash }
                for (x, y) in zip(xs, ys) { stack.append((x, y)) }
            }
        }
        return sawOccurs ? .occurs : .unifiable
    }

    func succeeds(_ m: PrologMachine, _ goal: String) throws -> Bool { try !m.solve(goal, maxAnswers: 1).isEmpty }

    func testUnificationAgreesWithReferenceAndLawsHold() throws {
        let m = PrologMachine()
        m.onOutput = { _ in }
        m.limits = PrologLimits(steps: 100_000)
        for seed in 0..<500 {
            var g = SplitMix64(seed: UInt64(seed))
            let s = Self.randomTerm(&g, depth: 3, vars: ["X", "Y", "Z", "W"])
            let t = Self.randomTerm(&g, depth: 3, vars: ["X", "Y", "Z", "V"])
            let (st, ts) = (s.text, t.text)
            let expected = Self.referenceUnify(s, t)
            if expected == .occurs { continue }   // no occurs check: cyclic terms are out of scope
            XCTAssertEqual(try succeeds(m, "\(st) = \(ts)"), expected == .unifiable, "seed \(seed): \(st) = \(ts)")
            XCTAssertEqual(try succeeds(m, "\(ts) = \(st)"), expected == .unifiable, "seed \(seed): symmetry, \(ts) = \(st)")
            XCTAssertTrue(try succeeds(m, "\(st) = \(st)"), "seed \(seed): reflexivity fails for \(st)")
            XCTAssertTrue(try succeeds(m, "copy_term(\(st), C), \(st) = C"), "seed \(seed): no unifier with its copy: \(st)")
            XCTAssertEqual(try succeeds(m, "\(st) \\= \(ts)"), expected != .unifiable, "seed \(seed): \\= on \(st), \(ts)")
            if expected == .unifiable {
                XCTAssertTrue(try succeeds(m, "\(st) = \(ts), \(st) == \(ts)"), "seed \(seed): \(st) = \(ts) leaves them different")
                XCTAssertTrue(try succeeds(m, "\(st) = \(ts), copy_term(f(X,Y,Z,W,V), C0), \(st) = \(ts), f(X,Y,Z,W,V) =@= C0"),
                              "seed \(seed): unification not idempotent for \(st) = \(ts)")
            }
        }
    }
}
