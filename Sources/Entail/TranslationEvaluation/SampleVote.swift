import Logic

/// Majority vote over sampled translations of one premise: the samples are grouped into
/// classes Z3 proves equivalent (they share the story's names, so no alignment is
/// needed); the class with the most samples (each candidate counts its `occurrences`) wins, ties going to the class with the likelier best member;
/// the winner's likeliest member is the chosen translation.
public struct SampleVote: Sendable {
    /// The groups, as indices into the candidates, each in candidate order.
    public var classes: [[Int]]
    /// The index of the winning class in `classes`.
    public var winningClass: Int
    /// The index of the chosen candidate.
    public var chosen: Int
    /// Samples in the winning class (the sum of its candidates' `occurrences`).
    public var votes: Int

    /// Votes over `candidates` (at least one). A pair Z3 cannot decide is kept apart.
    public init(candidates: [CandidateTranslation], equivalence: FormulaEquivalence) {
        precondition(!candidates.isEmpty, "a vote needs at least one candidate")
        var classes: [[Int]] = []
        for (i, c) in candidates.enumerated() {
            if let k = classes.firstIndex(where: { equivalence.compare(candidates[$0[0]].formula, c.formula) == .equivalent }) {
                classes[k].append(i)
            } else {
                classes.append([i])
            }
        }
        func best(_ members: [Int]) -> Int {
            members.max { candidates[$0].logProbability < candidates[$1].logProbability || (candidates[$0].logProbability == candidates[$1].logProbability && $0 > $1) }!
        }
        func weight(_ members: [Int]) -> Int { members.reduce(0) { $0 + max(1, candidates[$1].occurrences) } }
        var winner = 0
        for k in classes.indices.dropFirst() {
            let a = classes[k], b = classes[winner]
            let wa = weight(a), wb = weight(b)
            if wa > wb || (wa == wb && candidates[best(a)].logProbability > candidates[best(b)].logProbability) {
                winner = k
            }
        }
        self.classes = classes
        winningClass = winner
        chosen = best(classes[winner])
        votes = weight(classes[winner])
    }
}
