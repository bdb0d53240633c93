import Logic

/// FOLIO's JSONL records: `premises` and `premises-FOL` (lists), `conclusion`,
/// `conclusion-FOL` (absent from the train split), `label`.
enum FOLIORecord {
    /// Ids are `folio-<split>-<line>`, the split being the last `-` part of the file's
    /// stem (`folio-validation-dev.jsonl` → `folio-dev-17`).
    static func problem(from value: JSONValue, file: String, index: Int, line: Int) throws -> Problem {
        let fields = try RecordFields(value)
        let stem = DatasetReader.stem(file)
        let split = stem.split(separator: "-").last.map(String.init) ?? stem
        let id = "folio-\(split)-\(line)"
        let texts = try fields.strings("premises")
        let formulas = try fields.optionalStrings("premises-FOL") ?? []
        let conclusion = try fields.string("conclusion")
        let conclusionFOL = try fields.optionalString("conclusion-FOL")
        let label = try fields.optionalString("label")
        return try PairedRecord.problem(
            id: id, texts: texts, formulas: formulas, conclusion: conclusion, conclusionFormula: conclusionFOL,
            label: label, labelKey: "label", formulasKey: "premises-FOL",
            source: ProblemSource(file: file, line: line, recordIndex: index))
    }
}

/// Entail's own JSONL: `{id, premises, premises_fol?, conclusion, conclusion_fol?, label?, world?}`.
enum JSONLRecord {
    static func problem(from value: JSONValue, file: String, index: Int, line: Int) throws -> Problem {
        let fields = try RecordFields(value)
        let id = try fields.optionalString("id") ?? "\(DatasetReader.stem(file))-\(line)"
        var problem = try PairedRecord.problem(
            id: id, texts: try fields.strings("premises"), formulas: try fields.optionalStrings("premises_fol") ?? [],
            conclusion: try fields.string("conclusion"), conclusionFormula: try fields.optionalString("conclusion_fol"),
            label: try fields.optionalString("label"), labelKey: "label", formulasKey: "premises_fol",
            source: ProblemSource(file: file, line: line, recordIndex: index))
        if let world = try fields.optionalString("world") {
            guard let w = ReasoningWorld(rawValue: world.lowercased()) else {
                throw RecordFieldError("member 'world' must be \"open\" or \"closed\", not \"\(world)\"")
            }
            problem.world = w
        }
        return problem
    }
}

/// Records that list premise texts and premise formulas side by side.
enum PairedRecord {
    /// Pairs texts and formulas by position. When the counts differ the record is kept
    /// (every text and every formula is used) and a note says so; empty formulas count
    /// as absent, also with a note. Formal texts are named `<id>` in their error messages.
    static func problem(
        id: String, texts: [String], formulas: [String], conclusion: String, conclusionFormula: String?,
        label: String?, labelKey: String, formulasKey: String, source: ProblemSource
    ) throws -> Problem {
        var notes: [String] = []
        if !formulas.isEmpty, formulas.count != texts.count {
            notes.append("\(texts.count) premises but \(formulas.count) premise formulas; paired by position")
        }
        func formal(_ s: String?, _ what: String) -> FormalText? {
            guard let s else { return nil }
            let trimmed = s.trimmingSpaces()
            if trimmed.isEmpty {
                notes.append("\(what) has an empty formula")
                return nil
            }
            return FormalText(source: trimmed, syntax: .fol, file: id)
        }
        var premises: [Statement] = []
        for i in 0..<max(texts.count, formulas.count) {
            let text = i < texts.count ? texts[i].trimmingSpaces() : nil
            premises.append(Statement(text: text.flatMap { $0.isEmpty ? nil : $0 },
                                      formal: i < formulas.count ? formal(formulas[i], "premise \(i + 1)") : nil))
        }
        let conclusionText = conclusion.trimmingSpaces()
        let conclusionStatement = Statement(text: conclusionText.isEmpty ? nil : conclusionText,
                                            formal: formal(conclusionFormula, "the conclusion"))
        if conclusionStatement.text == nil, conclusionStatement.formal == nil {
            throw RecordFieldError("the conclusion is empty")
        }
        var expected: Verdict?
        if let label {
            guard let verdict = Verdict(datasetLabel: label) else {
                throw RecordFieldError("member '\(labelKey)' must be True, False, Uncertain or Unknown, not \"\(label)\"")
            }
            expected = verdict
        }
        return Problem(id: id, premises: premises, conclusion: conclusionStatement, expected: expected,
                       source: source, notes: notes)
    }
}
