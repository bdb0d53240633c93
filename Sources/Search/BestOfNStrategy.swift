import Logic

extension SearchRun {
    /// `n` candidates drawn as for `vote`; the one the verifiers score highest decides
    /// (the earliest among equals).
    func bestOfN(samples n: Int) -> SearchOutcome {
        var stop = "done"
        if !drawAll(samples: n) { stop = budgetStop ?? "budget" }
        if stop == "done" || pools.allSatisfy({ !$0.isEmpty }) {
            for j in 0..<n {
                if evaluate(j == 0 ? greedyChoice : sampledChoice(distinct: true)) == nil { stop = budgetStop ?? "budget"; break }
            }
        }
        guard let best = candidates.max(by: { $0.score < $1.score || ($0.score == $1.score && $0.index > $1.index) }) else {
            return outcome(verdict: failureVerdict(), confidence: 0, chosen: nil, stop: stop)
        }
        note(.select, "best candidate \(best.index), score \(best.score)")
        return outcome(verdict: best.verdict, confidence: best.score, chosen: best.index, stop: stop)
    }
}
