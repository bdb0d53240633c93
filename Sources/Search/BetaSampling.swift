import Foundation

/// Draws from Beta(α, β) as X/(X+Y) with X ~ Gamma(α), Y ~ Gamma(β) (Marsaglia and Tsang's
/// method, with the boost for shapes below 1), from a seeded generator.
struct BetaSampling {
    static func beta<G: RandomNumberGenerator>(_ alpha: Double, _ beta: Double, using g: inout G) -> Double {
        precondition(alpha > 0 && beta > 0, "Beta shapes are positive")
        let x = gamma(alpha, using: &g), y = gamma(beta, using: &g)
        return x + y > 0 ? x / (x + y) : 0.5
    }

    static func gamma<G: RandomNumberGenerator>(_ shape: Double, using g: inout G) -> Double {
        if shape < 1 {
            let u = unit(&g)
            return gamma(shape + 1, using: &g) * pow(max(u, 1e-300), 1 / shape)
        }
        let d = shape - 1.0 / 3.0, c = 1 / sqrt(9 * d)
        for _ in 0..<1000 {
            var x = 0.0, v = 0.0
            repeat {
                x = normal(&g)
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = unit(&g)
            if u < 1 - 0.0331 * x * x * x * x { return d * v }
            if log(max(u, 1e-300)) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v }
        }
        return shape // unreachable in practice: the acceptance rate is above 95%
    }

    static func unit<G: RandomNumberGenerator>(_ g: inout G) -> Double {
        Double(g.next() >> 11) / Double(1 << 53)
    }

    static func normal<G: RandomNumberGenerator>(_ g: inout G) -> Double {
        let u1 = max(unit(&g), 1e-300), u2 = unit(&g)
        return sqrt(-2 * log(u1)) * cos(2 * Double.pi * u2)
    }
}
