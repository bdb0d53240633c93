import Logic

extension SearchRun {
    /// Draws candidates in rounds of `settings.resampleBatch` samples per sentence until
    /// an accepted verdict holds `settings.resampleStopShare` of the score mass (after at
    /// least `settings.resampleMinCandidates` candidates), `maxCandidates` have been
    /// evaluated, or the budget ends. The answer is the accepted candidates' leading
    /// verdict; its confidence is that verdict's share of the score mass of every
    /// candidate. Abstains when no candidate was accepted or the confidence is below
    /// `abstainBelow`.
    func resample(maxCandidates: Int, abstainBelow: Double) -> SearchOutcome {
        var stop = "max candidates"
        var round = 0
        func confidence() -> (Verdict, Double)? {
            let accepted = candidates.filter(\.accepted)
            guard let (v, _) = leader(tally(accepted, byScore: true), among: accepted) else { return nil }
            let all = tally(candidates, byScore: true)
            let mass = all.values.reduce(0, +) + candidates.filter { !$0.isDefinite }.map(\.score).reduce(0, +)
            return (v, mass > 0 ? (all[v] ?? 0) / mass : 0)
        }
        outer: while candidates.count < maxCandidates {
            let batch = max(1, min(settings.resampleBatch, maxCandidates - candidates.count))
            if !drawAll(samples: round == 0 ? batch : batch + 1, includeGreedy: round == 0) {
                stop = budgetStop ?? "budget"
                if pools.contains(where: \.isEmpty) { break }
            }
            for j in 0..<batch {
                if evaluate(round == 0 && j == 0 ? greedyChoice : sampledChoice(distinct: true)) == nil { stop = budgetStop ?? "budget"; break outer }
                assignClasses()
                if candidates.count >= settings.resampleMinCandidates, let (_, share) = confidence(),
                   share >= settings.resampleStopShare {
                    stop = "accepted"
                    break outer
                }
                if candidates.count >= maxCandidates { break outer }
            }
            if budgetStop != nil { break }
            round += 1
        }
        guard let (verdict, share) = confidence() else {
            let fallback = leader(tally(candidates, byScore: true), among: candidates)
            let unabstained = fallback?.0 ?? failureVerdict()
            note(.select, "no candidate accepted: abstain (would say \(unabstained.rawValue))")
            return outcome(verdict: candidates.isEmpty ? failureVerdict() : .abstain, unabstained: unabstained,
                           confidence: 0, chosen: nil, stop: stop)
        }
        let chosen = candidates.filter { $0.accepted && $0.verdict == verdict }.max { $0.score < $1.score }?.index
        let abstain = share < abstainBelow
        note(.select, "\(verdict.rawValue) with confidence \(share)" + (abstain ? " < \(abstainBelow): abstain" : ""))
        return outcome(verdict: abstain ? .abstain : verdict, unabstained: verdict, confidence: share, chosen: chosen, stop: stop)
    }
}
