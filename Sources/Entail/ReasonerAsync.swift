import Foundation
import Problems

extension Reasoner {
    /// Solves one problem without blocking the caller's thread, and stops waiting as soon
    /// as the calling task is cancelled.
    ///
    /// ```swift
    /// let problem = try ProblemFileReader.read(contentsOfFile: "problems/socrates.problem")[0]
    /// let solution = try await Reasoner().solve(problem)
    /// ```
    ///
    /// The work runs on a thread of its own (with a large stack, as the provers recurse).
    /// Cancellation is checked before the work starts and after it ends, and a cancellation
    /// that arrives while it runs ends the wait at once: the call throws `CancellationError`
    /// and the abandoned work finishes in the background within the reasoner's bounds
    /// (the prover `timeout`), its result discarded.
    ///
    /// - Throws: `CancellationError` when the task is cancelled; never for bad input, which
    ///   becomes the verdict `error` as in the synchronous `solve(_:)`.
    public func solve(_ problem: Problem) async throws -> Solution {
        try Task.checkCancellation()
        let reasoner = self
        let solution = try await CancellableWork.run { reasoner.solve(problem) as Solution }
        try Task.checkCancellation()
        return solution
    }
}

/// Runs a blocking computation on its own thread and awaits it; a cancellation of the
/// awaiting task resumes the wait at once with `CancellationError`.
enum CancellableWork {
    /// The stack of the thread the work runs on.
    static let stackSize = 64 << 20

    static func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async throws -> T {
        let wait = Wait<T>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, Error>) in
                guard wait.install(continuation) else { return }
                let thread = Thread { wait.finish(.success(body())) }
                thread.stackSize = stackSize
                thread.start()
            }
        } onCancel: {
            wait.finish(.failure(CancellationError()))
        }
    }

    /// One continuation, resumed exactly once: by the work's result or by cancellation,
    /// whichever comes first.
    final class Wait<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var continuation: CheckedContinuation<T, Error>?
        private var early: Result<T, Error>?
        private var resumed = false

        /// Installs the continuation; false (and resumed already) when the outcome came first.
        func install(_ c: CheckedContinuation<T, Error>) -> Bool {
            lock.lock()
            if let early {
                resumed = true
                lock.unlock()
                c.resume(with: early)
                return false
            }
            continuation = c
            lock.unlock()
            return true
        }

        func finish(_ result: Result<T, Error>) {
            lock.lock()
            guard !resumed else { lock.unlock(); return }
            guard let c = continuation else {
                if early == nil { early = result }
                lock.unlock()
                return
            }
            resumed = true
            continuation = nil
            lock.unlock()
            c.resume(with: result)
        }
    }
}
