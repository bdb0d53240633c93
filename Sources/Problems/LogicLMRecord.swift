import Logic

/// A record of a Logic-LM dataset: `{id, context, question, options, answer}`.
///
/// The context is split into sentences (natural-language premises). The statement to
/// decide is the part of the question after its first `? ` ("Based on the above
/// information, is the following statement true, false, or unknown? X" → X). When every
/// option is a verdict word (`A) True`, `B) False`, `C) Unknown`/`Uncertain`) the answer
/// gives the expected verdict; otherwise the options are statements to choose among and
/// the answer is the expected option.
struct LogicLMRecord {
    var id: String
    var context: String
    var question: String
    var options: [String]
    var answer: String?
    var file: String
    var index: Int

    init(_ value: JSONValue, file: String, index: Int) throws {
        let fields = try RecordFields(value)
        id = try fields.optionalString("id") ?? "\(DatasetReader.stem(file))-\(index)"
        context = try fields.string("context")
        question = try fields.string("question")
        options = try fields.optionalStrings("options") ?? []
        answer = try fields.optionalString("answer")
        self.file = file
        self.index = index
    }

    /// Closed for ProofWriter's closed-world variant (ids containing `-CWA-`); forward for
    /// its open-world variant (`-OWA-`), whose labels are defined by applying the rules
    /// forwards; classical (open) for everything else.
    var world: ReasoningWorld {
        if id.contains("-CWA-") { return .closed }
        if id.hasPrefix("ProofWriter") && id.contains("-OWA-") { return .forward }
        return .open
    }

    /// The statement the question asks about, if it names one.
    var questionStatement: String? {
        guard let range = question.range(of: "? ") else { return nil }
        let s = String(question[range.upperBound...]).trimmingSpaces()
        return s.isEmpty ? nil : s
    }

    /// The problem with natural-language premises only.
    func problem(line: Int) throws -> Problem {
        var problem = Problem(id: id, world: world, source: ProblemSource(file: file, line: line, recordIndex: index))
        problem.premises = SentenceSplitter.split(context).map { Statement(text: $0) }
        problem.conclusion = questionStatement.map { Statement(text: $0) }
        try applyOptions(to: &problem)
        if problem.conclusion == nil, problem.options.isEmpty {
            throw RecordFieldError("the question names no statement (\"...? statement\") and there are no options to choose among")
        }
        return problem
    }

    /// Sets `expected` (verdict options) or `options` and `expectedOption` (statement options).
    func applyOptions(to problem: inout Problem) throws {
        var parsed: [(label: String, text: String)] = []
        for (i, option) in options.enumerated() {
            let (label, text) = ProblemFileParser.splitOptionLabel(option.trimmingSpaces(), index: i)
            parsed.append((label, text))
        }
        if let answer, !parsed.isEmpty, !parsed.contains(where: { $0.label == answer.trimmingSpaces() }) {
            throw RecordFieldError("member 'answer' is \"\(answer)\", which is not the label of an option")
        }
        let verdicts = parsed.map { Verdict(datasetLabel: $0.text) }
        if !parsed.isEmpty, verdicts.allSatisfy({ $0 != nil }) {
            if let answer, let k = parsed.firstIndex(where: { $0.label == answer.trimmingSpaces() }) {
                problem.expected = verdicts[k]
            }
        } else {
            problem.options = parsed.map { ChoiceOption(label: $0.label, statement: Statement(text: $0.text)) }
            problem.expectedOption = answer?.trimmingSpaces()
        }
    }
}
