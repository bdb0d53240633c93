import CZ3
import Logic

/// One context, one encoder and one solver, made for one call and used on one thread.
///
/// Premises are asserted as `indicator_i → premise_i` and switched on by passing the
/// indicators as assumptions (`Z3_solver_check_assumptions`), so an unsat core names the
/// premises it needs by index.
final class Z3Session {
    let context: Z3Context
    let encoder: FormulaEncoder
    let solver: Z3Solver

    init(formulas: [Formula], timeout: Duration, parameters: [String: Z3ParameterValue], maxNesting: Int) throws {
        context = try Z3Context()
        let symbols = try SymbolTable(formulas: formulas, maxNesting: maxNesting)
        encoder = try FormulaEncoder(context: context, symbols: symbols, maxNesting: maxNesting)
        solver = try context.make(Z3SolverObject.self, "solver") { Z3_mk_simple_solver($0) }
        let params = try context.make(Z3ParamsObject.self, "params") { Z3_mk_params($0) }
        var all = parameters
        all["timeout"] = .uint(Self.milliseconds(timeout))
        for (name, value) in all.sorted(by: { $0.key < $1.key }) {
            let key = try context.symbol(name)
            switch value {
            case .bool(let b): try context.call { Z3_params_set_bool($0, params.raw, key, b) }
            case .uint(let u): try context.call { Z3_params_set_uint($0, params.raw, key, u) }
            case .double(let d): try context.call { Z3_params_set_double($0, params.raw, key, d) }
            case .symbol(let s):
                let symbol = try context.symbol(s)
                try context.call { Z3_params_set_symbol($0, params.raw, key, symbol) }
            }
        }
        try withExtendedLifetime(params) { try context.call { Z3_solver_set_params($0, solver.raw, params.raw) } }
    }

    /// `timeout` in whole milliseconds, at least 1, at most `UInt32.max - 1`.
    static func milliseconds(_ timeout: Duration) -> UInt32 {
        let (seconds, attoseconds) = timeout.components
        let ms = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        return UInt32(max(1, min(Double(UInt32.max - 1), ms.rounded(.up))))
    }

    func assert(_ formula: Z3AST) throws {
        try withExtendedLifetime(formula) { try context.call { Z3_solver_assert($0, solver.raw, formula.raw) } }
    }

    /// Asserts `indicator → formula` for a fresh indicator and returns the indicator.
    func assertTracked(_ formula: Z3AST, prefix: String) throws -> Z3AST {
        let indicator = try encoder.freshBoolean(prefix)
        try assert(encoder.implies(indicator, formula))
        return indicator
    }

    func check(assuming assumptions: [Z3AST]) throws -> Z3Result {
        let raws: [Z3_ast?] = assumptions.map { $0.raw }
        let answer = try withExtendedLifetime(assumptions) {
            try raws.withUnsafeBufferPointer { buffer in
                try context.call { Z3_solver_check_assumptions($0, solver.raw, UInt32(buffer.count), buffer.baseAddress) }
            }
        }
        if answer == Z3_L_TRUE { return .sat }
        if answer == Z3_L_FALSE { return .unsat }
        let reason = try context.string { Z3_solver_get_reason_unknown($0, solver.raw) }
        return .unknown(reason: reason)
    }

    /// The assumptions in the last unsat core, as positions in `assumptions`.
    func unsatCore(among assumptions: [Z3AST]) throws -> [Int] {
        let core = try context.make(Z3ASTVectorObject.self, "unsat core") { Z3_solver_get_unsat_core($0, solver.raw) }
        let size = try context.call { Z3_ast_vector_size($0, core.raw) }
        var position: [OpaquePointer: Int] = [:]
        for (i, a) in assumptions.enumerated() { position[a.raw] = i }
        var out: [Int] = []
        for i in 0..<size {
            let element = try context.make(Z3ASTObject.self) { Z3_ast_vector_get($0, core.raw, i) }
            if let p = position[element.raw] { out.append(p) }
        }
        return out.sorted()
    }

    func model() throws -> Z3Countermodel {
        let model = try context.make(Z3ModelObject.self, "model") { Z3_solver_get_model($0, solver.raw) }
        return try Z3Countermodel.read(model, encoder: encoder)
    }
}
