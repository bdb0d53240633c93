import Foundation
import Logic
import Problems
import Search

/// Z3 and the native prover as a search's theory decider (through `FormalReasoner`).
/// Keeps the full `Solution` of every theory it decided, so the chosen candidate's
/// certificate costs no second proof. Not thread-safe.
public final class FormalTheoryDecider: TheoryDecider {
    public let reasoner: FormalReasoner
    public let world: ReasoningWorld
    private var solutions: [String: Solution] = [:]

    public init(reasoner: FormalReasoner = FormalReasoner(prover: .both, timeout: .seconds(10)), world: ReasoningWorld = .open) {
        self.reasoner = reasoner; self.world = world
    }

    public var maxProverCallsPerDecision: Int { reasoner.prover == .both ? 2 : 1 }

    public func decide(premises: [Formula], conclusion: Formula, secondsLeft: Double?) -> TheoryDecision {
        var formal = reasoner
        if let left = secondsLeft {
            let bound = max(0.05, left)
            if bound < formal.timeout.seconds { formal = FormalReasoner(prover: reasoner.prover, timeout: .milliseconds(Int(bound * 1000)), nativeLimits: reasoner.nativeLimits) }
        }
        let solution = formal.decide(id: "candidate", premises: premises, conclusion: conclusion, world: world)
        solutions[Self.key(premises, conclusion)] = solution
        let decided = solution.crossCheck.values.filter(\.isDecided)
        let agree: Bool? = decided.count >= 2 ? Set(decided).count == 1 : nil
        let satisfiable: Bool? = solution.verdict == .inconsistent ? false
            : (solution.verdict == .true || solution.verdict == .false || solution.verdict == .unknown) && solution.prover != "native" ? true : nil
        return TheoryDecision(verdict: solution.verdict, premisesSatisfiable: satisfiable, proversAgree: agree,
                              proverCalls: solution.cost.proverCalls, detail: solution.prover ?? "")
    }

    /// The solution recorded for exactly these formulas, if this decider decided them.
    public func solution(premises: [Formula], conclusion: Formula) -> Solution? {
        solutions[Self.key(premises, conclusion)]
    }

    /// Forgets the recorded solutions (call between problems to bound memory).
    public func forget() { solutions.removeAll() }

    static func key(_ premises: [Formula], _ conclusion: Formula) -> String {
        (premises + [conclusion]).map(FOLPrinter.ascii).joined(separator: "\n")
    }
}
