import Logic
import Z3Bridge

/// Whether two closed formulas are logically equivalent, as Z3 decides it.
public enum EquivalenceOutcome: Hashable, Sendable {
    /// `a <-> b` is valid.
    case equivalent
    /// Some model tells `a` and `b` apart.
    case different
    /// Z3 gave up (timeout, incomplete quantifier reasoning) or could not take the
    /// formulas; the reason is Z3's. Counts as not equivalent, and is reported separately.
    case undecided(reason: String)

    public var isEquivalent: Bool { self == .equivalent }
}

/// Proves equivalences with Z3, one context per check, each check under `timeout`.
/// Formulas are universally closed first; two formulas equal up to the names of bound
/// variables are equivalent without asking Z3.
public struct FormulaEquivalence: Sendable {
    public var timeout: Duration

    public init(timeout: Duration = .seconds(5)) {
        self.timeout = timeout
    }

    /// Decides whether `a` and `b` (free variables universally closed) are equivalent.
    public func compare(_ a: Formula, _ b: Formula) -> EquivalenceOutcome {
        let left = a.universalClosure, right = b.universalClosure
        if left.alphaNormalized == right.alphaNormalized { return .equivalent }
        let z3 = Z3Entailment(timeout: timeout, readModels: false)
        do {
            switch try z3.check([.not(.iff(left, right))]) {
            case .unsat: return .equivalent
            case .sat: return .different
            case .unknown(let reason): return .undecided(reason: reason)
            }
        } catch {
            return .undecided(reason: "\(error)")
        }
    }
}
