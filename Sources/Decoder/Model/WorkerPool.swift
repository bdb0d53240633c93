import Foundation
import Synchronization

/// A fixed set of worker threads for the forward pass, created once per model.
///
/// `run(body)` calls `body(0)` on the calling thread and `body(1..<size)` on the workers, then
/// waits for all of them. Between jobs a worker spins for a short while (the next matrix product
/// usually follows within microseconds) and then parks on a condition variable, so an idle
/// model costs no CPU. Callers split work so that every output element is computed by exactly
/// one index: results do not depend on the number of threads.
final class WorkerPool: @unchecked Sendable {
    /// Threads taking part in a job, the caller included.
    let size: Int
    private let state: State

    /// Shared between the pool and its threads (the threads must not keep the pool alive).
    final class State: @unchecked Sendable {
        let generation = Atomic<Int>(0)
        let pending = Atomic<Int>(0)
        let sleepers = Atomic<Int>(0)
        let stopping = Atomic<Bool>(false)
        let condition = NSCondition()
        var job: ((Int) -> Void)?
    }

    /// How long an idle worker spins before parking.
    static let spinNanoseconds: UInt64 = 200_000

    init(size: Int) {
        self.size = max(1, size)
        state = State()
        for index in 1..<max(self.size, 1) {
            let state = self.state
            let thread = Thread { WorkerPool.work(index: index, state: state) }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    deinit {
        state.stopping.store(true, ordering: .sequentiallyConsistent)
        state.generation.add(1, ordering: .sequentiallyConsistent)
        state.condition.lock(); state.condition.broadcast(); state.condition.unlock()
    }

    /// Runs `body(i)` for every `i` in `0..<size` (index 0 on the calling thread) and waits.
    func run(_ body: (Int) -> Void) {
        if size == 1 { body(0); return }
        withoutActuallyEscaping(body) { escaping in
            state.job = escaping
            state.pending.store(size - 1, ordering: .sequentiallyConsistent)
            state.generation.add(1, ordering: .sequentiallyConsistent)
            if state.sleepers.load(ordering: .sequentiallyConsistent) > 0 {
                state.condition.lock(); state.condition.broadcast(); state.condition.unlock()
            }
            escaping(0)
            var spins = 0
            while state.pending.load(ordering: .acquiring) > 0 {
                spins += 1
                if spins > 256 { sched_yield() }
            }
            state.job = nil
        }
    }

    private static func work(index: Int, state: State) {
        var seen = 0
        while true {
            // Spin briefly, then park until the generation moves.
            var current = state.generation.load(ordering: .acquiring)
            if current == seen {
                let start = DispatchTime.now().uptimeNanoseconds
                var spins = 0
                while current == seen {
                    spins += 1
                    if spins & 63 == 0 && DispatchTime.now().uptimeNanoseconds - start > spinNanoseconds { break }
                    current = state.generation.load(ordering: .acquiring)
                }
            }
            if current == seen {
                state.condition.lock()
                state.sleepers.add(1, ordering: .sequentiallyConsistent)
                while state.generation.load(ordering: .sequentiallyConsistent) == seen { state.condition.wait() }
                state.sleepers.subtract(1, ordering: .sequentiallyConsistent)
                state.condition.unlock()
                current = state.generation.load(ordering: .acquiring)
            }
            seen = current
            if state.stopping.load(ordering: .sequentiallyConsistent) { return }
            if let job = state.job { job(index) }
            state.pending.subtract(1, ordering: .releasing)
        }
    }
}
