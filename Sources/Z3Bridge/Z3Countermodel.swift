import CZ3

/// A model Z3 found, as Z3's own text and in a structured form over the source names.
///
/// Elements of the universe `U` are Z3's names for them (`U!val!0`, ...). Predicate and
/// function tables are enumerated over the universe only while that takes at most
/// `Z3Countermodel.enumerationLimit` evaluations in all; `isComplete` is false when a
/// table was left out.
public struct Z3Countermodel: Hashable, Sendable {
    /// `Z3_model_to_string` (symbol names as in the SMT-LIB2 export).
    public var text: String
    /// The elements of `U`.
    public var universe: [String]
    /// Each constant (and free variable) by source name, with the element it denotes;
    /// 0-ary predicates appear with `true` or `false`.
    public var constants: [String: String]
    /// The atoms that hold, e.g. `Dog(U!val!0)`, sorted.
    public var trueAtoms: [String]
    /// Function values, e.g. `f(U!val!0) = U!val!1`, sorted.
    public var functionValues: [String]
    /// False when some table was too large to enumerate.
    public var isComplete: Bool

    public static let enumerationLimit = 10_000

    public init(text: String, universe: [String], constants: [String: String], trueAtoms: [String],
                functionValues: [String], isComplete: Bool) {
        self.text = text; self.universe = universe; self.constants = constants
        self.trueAtoms = trueAtoms; self.functionValues = functionValues; self.isComplete = isComplete
    }

    /// Reads a model of `encoder`'s symbols.
    static func read(_ model: Z3Model, encoder: FormulaEncoder) throws -> Z3Countermodel {
        let context = encoder.context
        let text = try withExtendedLifetime(model) { try context.string { Z3_model_to_string($0, model.raw) } }
        var elements: [Z3AST] = []
        let sortCount = try context.call { Z3_model_get_num_sorts($0, model.raw) }
        for i in 0..<sortCount {
            let sort = try context.make(Z3SortObject.self) { Z3_model_get_sort($0, model.raw, i) }
            let isUniverse = try context.call { Z3_is_eq_sort($0, sort.raw, encoder.universe.raw) }
            guard isUniverse else { continue }
            let vector = try context.make(Z3ASTVectorObject.self) { Z3_model_get_sort_universe($0, model.raw, sort.raw) }
            let size = try context.call { Z3_ast_vector_size($0, vector.raw) }
            for j in 0..<size {
                elements.append(try context.make(Z3ASTObject.self) { Z3_ast_vector_get($0, vector.raw, j) })
            }
        }
        let names = try elements.map { e in try context.string { Z3_ast_to_string($0, e.raw) } }

        var constants: [String: String] = [:]
        var atoms: [String] = []
        var values: [String] = []
        var budget = enumerationLimit
        var complete = true
        for key in encoder.symbols.keys {
            let decl = try encoder.declaration(key)
            if key.arity == 0 {
                let value = try evaluate(model, decl, [], context: context)
                constants[key.name] = value
                continue
            }
            let count = elements.isEmpty ? 0 : power(elements.count, key.arity, cap: budget + 1)
            guard count <= budget else { complete = false; continue }
            budget -= count
            var tuple = [Int](repeating: 0, count: key.arity)
            for _ in 0..<count {
                let args = tuple.map { elements[$0] }
                let value = try evaluate(model, decl, args, context: context)
                let call = key.name + "(" + tuple.map { names[$0] }.joined(separator: ", ") + ")"
                if key.role == .predicate {
                    if value == "true" { atoms.append(call) }
                } else {
                    values.append(call + " = " + value)
                }
                // next tuple (odometer)
                var position = key.arity - 1
                while position >= 0 {
                    tuple[position] += 1
                    if tuple[position] < elements.count { break }
                    tuple[position] = 0
                    position -= 1
                }
            }
        }
        return Z3Countermodel(text: text, universe: names, constants: constants, trueAtoms: atoms.sorted(),
                              functionValues: values.sorted(), isComplete: complete)
    }

    private static func power(_ base: Int, _ exponent: Int, cap: Int) -> Int {
        var result = 1
        for _ in 0..<exponent {
            result = result.multipliedReportingOverflow(by: base).partialValue
            if result > cap || result < 0 { return cap }
        }
        return result
    }

    private static func evaluate(_ model: Z3Model, _ decl: Z3FuncDecl, _ args: [Z3AST], context: Z3Context) throws -> String {
        let raws: [Z3_ast?] = args.map { $0.raw }
        let term = try withExtendedLifetime(args) {
            try raws.withUnsafeBufferPointer { buffer in
                try context.make(Z3ASTObject.self) { Z3_mk_app($0, decl.raw, UInt32(buffer.count), buffer.baseAddress) }
            }
        }
        var out: Z3_ast? = nil
        let ok = try withExtendedLifetime((model, term)) {
            try context.call { Z3_model_eval($0, model.raw, term.raw, true, &out) }
        }
        guard ok, let out else { return "?" }
        let value = Z3AST(context: context, raw: out)
        return try withExtendedLifetime(value) { try context.string { Z3_ast_to_string($0, value.raw) } }
    }
}
