import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import Entail

/// `--sweep`: the sample-count parser, the CSV and the SVG plot.
final class BatchSweepTests: XCTestCase {
    func testParseSamples() throws {
        XCTAssertEqual(try BatchSweep.parseSamples("samples=1,2,4,8,16"), [1, 2, 4, 8, 16])
        XCTAssertEqual(try BatchSweep.parseSamples("samples=3"), [3])
        for bad in ["samples=", "samples=0", "samples=1,,2", "samples=1,1", "budget=1", "1,2", "samples=x", "samples=-2"] {
            XCTAssertThrowsError(try BatchSweep.parseSamples(bad), bad)
        }
    }

    /// A stub whose accuracy and cost grow with the sample count, differently per strategy.
    static func points() -> [BatchSweep.Point] {
        let items: [BatchItem] = (0..<8).map { .problem(Problem(id: "p\($0)", expected: .true)) }
        let sweep = BatchSweep(strategies: ["tree", "vote"], samples: [1, 2, 4])
        return sweep.run(items, jobs: 2, makeSolver: { strategy, k in
            { { problem in
                let n = Int(problem.id.dropFirst())!
                let right = strategy == "vote" ? n < 2 * k : n < k
                var s = Solution(id: problem.id, verdict: right ? .true : (n % 2 == 0 ? .false : .abstain), expected: problem.expected)
                s.cost.seconds = Double(k) * (strategy == "vote" ? 0.2 : 0.1)
                s.cost.modelCalls = k
                return s
            } }
        })
    }

    func testSingleRunsOnceAndStandsAtEverySampleCount() {
        let items: [BatchItem] = (0..<4).map { .problem(Problem(id: "p\($0)", expected: .true)) }
        let runs = Counter()
        let points = BatchSweep(strategies: ["single", "vote"], samples: [1, 2, 4]).run(items, makeSolver: { strategy, k in
            runs.add(strategy)
            return { { problem in Solution(id: problem.id, verdict: .true, expected: problem.expected) } }
        })
        XCTAssertEqual(runs.counts, ["single": 1, "vote": 3])
        XCTAssertEqual(points.map(\.samples), [1, 2, 4, 1, 2, 4])
        XCTAssertEqual(points.filter { $0.strategy == "single" }.map(\.summary.correct), [4, 4, 4])
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var counts: [String: Int] = [:]
        func add(_ s: String) { lock.lock(); counts[s, default: 0] += 1; lock.unlock() }
    }

    func testCSVHasOneRowPerSettingWithTheMeasuredValues() {
        let csv = BatchSweep.csv(Self.points())
        let rows = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        XCTAssertEqual(rows.count, 7)
        XCTAssertEqual(rows[0], BatchSweep.csvHeader.split(separator: ",").map(String.init))
        let col = Dictionary(uniqueKeysWithValues: rows[0].enumerated().map { ($1, $0) })
        for row in rows.dropFirst() { XCTAssertEqual(row.count, rows[0].count) }
        // vote, k=2: p0..p3 right (4/8); of the rest p4, p6 answer false (false positives), p5, p7 abstain.
        let vote2 = rows.first { $0[0] == "vote" && $0[1] == "2" }!
        XCTAssertEqual(vote2[col["problems"]!], "8")
        XCTAssertEqual(vote2[col["correct"]!], "4")
        XCTAssertEqual(vote2[col["accuracy"]!], "0.5000")
        XCTAssertEqual(vote2[col["false_positive_rate"]!], "0.2500")
        XCTAssertEqual(vote2[col["abstentions"]!], "2")
        XCTAssertEqual(vote2[col["mean_seconds"]!], "0.400000")
        XCTAssertEqual(vote2[col["mean_model_calls"]!], "2.000")
        let tree1 = rows.first { $0[0] == "tree" && $0[1] == "1" }!
        XCTAssertEqual(tree1[col["accuracy"]!], "0.1250")
        XCTAssertEqual(rows.map { $0[0] }.dropFirst(), ["tree", "tree", "tree", "vote", "vote", "vote"])
    }

    func testSVGHasAxesOnePolylinePerStrategyAndALegend() throws {
        let svg = BatchSweep.svg(Self.points())
        XCTAssertTrue(svg.hasPrefix("<?xml"))
        XCTAssertTrue(svg.hasSuffix("</svg>\n"))
        // Well-formed XML.
        let doc = try XMLDocument(data: Data(svg.utf8))
        let all = Self.elements(try XCTUnwrap(doc.rootElement()))
        func named(_ name: String) -> [XMLElement] { all.filter { ($0.localName ?? $0.name) == name } }
        let polylines = named("polyline")
        XCTAssertEqual(polylines.count, 2)
        XCTAssertEqual(polylines.compactMap { Self.attribute($0, "data-name") }, ["tree", "vote"])
        for line in polylines {
            let points = Self.attribute(line, "points")!.split(separator: " ")
            XCTAssertEqual(points.count, 3)
            // Cost grows with k, so x grows along each line.
            let xs = points.map { Double($0.split(separator: ",")[0])! }
            XCTAssertEqual(xs, xs.sorted())
        }
        let legend = named("text").filter { Self.attribute($0, "class") == "legend" }.map { $0.stringValue ?? "" }
        XCTAssertEqual(legend, ["tree", "vote"])
        XCTAssertTrue(svg.contains("mean seconds per problem"))
        XCTAssertTrue(svg.contains("accuracy (%)"))
        XCTAssertGreaterThanOrEqual(named("line").filter { Self.attribute($0, "class") == "tick" }.count, 12)
        // vote k=4 is 100% accurate: its last point sits at the top of the plot area (y = 40).
        let voteLast = Self.attribute(polylines[1], "points")!.split(separator: " ").last!
        XCTAssertEqual(voteLast.split(separator: ",")[1], "40.0")
    }

    /// An attribute's value (FoundationXML's `attribute(forName:)` misses them in a namespaced document).
    static func attribute(_ e: XMLElement, _ name: String) -> String? {
        e.attributes?.first { $0.name == name || $0.localName == name }?.stringValue
    }

    static func elements(_ e: XMLElement) -> [XMLElement] {
        [e] + (e.children ?? []).compactMap { $0 as? XMLElement }.flatMap(elements)
    }

    func testEmptyAndDegeneratePlotsAreStillValid() throws {
        var plot = LinePlot(title: "a < b & c", xLabel: "x", yLabel: "y")
        _ = try XMLDocument(data: Data(plot.svg().utf8))
        plot.series = [LinePlot.Series(name: "flat", points: [(x: 0, y: 5, label: "k=1"), (x: 0, y: 5, label: "k=2")])]
        let svg = plot.svg()
        XCTAssertFalse(svg.contains("nan"))
        XCTAssertFalse(svg.contains("inf"))
        _ = try XMLDocument(data: Data(svg.utf8))
    }
}
