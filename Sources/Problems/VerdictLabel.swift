import Logic

extension Verdict {
    /// The verdict a dataset label stands for: `True`, `False`, `Unknown`/`Uncertain`
    /// (FOLIO's two splits differ), `Inconsistent`; case and surrounding spaces ignored.
    /// Nil for anything else.
    public init?(datasetLabel label: String) {
        switch label.trimmingSpaces().lowercased() {
        case "true": self = .true
        case "false": self = .false
        case "unknown", "uncertain": self = .unknown
        case "inconsistent": self = .inconsistent
        default: return nil
        }
    }
}
