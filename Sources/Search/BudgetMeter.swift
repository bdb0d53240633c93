import Foundation

/// Tracks what a search has spent against its `Budget`. An action is started only when
/// its worst-case cost still fits (`canAfford`), so counted resources never exceed the
/// budget; the clock is checked before each action.
final class BudgetMeter {
    let budget: Budget
    private(set) var spent = SearchCost()
    private let start = ContinuousClock.now

    init(_ budget: Budget) { self.budget = budget }

    var elapsed: Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    /// Seconds left, or nil when time is unbounded.
    var secondsLeft: Double? { budget.seconds.map { max(0, $0 - elapsed) } }

    /// Tokens left, or nil when tokens are unbounded.
    var tokensLeft: Int? { budget.tokens.map { max(0, $0 - spent.tokens) } }

    /// Whether an action costing at most these amounts may start now.
    func canAfford(tokens: Int = 0, modelCalls: Int = 0, proverCalls: Int = 0) -> Bool {
        if let limit = budget.seconds, elapsed >= limit { return false }
        if let limit = budget.tokens, spent.tokens + tokens > limit { return false }
        if let limit = budget.modelCalls, spent.modelCalls + modelCalls > limit { return false }
        if let limit = budget.proverCalls, spent.proverCalls + proverCalls > limit { return false }
        return true
    }

    func charge(tokens: Int = 0, modelCalls: Int = 0, proverCalls: Int = 0) {
        spent.tokens += tokens
        spent.modelCalls += modelCalls
        spent.proverCalls += proverCalls
    }

    /// The cost so far with the clock read now.
    var cost: SearchCost {
        var c = spent
        c.seconds = elapsed
        return c
    }
}
