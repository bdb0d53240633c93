import Logic

/// Writes formulas in FOLIO's Unicode syntax, fully parenthesized, so the FOL parser
/// reads back the same formula. Used by `ProblemFilePrinter` for formulas that were
/// built rather than written (logic programs).
enum FormulaText {
    static func unicode(_ formula: Formula) -> String {
        var out = ""
        write(formula, into: &out, top: true)
        return out
    }

    private static func write(_ f: Formula, into out: inout String, top: Bool) {
        func group(_ parts: [Formula], _ op: String) {
            if !top { out += "(" }
            for (i, p) in parts.enumerated() {
                if i > 0 { out += " \(op) " }
                write(p, into: &out, top: false)
            }
            if !top { out += ")" }
        }
        switch f {
        case .truth: out += "⊤"
        case .falsity: out += "⊥"
        case .predicate(let name, let args):
            out += name
            if !args.isEmpty { out += "(" + args.map(term).joined(separator: ", ") + ")" }
        case .equal(let a, let b):
            if !top { out += "(" }
            out += term(a) + " = " + term(b)
            if !top { out += ")" }
        case .not(let g):
            out += "¬"
            write(g, into: &out, top: false)
        case .and(let fs): group(fs, "∧")
        case .or(let fs): group(fs, "∨")
        case .implies(let a, let b): group([a, b], "→")
        case .iff(let a, let b): group([a, b], "↔")
        case .xor(let a, let b): group([a, b], "⊕")
        case .forall(let v, let g), .exists(let v, let g):
            if !top { out += "(" }
            out += (f.isForall ? "∀" : "∃") + v + " "
            switch g {
            case .forall, .exists, .predicate, .not, .truth, .falsity: write(g, into: &out, top: false)
            default:
                out += "("
                write(g, into: &out, top: true)
                out += ")"
            }
            if !top { out += ")" }
        }
    }

    private static func term(_ t: Term) -> String {
        switch t {
        case .variable(let v): return v
        case .function(let name, let args):
            return args.isEmpty ? name : name + "(" + args.map(term).joined(separator: ", ") + ")"
        }
    }
}

extension Formula {
    fileprivate var isForall: Bool {
        if case .forall = self { return true }
        return false
    }
}
