import Foundation
import XCTest
@testable import Logic

/// Parses every gold FOL formula of FOLIO (../shared/datasets/folio) strictly and
/// tolerantly, and counts failures and repairs by kind.
final class FOLIODataTests: XCTestCase {
    static var datasetDirectory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("../shared/datasets/folio").standardized
    }

    struct Tally {
        var formulas = 0, empty = 0, strictFailures = 0, tolerantFailures: [String] = []
        var repairsByKind: [String: Int] = [:]
    }

    /// The formulas of a FOLIO JSONL file (premises-FOL and, where present, conclusion-FOL).
    static func formulas(in file: String) throws -> [String] {
        let url = datasetDirectory.appendingPathComponent(file)
        guard FileManager.default.fileExists(atPath: url.path) else { throw XCTSkip("\(url.path) absent") }
        let text = try String(contentsOf: url, encoding: .utf8)
        var out: [String] = []
        for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            out += object["premises-FOL"] as? [String] ?? []
            if let c = object["conclusion-FOL"] as? String { out.append(c) }
        }
        return out
    }

    static func kind(of repair: Repair) -> String {
        let m = repair.message
        if m.hasPrefix("name ") { return "name sanitized" }
        if m.hasPrefix("missing connective") { return "missing connective" }
        if m.hasPrefix("ambiguous:") { return "ambiguous ∨/⊕" }
        if let q = m.firstIndex(of: "(") , m.hasPrefix("missing") { return String(m[..<q]).trimmingCharacters(in: .whitespaces) }
        return m
    }

    func tally(_ file: String) throws -> Tally {
        var t = Tally()
        let all = try Self.formulas(in: file)
        var unique = Set<String>()
        var uniqueStrictFailures = 0
        for f in all where unique.insert(f).inserted {
            if !f.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, (try? FOLParser.parse(f)) == nil {
                uniqueStrictFailures += 1
            }
        }
        print("FOLIO \(file): \(unique.count) distinct formulas, \(uniqueStrictFailures) distinct strict failures")
        for f in all {
            t.formulas += 1
            if f.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { t.empty += 1; continue }
            if (try? FOLParser.parse(f)) == nil { t.strictFailures += 1 }
            do {
                let r = try FOLParser.parse(f, options: FOLParseOptions(tolerant: true))
                for rep in r.repairs { t.repairsByKind[Self.kind(of: rep), default: 0] += 1 }
                // the repaired formula prints and parses back strictly to itself
                let back = try FOLParser.parse(FOLPrinter.unicode(r.formula)).formula
                XCTAssertEqual(back, r.formula, f)
            } catch {
                t.tolerantFailures.append("\(f)  —  \(error)")
            }
        }
        print("FOLIO \(file): \(t.formulas) formulas, \(t.empty) empty, strict failures \(t.strictFailures), "
              + "tolerant failures \(t.tolerantFailures.count), repairs \(t.repairsByKind.sorted { $0.key < $1.key })")
        for f in t.tolerantFailures { print("  tolerant failure: \(f)") }
        return t
    }

    func testValidationDevParsesTolerantly() throws {
        let t = try tally("folio-validation-dev.jsonl")
        XCTAssertEqual(t.tolerantFailures, [])
        XCTAssertGreaterThan(t.formulas, 400)
    }

    func testTrainParsesTolerantly() throws {
        let t = try tally("folio-train.jsonl")
        XCTAssertGreaterThan(t.formulas, 4000)
        XCTAssertEqual(t.tolerantFailures, [])
    }
}
