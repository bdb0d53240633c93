import Foundation
import Logic
import Problems

/// The entry point for solving problems: reads their formal content, decides it with the
/// provers, and returns a `Solution` with its certificate and cost.
///
/// ```swift
/// let problems = try ProblemFileReader.read(contentsOfFile: "problems/socrates.problem")
/// let solution = Reasoner().solve(problems[0])
/// print(solution.verdict)   // false
/// ```
public struct Reasoner: Sendable {
    public var formal: FormalReasoner
    /// Let the FOL parser repair annotation defects (each repair is reported).
    public var tolerant: Bool
    /// Decide from the formal premises alone when some premises have only English (as
    /// when a dataset's gold FOL has fewer formulas than sentences); each premise left out
    /// is noted. When false, such a problem is an error until the semantic parser runs.
    public var formalOnly: Bool

    public init(prover: ProverChoice = .both, timeout: Duration = .seconds(20), tolerant: Bool = false,
                formalOnly: Bool = false) {
        self.formal = FormalReasoner(prover: prover, timeout: timeout)
        self.tolerant = tolerant
        self.formalOnly = formalOnly
    }

    /// Solves one problem. Never throws: input errors become the verdict `error` with the
    /// message and its position as the certificate.
    public func solve(_ problem: Problem) -> Solution {
        let start = ContinuousClock.now
        let formalProblem: FormalProblem
        do {
            formalProblem = try problem.formalized(tolerant: tolerant)
        } catch {
            var s = Solution(id: problem.id, verdict: .error, expected: problem.expected)
            s.certificate = .error("\(error)")
            s.cost.seconds = (ContinuousClock.now - start).seconds
            return s
        }
        let repairs = formalProblem.repairs.map(\.description)
        var notes: [String] = []
        if formalOnly && !formalProblem.informalPremises.isEmpty {
            let numbers = formalProblem.informalPremises.map { String($0 + 1) }.joined(separator: ", ")
            notes.append("premise \(numbers) has no formal form and was left out (--formal)")
        } else if !formalProblem.informalPremises.isEmpty {
            var s = Solution(id: problem.id, verdict: .error, expected: problem.expected)
            let numbers = formalProblem.informalPremises.map { String($0 + 1) }.joined(separator: ", ")
            s.certificate = .error("premise \(numbers) has no formal form (fol:), and translation from English needs the semantic parser, which is not available in this build")
            s.repairs = repairs
            return s
        }
        var solution = formal.decide(
            id: problem.id, premises: formalProblem.premises, premiseNumbers: formalProblem.premiseIndices,
            conclusion: formalProblem.conclusion, world: problem.world, expected: problem.expected)
        solution.repairs = repairs
        solution.notes = problem.notes + notes + solution.notes
        solution.ambiguous = formalProblem.repairs.contains { $0.message.hasPrefix("ambiguous") }
        solution.cost.seconds = (ContinuousClock.now - start).seconds
        return solution
    }
}
