/// Atoms the engine itself needs, interned first so that their ids are constants.
enum KnownAtom {
    static let names: [String] = [
        "[]", ".", "true", "fail", ",", "!", ";", "->", "\\+", "call",
        "findall", "$ite", "$nafail", "$fa_add", "=", "\\=", "==", "\\==", "is", "<",
        ">", "=<", ">=", "=:=", "=\\=", "+", "-", "*", "/", "//",
        "mod", "rem", "**", "^", "rdiv", "min", "max", "abs", "sign", "gcd",
        ">>", "<<", "/\\", "\\/", "xor", "\\", "div", "false", "{}", "$tbl_add",
        "$tbl_clauses", "$tbl_done", "not", "succ_or_zero", "inf", "infinite",
    ]
    static let empty = 0, dot = 1, true_ = 2, fail = 3, comma = 4, cut = 5, semicolon = 6
    static let arrow = 7, naf = 8, call = 9, findall = 10, ite = 11, nafail = 12, faAdd = 13
    static let plus = 25, minus = 26, times = 27, slash = 28, intDiv = 29, mod = 30, rem = 31
    static let power = 32, caret = 33, rdiv = 34, min = 35, max = 36, abs = 37, sign = 38, gcd = 39
    static let shiftRight = 40, shiftLeft = 41, bitAnd = 42, bitOr = 43, xor = 44, bitNot = 45, div = 46
    static let false_ = 47, braces = 48, tblAdd = 49, tblClauses = 50, tblDone = 51, not = 52
    static let inf = 54, infinite = 55

    static let dotFunctor = makeFunctor(dot, 2)
    static let commaFunctor = makeFunctor(comma, 2)
    static let arrowFunctor = makeFunctor(arrow, 2)
    static let iteFunctor = makeFunctor(ite, 1)
    static let nafailFunctor = makeFunctor(nafail, 1)
    static let faAddFunctor = makeFunctor(faAdd, 2)
    static let emptyList = makeAtom(empty)
}
