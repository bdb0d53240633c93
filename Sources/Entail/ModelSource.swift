import Decoder
import Foundation

/// Which language model file translates the English that the controlled-English parser
/// does not cover (`--model PATH`, `--no-model`).
public enum ModelSource: Sendable, Hashable {
    /// The bundled model, `models/SmolLM2-135M-Instruct.Q4_1.gguf`: `$ENTAIL_MODEL` when
    /// set, else found under the current directory, else under the package root.
    case bundled
    /// A GGUF model file.
    case file(String)
    /// No model: English that the controlled-English parser misses is an error.
    case none

    /// The model file to load, or nil when there is none (`.none`, or no bundled file
    /// found). A `.file` path is returned as given, whether or not it exists, so that
    /// loading it reports the precise error.
    public var path: String? {
        switch self {
        case .none: return nil
        case .file(let path): return path
        case .bundled:
            for candidate in Self.bundledCandidates where FileManager.default.fileExists(atPath: candidate) {
                return candidate
            }
            return nil
        }
    }

    /// Where `.bundled` looks, in order.
    public static var bundledCandidates: [String] {
        var candidates: [String] = []
        if let p = ProcessInfo.processInfo.environment["ENTAIL_MODEL"], !p.isEmpty { candidates.append(p) }
        candidates.append(FileManager.default.currentDirectoryPath + "/models/" + DefaultModel.fileName)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        candidates.append(root.appendingPathComponent("models/" + DefaultModel.fileName).path)
        return candidates
    }

    /// How the source reads in messages: `the bundled model`, `model FILE`, `no model`.
    public var summary: String {
        switch self {
        case .bundled: return "the bundled model"
        case .file(let path): return "model \(path)"
        case .none: return "no model"
        }
    }
}
