/// Turns parsed rule definitions into numbered rules whose alternatives are flat symbol
/// lists, generating rules for groups and repetitions, and checks the result: every
/// referenced rule is defined, the start rule exists, nothing is left-recursive.
struct GrammarRuleBuilder {
    struct Output {
        var names: [String]
        var alternatives: [[[GrammarElement]]]
        var classes: [GrammarCharacterClass]
        var root: Int32
    }

    private var names: [String] = []
    private var index: [String: Int] = [:]
    /// Where each rule comes from (its own or its parent's definition), for errors.
    private var origins: [(line: Int, column: Int)] = []
    private var alternatives: [[[GrammarElement]]] = []
    private var classes: [GrammarCharacterClass] = []
    private var classIndex: [GrammarCharacterClass: Int32] = [:]
    private var generated: [String: Int] = [:]
    private var elementCount = 0

    mutating func build(_ definitions: [GrammarRuleDefinition], startRule: String) throws(GrammarParseError) -> Output {
        for definition in definitions {
            if index[definition.name] != nil {
                throw GrammarParseError(line: definition.line, column: definition.column,
                                        message: "rule '\(definition.name)' is defined twice")
            }
            _ = newRule(definition.name, origin: (definition.line, definition.column))
        }
        guard let root = index[startRule] else {
            throw GrammarParseError(line: 1, column: 1, message: "the grammar has no '\(startRule)' rule")
        }
        for definition in definitions {
            let rule = index[definition.name]!
            alternatives[rule] = try compileAlternatives(definition.body, owner: definition.name, origin: (definition.line, definition.column))
        }
        try checkLeftRecursion()
        return Output(names: names, alternatives: alternatives, classes: classes, root: Int32(root))
    }

    private mutating func newRule(_ name: String, origin: (line: Int, column: Int)) -> Int {
        let id = names.count
        names.append(name)
        index[name] = id
        origins.append(origin)
        alternatives.append([])
        return id
    }

    private mutating func generatedRule(for owner: String, origin: (line: Int, column: Int)) -> Int {
        let n = generated[owner, default: 0] + 1
        generated[owner] = n
        var name = "\(owner)-\(n)"
        while index[name] != nil { name += "'" }
        return newRule(name, origin: origin)
    }

    private mutating func compileAlternatives(_ expression: GrammarExpression, owner: String,
                                              origin: (line: Int, column: Int)) throws(GrammarParseError) -> [[GrammarElement]] {
        if case .alternation(let options) = expression {
            var result: [[GrammarElement]] = []
            for option in options {
                var symbols: [GrammarElement] = []
                try compile(option, into: &symbols, owner: owner, origin: origin)
                result.append(symbols)
            }
            return result
        }
        var symbols: [GrammarElement] = []
        try compile(expression, into: &symbols, owner: owner, origin: origin)
        return [symbols]
    }

    private mutating func compile(_ expression: GrammarExpression, into symbols: inout [GrammarElement],
                                  owner: String, origin: (line: Int, column: Int)) throws(GrammarParseError) {
        switch expression {
        case .sequence(let items):
            for item in items { try compile(item, into: &symbols, owner: owner, origin: origin) }
        case .characters(let cls):
            let id: Int32
            if let existing = classIndex[cls] { id = existing } else {
                id = Int32(classes.count)
                classes.append(cls)
                classIndex[cls] = id
            }
            symbols.append(.characters(id))
        case .reference(let name, let line, let column):
            guard let rule = index[name] else {
                throw GrammarParseError(line: line, column: column, message: "undefined rule '\(name)'")
            }
            symbols.append(.rule(Int32(rule)))
        case .alternation:
            let rule = generatedRule(for: owner, origin: origin)
            alternatives[rule] = try compileAlternatives(expression, owner: owner, origin: origin)
            symbols.append(.rule(Int32(rule)))
        case .repetition(let inner, let low, let high, let line, let column):
            var unit: [GrammarElement] = []
            try compile(inner, into: &unit, owner: owner, origin: origin)
            for _ in 0..<low { symbols.append(contentsOf: unit) }
            if let high {
                // x{0,k}: R_k ::= x R_{k-1} | ε, ..., R_1 ::= x | ε
                var tail: Int? = nil
                for _ in 0..<(high - low) {
                    let rule = generatedRule(for: owner, origin: (line, column))
                    var first = unit
                    if let tail { first.append(.rule(Int32(tail))) }
                    alternatives[rule] = [first, []]
                    tail = rule
                    elementCount += first.count + 2
                }
                if let tail { symbols.append(.rule(Int32(tail))) }
            } else {
                let rule = generatedRule(for: owner, origin: (line, column))
                alternatives[rule] = [unit + [.rule(Int32(rule))], []]
                symbols.append(.rule(Int32(rule)))
            }
            elementCount += unit.count * low
        }
        elementCount += 1
        if elementCount > CompiledGrammar.maxElements {
            throw GrammarParseError(line: origin.line, column: origin.column,
                                    message: "grammar too large (more than \(CompiledGrammar.maxElements) elements)")
        }
    }

    /// Rejects rules that can reach themselves without consuming input (directly, through
    /// other rules, or through nullable prefixes — which includes `x*` where x can be empty).
    private func checkLeftRecursion() throws(GrammarParseError) {
        let count = names.count
        var nullable = [Bool](repeating: false, count: count)
        var changed = true
        while changed {
            changed = false
            for rule in 0..<count where !nullable[rule] {
                for symbols in alternatives[rule] where symbols.allSatisfy({
                    if case .rule(let r) = $0 { return nullable[Int(r)] } else { return false }
                }) {
                    nullable[rule] = true
                    changed = true
                    break
                }
            }
        }
        var edges = [[Int]](repeating: [], count: count)
        for rule in 0..<count {
            for symbols in alternatives[rule] {
                for symbol in symbols {
                    guard case .rule(let r) = symbol else { break }
                    edges[rule].append(Int(r))
                    if !nullable[Int(r)] { break }
                }
            }
        }
        // Iterative depth-first search for a cycle (0 new, 1 on the path, 2 done).
        var color = [UInt8](repeating: 0, count: count)
        for start in 0..<count where color[start] == 0 {
            var path: [(rule: Int, next: Int)] = [(start, 0)]
            color[start] = 1
            while !path.isEmpty {
                let (rule, next) = path[path.count - 1]
                if next < edges[rule].count {
                    path[path.count - 1].next += 1
                    let target = edges[rule][next]
                    if color[target] == 1 {
                        let origin = origins[target]
                        throw GrammarParseError(line: origin.line, column: origin.column,
                                                message: "rule '\(names[target])' is left-recursive (it can reach itself without consuming input)")
                    }
                    if color[target] == 0 {
                        color[target] = 1
                        path.append((target, 0))
                    }
                } else {
                    color[rule] = 2
                    path.removeLast()
                }
            }
        }
    }
}
