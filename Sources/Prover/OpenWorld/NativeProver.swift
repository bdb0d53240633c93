import Logic

/// Entail's native prover: the open-world rule reasoner when the theory is in its
/// fragment (signed-literal rules, with proof trees), else an exact ground decision when
/// the clausal form is function-free, else MESON (also when grounding is too large).
/// In `.closed` mode only the rule reasoner applies.
public struct NativeProver: Sendable {
    public var world: WorldAssumption
    public var limits: NativeLimits

    public init(world: WorldAssumption = .open, limits: NativeLimits = NativeLimits()) {
        self.world = world
        self.limits = limits
    }

    public func decide(premises: [Formula], conclusion: Formula) -> NativeDecision {
        let rules = OpenWorldReasoner(world: world, limits: limits).decide(premises: premises, conclusion: conclusion)
        if world == .closed {
            return rules   // negation as failure has no meaning for full first-order logic
        }
        // In the fragment, the rule reasoner's answer stands unless grounding was too big.
        guard rules.outsideFragment || rules.boundHit == "ground clauses" else { return rules }
        if rules.outsideFragment, var exact = FunctionFreeDecision.decide(premises: premises, conclusion: conclusion, limits: limits),
           exact.boundHit != "ground clauses" {
            exact.reason += " [rule reasoner declined: \(rules.reason)]"
            return exact
        }
        var meson = MESONProver(limits: limits).decide(premises: premises, conclusion: conclusion)
        meson.reason += " [rule reasoner declined: \(rules.reason)]"
        return meson
    }
}
