import CZ3

/// One Z3 context made with `Z3_mk_context_rc`, with the bridge's error discipline.
///
/// Z3 contexts are not thread-safe, so a context belongs to one solve call (or one object)
/// and is never shared across threads; the type is deliberately not `Sendable`.
///
/// Error discipline: the context's error handler does nothing, so Z3 never exits the
/// process; instead `call`, `make` and `check` read `Z3_get_error_code` after every call and
/// throw `Z3Error` with Z3's message. This is the one place where Z3 errors become Swift
/// errors.
///
/// Lifetime: every `Z3Handle` keeps its context alive, so `Z3_del_context` runs only after
/// every handle of the context has given back its reference.
final class Z3Context {
    let raw: Z3_context

    init() throws {
        guard let config = Z3_mk_config() else {
            throw Z3Error(kind: .missingResult, message: "Z3_mk_config")
        }
        defer { Z3_del_config(config) }
        Z3_set_param_value(config, "model", "true")
        guard let context = Z3_mk_context_rc(config) else {
            throw Z3Error(kind: .missingResult, message: "Z3_mk_context_rc")
        }
        // A handler that does nothing: errors are read back from the error code.
        Z3_set_error_handler(context) { _, _ in }
        raw = context
    }

    deinit { Z3_del_context(raw) }

    /// Throws the error Z3 recorded for the last call, if any.
    func check() throws {
        let code = Z3_get_error_code(raw)
        guard code != Z3_OK else { return }
        let message = Z3_get_error_msg(raw, code).map { String(cString: $0) } ?? "unknown error"
        throw Z3Error(kind: .z3(code: code.rawValue), message: message)
    }

    /// Runs one Z3 call and checks its error code.
    func call<T>(_ body: (Z3_context) -> T) throws -> T {
        let result = body(raw)
        try check()
        return result
    }

    /// Runs one Z3 call that returns a string, copying the string before any other call
    /// can overwrite Z3's buffer.
    func string(_ body: (Z3_context) -> UnsafePointer<CChar>?) throws -> String {
        let pointer = body(raw)
        let text = pointer.map { String(cString: $0) }
        try check()
        guard let text else { throw Z3Error(kind: .missingResult, message: "string") }
        return text
    }

    /// Runs one Z3 call that makes an object, checks the error code, and wraps the object
    /// in a handle that holds one reference to it.
    func make<Kind: Z3ReferenceCounted>(
        _ kind: Kind.Type, _ what: @autoclosure () -> String = "object",
        _ body: (Z3_context) -> OpaquePointer?
    ) throws -> Z3Handle<Kind> {
        let pointer = body(raw)
        try check()
        guard let pointer else { throw Z3Error(kind: .missingResult, message: what()) }
        return Z3Handle(context: self, raw: pointer)
    }

    func symbol(_ name: String) throws -> Z3_symbol {
        let symbol = Z3_mk_string_symbol(raw, name)
        try check()
        guard let symbol else { throw Z3Error(kind: .missingResult, message: "symbol \(name)") }
        return symbol
    }
}
