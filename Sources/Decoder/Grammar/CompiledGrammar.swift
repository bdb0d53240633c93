import Foundation

/// A GBNF grammar compiled to flat rules, ready for incremental matching.
///
/// The design is llama.cpp's: rules become one flat array of elements (see
/// `GrammarElement`), and a match in progress is a set of pushdown stacks, each a list of
/// element positions whose top is the next terminal to match. Repetitions and groups
/// become generated rules (`x*` is `R ::= x R | ε`, right-recursive so stacks do not grow).
/// Left recursion is rejected with an error when the grammar is loaded.
///
/// On top of that, `GrammarAutomaton` memoizes byte transitions between stack sets (a lazy
/// DFA) and token masks per state; it is shared by every matcher of this grammar and is
/// safe to use from several threads.
public final class CompiledGrammar: Sendable {
    /// Default for `maxStackDepth`.
    public static let defaultMaxStackDepth = 4096
    /// Deepest stack a match may build (nesting in the input); beyond it advancing fails
    /// with `GrammarMatchError.limitExceeded`. Each step costs time proportional to the
    /// stack depth, so very deep inputs are quadratic: keep this modest.
    public let maxStackDepth: Int
    /// Most stacks (simultaneous parses) one state may hold.
    public static let maxStacks = 4096
    /// Largest number of elements a compiled grammar may have.
    public static let maxElements = 1_000_000

    /// Names of the rules, user-written first; generated rules are named `parent-N`.
    public let ruleNames: [String]
    let elements: [GrammarElement]
    /// For each rule, the start position of each alternative in `elements`.
    let alternatives: [[Int32]]
    let classes: [GrammarCharacterClass]
    /// Bitmaps over ASCII for each class: bit c of `asciiLow` (c < 64) or `asciiHigh`.
    let asciiLow: [UInt64]
    let asciiHigh: [UInt64]
    let rootRule: Int32
    let automaton: GrammarAutomaton

    /// Parses and compiles GBNF text. `startRule` names the rule a complete text must match.
    public convenience init(source: String, startRule: String = "root",
                            maxStackDepth: Int = CompiledGrammar.defaultMaxStackDepth) throws(GrammarParseError) {
        var parser = GrammarParser(source: source)
        let definitions = try parser.parseRules()
        var builder = GrammarRuleBuilder()
        let rules = try builder.build(definitions, startRule: startRule)
        self.init(rules: rules, maxStackDepth: maxStackDepth)
    }

    /// Reads and compiles a `.gbnf` file.
    public convenience init(contentsOf url: URL, startRule: String = "root",
                            maxStackDepth: Int = CompiledGrammar.defaultMaxStackDepth) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        try self.init(source: text, startRule: startRule, maxStackDepth: maxStackDepth)
    }

    private init(rules: GrammarRuleBuilder.Output, maxStackDepth: Int) {
        self.maxStackDepth = maxStackDepth
        var elements: [GrammarElement] = []
        var alternatives: [[Int32]] = []
        for ruleAlternatives in rules.alternatives {
            var starts: [Int32] = []
            for symbols in ruleAlternatives {
                starts.append(Int32(elements.count))
                elements.append(contentsOf: symbols)
                elements.append(.endOfAlternative)
            }
            alternatives.append(starts)
        }
        self.ruleNames = rules.names
        self.elements = elements
        self.alternatives = alternatives
        self.classes = rules.classes
        var low: [UInt64] = [], high: [UInt64] = []
        for cls in rules.classes {
            var l: UInt64 = 0, h: UInt64 = 0
            for range in cls.ranges where range.lowerBound < 128 {
                for c in range.lowerBound...min(range.upperBound, 127) {
                    if c < 64 { l |= 1 << UInt64(c) } else { h |= 1 << UInt64(c - 64) }
                }
            }
            low.append(l)
            high.append(h)
        }
        self.asciiLow = low
        self.asciiHigh = high
        self.rootRule = rules.root
        self.automaton = GrammarAutomaton()
    }

    /// Number of compiled elements (a size measure for tests and diagnostics).
    public var elementCount: Int { elements.count }

    // MARK: - Stack operations (the pushdown matching itself)

    @inline(__always)
    func classContains(_ index: Int32, _ codePoint: UInt32) -> Bool {
        let i = Int(index)
        if codePoint < 64 { return asciiLow[i] & (1 << UInt64(codePoint)) != 0 }
        if codePoint < 128 { return asciiHigh[i] & (1 << UInt64(codePoint - 64)) != 0 }
        return classes[i].contains(codePoint)
    }

    /// The stacks before any input: the root rule expanded until every top is a terminal.
    func initialStacks() -> [[Int32]]? {
        var result: [[Int32]] = []
        var budget = 100_000
        for start in alternatives[Int(rootRule)] {
            let stack: [Int32] = elements[Int(start)] == .endOfAlternative ? [] : [start]
            guard expand(stack, into: &result, budget: &budget) else { return nil }
        }
        return Self.canonical(result)
    }

    /// Expands `stack` until its top is a character element (or it is empty), pushing every
    /// alternative of each rule on top. Returns false when a bound is exceeded.
    func expand(_ stack: [Int32], into result: inout [[Int32]], budget: inout Int) -> Bool {
        // Common case: the top is already a terminal.
        if let top = stack.last, case .characters = elements[Int(top)] {
            result.append(stack)
            return result.count <= 4 * Self.maxStacks
        }
        var work = [stack]
        while let current = work.popLast() {
            budget -= 1
            // Duplicates are removed later, so allow the raw list some slack.
            if budget < 0 || result.count > 4 * Self.maxStacks { return false }
            guard let top = current.last else { result.append(current); continue }
            switch elements[Int(top)] {
            case .characters:
                result.append(current)
            case .rule(let rule):
                var base = current
                base.removeLast()
                if elements[Int(top) + 1] != .endOfAlternative { base.append(top + 1) }
                if base.count >= maxStackDepth { return false }
                for start in alternatives[Int(rule)] {
                    var next = base
                    if elements[Int(start)] != .endOfAlternative { next.append(start) }
                    work.append(next)
                }
            case .endOfAlternative:
                preconditionFailure("a stack never points at the end of an alternative")
            }
        }
        return true
    }

    /// The stacks after matching `codePoint`; nil when a bound is exceeded. An empty result
    /// means the code point is rejected.
    func advance(_ stacks: [[Int32]], codePoint: UInt32) -> [[Int32]]? {
        var result: [[Int32]] = []
        var budget = 100_000
        for stack in stacks {
            guard let top = stack.last, case .characters(let cls) = elements[Int(top)],
                  classContains(cls, codePoint) else { continue }
            var next = stack
            next.removeLast()
            if elements[Int(top) + 1] != .endOfAlternative { next.append(top + 1) }
            guard expand(next, into: &result, budget: &budget) else { return nil }
        }
        return Self.canonical(result)
    }

    /// Whether some stack's next terminal admits a code point in `lower...upper`.
    func admitsSome(_ stacks: [[Int32]], _ lower: UInt32, _ upper: UInt32) -> Bool {
        for stack in stacks {
            guard let top = stack.last, case .characters(let cls) = elements[Int(top)] else { continue }
            if classes[Int(cls)].intersects(lower, upper) { return true }
        }
        return false
    }

    /// Stacks sorted canonically without duplicates, so equal sets compare and hash
    /// equally; nil when there are more than `maxStacks`.
    static func canonical(_ stacks: [[Int32]]) -> [[Int32]]? {
        if stacks.count <= 1 { return stacks }
        let sorted = stacks.sorted { a, b in
            if a.count != b.count { return a.count < b.count }
            for (x, y) in zip(a, b) where x != y { return x < y }
            return false
        }
        var unique: [[Int32]] = [sorted[0]]
        unique.reserveCapacity(sorted.count)
        for stack in sorted.dropFirst() where stack != unique[unique.count - 1] { unique.append(stack) }
        return unique.count > maxStacks ? nil : unique
    }
}
