/// What a reasoning step cites: a premise of the problem or an earlier step of its chain,
/// both numbered from 1 and written `P2` and `S1`.
public enum StepCitation: Sendable, Hashable, CustomStringConvertible {
    case premise(Int)
    case step(Int)

    /// Reads `P<n>` or `S<n>` (n ≥ 1); nil for anything else.
    public init?(label: some StringProtocol) {
        let text = String(label.filter { $0 != " " })
        guard let head = text.first, let n = Int(text.dropFirst()), n >= 1, text.dropFirst().allSatisfy(\.isNumber) else { return nil }
        switch head {
        case "P": self = .premise(n)
        case "S": self = .step(n)
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .premise(let n): "P\(n)"
        case .step(let n): "S\(n)"
        }
    }
}
