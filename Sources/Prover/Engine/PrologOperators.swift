/// The standard operator table (ISO plus SWI-Prolog's common additions).
struct PrologOperators {
    enum Kind { case xfx, xfy, yfx, fy, fx }
    struct Definition { var priority: Int; var kind: Kind }

    var infix: [String: Definition] = [:]
    var prefix: [String: Definition] = [:]

    static let standard: PrologOperators = {
        var t = PrologOperators()
        for op in [":-", "-->"] { t.infix[op] = .init(priority: 1200, kind: .xfx) }
        for op in [":-", "?-"] { t.prefix[op] = .init(priority: 1200, kind: .fx) }
        for op in ["dynamic", "table", "initialization", "discontiguous"] { t.prefix[op] = .init(priority: 1150, kind: .fx) }
        t.infix[";"] = .init(priority: 1100, kind: .xfy)
        t.infix["|"] = .init(priority: 1100, kind: .xfy)
        t.infix["->"] = .init(priority: 1050, kind: .xfy)
        t.infix["*->"] = .init(priority: 1050, kind: .xfy)
        t.infix[","] = .init(priority: 1000, kind: .xfy)
        t.prefix["\\+"] = .init(priority: 900, kind: .fy)
        for op in ["=", "\\=", "==", "\\==", "@<", "@>", "@=<", "@>=", "=..", "=@=", "\\=@=", "is", "=:=", "=\\=", "<", ">", "=<", ">="] {
            t.infix[op] = .init(priority: 700, kind: .xfx)
        }
        t.infix[":"] = .init(priority: 200, kind: .xfy)
        for op in ["+", "-", "/\\", "\\/", "xor"] { t.infix[op] = .init(priority: 500, kind: .yfx) }
        for op in ["*", "/", "//", "rem", "mod", "div", "rdiv", "<<", ">>"] { t.infix[op] = .init(priority: 400, kind: .yfx) }
        t.infix["**"] = .init(priority: 200, kind: .xfx)
        t.infix["^"] = .init(priority: 200, kind: .xfy)
        for op in ["-", "+", "\\"] { t.prefix[op] = .init(priority: 200, kind: .fy) }
        return t
    }()
}
