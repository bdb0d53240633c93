import Foundation
import XCTest

/// Paths the tests read, found from this file's location.
enum TestPaths {
    /// The package root (the directory holding Package.swift).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    /// `../shared/datasets` relative to the package root.
    static let datasets = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/datasets")

    static func files(in directory: URL, extension ext: String) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix("." + ext) }.sorted().map { directory.appendingPathComponent($0) }
    }

    /// A dataset file, or an XCTSkip when the datasets are absent.
    static func dataset(_ relative: String) throws -> String {
        let url = datasets.appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw XCTSkip("dataset \(relative) not found at \(datasets.path)")
        }
        return url.path
    }
}
