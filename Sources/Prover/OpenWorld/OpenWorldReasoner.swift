import Logic

/// Decides rule theories over signed literals (ProofWriter / PrOntoQA style): ground
/// facts such as `¬Green(bob)` and rules `∀x̄. L1 ∧ … ∧ Ln → L` with negation allowed in
/// bodies and heads, relations and constants included.
///
/// The theory is grounded over its constants (exact for function-free universal theories
/// by Herbrand's theorem), then:
/// - forward chaining (unit propagation, to a fixpoint, so rule cycles terminate)
///   derives literals with their proof trees;
/// - in `.open` mode a DPLL search over the ground clauses makes the verdict the exact
///   classical one: `inconsistent` if the premises are unsatisfiable, `true` if they
///   entail the conclusion, `false` if they entail its negation, else `unknown`;
/// - in `.openForwardOnly` mode the verdict is what forward rule application derives;
/// - in `.closed` mode a stratified program is evaluated with negation as failure.
///
/// Premises outside the fragment give `.abstain` with `outsideFragment` set and a reason
/// naming the premise, so the caller can fall back to `MESONProver`.
public struct OpenWorldReasoner: Sendable {
    public var world: WorldAssumption
    public var limits: NativeLimits

    public init(world: WorldAssumption = .open, limits: NativeLimits = NativeLimits()) {
        self.world = world
        self.limits = limits
    }

    /// Reads the premises as rules, or says why they are outside the fragment.
    public func fragmentCheck(premises: [Formula], conclusion: Formula) -> String? {
        do {
            _ = try RuleTheoryReader.rules(from: premises)
            _ = try RuleTheoryReader.groundLiteral(conclusion)
            return nil
        } catch {
            return error.description
        }
    }

    public func decide(premises: [Formula], conclusion: Formula) -> NativeDecision {
        let start = ContinuousClock.now
        let deadline = start.advanced(by: .milliseconds(Int64(limits.timeoutSeconds * 1000)))
        let rules: [SignedRule]
        let goal: SignedLiteral
        do {
            rules = try RuleTheoryReader.rules(from: premises)
            goal = try RuleTheoryReader.groundLiteral(conclusion)
        } catch {
            return .declined(error.description)
        }
        var decision: NativeDecision
        do {
            var theory = GroundTheory()
            try ground(rules: rules, goal: goal, into: &theory)
            let goalCode = theory.code(goal)!
            switch world {
            case .closed:
                decision = ClosedWorldEvaluation.decide(rules: rules, theory: theory, goal: goalCode, limits: limits, deadline: deadline)
            case .open, .openForwardOnly:
                decision = decideOpen(theory: theory, goal: goalCode, deadline: deadline)
            }
            decision.stats.groundAtoms = theory.atoms.count
            decision.stats.groundClauses = theory.clauses.count
        } catch GroundTheory.GroundingError.tooManyClauses(let n) {
            decision = NativeDecision(verdict: .limit, reason: "grounding exceeded \(n) clauses", boundHit: "ground clauses")
        } catch {
            decision = NativeDecision(verdict: .error, reason: "\(error)")
        }
        decision.stats.seconds = (ContinuousClock.now - start).seconds
        return decision
    }

    private func ground(rules: [SignedRule], goal: SignedLiteral, into theory: inout GroundTheory) throws {
        // The Herbrand universe: every constant, in order of appearance.
        for rule in rules {
            for lit in rule.body + [rule.head] { collectConstants(lit, into: &theory) }
        }
        collectConstants(goal, into: &theory)
        if theory.constants.isEmpty { _ = theory.constant("c0") }
        for rule in rules {
            var variables: [String: Int] = [:]
            func template(_ lit: SignedLiteral, negate: Bool) -> TemplateLiteral {
                TemplateLiteral(predicate: lit.predicate, arguments: lit.arguments.map { arg in
                    switch arg {
                    case .variable(let v):
                        if let i = variables[v] { return .variable(i) }
                        variables[v] = variables.count
                        return .variable(variables.count - 1)
                    case .function(let c, _): return .constant(theory.constant(c))
                    }
                }, isPositive: lit.isPositive != negate)
            }
            var lits = rule.body.map { template($0, negate: true) }
            lits.append(template(rule.head, negate: false))
            let clause = TemplateClause(literals: lits, variableCount: variables.count, premise: rule.premise, head: lits.count - 1)
            try theory.addInstances(of: clause, maxClauses: limits.maxGroundClauses)
        }
    }

    private func collectConstants(_ lit: SignedLiteral, into theory: inout GroundTheory) {
        for case .function(let c, _) in lit.arguments { _ = theory.constant(c) }
    }

    private func decideOpen(theory: GroundTheory, goal: Int, deadline: ContinuousClock.Instant) -> NativeDecision {
        let forwardOnly = world == .openForwardOnly
        let chain = GroundPropagation(theory: theory, forwardOnly: forwardOnly,
                                      maxDerived: limits.maxDerivedFacts, deadline: deadline)
        var stats = NativeStats()
        stats.derivedLiterals = chain.order.count
        if let (a, b) = chain.conflict {
            if a < 0 {
                return NativeDecision(verdict: .inconsistent, reason: "a premise is unsatisfiable on its own", stats: stats)
            }
            return NativeDecision(verdict: .inconsistent, proof: chain.tree(for: a, theory: theory),
                                  contradictionProof: chain.tree(for: b, theory: theory),
                                  usedPremises: chain.premises(for: [a, b], theory: theory),
                                  reason: "derived both \(theory.literal(a)) and \(theory.literal(b))", stats: stats)
        }
        if let bound = chain.boundHit {
            return NativeDecision(verdict: bound == "time" ? .timeout : .limit,
                                  reason: "forward chaining hit its \(bound) bound", boundHit: bound, stats: stats)
        }
        if forwardOnly {
            for (code, verdict) in [(goal, Verdict.true), (goal ^ 1, .false)] where chain.holds(code) {
                return NativeDecision(verdict: verdict, proof: chain.tree(for: code, theory: theory),
                                      usedPremises: chain.premises(for: [code], theory: theory),
                                      reason: "derived \(theory.literal(code)) by forward chaining", stats: stats)
            }
            return NativeDecision(verdict: .unknown, reason: "forward chaining reached a fixpoint without deriving \(theory.literal(goal)) or its negation", stats: stats)
        }
        // Classical: consistency first, then each side by refutation.
        var search = GroundRefutation(theory: theory, limits: limits, deadline: deadline)
        switch search.refutes(assumptions: []) {
        case .bound(let b):
            return search.bounded(b, stats: stats)
        case .unsatisfiable:
            stats.searchDecisions = search.decisions
            return NativeDecision(verdict: .inconsistent, usedPremises: search.core(assumptions: []),
                                  reason: "the premises are unsatisfiable (case analysis over the ground theory)", stats: stats)
        case .satisfiable: break
        }
        for (code, verdict) in [(goal, Verdict.true), (goal ^ 1, .false)] where chain.holds(code) {
            stats.searchDecisions = search.decisions
            return NativeDecision(verdict: verdict, proof: chain.tree(for: code, theory: theory),
                                  usedPremises: chain.premises(for: [code], theory: theory),
                                  reason: "derived \(theory.literal(code)) by chaining", stats: stats)
        }
        for (code, verdict) in [(goal, Verdict.true), (goal ^ 1, .false)] {
            switch search.refutes(assumptions: [code ^ 1]) {
            case .bound(let b): return search.bounded(b, stats: stats)
            case .unsatisfiable:
                stats.searchDecisions = search.decisions
                return NativeDecision(verdict: verdict, usedPremises: search.core(assumptions: [code ^ 1]),
                                      reason: "\(theory.literal(code)) follows by case analysis (its negation is unsatisfiable with the premises)", stats: stats)
            case .satisfiable: continue
            }
        }
        stats.searchDecisions = search.decisions
        return NativeDecision(verdict: .unknown, reason: "the premises have models where \(theory.literal(goal)) holds and models where it fails", stats: stats)
    }
}

extension Duration {
    var seconds: Double {
        let c = components
        return Double(c.seconds) + Double(c.attoseconds) / 1e18
    }
}
