import Foundation
import Logic
import Prover
import Z3Bridge

/// Text renderings of the provers' certificates, with premises numbered as in the problem
/// (counted from 1).
enum CertificateRendering {
    /// One literal a line, indented by depth, each with the premise that justified it.
    static func proof(_ tree: DerivationTree, premiseNumber: (Int) -> Int) -> String {
        var lines: [String] = []
        var stack: [(DerivationTree, Int)] = [(tree, 0)]
        while let (node, depth) = stack.popLast() {
            let why: String
            switch node.step {
            case .fact: why = "premise \(node.premise.map { premiseNumber($0) + 1 } ?? 0)"
            case .rule: why = "by premise \(node.premise.map { premiseNumber($0) + 1 } ?? 0)"
            case .contrapositive: why = "by premise \(node.premise.map { premiseNumber($0) + 1 } ?? 0), contrapositive"
            case .assumption: why = "assumed for refutation"
            case .notDerivable: why = "not derivable (closed world)"
            }
            lines.append(String(repeating: "  ", count: depth) + "\(node.literal)   [\(why)]")
            for child in node.children.reversed() { stack.append((child, depth + 1)) }
        }
        return lines.joined(separator: "\n")
    }

    /// The domain, what each constant denotes, and the atoms that hold (all others are
    /// false), in the problem's own names; Z3's bookkeeping symbols are left out.
    static func model(_ m: Z3Countermodel) -> String {
        var lines: [String] = []
        let names = Dictionary(uniqueKeysWithValues: m.universe.enumerated().map { ($1, "e\($0)") })
        func rename(_ s: String) -> String {
            var out = s
            for (z3Name, short) in names.sorted(by: { $0.key.count > $1.key.count }) {
                out = out.replacingOccurrences(of: z3Name, with: short)
            }
            return out
        }
        lines.append("domain: {" + m.universe.map { names[$0] ?? $0 }.joined(separator: ", ") + "}")
        let constants = m.constants.filter { !$0.key.contains("!") }.sorted { $0.key < $1.key }
        if !constants.isEmpty {
            lines.append(constants.map { "\($0.key) = \(rename($0.value))" }.joined(separator: ", "))
        }
        lines.append("true: " + (m.trueAtoms.isEmpty ? "(none)" : m.trueAtoms.map(rename).joined(separator: ", ")))
        if !m.functionValues.isEmpty {
            lines.append("functions: " + m.functionValues.map(rename).joined(separator: ", "))
        }
        lines.append(m.isComplete ? "every other atom is false" : "(tables too large to list in full)")
        return lines.joined(separator: "\n")
    }
}
