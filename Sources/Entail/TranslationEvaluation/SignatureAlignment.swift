import Logic

/// A bijection between part of a predicted story signature and part of the gold one,
/// consistent across the whole story, and what it gives each premise.
public struct SignatureAlignment: Sendable {
    /// Predicted symbol → gold symbol of the same kind; injective.
    public var pairs: [EvaluationSymbol: EvaluationSymbol]
    /// The name every predicted symbol gets: its gold partner's name, or a fresh name no
    /// gold symbol has (unmatched names stay distinct).
    public var renaming: [EvaluationSymbol: String]
    /// Per premise (the story's order): the predicted formula after renaming, nil when
    /// there was no prediction.
    public var aligned: [Formula?]
    /// Per premise: Z3's answer for aligned vs gold; nil when either side is missing.
    public var outcomes: [EquivalenceOutcome?]
    /// Per premise: whether aligned and gold print the same (bound variables renamed in
    /// order, free variables universally closed).
    public var exactSyntax: [Bool]
    /// Per premise: every predicted symbol of the premise is paired with a gold symbol
    /// whose name shares a word with it or looks alike (`NameSimilarity.namesAgree`): a
    /// stricter reading of "right" that does not credit an alignment of unrelated names.
    public var namesAgree: [Bool]
    /// Z3 checks the search made (memoized checks counted once).
    public var checks: Int
    /// Search nodes visited.
    public var nodes: Int
    /// Whether the search stopped at its node or check cap (the alignment may then be
    /// worse than the best one).
    public var capHit: Bool

    public var equivalentCount: Int { outcomes.filter { $0?.isEquivalent == true }.count }
}

/// Finds the story-wide alignment that maximizes the number of premises whose predicted
/// formula is equivalent to the gold one.
///
/// Depth-first branch and bound over the premises (fewest symbols first). At a premise, the
/// alignment so far is extended to the premise's unaligned predicted symbols, each paired
/// with an unused gold symbol of the same kind from the same premise; extensions are tried
/// best score first (name similarity plus co-occurrence across premises), at most
/// `maxExtensionsPerPremise` of them, and kept when Z3 proves the premise equivalent; the
/// premise may also be left unmatched. Among alignments found that match as many premises,
/// the one with the higher summed pair score is kept. The search stops at `maxNodes` nodes,
/// `maxChecks` Z3 checks or after `maxDuration` (`capHit`), or when every premise is matched.
///
/// A premise proved equivalent under a partial alignment stays equivalent under every
/// extension of it (its unaligned symbols were fresh, and uniform substitution keeps
/// validity), so the premises the search matched are also matched by the final result.
public struct SignatureAligner: Sendable {
    public var equivalence: FormulaEquivalence
    public var maxNodes: Int
    public var maxChecks: Int
    public var maxExtensionsPerPremise: Int
    /// Wall-clock budget of the search per story (the final checks come on top).
    public var maxDuration: Duration

    public init(equivalence: FormulaEquivalence = FormulaEquivalence(), maxNodes: Int = 20_000,
                maxChecks: Int = 2_000, maxExtensionsPerPremise: Int = 48, maxDuration: Duration = .seconds(120)) {
        self.equivalence = equivalence
        self.maxNodes = maxNodes
        self.maxChecks = maxChecks
        self.maxExtensionsPerPremise = maxExtensionsPerPremise
        self.maxDuration = maxDuration
    }

    /// Aligns a story: `predicted[i]` and `gold[i]` are premise i (nil: missing). Each side
    /// must use every name with one kind only (see `ArityRepair`); the formulas are
    /// universally closed before comparison.
    public func align(predicted: [Formula?], gold: [Formula?]) -> SignatureAlignment {
        precondition(predicted.count == gold.count, "one predicted entry per gold premise")
        var search = AlignmentSearch(aligner: self, predicted: predicted.map { $0?.universalClosure },
                                     gold: gold.map { $0?.universalClosure })
        search.run()
        return search.result()
    }
}

/// The state of one `SignatureAligner.align` run.
struct AlignmentSearch {
    struct MemoKey: Hashable { var premise: Int; var images: [EvaluationSymbol?] }
    struct Extension { var pairs: [(EvaluationSymbol, EvaluationSymbol)]; var score: Double }

    let aligner: SignatureAligner
    let predicted: [Formula?]
    let gold: [Formula?]
    let predictedSymbols: [[EvaluationSymbol]]
    let goldSymbols: [[EvaluationSymbol]]
    let freshNames: [EvaluationSymbol: String]
    let pairScore: [EvaluationSymbol: [EvaluationSymbol: Double]]
    /// Premises with both sides, in search order.
    let order: [Int]

    var map: [EvaluationSymbol: EvaluationSymbol] = [:]
    var used: Set<EvaluationSymbol> = []
    var best: [EvaluationSymbol: EvaluationSymbol] = [:]
    var bestCount = -1
    /// The premises proved equivalent on the current path, and on the best one.
    var matched: [Int] = []
    var bestMatched: Set<Int> = []
    var memo: [MemoKey: EquivalenceOutcome] = [:]
    var nodes = 0
    var checks = 0
    var capHit = false
    var stopped = false
    let deadline: ContinuousClock.Instant

    init(aligner: SignatureAligner, predicted: [Formula?], gold: [Formula?]) {
        self.aligner = aligner
        deadline = ContinuousClock.now + aligner.maxDuration
        self.predicted = predicted
        self.gold = gold
        let predictedSymbols = predicted.map { $0?.evaluationSymbols ?? [] }
        let goldSymbols = gold.map { $0?.evaluationSymbols ?? [] }
        self.predictedSymbols = predictedSymbols
        self.goldSymbols = goldSymbols
        let goldNames = Set(goldSymbols.joined().map(\.name))
        var fresh: [EvaluationSymbol: String] = [:]
        var taken = goldNames
        for symbol in predictedSymbols.joined() where fresh[symbol] == nil {
            var name = symbol.name + "_unaligned"
            var n = 1
            while taken.contains(name) { n += 1; name = symbol.name + "_unaligned\(n)" }
            taken.insert(name)
            fresh[symbol] = name
        }
        freshNames = fresh
        // Co-occurrence: the Jaccard overlap of the premises each symbol occurs in.
        var predictedPremises: [EvaluationSymbol: Set<Int>] = [:]
        var goldPremises: [EvaluationSymbol: Set<Int>] = [:]
        for (i, symbols) in predictedSymbols.enumerated() { for s in symbols { predictedPremises[s, default: []].insert(i) } }
        for (i, symbols) in goldSymbols.enumerated() { for s in symbols { goldPremises[s, default: []].insert(i) } }
        var scores: [EvaluationSymbol: [EvaluationSymbol: Double]] = [:]
        for (p, pi) in predictedPremises {
            for (g, gi) in goldPremises where g.kind == p.kind {
                let overlap = Double(pi.intersection(gi).count) / Double(pi.union(gi).count)
                scores[p, default: [:]][g] = NameSimilarity.score(p.name, g.name) + overlap
            }
        }
        pairScore = scores
        order = predicted.indices.filter { predicted[$0] != nil && gold[$0] != nil }.sorted {
            let a = predictedSymbols[$0].count + goldSymbols[$0].count, b = predictedSymbols[$1].count + goldSymbols[$1].count
            return a != b ? a < b : $0 < $1
        }
    }

    mutating func run() {
        search(depth: 0, count: 0)
    }

    private mutating func search(depth: Int, count: Int) {
        if stopped { return }
        nodes += 1
        if nodes > aligner.maxNodes { capHit = true; stopped = true; return }
        if count > bestCount || (count == bestCount && count > 0 && score(map) > score(best)) {
            bestCount = count
            best = map
            bestMatched = Set(matched)
        }
        if count == order.count { stopped = true; return } // every premise matched
        if depth == order.count || count + (order.count - depth) <= bestCount { return }
        let premise = order[depth]
        for candidate in extensions(of: premise) {
            for (p, g) in candidate.pairs { map[p] = g; used.insert(g) }
            let outcome = check(premise)
            if outcome == .equivalent {
                matched.append(premise)
                search(depth: depth + 1, count: count + 1)
                matched.removeLast()
            }
            for (p, g) in candidate.pairs { map[p] = nil; used.remove(g) }
            if stopped { return }
        }
        search(depth: depth + 1, count: count)
    }

    /// How plausible an alignment's pairs are: among alignments matching as many premises,
    /// the search keeps the one with the highest sum of (pair score − 1), so a pair whose
    /// names differ and whose co-occurrence is weak (score below 1) counts against it
    /// rather than for it, and more pairs are not better by themselves.
    private func score(_ map: [EvaluationSymbol: EvaluationSymbol]) -> Double {
        map.reduce(0) { $0 + (pairScore[$1.key]?[$1.value] ?? 0) - 1 }
    }

    /// Z3's answer for `premise` under the current map (unaligned symbols fresh), memoized.
    private mutating func check(_ premise: Int) -> EquivalenceOutcome {
        let key = MemoKey(premise: premise, images: predictedSymbols[premise].map { map[$0] })
        if let known = memo[key] { return known }
        if checks >= aligner.maxChecks || ContinuousClock.now > deadline {
            capHit = true
            stopped = true
            return .undecided(reason: "alignment search cap")
        }
        checks += 1
        let outcome = aligner.equivalence.compare(renamed(premise, map), gold[premise]!)
        memo[key] = outcome
        return outcome
    }

    func renaming(_ map: [EvaluationSymbol: EvaluationSymbol]) -> [EvaluationSymbol: String] {
        var names = freshNames
        for (p, g) in map { names[p] = g.name }
        return names
    }

    private func renamed(_ premise: Int, _ map: [EvaluationSymbol: EvaluationSymbol]) -> Formula {
        var names: [EvaluationSymbol: String] = [:]
        for s in predictedSymbols[premise] { names[s] = map[s]?.name ?? freshNames[s]! }
        return predicted[premise]!.renamingSymbols(names)
    }

    /// The ways to pair the premise's unaligned predicted symbols with unused gold symbols
    /// of the same kind in the premise's gold formula, best first, at most
    /// `maxExtensionsPerPremise`. Always at least one (possibly empty) extension.
    private func extensions(of premise: Int) -> [Extension] {
        let cap = 4_000
        let free = predictedSymbols[premise].filter { map[$0] == nil }
        let available = goldSymbols[premise].filter { !used.contains($0) }
        var combined = [Extension(pairs: [], score: 0)]
        let kinds = Set(free.map(\.kind)).sorted()
        for kind in kinds {
            let f = free.filter { $0.kind == kind }, a = available.filter { $0.kind == kind }
            if a.isEmpty { continue }
            let options = injections(f, a, cap: cap)
            var next: [Extension] = []
            for c in combined {
                for o in options { next.append(Extension(pairs: c.pairs + o.pairs, score: c.score + o.score)) }
            }
            next.sort { $0.score > $1.score }
            combined = Array(next.prefix(cap))
        }
        return Array(combined.prefix(aligner.maxExtensionsPerPremise))
    }

    /// Injective pairings between `f` and `a` covering the smaller side, each with its
    /// summed pair score; branches best pair first, stops after `cap` pairings.
    private func injections(_ f: [EvaluationSymbol], _ a: [EvaluationSymbol], cap: Int) -> [Extension] {
        var out: [Extension] = []
        var pairs: [(EvaluationSymbol, EvaluationSymbol)] = []
        var taken = Set<EvaluationSymbol>()
        let forward = f.count <= a.count // map each of f into a, else each of a from f
        let from = forward ? f : a, to = forward ? a : f
        func score(_ x: EvaluationSymbol, _ y: EvaluationSymbol) -> Double {
            forward ? (pairScore[x]?[y] ?? 0) : (pairScore[y]?[x] ?? 0)
        }
        func visit(_ k: Int, _ total: Double) {
            if out.count >= cap { return }
            if k == from.count { out.append(Extension(pairs: pairs, score: total)); return }
            let x = from[k]
            for y in to.sorted(by: { score(x, $0) > score(x, $1) }) where !taken.contains(y) {
                taken.insert(y)
                pairs.append(forward ? (x, y) : (y, x))
                visit(k + 1, total + score(x, y))
                pairs.removeLast()
                taken.remove(y)
            }
        }
        visit(0, 0)
        return out.sorted { $0.score > $1.score }
    }

    /// The best alignment found, completed with the remaining pairs whose names look
    /// alike (similarity at least 0.5, best first; this can only add equivalent premises),
    /// applied to every premise.
    mutating func result() -> SignatureAlignment {
        if bestCount < 0 { best = [:] }
        var completed = best
        var taken = Set(best.values)
        var extra: [(EvaluationSymbol, EvaluationSymbol, Double)] = []
        let allGold = Set(goldSymbols.joined())
        for p in Set(predictedSymbols.joined()) where completed[p] == nil {
            for g in allGold where g.kind == p.kind && !taken.contains(g) && NameSimilarity.score(p.name, g.name) >= 0.5 {
                extra.append((p, g, pairScore[p]?[g] ?? NameSimilarity.score(p.name, g.name)))
            }
        }
        extra.sort { ($0.2, $1.0.name, $1.1.name) > ($1.2, $0.0.name, $0.1.name) }
        for (p, g, _) in extra where completed[p] == nil && !taken.contains(g) {
            completed[p] = g
            taken.insert(g)
        }
        let names = renaming(completed)
        var aligned: [Formula?] = []
        var outcomes: [EquivalenceOutcome?] = []
        var exact: [Bool] = []
        let agree = predicted.indices.map { i in
            predicted[i] != nil && predictedSymbols[i].allSatisfy { p in completed[p].map { NameSimilarity.namesAgree(p.name, $0.name) } ?? false }
        }
        for i in predicted.indices {
            guard let p = predicted[i] else { aligned.append(nil); outcomes.append(nil); exact.append(false); continue }
            let a = p.renamingSymbols(names)
            aligned.append(a)
            guard let g = gold[i] else { outcomes.append(nil); exact.append(false); continue }
            exact.append(FOLPrinter.ascii(a.alphaNormalized) == FOLPrinter.ascii(g.alphaNormalized))
            // Equivalent under the search's alignment stays equivalent under its completion.
            let key = MemoKey(premise: i, images: predictedSymbols[i].map { completed[$0] })
            if bestMatched.contains(i) {
                outcomes.append(.equivalent)
            } else if let known = memo[key] {
                outcomes.append(known)
            } else {
                let outcome = aligner.equivalence.compare(a, g)
                memo[key] = outcome
                outcomes.append(outcome)
                checks += 1
            }
        }
        return SignatureAlignment(pairs: completed, renaming: names, aligned: aligned, outcomes: outcomes, exactSyntax: exact,
                                  namesAgree: agree, checks: checks, nodes: nodes, capHit: capHit)
    }
}
