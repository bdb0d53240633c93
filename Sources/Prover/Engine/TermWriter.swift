/// Writing heap terms as text, with operators, list notation and (optionally) quotes.
extension PrologMachine {
    /// Formats a heap term. `quoted` quotes atoms that need it (writeq); `spacing` puts a
    /// space after argument commas (the top level's style); `varNames` names variables by
    /// heap index (others print as `_G123`). Terms deeper than `maxDepth` print `...`.
    func format(_ c: Cell, quoted: Bool, ignoreOps: Bool = false, spacing: Bool = false,
                varNames: [Int: String] = [:], maxDepth: Int = 3_000) -> String {
        var out = ""
        var budget = 1_000_000
        write(c, prec: 1200, quoted: quoted, ignoreOps: ignoreOps, spacing: spacing, varNames: varNames,
              depth: maxDepth, budget: &budget, into: &out)
        return out
    }

    private func write(_ c0: Cell, prec: Int, quoted: Bool, ignoreOps: Bool, spacing: Bool,
                       varNames: [Int: String], depth: Int, budget: inout Int, into out: inout String) {
        let c = deref(c0)
        budget -= 1
        if depth <= 0 || budget <= 0 { out += "..."; return }
        let sep = spacing ? ", " : ","
        func sub(_ x: Cell, _ p: Int, _ o: inout String) {
            write(x, prec: p, quoted: quoted, ignoreOps: ignoreOps, spacing: spacing, varNames: varNames,
                  depth: depth - 1, budget: &budget, into: &o)
        }
        switch tagOf(c) {
        case Tag.ref:
            out += varNames[payload(c)] ?? "_G\(payload(c))"
        case Tag.int:
            out += String(intValue(c))
        case Tag.big:
            out += numbers[payload(c)].description
        case Tag.atom:
            let name = atomNames[payload(c)]
            let text = quoted ? quoteAtom(name) : name
            let isOp = PrologOperators.standard.infix[name] != nil || PrologOperators.standard.prefix[name] != nil
            if isOp && prec < 1200 && name != "[]" && name != "{}" && !ignoreOps && (PrologOperators.standard.infix[name]?.priority ?? PrologOperators.standard.prefix[name]!.priority) > prec {
                out += "(" + text + ")"
            } else {
                out += text
            }
        case Tag.tvar:
            out += "_T\(tvarNumber(c))"
        default:
            let p = payload(c)
            let heap = st.pointee.heap.base
            let f = heap[p]
            let n = functorArity(f)
            let name = functorName(f)
            if f == KnownAtom.dotFunctor {
                out += "["
                sub(heap[p + 1], 999, &out)
                var t = deref(st.pointee.heap.base[p + 2])
                var count = 0
                while tagOf(t) == Tag.str && st.pointee.heap.base[payload(t)] == KnownAtom.dotFunctor {
                    count += 1
                    if count > 100_000 || budget <= 0 { out += "|..."; break }
                    out += sep
                    sub(st.pointee.heap.base[payload(t) + 1], 999, &out)
                    t = deref(st.pointee.heap.base[payload(t) + 2])
                }
                if t != KnownAtom.emptyList && count <= 100_000 {
                    out += "|"
                    sub(t, 999, &out)
                }
                out += "]"
                return
            }
            if name == "{}" && n == 1 && !ignoreOps {
                out += "{"
                sub(heap[p + 1], 1200, &out)
                out += "}"
                return
            }
            if !ignoreOps, n == 2, let def = PrologOperators.standard.infix[name] {
                let lp = def.kind == .yfx ? def.priority : def.priority - 1
                let rp = def.kind == .xfy ? def.priority : def.priority - 1
                let open = def.priority > prec
                if open { out += "(" }
                sub(heap[p + 1], lp, &out)
                let opText = quoted ? quoteAtom(name) : name
                if name == "," {
                    out += ","
                } else if opText.first!.isLetter {
                    out += " " + opText + " "
                } else {
                    out += opText
                }
                var right = ""
                sub(st.pointee.heap.base[p + 2], rp, &right)
                if let l = out.last, let r = right.first, PrologReader.isSymbolChar(l.unicodeScalars.first!) && PrologReader.isSymbolChar(r.unicodeScalars.first!) {
                    out += " "
                }
                out += right
                if open { out += ")" }
                return
            }
            if !ignoreOps, n == 1, let def = PrologOperators.standard.prefix[name] {
                let ap = def.kind == .fy ? def.priority : def.priority - 1
                let open = def.priority > prec
                if open { out += "(" }
                let opText = quoted ? quoteAtom(name) : name
                out += opText
                var arg = ""
                sub(heap[p + 1], ap, &arg)
                let argIsNumber = tagOf(deref(heap[p + 1])) == Tag.int || tagOf(deref(heap[p + 1])) == Tag.big
                if let r = arg.first, opText.first!.isLetter || argIsNumber || PrologReader.isSymbolChar(r.unicodeScalars.first!) { out += " " }
                out += arg
                if open { out += ")" }
                return
            }
            out += quoted ? quoteAtom(name) : name
            out += "("
            for i in 1...n {
                if i > 1 { out += sep }
                sub(st.pointee.heap.base[p + i], 999, &out)
            }
            out += ")"
        }
    }

    /// `name` as writeq writes it: bare when it is a plain identifier, a symbol-char
    /// sequence or a solo atom, otherwise in single quotes with escapes.
    func quoteAtom(_ name: String) -> String {
        if name == "[]" || name == "!" || name == ";" || name == "{}" || name == "," && false { return name }
        let scalars = Array(name.unicodeScalars)
        if let first = scalars.first {
            if first.properties.isLowercase && scalars.allSatisfy({ PrologReader.isAlnum($0) }) { return name }
            if scalars.allSatisfy({ PrologReader.isSymbolChar($0) }) { return name }
        }
        var s = "'"
        for u in scalars {
            switch u {
            case "'": s += "\\'"
            case "\\": s += "\\\\"
            case "\n": s += "\\n"
            case "\t": s += "\\t"
            default: s.unicodeScalars.append(u)
            }
        }
        return s + "'"
    }

    /// Standard order of terms: variables < numbers < atoms < compound terms; compounds
    /// by arity, then name, then arguments left to right. Cyclic or extremely deep terms
    /// are compared only up to a bound (beyond it they count as equal).
    func compareTerms(_ a0: Cell, _ b0: Cell) -> Int {
        var budget = 50_000_000
        return compareTerms(a0, b0, depth: 0, budget: &budget)
    }

    private func compareTerms(_ a0: Cell, _ b0: Cell, depth: Int, budget: inout Int) -> Int {
        var a = deref(a0), b = deref(b0)
        while true {
            budget -= 1
            if budget <= 0 || depth > 200_000 { return 0 }
            if a == b { return 0 }
            let ra = rank(a), rb = rank(b)
            if ra != rb { return ra < rb ? -1 : 1 }
            switch ra {
            case 0: return payload(a) < payload(b) ? -1 : 1
            case 1:
                return Numeric.compare(numeric(a), numeric(b))
            case 2:
                let x = atomNames[payload(a)], y = atomNames[payload(b)]
                return x == y ? 0 : (x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars) ? -1 : 1)
            default:
                let heap = st.pointee.heap.base
                let pa = payload(a), pb = payload(b)
                let fa = heap[pa], fb = heap[pb]
                if fa != fb {
                    if functorArity(fa) != functorArity(fb) { return functorArity(fa) < functorArity(fb) ? -1 : 1 }
                    let x = functorName(fa), y = functorName(fb)
                    return x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars) ? -1 : 1
                }
                let n = functorArity(fa)
                for i in 1..<n {
                    let c = compareTerms(heap[pa + i], heap[pb + i], depth: depth + 1, budget: &budget)
                    if c != 0 { return c }
                }
                a = deref(heap[pa + n]); b = deref(heap[pb + n])
            }
        }
    }

    private func rank(_ c: Cell) -> Int {
        switch tagOf(c) {
        case Tag.ref: return 0
        case Tag.int, Tag.big: return 1
        case Tag.atom: return 2
        default: return 3
        }
    }

    func numeric(_ c: Cell) -> Numeric {
        tagOf(c) == Tag.int ? .int(intValue(c)) : numbers[payload(c)]
    }
}
