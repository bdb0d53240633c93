import Logic
import SemanticParser

extension SearchRun {
    /// Numbered reasoning steps, each checked by the prover against only what it cites.
    ///
    /// Every statement is first translated greedily and the whole theory decided once
    /// (candidate 0: the fallback). Then up to `chains` chains are written. For each
    /// position of a chain the proposer writes a step (the first proposal of the first
    /// chain greedy, the others seeded samples); the step checks when it cites between 1
    /// and `settings.stepsMaxCitations` existing premises (with translations) and earlier
    /// steps, and the prover finds that those cited formulas alone entail its formula (a
    /// step that restates one of them needs no prover call, but counts only when it
    /// concludes, and a step that repeats an earlier one does not count: each step must
    /// add a fact). After each entailed step the prover asks whether it entails the
    /// conclusion's translation (the chain concludes `true`) or its negation (`false`),
    /// which ends the search. A step that does not check is resampled, at most
    /// `settings.stepsAttempts` proposals per position; a position without a checked step
    /// ends the chain, and so does `settings.stepsMaxLength`.
    ///
    /// The answer rule: `true` or `false` only with a chain whose every step checked and
    /// whose last step concludes it (confidence 1). Without one, `unknown` when the whole
    /// greedy theory decides to `unknown` (no chain can show that nothing follows), and
    /// otherwise abstain, reporting the whole theory's verdict as the unabstained one;
    /// when nothing could be translated or decided, the failure verdict (as `single`).
    /// Every proposal, token and prover call is charged to the budget; the outcome's
    /// `steps` lists each proposal with its check.
    func steps(chains: Int, proposer: inout any StepProposer) -> SearchOutcome {
        var checks: [StepCheck] = []
        func finish(_ verdict: Verdict, unabstained: Verdict? = nil, confidence: Double, chosen: Int?, stop: String) -> SearchOutcome {
            var out = outcome(verdict: verdict, unabstained: unabstained, confidence: confidence, chosen: chosen, stop: stop)
            out.steps = checks
            return out
        }
        guard drawAll(samples: 1) else {
            return finish(failureVerdict(), confidence: 0, chosen: nil, stop: budgetStop ?? "budget")
        }
        guard let whole = evaluate(greedyChoice) else {
            return finish(failureVerdict(), confidence: 0, chosen: nil, stop: budgetStop ?? "budget")
        }
        let premiseCount = problem.premises.count
        let greedy = greedyChoice.enumerated().map { i, k in k.map { pools[i][$0] } }
        guard let conclusion = greedy[premiseCount] else {
            return finish(failureVerdict(), confidence: 0, chosen: nil, stop: "the conclusion has no translation")
        }
        let premises = Array(greedy.prefix(premiseCount))
        let sig = signature(of: greedy)
        let conclusionKey = CanonicalFormula.text(conclusion.formula)
        let negatedKey = CanonicalFormula.text(.not(conclusion.formula))
        var cache: [String: Verdict] = [:]
        var stop = "chains"
        var concluded: (verdict: Verdict, chain: Int)?

        /// The prover's verdict for `premises ⊨ claim`, or nil when the budget stops it.
        func prove(_ premises: [Formula], _ claim: Formula) -> Verdict? {
            let key = (premises + [claim]).map { CanonicalFormula.text($0) }.joined(separator: "\n")
            if let v = cache[key] { return v }
            if let blocked = budgetBlocks(proverCalls: decider.maxProverCallsPerDecision) { budgetStop = blocked; return nil }
            let d = decider.decide(premises: premises, conclusion: claim, secondsLeft: meter.secondsLeft)
            meter.charge(proverCalls: min(d.proverCalls, decider.maxProverCallsPerDecision))
            cache[key] = d.verdict
            return d.verdict
        }

        chainLoop: for chain in 0..<chains {
            var accepted: [ProposedStep] = []
            for number in 1...max(1, settings.stepsMaxLength) {
                var rejected: [ProposedStep] = []
                var found: ProposedStep?
                for attempt in 0..<max(1, settings.stepsAttempts) {
                    let perStep = max(1, proposer.maxTokensPerStep)
                    if let blocked = budgetBlocks(tokens: perStep, modelCalls: 1) { budgetStop = blocked; stop = blocked; break chainLoop }
                    let request = StepRequest(premiseSentences: problem.premises.map(\.sentence), premiseTranslations: premises,
                                              conclusionSentence: problem.conclusion.sentence, conclusionTranslation: conclusion,
                                              signature: sig, steps: accepted, rejected: rejected,
                                              maxCitations: settings.stepsMaxCitations, greedy: chain == 0 && attempt == 0,
                                              seed: rng.next(), tokenAllowance: perStep)
                    let proposal = proposer.propose(request)
                    precondition(proposal.tokens <= perStep, "a step proposer spent more tokens than its allowance")
                    meter.charge(tokens: proposal.tokens, modelCalls: proposal.modelCalls)
                    guard let step = proposal.step else {
                        note(.step, "chain \(chain) step \(number): no step (\(proposal.failure ?? "no reason given"), \(proposal.tokens) tokens)")
                        continue
                    }
                    var check = StepCheck(chain: chain, number: number, text: step.text, citations: step.citations,
                                          formula: FOLPrinter.ascii(step.formula), checked: false, reason: "")
                    var cited: [Formula] = []
                    for c in step.citations {
                        switch c {
                        case .premise(let n) where n <= premiseCount:
                            if let t = premises[n - 1] { cited.append(t.formula) } else { check.reason = "cites \(c), which has no translation" }
                        case .step(let n) where n < number: cited.append(accepted[n - 1].formula)
                        default: check.reason = "cites \(c), which does not exist"
                        }
                    }
                    if step.citations.isEmpty { check.reason = "cites nothing" }
                    if step.citations.count > settings.stepsMaxCitations {
                        check.reason = "cites \(step.citations.count) > \(settings.stepsMaxCitations)"
                    }
                    let key = CanonicalFormula.text(step.formula)
                    if check.reason.isEmpty, let k = accepted.firstIndex(where: { CanonicalFormula.text($0.formula) == key }) {
                        check.reason = "no new fact: repeats S\(k + 1)"
                    }
                    var restates = false
                    if check.reason.isEmpty {
                        if cited.contains(where: { CanonicalFormula.text($0) == key }) {
                            check.checked = true; restates = true; check.reason = "restates a cited formula"
                        } else {
                            guard let v = prove(cited, step.formula) else { stop = budgetStop ?? "budget"; break chainLoop }
                            check.checked = v == .true
                            check.reason = check.checked ? "entailed" : "not entailed: \(v.rawValue)"
                        }
                    }
                    if check.checked {
                        if key == conclusionKey { check.concludes = .true } else if key == negatedKey
                            || CanonicalFormula.text(.not(step.formula)) == conclusionKey { check.concludes = .false } else {
                            guard let v = prove([step.formula], conclusion.formula) else { stop = budgetStop ?? "budget"; break chainLoop }
                            if v == .true || v == .false { check.concludes = v }
                        }
                        if restates && check.concludes == nil {
                            check.checked = false
                            check.reason = "no new fact: restates a cited formula"
                        }
                    }
                    checks.append(check)
                    note(.step, check.description + ", \(proposal.tokens) tokens")
                    if check.checked { found = step; break }
                    rejected.append(step)
                }
                guard let step = found else {
                    note(.step, "chain \(chain): no checked step at position \(number)")
                    continue chainLoop
                }
                accepted.append(step)
                if let concludes = checks[checks.count - 1].concludes {
                    concluded = (concludes, chain)
                    stop = "concluded"
                    break chainLoop
                }
            }
            note(.step, "chain \(chain): \(settings.stepsMaxLength) steps without reaching the conclusion")
        }

        let fallback = candidates[whole].verdict
        if let (verdict, chain) = concluded {
            note(.select, "chain \(chain) concludes \(verdict.rawValue) with every step checked")
            return finish(verdict, confidence: 1, chosen: fallback == verdict ? whole : nil, stop: stop)
        }
        if fallback == .unknown {
            note(.select, "no chain concludes; the whole theory decides to unknown")
            return finish(.unknown, confidence: candidates[whole].score, chosen: whole, stop: stop)
        }
        note(.select, "no chain concludes: abstain (the whole theory says \(fallback.rawValue))")
        return finish(.abstain, unabstained: fallback, confidence: 0, chosen: nil, stop: stop)
    }
}
