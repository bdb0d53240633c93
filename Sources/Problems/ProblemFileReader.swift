import Foundation
import Logic

/// Reads `.problem` files (grammar: `grammars/problem.ebnf`; DESIGN.md, "Problem files").
///
/// ```
/// name: caffeine
/// premise: All people who regularly drink coffee are dependent on caffeine.
///     fol: all x. (DrinkRegularly(x, coffee) -> IsDependentOn(x, caffeine))
/// axiom: all x. (Student(x) -> Person(x))      # a formal premise with no English
/// conclusion: Rina is dependent on caffeine.
///     fol: IsDependentOn(rina, caffeine)
/// expect: true
/// ```
///
/// Decisions the grammar documents:
/// - `#` starts a comment wherever it appears (no formal syntax we read uses `#`);
///   write `\#` for a literal `#`.
/// - A line starting with a space or tab continues the entry above it (English is
///   joined with a space, formulas with a line break so errors keep their line),
///   unless it starts with a key (`fol:`, `tptp:`), which then belongs to the entry above.
/// - A line holding only `---` separates problems; a file may hold several.
/// - Every problem needs a conclusion (`conclusion:` or `goal:`) or options.
public enum ProblemFileReader {
    /// The keys allowed at the start of an unindented line.
    public static let entryKeys = ["name", "premise", "axiom", "conclusion", "goal", "option", "answer", "expect", "world"]
    /// The keys allowed on an indented line, giving the formal form of the entry above.
    public static let formalKeys = ["fol", "tptp"]
    /// Accepted `expect:` values (case-insensitive); `uncertain` means unknown.
    public static let expectValues: [String: Verdict] = [
        "true": .true, "false": .false, "unknown": .unknown, "uncertain": .unknown, "inconsistent": .inconsistent,
    ]

    /// Reads the problems in a file.
    /// - Throws: `ProblemFileError` (also when the file cannot be read).
    public static func read(contentsOfFile path: String) throws -> [Problem] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ProblemFileError(file: path, position: SourcePosition(line: 1, column: 1),
                                   message: "cannot read the file: \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ProblemFileError(file: path, position: SourcePosition(line: 1, column: 1), message: "the file is not valid UTF-8")
        }
        return try parse(text, file: path)
    }

    /// Parses problem-file text; `file` names it in errors and sources.
    /// - Throws: the first `ProblemFileError` (`diagnose` lists them all).
    public static func parse(_ text: String, file: String = "<input>") throws -> [Problem] {
        var reader = ProblemFileParser(text: text, file: file)
        let problems = reader.parse()
        if let first = reader.errors.first { throw first }
        return problems
    }

    /// Every error in the text, in order of position (empty when the text is valid).
    public static func diagnose(_ text: String, file: String = "<input>") -> [ProblemFileError] {
        var reader = ProblemFileParser(text: text, file: file)
        _ = reader.parse()
        return reader.errors
    }
}

/// The line-by-line state machine behind `ProblemFileReader`.
struct ProblemFileParser {
    private let lines: [[Unicode.Scalar]]
    private let file: String
    private(set) var errors: [ProblemFileError] = []

    /// The problem being read.
    private struct Draft {
        var startLine: Int
        var name: String?
        var premises: [Statement] = []
        var conclusion: Statement?
        var conclusionKeyPosition: SourcePosition?
        var expected: Verdict?
        var world: ReasoningWorld?
        var options: [ChoiceOption] = []
        var answer: (String, SourcePosition)?
        var isEmpty = true
    }

    /// The entry that continuation lines and `fol:` lines attach to.
    private enum Target {
        case premise(Int), conclusion, option(Int)
        /// `axiom:` or `goal:` (formal, continuation joins with a line break).
        case formalPremise(Int), formalConclusion
        /// The `fol:`/`tptp:` line under a premise, conclusion or option.
        case formalOf(premise: Int?, option: Int?)  // both nil: the conclusion
        /// Entries that take neither continuations nor formal forms.
        case other(String)
    }

    init(text: String, file: String) {
        self.file = file
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line -> [Unicode.Scalar] in
            var scalars = Array(line)
            if scalars.last == "\r" { scalars.removeLast() }
            // A lone carriage return inside a line counts as a space.
            return scalars.map { $0 == "\r" ? " " : $0 }
        }
        if lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
        if lines.first?.first == "\u{FEFF}" { lines[0].removeFirst() }  // a byte-order mark
        self.lines = lines
    }

    mutating func parse() -> [Problem] {
        var drafts: [Draft] = []
        var draft = Draft(startLine: 1)
        var target: Target?

        for (n, raw) in lines.enumerated() {
            let lineNumber = n + 1
            let line = Self.stripComment(raw)
            let contentEnd = line.lastIndex(where: { $0 != " " && $0 != "\t" }).map { $0 + 1 } ?? 0
            if contentEnd == 0 { continue }
            let indent = line.firstIndex(where: { $0 != " " && $0 != "\t" })!
            let content = Array(line[indent..<contentEnd])
            func pos(_ i: Int) -> SourcePosition { SourcePosition(line: lineNumber, column: i + 1) }

            if content == ["-", "-", "-"] {
                if indent > 0 { error(pos(0), "the separator '---' must start at the beginning of the line"); continue }
                if !draft.isEmpty { drafts.append(draft) }
                draft = Draft(startLine: lineNumber + 1)
                target = nil
                continue
            }
            if draft.isEmpty { draft.startLine = lineNumber }
            draft.isEmpty = false

            let key = Self.leadingKey(content)
            // The value starts after "key:" and any spaces.
            var valueStart = indent
            if let key {
                valueStart = indent + key.count + 1
                while valueStart < contentEnd, line[valueStart] == " " || line[valueStart] == "\t" { valueStart += 1 }
            }
            let value = String(String.UnicodeScalarView(line[valueStart..<contentEnd]))
                .replacingOccurrences(of: "\\#", with: "#")
            let keyPosition = pos(indent)
            let valuePosition = pos(valueStart)

            if indent > 0 {
                if let key, ProblemFileReader.formalKeys.contains(key) {
                    guard !value.isEmpty else { error(pos(valueStart), "'\(key):' needs a formula"); continue }
                    let syntax: FormalSyntax = key == "tptp" ? .tptp : .fol
                    let formal = FormalText(source: value, syntax: syntax, file: file, lineStarts: [valuePosition])
                    switch target {
                    case nil:
                        error(keyPosition, "'\(key):' has no premise, conclusion or option above it")
                    case .premise(let i), .formalOf(premise: let i?, option: nil):
                        if draft.premises[i].formal != nil { error(keyPosition, "the premise above already has a formal form") }
                        else { draft.premises[i].formal = formal; target = .formalOf(premise: i, option: nil) }
                    case .conclusion, .formalOf(premise: nil, option: nil):
                        if draft.conclusion?.formal != nil { error(keyPosition, "the conclusion above already has a formal form") }
                        else { draft.conclusion?.formal = formal; target = .formalOf(premise: nil, option: nil) }
                    case .option(let i), .formalOf(premise: nil, option: let i?):
                        if draft.options[i].statement.formal != nil { error(keyPosition, "the option above already has a formal form") }
                        else { draft.options[i].statement.formal = formal; target = .formalOf(premise: nil, option: i) }
                    case .formalPremise, .formalConclusion:
                        error(keyPosition, "'\(key):' cannot follow 'axiom:' or 'goal:', which are formal already")
                    case .formalOf(premise: _?, option: _?):
                        preconditionFailure("a formal form belongs to one entry")
                    case .other(let k):
                        error(keyPosition, "'\(key):' cannot follow '\(k):'; it gives the formal form of a premise, conclusion or option")
                    }
                    continue
                }
                if let key, ProblemFileReader.entryKeys.contains(key) {
                    error(keyPosition, "'\(key):' must start at the beginning of the line; only 'fol:' and 'tptp:' are indented")
                    continue
                }
                if let key {
                    error(keyPosition, "unknown key '\(key):' (indented keys: fol, tptp)")
                    continue
                }
                // A continuation line.
                let text = String(String.UnicodeScalarView(content)).replacingOccurrences(of: "\\#", with: "#")
                switch target {
                case nil:
                    error(keyPosition, "an indented line with no entry above it to continue")
                case .premise(let i):
                    draft.premises[i].text! += " " + text
                case .conclusion:
                    draft.conclusion!.text! += " " + text
                case .option(let i):
                    draft.options[i].statement.text! += " " + text
                case .formalPremise(let i), .formalOf(premise: let i?, option: nil):
                    draft.premises[i].formal!.continue(with: text, at: keyPosition)
                case .formalConclusion, .formalOf(premise: nil, option: nil):
                    draft.conclusion!.formal!.continue(with: text, at: keyPosition)
                case .formalOf(premise: nil, option: let i?):
                    draft.options[i].statement.formal!.continue(with: text, at: keyPosition)
                case .formalOf(premise: _?, option: _?):
                    preconditionFailure("a formal form belongs to one entry")
                case .other(let k):
                    error(keyPosition, "'\(k):' cannot continue on the next line")
                }
                continue
            }

            guard let key else {
                error(keyPosition, "expected 'key: value' (keys: \(ProblemFileReader.entryKeys.joined(separator: ", ")))")
                target = nil
                continue
            }
            if ProblemFileReader.formalKeys.contains(key) {
                error(keyPosition, "'\(key):' must be indented under the premise, conclusion or option it formalizes")
                target = nil
                continue
            }
            guard ProblemFileReader.entryKeys.contains(key) else {
                error(keyPosition, "unknown key '\(key):' (keys: \(ProblemFileReader.entryKeys.joined(separator: ", ")))")
                target = nil
                continue
            }
            guard !value.isEmpty else {
                error(valuePosition, "'\(key):' needs a value")
                target = .other(key)
                continue
            }
            target = .other(key)
            switch key {
            case "name":
                if draft.name != nil { error(keyPosition, "a second 'name:' in one problem; separate problems with a line '---'") }
                else { draft.name = value }
            case "premise":
                draft.premises.append(Statement(text: value, position: keyPosition))
                target = .premise(draft.premises.count - 1)
            case "axiom":
                let formal = FormalText(source: value, syntax: .fol, file: file, lineStarts: [valuePosition])
                draft.premises.append(Statement(formal: formal, position: keyPosition))
                target = .formalPremise(draft.premises.count - 1)
            case "conclusion", "goal":
                if let previous = draft.conclusionKeyPosition {
                    error(keyPosition, "a second conclusion (the first is at line \(previous.line)); a problem has one conclusion or goal")
                    target = .other(key)
                } else if key == "conclusion" {
                    draft.conclusion = Statement(text: value, position: keyPosition)
                    draft.conclusionKeyPosition = keyPosition
                    target = .conclusion
                } else {
                    let formal = FormalText(source: value, syntax: .fol, file: file, lineStarts: [valuePosition])
                    draft.conclusion = Statement(formal: formal, position: keyPosition)
                    draft.conclusionKeyPosition = keyPosition
                    target = .formalConclusion
                }
            case "option":
                let (label, text) = Self.splitOptionLabel(value, index: draft.options.count)
                if draft.options.contains(where: { $0.label == label }) {
                    error(keyPosition, "a second option labelled '\(label)'")
                } else if text.isEmpty {
                    error(valuePosition, "'option:' needs a statement after its label")
                } else {
                    draft.options.append(ChoiceOption(label: label, statement: Statement(text: text, position: keyPosition)))
                    target = .option(draft.options.count - 1)
                }
            case "answer":
                if draft.answer != nil { error(keyPosition, "a second 'answer:'") }
                else { draft.answer = (value, valuePosition) }
            case "expect":
                if draft.expected != nil { error(keyPosition, "a second 'expect:'") }
                else if let verdict = ProblemFileReader.expectValues[value.lowercased()] { draft.expected = verdict }
                else { error(valuePosition, "'expect:' must be true, false, unknown or inconsistent, not '\(value)'") }
            case "world":
                if draft.world != nil { error(keyPosition, "a second 'world:'") }
                else if let world = ReasoningWorld(rawValue: value.lowercased()) { draft.world = world }
                else { error(valuePosition, "'world:' must be open or closed, not '\(value)'") }
            default:
                preconditionFailure("every entry key is handled")
            }
        }
        if !draft.isEmpty { drafts.append(draft) }
        return finish(drafts)
    }

    private mutating func finish(_ drafts: [Draft]) -> [Problem] {
        if drafts.isEmpty {
            error(SourcePosition(line: 1, column: 1), "the file holds no problem")
            return []
        }
        let stem = Self.stem(of: file)
        var problems: [Problem] = []
        var names: [String: Int] = [:]
        for (k, draft) in drafts.enumerated() {
            let start = SourcePosition(line: draft.startLine, column: 1)
            if draft.conclusion == nil, draft.options.isEmpty {
                error(start, "the problem has no conclusion: give 'conclusion:' or 'goal:'")
            }
            if let (answer, position) = draft.answer, !draft.options.contains(where: { $0.label == answer }) {
                error(position, "'answer: \(answer)' names no option of this problem")
            }
            if let name = draft.name {
                if let line = names[name] { error(start, "a second problem named '\(name)' (the first starts at line \(line))") }
                names[name] = draft.startLine
            }
            let id = draft.name ?? (drafts.count == 1 ? stem : "\(stem)-\(k + 1)")
            problems.append(Problem(
                id: id, name: draft.name, premises: draft.premises, conclusion: draft.conclusion,
                expected: draft.expected, world: draft.world ?? .open, options: draft.options,
                expectedOption: draft.answer?.0, source: ProblemSource(file: file, line: draft.startLine)))
        }
        errors.sort { ($0.position.line, $0.position.column) < ($1.position.line, $1.position.column) }
        return problems
    }

    private mutating func error(_ position: SourcePosition, _ message: String) {
        errors.append(ProblemFileError(file: file, position: position, message: message))
    }

    // MARK: Lexical helpers

    /// The line up to its first `#` that is not written `\#`.
    static func stripComment(_ line: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var i = 0
        while i < line.count {
            if line[i] == "\\", i + 1 < line.count, line[i + 1] == "#" { i += 2; continue }
            if line[i] == "#" { return Array(line[..<i]) }
            i += 1
        }
        return line
    }

    /// `key` when the content starts with a lowercase word (letters, `_`, `-`) followed by
    /// `:` and then a space, a tab or the end of the line.
    static func leadingKey(_ content: [Unicode.Scalar]) -> String? {
        var i = 0
        while i < content.count, ("a"..."z").contains(content[i]) || content[i] == "_" || (i > 0 && content[i] == "-") {
            i += 1
        }
        guard i > 0, i < content.count, content[i] == ":" else { return nil }
        guard i + 1 == content.count || content[i + 1] == " " || content[i + 1] == "\t" else { return nil }
        return String(String.UnicodeScalarView(content[..<i]))
    }

    /// `A) text` → ("A", "text"); otherwise the label is the option's letter in order.
    static func splitOptionLabel(_ value: String, index: Int) -> (String, String) {
        let scalars = Array(value.unicodeScalars)
        if scalars.count >= 2, ("A"..."Z").contains(scalars[0]), scalars[1] == ")" {
            let rest = String(String.UnicodeScalarView(scalars[2...])).trimmingSpaces()
            return (String(scalars[0]), rest)
        }
        return (optionLetter(index), value)
    }

    /// A, B, ..., Z, then A27, A28, ... (only ever reached by absurd inputs).
    static func optionLetter(_ index: Int) -> String {
        index < 26 ? String(UnicodeScalar(UInt8(65 + index))) : "A\(index + 1)"
    }

    /// `dir/caffeine.problem` → `caffeine`.
    static func stem(of path: String) -> String {
        let base = path.split(separator: "/").last.map(String.init) ?? path
        if let dot = base.lastIndex(of: "."), dot != base.startIndex { return String(base[..<dot]) }
        return base
    }
}

extension FormalText {
    /// Appends a continuation line, remembering where it starts.
    mutating func `continue`(with text: String, at position: SourcePosition) {
        source += "\n" + text
        lineStarts.append(position)
    }
}
