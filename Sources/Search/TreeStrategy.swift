import Foundation
import Logic

extension SearchRun {
    /// Search over per-statement translation choices. The root is the greedy theory. Each
    /// expansion picks the statement most to blame for the best candidate's flaws, then
    /// Thompson-samples between two moves, each with a Beta posterior over "the move
    /// improved the best candidate":
    /// - *wider* branches the statement's current translation where the model was least
    ///   sure (`TranslationRequest.branchRank`, ranks not tried before), under the
    ///   signature of the statements before it, and samples when that gives nothing new;
    /// - *deeper* refines it from its flaws (`StatementFlaws`): it branches from the
    ///   current text toward the names its uncovered or miscounted words stand for
    ///   (`preferring`), or, when it uses a predicate no word supports, re-translates it
    ///   without that name (`excluding`) under every other statement's signature.
    /// Stops when the best candidate is accepted and unflawed (when
    /// `settings.treeStopWhenAccepted`), after `expansions` moves, or at the budget.
    func tree(expansions: Int) -> SearchOutcome {
        guard drawAll(samples: 1), let root = evaluate(greedyChoice) else {
            if candidates.isEmpty {
                return outcome(verdict: failureVerdict(), confidence: 0, chosen: nil, stop: budgetStop ?? "budget")
            }
            return finishTree(best: 0, stop: budgetStop ?? "budget")
        }
        var best = root
        var arms = [(alpha: 1.0, beta: 1.0), (alpha: 1.0, beta: 1.0)] // wider, deeper
        var stop = "expansions"
        var refinements: [String: Int] = [:] // translation text → moves that branched from it
        for step in 0..<expansions {
            if settings.treeStopWhenAccepted && settled(candidates[best]) { stop = "accepted"; break }
            let target = blame(candidates[best])
            let draws = arms.map { BetaSampling.beta($0.alpha, $0.beta, using: &rng) }
            let deeper = draws[1] > draws[0]
            let current = candidates[best].translations
            var fresh: [StatementTranslation]?
            if deeper {
                let flaws = StatementFlaws(candidates[best], problem: problem)
                let missing = StatementFlaws.symbols(naming: flaws.uncovered[target] + flaws.miscounted[target],
                                                     in: candidates[best])
                if flaws.ungrounded[target].isEmpty, let t = current[target], t.isRevisable {
                    let text = t.text
                    // Refine the translation itself: branch from its text where a name it
                    // misses could go (or where the model was least sure).
                    let rank = refinements[text, default: 0] * settings.treeWidth
                    refinements[text, default: 0] += 1
                    fresh = draw(target, samples: settings.treeWidth, includeGreedy: false,
                                 signature: signature(of: current, excluding: target),
                                 feedback: feedback(candidates[best], target), kind: .deeper, branchRank: rank,
                                 preferring: missing, base: text)
                } else {
                    // Re-translate under every other statement's names, without the names
                    // of this one that no word of its sentence supports, and branch there.
                    fresh = draw(target, samples: settings.treeWidth + 1, includeGreedy: true,
                                 signature: signature(of: current, excluding: target),
                                 feedback: feedback(candidates[best], target), kind: .deeper, branchRank: 0,
                                 excluding: Set(flaws.ungrounded[target]), preferring: missing)
                }
            } else {
                // New alternatives for the statement: branches of its translation where the
                // model was least sure, at ranks not tried yet; seeded samples when there is
                // no model translation to branch from or the branches give nothing new.
                let model = current[target].flatMap { $0.isRevisable ? $0.text : nil }
                let key = model ?? "#\(target)"
                let rank = refinements[key, default: 0] * settings.treeWidth
                refinements[key, default: 0] += 1
                fresh = draw(target, samples: settings.treeWidth, includeGreedy: false,
                             signature: signature(of: current, before: target), kind: .wider, branchRank: rank, base: model)
                if fresh?.isEmpty == true {
                    fresh = draw(target, samples: settings.treeWidth + 1, includeGreedy: false,
                                 signature: signature(of: current, before: target), kind: .wider)
                }
            }
            guard let fresh else { stop = budgetStop ?? "budget"; break }
            var improved = false
            for t in fresh {
                var choice = current
                choice[target] = t
                guard let i = evaluate(translations: choice) else { stop = budgetStop ?? "budget"; break }
                if better(candidates[i], than: candidates[best]) { best = i; improved = true }
            }
            let arm = deeper ? 1 : 0
            if improved { arms[arm].alpha += 1 } else { arms[arm].beta += 1 }
            note(deeper ? .deeper : .wider, "step \(step): statement \(target + 1), \(improved ? "improved" : "no improvement"); best \(best)")
            if budgetStop != nil { break }
        }
        if settings.treeStopWhenAccepted && settled(candidates[best]) { stop = "accepted" }
        return finishTree(best: best, stop: stop)
    }

    private func finishTree(best: Int, stop: String) -> SearchOutcome {
        let c = candidates[best]
        var verdict = c.verdict
        if let threshold = settings.treeAbstainBelow, !c.accepted || c.score < threshold { verdict = .abstain }
        note(.select, "best candidate \(best): \(c.verdict.rawValue), score \(c.score)")
        return outcome(verdict: verdict, unabstained: c.verdict, confidence: c.score, chosen: best, stop: stop)
    }

    /// Whether the search may stop at `c`: it is accepted and no statement shows a lexical
    /// flaw (`StatementFlaws`) that a re-translation could mend.
    private func settled(_ c: CandidateTheory) -> Bool {
        c.accepted && StatementFlaws(c, problem: problem).flawed.isEmpty
    }

    /// Accepted beats not accepted; then fewer lexical flaws (`StatementFlaws`), which
    /// point at a statement more surely than the mean score does; then the higher score.
    private func better(_ a: CandidateTheory, than b: CandidateTheory) -> Bool {
        if a.accepted != b.accepted { return a.accepted }
        let fa = StatementFlaws(a, problem: problem).total, fb = StatementFlaws(b, problem: problem).total
        if fa != fb { return fa < fb }
        return a.score > b.score + 1e-9
    }

    /// The statement to change: a failed one; one in a signature clash; the conclusion
    /// when it is vacuous (or a premise with lexical flaws, drawn with it); a seeded draw
    /// among statements with lexical flaws (weighted by their number); else a seeded draw weighted towards translations the model was least
    /// sure of. Fixed statements are never chosen.
    func blame(_ c: CandidateTheory) -> Int {
        let open = statements.indices.filter { statements[$0].fixed == nil }
        guard !open.isEmpty else { return statements.count - 1 }
        if let failed = open.first(where: { c.translations[$0] == nil }) { return failed }
        if let formulas = c.formulas {
            do { _ = try Signature.infer(from: formulas) } catch let e as SignatureError {
                if open.contains(e.second.formulaIndex) { return e.second.formulaIndex }
            } catch {}
        }
        let last = statements.count - 1
        let flaws = StatementFlaws(c, problem: problem)
        var flawed = flaws.flawed.filter { open.contains($0) }
        var weights = flawed.map { Double(flaws.weight($0)) }
        if open.contains(last), c.scores.contains(where: { $0.verifier == "non-vacuous" && $0.score < 1 }) {
            // A vacuous conclusion may be the conclusion's fault or a premise's that left
            // its words out: draw among the conclusion and the flawed premises.
            guard !flawed.filter({ $0 != last }).isEmpty else { return last }
            if !flawed.contains(last) { flawed.append(last); weights.append(1) }
        }
        if !flawed.isEmpty {
            var r = BetaSampling.unit(&rng) * weights.reduce(0, +)
            for (k, i) in flawed.enumerated() {
                r -= weights[k]
                if r < 0 { return i }
            }
            return flawed[flawed.count - 1]
        }
        let uncertainty = open.map { i -> Double in
            guard let t = c.translations[i], t.tokens > 0 else { return 0.05 }
            return 1.05 - exp(t.logProbability / Double(t.tokens))
        }
        var r = BetaSampling.unit(&rng) * uncertainty.reduce(0, +)
        for (k, w) in uncertainty.enumerated() {
            r -= w
            if r < 0 { return open[k] }
        }
        return open[open.count - 1]
    }

    /// The verifiers' complaints about a candidate, for a deeper re-translation.
    private func feedback(_ c: CandidateTheory, _ target: Int) -> String {
        let complaints = c.scores.filter { $0.score < 1 && $0.verifier != "log-probability" }.map { "\($0.verifier): \($0.reason)" }
        return complaints.isEmpty ? "the translation of \(statements[target].role) is uncertain" : complaints.joined(separator: "; ")
    }
}
