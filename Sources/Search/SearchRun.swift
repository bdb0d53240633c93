import Foundation
import Logic
import SemanticParser

/// The state of one search over one problem: the translation pools, the candidates, the
/// meter and the trace. Strategies (extensions in their own files) drive it.
final class SearchRun {
    let problem: SearchProblem
    let statements: [SearchStatement]
    var source: any TranslationSampler
    let decider: any TheoryDecider
    let settings: SearchSettings
    let context: VerificationContext
    let meter: BudgetMeter
    var rng: SplitMix64

    /// Per statement, the distinct translations drawn so far (greedy first when drawn).
    var pools: [[StatementTranslation]]
    /// Per statement, the last reason a translation call gave nothing.
    var poolFailures: [String?]
    var candidates: [CandidateTheory] = []
    var trace: [SearchStep] = []
    /// Set when an action could not start for lack of budget: which resource.
    var budgetStop: String?

    private var decisionCache: [String: TheoryDecision] = [:]
    private var vacuityCache: [String: Verdict] = [:]
    private var equivalenceChecks = 0
    private var choicesSeen: [[Int?]: Int] = [:]

    init(problem: SearchProblem, source: any TranslationSampler, decider: any TheoryDecider,
         reference: (any ReferenceTranslator)?, settings: SearchSettings, budget: Budget, seed: UInt64) {
        self.problem = problem
        statements = problem.statements
        self.source = source
        self.decider = decider
        self.settings = settings
        context = VerificationContext(problem: problem, references: reference?.references(for: problem.statements) ?? [])
        meter = BudgetMeter(budget)
        rng = SplitMix64(seed: seed)
        pools = statements.map { s in
            s.fixed.map { [StatementTranslation(formula: $0, text: FOLPrinter.ascii($0), origin: s.fixedOrigin, isGreedy: true)] } ?? []
        }
        poolFailures = Array(repeating: nil, count: statements.count)
    }

    func note(_ kind: SearchStep.Kind, _ message: String) {
        trace.append(SearchStep(kind: kind, message: message, spent: meter.cost))
    }

    /// Why the budget stops an action now, or nil when it may go on.
    func budgetBlocks(tokens: Int = 0, modelCalls: Int = 0, proverCalls: Int = 0) -> String? {
        guard !meter.canAfford(tokens: tokens, modelCalls: modelCalls, proverCalls: proverCalls) else { return nil }
        let b = meter.budget, s = meter.spent
        if let limit = b.seconds, meter.elapsed >= limit { return "budget: seconds" }
        if let limit = b.tokens, s.tokens + tokens > limit { return "budget: tokens" }
        if let limit = b.modelCalls, s.modelCalls + modelCalls > limit { return "budget: model calls" }
        return "budget: prover calls"
    }

    // MARK: translation

    /// The signature of the given statements' translations, adopted in order.
    func signature(of choice: [StatementTranslation?], excluding: Int? = nil, before: Int? = nil) -> TranslationSignature {
        var sig = TranslationSignature()
        for (i, t) in choice.enumerated() where i != excluding {
            if let before, i >= before { break }
            if let t { sig.adopt(t.formula) }
        }
        return sig
    }

    /// Asks the source for up to `samples` translations of statement `i` and adds the new
    /// distinct ones to its pool. Returns the new translations, or nil when the budget
    /// stopped the call (then `budgetStop` is set). Fixed statements cost nothing.
    @discardableResult
    func draw(_ i: Int, samples: Int, includeGreedy: Bool, signature: TranslationSignature, feedback: String? = nil,
              kind: SearchStep.Kind = .translate, branchRank: Int? = nil,
              excluding: Set<String> = [], preferring: [String] = [], base: String? = nil) -> [StatementTranslation]? {
        if statements[i].fixed != nil { return [] }
        let perTranslation = max(1, source.maxTokensPerTranslation)
        var n = max(1, samples)
        if let left = meter.tokensLeft, left / perTranslation < n {
            n = left / perTranslation
            if n >= 1 { note(kind, "\(statements[i].role): budget: tokens allow \(n) of \(samples) sample(s)") }
        }
        if n < 1 || budgetBlocks(tokens: n * perTranslation, modelCalls: 1) != nil {
            budgetStop = budgetBlocks(tokens: perTranslation, modelCalls: 1) ?? "budget: tokens"
            return nil
        }
        let request = TranslationRequest(role: statements[i].role, sentence: statements[i].sentence, signature: signature,
                                         samples: n, seed: rng.next(), includeGreedy: includeGreedy, feedback: feedback,
                                         tokenAllowance: n * perTranslation, branchRank: branchRank, excluding: excluding,
                                         preferring: preferring, base: base)
        let batch = source.translate(request)
        precondition(batch.tokens <= n * perTranslation, "a translation source spent more tokens than its allowance")
        meter.charge(tokens: batch.tokens, modelCalls: batch.modelCalls)
        var fresh: [StatementTranslation] = []
        for t in batch.translations where !pools[i].contains(where: { $0.text == t.text }) {
            pools[i].append(t)
            fresh.append(t)
        }
        if batch.translations.isEmpty { poolFailures[i] = batch.failure ?? "no translation" }
        var what = feedback == nil ? "" : " with feedback"
        if let branchRank { what += ", branches from rank \(branchRank)" }
        if !excluding.isEmpty { what += ", without " + excluding.sorted().joined(separator: ", ") }
        if !preferring.isEmpty { what += ", preferring " + preferring.joined(separator: ", ") }
        if let base { what += ", from \(base)" }
        note(kind, "\(statements[i].role)\(what): \(batch.translations.count) translation(s), \(fresh.count) new, \(batch.tokens) tokens"
             + (batch.failure.map { " (\($0))" } ?? "") + (fresh.isEmpty ? "" : ": " + fresh.map(\.text).joined(separator: " | ")))
        return fresh
    }

    /// Fills every pool in order with `samples` translations per statement, each
    /// statement seeing the signature of the greedy translations before it. Returns false
    /// when the budget stopped it.
    func drawAll(samples: Int, includeGreedy: Bool = true) -> Bool {
        for i in statements.indices {
            let before = (0..<i).map { pools[$0].first }
            if draw(i, samples: samples, includeGreedy: includeGreedy, signature: signature(of: before)) == nil { return false }
        }
        return true
    }

    /// A choice of pool entries: index 0 everywhere (the greedy theory).
    var greedyChoice: [Int?] { pools.map { $0.isEmpty ? nil : 0 } }

    /// A seeded choice per statement, each pool entry weighted by its probability. With
    /// `distinct`, up to 8 draws are made to find a choice not evaluated before.
    func sampledChoice(distinct: Bool = false) -> [Int?] {
        var choice = drawChoice()
        if distinct {
            for _ in 0..<8 where choicesSeen[choice] != nil { choice = drawChoice() }
        }
        return choice
    }

    private func drawChoice() -> [Int?] {
        pools.map { pool -> Int? in
            guard !pool.isEmpty else { return nil }
            let top = pool.map(\.logProbability).max() ?? 0
            let weights = pool.map { exp(max(-50, $0.logProbability - top)) }
            var r = BetaSampling.unit(&rng) * weights.reduce(0, +)
            for (k, w) in weights.enumerated() {
                r -= w
                if r < 0 { return k }
            }
            return pool.count - 1
        }
    }

    // MARK: evaluation

    /// Decides and scores the theory with these translations; appends it to `candidates`
    /// and returns its index, or nil when the budget stopped the prover call.
    @discardableResult
    func evaluate(_ choice: [Int?]) -> Int? {
        let translations = choice.enumerated().map { i, k in k.map { pools[i][$0] } }
        choicesSeen[choice, default: 0] += 1
        return evaluate(translations: translations)
    }

    @discardableResult
    func evaluate(translations: [StatementTranslation?]) -> Int? {
        var c = CandidateTheory(index: candidates.count, translations: translations,
                                failures: translations.enumerated().map { i, t in t == nil ? (poolFailures[i] ?? "no translation") : nil })
        if let formulas = c.formulas {
            let repaired = ArityRepair.repairing(formulas)
            c.repairs = repaired.repairs.map(\.description)
            let f = repaired.formulas
            let key = CanonicalFormula.theory(f)
            if let cached = decisionCache[key] {
                c.decision = cached
            } else {
                if let stop = budgetBlocks(proverCalls: decider.maxProverCallsPerDecision) { budgetStop = stop; return nil }
                let d = decider.decide(premises: Array(f.dropLast()), conclusion: f[f.count - 1], secondsLeft: meter.secondsLeft)
                meter.charge(proverCalls: min(d.proverCalls, decider.maxProverCallsPerDecision))
                decisionCache[key] = d
                c.decision = d
            }
            if settings.panel.checksVacuity, let conclusion = f.last {
                let ckey = CanonicalFormula.text(conclusion)
                if let v = vacuityCache[ckey] {
                    c.conclusionAlone = v
                } else if budgetBlocks(proverCalls: decider.maxProverCallsPerDecision) == nil {
                    let d = decider.decide(premises: [], conclusion: conclusion, secondsLeft: meter.secondsLeft)
                    meter.charge(proverCalls: min(d.proverCalls, decider.maxProverCallsPerDecision))
                    vacuityCache[ckey] = d.verdict
                    c.conclusionAlone = d.verdict
                }
            }
        }
        settings.panel.judge(&c, context: context)
        candidates.append(c)
        let failed = c.scores.filter { $0.score < 1 }.map { "\($0.verifier) \(String(format: "%.2f", $0.score))" }
        note(.evaluate, "candidate \(c.index): \(c.verdict.rawValue), score \(String(format: "%.3f", c.score))"
             + (c.accepted ? ", accepted" : "") + (failed.isEmpty ? "" : " [\(failed.joined(separator: ", "))]"))
        return c.index
    }

    // MARK: equivalence

    /// Puts candidates with equivalent theories in one class: alphabetic variants at no
    /// cost, then (when `settings.equivalentVoteOnce`), among class representatives with
    /// the same verdict and the same symbols, a bounded number of prover checks of
    /// `(∧P₁ ↔ ∧P₂) ∧ (C₁ ↔ C₂)`.
    func assignClasses() {
        var byText: [String: Int] = [:]
        var representatives: [Int] = []
        for i in candidates.indices {
            candidates[i].equivalenceClass = i
            guard let f = candidates[i].formulas else { continue }
            let key = CanonicalFormula.theory(ArityRepair.repairing(f).formulas)
            if let rep = byText[key] { candidates[i].equivalenceClass = rep } else {
                byText[key] = i
                representatives.append(i)
            }
        }
        func symbols(_ f: [Formula]) -> Set<String> {
            var s = Set<String>()
            for g in f { g.forEachSymbol { n, a, p in s.insert("\(p ? "p" : "f"):\(n)/\(a)") } }
            return s
        }
        var merged: [Int: Int] = [:]
        // Prover checks only matter when classes vote once; otherwise they would only
        // spend prover calls on the report.
        for (a, i) in representatives.enumerated() where settings.equivalentVoteOnce {
            for j in representatives[(a + 1)...] where merged[j] == nil && merged[i] == nil {
                guard equivalenceChecks < settings.maxEquivalenceChecks else { break }
                let ci = candidates[i], cj = candidates[j]
                guard ci.isDefinite, ci.verdict == cj.verdict, let fi = ci.formulas, let fj = cj.formulas,
                      symbols(fi) == symbols(fj) else { continue }
                if let stop = budgetBlocks(proverCalls: decider.maxProverCallsPerDecision) { budgetStop = budgetStop ?? stop; return }
                equivalenceChecks += 1
                let claim = Formula.and([.iff(.and(Array(fi.dropLast())), .and(Array(fj.dropLast()))), .iff(fi.last!, fj.last!)])
                let d = decider.decide(premises: [], conclusion: claim, secondsLeft: meter.secondsLeft)
                meter.charge(proverCalls: min(d.proverCalls, decider.maxProverCallsPerDecision))
                let same = d.verdict == .true
                note(.equivalence, "candidates \(i) and \(j): \(same ? "equivalent" : "not shown equivalent (\(d.verdict.rawValue))")")
                if same { merged[j] = i }
            }
        }
        for i in candidates.indices {
            let rep = candidates[i].equivalenceClass
            if let m = merged[rep] { candidates[i].equivalenceClass = m }
        }
    }

    // MARK: tallies

    /// The weight of each definite verdict: a count of candidates (or of classes, when
    /// `settings.equivalentVoteOnce`), or the sum of scores when `byScore`.
    func tally(_ pool: [CandidateTheory], byScore: Bool) -> [Verdict: Double] {
        var seen = Set<Int>()
        var out: [Verdict: Double] = [:]
        for c in pool where c.isDefinite {
            if settings.equivalentVoteOnce {
                if seen.contains(c.equivalenceClass) { continue }
                seen.insert(c.equivalenceClass)
            }
            let w = byScore ? classScore(c.equivalenceClass, in: pool) : 1
            out[c.verdict, default: 0] += w
        }
        return out
    }

    /// The best score in a class (the class's weight when it votes once by score).
    func classScore(_ cls: Int, in pool: [CandidateTheory]) -> Double {
        let members = pool.filter { $0.equivalenceClass == cls }
        return settings.equivalentVoteOnce ? (members.map(\.score).max() ?? 0) : (members.first?.score ?? 0)
    }

    /// The verdict with the largest weight; ties go to the verdict of the earliest candidate.
    func leader(_ weights: [Verdict: Double], among pool: [CandidateTheory]) -> (Verdict, Double)? {
        guard let top = weights.values.max(), top > 0 else { return nil }
        let tied = Set(weights.filter { $0.value == top }.keys)
        let v = pool.first { tied.contains($0.verdict) && $0.isDefinite }?.verdict ?? tied.sorted { $0.rawValue < $1.rawValue }[0]
        return (v, top / weights.values.reduce(0, +))
    }

    /// The most common verdict among candidates that failed to give an answer (or
    /// `error` when there is no candidate), for when nothing definite came out.
    func failureVerdict() -> Verdict {
        if let stop = budgetStop, candidates.isEmpty { return stop.hasSuffix("seconds") ? .timeout : .limit }
        var counts: [Verdict: Int] = [:]
        for c in candidates { counts[c.verdict, default: 0] += 1 }
        return counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key.rawValue > $1.key.rawValue) }?.key ?? .error
    }

    func outcome(verdict: Verdict, unabstained: Verdict? = nil, confidence: Double, chosen: Int?, stop: String) -> SearchOutcome {
        note(.stop, stop)
        return SearchOutcome(verdict: verdict, unabstainedVerdict: unabstained, confidence: confidence, chosen: chosen,
                             candidates: candidates, trace: trace, cost: meter.cost, stopReason: stop)
    }
}
