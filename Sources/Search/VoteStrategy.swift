import Logic

extension SearchRun {
    /// `k` candidate theories, each decided; the majority over the definite verdicts
    /// (true, false, unknown). The first candidate is the greedy theory; the others
    /// choose each statement's translation among `k` samples with probability
    /// proportional to the model's. Equivalent theories vote once when
    /// `settings.equivalentVoteOnce`.
    func vote(samples k: Int) -> SearchOutcome {
        var stop = "done"
        if !drawAll(samples: k) { stop = budgetStop ?? "budget" }
        if stop == "done" || pools.allSatisfy({ !$0.isEmpty }) {
            for j in 0..<k {
                let choice = j == 0 ? greedyChoice : sampledChoice()
                if evaluate(choice) == nil { stop = budgetStop ?? "budget"; break }
            }
        }
        assignClasses()
        let weights = tally(candidates, byScore: false)
        guard let (verdict, share) = leader(weights, among: candidates) else {
            return outcome(verdict: failureVerdict(), confidence: 0, chosen: nil, stop: stop)
        }
        let chosen = candidates.first { $0.verdict == verdict }?.index
        note(.select, "majority \(verdict.rawValue): " + weights.sorted { $0.key.rawValue < $1.key.rawValue }
            .map { "\($0.key.rawValue) \(Int($0.value))" }.joined(separator: ", "))
        return outcome(verdict: verdict, confidence: share, chosen: chosen, stop: stop)
    }
}
