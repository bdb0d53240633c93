/// One slot of a compiled grammar's flat element array. Each rule is a list of
/// alternatives; each alternative is a run of `.characters`/`.rule` elements closed by
/// `.endOfAlternative`. A matcher stack holds indices into this array.
enum GrammarElement: Hashable, Sendable {
    /// Match one code point from `CompiledGrammar.classes[index]`.
    case characters(Int32)
    /// Match rule number `index`.
    case rule(Int32)
    case endOfAlternative
}
