import Logic

/// A seeded random theory for differential testing of provers: ground facts and
/// universally quantified rules over a few constants, unary predicates and (for
/// `.relational`) one binary relation, with a ground literal as the conclusion.
///
/// All theories are universal and function-free, without equality, so their Herbrand
/// models over the named constants decide them exactly (see `BruteForceEntailment`).
/// Reusable by any prover's test (the Z3 cross-check uses the same seeds).
struct RandomTheory: CustomStringConvertible {
    enum Shape: String, CaseIterable {
        /// positive facts and definite rules
        case horn
        /// negated facts, negated body and head literals
        case withNegation
        /// negation plus deliberate rule cycles (P → Q, Q → P)
        case withCycles
        /// disjunctive heads and facts, biconditionals
        case nonHorn
        /// a binary relation with two-variable rules and constants in rules
        case relational
        /// beyond universal theories: existentials (∃ and ∃∀ at the top), equations between
        /// constants, disjunctions; function-free after Skolemization, so decidable, but
        /// outside what `BruteForceEntailment` takes (it returns nil for these)
        case firstOrder
    }

    var seed: UInt64
    var shape: Shape
    var constants: [String]
    var premises: [Formula]
    var conclusion: Formula

    /// The same seed and shape always give the same theory.
    static func generate(seed: UInt64, shape: Shape) -> RandomTheory {
        var rng = SplitMix64(seed: seed &* 0x2545_F491_4F6C_DD1D &+ UInt64(Shape.allCases.firstIndex(of: shape)!))
        let constantCount = shape == .relational ? 2 : Int.random(in: 1...3, using: &rng)
        let constants = ["a", "b", "c"].prefix(constantCount).map { $0 }
        let unary = ["P", "Q", "R", "S"].prefix(shape == .relational ? 2 : Int.random(in: 2...4, using: &rng)).map { $0 }
        let negation = shape != .horn
        let x = Term.variable("x"), y = Term.variable("y")

        func sign(_ f: Formula) -> Formula {
            negation && Int.random(in: 0..<3, using: &rng) == 0 ? .not(f) : f
        }
        func groundAtom() -> Formula {
            if shape == .relational && Bool.random(using: &rng) {
                return .predicate("E", [.constant(constants.randomElement(using: &rng)!), .constant(constants.randomElement(using: &rng)!)])
            }
            return .predicate(unary.randomElement(using: &rng)!, [.constant(constants.randomElement(using: &rng)!)])
        }
        func ruleAtom(_ vars: [Term]) -> Formula {
            if shape == .relational && Int.random(in: 0..<3, using: &rng) == 0 {
                let pool = vars + [.constant(constants.randomElement(using: &rng)!)]
                return .predicate("E", [pool.randomElement(using: &rng)!, pool.randomElement(using: &rng)!])
            }
            return .predicate(unary.randomElement(using: &rng)!, [vars.randomElement(using: &rng)!])
        }
        func conj(_ fs: [Formula]) -> Formula { fs.count == 1 ? fs[0] : .and(fs) }

        var premises: [Formula] = []
        for _ in 0..<Int.random(in: 1...4, using: &rng) { premises.append(sign(groundAtom())) }
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            let vars = shape == .relational && Bool.random(using: &rng) ? [x, y] : [x]
            let body = conj((0..<Int.random(in: 1...2, using: &rng)).map { _ in sign(ruleAtom(vars)) })
            var head = sign(ruleAtom(vars))
            if shape == .nonHorn && Bool.random(using: &rng) { head = .or([head, sign(ruleAtom(vars))]) }
            var rule = Formula.implies(body, head)
            for v in rule.freeVariables.reversed() { rule = .forall(v, rule) }
            premises.append(rule)
        }
        if shape == .withCycles {
            let p = unary.randomElement(using: &rng)!, q = unary.randomElement(using: &rng)!
            premises.append(.forall("x", .implies(sign(.predicate(p, [x])), sign(.predicate(q, [x])))))
            premises.append(.forall("x", .implies(sign(.predicate(q, [x])), sign(.predicate(p, [x])))))
        }
        if shape == .nonHorn {
            premises.append(.or([sign(groundAtom()), sign(groundAtom())]))
            if Bool.random(using: &rng) {
                premises.append(.forall("x", .iff(sign(.predicate(unary.randomElement(using: &rng)!, [x])),
                                                   sign(.predicate(unary.randomElement(using: &rng)!, [x])))))
            }
        }
        if shape == .firstOrder {
            let p = unary.randomElement(using: &rng)!, q = unary.randomElement(using: &rng)!
            premises.append(.exists("x", .and([.predicate(p, [x]), sign(.predicate(q, [x]))])))
            if Bool.random(using: &rng) {
                premises.append(.exists("y", .forall("x", .implies(sign(.predicate(p, [x])), .predicate("E", [x, y])))))
            }
            if Bool.random(using: &rng) {
                let (c, d) = (constants.randomElement(using: &rng)!, constants.randomElement(using: &rng)!)
                premises.append(.equal(.constant(c), .constant(d)))
            }
            if Bool.random(using: &rng) {
                premises.append(.forall("x", .or([sign(.predicate(p, [x])), sign(.predicate(q, [x]))])))
            }
        }
        premises.shuffle(using: &rng)
        var conclusion = sign(groundAtom())
        if shape == .firstOrder && Bool.random(using: &rng) {
            let p = unary.randomElement(using: &rng)!
            let q = unary.randomElement(using: &rng)!
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: conclusion = .exists("x", sign(.predicate(p, [x])))
            case 1: conclusion = .forall("x", sign(.predicate(p, [x])))
            case 2: conclusion = .exists("x", .and([sign(.predicate(p, [x])), sign(.predicate(q, [x]))]))
            default: conclusion = .forall("x", .or([sign(.predicate(p, [x])), sign(.predicate(q, [x]))]))
            }
        }
        return RandomTheory(seed: seed, shape: shape, constants: constants, premises: premises, conclusion: conclusion)
    }

    var description: String {
        "seed \(seed) (\(shape)): " + premises.enumerated().map { "[\($0)] \(Self.text($1))" }.joined(separator: "; ")
            + " ⊢ " + Self.text(conclusion)
    }

    /// A compact ASCII rendering for failure messages.
    static func text(_ f: Formula) -> String {
        func term(_ t: Term) -> String {
            switch t {
            case .variable(let v): return v
            case .function(let n, let args): return args.isEmpty ? n : n + "(" + args.map(term).joined(separator: ",") + ")"
            }
        }
        switch f {
        case .truth: return "true"
        case .falsity: return "false"
        case .predicate(let p, let args): return args.isEmpty ? p : p + "(" + args.map(term).joined(separator: ",") + ")"
        case .equal(let a, let b): return term(a) + "=" + term(b)
        case .not(let g): return "-" + text(g)
        case .and(let gs): return "(" + gs.map(text).joined(separator: " & ") + ")"
        case .or(let gs): return "(" + gs.map(text).joined(separator: " | ") + ")"
        case .implies(let a, let b): return "(" + text(a) + " -> " + text(b) + ")"
        case .iff(let a, let b): return "(" + text(a) + " <-> " + text(b) + ")"
        case .xor(let a, let b): return "(" + text(a) + " ^ " + text(b) + ")"
        case .forall(let v, let g): return "all " + v + ". " + text(g)
        case .exists(let v, let g): return "exists " + v + ". " + text(g)
        }
    }
}

/// The reference verdict of a universal, function-free, equality-free theory, by
/// enumerating every Herbrand interpretation over its constants (exact for such theories
/// by Herbrand's theorem). Independent of every prover: no clausal form, no unification.
enum BruteForceEntailment {
    private indirect enum Proposition {
        case atom(Int)
        case constant(Bool)
        case not(Proposition)
        case and([Proposition])
        case or([Proposition])

        func value(_ model: UInt64) -> Bool {
            switch self {
            case .atom(let i): return model >> UInt64(i) & 1 == 1
            case .constant(let b): return b
            case .not(let p): return !p.value(model)
            case .and(let ps): return ps.allSatisfy { $0.value(model) }
            case .or(let ps): return ps.contains { $0.value(model) }
            }
        }
    }

    /// nil when the theory has more than `maxAtoms` ground atoms or is outside the class.
    static func verdict(premises: [Formula], conclusion: Formula, constants: [String], maxAtoms: Int = 16) -> Verdict? {
        var atoms: [String: Int] = [:]
        var failed = false
        func ground(_ f: Formula, _ env: [String: String]) -> Proposition {
            switch f {
            case .truth: return .constant(true)
            case .falsity: return .constant(false)
            case .predicate(let p, let args):
                let names = args.map { a -> String in
                    switch a {
                    case .variable(let v): return env[v] ?? { failed = true; return "?" }()
                    case .function(let c, let sub): if !sub.isEmpty { failed = true }; return c
                    }
                }
                let key = p + "(" + names.joined(separator: ",") + ")"
                if let i = atoms[key] { return .atom(i) }
                atoms[key] = atoms.count
                return .atom(atoms.count - 1)
            case .equal: failed = true; return .constant(false)
            case .not(let g): return .not(ground(g, env))
            case .and(let gs): return .and(gs.map { ground($0, env) })
            case .or(let gs): return .or(gs.map { ground($0, env) })
            case .implies(let a, let b): return .or([.not(ground(a, env)), ground(b, env)])
            case .iff(let a, let b):
                let (p, q) = (ground(a, env), ground(b, env))
                return .or([.and([p, q]), .and([.not(p), .not(q)])])
            case .xor(let a, let b):
                let (p, q) = (ground(a, env), ground(b, env))
                return .or([.and([p, .not(q)]), .and([.not(p), q])])
            case .forall(let v, let g):
                return .and(constants.map { c in var e = env; e[v] = c; return ground(g, e) })
            case .exists(let v, let g):
                // Only sound over Herbrand models when no ∃ occurs; callers generate none.
                failed = true
                return .or(constants.map { c in var e = env; e[v] = c; return ground(g, e) })
            }
        }
        let theory = Proposition.and(premises.map { ground($0, [:]) })
        let goal = ground(conclusion, [:])
        guard !failed, atoms.count <= maxAtoms, atoms.count < 64 else { return nil }
        var sawModel = false, goalTrue = false, goalFalse = false
        for model in 0..<(UInt64(1) << UInt64(atoms.count)) where theory.value(model) {
            sawModel = true
            if goal.value(model) { goalTrue = true } else { goalFalse = true }
            if goalTrue && goalFalse { return .unknown }
        }
        if !sawModel { return .inconsistent }
        return goalTrue ? .true : .false
    }
}
