import Logic

/// A record of Logic-LM's outputs: the dataset fields plus `raw_logic_programs`, the
/// model's translations (the first is used). Two program shapes:
/// - `Predicates:/Facts:/Rules:/Query:` (ProofWriter, PrOntoQA), read by `LogicProgram`
///   into formulas built directly;
/// - `Predicates:/Premises:/Conclusion:` (FOLIO), whose lines are `formula ::: comment`
///   in FOLIO's Unicode, parsed eagerly with `FOLParser` in tolerant mode.
/// Any parse failure makes the record a failure with the program line and column.
enum LogicLMProgramRecord {
    static func problem(from value: JSONValue, file: String, index: Int, line: Int) throws -> Problem {
        let base = try LogicLMRecord(value, file: file, index: index)
        let programs = try RecordFields(value).strings("raw_logic_programs")
        guard let program = programs.first else { throw RecordFieldError("member 'raw_logic_programs' is empty") }
        var problem = Problem(id: base.id, world: base.world, source: ProblemSource(file: file, line: line, recordIndex: index))
        if programs.count > 1 { problem.notes.append("\(programs.count) programs; the first is used") }
        let programName = "\(base.id) program"
        func fail(_ position: SourcePosition, _ message: String) -> RecordError {
            RecordError(file: file, index: index, id: base.id, line: line, message: "\(programName):\(position): \(message)")
        }
        if hasSection(program, "Premises") {
            try readFOLProgram(program, name: programName, into: &problem, fail: fail)
        } else {
            let parsed: LogicProgram
            do {
                parsed = try LogicProgram.parse(program)
            } catch let e as LogicProgramError {
                throw fail(e.position, e.message)
            }
            func statement(_ clause: LogicProgram.Clause) -> Statement {
                Statement(text: clause.comment, formal: FormalText(
                    formula: clause.formula, source: clause.code, syntax: .logicProgram,
                    file: programName, lineStarts: [clause.position]))
            }
            problem.premises = (parsed.facts + parsed.rules).map(statement)
            // Facts-and-rules programs come from ProofWriter and PrOntoQA, whose answers are
            // defined by forward chaining.
            problem.world = .forward
            problem.conclusion = statement(parsed.query)
            problem.notes += parsed.notes
        }
        if problem.conclusion?.text == nil { problem.conclusion?.text = base.questionStatement }
        try base.applyOptions(to: &problem)
        return problem
    }

    private static func hasSection(_ program: String, _ name: String) -> Bool {
        program.unicodeScalars.split(separator: "\n").contains { String($0).trimmingSpaces() == name + ":" }
    }

    /// The `Predicates:/Premises:/Conclusion:` shape.
    private static func readFOLProgram(_ program: String, name: String, into problem: inout Problem,
                                       fail: (SourcePosition, String) -> RecordError) throws {
        enum Section { case predicates, premises, conclusion }
        var section: Section?
        var premises: [Statement] = []
        var conclusion: Statement?
        for (n, rawLine) in program.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let scalars = Array(rawLine)
            let lineText = String(String.UnicodeScalarView(scalars)).trimmingSpaces()
            if lineText.isEmpty { continue }
            switch lineText {
            case "Predicates:": section = .predicates; continue
            case "Premises:": section = .premises; continue
            case "Conclusion:": section = .conclusion; continue
            default: break
            }
            guard let current = section else {
                throw fail(SourcePosition(line: n + 1, column: 1), "expected a section header (Predicates:, Premises: or Conclusion:)")
            }
            if current == .predicates { continue }
            // Split "formula ::: comment" at the first ":::".
            var cut = scalars.count
            var i = 0
            while i + 2 < scalars.count {
                if scalars[i] == ":", scalars[i + 1] == ":", scalars[i + 2] == ":" { cut = i; break }
                i += 1
            }
            let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) ?? 0
            let formulaText = String(String.UnicodeScalarView(scalars[start..<max(start, cut)])).trimmingSpaces()
            let comment = cut < scalars.count
                ? String(String.UnicodeScalarView(scalars[(cut + 3)...])).trimmingSpaces() : ""
            let position = SourcePosition(line: n + 1, column: start + 1)
            guard !formulaText.isEmpty else { throw fail(position, "a line with a comment but no formula") }
            var formal = FormalText(source: formulaText, syntax: .fol, file: name, lineStarts: [position])
            do {
                formal.prebuilt = try formal.parsed(tolerant: true)
            } catch let e as FormalTextError {
                throw fail(e.position, e.message)
            }
            let statement = Statement(text: comment.isEmpty ? nil : comment, formal: formal)
            if current == .premises {
                premises.append(statement)
            } else {
                if conclusion != nil { throw fail(position, "more than one conclusion") }
                conclusion = statement
            }
        }
        guard let conclusion else {
            throw fail(SourcePosition(line: 1, column: 1), "the program has no Conclusion: formula")
        }
        problem.premises = premises
        problem.conclusion = conclusion
    }
}
