import Foundation

/// Runs engine entry points on a thread with a 512 MB stack, so that the recursive parts
/// (reading nested terms, evaluating deep arithmetic, copying deep terms) hit their own
/// depth bounds and report an error long before the stack could overflow.
enum LargeStack {
    static let stackSize = 512 << 20

    final class Box<T>: @unchecked Sendable {
        var value: Result<T, Error>?
    }

    nonisolated(unsafe) static var activeThreads = Set<ObjectIdentifier>()
    static let lock = NSLock()

    static func isOnLargeStack() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return activeThreads.contains(ObjectIdentifier(Thread.current))
    }

    /// Calls `body` on a large-stack thread and waits for it (directly when already on one).
    static func run<T>(_ body: @escaping () throws -> T) throws -> T {
        if isOnLargeStack() { return try body() }
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) let work = body
        let thread = Thread {
            lock.lock(); activeThreads.insert(ObjectIdentifier(Thread.current)); lock.unlock()
            box.value = Result { try work() }
            lock.lock(); activeThreads.remove(ObjectIdentifier(Thread.current)); lock.unlock()
            done.signal()
        }
        thread.stackSize = stackSize
        thread.start()
        done.wait()
        return try box.value!.get()
    }
}
