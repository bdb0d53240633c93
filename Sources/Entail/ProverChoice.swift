/// Which prover decides formal problems (`--prover`).
public enum ProverChoice: String, Sendable, CaseIterable {
    /// The Z3 bridge alone.
    case z3
    /// Entail's native prover alone (forward chaining over rules, MESON for full FOL).
    case native
    /// Both, cross-checked: when both decide and differ, the problem is an error that
    /// names the disagreement.
    case both
}
