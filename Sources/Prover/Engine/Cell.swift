// Tagged 64-bit cells: the one representation of terms in the engine's heap, in compiled
// clause code, in findall stores and in answer tables.
//
//   tag (low 3 bits)   payload (high 61 bits)
//   0 ref              heap index; an unbound variable refers to itself
//   1 atom             atom id
//   2 int              signed 61-bit integer (small integers are never boxed)
//   3 str              index of the functor cell (in the heap, or relative to a code base)
//   4 functor          atom id << 16 | arity  (arity < 65,536)
//   5 big              index into the machine's number table (GMP integers, rationals)
//   6 tvar             template variable: number << 1 | first-occurrence flag
//                      (only in compiled code and stores, never in the live heap)

typealias Cell = UInt64

@usableFromInline enum Tag {
    static let ref: UInt64 = 0
    static let atom: UInt64 = 1
    static let int: UInt64 = 2
    static let str: UInt64 = 3
    static let functor: UInt64 = 4
    static let big: UInt64 = 5
    static let tvar: UInt64 = 6
}

@inline(__always) func tagOf(_ c: Cell) -> UInt64 { c & 7 }
@inline(__always) func payload(_ c: Cell) -> Int { Int(truncatingIfNeeded: c >> 3) }
@inline(__always) func makeRef(_ i: Int) -> Cell { UInt64(truncatingIfNeeded: i) << 3 }
@inline(__always) func makeAtom(_ a: Int) -> Cell { UInt64(truncatingIfNeeded: a) << 3 | Tag.atom }
@inline(__always) func makeStr(_ i: Int) -> Cell { UInt64(truncatingIfNeeded: i) << 3 | Tag.str }
@inline(__always) func makeBig(_ i: Int) -> Cell { UInt64(truncatingIfNeeded: i) << 3 | Tag.big }
@inline(__always) func makeInt(_ v: Int) -> Cell { UInt64(bitPattern: Int64(v) << 3) | Tag.int }
@inline(__always) func intValue(_ c: Cell) -> Int { Int(Int64(bitPattern: c) >> 3) }
@inline(__always) func makeFunctor(_ atom: Int, _ arity: Int) -> Cell {
    (UInt64(truncatingIfNeeded: atom) << 16 | UInt64(truncatingIfNeeded: arity)) << 3 | Tag.functor
}
@inline(__always) func functorArity(_ f: Cell) -> Int { Int(truncatingIfNeeded: (f >> 3) & 0xFFFF) }
@inline(__always) func functorAtom(_ f: Cell) -> Int { Int(truncatingIfNeeded: f >> 19) }
@inline(__always) func makeTVar(_ n: Int, first: Bool) -> Cell {
    UInt64(truncatingIfNeeded: n) << 4 | (first ? 8 : 0) | Tag.tvar
}
@inline(__always) func tvarNumber(_ c: Cell) -> Int { Int(truncatingIfNeeded: c >> 4) }
@inline(__always) func tvarIsFirst(_ c: Cell) -> Bool { c & 8 != 0 }

/// Small integers live unboxed in a cell; anything outside this range is a GMP number.
@inline(__always) func fitsSmallInt(_ v: Int) -> Bool { v >= -(1 << 60) && v < (1 << 60) }

/// A growable array of trivial values in manually managed memory: reading and writing it
/// never touches a reference count or an exclusivity check, which keeps the engine's hot
/// loop free of runtime calls.
struct FlatBuffer<Element> {
    var base: UnsafeMutablePointer<Element>
    var count: Int = 0
    var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    @inline(__always) subscript(i: Int) -> Element {
        get { base[i] }
        nonmutating set { base[i] = newValue }
    }

    /// Makes room for `extra` more elements beyond `count`.
    @inline(__always) mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    mutating func grow(to needed: Int) {
        var newCapacity = capacity
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        newBase.moveInitialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    @inline(__always) mutating func append(_ e: Element) {
        if count == capacity { grow(to: count + 1) }
        base[count] = e
        count += 1
    }

    func deallocate() { base.deallocate() }
}
