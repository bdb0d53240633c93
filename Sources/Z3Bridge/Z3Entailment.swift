import Logic

/// Decides first-order entailment with Z3, three-valued, with certificates.
///
/// Each call makes its own Z3 context, so a `Z3Entailment` can be used from any number of
/// threads at once. The timeout applies to each check separately; `decide` runs at most
/// three checks.
///
/// ```swift
/// let z3 = Z3Entailment(timeout: .seconds(5))
/// let dog = Formula.forall("x", .implies(.predicate("Dog", [.variable("x")]),
///                                         .predicate("Animal", [.variable("x")])))
/// let rex = Formula.predicate("Dog", [.constant("rex")])
/// let d = try z3.decide(premises: [dog, rex], conclusion: .predicate("Animal", [.constant("rex")]))
/// // d.verdict == .true, d.unsatCore == [0, 1]
/// ```
///
/// Translation: see `FormulaEncoder` (one sort `U`, free variables are constants).
public struct Z3Entailment: Sendable {
    /// Deeper nesting than this (formula and term levels together) throws
    /// `Z3Error.Kind.nestingTooDeep` instead of risking the stack.
    public static let maxNesting = 2_000

    public var timeout: Duration
    /// Ask Z3 to minimize unsat cores (`core.minimize`); slower.
    public var minimizeCores: Bool
    /// More solver parameters (e.g. `"smt.random_seed": .uint(7)`); an unknown name makes
    /// every call throw Z3's error.
    public var parameters: [String: Z3ParameterValue]
    /// Read the models of satisfiable checks (costs a little time).
    public var readModels: Bool

    public init(timeout: Duration = .seconds(10), minimizeCores: Bool = false,
                parameters: [String: Z3ParameterValue] = [:], readModels: Bool = true) {
        self.timeout = timeout
        self.minimizeCores = minimizeCores
        self.parameters = parameters
        self.readModels = readModels
    }

    private func session(_ formulas: [Formula]) throws -> Z3Session {
        var all = parameters
        if minimizeCores { all["core.minimize"] = .bool(true) }
        return try Z3Session(formulas: formulas, timeout: timeout, parameters: all, maxNesting: Self.maxNesting)
    }

    /// Decides whether `premises` entail `conclusion`.
    ///
    /// Checks premises (unsat: `inconsistent`), then premises ∧ ¬conclusion (unsat: `true`),
    /// then premises ∧ conclusion (unsat: `false`); both satisfiable: `unknown`, with a
    /// model each way. A check Z3 gives up on (timeout, incomplete quantifier reasoning)
    /// makes the verdict `timeout` unless the other checks decide soundly without it; it is
    /// never reported as `unknown`.
    public func decide(premises: [Formula], conclusion: Formula) throws -> Z3Decision {
        let clock = ContinuousClock()
        let start = clock.now
        let session = try session(premises + [conclusion])
        var indicators: [Z3AST] = []
        for premise in premises {
            indicators.append(try session.assertTracked(session.encoder.encode(premise), prefix: "premise"))
        }
        let goal = try session.encoder.encode(conclusion)
        let negatedIndicator = try session.assertTracked(session.encoder.not(goal), prefix: "negated")
        let positiveIndicator = try session.assertTracked(goal, prefix: "conclusion")
        var timings = Z3Timings(setup: start.duration(to: clock.now))
        var results: [Z3Phase: Z3Result] = [:]
        var cores: [Z3Phase: [Int]] = [:]
        var models: [Z3Phase: Z3Countermodel] = [:]

        func run(_ phase: Z3Phase, extra: Z3AST?) throws -> Z3Result {
            let began = clock.now
            let assumptions = indicators + (extra.map { [$0] } ?? [])
            let result = try session.check(assuming: assumptions)
            switch result {
            case .unsat:
                cores[phase] = try session.unsatCore(among: assumptions).filter { $0 < indicators.count }
            case .sat:
                if readModels { models[phase] = try session.model() }
            case .unknown:
                break
            }
            results[phase] = result
            timings.phases[phase] = began.duration(to: clock.now)
            return result
        }

        var decision = Z3Decision(verdict: .unknown, unsatCore: [], countermodel: nil, modelOfConclusion: nil,
                                  results: [:], timedOutPhase: nil, reasonUnknown: nil, timings: timings)
        func finish(_ verdict: Verdict, core: [Int] = [], timedOut: Z3Phase? = nil) -> Z3Decision {
            decision.verdict = verdict
            decision.unsatCore = core
            decision.countermodel = models[.negatedConclusion]
            decision.modelOfConclusion = models[.conclusion]
            decision.results = results
            decision.timedOutPhase = timedOut
            if let timedOut, case .unknown(let reason) = results[timedOut] { decision.reasonUnknown = reason }
            timings.total = start.duration(to: clock.now)
            decision.timings = timings
            return decision
        }

        let premisesResult = try run(.premises, extra: nil)
        if premisesResult == .unsat { return finish(.inconsistent, core: cores[.premises] ?? []) }
        let negated = try run(.negatedConclusion, extra: negatedIndicator)
        if negated == .unsat && premisesResult == .sat {
            return finish(.true, core: cores[.negatedConclusion] ?? [])
        }
        let positive = try run(.conclusion, extra: positiveIndicator)
        // Any satisfiable check shows the premises consistent.
        let consistent = [premisesResult, negated, positive].contains(.sat)
        switch (negated, positive) {
        case (.unsat, .unsat):
            // premises ∧ ¬C and premises ∧ C both unsat: the premises are; the union of the
            // two cores is contradictory by itself.
            let core = Set((cores[.negatedConclusion] ?? []) + (cores[.conclusion] ?? [])).sorted()
            return finish(.inconsistent, core: core)
        case (.unsat, _) where consistent:
            return finish(.true, core: cores[.negatedConclusion] ?? [])
        case (_, .unsat) where consistent:
            return finish(.false, core: cores[.conclusion] ?? [])
        case (.sat, .sat):
            return finish(.unknown)
        default:
            let first = [Z3Phase.premises, .negatedConclusion, .conclusion].first {
                if case .unknown = results[$0] { return true } else { return false }
            }
            return finish(.timeout, timedOut: first)
        }
    }

    /// Checks the conjunction of `formulas`.
    public func check(_ formulas: [Formula]) throws -> Z3Result {
        let session = try session(formulas)
        for formula in formulas { try session.assert(session.encoder.encode(formula)) }
        return try session.check(assuming: [])
    }

    /// True when the conjunction of `formulas` has a model, false when it has none, nil
    /// when Z3 gave up.
    public func isSatisfiable(_ formulas: [Formula]) throws -> Bool? {
        switch try check(formulas) {
        case .sat: return true
        case .unsat: return false
        case .unknown: return nil
        }
    }

    /// True when `formula` holds in every model (its negation is unsatisfiable), false when
    /// it fails in some model, nil when Z3 gave up.
    public func isValid(_ formula: Formula) throws -> Bool? {
        try isSatisfiable([.not(formula)]).map { !$0 }
    }

    /// True when `a` and `b` hold in exactly the same models, false when some model tells
    /// them apart, nil when Z3 gave up. Free variables are constants, shared by `a` and `b`.
    public func areEquivalent(_ a: Formula, _ b: Formula) throws -> Bool? {
        try isValid(.iff(a, b))
    }
}
