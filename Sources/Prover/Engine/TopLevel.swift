import Foundation

/// One variable binding of an answer, as text: `X = foo`.
public struct PrologBinding: Hashable, Sendable {
    public var name: String
    public var value: String
}

/// The outcome of running a goal at the top level.
public struct PrologTopLevelResult: Sendable {
    /// The answers found, each as its printed bindings (empty for `true`).
    public var answers: [[PrologBinding]]
    /// The error or limit that stopped the query, if any.
    public var error: String?
    /// True when every answer was found (the search space was exhausted).
    public var exhausted: Bool
    /// True when the program called halt/0.
    public var halted = false
}

extension PrologMachine {
    /// Clears the run-time stacks and applies `limits` before a query.
    func resetForQuery() {
        st.pointee.heap.count = 4
        st.pointee.trail.count = 0
        st.pointee.cps.count = 0
        st.pointee.hb = 0
        st.pointee.steps = 0
        st.pointee.stepLimit = limits.steps.map { $0 &+ 1 } ?? .max
        st.pointee.depthLimit = limits.depth ?? .max
        st.pointee.heapLimit = limits.heapCells
        if let s = limits.seconds {
            st.pointee.deadline = DispatchTime.now().uptimeNanoseconds &+ UInt64(max(0, s) * 1e9)
        } else {
            st.pointee.deadline = .max
        }
        findallStores = []
        resetTabling()
        rebuildIndexesIfNeeded()
    }

    /// Builds a goal on the heap in a fresh frame; returns the frame and the heap cells of
    /// the named variables.
    func prepareGoal(_ t: PrologTerm, variableNames: [String]) throws -> (Int, [(String, Cell)]) {
        resetForQuery()
        var compiler = ClauseCompiler(machine: self)
        let mark = st.pointee.code.count
        defer { st.pointee.code.count = mark }
        let cell = compiler.emit(t)
        ensureRegisters(compiler.varCount + 1)
        try ensureHeap(st.pointee.code.count - mark + 16)
        let f = newFrame(0, next: 0, cutB: 0, info: 0xFFFF_FFFF)
        buildInto(f, cell, code: st.pointee.code.base)
        var vars: [(String, Cell)] = []
        for name in variableNames where name != "_" {
            if let n = compiler.varNumbers[name] { vars.append((name, st.pointee.regs[n])) }
        }
        return (f, vars)
    }

    /// Runs a goal once (used for directives); true when it succeeded.
    func solveOnce(_ t: PrologTerm, variableNames: [String]) throws -> Bool {
        let (f, _) = try prepareGoal(t, variableNames: variableNames)
        defer { flushOutput() }
        return try run(f, stopCP: 0)
    }

    /// Runs `goal` (Prolog text) and prints its answers the way SWI-Prolog's top level
    /// does (`X = foo.`, `true.`, `false.`; `;` between answers) through `onOutput`.
    /// Prints at most `maxAnswers` answers (1 unless `all`).
    @discardableResult
    public func topLevel(_ goal: String, all: Bool = false, maxAnswers: Int = .max) -> PrologTopLevelResult {
        (try? LargeStack.run { self.topLevelOnThisStack(goal, all: all, maxAnswers: maxAnswers) })
            ?? PrologTopLevelResult(answers: [], error: "internal error", exhausted: false)
    }

    func topLevelOnThisStack(_ goal: String, all: Bool, maxAnswers: Int) -> PrologTopLevelResult {
        var result = PrologTopLevelResult(answers: [], error: nil, exhausted: false)
        let limit = all ? maxAnswers : 1
        do {
            let read = try PrologReader.readTerm(goal)
            let (frame, vars) = try prepareGoal(read.term, variableNames: read.variableNames)
            var found = try run(frame, stopCP: 0)
            while true {
                if !found {
                    emit("false.\n")
                    result.exhausted = true
                    break
                }
                let bindings = answerBindings(vars)
                result.answers.append(bindings)
                let text = bindings.isEmpty ? "true" : bindings.map { "\($0.name) = \($0.value)" }.joined(separator: ",\n")
                let more = st.pointee.cps.count > 0
                if !more {
                    emit(text + ".\n")
                    result.exhausted = true
                    break
                }
                if result.answers.count >= limit {
                    emit(text + ".\n")
                    break
                }
                emit(text + " ;\n")
                found = try redo(stopCP: 0)
            }
        } catch is PrologHalt {
            result.halted = true
        } catch {
            emit("\(error)\n")
            result.error = "\(error)"
        }
        flushOutput()
        return result
    }

    /// The bindings of the query variables, as SWI prints them: unbound variables are
    /// left out, aliased ones print as `X = Y`, fresh variables inside values as `_A`, `_B`.
    func answerBindings(_ vars: [(String, Cell)]) -> [PrologBinding] {
        var names: [Int: String] = [:]
        var out: [PrologBinding] = []
        for (name, cell) in vars {
            let v = deref(cell)
            if tagOf(v) == Tag.ref {
                if let other = names[payload(v)] { out.append(PrologBinding(name: other, value: name)) } else { names[payload(v)] = name }
            }
        }
        var fresh = 0
        for (name, cell) in vars {
            let v = deref(cell)
            if tagOf(v) == Tag.ref { continue }
            // Name the fresh variables inside the value.
            var stack = [v]
            var seen = 0
            while let c0 = stack.popLast(), seen < 100_000 {
                seen += 1
                let c = deref(c0)
                if tagOf(c) == Tag.ref {
                    if names[payload(c)] == nil {
                        names[payload(c)] = freshName(fresh)
                        fresh += 1
                    }
                } else if tagOf(c) == Tag.str {
                    let p = payload(c)
                    let n = functorArity(st.pointee.heap.base[p])
                    for i in stride(from: n, through: 1, by: -1) { stack.append(st.pointee.heap.base[p + i]) }
                }
            }
            out.append(PrologBinding(name: name, value: format(v, quoted: true, spacing: true, varNames: names)))
        }
        return out
    }

    func freshName(_ i: Int) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return "_" + String(letters[i % 26]) + (i >= 26 ? String(i / 26) : "")
    }

    /// All answers of `goal` as bindings (no printing); throws syntax errors, errors and
    /// limits.
    public func solve(_ goal: String, maxAnswers: Int = .max) throws -> [[PrologBinding]] {
        try LargeStack.run { try self.solveOnThisStack(goal, maxAnswers: maxAnswers) }
    }

    func solveOnThisStack(_ goal: String, maxAnswers: Int) throws -> [[PrologBinding]] {
        let read = try PrologReader.readTerm(goal)
        let (frame, vars) = try prepareGoal(read.term, variableNames: read.variableNames)
        var answers: [[PrologBinding]] = []
        var found = try run(frame, stopCP: 0)
        while found {
            answers.append(answerBindings(vars))
            if answers.count >= maxAnswers { break }
            found = try redo(stopCP: 0)
        }
        flushOutput()
        return answers
    }

    /// Number of inferences (calls) made by the last query.
    public var inferences: Int { st.pointee.steps }
}
