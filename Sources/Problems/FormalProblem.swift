import Logic

/// A problem's formal content: what the provers take.
public struct FormalProblem: Hashable, Sendable {
    /// The premises that have a formal form, as formulas, in order.
    public var premises: [Formula]
    /// For each formula in `premises`, the index of its statement in `Problem.premises`.
    public var premiseIndices: [Int]
    /// The conclusion as a formula.
    public var conclusion: Formula
    /// The repairs the tolerant parser made, with the statement each was made in.
    public var repairs: [AppliedRepair]
    /// Indices (in `Problem.premises`) of the premises that have no formal form and were
    /// left out; a semantic parser must translate them first for a faithful answer.
    public var informalPremises: [Int]

    public init(premises: [Formula], premiseIndices: [Int], conclusion: Formula,
                repairs: [AppliedRepair] = [], informalPremises: [Int] = []) {
        self.premises = premises
        self.premiseIndices = premiseIndices
        self.conclusion = conclusion
        self.repairs = repairs
        self.informalPremises = informalPremises
    }
}

/// Which statement of a problem something refers to.
public enum StatementRole: Hashable, Sendable, CustomStringConvertible {
    /// `Problem.premises[index]`.
    case premise(Int)
    case conclusion
    /// `Problem.options[index]`.
    case option(Int)

    public var description: String {
        switch self {
        case .premise(let i): return "premise \(i + 1)"
        case .conclusion: return "conclusion"
        case .option(let i): return "option \(i + 1)"
        }
    }
}

/// A repair the tolerant parser made in one statement.
public struct AppliedRepair: Hashable, Sendable, CustomStringConvertible {
    public var role: StatementRole
    public var file: String?
    /// The position in `file` (or in the formal text when the file is unknown).
    public var position: SourcePosition
    public var message: String

    public init(role: StatementRole, file: String?, position: SourcePosition, message: String) {
        self.role = role
        self.file = file
        self.position = position
        self.message = message
    }

    public var description: String {
        let at = file.map { "\($0):\(position)" } ?? "\(position)"
        return "\(at): \(role): \(message)"
    }
}

/// Why a problem could not be formalized.
public enum FormalizationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A statement's formal form does not parse.
    case unparsable(StatementRole, FormalTextError)
    /// The problem has no conclusion, or its conclusion has no formal form.
    case conclusionNotFormal(problem: String)

    public var description: String {
        switch self {
        case .unparsable(let role, let error): return "\(error) (in \(role))"
        case .conclusionNotFormal(let id): return "\(id): the conclusion has no formal form"
        }
    }
}

extension Problem {
    /// The formulas of the premises and the conclusion.
    ///
    /// Premises without a formal form are left out and listed in `informalPremises`.
    /// - Parameter tolerant: let the FOL parser repair annotation defects (each repair
    ///   is reported in `repairs`).
    /// - Throws: `FormalizationError`.
    public func formalized(tolerant: Bool = false) throws -> FormalProblem {
        var formulas: [Formula] = []
        var indices: [Int] = []
        var repairs: [AppliedRepair] = []
        var informal: [Int] = []
        func parse(_ statement: Statement, _ role: StatementRole) throws -> Formula? {
            guard let formal = statement.formal else { return nil }
            do {
                let parsed = try formal.parsed(tolerant: tolerant)
                repairs += parsed.repairs.map {
                    AppliedRepair(role: role, file: formal.file, position: $0.position, message: $0.message)
                }
                return parsed.formula
            } catch let error as FormalTextError {
                throw FormalizationError.unparsable(role, error)
            }
        }
        for (i, premise) in premises.enumerated() {
            if let f = try parse(premise, .premise(i)) {
                formulas.append(f)
                indices.append(i)
            } else {
                informal.append(i)
            }
        }
        guard let conclusion, let goal = try parse(conclusion, .conclusion) else {
            throw FormalizationError.conclusionNotFormal(problem: id)
        }
        return FormalProblem(premises: formulas, premiseIndices: indices, conclusion: goal,
                             repairs: repairs, informalPremises: informal)
    }
}

extension Problem {
    /// The formula of each multiple-choice option (nil for an option with no formal form),
    /// in the order of `options`.
    /// - Throws: `FormalizationError.unparsable` for the first option that does not parse.
    public func optionFormulas(tolerant: Bool = false) throws -> [ParsedFormula?] {
        try options.enumerated().map { i, option in
            do {
                return try option.statement.formula(tolerant: tolerant)
            } catch let error as FormalTextError {
                throw FormalizationError.unparsable(.option(i), error)
            }
        }
    }
}
