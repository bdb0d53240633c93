/// An error from the Z3 bridge: either Z3 itself reported one (with Z3's own message), or
/// the input cannot be given to Z3 (for example, it nests too deeply).
///
/// Every Z3 call the bridge makes is followed by a check of Z3's error code, and a code
/// other than `Z3_OK` becomes this error (see `Z3Context.check()`). Z3's default error
/// handler, which exits the process, is never in effect.
public struct Z3Error: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        /// Z3 set this error code (the raw value of `Z3_error_code`).
        case z3(code: UInt32)
        /// A formula or term nests deeper than `Z3Entailment.maxNesting`.
        case nestingTooDeep
        /// Z3 returned no object although it reported no error.
        case missingResult
    }

    public var kind: Kind
    public var message: String

    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String {
        switch kind {
        case .z3(let code): return "Z3 error \(code): \(message)"
        case .nestingTooDeep: return "nesting too deep: \(message)"
        case .missingResult: return "Z3 returned no result: \(message)"
        }
    }
}
