import Logic

/// One step of a search's trace.
public struct SearchStep: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// A call to the translation source.
        case translate
        /// A candidate theory decided and scored.
        case evaluate
        /// A prover check of whether two candidates' theories are equivalent.
        case equivalence
        /// A tree move: a new sample for a statement.
        case wider
        /// A tree move: a statement re-translated from feedback.
        case deeper
        /// A reasoning step of the `steps` strategy, proposed and checked.
        case step
        /// The selection of the answer.
        case select
        /// The search stopped (budget, acceptance, or its own bound).
        case stop
    }

    public var kind: Kind
    public var message: String
    /// The cost spent when the step ended.
    public var spent: SearchCost

    public init(kind: Kind, message: String, spent: SearchCost) {
        self.kind = kind; self.message = message; self.spent = spent
    }

    public var description: String { "\(kind.rawValue): \(message)" }
}
