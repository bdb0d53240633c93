extension FOLParser {
    /// Where ∧ and ∨ (or ⊕) meet at one parenthesis level with no parentheses to say which
    /// binds tighter, e.g. `A ∧ B ∨ C`: the position of the operator that completes each
    /// mix. The documented precedence decides (∧ binds tighter; grammars/fol.ebnf), but
    /// annotators often meant the other reading, so callers report such formulas as
    /// ambiguous rather than silently trusting either reading. `→` and `↔` start a new
    /// operand, so `A ∧ B → C ∨ D` is not a mix.
    public static func unparenthesizedAndOrMixes(_ text: String) -> [SourcePosition] {
        struct Level { var sawAnd = false; var sawOr = false; var reported = false }
        var levels = [Level()]
        var mixes: [SourcePosition] = []
        for token in FOLLexer(dialect: .standard).tokenize(text) {
            switch token.kind {
            case .leftParen, .leftBracket:
                levels.append(Level())
            case .rightParen, .rightBracket:
                if levels.count > 1 { levels.removeLast() }
            case .implies, .iff, .longIff, .reverseImplies, .comma:
                levels[levels.count - 1] = Level()
            case .and, .caret, .or, .xor:
                var level = levels[levels.count - 1]
                if token.kind == .or || token.kind == .xor { level.sawOr = true } else { level.sawAnd = true }
                if level.sawAnd && level.sawOr && !level.reported {
                    level.reported = true
                    mixes.append(token.position)
                }
                levels[levels.count - 1] = level
            default:
                break
            }
        }
        return mixes
    }
}
