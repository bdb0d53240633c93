import Logic

/// A formal problem as TPTP FOF files for other provers (E, Vampire): the premises as
/// axioms, and the conclusion (or its negation) as the conjecture.
public enum TPTPExport {
    /// One TPTP problem. `conjecture` nil writes the axioms alone (a consistency check).
    public static func problem(name: String, premises: [Formula], conjecture: Formula?) -> String {
        var lines = ["% \(name)"]
        for (i, p) in premises.enumerated() {
            lines.append("fof(premise_\(i + 1), axiom, \(FOLPrinter.tptp(p))).")
        }
        if let conjecture {
            lines.append("fof(goal, conjecture, \(FOLPrinter.tptp(conjecture))).")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The three files of a three-valued decision: `axioms` (consistency), `positive`
    /// (does the conclusion follow?) and `negative` (does its negation follow?).
    public static func entailmentFiles(name: String, premises: [Formula], conclusion: Formula) -> [(suffix: String, text: String)] {
        [
            ("axioms.p", problem(name: name + " (axioms only)", premises: premises, conjecture: nil)),
            ("positive.p", problem(name: name + " (conclusion)", premises: premises, conjecture: conclusion)),
            ("negative.p", problem(name: name + " (negated conclusion)", premises: premises, conjecture: .not(conclusion))),
        ]
    }
}
