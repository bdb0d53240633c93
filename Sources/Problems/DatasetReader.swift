import Foundation
import Logic

/// Reads dataset files into problems, one `DatasetRecord` per record.
///
/// A malformed record (bad JSON on its line, a missing member, an unparsable program)
/// becomes a `.failure(RecordError)` for that record only. In a JSON array a syntax error
/// ends the readable part: the records before it are returned, then one failure that
/// says where the JSON broke.
public enum DatasetReader {
    /// Reads a dataset file.
    /// - Parameter format: the format, or `.auto` to detect it (`DatasetFormat.detect`).
    /// - Throws: `DatasetError` when the file cannot be read or its format not recognized.
    public static func read(contentsOfFile path: String, format: DatasetFormat = .auto) throws -> [DatasetRecord] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw DatasetError(file: path, message: "cannot read the file: \(error.localizedDescription)")
        }
        return try read(bytes: [UInt8](data), file: path, format: format)
    }

    /// Reads a dataset from its bytes; `file` names it in sources, ids and errors.
    /// - Throws: `DatasetError` when the format is `.auto` and cannot be recognized, or a
    ///   JSON-array format does not start with `[`.
    public static func read(bytes: [UInt8], file: String, format: DatasetFormat = .auto) throws -> [DatasetRecord] {
        var format = format
        if format == .auto {
            guard let detected = DatasetFormat.detect(bytes) else {
                throw DatasetError(file: file, message: "unrecognized dataset format; give one of: "
                    + DatasetFormat.allCases.filter { $0 != .auto }.map(\.rawValue).joined(separator: ", "))
            }
            format = detected
        }
        switch format {
        case .auto: preconditionFailure("detected above")
        case .folio:
            return jsonLines(bytes, file: file) { value, index, line in
                try FOLIORecord.problem(from: value, file: file, index: index, line: line)
            }
        case .jsonl:
            return jsonLines(bytes, file: file) { value, index, line in
                try JSONLRecord.problem(from: value, file: file, index: index, line: line)
            }
        case .logiclm:
            return try jsonArray(bytes, file: file) { value, index, line in
                try LogicLMRecord(value, file: file, index: index).problem(line: line)
            }
        case .logiclmPrograms:
            return try jsonArray(bytes, file: file) { value, index, line in
                try LogicLMProgramRecord.problem(from: value, file: file, index: index, line: line)
            }
        }
    }

    /// A record converter: the JSON value, its index, its line → the problem.
    typealias Convert = (JSONValue, Int, Int) throws -> Problem

    /// One record per non-blank line.
    static func jsonLines(_ bytes: [UInt8], file: String, convert: Convert) -> [DatasetRecord] {
        var records: [DatasetRecord] = []
        var lineStart = 0
        var lineNumber = 1
        while lineStart < bytes.count {
            let end = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
            let line = Array(bytes[lineStart..<end])
            let isBlank = line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
            if !isBlank {
                let index = records.count
                var parser = JSONParser(bytes: line, firstLine: lineNumber)
                do {
                    let value = try parser.parseDocument()
                    records.append(record(value, index: index, line: lineNumber, file: file, convert: convert))
                } catch let e as JSONSyntaxError {
                    records.append(.failure(RecordError(file: file, index: index, line: lineNumber,
                                                        message: "not valid JSON at \(e.position): \(e.message)")))
                } catch {
                    preconditionFailure("JSONParser throws only JSONSyntaxError")
                }
            }
            lineStart = end + 1
            lineNumber += 1
        }
        return records
    }

    /// One record per element of a top-level array.
    static func jsonArray(_ bytes: [UInt8], file: String, convert: Convert) throws -> [DatasetRecord] {
        var parser = JSONParser(bytes: bytes)
        let parsed: (elements: [(JSONValue, line: Int)], error: (index: Int, line: Int, JSONSyntaxError)?)
        do {
            parsed = try parser.parseTopLevelArray()
        } catch let e as JSONSyntaxError {
            throw DatasetError(file: file, message: "\(e.position): \(e.message)")
        }
        var records = parsed.elements.enumerated().map { index, element in
            record(element.0, index: index, line: element.line, file: file, convert: convert)
        }
        if let (index, line, e) = parsed.error {
            records.append(.failure(RecordError(
                file: file, index: index, line: line,
                message: "not valid JSON at \(e.position): \(e.message); the records after it cannot be read")))
        }
        return records
    }

    private static func record(_ value: JSONValue, index: Int, line: Int, file: String, convert: Convert) -> DatasetRecord {
        do {
            return .success(try convert(value, index, line))
        } catch let e as RecordFieldError {
            return .failure(RecordError(file: file, index: index, id: value["id"]?.string, line: line, message: e.message))
        } catch let e as RecordError {
            return .failure(e)
        } catch {
            return .failure(RecordError(file: file, index: index, id: value["id"]?.string, line: line, message: "\(error)"))
        }
    }

    /// `dir/folio-validation-dev.jsonl` → `folio-validation-dev`.
    static func stem(_ file: String) -> String { ProblemFileParser.stem(of: file) }
}
