import Foundation

/// An append-only JSONL file: each record is written and flushed as soon as it is known,
/// so an interrupted run (even by SIGKILL) loses only the problems in flight. Opening an
/// existing file for `resume` drops a torn last line, the only damage a kill can do.
///
/// `append` may be called from several threads; each line is written whole, under a lock,
/// with one `write` call.
public final class JSONLWriter: @unchecked Sendable {
    private let handle: FileHandle
    private let lock = NSLock()
    /// The file written to.
    public let path: String
    /// On `resume`, how many lines of the existing file were not complete records (a torn
    /// last line, or damage) and were removed; 0 otherwise.
    public private(set) var droppedLines = 0

    /// Opens `path` for appending. Without `resume` the file is created empty (replacing
    /// any old one); with it, the existing complete records are kept and every other line
    /// (a torn last line, empty lines, damage) is removed, so that every line stays valid JSON.
    public init(path: String, resume: Bool) throws {
        self.path = path
        let fm = FileManager.default
        if !resume || !fm.fileExists(atPath: path) {
            guard fm.createFile(atPath: path, contents: nil) else {
                throw BatchError.cannotWrite(path)
            }
        } else {
            // A kill can leave a torn last line; a crash of the machine can leave worse (a
            // block of zeros). Keep exactly the lines that are complete records.
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch { throw BatchError.cannotRead("\(path): \(error.localizedDescription)") }
            let newline = UInt8(ascii: "\n")
            var kept = Data()
            var dropped = 0
            for line in data.split(separator: newline, omittingEmptySubsequences: false) where !line.isEmpty {
                if BatchRecord(jsonLine: Data(line)) != nil {
                    kept.append(line)
                    kept.append(newline)
                } else {
                    dropped += 1
                }
            }
            droppedLines = dropped
            if kept.count != data.count {
                do { try kept.write(to: URL(fileURLWithPath: path), options: .atomic) } catch { throw BatchError.cannotWrite(path) }
            }
        }
        guard let h = FileHandle(forWritingAtPath: path) else { throw BatchError.cannotWrite(path) }
        handle = h
        handle.seekToEndOfFile()
    }

    /// The ids of the complete records already in a JSONL file.
    public static func completedIDs(at path: String) -> Set<String> {
        Set(completedRecords(at: path).keys)
    }

    /// The complete records already in a JSONL file, by id (the last one wins when an id
    /// repeats). Lines that are not JSON objects with a string `id` (a torn last line) are
    /// ignored.
    public static func completedRecords(at path: String) -> [String: BatchRecord] {
        guard let data = FileManager.default.contents(atPath: path) else { return [:] }
        var records: [String: BatchRecord] = [:]
        for line in data.split(separator: UInt8(ascii: "\n")) {
            if let record = BatchRecord(jsonLine: Data(line)) { records[record.id] = record }
        }
        return records
    }

    /// Appends one record and its newline, and flushes it to the file.
    public func append(_ line: String) throws {
        lock.lock()
        defer { lock.unlock() }
        do {
            try handle.write(contentsOf: Data((line + "\n").utf8))
            try handle.synchronize()
        } catch {
            throw BatchError.cannotWrite("\(path): \(error)")
        }
    }

    deinit { try? handle.close() }
}

/// Why a batch could not read or write its files.
public enum BatchError: Error, CustomStringConvertible {
    /// The output file (or a sweep file) could not be created or appended to.
    case cannotWrite(String)
    /// An existing output file could not be read for `--resume`.
    case cannotRead(String)

    /// The message for the user, naming the file.
    public var description: String {
        switch self {
        case .cannotWrite(let p): return "cannot write \(p)"
        case .cannotRead(let p): return "cannot read \(p)"
        }
    }
}
