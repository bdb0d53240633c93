import Logic

extension SearchRun {
    /// One greedy translation of every statement, decided once.
    func single() -> SearchOutcome {
        guard drawAll(samples: 1) else {
            return outcome(verdict: failureVerdict(), confidence: 0, chosen: nil, stop: budgetStop ?? "budget")
        }
        guard let i = evaluate(greedyChoice) else {
            return outcome(verdict: failureVerdict(), confidence: 0, chosen: nil, stop: budgetStop ?? "budget")
        }
        return outcome(verdict: candidates[i].verdict, confidence: candidates[i].score, chosen: i, stop: "done")
    }
}
