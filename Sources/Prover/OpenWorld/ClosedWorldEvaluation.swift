import Logic

/// Negation as failure over a stratified rule program (ProofWriter's closed world).
///
/// Predicates are put in strata so that a rule's head is in a stratum at least as high
/// as its positive body predicates and strictly higher than its negated ones; strata are
/// then evaluated bottom-up, each to a fixpoint, so a negated body literal is only read
/// once its atom's extension is final. A program with a cycle through negation has no
/// stratification and is declined.
enum ClosedWorldEvaluation {
    static func decide(rules: [SignedRule], theory: GroundTheory, goal: Int, limits: NativeLimits,
                       deadline: ContinuousClock.Instant) -> NativeDecision {
        if let negative = rules.first(where: { !$0.head.isPositive }) {
            return .declined("premise \(negative.premise) has a negative \(negative.body.isEmpty ? "fact" : "head"), which closed-world mode does not take: use open-world mode")
        }
        // Stratify predicates.
        var stratum: [String: Int] = [:]
        let predicateCount = Set(rules.flatMap { $0.body.map(\.predicate) + [$0.head.predicate] }).count
        var changed = true
        while changed {
            changed = false
            for rule in rules {
                var s = stratum[rule.head.predicate, default: 0]
                for b in rule.body { s = max(s, stratum[b.predicate, default: 0] + (b.isPositive ? 0 : 1)) }
                if s > predicateCount {
                    return .declined("premise \(rule.premise) takes part in a cycle through negation, so the program has no stratification")
                }
                if s != stratum[rule.head.predicate, default: 0] { stratum[rule.head.predicate] = s; changed = true }
            }
        }
        let maxStratum = stratum.values.max() ?? 0
        var derived = Set<Int>()          // positive literal codes (atom << 1)
        var order: [Int] = []
        var justification: [Int: Int] = [:]   // code -> clause
        let clauses = theory.clauses
        for s in 0...maxStratum {
            let active = clauses.indices.filter { i in
                guard let h = clauses[i].head else { return false }
                return stratum[theory.atoms[h >> 1].predicate, default: 0] == s
            }
            var waiting = [Int: [Int]]()      // positive body code -> clauses
            var remaining = [Int: Int]()
            var queue: [Int] = []
            func fire(_ i: Int) {
                let h = clauses[i].head!
                if derived.insert(h).inserted { justification[h] = i; order.append(h); queue.append(h) }
            }
            for i in active {
                let body = clauses[i].literals.filter { $0 != clauses[i].head }.map { $0 ^ 1 }
                // Negated body atoms belong to lower strata, whose extensions are final.
                if body.contains(where: { $0 & 1 == 1 && derived.contains($0 ^ 1) }) { continue }
                let positives = body.filter { $0 & 1 == 0 && !derived.contains($0) }
                if positives.isEmpty { fire(i); continue }
                remaining[i] = positives.count
                for p in positives { waiting[p, default: []].append(i) }
            }
            var head = 0
            while head < queue.count {
                if order.count > limits.maxDerivedFacts {
                    return NativeDecision(verdict: .limit, reason: "forward chaining hit its derived facts bound", boundHit: "derived facts")
                }
                if head & 255 == 0 && ContinuousClock.now > deadline {
                    return NativeDecision(verdict: .timeout, reason: "forward chaining hit its time bound", boundHit: "time")
                }
                let c = queue[head]; head += 1
                for i in waiting[c] ?? [] {
                    remaining[i]! -= 1
                    if remaining[i] == 0 { fire(i) }
                }
            }
        }
        var stats = NativeStats()
        stats.derivedLiterals = order.count
        let atomCode = goal & ~1
        let goalLiteral = theory.literal(goal)
        if derived.contains(atomCode) {
            let proof = tree(for: atomCode, theory: theory, justification: justification, order: order)
            let verdict: Verdict = goal == atomCode ? .true : .false
            return NativeDecision(verdict: verdict, proof: proof, usedPremises: proof.premisesUsed,
                                  reason: "derived \(theory.literal(atomCode)) (closed world)", stats: stats)
        }
        let verdict: Verdict = goal == atomCode ? .false : .true
        return NativeDecision(verdict: verdict,
                              proof: DerivationTree(literal: theory.literal(atomCode | 1), premise: nil, step: .notDerivable),
                              reason: "\(goalLiteral.isPositive ? goalLiteral : goalLiteral.complement) is not derivable (closed world)",
                              stats: stats)
    }

    private static func tree(for code: Int, theory: GroundTheory, justification: [Int: Int], order: [Int]) -> DerivationTree {
        var built: [Int: DerivationTree] = [:]
        for c in order {
            let clause = theory.clauses[justification[c]!]
            let body = clause.literals.filter { $0 != c }.map { $0 ^ 1 }
            let children = body.map { b in
                b & 1 == 0 ? built[b]! : DerivationTree(literal: theory.literal(b), premise: nil, step: .notDerivable)
            }
            built[c] = DerivationTree(literal: theory.literal(c), premise: clause.premise,
                                      step: body.isEmpty ? .fact : .rule, children: children)
            if c == code { break }
        }
        return built[code]!
    }
}
