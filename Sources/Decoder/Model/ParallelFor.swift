import Dispatch

/// Runs `body(0..<count)` on up to `count` threads and waits. The callers split work so that
/// every output element is computed by exactly one call, so results do not depend on `count`.
func parallelFor(_ count: Int, _ body: (Int) -> Void) {
    if count <= 1 { body(0); return }
    withoutActuallyEscaping(body) { escaping in
        nonisolated(unsafe) let work = escaping
        DispatchQueue.concurrentPerform(iterations: count) { work($0) }
    }
}
