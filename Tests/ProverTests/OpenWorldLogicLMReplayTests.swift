import Foundation
import Logic
import XCTest
@testable import Prover

/// Replays GPT-4's Logic-LM programs for ProofWriter and PrOntoQA
/// (`../shared/datasets/logic-lm/outputs/*.sample.json`) through the open-world reasoner,
/// and checks every verdict against an independent naive forward chainer written here.
final class OpenWorldLogicLMReplayTests: XCTestCase {
    struct Program {
        var id: String
        var premises: [Formula]
        var query: Formula
        var answer: String
        var question: String
    }

    static var outputs: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("../shared/datasets/logic-lm/outputs")
    }

    func load(_ name: String) throws -> [Program] {
        let url = Self.outputs.appendingPathComponent(name)
        guard let data = try? Data(contentsOf: url) else { throw XCTSkip("dataset absent: \(url.path)") }
        let records = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        return try records.map { r in
            let text = try XCTUnwrap((r["raw_logic_programs"] as? [String])?.first)
            let (premises, query) = try XCTUnwrap(Self.convert(text), "cannot convert \(r["id"] ?? "?")")
            return Program(id: r["id"] as? String ?? "?", premises: premises, query: query,
                           answer: r["answer"] as? String ?? "?", question: r["question"] as? String ?? "")
        }
    }

    /// `Pred(Arg, …, True|False)` → a signed literal; `$x` is a variable.
    static func literal(_ text: String) -> Formula? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard let open = t.firstIndex(of: "("), t.hasSuffix(")") else { return nil }
        let name = String(t[..<open]).trimmingCharacters(in: .whitespaces)
        var args = t[t.index(after: open)..<t.index(before: t.endIndex)].split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard let truth = args.popLast(), truth == "True" || truth == "False", !name.isEmpty else { return nil }
        let terms: [Term] = args.map { $0.hasPrefix("$") ? .variable(String($0.dropFirst())) : .function($0, []) }
        let atom = Formula.predicate(name, terms)
        return truth == "True" ? atom : .not(atom)
    }

    /// Facts, `A && B >>> C` rules (universally closed over their `$` variables) and the query.
    static func convert(_ program: String) -> ([Formula], Formula)? {
        var section = ""
        var premises: [Formula] = []
        var query: Formula?
        for raw in program.split(separator: "\n") {
            let line = raw.components(separatedBy: ":::")[0].trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if ["Predicates:", "Facts:", "Rules:", "Query:"].contains(line) { section = line; continue }
            switch section {
            case "Facts:":
                guard let f = literal(line) else { return nil }
                premises.append(f)
            case "Rules:":
                let sides = line.components(separatedBy: ">>>")
                guard sides.count == 2 else { return nil }
                let body = sides[0].components(separatedBy: "&&").compactMap(literal)
                let head = sides[1].components(separatedBy: "&&").compactMap(literal)
                guard !body.isEmpty, !head.isEmpty else { return nil }
                var rule = Formula.implies(body.count == 1 ? body[0] : .and(body), head.count == 1 ? head[0] : .and(head))
                for v in rule.freeVariables.reversed() { rule = .forall(v, rule) }
                premises.append(rule)
            case "Query:":
                query = literal(line)
            default: continue
            }
        }
        guard let q = query else { return nil }
        return (premises, q)
    }

    static func answerLetter(_ v: Verdict) -> String {
        switch v {
        case .true: return "A"
        case .false: return "B"
        case .unknown: return "C"
        default: return v.rawValue
        }
    }

    func testProofWriterPrograms() throws {
        let programs = try load("ProofWriter_dev_gpt-4.sample.json")
        XCTAssertEqual(programs.count, 50)
        var correct = [WorldAssumption: Int]()
        for p in programs {
            let reference = NaiveForwardChainer.verdict(premises: p.premises, query: p.query)
            for world in [WorldAssumption.open, .openForwardOnly] {
                let d = OpenWorldReasoner(world: world).decide(premises: p.premises, conclusion: p.query)
                if world == .openForwardOnly {
                    XCTAssertEqual(d.verdict, reference, "\(p.id): forward-only disagrees with the naive chainer")
                }
                if Self.answerLetter(d.verdict) == p.answer { correct[world, default: 0] += 1 }
                else { print("ProofWriter miss (\(world)): \(p.id) expected \(p.answer) got \(d.verdict) — \(d.reason)") }
                if d.verdict == .true || d.verdict == .false {
                    XCTAssertFalse(d.usedPremises.isEmpty, p.id)
                }
            }
        }
        print("ProofWriter GPT-4 programs: open \(correct[.open, default: 0])/50, forward-only \(correct[.openForwardOnly, default: 0])/50")
        XCTAssertGreaterThanOrEqual(correct[.openForwardOnly, default: 0], 49)
        XCTAssertGreaterThanOrEqual(correct[.open, default: 0], 49)
    }

    func testProntoQAPrograms() throws {
        let programs = try load("ProntoQA_dev_gpt-4.sample.json")
        XCTAssertEqual(programs.count, 50)
        var asWritten = 0
        var byQuestion = 0
        for p in programs {
            let reference = NaiveForwardChainer.verdict(premises: p.premises, query: p.query)
            let d = OpenWorldReasoner().decide(premises: p.premises, conclusion: p.query)
            XCTAssertEqual(d.verdict, reference, "\(p.id): open-world disagrees with the naive chainer")
            if Self.answerLetter(d.verdict) == p.answer { asWritten += 1 }
            // GPT-4 sometimes writes the query with the wrong polarity ("Max is sour." as
            // Sour(Max, False)); reading the polarity from the question itself fixes that.
            let negatedQuestion = p.question.contains(" not ")
            let literal = SignedLiteral(p.query)!
            let asked = SignedLiteral(predicate: literal.predicate, arguments: literal.arguments, isPositive: !negatedQuestion)
            let e = OpenWorldReasoner().decide(premises: p.premises, conclusion: asked.formula)
            if Self.answerLetter(e.verdict) == p.answer { byQuestion += 1 }
            else {
                print("PrOntoQA miss: \(p.id) expected \(p.answer) got \(e.verdict) — \(e.reason)")
                // The misses are programs whose rules misspell a predicate (Impuses vs
                // Impus), which breaks the chain: the right verdict for them is unknown,
                // never the opposite answer.
                XCTAssertEqual(e.verdict, .unknown, p.id)
            }
        }
        print("PrOntoQA GPT-4 programs: \(asWritten)/50 with the program's query, \(byQuestion)/50 with the question's polarity")
        XCTAssertGreaterThanOrEqual(asWritten, 36)
        XCTAssertGreaterThanOrEqual(byQuestion, 46)
    }
}

/// An independent reference: naive bottom-up evaluation of signed-literal rules by
/// matching rule bodies against the derived set until nothing changes. No grounding,
/// no indexing, no contrapositives: ProofWriter's forward semantics.
enum NaiveForwardChainer {
    static func verdict(premises: [Formula], query: Formula) -> Verdict {
        var rules: [(body: [SignedLiteral], head: [SignedLiteral])] = []
        for p in premises {
            var f = p
            while case .forall(_, let inner) = f { f = inner }
            if case .implies(let b, let h) = f {
                rules.append((conjuncts(b), conjuncts(h)))
            } else {
                rules.append(([], conjuncts(f)))
            }
        }
        var known = Set<SignedLiteral>()
        var changed = true
        while changed {
            changed = false
            for rule in rules {
                for binding in matches(rule.body, known: known, binding: [:]) {
                    for h in rule.head {
                        let g = SignedLiteral(predicate: h.predicate, arguments: h.arguments.map { substitute($0, binding) }, isPositive: h.isPositive)
                        if g.isGround, known.insert(g).inserted { changed = true }
                    }
                }
            }
        }
        if known.contains(where: { known.contains($0.complement) }) { return .inconsistent }
        let q = SignedLiteral(query)!
        if known.contains(q) { return .true }
        if known.contains(q.complement) { return .false }
        return .unknown
    }

    static func conjuncts(_ f: Formula) -> [SignedLiteral] {
        if case .and(let xs) = f { return xs.flatMap(conjuncts) }
        return [SignedLiteral(f)!]
    }

    static func substitute(_ t: Term, _ b: [String: Term]) -> Term {
        if case .variable(let v) = t { return b[v] ?? t }
        return t
    }

    static func matches(_ body: [SignedLiteral], known: Set<SignedLiteral>, binding: [String: Term]) -> [[String: Term]] {
        guard let first = body.first else { return [binding] }
        var out: [[String: Term]] = []
        for fact in known where fact.predicate == first.predicate && fact.isPositive == first.isPositive
            && fact.arguments.count == first.arguments.count {
            var b = binding
            var ok = true
            for (pattern, value) in zip(first.arguments, fact.arguments) {
                let p = substitute(pattern, b)
                if case .variable(let v) = p { b[v] = value } else if p != value { ok = false; break }
            }
            if ok { out += matches(Array(body.dropFirst()), known: known, binding: b) }
        }
        return out
    }
}
