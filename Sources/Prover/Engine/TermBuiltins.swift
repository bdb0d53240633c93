import Foundation
/// functor/3, arg/3, =../2 and the atom/text conversions.
extension PrologMachine {
    func functorBuiltin(_ t0: Cell, _ n: Cell, _ a: Cell, _ frame: Int) throws -> Bool {
        let t = deref(t0)
        switch tagOf(t) {
        case Tag.str:
            let f = st.pointee.heap.base[payload(t)]
            return unify(n, makeAtom(functorAtom(f))) && unify(a, makeInt(functorArity(f)))
        case Tag.ref:
            let name = deref(n), arity = deref(a)
            if tagOf(name) == Tag.ref || tagOf(arity) == Tag.ref { throw error("instantiation_error", frame) }
            guard tagOf(arity) == Tag.int else { throw error("type_error(integer, \(format(arity, quoted: true)))", frame) }
            let k = intValue(arity)
            if k < 0 { throw error("domain_error(not_less_than_zero, \(k))", frame) }
            if k == 0 { return unify(t, name) }
            if tagOf(name) == Tag.str { throw error("type_error(atomic, \(format(name, quoted: true)))", frame) }
            guard tagOf(name) == Tag.atom else { throw error("type_error(atom, \(format(name, quoted: true)))", frame) }
            if k >= 65536 { throw error("representation_error(max_arity)", frame) }
            try ensureHeap(k + 1)
            let h = st.pointee.heap.count
            st.pointee.heap.count = h + k + 1
            st.pointee.heap.base[h] = makeFunctor(payload(name), k)
            for i in 1...k { st.pointee.heap.base[h + i] = makeRef(h + i) }
            return unify(t, makeStr(h))
        default:
            return unify(n, t) && unify(a, makeInt(0))
        }
    }

    func argBuiltin(_ n0: Cell, _ t0: Cell, _ a: Cell, _ frame: Int) throws -> Bool {
        let n = deref(n0), t = deref(t0)
        if tagOf(n) == Tag.ref || tagOf(t) == Tag.ref { throw error("instantiation_error", frame) }
        guard tagOf(n) == Tag.int else { throw error("type_error(integer, \(format(n, quoted: true)))", frame) }
        guard tagOf(t) == Tag.str else { throw error("type_error(compound, \(format(t, quoted: true)))", frame) }
        let i = intValue(n)
        let p = payload(t)
        let k = functorArity(st.pointee.heap.base[p])
        if i < 1 || i > k { return false }
        return unify(a, st.pointee.heap.base[p + i])
    }

    func univBuiltin(_ t0: Cell, _ l: Cell, _ frame: Int) throws -> Bool {
        let t = deref(t0)
        switch tagOf(t) {
        case Tag.str:
            let p = payload(t)
            let f = st.pointee.heap.base[p]
            var items = [makeAtom(functorAtom(f))]
            for i in 1...functorArity(f) { items.append(st.pointee.heap.base[p + i]) }
            return unify(l, try makeList(items))
        case Tag.ref:
            guard let items = try properList(l, frame) else { throw error("instantiation_error", frame) }
            guard let head = items.first else { throw error("domain_error(non_empty_list, [])", frame) }
            let h = deref(head)
            if items.count == 1 { return unify(t, h) }
            if tagOf(h) == Tag.ref { throw error("instantiation_error", frame) }
            guard tagOf(h) == Tag.atom else { throw error("type_error(atom, \(format(h, quoted: true)))", frame) }
            try ensureHeap(items.count + 1)
            return unify(t, structure(makeFunctor(payload(h), items.count - 1), Array(items.dropFirst())))
        default:
            return unify(l, try makeList([t]))
        }
    }

    /// The elements of a proper list; nil when the list is partial; a type error when it
    /// is not a list.
    func properList(_ l0: Cell, _ frame: Int) throws -> [Cell]? {
        var items: [Cell] = []
        var l = deref(l0)
        while tagOf(l) == Tag.str && st.pointee.heap.base[payload(l)] == KnownAtom.dotFunctor {
            items.append(st.pointee.heap.base[payload(l) + 1])
            l = deref(st.pointee.heap.base[payload(l) + 2])
        }
        if tagOf(l) == Tag.ref { return nil }
        if l != KnownAtom.emptyList { throw error("type_error(list, \(format(l0, quoted: true, maxDepth: 8)))", frame) }
        return items
    }

    /// The text of an atom or number, or nil for a variable.
    func text(_ c0: Cell, _ frame: Int) throws -> String? {
        let c = deref(c0)
        switch tagOf(c) {
        case Tag.ref: return nil
        case Tag.atom: return atomNames[payload(c)]
        case Tag.int, Tag.big: return numeric(c).description
        default: throw error("type_error(atomic, \(format(c, quoted: true)))", frame)
        }
    }

    func codes(_ l: Cell, _ frame: Int, chars: Bool) throws -> String? {
        guard let items = try properList(l, frame) else { return nil }
        var s = ""
        for x0 in items {
            let x = deref(x0)
            if chars {
                guard tagOf(x) == Tag.atom, atomNames[payload(x)].unicodeScalars.count == 1 else {
                    if tagOf(x) == Tag.ref { return nil }
                    throw error("type_error(character, \(format(x, quoted: true)))", frame)
                }
                s += atomNames[payload(x)]
            } else {
                guard tagOf(x) == Tag.int, let u = Unicode.Scalar(UInt32(clamping: max(0, intValue(x)))) else {
                    if tagOf(x) == Tag.ref { return nil }
                    throw error("representation_error(character_code)", frame)
                }
                s.unicodeScalars.append(u)
            }
        }
        return s
    }

    func parseNumber(_ s: String) -> Cell? {
        let trimmed = s.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, let r = try? PrologReader.readTerm(trimmed) else { return nil }
        if case .integer(let digits) = r.term { return numberCell(digits) }
        return nil
    }

    func textBuiltin(_ b: Builtin, args: Int, frame: Int) throws -> Bool {
        func arg(_ i: Int) -> Cell { st.pointee.heap.base[args + i] }
        switch b {
        case .atomCodes, .atomChars:
            let chars = b == .atomChars
            if let s = try text(arg(1), frame) {
                let items = s.unicodeScalars.map { chars ? makeAtom(atom(String($0))) : makeInt(Int($0.value)) }
                return unify(arg(2), try makeList(items))
            }
            guard let s = try codes(arg(2), frame, chars: chars) else { throw error("instantiation_error", frame) }
            return unify(arg(1), makeAtom(atom(s)))
        case .numberCodes:
            if let s = try text(arg(1), frame) {
                return unify(arg(2), try makeList(s.unicodeScalars.map { makeInt(Int($0.value)) }))
            }
            guard let s = try codes(arg(2), frame, chars: false) else { throw error("instantiation_error", frame) }
            guard let n = parseNumber(s) else { throw error("syntax_error(illegal_number)", frame) }
            return unify(arg(1), n)
        case .atomLength:
            guard let s = try text(arg(1), frame) else { throw error("instantiation_error", frame) }
            return unify(arg(2), makeInt(s.unicodeScalars.count))
        case .charCode:
            let c = deref(arg(1))
            if tagOf(c) == Tag.atom { return unify(arg(2), makeInt(Int(atomNames[payload(c)].unicodeScalars.first?.value ?? 0))) }
            let k = deref(arg(2))
            guard tagOf(k) == Tag.int, let u = Unicode.Scalar(UInt32(clamping: max(0, intValue(k)))) else { throw error("instantiation_error", frame) }
            return unify(c, makeAtom(atom(String(u))))
        case .atomNumber:
            guard let s = try text(arg(1), frame) else {
                guard let t = try text(arg(2), frame) else { throw error("instantiation_error", frame) }
                return unify(arg(1), makeAtom(atom(t)))
            }
            guard let n = parseNumber(s) else { return false }
            return unify(arg(2), n)
        case .atomConcat:
            guard let x = try text(arg(1), frame), let y = try text(arg(2), frame) else {
                guard let z = try text(arg(3), frame) else { throw error("instantiation_error", frame) }
                // Mode (-, -, +) enumerates splits through a choice point-free list: only
                // the split consistent with bound arguments is taken.
                let scalars = Array(z.unicodeScalars)
                for i in 0...scalars.count {
                    var a = "", b = ""
                    a.unicodeScalars.append(contentsOf: scalars[..<i])
                    b.unicodeScalars.append(contentsOf: scalars[i...])
                    let mark = st.pointee.trail.count
                    let savedHB = st.pointee.hb
                    st.pointee.hb = st.pointee.heap.count
                    let ok = unify(arg(1), makeAtom(atom(a))) && unify(arg(2), makeAtom(atom(b)))
                    st.pointee.hb = savedHB
                    if ok { return true }
                    untrail(to: mark)
                }
                return false
            }
            return unify(arg(3), makeAtom(atom(x + y)))
        default:
            return false
        }
    }
}
