import Foundation
import Logic
import XCTest
@testable import Prover

/// Seeded random theories (RandomTheory) decided by the native reasoners and by brute
/// force model enumeration: wherever both decide, they must agree. A failure prints the
/// seed and the theory; `ENTAIL_LONG_TESTS=1` runs ten times as many seeds.
final class DifferentialBruteForceTests: XCTestCase {
    var scale: UInt64 { ProcessInfo.processInfo.environment["ENTAIL_LONG_TESTS"] == "1" ? 10 : 1 }

    func testNativeProverAgreesWithBruteForce() {
        var decided = [Verdict: Int]()
        var routes = [String: Int]()
        for shape in RandomTheory.Shape.allCases {
            for seed in 0..<(600 * scale) {
                let t = RandomTheory.generate(seed: seed, shape: shape)
                guard let reference = BruteForceEntailment.verdict(premises: t.premises, conclusion: t.conclusion, constants: t.constants) else { continue }
                let d = NativeProver().decide(premises: t.premises, conclusion: t.conclusion)
                routes[d.reason.contains("function-free") ? "ground" : (d.reason.contains("MESON") ? "meson" : "rules"), default: 0] += 1
                guard d.verdict.isDecided else { XCTFail("undecided \(d.verdict) on \(t): \(d.reason)"); continue }
                decided[reference, default: 0] += 1
                if d.verdict != reference {
                    XCTFail("NativeProver says \(d.verdict), brute force \(reference) on \(t): \(d.reason)")
                }
            }
        }
        print("native vs brute force: \(decided) via \(routes)")
        XCTAssertGreaterThan(decided[.true, default: 0], 100)
        XCTAssertGreaterThan(decided[.false, default: 0], 100)
        XCTAssertGreaterThan(decided[.unknown, default: 0], 100)
        XCTAssertGreaterThan(decided[.inconsistent, default: 0], 50)
    }

    func testOpenWorldModesAgreeWithBruteForce() {
        var checked = 0
        for shape in [RandomTheory.Shape.horn, .withNegation, .withCycles, .relational] {
            for seed in 0..<(600 * scale) {
                let t = RandomTheory.generate(seed: seed, shape: shape)
                guard let reference = BruteForceEntailment.verdict(premises: t.premises, conclusion: t.conclusion, constants: t.constants) else { continue }
                let open = OpenWorldReasoner().decide(premises: t.premises, conclusion: t.conclusion)
                XCTAssertFalse(open.outsideFragment, "\(t)")
                XCTAssertEqual(open.verdict, reference, "open world vs brute force on \(t): \(open.reason)")
                if (open.verdict == .true || open.verdict == .false), let proof = open.proof {
                    XCTAssertEqual(proof.literal, SignedLiteral(open.verdict == .true ? t.conclusion : .not(t.conclusion)),
                                   "proof of the wrong literal on \(t)")
                    XCTAssertEqual(Set(proof.premisesUsed), Set(open.usedPremises), "\(t)")
                }
                // Forward-only derivations are sound: never a definite verdict classical
                // logic rejects (unless the premises are inconsistent).
                let forward = OpenWorldReasoner(world: .openForwardOnly).decide(premises: t.premises, conclusion: t.conclusion)
                if reference != .inconsistent {
                    XCTAssertTrue(forward.verdict == reference || forward.verdict == .unknown,
                                  "forward-only says \(forward.verdict), brute force \(reference) on \(t)")
                }
                if forward.verdict == .inconsistent { XCTAssertEqual(reference, .inconsistent, "\(t)") }
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 1500)
    }

    func testUsedPremisesSuffice() {
        // The premises a verdict names must on their own give the same verdict.
        for shape in RandomTheory.Shape.allCases {
            for seed in 0..<(150 * scale) {
                let t = RandomTheory.generate(seed: seed, shape: shape)
                let d = NativeProver().decide(premises: t.premises, conclusion: t.conclusion)
                guard [.true, .false, .inconsistent].contains(d.verdict) else { continue }
                let subset = d.usedPremises.map { t.premises[$0] }
                guard let reference = BruteForceEntailment.verdict(premises: subset, conclusion: t.conclusion, constants: t.constants) else { continue }
                if d.verdict == .inconsistent {
                    XCTAssertEqual(reference, .inconsistent, "used premises \(d.usedPremises) of \(t)")
                } else {
                    XCTAssertTrue(reference == d.verdict || reference == .inconsistent, "used premises \(d.usedPremises) of \(t) give \(reference)")
                }
            }
        }
    }

    func testMESONNeverContradictsBruteForce() {
        var limits = NativeLimits()
        limits.maxDepth = 14
        limits.maxInferences = 100_000
        limits.timeoutSeconds = 2
        var decided = 0
        for shape in RandomTheory.Shape.allCases {
            for seed in 0..<(120 * scale) {
                let t = RandomTheory.generate(seed: seed, shape: shape)
                guard let reference = BruteForceEntailment.verdict(premises: t.premises, conclusion: t.conclusion, constants: t.constants) else { continue }
                let d = MESONProver(limits: limits).decide(premises: t.premises, conclusion: t.conclusion)
                guard d.verdict.isDecided else { continue }
                decided += 1
                // MESON may see `true` where the premises are in fact inconsistent but its
                // consistency search was not exhausted; every other answer must match.
                if d.verdict != reference && !(reference == .inconsistent && (d.verdict == .true || d.verdict == .false)) {
                    XCTFail("MESON says \(d.verdict), brute force \(reference) on \(t): \(d.reason)")
                }
            }
        }
        print("MESON decided \(decided) random theories")
        XCTAssertGreaterThan(decided, 300)
    }
}

/// Closed-world answers checked against the stable-model semantics: the model the
/// reasoner's answers describe must equal the least model of the program's reduct by
/// that model (Gelfond–Lifschitz), which for a stratified program is its unique
/// stable model. Written independently of the reasoner: naive grounding and iteration.
final class DifferentialClosedWorldTests: XCTestCase {
    struct GroundRule { var positive: [String]; var negative: [String]; var head: String }

    static func key(_ f: Formula, _ env: [String: String]) -> String? {
        guard case .predicate(let p, let args) = f else { return nil }
        return p + "(" + args.map { a -> String in
            switch a {
            case .variable(let v): return env[v] ?? "?"
            case .function(let c, _): return c
            }
        }.joined(separator: ",") + ")"
    }

    static func groundRules(_ premises: [Formula], constants: [String]) -> [GroundRule]? {
        var out: [GroundRule] = []
        for p in premises {
            var f = p
            var vars: [String] = []
            while case .forall(let v, let g) = f { vars.append(v); f = g }
            let (body, head): (Formula?, Formula)
            if case .implies(let b, let h) = f { (body, head) = (b, h) } else { (body, head) = (nil, f) }
            guard case .predicate = head else { return nil }     // positive heads only
            var bodyLiterals: [Formula] = []
            if let b = body { if case .and(let xs) = b { bodyLiterals = xs } else { bodyLiterals = [b] } }
            var envs: [[String: String]] = [[:]]
            for v in vars { envs = envs.flatMap { e in constants.map { c in var e2 = e; e2[v] = c; return e2 } } }
            for env in envs {
                var rule = GroundRule(positive: [], negative: [], head: key(head, env)!)
                for l in bodyLiterals {
                    if case .not(let a) = l { rule.negative.append(key(a, env)!) } else { rule.positive.append(key(l, env)!) }
                }
                out.append(rule)
            }
        }
        return out
    }

    static func leastModelOfReduct(_ rules: [GroundRule], by model: Set<String>) -> Set<String> {
        let reduct = rules.filter { $0.negative.allSatisfy { !model.contains($0) } }
        var m = Set<String>()
        var changed = true
        while changed {
            changed = false
            for r in reduct where !m.contains(r.head) && r.positive.allSatisfy(m.contains) {
                m.insert(r.head); changed = true
            }
        }
        return m
    }

    func testClosedWorldAnswersFormTheStableModel() {
        let cwa = OpenWorldReasoner(world: .closed)
        var checked = 0, declined = 0
        for shape in [RandomTheory.Shape.horn, .withNegation, .withCycles, .relational] {
            for seed in 0..<UInt64(700) {
                var t = RandomTheory.generate(seed: seed, shape: shape)
                // Under negation as failure the domain matters: pin it to the theory's
                // constants, so the per-atom queries below all see the same universe.
                t.premises += t.constants.map { .predicate("Domain", [.constant($0)]) }
                let d = cwa.decide(premises: t.premises, conclusion: t.conclusion)
                guard let rules = Self.groundRules(t.premises, constants: t.constants) else {
                    XCTAssertEqual(d.verdict, .abstain, "negative head accepted in closed world: \(t)")
                    declined += 1
                    continue
                }
                if d.verdict == .abstain {
                    XCTAssertTrue(d.reason.contains("stratification"), d.reason)
                    declined += 1
                    continue
                }
                // The model the reasoner describes, one atom query at a time.
                var atoms = Set(rules.flatMap { $0.positive + $0.negative + [$0.head] })
                let lit = SignedLiteral(t.conclusion)!
                let atomKey = Self.key(.predicate(lit.predicate, lit.arguments), [:])!
                atoms.insert(atomKey)
                var model = Set<String>()
                for a in atoms {
                    let name = String(a.prefix { $0 != "(" })
                    let args = a.drop { $0 != "(" }.dropFirst().dropLast().split(separator: ",").map { Term.constant(String($0)) }
                    let v = cwa.decide(premises: t.premises, conclusion: .predicate(name, args)).verdict
                    XCTAssertTrue(v == .true || v == .false, "\(t)")
                    if v == .true { model.insert(a) }
                }
                XCTAssertEqual(model, Self.leastModelOfReduct(rules, by: model), "not the stable model: \(t)")
                // And the conclusion's verdict is read off that model.
                XCTAssertEqual(d.verdict, model.contains(atomKey) == lit.isPositive ? .true : .false, "\(t)")
                checked += 1
            }
        }
        print("closed world: \(checked) checked against stable models, \(declined) declined")
        XCTAssertGreaterThan(checked, 400)
    }
}
