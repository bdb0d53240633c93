import Foundation

/// Which part of a dataset to run: `--shard I/N` keeps the items whose index is I mod N
/// (1-based I), `--limit` keeps the first items after sharding.
public struct BatchSelection: Sendable {
    /// Which shard to keep, from 1.
    public var shardIndex: Int = 1
    /// How many shards the dataset is cut into.
    public var shardCount: Int = 1
    /// At most this many items after sharding; nil keeps them all.
    public var limit: Int?
    /// Shard `shardIndex` of `shardCount`, at most `limit` items.
    public init(shardIndex: Int = 1, shardCount: Int = 1, limit: Int? = nil) {
        self.shardIndex = shardIndex; self.shardCount = shardCount; self.limit = limit
    }

    /// Parses `I/N` with 1 ≤ I ≤ N.
    public static func parseShard(_ text: String) -> (Int, Int)? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, i >= 1, i <= n else { return nil }
        return (i, n)
    }

    /// The items of this shard, in dataset order: item k (from 0) when k mod N = I − 1, at
    /// most `limit` of them. Deterministic: the same dataset always shards the same way.
    public func select<T>(_ items: [T]) -> [T] {
        var out: [T] = []
        for (index, item) in items.enumerated() where index % shardCount == shardIndex - 1 {
            if let limit, out.count >= limit { break }
            out.append(item)
        }
        return out
    }
}

