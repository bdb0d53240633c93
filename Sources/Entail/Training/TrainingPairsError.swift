/// Why training pairs could not be built.
public enum TrainingPairsError: Error, Equatable, CustomStringConvertible {
    /// The file could not be read.
    case unreadable(path: String)
    /// A line or file is not the JSON the reader expects (1-based line; 0 for a whole file).
    case malformed(path: String, line: Int, message: String)
    /// The file is an evaluation split, which is never trained on.
    case evaluationData(path: String)

    public var description: String {
        switch self {
        case .unreadable(let path): return "\(path): cannot read"
        case .malformed(let path, let line, let message): return "\(path):\(line): \(message)"
        case .evaluationData(let path): return "\(path): evaluation data (validation/dev/test) is never used for training"
        }
    }
}
