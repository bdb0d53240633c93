import Foundation
import Logic
import Problems
import Prover
import Z3Bridge

/// Decides formal problems with the Z3 bridge, the native prover, or both cross-checked.
///
/// Premise indices in certificates are mapped back to the problem's own numbering
/// (`premiseNumbers[i]` is the problem premise that formula `i` came from).
public struct FormalReasoner: Sendable {
    /// Which prover decides (or both, cross-checked).
    public var prover: ProverChoice
    /// Wall-clock bound for each prover on one problem.
    public var timeout: Duration
    /// The native prover's resource bounds; its time bound never exceeds `timeout`.
    public var nativeLimits: NativeLimits

    /// A reasoner with the given prover, per-prover time bound and native limits.
    public init(prover: ProverChoice = .both, timeout: Duration = .seconds(20), nativeLimits: NativeLimits? = nil) {
        self.prover = prover
        self.timeout = timeout
        var limits = nativeLimits ?? NativeLimits()
        limits.timeoutSeconds = min(limits.timeoutSeconds, Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18)
        self.nativeLimits = limits
    }

    /// Decides whether `premises` entail `conclusion` and fills a `Solution`.
    public func decide(id: String, premises: [Formula], premiseNumbers: [Int]? = nil, conclusion: Formula,
                       world: ReasoningWorld = .open, expected: Verdict? = nil) -> Solution {
        let numbers = premiseNumbers ?? Array(premises.indices)
        func mapIndices(_ xs: [Int]) -> [Int] { xs.compactMap { $0 < numbers.count ? numbers[$0] : nil }.sorted() }
        let start = ContinuousClock.now
        var solution = Solution(id: id, verdict: .error, expected: expected)

        var useZ3 = prover != .native
        var useNative = prover != .z3
        // Z3 reads premises classically; negation as failure and forward-only chaining are
        // the native prover's. Z3 then only checks soundness: a native true/false must be
        // classically entailed too (or the premises classically inconsistent).
        let classical = world == .open
        if !classical {
            if prover == .z3 { solution.notes.append("\(world.rawValue) world: decided by the native prover") }
            useNative = true
            useZ3 = prover != .native && world == .forward
        }
        var z3Result: (Verdict, Certificate)?
        if useZ3 {
            solution.cost.proverCalls += 1
            do {
                let decision = try Z3Entailment(timeout: timeout).decide(premises: premises, conclusion: conclusion)
                z3Result = (decision.verdict, Self.certificate(decision, mapIndices))
            } catch {
                z3Result = (.error, .error("z3: \(error)"))
            }
        }

        var nativeResult: (Verdict, Certificate, String)?
        if useNative {
            solution.cost.proverCalls += 1
            let assumption: WorldAssumption = world == .closed ? .closed : world == .forward ? .openForwardOnly : .open
            let decision = NativeProver(world: assumption, limits: nativeLimits)
                .decide(premises: premises, conclusion: conclusion)
            nativeResult = (decision.verdict, Self.certificate(decision, mapIndices), decision.reason)
        }

        switch (z3Result, nativeResult) {
        case let (z?, n?) where !classical:
            // Forward-only: the native verdict stands; Z3 checks that it is classically sound.
            solution.crossCheck = ["z3": z.0, "native": n.0]
            solution.verdict = n.0
            solution.certificate = n.1
            solution.prover = "native"
            if (n.0 == .true || n.0 == .false) && z.0.isDecided && z.0 != n.0 && z.0 != .inconsistent {
                solution.verdict = .error
                solution.certificate = .error("provers disagree on \(id): forward chaining says \(n.0.rawValue), z3 says \(z.0.rawValue)")
                solution.notes.append("provers disagree: z3 \(z.0.rawValue), native \(n.0.rawValue)")
            } else if z.0 == .inconsistent {
                solution.notes.append("the premises are classically inconsistent (z3); forward chaining does not see it")
            }
        case let (z?, n?):
            solution.crossCheck = ["z3": z.0, "native": n.0]
            if z.0.isDecided && n.0.isDecided && z.0 != n.0 {
                solution.verdict = .error
                solution.certificate = .error("provers disagree on \(id): z3 says \(z.0.rawValue), native says \(n.0.rawValue)")
                solution.notes.append("provers disagree: z3 \(z.0.rawValue), native \(n.0.rawValue) (\(n.2))")
            } else if z.0.isDecided {
                solution.verdict = z.0
                // Prefer the native proof tree as the certificate when both agree on it.
                if n.0 == z.0, case .proof = n.1 { solution.certificate = n.1 } else { solution.certificate = z.1 }
                solution.prover = n.0 == z.0 ? "z3+native" : "z3"
            } else if n.0.isDecided {
                solution.verdict = n.0
                solution.certificate = n.1
                solution.prover = "native"
                solution.notes.append("z3: \(z.0.rawValue)")
            } else {
                solution.verdict = z.0 == .error ? n.0 : z.0
                solution.certificate = z.1
                solution.notes.append("native: \(n.0.rawValue) (\(n.2))")
            }
        case let (z?, nil):
            solution.verdict = z.0
            solution.certificate = z.1
            solution.prover = "z3"
        case let (nil, n?):
            solution.verdict = n.0 == .abstain ? .error : n.0
            solution.certificate = n.0 == .abstain ? .error("native prover: \(n.2)") : n.1
            solution.prover = "native"
            if !n.0.isDecided { solution.notes.append("native: \(n.2)") }
        case (nil, nil):
            solution.verdict = .error
            solution.certificate = .error("no prover selected")
        }
        solution.cost.seconds = (ContinuousClock.now - start).seconds
        return solution
    }

    static func certificate(_ d: Z3Decision, _ map: ([Int]) -> [Int]) -> Certificate {
        switch d.verdict {
        case .true, .false, .inconsistent:
            return .core(premises: map(d.unsatCore))
        case .unknown:
            return .countermodels(againstConclusion: d.countermodel.map(CertificateRendering.model),
                                  forConclusion: d.modelOfConclusion.map(CertificateRendering.model))
        case .timeout:
            return .bound("time" + (d.timedOutPhase.map { " (\($0))" } ?? "") + (d.reasonUnknown.map { ": \($0)" } ?? ""))
        default:
            return .error(d.reasonUnknown ?? d.verdict.rawValue)
        }
    }

    static func certificate(_ d: NativeDecision, _ map: ([Int]) -> [Int]) -> Certificate {
        switch d.verdict {
        case .true, .false, .inconsistent:
            if let proof = d.proof {
                let number = { (i: Int) in map([i]).first ?? i }
                var tree = CertificateRendering.proof(proof, premiseNumber: number)
                if let other = d.contradictionProof { tree += "\n" + CertificateRendering.proof(other, premiseNumber: number) }
                return .proof(premises: map(d.usedPremises), tree: tree)
            }
            return .core(premises: map(d.usedPremises))
        case .unknown:
            return .countermodels(againstConclusion: nil, forConclusion: nil)
        case .timeout, .limit:
            return .bound(d.boundHit ?? d.reason)
        default:
            return .error(d.reason)
        }
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
