import CZ3
import Logic

/// Translates Logic's formulas into Z3 terms of one context.
///
/// The translation: one uninterpreted sort `U`; a predicate of arity n is a function
/// `U^n → Bool`, a function symbol of arity n is `U^n → U` (a constant is arity 0); `=` is
/// Z3 equality on `U`; ⊕ is Z3's xor; `and`/`or` are n-ary (empty `and` is true, empty
/// `or` false); quantifiers bind one variable of sort `U` each, encoded with de Bruijn
/// indices (`Z3_mk_bound`), so a bound variable never clashes with a constant. A free
/// variable is the constant of the same name (see `SymbolTable`).
final class FormulaEncoder {
    let context: Z3Context
    let symbols: SymbolTable
    let universe: Z3Sort
    let boolean: Z3Sort
    let maxNesting: Int
    private var declarations: [SymbolKey: Z3FuncDecl] = [:]

    init(context: Z3Context, symbols: SymbolTable, maxNesting: Int) throws {
        self.context = context
        self.symbols = symbols
        self.maxNesting = maxNesting
        let name = try context.symbol("U")
        universe = try context.make(Z3SortObject.self, "sort U") { Z3_mk_uninterpreted_sort($0, name) }
        boolean = try context.make(Z3SortObject.self, "sort Bool") { Z3_mk_bool_sort($0) }
    }

    /// The Z3 declaration of a symbol, made once per key.
    func declaration(_ key: SymbolKey) throws -> Z3FuncDecl {
        if let existing = declarations[key] { return existing }
        let name = try context.symbol(symbols.name(of: key))
        let range = key.role == .predicate ? boolean : universe
        let domain = [Z3_sort?](repeating: universe.raw, count: key.arity)
        let decl = try withExtendedLifetime((universe, range)) {
            try domain.withUnsafeBufferPointer { buffer in
                try context.make(Z3FuncDeclObject.self, "declaration \(key.name)") {
                    Z3_mk_func_decl($0, name, UInt32(key.arity), buffer.baseAddress, range.raw)
                }
            }
        }
        declarations[key] = decl
        return decl
    }

    func encode(_ formula: Formula) throws -> Z3AST {
        var bound: [String] = []
        return try encode(formula, bound: &bound, depth: 0)
    }

    /// A fresh Boolean constant (Z3's fresh names contain `!`, which no user symbol does).
    func freshBoolean(_ prefix: String) throws -> Z3AST {
        try withExtendedLifetime(boolean) {
            try context.make(Z3ASTObject.self, "fresh constant") { Z3_mk_fresh_const($0, prefix, boolean.raw) }
        }
    }

    func not(_ a: Z3AST) throws -> Z3AST { try unary(a) { Z3_mk_not($0, $1) } }

    func implies(_ a: Z3AST, _ b: Z3AST) throws -> Z3AST { try binary(a, b) { Z3_mk_implies($0, $1, $2) } }

    private func encode(_ formula: Formula, bound: inout [String], depth: Int) throws -> Z3AST {
        guard depth <= maxNesting else { throw SymbolTable.tooDeep(maxNesting) }
        switch formula {
        case .truth:
            return try context.make(Z3ASTObject.self) { Z3_mk_true($0) }
        case .falsity:
            return try context.make(Z3ASTObject.self) { Z3_mk_false($0) }
        case .predicate(let name, let args):
            let decl = try declaration(SymbolKey(role: .predicate, name: name, arity: args.count))
            let encoded = try args.map { try encode($0, bound: bound, depth: depth + 1) }
            return try application(decl, encoded)
        case .equal(let a, let b):
            let x = try encode(a, bound: bound, depth: depth + 1)
            let y = try encode(b, bound: bound, depth: depth + 1)
            return try binary(x, y) { Z3_mk_eq($0, $1, $2) }
        case .not(let f):
            return try not(encode(f, bound: &bound, depth: depth + 1))
        case .and(let fs):
            if fs.isEmpty { return try encode(.truth, bound: &bound, depth: depth) }
            let parts = try fs.map { try encode($0, bound: &bound, depth: depth + 1) }
            return parts.count == 1 ? parts[0] : try nary(parts) { Z3_mk_and($0, $1, $2) }
        case .or(let fs):
            if fs.isEmpty { return try encode(.falsity, bound: &bound, depth: depth) }
            let parts = try fs.map { try encode($0, bound: &bound, depth: depth + 1) }
            return parts.count == 1 ? parts[0] : try nary(parts) { Z3_mk_or($0, $1, $2) }
        case .implies(let a, let b):
            return try implies(encode(a, bound: &bound, depth: depth + 1), encode(b, bound: &bound, depth: depth + 1))
        case .iff(let a, let b):
            return try binary(encode(a, bound: &bound, depth: depth + 1), encode(b, bound: &bound, depth: depth + 1)) {
                Z3_mk_iff($0, $1, $2)
            }
        case .xor(let a, let b):
            return try binary(encode(a, bound: &bound, depth: depth + 1), encode(b, bound: &bound, depth: depth + 1)) {
                Z3_mk_xor($0, $1, $2)
            }
        case .forall(let v, let f), .exists(let v, let f):
            var isForall = false
            if case .forall = formula { isForall = true }
            bound.append(v)
            let body = try encode(f, bound: &bound, depth: depth + 1)
            bound.removeLast()
            return try quantifier(isForall: isForall, variable: v, body: body)
        }
    }

    private func encode(_ term: Term, bound: [String], depth: Int) throws -> Z3AST {
        guard depth <= maxNesting else { throw SymbolTable.tooDeep(maxNesting) }
        switch term {
        case .variable(let v):
            if let position = bound.lastIndex(of: v) {
                let index = UInt32(bound.count - 1 - position)
                return try withExtendedLifetime(universe) {
                    try context.make(Z3ASTObject.self) { Z3_mk_bound($0, index, universe.raw) }
                }
            }
            return try application(declaration(SymbolKey(role: .function, name: v, arity: 0)), [])
        case .function(let name, let args):
            let decl = try declaration(SymbolKey(role: .function, name: name, arity: args.count))
            let encoded = try args.map { try encode($0, bound: bound, depth: depth + 1) }
            return try application(decl, encoded)
        }
    }

    private func quantifier(isForall: Bool, variable: String, body: Z3AST) throws -> Z3AST {
        let name: Z3_symbol? = try context.symbol(SymbolTable.sanitized(variable))
        let sort: Z3_sort? = universe.raw
        return try withExtendedLifetime((universe, body)) {
            try withUnsafePointer(to: name) { names in
                try withUnsafePointer(to: sort) { sorts in
                    try context.make(Z3ASTObject.self, "quantifier") {
                        Z3_mk_quantifier($0, isForall, 0, 0, nil, 1, sorts, names, body.raw)
                    }
                }
            }
        }
    }

    private func application(_ decl: Z3FuncDecl, _ args: [Z3AST]) throws -> Z3AST {
        let raws: [Z3_ast?] = args.map { $0.raw }
        return try withExtendedLifetime((decl, args)) {
            try raws.withUnsafeBufferPointer { buffer in
                try context.make(Z3ASTObject.self, "application") {
                    Z3_mk_app($0, decl.raw, UInt32(buffer.count), buffer.baseAddress)
                }
            }
        }
    }

    private func unary(_ a: Z3AST, _ body: (Z3_context, Z3_ast) -> Z3_ast?) throws -> Z3AST {
        try withExtendedLifetime(a) { try context.make(Z3ASTObject.self) { body($0, a.raw) } }
    }

    private func binary(_ a: Z3AST, _ b: Z3AST, _ body: (Z3_context, Z3_ast, Z3_ast) -> Z3_ast?) throws -> Z3AST {
        try withExtendedLifetime((a, b)) { try context.make(Z3ASTObject.self) { body($0, a.raw, b.raw) } }
    }

    private func nary(_ parts: [Z3AST], _ body: (Z3_context, UInt32, UnsafePointer<Z3_ast?>) -> Z3_ast?) throws -> Z3AST {
        precondition(!parts.isEmpty)
        let raws: [Z3_ast?] = parts.map { $0.raw }
        return try withExtendedLifetime(parts) {
            try raws.withUnsafeBufferPointer { buffer in
                try context.make(Z3ASTObject.self) { body($0, UInt32(buffer.count), buffer.baseAddress!) }
            }
        }
    }
}
