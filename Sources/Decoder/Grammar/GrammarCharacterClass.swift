/// A set of Unicode code points, as sorted, disjoint, non-adjacent closed ranges.
/// A literal character is a class with one single-point range; a negated class
/// (`[^...]`) is stored as its complement over 0...0x10FFFF.
public struct GrammarCharacterClass: Hashable, Sendable {
    public private(set) var ranges: [ClosedRange<UInt32>]

    public static let maxCodePoint: UInt32 = 0x10FFFF

    /// Builds the class from arbitrary (possibly overlapping, unsorted) ranges.
    public init(ranges: [ClosedRange<UInt32>], negated: Bool = false) {
        let sorted = ranges.sorted { $0.lowerBound < $1.lowerBound }
        var merged: [ClosedRange<UInt32>] = []
        for range in sorted {
            if let last = merged.last, range.lowerBound <= last.upperBound &+ 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        if negated {
            var complement: [ClosedRange<UInt32>] = []
            var next: UInt32 = 0
            for range in merged {
                if range.lowerBound > next { complement.append(next...(range.lowerBound - 1)) }
                next = range.upperBound &+ 1
            }
            if next <= Self.maxCodePoint, merged.last?.upperBound != Self.maxCodePoint {
                complement.append(next...Self.maxCodePoint)
            }
            merged = complement
        }
        self.ranges = merged
    }

    /// The class holding exactly one code point.
    public init(codePoint: UInt32) { self.ranges = [codePoint...codePoint] }

    /// Whether `codePoint` is in the class (binary search over the ranges).
    public func contains(_ codePoint: UInt32) -> Bool {
        var low = 0, high = ranges.count
        while low < high {
            let mid = (low + high) / 2
            if ranges[mid].upperBound < codePoint { low = mid + 1 } else { high = mid }
        }
        return low < ranges.count && ranges[low].lowerBound <= codePoint
    }

    /// Whether some code point in `lower...upper` is in the class.
    public func intersects(_ lower: UInt32, _ upper: UInt32) -> Bool {
        for range in ranges where range.lowerBound <= upper && range.upperBound >= lower { return true }
        return false
    }
}
