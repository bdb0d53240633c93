import Foundation

/// Paths the tests read: the package root (found from this file) and ../shared/datasets.
enum TestPaths {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let fixtures = packageRoot.appendingPathComponent("Tests/EntailTests/Fixtures")

    /// `../shared/datasets/<relative>`, or nil when the shared data is absent.
    static func dataset(_ relative: String) -> String? {
        let path = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/datasets").appendingPathComponent(relative).path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// The built `entail` executable beside the test bundle.
    static var entailExecutable: URL? {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("entail")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        let fallback = packageRoot.appendingPathComponent(".build/debug/entail")
        return FileManager.default.isExecutableFile(atPath: fallback.path) ? fallback : nil
    }
}
