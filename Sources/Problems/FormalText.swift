import Logic

/// The surface syntax of a formal statement.
public enum FormalSyntax: String, Hashable, Sendable, Codable, CaseIterable {
    /// FOL in ASCII or FOLIO's Unicode, mixed freely (`FOLDialect.standard`).
    case fol
    /// TPTP FOF (`FOLDialect.tptp`).
    case tptp
    /// One line of a Logic-LM logic program (`Cold($x, True) >>> Red($x, True)`).
    case logicProgram
}

/// The formal form of a statement as it was written, with where it was written, so a
/// parse error is reported at file:line:column. It may also carry the formula already
/// built (dataset readers that parse eagerly do so).
public struct FormalText: Hashable, Sendable {
    /// The text as written (continuation lines are joined with newlines).
    public var source: String
    /// How `source` is to be parsed.
    public var syntax: FormalSyntax
    /// The file the text came from, when known.
    public var file: String?
    /// The position in `file` of the first character of each line of `source`;
    /// empty when unknown (positions are then reported relative to `source`).
    public var lineStarts: [SourcePosition]
    /// The formula, when a reader already built it; `parsed(tolerant:)` returns it as is.
    public var prebuilt: ParsedFormula?

    public init(
        source: String, syntax: FormalSyntax = .fol, file: String? = nil,
        lineStarts: [SourcePosition] = [], prebuilt: ParsedFormula? = nil
    ) {
        self.source = source
        self.syntax = syntax
        self.file = file
        self.lineStarts = lineStarts
        self.prebuilt = prebuilt
    }

    /// A formal text standing for a formula that was built directly.
    public init(formula: Formula, source: String, syntax: FormalSyntax, file: String? = nil,
                lineStarts: [SourcePosition] = []) {
        self.init(source: source, syntax: syntax, file: file, lineStarts: lineStarts,
                  prebuilt: ParsedFormula(formula: formula, repairs: []))
    }

    /// Maps a position inside `source` to the position in `file`.
    public func filePosition(of position: SourcePosition) -> SourcePosition {
        let index = position.line - 1
        guard index >= 0, index < lineStarts.count else { return position }
        let start = lineStarts[index]
        return SourcePosition(line: start.line, column: start.column + position.column - 1)
    }

    /// Parses `source` (or returns `prebuilt`), with repair positions mapped into `file`.
    /// - Parameter tolerant: repair the defects real annotations have (FOLParser's tolerant mode).
    /// - Throws: `FormalTextError` at the file position of the syntax error.
    public func parsed(tolerant: Bool = false) throws -> ParsedFormula {
        if let prebuilt { return prebuilt }
        do {
            switch syntax {
            case .fol, .tptp:
                let options = FOLParseOptions(dialect: syntax == .tptp ? .tptp : .standard, tolerant: tolerant)
                let result = try FOLParser.parse(source, options: options)
                return ParsedFormula(
                    formula: result.formula,
                    repairs: result.repairs.map { Repair(position: filePosition(of: $0.position), message: $0.message) })
            case .logicProgram:
                var parser = LogicProgramParser(text: source)
                let formula = try parser.parseStandaloneClause()
                return ParsedFormula(formula: formula, repairs: [])
            }
        } catch let error as FOLParseError {
            throw FormalTextError(file: file, position: filePosition(of: error.position), message: error.message)
        } catch let error as LogicProgramError {
            throw FormalTextError(file: file, position: filePosition(of: error.position), message: error.message)
        }
    }
}

/// A formal statement that could not be parsed, at its position in its file.
public struct FormalTextError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String?
    public var position: SourcePosition
    public var message: String

    public init(file: String?, position: SourcePosition, message: String) {
        self.file = file
        self.position = position
        self.message = message
    }

    /// `file:line:column: message`.
    public var description: String {
        if let file { return "\(file):\(position): \(message)" }
        return "\(position): \(message)"
    }
}
