import Logic

/// A proof of one literal: which premise justified it and the literals it was derived from.
///
/// Leaves are facts (`premise` is the fact's index and there are no children). An inner
/// node applies the rule at `premise` to the proofs of its body literals; when the rule
/// was used backwards (modus tollens: from `A → B` and `¬B` conclude `¬A`) `step` is
/// `.contrapositive`.
public struct DerivationTree: Hashable, Sendable, CustomStringConvertible {
    /// How a node's literal was obtained.
    public enum Step: String, Hashable, Sendable {
        /// a premise that is itself the literal (or a universally quantified literal)
        case fact
        /// a rule applied forwards: its body held, so its head holds
        case rule
        /// a rule applied backwards: its head is false, so one body literal is false
        case contrapositive
        /// the conclusion's negation, assumed for a refutation
        case assumption
        /// closed world: a negative literal that holds because its atom is not derivable
        case notDerivable
    }

    public var literal: SignedLiteral
    /// Index into the premises; nil for an `.assumption`.
    public var premise: Int?
    public var step: Step
    public var children: [DerivationTree]

    public init(literal: SignedLiteral, premise: Int?, step: Step, children: [DerivationTree] = []) {
        self.literal = literal
        self.premise = premise
        self.step = step
        self.children = children
    }

    /// Every premise index used anywhere in the tree, sorted, without repeats.
    public var premisesUsed: [Int] {
        var seen = Set<Int>()
        var stack = [self]
        while let node = stack.popLast() {
            if let p = node.premise { seen.insert(p) }
            stack.append(contentsOf: node.children)
        }
        return seen.sorted()
    }

    /// The number of nodes.
    public var size: Int {
        var n = 0
        var stack = [self]
        while let node = stack.popLast() { n += 1; stack.append(contentsOf: node.children) }
        return n
    }

    /// An indented rendering, one literal per line with its justification.
    public var description: String {
        var lines: [String] = []
        var stack: [(DerivationTree, Int)] = [(self, 0)]
        while let (node, depth) = stack.popLast() {
            let why = node.premise.map { "premise \($0)" } ?? "assumed"
            lines.append(String(repeating: "  ", count: depth) + "\(node.literal)   [\(node.step.rawValue), \(why)]")
            for child in node.children.reversed() { stack.append((child, depth + 1)) }
        }
        return lines.joined(separator: "\n")
    }
}
