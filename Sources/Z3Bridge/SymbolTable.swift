import Logic

/// A symbol of a formula as Z3 sees it: a predicate (a function to Bool) or a function
/// (to the universe `U`), with its arity. The same name used with two arities, or both as
/// a predicate and as a function, gives distinct keys and so distinct Z3 declarations; the
/// caller's signature check is what reports such a clash.
struct SymbolKey: Hashable, Sendable {
    enum Role: Hashable, Sendable { case predicate, function }
    var role: Role
    var name: String
    var arity: Int
}

/// The symbols of a set of formulas, each with the one name it has in Z3 and in SMT-LIB2.
///
/// Names are ASCII simple symbols (letters, digits, `_`, `.`; other characters are escaped
/// as `_xHH_`), never an SMT-LIB or Z3 builtin, never containing `!` (Z3's fresh names do),
/// and distinct per key; the first key with a given name keeps it and later keys get an
/// arity suffix. Free variables are treated as constants of the same name: a free `x`
/// and a constant `x` are one symbol.
struct SymbolTable: Sendable {
    private(set) var keys: [SymbolKey] = []
    private(set) var names: [SymbolKey: String] = [:]
    private var taken: Set<String> = []

    /// Collects the symbols of `formulas` in order of first occurrence.
    /// Throws when a formula nests deeper than `maxNesting`.
    init(formulas: [Formula], maxNesting: Int) throws {
        for formula in formulas { try collect(formula, bound: [], depth: 0, maxNesting: maxNesting) }
    }

    /// Every name a symbol uses, for choosing bound-variable names that capture none.
    var usedNames: Set<String> { taken }

    func name(of key: SymbolKey) -> String {
        guard let name = names[key] else { preconditionFailure("symbol \(key) was not collected") }
        return name
    }

    private mutating func add(_ key: SymbolKey) {
        guard names[key] == nil else { return }
        let base = Self.sanitized(key.name)
        var candidate = base
        if taken.contains(candidate) || Self.reserved.contains(candidate) {
            candidate = base + "_" + String(key.arity) + (key.role == .predicate ? "p" : "f")
            var counter = 2
            while taken.contains(candidate) || Self.reserved.contains(candidate) {
                candidate = base + "_" + String(key.arity) + (key.role == .predicate ? "p" : "f") + "_" + String(counter)
                counter += 1
            }
        }
        taken.insert(candidate)
        names[key] = candidate
        keys.append(key)
    }

    private mutating func collect(_ formula: Formula, bound: [String], depth: Int, maxNesting: Int) throws {
        guard depth <= maxNesting else { throw Self.tooDeep(maxNesting) }
        switch formula {
        case .truth, .falsity: return
        case .predicate(let name, let args):
            add(SymbolKey(role: .predicate, name: name, arity: args.count))
            for a in args { try collect(a, bound: bound, depth: depth + 1, maxNesting: maxNesting) }
        case .equal(let a, let b):
            try collect(a, bound: bound, depth: depth + 1, maxNesting: maxNesting)
            try collect(b, bound: bound, depth: depth + 1, maxNesting: maxNesting)
        case .not(let f):
            try collect(f, bound: bound, depth: depth + 1, maxNesting: maxNesting)
        case .and(let fs), .or(let fs):
            for f in fs { try collect(f, bound: bound, depth: depth + 1, maxNesting: maxNesting) }
        case .implies(let a, let b), .iff(let a, let b), .xor(let a, let b):
            try collect(a, bound: bound, depth: depth + 1, maxNesting: maxNesting)
            try collect(b, bound: bound, depth: depth + 1, maxNesting: maxNesting)
        case .forall(let v, let f), .exists(let v, let f):
            try collect(f, bound: bound + [v], depth: depth + 1, maxNesting: maxNesting)
        }
    }

    private mutating func collect(_ term: Term, bound: [String], depth: Int, maxNesting: Int) throws {
        guard depth <= maxNesting else { throw Self.tooDeep(maxNesting) }
        switch term {
        case .variable(let v):
            if !bound.contains(v) { add(SymbolKey(role: .function, name: v, arity: 0)) }
        case .function(let name, let args):
            add(SymbolKey(role: .function, name: name, arity: args.count))
            for a in args { try collect(a, bound: bound, depth: depth + 1, maxNesting: maxNesting) }
        }
    }

    static func tooDeep(_ limit: Int) -> Z3Error {
        Z3Error(kind: .nestingTooDeep, message: "formula nests deeper than \(limit) levels")
    }

    /// `name` as an ASCII simple symbol: letters, digits, `_` and `.` stay, everything else
    /// becomes `_xHH_` (by Unicode scalar value); a name not starting with a letter or `_`
    /// gets the prefix `s_`.
    static func sanitized(_ name: String) -> String {
        var out = ""
        for scalar in name.unicodeScalars {
            let v = scalar.value
            let isLetter = (v >= 65 && v <= 90) || (v >= 97 && v <= 122)
            let isDigit = v >= 48 && v <= 57
            if isLetter || isDigit || scalar == "_" || scalar == "." {
                out.unicodeScalars.append(scalar)
            } else {
                out += "_x" + String(v, radix: 16) + "_"
            }
        }
        if let first = out.unicodeScalars.first {
            let v = first.value
            if !((v >= 65 && v <= 90) || (v >= 97 && v <= 122) || first == "_") { out = "s_" + out }
        } else {
            out = "s_"
        }
        return out
    }

    /// SMT-LIB2 reserved words and the names Z3 predefines in the logics it loads by default.
    static let reserved: Set<String> = [
        "U", "Bool", "Int", "Real", "Array", "String", "Seq", "RegLan", "BitVec",
        "and", "or", "not", "xor", "ite", "true", "false", "distinct", "let", "forall", "exists",
        "match", "par", "as", "NUMERAL", "DECIMAL", "STRING", "BINARY", "HEXADECIMAL",
        "abs", "div", "mod", "rem", "to_real", "to_int", "is_int", "divisible", "select", "store",
        "const", "map", "default", "concat", "extract", "repeat", "root", "root_obj", "power",
        "min", "max", "pi", "e", "sin", "cos", "tan", "asin", "acos", "atan", "exp", "log",
        "lambda", "assert", "push", "pop", "echo", "exit", "model", "declare", "define",
        "as_array", "subset", "union", "intersection", "difference", "complement", "empty",
        "is", "nil", "head", "tail", "insert", "cons", "first", "second", "tuple", "mk", "sqrt",
    ]
}
