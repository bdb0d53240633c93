import Decoder
import Foundation
import Logic
import SemanticParser

/// Builds the fine-tuning data for the translator: FOLIO train premises with their gold
/// formulas, controlled-English problems (ProofWriter style) with the controlled parser's
/// formulas, and seeded variations of both. Each pair's prompt is exactly what
/// `ModelTranslator` shows the model for that sentence: the prompt file's text, then
/// `FewShotPrompt.query(sentence:signature:)` where the signature has adopted the formulas
/// of the story's earlier sentences, in order.
///
/// Evaluation splits (file names containing `validation`, `dev` or `test`) are refused.
public struct TrainingPairsBuilder {
    public let prompt: FewShotPrompt
    public let tokenizer: Tokenizer?
    /// Every pair emitted so far, in order.
    public private(set) var pairs: [TrainingPair] = []
    public private(set) var statistics = TrainingPairStatistics()
    /// FOLIO stories kept (the base of the FOLIO variations).
    public private(set) var folioStories: [TrainingStory] = []
    /// Sentence lists of the controlled problems used (the base of their variations).
    public private(set) var controlledTexts: [(sentences: [String], source: String)] = []

    private let instructionIDs: [Int32]

    /// `tokenizer` nil: pairs carry no token ids.
    public init(prompt: FewShotPrompt, tokenizer: Tokenizer?) {
        self.prompt = prompt
        self.tokenizer = tokenizer
        instructionIDs = tokenizer?.encode(prompt.examples, parseSpecial: false) ?? []
    }

    /// True when a file name marks an evaluation split.
    public static func isEvaluationFile(_ path: String) -> Bool {
        let name = (path as NSString).lastPathComponent.lowercased()
        return ["validation", "dev", "test"].contains { name.contains($0) }
    }

    /// The pair for one sentence under the signature of the sentences before it.
    public func pair(sentence: String, formula: Formula, signature: TranslationSignature, source: String) -> TrainingPair {
        let text = FOLPrinter.ascii(CanonicalVariables.apply(formula))
        let query = prompt.query(sentence: sentence, signature: signature)
        var promptIDs: [Int32] = []
        var completionIDs: [Int32] = []
        if let tokenizer {
            promptIDs = instructionIDs + tokenizer.encode(query, parseSpecial: false, addBOS: false)
            completionIDs = tokenizer.encode(" " + text, parseSpecial: false, addBOS: false)
                + tokenizer.encode("\n", parseSpecial: false, addBOS: false)
        }
        return TrainingPair(prompt: prompt.examples + query, completion: " " + text + "\n",
                            promptIDs: promptIDs, completionIDs: completionIDs, source: source)
    }

    /// Emits the pairs of a story (those whose index `keep` accepts), growing one signature
    /// along it; counts them under `kind`.
    public mutating func add(_ story: TrainingStory, kind: String, keep: (Int) -> Bool = { _ in true }) {
        var signature = TranslationSignature()
        for (i, sentence) in story.sentences.enumerated() {
            if keep(i) {
                pairs.append(pair(sentence: sentence, formula: story.formulas[i], signature: signature,
                                  source: "\(story.source):\(i + 1)"))
                statistics.pairsBySource[kind, default: 0] += 1
            }
            signature.adopt(story.formulas[i])
        }
    }

    // MARK: FOLIO

    /// Reads FOLIO JSONL (`premises`, `premises-FOL`); each distinct premise list is one
    /// story. Skips (and counts) stories whose counts differ, whose formulas are empty or do
    /// not parse (strictly, or tolerantly with unambiguous repairs), or that use a predicate
    /// with two arities.
    public mutating func addFOLIO(path: String) throws(TrainingPairsError) {
        guard !Self.isEvaluationFile(path) else { throw .evaluationData(path: path) }
        let text = try Self.read(path)
        var seen = Set<[String]>()
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw .malformed(path: path, line: n + 1, message: "not a JSON object")
            }
            guard let premises = object["premises"] as? [String], let formulas = object["premises-FOL"] as? [String] else {
                throw .malformed(path: path, line: n + 1, message: "missing 'premises' or 'premises-FOL' string lists")
            }
            statistics.folioRecords += 1
            let sentences = premises.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            guard seen.insert(sentences).inserted else { continue }
            statistics.folioStories += 1
            guard sentences.count == formulas.count else { statistics.folioSkippedCountMismatch += 1; continue }
            var parsed: [Formula] = []
            var repaired = false
            for source in formulas {
                let trimmed = source.trimmingCharacters(in: .whitespacesAndNewlines)
                if trimmed.isEmpty { break }
                if let f = try? FOLParser.parse(trimmed).formula { parsed.append(f); continue }
                guard let t = try? FOLParser.parse(trimmed, options: FOLParseOptions(tolerant: true)),
                      !t.repairs.contains(where: { $0.message.hasPrefix("ambiguous") }) else { break }
                parsed.append(t.formula)
                repaired = true
            }
            guard parsed.count == formulas.count, !sentences.contains(where: \.isEmpty) else {
                statistics.folioSkippedUnparsable += 1; continue
            }
            var signature = TranslationSignature()
            guard parsed.allSatisfy({ signature.adopt($0).isEmpty }) else { statistics.folioSkippedArityClash += 1; continue }
            if repaired { statistics.folioRepaired += 1 }
            let id = (object["story_id"] as? Int).map(String.init) ?? "line-\(n + 1)"
            let story = TrainingStory(sentences: sentences, formulas: parsed, source: "folio-train:story-\(id)")
            folioStories.append(story)
            add(story, kind: "folio")
        }
    }

    // MARK: Controlled English

    /// Parses sentences with one `ControlledEnglishParser` (one shared signature) and keeps
    /// the understood ones, counting both.
    public mutating func controlledStory(sentences: [String], source: String) -> TrainingStory {
        var parser = ControlledEnglishParser()
        var kept: [String] = [], formulas: [Formula] = []
        for s in sentences {
            if let f = parser.parse(sentence: s).formula {
                kept.append(s); formulas.append(f)
                statistics.controlledUnderstood += 1
            } else {
                statistics.controlledNotUnderstood += 1
            }
        }
        return TrainingStory(sentences: kept, formulas: formulas, source: source)
    }

    /// Reads a Logic-LM JSON file (`context`, `question`), picks `stories` distinct contexts
    /// at random, and emits each understood sentence (the context's, then the question's
    /// statement) with probability `keepFraction`.
    public mutating func addControlled(path: String, kind: String, stories: Int, keepFraction: Double,
                                       generator: inout SplitMix64) throws(TrainingPairsError) {
        guard !Self.isEvaluationFile(path) else { throw .evaluationData(path: path) }
        let text = try Self.read(path)
        guard let records = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] else {
            throw .malformed(path: path, line: 0, message: "not a JSON array of objects")
        }
        var seen = Set<String>()
        var problems: [(id: String, sentences: [String])] = []
        for (i, record) in records.enumerated() {
            guard let context = record["context"] as? String, let question = record["question"] as? String else {
                throw .malformed(path: path, line: 0, message: "record \(i + 1) lacks 'context' or 'question'")
            }
            statistics.controlledProblems += 1
            guard seen.insert(context).inserted else { continue }
            let sentences = ControlledEnglishParser.splitSentences(context)
                + [ControlledEnglishParser.statement(fromQuestion: question)]
            problems.append(((record["id"] as? String) ?? "record-\(i + 1)", sentences))
        }
        problems.shuffle(using: &generator)
        for problem in problems.prefix(stories) {
            statistics.controlledStories += 1
            let story = controlledStory(sentences: problem.sentences, source: "\(kind):\(problem.id)")
            controlledTexts.append((problem.sentences, story.source))
            var draws: [Bool] = []
            for _ in story.sentences { draws.append(Double(generator.next() >> 11) / Double(1 << 53) < keepFraction) }
            add(story, kind: kind) { draws[$0] }
        }
    }

    static func read(_ path: String) throws(TrainingPairsError) -> String {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(path: path)
        }
        return text
    }
}
