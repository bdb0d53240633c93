import Logic

/// How absent information is read.
public enum WorldAssumption: String, Hashable, Sendable, CaseIterable {
    /// Classical first-order logic: what is not entailed is unknown. The verdict is the
    /// exact classical one (it agrees with Z3), contrapositive and case reasoning included.
    case open
    /// ProofWriter's open-world generator semantics: a literal is true only if it is
    /// derived by applying rules forwards from the facts (no modus tollens, no case
    /// splits). Never says true/false where classical logic disagrees, but may say
    /// unknown where classical logic decides.
    case openForwardOnly
    /// Negation as failure over a stratified program: a literal that is not derived is
    /// false (ProofWriter's CWA variant). The domain is the constants named in the
    /// premises and the conclusion, so a rule with a negated body literal over a variable
    /// that occurs nowhere else ranges over exactly those.
    case closed
}
