import Logic

// Short constructors for hand-written problems.
func v(_ name: String) -> Term { .variable(name) }
func c(_ name: String) -> Term { .constant(name) }
func f(_ name: String, _ args: Term...) -> Term { .function(name, args) }
func p(_ name: String, _ args: Term...) -> Formula { .predicate(name, args) }
func all(_ x: String, _ body: Formula) -> Formula { .forall(x, body) }
func some(_ x: String, _ body: Formula) -> Formula { .exists(x, body) }
func eq(_ a: Term, _ b: Term) -> Formula { .equal(a, b) }

/// Pigeonhole: `pigeons` pigeons in `pigeons - 1` holes, propositional (0-ary predicates).
/// Unsatisfiable, and hard for resolution-based solvers from about 10 pigeons.
func pigeonhole(_ pigeons: Int) -> [Formula] {
    let holes = pigeons - 1
    func inHole(_ i: Int, _ j: Int) -> Formula { .predicate("in_\(i)_\(j)", []) }
    var out: [Formula] = []
    for i in 0..<pigeons { out.append(.or((0..<holes).map { inHole(i, $0) })) }
    for j in 0..<holes {
        for i in 0..<pigeons {
            for k in (i + 1)..<pigeons where k < pigeons {
                out.append(.not(.and([inHole(i, j), inHole(k, j)])))
            }
        }
    }
    return out
}
