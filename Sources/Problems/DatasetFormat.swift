/// The dataset formats `DatasetReader` reads (the names are `entail batch --format`'s).
public enum DatasetFormat: String, Hashable, Sendable, CaseIterable, Codable {
    /// Decide from the content (`DatasetFormat.detect`).
    case auto
    /// FOLIO JSONL: `premises`, `premises-FOL`, `conclusion`, `conclusion-FOL`, `label`.
    case folio
    /// Logic-LM dataset JSON: an array of `{id, context, question, options, answer}`.
    case logiclm
    /// Logic-LM outputs: the dataset fields plus `raw_logic_programs`.
    case logiclmPrograms = "logiclm-programs"
    /// Entail's own JSONL: `{id, premises, premises_fol?, conclusion, conclusion_fol?, label?, world?}`.
    case jsonl

    /// The format of a dataset from its first record: a JSON array whose first element
    /// has `raw_logic_programs` is `logiclmPrograms`, otherwise `logiclm`; JSON lines
    /// with `premises-FOL` (or `story_id`) are `folio`, other JSON lines with `premises`
    /// are `jsonl`. Nil when none fits.
    public static func detect(_ bytes: [UInt8]) -> DatasetFormat? {
        var i = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
        guard i < bytes.count else { return nil }
        if bytes[i] == UInt8(ascii: "[") {
            // The first record is all we need; a longer one falls back to the text test below.
            var parser = JSONParser(bytes: Array(bytes[i..<min(bytes.count, i + 1 << 18)]))
            guard let first = (try? parser.parseFirstArrayElement()) ?? nil else {
                // A broken array: guess from its text.
                let head = String(decoding: bytes.prefix(200_000), as: UTF8.self)
                if head.contains("\"raw_logic_programs\"") { return .logiclmPrograms }
                return head.contains("\"context\"") ? .logiclm : nil
            }
            if first["raw_logic_programs"] != nil { return .logiclmPrograms }
            if first["context"] != nil { return .logiclm }
            return nil
        }
        // JSON lines: look at the first line that parses as an object.
        var lineStart = i
        var scanned = 0
        while lineStart < bytes.count, scanned < 20 {
            let end = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
            var parser = JSONParser(bytes: Array(bytes[lineStart..<min(end, lineStart + 1 << 20)]))
            if let value = try? parser.parseDocument(), case .object = value {
                if value["premises-FOL"] != nil || value["story_id"] != nil || value["conclusion-FOL"] != nil { return .folio }
                if value["premises"] != nil { return .jsonl }
                return nil
            }
            lineStart = end + 1
            scanned += 1
        }
        return nil
    }
}
