import Foundation
import Logic

/// Writes problems in the problem-file format; `ProblemFileReader` reads the output back
/// to the same problems (up to positions, and English line breaks becoming spaces).
///
/// Formulas that were built rather than written (logic programs) are written with
/// `FOLPrinter.ascii`; a `#` in any value is written `\#`.
public enum ProblemFilePrinter {
    /// The problems, separated by lines `---`.
    public static func print(_ problems: [Problem]) -> String {
        problems.map(print).joined(separator: "---\n")
    }

    /// One problem.
    public static func print(_ problem: Problem) -> String {
        var out = ""
        if let name = problem.name { out += "name: \(escape(name))\n" }
        for premise in problem.premises { out += entry(premise, english: "premise", formal: "axiom") }
        for option in problem.options {
            var statement = option.statement
            statement.text = "\(option.label)) " + (statement.text ?? "")
            out += entry(statement, english: "option", formal: "option")
        }
        if let answer = problem.expectedOption { out += "answer: \(escape(answer))\n" }
        if let conclusion = problem.conclusion { out += entry(conclusion, english: "conclusion", formal: "goal") }
        if let expected = problem.expected { out += "expect: \(expected.rawValue)\n" }
        if problem.world != .open { out += "world: \(problem.world.rawValue)\n" }
        return out
    }

    private static func entry(_ statement: Statement, english: String, formal: String) -> String {
        var out = ""
        if let text = statement.text {
            out += "\(english): " + continued(escape(text), indent: "    ", joinWith: " ")
            if let f = statement.formal {
                let (key, source) = formalSource(f)
                out += "    \(key): " + continued(escape(source), indent: "        ", joinWith: "\n")
            }
        } else if let f = statement.formal {
            var (key, source) = formalSource(f)
            if key == "tptp" {
                // `axiom:` and `goal:` hold FOL; print the parsed formula when we can.
                if let parsed = try? f.parsed() { source = FOLPrinter.ascii(parsed.formula) }
                key = "fol"
            }
            out += "\(formal): " + continued(escape(source), indent: "    ", joinWith: "\n")
        }
        return out
    }

    /// The key and text to write for a formal form.
    private static func formalSource(_ f: FormalText) -> (String, String) {
        switch f.syntax {
        case .fol: return ("fol", f.source)
        case .tptp: return ("tptp", f.source)
        case .logicProgram:
            if let parsed = try? f.parsed() { return ("fol", FOLPrinter.ascii(parsed.formula)) }
            return ("fol", f.source)
        }
    }

    /// Splits a value at its line breaks into continuation lines.
    private static func continued(_ value: String, indent: String, joinWith _: String) -> String {
        let lines = value.split(separator: "\n", omittingEmptySubsequences: true)
            .map { $0.trimmingCharactersInSpaces() }
            .filter { !$0.isEmpty }
        guard let first = lines.first else { return "\n" }
        return ([first] + lines.dropFirst().map { indent + $0 }).joined(separator: "\n") + "\n"
    }

    private static func escape(_ s: String) -> String { s.replacingOccurrences(of: "#", with: "\\#") }
}

extension Substring {
    /// Trimmed of spaces, tabs and carriage returns: what the reader trims.
    fileprivate func trimmingCharactersInSpaces() -> String {
        let scalars = unicodeScalars
        let blank: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let first = scalars.firstIndex(where: { !blank($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !blank($0) })!
        return String(scalars[first...last])
    }
}
