import Logic

/// One reasoning problem: premises, a conclusion (or multiple-choice options), and
/// optionally the verdict it is expected to have.
///
/// Problems come from problem files (`ProblemFileReader`) or dataset records
/// (`DatasetReader`). Each statement carries its natural-language text, its formal
/// form, or both; `formalized(tolerant:)` turns the formal forms into formulas.
public struct Problem: Hashable, Sendable {
    /// A stable identifier: the `name:` of a problem file, or one derived from the dataset
    /// record (`folio-dev-17`, `ProofWriter_AttNoneg-OWA-D5-1041_Q1`).
    public var id: String
    /// The `name:` given in a problem file, if any.
    public var name: String?
    /// The premises, in order.
    public var premises: [Statement]
    /// The statement whose truth is asked; nil for a pure multiple-choice problem.
    public var conclusion: Statement?
    /// The verdict the problem is labelled with, if any.
    public var expected: Verdict?
    /// Open-world (classical) or closed-world reasoning.
    public var world: ReasoningWorld
    /// Multiple-choice options (each a statement), empty for a true/false/unknown question.
    public var options: [ChoiceOption]
    /// The label of the correct option (`"B"`), for multiple-choice problems.
    public var expectedOption: String?
    /// Where the problem was read from.
    public var source: ProblemSource?
    /// Remarks the reader made about the input that did not stop it
    /// (e.g. "7 premises but 8 premise formulas").
    public var notes: [String]

    public init(
        id: String, name: String? = nil, premises: [Statement] = [], conclusion: Statement? = nil,
        expected: Verdict? = nil, world: ReasoningWorld = .open, options: [ChoiceOption] = [],
        expectedOption: String? = nil, source: ProblemSource? = nil, notes: [String] = []
    ) {
        self.id = id
        self.name = name
        self.premises = premises
        self.conclusion = conclusion
        self.expected = expected
        self.world = world
        self.options = options
        self.expectedOption = expectedOption
        self.source = source
        self.notes = notes
    }

    /// True when every premise and the conclusion have a formal form.
    public var isFullyFormal: Bool {
        premises.allSatisfy { $0.formal != nil } && (conclusion?.formal != nil)
    }
}

/// Which semantics the premises are read under (DESIGN.md, Verdicts).
public enum ReasoningWorld: String, Hashable, Sendable, Codable, CaseIterable {
    /// Classical first-order logic: what is not entailed is unknown.
    case open
    /// Negation as failure: what cannot be derived is false.
    case closed
    /// Open world with rules applied forwards only (no contraposition, no case splits):
    /// the semantics ProofWriter's generator and Logic-LM's rule programs are written in.
    /// Sound for classical logic, but may say unknown where classical logic decides.
    case forward
}

/// One option of a multiple-choice problem.
public struct ChoiceOption: Hashable, Sendable {
    /// The option's label as written (`"A"`), or assigned in order when none was written.
    public var label: String
    /// The option's statement.
    public var statement: Statement

    public init(label: String, statement: Statement) {
        self.label = label
        self.statement = statement
    }
}

/// Where a problem was read from: a problem file and line, or a dataset file and record.
public struct ProblemSource: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The file path as given to the reader.
    public var file: String
    /// The 1-based line where the problem (or record) starts, when known.
    public var line: Int?
    /// The 0-based index of the record in a dataset file; nil for problem files.
    public var recordIndex: Int?

    public init(file: String, line: Int? = nil, recordIndex: Int? = nil) {
        self.file = file
        self.line = line
        self.recordIndex = recordIndex
    }

    /// `file:line`, or `file record N (line L)`.
    public var description: String {
        switch (recordIndex, line) {
        case let (index?, line?): return "\(file) record \(index) (line \(line))"
        case let (index?, nil): return "\(file) record \(index)"
        case let (nil, line?): return "\(file):\(line)"
        case (nil, nil): return file
        }
    }
}
