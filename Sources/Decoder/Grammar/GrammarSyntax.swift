/// A parsed (not yet compiled) GBNF expression.
indirect enum GrammarExpression: Sendable {
    case alternation([GrammarExpression])
    case sequence([GrammarExpression])
    /// Exactly one code point from the class.
    case characters(GrammarCharacterClass)
    case reference(name: String, line: Int, column: Int)
    /// `min` to `max` (nil: unbounded) copies of the expression.
    case repetition(GrammarExpression, min: Int, max: Int?, line: Int, column: Int)
}

/// One `name ::= body` definition, with where its name stands.
struct GrammarRuleDefinition: Sendable {
    var name: String
    var line: Int
    var column: Int
    var body: GrammarExpression
}
