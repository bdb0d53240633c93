import Foundation
import Logic
import Problems
import SemanticParser

/// The entry point for solving problems: reads their formal content, translates the
/// English that has none, decides with the provers, and returns a `Solution` with its
/// certificate and cost.
///
/// ```swift
/// let problems = try ProblemFileReader.read(contentsOfFile: "problems/socrates.problem")
/// let solution = Reasoner().solve(problems[0])
/// print(solution.verdict)   // false
/// ```
public struct Reasoner: Sendable {
    public var formal: FormalReasoner
    /// Let the FOL parser repair annotation defects (each repair is reported).
    public var tolerant: Bool
    /// Decide from the formal premises alone when some premises have only English (as
    /// when a dataset's gold FOL has fewer formulas than sentences); each premise left out
    /// is noted. When false, English premises are translated.
    public var formalOnly: Bool
    /// Which semantic parser translates English premises.
    public var parser: ParserChoice

    public init(prover: ProverChoice = .both, timeout: Duration = .seconds(20), tolerant: Bool = false,
                formalOnly: Bool = false, parser: ParserChoice = .both) {
        self.formal = FormalReasoner(prover: prover, timeout: timeout)
        self.tolerant = tolerant
        self.formalOnly = formalOnly
        self.parser = parser
    }

    /// Solves one problem. Never throws: input errors become the verdict `error` with the
    /// message and its position as the certificate.
    public func solve(_ problem: Problem) -> Solution {
        let start = ContinuousClock.now
        var solution: Solution
        switch formalize(problem) {
        case .failure(let failure):
            solution = Solution(id: problem.id, verdict: .error, expected: problem.expected)
            solution.certificate = .error(failure.message)
            solution.repairs = failure.repairs
            solution.translations = failure.translations
            solution.notes = problem.notes
        case .success(let theory):
            solution = formal.decide(
                id: problem.id, premises: theory.premises, premiseNumbers: theory.premiseNumbers,
                conclusion: theory.conclusion, world: problem.world, expected: problem.expected)
            solution.repairs = theory.repairs
            solution.translations = theory.translations
            solution.notes = problem.notes + theory.notes + theory.ambiguities + solution.notes
            solution.ambiguous = !theory.ambiguities.isEmpty || theory.repairs.contains { $0.contains("ambiguous") }
        }
        solution.cost.seconds = (ContinuousClock.now - start).seconds
        return solution
    }

    /// The premises and conclusion as formulas (translating English as `solve` does),
    /// for export to other provers; nil with the reason when that fails.
    public func theory(of problem: Problem) -> Result<(premises: [Formula], conclusion: Formula), Failure> {
        formalize(problem).map { ($0.premises, $0.conclusion) }
    }

    /// A problem's premises and conclusion as formulas under one signature.
    struct Theory {
        var premises: [Formula] = []
        var premiseNumbers: [Int] = []
        var conclusion: Formula = .truth
        var repairs: [String] = []
        var translations: [TranslationRecord] = []
        var notes: [String] = []
        /// Precedence the text leaves to convention (∧ and ∨ mixed without parentheses).
        var ambiguities: [String] = []
    }

    /// Why a problem could not be put in formal form.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String { message }
        var message: String
        var repairs: [String] = []
        var translations: [TranslationRecord] = []
    }

    /// Parses the formal forms; then translates the English that has none, with the
    /// controlled-English parser sharing the signature of the formal premises. A sentence
    /// no available parser understands is an error, never a guess.
    func formalize(_ problem: Problem) -> Result<Theory, Failure> {
        var theory = Theory()
        var english = ControlledEnglishParser()
        var formalPremises: [(Int, Formula)] = []
        var informal: [Int] = []
        func parseFormal(_ statement: Statement, _ role: String) throws -> Formula? {
            guard let formal = statement.formal else { return nil }
            do {
                let parsed = try formal.parsed(tolerant: tolerant)
                if formal.syntax == .fol {
                    for position in FOLParser.unparenthesizedAndOrMixes(formal.source) {
                        let at = formal.filePosition(of: position)
                        theory.ambiguities.append("\(role): \(formal.file.map { "\($0):" } ?? "")\(at): ∧ and ∨ meet without parentheses; read with ∧ binding tighter, as grammars/fol.ebnf says, but the author may have meant the other reading")
                    }
                }
                theory.repairs += parsed.repairs.map { "\(role): \(formal.file.map { "\($0):" } ?? "")\($0.position): \($0.message)" }
                return parsed.formula
            } catch {
                throw Failure(message: "\(error) (in \(role))", repairs: theory.repairs)
            }
        }
        do {
            for (i, premise) in problem.premises.enumerated() {
                if let f = try parseFormal(premise, "premise \(i + 1)") { formalPremises.append((i, f)) } else { informal.append(i) }
            }
            var conclusion: Formula?
            if let c = problem.conclusion { conclusion = try parseFormal(c, "conclusion") }
            guard let statement = problem.conclusion, statement.formal != nil || statement.text != nil else {
                return .failure(Failure(message: "\(problem.id): the problem has no conclusion"))
            }
            for (_, f) in formalPremises { _ = english.adopt(f) }
            if let c = conclusion { _ = english.adopt(c) }

            var translated: [(Int, Formula)] = []
            var notUnderstood: [String] = []
            if formalOnly {
                if !informal.isEmpty {
                    theory.notes.append("premise \(informal.map { String($0 + 1) }.joined(separator: ", ")) has no formal form and was left out (--formal)")
                }
                guard conclusion != nil else {
                    return .failure(Failure(message: "\(problem.id): the conclusion has no formal form (--formal)", repairs: theory.repairs))
                }
            } else {
                func translate(_ text: String?, _ role: String) -> Formula? {
                    guard let text, !text.isEmpty else {
                        notUnderstood.append("\(role) has neither English nor a formal form")
                        return nil
                    }
                    guard parser != .model else {
                        notUnderstood.append("\(role) (\"\(text)\"): the model translator is not available in this build")
                        return nil
                    }
                    switch english.parse(sentence: text) {
                    case .formula(let f, let source):
                        theory.translations.append(TranslationRecord(statement: role, parser: source.rawValue, sentence: text, formula: FOLPrinter.ascii(f)))
                        return f
                    case .notUnderstood(let reason):
                        let fallback = parser == .both ? "; the model translator is not available in this build" : ""
                        notUnderstood.append("\(role) (\"\(text)\") not understood by the controlled-English parser: \(reason)\(fallback)")
                        return nil
                    }
                }
                for i in informal {
                    if let f = translate(problem.premises[i].text, "premise \(i + 1)") { translated.append((i, f)) }
                }
                if conclusion == nil { conclusion = translate(statement.text, "conclusion") }
            }
            guard notUnderstood.isEmpty, let goal = conclusion else {
                return .failure(Failure(message: notUnderstood.joined(separator: "; "), repairs: theory.repairs, translations: theory.translations))
            }
            let all = (formalPremises + translated).sorted { $0.0 < $1.0 }
            var formulas = all.map(\.1) + [goal]
            let numbers = all.map(\.0)
            func role(_ index: Int) -> String { index < numbers.count ? "premise \(numbers[index] + 1)" : "conclusion" }
            // One signature for the whole theory: a name with two arities is an error that
            // names both uses, or, tolerantly, renamed at its later uses and reported.
            if tolerant {
                let repaired = ArityRepair.repairing(formulas)
                formulas = repaired.formulas
                for r in repaired.repairs {
                    let kind = r.isPredicate ? "predicate" : "function"
                    theory.repairs.append("\(r.formulaIndices.map(role).joined(separator: ", ")): '\(r.name)' used as a \(kind) of arity \(r.arity) after another use with a different arity; renamed to '\(r.renamedTo)'")
                }
            } else {
                do { _ = try Signature.infer(from: formulas) } catch let e as SignatureError {
                    func use(_ u: SymbolUse) -> String { "as a \(u.isPredicate ? "predicate" : "function") of arity \(u.arity) in \(role(u.formulaIndex))" }
                    return .failure(Failure(message: "\(problem.id): '\(e.name)' is used \(use(e.first)) and \(use(e.second)) (--tolerant renames one)",
                                            repairs: theory.repairs, translations: theory.translations))
                }
            }
            theory.premises = Array(formulas.dropLast())
            theory.premiseNumbers = numbers
            theory.conclusion = formulas[formulas.count - 1]
            return .success(theory)
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(Failure(message: "\(error)"))
        }
    }
}
