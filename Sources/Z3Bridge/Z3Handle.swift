import CZ3

/// How one kind of Z3 object counts references. Every handle the bridge holds is one of
/// these kinds, so one scheme covers them all: increment on wrap, decrement on release.
protocol Z3ReferenceCounted {
    static func incrementReference(_ context: Z3_context, _ object: OpaquePointer)
    static func decrementReference(_ context: Z3_context, _ object: OpaquePointer)
}

enum Z3ASTObject: Z3ReferenceCounted {
    static func incrementReference(_ c: Z3_context, _ o: OpaquePointer) { Z3_inc_ref(c, o) }
    static func decrementReference(_ c: Z3_context, _ o: OpaquePointer) { Z3_dec_ref(c, o) }
}

/// Sorts are ASTs in Z3 and need references too under `Z3_mk_context_rc`.
enum Z3SortObject: Z3ReferenceCounted {
    static func incrementReference(_ c: Z3_context, _ o: OpaquePointer) { Z3_inc_ref(c, Z3_sort_to_ast(c, o)) }
    static func decrementReference(_ c: Z3_context, _ o: OpaquePointer) { Z3_dec_ref(c, Z3_sort_to_ast(c, o)) }
}

/// Function declarations are ASTs in Z3 and need references too.
enum Z3FuncDeclObject: Z3ReferenceCounted {
    static func incrementReference(_ c: Z3_context, _ o: OpaquePointer) { Z3_inc_ref(c, Z3_func_decl_to_ast(c, o)) }
    static func decrementReference(_ c: Z3_context, _ o: OpaquePointer) { Z3_dec_ref(c, Z3_func_decl_to_ast(c, o)) }
}

enum Z3ModelObject: Z3ReferenceCounted {
    static func incrementReference(_ c: Z3_context, _ o: OpaquePointer) { Z3_model_inc_ref(c, o) }
    static func decrementReference(_ c: Z3_context, _ o: OpaquePointer) { Z3_model_dec_ref(c, o) }
}

enum Z3SolverObject: Z3ReferenceCounted {
    static func incrementReference(_ c: Z3_context, _ o: OpaquePointer) { Z3_solver_inc_ref(c, o) }
    static func decrementReference(_ c: Z3_context, _ o: OpaquePointer) { Z3_solver_dec_ref(c, o) }
}

enum Z3ParamsObject: Z3ReferenceCounted {
    static func incrementReference(_ c: Z3_context, _ o: OpaquePointer) { Z3_params_inc_ref(c, o) }
    static func decrementReference(_ c: Z3_context, _ o: OpaquePointer) { Z3_params_dec_ref(c, o) }
}

enum Z3ASTVectorObject: Z3ReferenceCounted {
    static func incrementReference(_ c: Z3_context, _ o: OpaquePointer) { Z3_ast_vector_inc_ref(c, o) }
    static func decrementReference(_ c: Z3_context, _ o: OpaquePointer) { Z3_ast_vector_dec_ref(c, o) }
}

/// One reference to a Z3 object: taken when the handle is made, given back when the handle
/// is released. The handle keeps its context alive, so the context is deleted last.
///
/// Use `raw` only while the handle is alive (`withExtendedLifetime` where the optimizer
/// could end its life early).
final class Z3Handle<Kind: Z3ReferenceCounted> {
    let context: Z3Context
    let raw: OpaquePointer

    init(context: Z3Context, raw: OpaquePointer) {
        self.context = context
        self.raw = raw
        Kind.incrementReference(context.raw, raw)
    }

    deinit { Kind.decrementReference(context.raw, raw) }
}

typealias Z3AST = Z3Handle<Z3ASTObject>
typealias Z3Sort = Z3Handle<Z3SortObject>
typealias Z3FuncDecl = Z3Handle<Z3FuncDeclObject>
typealias Z3Model = Z3Handle<Z3ModelObject>
typealias Z3Solver = Z3Handle<Z3SolverObject>
typealias Z3Params = Z3Handle<Z3ParamsObject>
typealias Z3ASTVector = Z3Handle<Z3ASTVectorObject>
