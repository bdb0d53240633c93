import Logic

/// Prints formulas as SMT-LIB2 over the names of a `SymbolTable`, the same names the Z3
/// translation uses, so Z3's model text and the script agree.
struct SMTLIB2Printer {
    let symbols: SymbolTable

    /// `(declare-sort U 0)` and one `declare-fun` per symbol, in order of first occurrence.
    var declarations: String {
        var out = "(declare-sort U 0)\n"
        for key in symbols.keys {
            let domain = Array(repeating: "U", count: key.arity).joined(separator: " ")
            out += "(declare-fun \(symbols.name(of: key)) (\(domain)) \(key.role == .predicate ? "Bool" : "U"))\n"
        }
        return out
    }

    /// The formula as an SMT-LIB2 term. The formula must have been collected by `symbols`
    /// (so its nesting is within bounds).
    func print(_ formula: Formula) -> String {
        var out = ""
        var scope: [(source: String, printed: String)] = []
        write(formula, scope: &scope, into: &out)
        return out
    }

    private func write(_ formula: Formula, scope: inout [(source: String, printed: String)], into out: inout String) {
        func list(_ head: String, _ parts: [Formula]) {
            out += "(" + head
            for part in parts { out += " "; write(part, scope: &scope, into: &out) }
            out += ")"
        }
        switch formula {
        case .truth: out += "true"
        case .falsity: out += "false"
        case .predicate(let name, let args):
            let symbol = symbols.name(of: SymbolKey(role: .predicate, name: name, arity: args.count))
            if args.isEmpty { out += symbol; return }
            out += "(" + symbol
            for a in args { out += " "; write(a, scope: scope, into: &out) }
            out += ")"
        case .equal(let a, let b):
            out += "(= "
            write(a, scope: scope, into: &out)
            out += " "
            write(b, scope: scope, into: &out)
            out += ")"
        case .not(let f): list("not", [f])
        case .and(let fs):
            if fs.isEmpty { out += "true" } else if fs.count == 1 { write(fs[0], scope: &scope, into: &out) } else { list("and", fs) }
        case .or(let fs):
            if fs.isEmpty { out += "false" } else if fs.count == 1 { write(fs[0], scope: &scope, into: &out) } else { list("or", fs) }
        case .implies(let a, let b): list("=>", [a, b])
        case .iff(let a, let b): list("=", [a, b])
        case .xor(let a, let b): list("xor", [a, b])
        case .forall(let v, let f), .exists(let v, let f):
            var isForall = false
            if case .forall = formula { isForall = true }
            let printed = boundName(for: v, scope: scope)
            out += "(" + (isForall ? "forall" : "exists") + " ((" + printed + " U)) "
            scope.append((v, printed))
            write(f, scope: &scope, into: &out)
            scope.removeLast()
            out += ")"
        }
    }

    private func write(_ term: Term, scope: [(source: String, printed: String)], into out: inout String) {
        switch term {
        case .variable(let v):
            if let binding = scope.last(where: { $0.source == v }) {
                out += binding.printed
            } else {
                out += symbols.name(of: SymbolKey(role: .function, name: v, arity: 0))
            }
        case .function(let name, let args):
            let symbol = symbols.name(of: SymbolKey(role: .function, name: name, arity: args.count))
            if args.isEmpty { out += symbol; return }
            out += "(" + symbol
            for a in args { out += " "; write(a, scope: scope, into: &out) }
            out += ")"
        }
    }

    /// A name for a variable bound by a new quantifier: its sanitized name unless that would
    /// capture a symbol or another variable in scope; then a suffixed one.
    private func boundName(for variable: String, scope: [(source: String, printed: String)]) -> String {
        let others = Set(scope.filter { $0.source != variable }.map(\.printed))
        let base = SymbolTable.sanitized(variable)
        var candidate = base
        var counter = 1
        while symbols.usedNames.contains(candidate) || SymbolTable.reserved.contains(candidate) || others.contains(candidate) {
            candidate = base + "_v" + (counter == 1 ? "" : String(counter))
            counter += 1
        }
        return candidate
    }
}

extension Z3Entailment {
    /// A self-contained SMT-LIB2 script for "do `premises` entail `conclusion`?" that
    /// `z3 -smt2` accepts: the sort, the declarations, each premise asserted and named
    /// `premise!i` (0-based), the negated conclusion named `negated!conclusion`, and
    /// `(check-sat)`: `unsat` means the conclusion follows (or the premises are
    /// inconsistent). With no conclusion, the script checks the premises alone. Unsat cores
    /// are enabled, so `(get-unsat-core)` can be appended after an `unsat`.
    ///
    /// Symbol names are the bridge's Z3 names (ASCII, escaped and disambiguated; see
    /// `SymbolTable`). Throws only for formulas that nest deeper than `maxNesting`.
    public static func smtlib2(premises: [Formula], conclusion: Formula?) throws -> String {
        let symbols = try SymbolTable(formulas: premises + (conclusion.map { [$0] } ?? []), maxNesting: maxNesting)
        let printer = SMTLIB2Printer(symbols: symbols)
        var out = "; Entail: do the premises entail the conclusion? unsat means yes.\n"
        out += "(set-option :produce-unsat-cores true)\n"
        out += printer.declarations
        for (i, premise) in premises.enumerated() {
            out += "(assert (! \(printer.print(premise)) :named premise!\(i)))\n"
        }
        if let conclusion {
            out += "(assert (! (not \(printer.print(conclusion))) :named negated!conclusion))\n"
        }
        out += "(check-sat)\n"
        return out
    }

    /// The declarations and one plain `assert` per premise and then one for the conclusion
    /// (not negated), with no commands: the form the benchmark's Python side loads with
    /// `parse_smt2_string` to run the same three checks as `decide`.
    static func smtlib2Assertions(premises: [Formula], conclusion: Formula) throws -> String {
        let symbols = try SymbolTable(formulas: premises + [conclusion], maxNesting: maxNesting)
        let printer = SMTLIB2Printer(symbols: symbols)
        var out = printer.declarations
        for premise in premises + [conclusion] { out += "(assert \(printer.print(premise)))\n" }
        return out
    }
}
