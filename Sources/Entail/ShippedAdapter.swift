import Foundation

/// The fine-tuned translation adapter shipped with Entail, `adapters/fol-lora.gguf`: a
/// rank-8 LoRA for the bundled SmolLM2-135M model, trained by `training/` to translate one
/// sentence (with the signature so far) into FOL under the tuned zero-shot prompt. The
/// command line applies it by default when the bundled model translates (`--no-adapter`
/// turns it off); it is never applied to another `--model`.
public enum ShippedAdapter {
    public static let relativePath = "adapters/fol-lora.gguf"

    /// The adapter file, found under the current directory, else under the package root;
    /// nil when neither has it.
    public static var path: String? {
        let local = FileManager.default.currentDirectoryPath + "/" + relativePath
        if FileManager.default.fileExists(atPath: local) { return local }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let packaged = root.appendingPathComponent(relativePath).path
        return FileManager.default.fileExists(atPath: packaged) ? packaged : nil
    }
}
