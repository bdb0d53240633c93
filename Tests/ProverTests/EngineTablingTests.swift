import Logic
import XCTest
@testable import Prover

/// Tabled transitive closure (left-, right- and doubly-recursive, and mutually recursive
/// rules) on seeded random graphs, checked against a breadth-first search.
final class EngineTablingTests: XCTestCase {
    func testClosureMatchesBreadthFirstSearch() throws {
        for seed in 0..<8 {
            var g = SplitMix64(seed: UInt64(500 + seed))
            let nodes = 20
            var edges = Set<[Int]>()
            for _ in 0..<45 { edges.insert([Int.random(in: 0..<nodes, using: &g), Int.random(in: 0..<nodes, using: &g)]) }
            var program = ":- table p/2, q/2, r/2, s/2.\n"
            program += edges.sorted { $0.lexicographicallyPrecedes($1) }.map { "e(\($0[0]), \($0[1]))." }.joined(separator: "\n")
            program += """

            p(X, Y) :- p(X, Z), p(Z, Y).
            p(X, Y) :- e(X, Y).
            q(X, Y) :- e(X, Y).
            q(X, Y) :- e(X, Z), q(Z, Y).
            r(X, Y) :- s(X, Y).
            r(X, Y) :- e(X, Y).
            s(X, Y) :- r(X, Z), e(Z, Y).
            count(G, N) :- findall(G, G, L), length(L, N).

            """
            let m = PrologMachine()
            m.onOutput = { _ in }
            try m.consult(program)
            var successors = [[Int]](repeating: [], count: nodes)
            for e in edges { successors[e[0]].append(e[1]) }
            var total = 0
            for start in 0..<nodes {
                var seen = Set<Int>()
                var queue = successors[start]
                while let n = queue.popLast() { if seen.insert(n).inserted { queue += successors[n] } }
                total += seen.count
                for pred in ["p", "q", "r"] {
                    let n = try m.solve("count(\(pred)(\(start), _), N)").first?.first?.value
                    XCTAssertEqual(n, String(seen.count), "seed \(500 + seed): \(pred)(\(start), _)")
                }
            }
            XCTAssertEqual(try m.solve("count(p(_, _), N)").first?.first?.value, String(total), "seed \(500 + seed)")
            XCTAssertEqual(try m.solve("count(r(_, _), N)").first?.first?.value, String(total), "seed \(500 + seed)")
        }
    }
}
