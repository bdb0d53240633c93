import Foundation
import Logic
import Problems
import Search

/// Turns a search outcome into a `Solution`: the verdict, the chosen candidate's
/// translations and certificate, one note per candidate with its verifier scores, and
/// the cost.
enum SearchSolution {
    static func make(problem: Problem, searchProblem: SearchProblem, outcome: SearchOutcome, strategy: Strategy,
                     decider: FormalTheoryDecider) -> Solution {
        var s = Solution(id: problem.id, verdict: outcome.verdict, expected: problem.expected)
        s.cost.seconds = outcome.cost.seconds
        s.cost.tokens = outcome.cost.tokens
        s.cost.modelCalls = outcome.cost.modelCalls
        s.cost.proverCalls = outcome.cost.proverCalls
        let statements = searchProblem.statements
        if let chosen = outcome.chosen {
            let c = outcome.candidates[chosen]
            for (i, t) in c.translations.enumerated() {
                guard let t else { continue }
                s.translations.append(TranslationRecord(statement: statements[i].role.description, parser: t.origin,
                                                        sentence: statements[i].sentence, formula: t.text))
            }
            if let f = c.formulas {
                let repaired = ArityRepair.repairing(f).formulas
                if let decided = decider.solution(premises: Array(repaired.dropLast()), conclusion: repaired[repaired.count - 1]) {
                    s.certificate = decided.certificate
                    s.prover = decided.prover
                    s.crossCheck = decided.crossCheck
                }
            }
            s.repairs = c.repairs
        }
        if s.certificate == nil && !outcome.verdict.isDecided {
            s.certificate = outcome.verdict == .abstain ? .bound("abstained: confidence \(format(outcome.confidence))") : .bound(outcome.stopReason)
        }
        s.notes.append("search \(strategy.name): \(outcome.stopReason); verdict \(outcome.unabstainedVerdict.rawValue), confidence \(format(outcome.confidence)), \(outcome.candidates.count) candidate(s)")
        for step in outcome.steps { s.notes.append("step: \(step)") }
        for c in outcome.candidates {
            let scores = c.scores.map { "\($0.verifier) \(format($0.score))" }.joined(separator: ", ")
            let formulas = c.translations.map { $0?.text ?? "?" }.joined(separator: " ; ")
            s.notes.append("candidate \(c.index)\(c.index == outcome.chosen ? " (chosen)" : ""): \(c.verdict.rawValue), score \(format(c.score))\(c.accepted ? ", accepted" : ""), class \(c.equivalenceClass) [\(scores)]: \(formulas)")
        }
        return s
    }

    static func format(_ x: Double) -> String { String(format: "%.3f", x) }
}
