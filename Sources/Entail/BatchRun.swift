import Foundation
import Logic
import Problems

/// How one worker solves a problem. A worker calls it from one thread only, so it may hold
/// state that is not thread-safe (a language model and its KV cache).
public typealias ProblemSolver = (Problem) -> Solution

/// Makes one `ProblemSolver` per worker: `BatchRunner` calls it once on each worker thread,
/// before that worker's first problem.
public typealias ProblemSolverFactory = @Sendable () -> ProblemSolver

/// One item of a dataset as the batch runner sees it: a problem to solve, or a record
/// that could not be read (an error for that record only, never for the run).
public enum BatchItem: Sendable {
    /// A problem, solved by a worker's `ProblemSolver`.
    case problem(Problem)
    /// A record the dataset reader could not read; it becomes an `error` solution.
    case unreadable(id: String, expected: Verdict?, message: String)

    /// The problem's or record's id.
    public var id: String {
        switch self {
        case .problem(let p): return p.id
        case .unreadable(let id, _, _): return id
        }
    }

    /// The dataset items of a reader's records.
    public static func items(_ records: [DatasetRecord]) -> [BatchItem] {
        records.map { record in
            switch record {
            case .success(let problem): return .problem(problem)
            case .failure(let error): return .unreadable(id: error.id ?? "\(error.file)#\(error.index)", expected: nil, message: error.description)
            }
        }
    }
}

/// Runs a batch: N workers, each on its own thread with its own `ProblemSolver`, take the
/// next unsolved item until none is left. Each solution is handed to `emit` as soon as it
/// is known (output order is completion order; with one job, dataset order), under a lock,
/// so `emit` may write and flush a file without further care. An unreadable record becomes
/// an `error` solution for that record only.
public enum BatchRunner {
    /// The stack each worker thread gets: the provers recurse, and the main thread's 8 MB
    /// is what a single-threaded run had.
    public static let workerStackSize = 64 << 20

    /// Solves the items that `previous` does not already hold and returns the summary of
    /// all of them: the records of `previous` (an earlier run's output, on `--resume`) for
    /// the items they cover, and the new solutions for the rest.
    ///
    /// - Parameters:
    ///   - items: the selected dataset items, in dataset order.
    ///   - previous: the records already written, by id; their items are not solved again.
    ///   - jobs: how many workers solve in parallel (at least 1).
    ///   - makeSolver: called once per worker, on the worker's thread.
    ///   - emit: called once per new solution, with the summary so far, serialized.
    public static func run(_ items: [BatchItem], resumingFrom previous: [String: BatchRecord] = [:],
                           jobs: Int = 1, makeSolver: @escaping ProblemSolverFactory,
                           emit: @escaping @Sendable (Solution, BatchSummary) -> Void = { _, _ in }) -> BatchSummary {
        precondition(jobs >= 1, "jobs must be at least 1")
        var summary = BatchSummary()
        var pending: [BatchItem] = []
        for item in items {
            if let old = previous[item.id] {
                if case .unreadable = item { summary.addUnreadable(old) } else { summary.add(old) }
            } else {
                pending.append(item)
            }
        }
        let queue = WorkQueue(items: pending, summary: summary)
        let workers = min(jobs, pending.count)
        let finished = DispatchGroup()
        for _ in 0..<workers {
            finished.enter()
            let thread = Thread {
                queue.work(makeSolver: makeSolver, emit: emit)
                finished.leave()
            }
            thread.stackSize = workerStackSize
            thread.start()
        }
        finished.wait()
        return queue.summary
    }

    /// The solution that stands for an unreadable record.
    static func unreadableSolution(id: String, expected: Verdict?, message: String) -> Solution {
        var solution = Solution(id: id, verdict: .error, expected: expected)
        solution.certificate = .error(message)
        return solution
    }

    /// The items still to solve and the summary, shared by the workers under one lock.
    private final class WorkQueue: @unchecked Sendable {
        private let lock = NSLock()
        private let items: [BatchItem]
        private var next = 0
        private(set) var summary: BatchSummary

        init(items: [BatchItem], summary: BatchSummary) {
            self.items = items
            self.summary = summary
        }

        private func take() -> BatchItem? {
            lock.lock()
            defer { lock.unlock() }
            guard next < items.count else { return nil }
            next += 1
            return items[next - 1]
        }

        func work(makeSolver: ProblemSolverFactory, emit: @Sendable (Solution, BatchSummary) -> Void) {
            var solve: ProblemSolver?
            while let item = take() {
                let solution: Solution
                let unreadable: Bool
                switch item {
                case .problem(let problem):
                    if solve == nil { solve = makeSolver() }
                    solution = solve!(problem)
                    unreadable = false
                case .unreadable(let id, let expected, let message):
                    solution = BatchRunner.unreadableSolution(id: id, expected: expected, message: message)
                    unreadable = true
                }
                lock.lock()
                if unreadable { summary.addUnreadable(solution) } else { summary.add(solution) }
                emit(solution, summary)
                lock.unlock()
            }
        }
    }
}
