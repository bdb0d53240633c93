/// Keys and values of one sequence, for every layer and position.
///
/// A cache may be forked: the fork shares the parent's first `prefixLength` positions
/// (read-only, no copy) and stores only its own later positions, so N samples of one
/// prompt cost one prefill. Storage per own position: `layers × 2 × kvDimension` floats.
public final class KVCache: @unchecked Sendable {
    public let layerCount: Int
    public let kvDimension: Int
    /// Total positions this cache can hold, prefix included.
    public let capacity: Int
    /// Positions filled so far, prefix included.
    public internal(set) var length: Int
    let parent: KVCache?
    let prefixLength: Int
    private let ownCapacity: Int
    private let keys: UnsafeMutablePointer<Float>   // (layer, ownCapacity, kvDimension)
    private let values: UnsafeMutablePointer<Float> // (layer, ownCapacity, kvDimension)

    /// An empty cache for a model of `config`, holding up to `capacity` positions.
    public convenience init(config: ModelConfig, capacity: Int) {
        self.init(layers: config.layerCount, kvDimension: config.kvDimension, capacity: capacity, parent: nil, prefixLength: 0)
    }

    init(layers: Int, kvDimension: Int, capacity: Int, parent: KVCache?, prefixLength: Int) {
        precondition(capacity >= prefixLength && capacity > 0)
        layerCount = layers
        self.kvDimension = kvDimension
        self.capacity = capacity
        self.parent = parent
        self.prefixLength = prefixLength
        length = prefixLength
        ownCapacity = capacity - prefixLength
        let n = max(layers * ownCapacity * kvDimension, 1)
        keys = .allocate(capacity: n)
        values = .allocate(capacity: n)
    }

    deinit { keys.deallocate(); values.deallocate() }

    /// A new cache sharing this one's current positions as its prefix, with room for
    /// `additional` more positions. This cache must not be extended while forks use it.
    public func fork(additional: Int) -> KVCache {
        KVCache(layers: layerCount, kvDimension: kvDimension, capacity: length + additional, parent: self, prefixLength: length)
    }

    /// Forgets positions from `newLength` on (not below the shared prefix).
    public func truncate(to newLength: Int) {
        precondition(newLength >= prefixLength && newLength <= length)
        length = newLength
    }

    @inline(__always) func key(layer: Int, position: Int) -> UnsafeMutablePointer<Float> {
        if position < prefixLength { return parent!.key(layer: layer, position: position) }
        return keys + (layer * ownCapacity + position - prefixLength) * kvDimension
    }

    @inline(__always) func value(layer: Int, position: Int) -> UnsafeMutablePointer<Float> {
        if position < prefixLength { return parent!.value(layer: layer, position: position) }
        return values + (layer * ownCapacity + position - prefixLength) * kvDimension
    }
}
