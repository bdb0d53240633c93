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
    /// Translate the English of every statement that has English, ignoring its formal form
    /// (to measure a semantic parser on a dataset with gold formulas, e.g. FOLIO).
    public var englishOnly = false
    /// The model that translates what the controlled-English parser does not cover (or
    /// everything, with `parser == .model`), loaded on first use. Copies of this reasoner
    /// share it; see `LazyModelTranslator` on concurrency.
    public let modelTranslator: LazyModelTranslator
    /// Repair rounds at most: a signature clash or inconsistent premises that involve a
    /// model translation make the model translate the statements again, with the error
    /// shown in the prompt.
    public var repairRounds: Int

    /// A reasoner. `adapter` is a LoRA adapter file (such as the shipped
    /// `adapters/fol-lora.gguf`) applied to the model; with one, the prompt defaults to the
    /// tuned zero-shot prompt it was trained on. `model` is `.none` by default here (the command line defaults to
    /// `.bundled`), so English that the controlled parser misses is an error unless a model
    /// is asked for.
    public init(prover: ProverChoice = .both, timeout: Duration = .seconds(20), tolerant: Bool = false,
                formalOnly: Bool = false, parser: ParserChoice = .both, model: ModelSource = .none,
                threads: Int = 1, promptFile: String? = nil, repairRounds: Int = 2, adapter: String? = nil) {
        self.formal = FormalReasoner(prover: prover, timeout: timeout)
        self.tolerant = tolerant
        self.formalOnly = formalOnly
        self.parser = parser
        self.modelTranslator = LazyModelTranslator(source: model, threads: threads, promptFile: promptFile, adapter: adapter)
        self.repairRounds = max(0, repairRounds)
    }

    /// Solves one problem. Never throws: input errors become the verdict `error` with the
    /// message and its position as the certificate.
    ///
    /// When the model translated some statements, a signature clash that involves one of
    /// them, or premises the provers find inconsistent with one of them in the core, starts
    /// a repair round (at most `repairRounds`): those statements are translated again with
    /// the error on a `Note:` line of the prompt (a clashing predicate keeps only the arity
    /// of its first use, another clashing name is removed from the grammar; an inconsistent translation is not accepted again). Each round is noted.
    public func solve(_ problem: Problem) -> Solution {
        let start = ContinuousClock.now
        var solution: Solution
        var requests: [String: ModelRepairRequest] = [:]
        var roundNotes: [String] = []
        var earlier: [TranslationRecord] = []
        var round = 0
        var modelCalls = 0, tokens = 0, earlierProverCalls = 0
        while true {
            switch formalize(problem, repairs: requests, round: round, clashRepairable: round < repairRounds) {
            case .failure(let failure):
                modelCalls += failure.modelCalls; tokens += failure.tokens
                if round < repairRounds, let clash = failure.clash {
                    var involved: [String] = []
                    for role in clash.roles where failure.modelTexts[role] != nil && !involved.contains(role) { involved.append(role) }
                    if !involved.isEmpty {
                        round += 1
                        let name = clash.error.name
                        // A predicate keeps the arity of its first use; a constant or
                        // function name that clashes is left out of the grammar.
                        let bothPredicates = clash.error.first.isPredicate && clash.error.second.isPredicate
                        let arity = clash.error.first.arity
                        for role in involved {
                            var request = requests[role] ?? ModelRepairRequest()
                            if bothPredicates {
                                request.pinned[name] = arity
                                request.note = "'\(name)' takes \(arity) argument\(arity == 1 ? "" : "s")."
                            } else {
                                request.excluded.insert(name)
                                request.note = "'\(name)' is already used with another arity; use other names."
                            }
                            if let text = failure.modelTexts[role] { request.rejected.insert(text) }
                            requests[role] = request
                        }
                        let action = bothPredicates ? "with '\(name)' of arity \(arity) only" : "without '\(name)'"
                        roundNotes.append("repair round \(round): \(failure.message); translating \(involved.joined(separator: ", ")) again \(action)")
                        earlier += failure.translations.filter { involved.contains($0.statement) }
                        continue
                    }
                }
                solution = Solution(id: problem.id, verdict: .error, expected: problem.expected)
                solution.certificate = .error(failure.message)
                solution.repairs = failure.repairs
                solution.translations = earlier + failure.translations
                solution.notes = problem.notes + roundNotes
                solution.cost.modelCalls = modelCalls
                solution.cost.tokens = tokens
            case .success(let theory):
                modelCalls += theory.modelCalls; tokens += theory.tokens
                solution = formal.decide(
                    id: problem.id, premises: theory.premises, premiseNumbers: theory.premiseNumbers,
                    conclusion: theory.conclusion, world: problem.world, expected: problem.expected)
                if round < repairRounds, solution.verdict == .inconsistent, !theory.modelTexts.isEmpty {
                    var core: [Int] = []
                    switch solution.certificate {
                    case .core(let premises)?, .proof(let premises, _)?: core = premises
                    default: break
                    }
                    let coreRoles = core.map { "premise \($0 + 1)" }
                    var involved = coreRoles.filter { theory.modelTexts[$0] != nil }
                    if core.isEmpty { involved = theory.modelTexts.keys.sorted() }
                    if !involved.isEmpty {
                        round += 1
                        let shown = theory.translations.filter { coreRoles.contains($0.statement) }.map(\.formula)
                        for role in involved {
                            var request = requests[role] ?? ModelRepairRequest()
                            let others = shown.filter { $0 != theory.modelTexts[role] }
                            request.note = "an earlier translation, \(theory.modelTexts[role]!), contradicts "
                                + (others.isEmpty ? "the other sentences" : others.joined(separator: "; ")) + "."
                            request.rejected.insert(theory.modelTexts[role]!)
                            request.samples = 4
                            requests[role] = request
                        }
                        roundNotes.append("repair round \(round): the premises are inconsistent (core: premise \(core.map { String($0 + 1) }.joined(separator: ", "))); translating \(involved.joined(separator: ", ")) again")
                        earlier += theory.translations.filter { involved.contains($0.statement) }
                        earlierProverCalls += solution.cost.proverCalls
                        continue
                    }
                }
                solution.repairs = theory.repairs
                solution.translations = earlier + theory.translations
                solution.notes = problem.notes + roundNotes + theory.notes + theory.ambiguities + solution.notes
                solution.ambiguous = !theory.ambiguities.isEmpty || theory.repairs.contains { $0.contains("ambiguous") }
                solution.cost.modelCalls = modelCalls
                solution.cost.tokens = tokens
                solution.cost.proverCalls += earlierProverCalls
            }
            break
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
        /// The model's text for each statement it translated, by role ("premise 3").
        var modelTexts: [String: String] = [:]
        var modelCalls = 0
        var tokens = 0
    }

    /// A name used with two arities, and the statements of both uses ("premise 2", "conclusion").
    struct SymbolClash {
        var error: SignatureError
        var roles: [String]
    }

    /// What a repair round asks of the model for one statement.
    struct ModelRepairRequest {
        /// Shown on the prompt's `Note:` line.
        var note = ""
        /// Names left out of the sentence's grammar.
        var excluded: Set<String> = []
        /// Predicates offered at this arity only.
        var pinned: [String: Int] = [:]
        /// Translations not to accept again.
        var rejected: Set<String> = []
        /// Candidates to draw (the greedy one, then seeded samples).
        var samples = 1
    }

    /// Why a problem could not be put in formal form.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String { message }
        var message: String
        var repairs: [String] = []
        var translations: [TranslationRecord] = []
        /// A name used with two arities, and the statements ("premise 2", "conclusion") of both uses.
        var clash: SymbolClash? = nil
        var modelTexts: [String: String] = [:]
        var modelCalls = 0
        var tokens = 0
    }

    /// Parses the formal forms; then translates the English that has none, with the
    /// controlled-English parser sharing the signature of the formal premises. A sentence
    /// no available parser understands is an error, never a guess.
    func formalize(_ problem: Problem, repairs requests: [String: ModelRepairRequest] = [:], round: Int = 0,
                   clashRepairable: Bool = false) -> Result<Theory, Failure> {
        var theory = Theory()
        var english = ControlledEnglishParser()
        var signature = TranslationSignature()
        func failure(_ message: String, clash: SymbolClash? = nil) -> Failure {
            Failure(message: message, repairs: theory.repairs, translations: theory.translations, clash: clash,
                    modelTexts: theory.modelTexts, modelCalls: theory.modelCalls, tokens: theory.tokens)
        }
        var formalPremises: [(Int, Formula)] = []
        var informal: [Int] = []
        func parseFormal(_ statement: Statement, _ role: String) throws -> Formula? {
            guard let formal = statement.formal else { return nil }
            if englishOnly && !formalOnly, let text = statement.text, !text.isEmpty { return nil }
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
            for (_, f) in formalPremises { _ = english.adopt(f); signature.adopt(f) }
            if let c = conclusion { _ = english.adopt(c); signature.adopt(c) }

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
                    if parser != .model {
                        switch english.parse(sentence: text) {
                        case .formula(let f, let source):
                            theory.translations.append(TranslationRecord(statement: role, parser: source.rawValue, sentence: text, formula: FOLPrinter.ascii(f)))
                            signature.adopt(f)
                            return f
                        case .notUnderstood(let reason):
                            guard parser == .both else {
                                notUnderstood.append("\(role) (\"\(text)\") not understood by the controlled-English parser: \(reason)")
                                return nil
                            }
                            if let why = modelTranslator.unavailability() {
                                notUnderstood.append("\(role) (\"\(text)\") not understood by the controlled-English parser: \(reason); the model translator is not available: \(why)")
                                return nil
                            }
                        }
                    }
                    if let why = modelTranslator.unavailability() {
                        notUnderstood.append("\(role) (\"\(text)\"): the model translator is not available: \(why)")
                        return nil
                    }
                    let request = requests[role]
                    let result = modelTranslator.translate(
                        sentence: text, signature: &signature, note: request?.note, excluding: request?.excluded ?? [],
                        pinning: request?.pinned ?? [:],
                        rejected: request?.rejected ?? [], samples: request?.samples ?? 1, seed: UInt64(round))
                    switch result {
                    case .success(let (t, fresh)):
                        if fresh { theory.modelCalls += 1; theory.tokens += t.tokens }
                        theory.modelTexts[role] = t.text
                        theory.translations.append(TranslationRecord(
                            statement: role, parser: "model", sentence: text, formula: FOLPrinter.ascii(t.formula),
                            logProbability: t.logProbability, repairRound: request == nil ? 0 : round))
                        return t.formula
                    case .failure(let f):
                        notUnderstood.append("\(role) (\"\(text)\"): the model could not translate it: \(f.message)")
                        return nil
                    }
                }
                for i in informal {
                    if let f = translate(problem.premises[i].text, "premise \(i + 1)") { translated.append((i, f)) }
                }
                if conclusion == nil { conclusion = translate(statement.text, "conclusion") }
            }
            guard notUnderstood.isEmpty, let goal = conclusion else {
                return .failure(failure(notUnderstood.joined(separator: "; ")))
            }
            let all = (formalPremises + translated).sorted { $0.0 < $1.0 }
            var formulas = all.map(\.1) + [goal]
            let numbers = all.map(\.0)
            func role(_ index: Int) -> String { index < numbers.count ? "premise \(numbers[index] + 1)" : "conclusion" }
            // One signature for the whole theory: a name with two arities is an error that
            // names both uses, or, tolerantly, renamed at its later uses and reported. A
            // clash with a model translation in it goes back to the model first (repair).
            if clashRepairable, !theory.modelTexts.isEmpty {
                do { _ = try Signature.infer(from: formulas) } catch let e as SignatureError {
                    let roles = [role(e.first.formulaIndex), role(e.second.formulaIndex)]
                    if roles.contains(where: { theory.modelTexts[$0] != nil }) {
                        return .failure(failure("'\(e.name)' is used with arity \(e.first.arity) in \(roles[0]) and with arity \(e.second.arity) in \(roles[1])",
                                                clash: SymbolClash(error: e, roles: roles)))
                    }
                }
            }
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
                    return .failure(failure("\(problem.id): '\(e.name)' is used \(use(e.first)) and \(use(e.second)) (--tolerant renames one)",
                                            clash: SymbolClash(error: e, roles: [role(e.first.formulaIndex), role(e.second.formulaIndex)])))
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
