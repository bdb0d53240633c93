import Foundation
import Logic

/// Translations made elsewhere, read from Logic-LM's output files (e.g. `FOLIO_dev_gpt-4`):
/// each record's `raw_logic_programs[0]` lists, under `Premises:`, one `FOL ::: English`
/// line per premise. Premises are looked up by their English (FOLIO's `[BG]` marker, case,
/// punctuation and spacing ignored); the first record that translates a sentence wins.
public struct LogicLMPredictions: Sendable {
    /// Normalized English → the FOL text written for it.
    public private(set) var formulas: [String: String] = [:]

    /// Reads a Logic-LM output file (a JSON array of records).
    /// - Throws: `DatasetError` when the file cannot be read or is not such an array.
    public init(contentsOfFile path: String) throws {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw DatasetError(file: path, message: "cannot read the file: \(error.localizedDescription)")
        }
        guard let records = (try? JSONSerialization.jsonObject(with: data)) as? [[String: Any]] else {
            throw DatasetError(file: path, message: "not a JSON array of Logic-LM output records")
        }
        for record in records {
            guard let program = (record["raw_logic_programs"] as? [String])?.first else { continue }
            add(program: program)
        }
    }

    /// Predictions from program texts (tests).
    public init(programs: [String]) {
        for p in programs { add(program: p) }
    }

    private mutating func add(program: String) {
        var inPremises = false
        for line in program.split(separator: "\n", omittingEmptySubsequences: true) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasSuffix(":"), !trimmed.contains(":::") { inPremises = trimmed == "Premises:"; continue }
            guard inPremises, let range = trimmed.range(of: ":::") else { continue }
            let fol = trimmed[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
            let english = Self.normalized(String(trimmed[range.upperBound...]))
            if !english.isEmpty, formulas[english] == nil { formulas[english] = fol }
        }
    }

    /// Lowercased letters and digits, words separated by one space, a leading `[BG]`
    /// (FOLIO's mark for background knowledge) dropped.
    public static func normalized(_ sentence: String) -> String {
        var s = sentence.trimmingCharacters(in: .whitespaces)
        if s.hasPrefix("[BG]") { s.removeFirst(4) }
        let kept = s.lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " }
        return String(kept).split(separator: " ").joined(separator: " ")
    }

    /// The prediction for each premise of `story`: parsed tolerantly, a parse error or a
    /// sentence with no prediction being a `TranslationFailure`.
    public func translations(for story: EvaluationStory) -> [TranslationEvaluator.Translated] {
        story.sentences.map { sentence in
            guard let text = formulas[Self.normalized(sentence)] else {
                return .init(result: .failure(TranslationFailure(kind: .other, message: "no prediction for this sentence")), candidates: 0)
            }
            do {
                let f = try FOLParser.parse(text, options: FOLParseOptions(tolerant: true)).formula
                return .init(result: .success(CandidateTranslation(formula: f, text: text, logProbability: 0)))
            } catch {
                return .init(result: .failure(TranslationFailure(kind: .unparsable, message: "\(error)")), candidates: 0)
            }
        }
    }
}
