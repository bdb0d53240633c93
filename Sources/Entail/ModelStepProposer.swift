import Decoder
import Foundation
import Logic
import Search
import SemanticParser

/// The language model as the `steps` strategy's proposer. The prompt is the few-shot
/// examples of `prompts/reasoning-steps.txt`, then the problem (numbered premises and the
/// conclusion, each with its translation), then the chain's steps so far, ending after
/// `Step N`. A grammar writes the rest of the line, `: Formula [P1, S2]`: the derived
/// fact first (a formula in the grounded grammar's syntax that names only the
/// predicates, at their arities, and constants of the problem's translations), then
/// between one and `maxCitations` citations of existing premises and earlier steps. The
/// fact comes first so that the model picks the citations knowing what they must support. Decoding stops when the line is complete
/// and the model prefers a newline or end token, or after `maxTokens`.
///
/// The examples are prefilled once, at init; a problem's prefix once per problem (kept
/// until a request for another problem). Tokens: a finished step costs its generated
/// tokens, a decode that ran out costs `maxTokens`. Not thread-safe.
public final class ModelStepProposer: StepProposer {
    public let model: LanguageModel
    /// Token budget per step.
    public var maxTokens = 48
    /// Sampling temperature for the steps that are not greedy.
    public var temperature: Double = 1

    private let examples: String
    private let vocabulary: GrammarVocabulary
    private let stopTokens: Set<Int32>
    private let examplesCache: KVCache
    private var problemKey: String?
    private var problemCache: KVCache?
    private var grammars: [String: CompiledGrammar] = [:]

    /// The default prompt file, `prompts/reasoning-steps.txt` under the current directory,
    /// else under the package root.
    public static var defaultPromptPath: String {
        let local = FileManager.default.currentDirectoryPath + "/prompts/reasoning-steps.txt"
        if FileManager.default.fileExists(atPath: local) { return local }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent("prompts/reasoning-steps.txt").path
    }

    /// Loads the prompt (nil: `defaultPromptPath`) and prefills its examples.
    public init(model: LanguageModel, promptFile: String? = nil) throws(ModelTranslationError) {
        let path = promptFile ?? Self.defaultPromptPath
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw .unreadablePrompt(path: path) }
        self.model = model
        examples = FewShotPrompt(examples: text).examples
        let tokenizer = model.tokenizer
        let size = model.config.vocabularySize
        let decoding = DecodingVocabulary(tokenizer: tokenizer, size: size)
        vocabulary = decoding.vocabulary
        stopTokens = decoding.stopTokens
        let tokens = tokenizer.encode(examples, parseSpecial: false)
        examplesCache = model.makeCache(capacity: tokens.count)
        if !tokens.isEmpty {
            var logits = [Float](repeating: 0, count: size)
            logits.withUnsafeMutableBufferPointer { buffer in
                model.forward(tokens: tokens, caches: Array(repeating: examplesCache, count: tokens.count),
                              logitRows: [tokens.count - 1], logits: buffer.baseAddress!)
            }
        }
    }

    public var maxTokensPerStep: Int { max(1, maxTokens) }

    /// The problem block of the prompt: numbered premises and the conclusion with their formulas.
    static func problemText(_ request: StepRequest) -> String {
        func line(_ s: String) -> String { s.split(whereSeparator: \.isNewline).joined(separator: " ") }
        var text = "Premises:\n"
        for (i, sentence) in request.premiseSentences.enumerated() {
            let formula = i < request.premiseTranslations.count ? request.premiseTranslations[i]?.text : nil
            text += "P\(i + 1): \(line(sentence)) FOL: \(formula ?? "?")\n"
        }
        return text + "Conclusion: \(line(request.conclusionSentence)) FOL: \(request.conclusionTranslation.text)\n"
    }

    /// The grammar of the rest of a step line for step `number` of a chain.
    static func grammarSource(_ request: StepRequest, number: Int) -> String {
        let premises = request.premiseTranslations.indices.filter { request.premiseTranslations[$0] != nil }.map { "\"P\($0 + 1)\"" }
        let steps = (1..<max(1, number)).map { "\"S\($0)\"" }
        let formula = GroundedGrammar(predicates: request.signature.predicates.map { ($0.name, [$0.arity]) },
                                      constants: request.signature.constants).source
            .replacingOccurrences(of: "root ::= ", with: "stepformula ::= ")
        var cites = "stepcite"
        for _ in 1..<max(1, request.maxCitations) { cites = "stepcite (\", \" \(cites))?" }
        return "root ::= \":\" stepformula \" [\" \(cites) \"]\"\n"
            + "stepcite ::= " + (premises + steps).joined(separator: " | ") + "\n" + formula
    }

    public func propose(_ request: StepRequest) -> StepProposal {
        let number = request.steps.count + 1
        guard !request.signature.predicates.isEmpty else {
            return StepProposal(step: nil, tokens: 0, modelCalls: 0, failure: "the translations name no predicate")
        }
        guard request.premiseTranslations.contains(where: { $0 != nil }) || number > 1 else {
            return StepProposal(step: nil, tokens: 0, modelCalls: 0, failure: "no premise has a translation to cite")
        }
        let source = Self.grammarSource(request, number: number)
        let grammar: CompiledGrammar
        if let cached = grammars[source] { grammar = cached } else {
            do { grammar = try CompiledGrammar(source: source) } catch {
                return StepProposal(step: nil, tokens: 0, modelCalls: 0, failure: "step grammar: \(error)")
            }
            if grammars.count > 64 { grammars.removeAll() }
            grammars[source] = grammar
        }
        let tokenizer = model.tokenizer
        let problem = Self.problemText(request)
        if problemKey != problem {
            let tokens = tokenizer.encode(problem, parseSpecial: false, addBOS: false)
            guard examplesCache.length + tokens.count + 1 < model.contextCapacity else {
                return StepProposal(step: nil, tokens: 0, modelCalls: 0, failure: "the problem does not fit the model's context")
            }
            let cache = examplesCache.fork(additional: tokens.count)
            var logits = [Float](repeating: 0, count: model.config.vocabularySize)
            logits.withUnsafeMutableBufferPointer { buffer in
                model.forward(tokens: tokens, caches: Array(repeating: cache, count: tokens.count),
                              logitRows: [tokens.count - 1], logits: buffer.baseAddress!)
            }
            problemKey = problem
            problemCache = cache
        }
        guard let problemCache else { preconditionFailure("the problem prefix was just prefilled") }
        var chain = ""
        for (i, step) in request.steps.enumerated() { chain += "Step \(i + 1): \(Self.line(step))\n" }
        chain += "Step \(number)"
        let query = tokenizer.encode(chain, parseSpecial: false, addBOS: false)
        guard problemCache.length + query.count + maxTokens + 1 <= model.contextCapacity else {
            return StepProposal(step: nil, tokens: 0, modelCalls: 0, failure: "the chain does not fit the model's context")
        }
        let budget = min(maxTokensPerStep, request.tokenAllowance ?? Int.max)
        let cache = problemCache.fork(additional: query.count + budget + 1)
        var logits = [Float](repeating: 0, count: model.config.vocabularySize)
        logits.withUnsafeMutableBufferPointer { buffer in
            model.forward(tokens: query, caches: Array(repeating: cache, count: query.count),
                          logitRows: [query.count - 1], logits: buffer.baseAddress!)
        }
        var generator = request.greedy ? nil : SeededGenerator(seed: request.seed)
        return decode(grammar: grammar, cache: cache, logits: &logits, budget: budget, generator: &generator)
    }

    /// One grammar-constrained decode of the rest of a step line.
    private func decode(grammar: CompiledGrammar, cache: KVCache, logits: inout [Float], budget: Int,
                        generator: inout SeededGenerator?) -> StepProposal {
        var sequence = ConstrainedSequence(grammar: grammar, vocabulary: vocabulary, generator: generator)
        sequence.run(model: model, cache: cache, logits: &logits, maxTokens: budget, stopTokens: stopTokens, temperature: temperature)
        generator = sequence.generator
        let output = sequence.output, logProbability = sequence.logProbability
        let stopped = sequence.stopped, constraint = sequence.constraint
        let text = model.tokenizer.decode(output)
        guard stopped || constraint.isComplete else {
            return StepProposal(step: nil, tokens: budget, modelCalls: 1, failure: "token budget exhausted: \(text)")
        }
        guard let parsed = Self.parse(text) else {
            return StepProposal(step: nil, tokens: output.count, modelCalls: 1, failure: "step does not parse: \(text)")
        }
        let step = ProposedStep(citations: parsed.citations, formula: parsed.formula,
                                text: text.hasPrefix(": ") ? String(text.dropFirst(2)) : text,
                                logProbability: logProbability, tokens: output.count)
        return StepProposal(step: step, tokens: output.count, modelCalls: 1)
    }

    /// A step as its line shows it after `Step N: `: the formula, then the citations.
    static func line(_ step: ProposedStep) -> String {
        "\(FOLPrinter.ascii(step.formula)) [\(step.citations.map(\.description).joined(separator: ", "))]"
    }

    /// Reads `: Formula [P1, S2]` (the text the grammar produces).
    static func parse(_ text: String) -> (citations: [StepCitation], formula: Formula)? {
        guard text.hasPrefix(":"), let open = text.lastIndex(of: "["), text.hasSuffix("]") else { return nil }
        var citations: [StepCitation] = []
        for label in text[text.index(after: open)..<text.index(before: text.endIndex)].split(separator: ",") {
            guard let c = StepCitation(label: label) else { return nil }
            citations.append(c)
        }
        let body = text[text.index(after: text.startIndex)..<open].trimmingCharacters(in: .whitespaces)
        guard let formula = try? FOLParser.parse(body).formula else { return nil }
        return (citations, formula)
    }
}
