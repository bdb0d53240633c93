import Logic
import Problems

extension Solution {
    /// A few lines for people: the verdict, whether it was expected, the certificate with
    /// premise numbers counted from 1, repairs and notes.
    public func humanReadable(problem: Problem? = nil) -> String {
        var lines: [String] = []
        var head = "\(id): \(verdict.rawValue)"
        if let expected {
            head += verdict == expected ? "  (expected \(expected.rawValue): ok)" : "  (expected \(expected.rawValue): WRONG)"
        }
        var tags: [String] = []
        if let prover { tags.append(prover) }
        tags.append(String(format: "%.3f s", cost.seconds))
        lines.append(head + "  [" + tags.joined(separator: ", ") + "]")
        for t in translations {
            let extra = [t.logProbability.map { String(format: "logprob %.3f", $0) }, t.repairRound > 0 ? "repair round \(t.repairRound)" : nil]
                .compactMap { $0 }
            lines.append("  \(t.statement) [\(t.parser)]: \(t.formula)" + (extra.isEmpty ? "" : "    (\(extra.joined(separator: ", ")))"))
        }
        func premiseList(_ xs: [Int]) -> String {
            xs.isEmpty ? "no premises needed" : "premises " + xs.map { String($0 + 1) }.joined(separator: ", ")
        }
        switch certificate {
        case .core(let premises)?:
            let what = premises.isEmpty ? "" : verdict == .inconsistent ? " are contradictory" : " suffice"
            lines.append("  certificate: \(premiseList(premises))\(what)")
        case .proof(let premises, let tree)?:
            lines.append("  certificate: \(premiseList(premises)); proof:")
            for l in tree.split(separator: "\n") { lines.append("    " + l) }
        case .countermodels(let against, let holding)?:
            if let against {
                lines.append("  countermodel (premises true, conclusion false):")
                for l in against.split(separator: "\n").prefix(20) { lines.append("    " + l) }
            }
            if let holding {
                lines.append("  model (premises true, conclusion true):")
                for l in holding.split(separator: "\n").prefix(20) { lines.append("    " + l) }
            }
        case .bound(let name)?:
            lines.append("  bound hit: \(name)")
        case .error(let message)?:
            lines.append("  error: \(message)")
        case nil:
            break
        }
        for r in repairs { lines.append("  repaired: \(r)") }
        for n in notes { lines.append("  note: \(n)") }
        return lines.joined(separator: "\n")
    }
}
