import Foundation

/// The few-shot prompt: the examples of a prompt file (comment lines starting with `#`
/// removed) followed by the query block for one sentence.
public struct FewShotPrompt: Sendable, Equatable {
    /// The examples, ending with a blank line.
    public let examples: String

    /// The default prompt file, `prompts/fol-translation.txt`, looked up under the current
    /// directory and then under the package root (from this source file's path).
    public static var defaultPath: String { promptPath("fol-translation.txt") }

    /// The prompt of the fine-tuned adapter, `prompts/fol-translation-tuned.txt`: the
    /// instruction line alone (zero-shot), the format the adapter was trained on.
    public static var tunedPath: String { promptPath("fol-translation-tuned.txt") }

    /// The prompt file to use: `explicit` when given, else the tuned prompt when an adapter
    /// is loaded, else the few-shot default.
    public static func path(explicit: String?, adapted: Bool) -> String {
        explicit ?? (adapted ? tunedPath : defaultPath)
    }

    static func promptPath(_ name: String) -> String {
        let local = FileManager.default.currentDirectoryPath + "/prompts/" + name
        if FileManager.default.fileExists(atPath: local) { return local }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent("prompts/" + name).path
    }

    public init(examples: String) {
        let kept = examples.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("#") }
        var text = kept.joined(separator: "\n")
        while text.hasSuffix("\n") { text.removeLast() }
        self.examples = text + "\n\n"
    }

    /// Reads a prompt file (nil: `defaultPath`).
    public init(path: String?) throws(ModelTranslationError) {
        let path = path ?? Self.defaultPath
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw .unreadablePrompt(path: path) }
        self.init(examples: text)
    }

    /// The query block for one sentence; the model continues after `FOL:`. A `note` (a
    /// repair: what was wrong with an earlier translation) goes on its own line,
    /// `Note: …`, between the sentence and `FOL:`.
    public func query(sentence: String, signature: TranslationSignature, note: String? = nil) -> String {
        let oneLine = sentence.split(whereSeparator: \.isNewline).joined(separator: " ")
        var text = "Known: \(signature.promptText)\nEnglish: \(oneLine)\n"
        if let note, !note.isEmpty {
            text += "Note: \(note.split(whereSeparator: \.isNewline).joined(separator: " "))\n"
        }
        return text + "FOL:"
    }
}
