import Logic

// A small formula-building syntax for the prover tests: P("Big", bob), !f, f && g,
// f || g, f ==> g, f <=> g, all("x", f), some("x", f).

infix operator ==> : TernaryPrecedence
infix operator <=> : TernaryPrecedence

func P(_ name: String, _ args: Term...) -> Formula { .predicate(name, args) }
func const(_ name: String) -> Term { .function(name, []) }
func fn(_ name: String, _ args: Term...) -> Term { .function(name, args) }
func variable(_ name: String) -> Term { .variable(name) }
func all(_ v: String, _ f: Formula) -> Formula { .forall(v, f) }
func some(_ v: String, _ f: Formula) -> Formula { .exists(v, f) }
func eq(_ a: Term, _ b: Term) -> Formula { .equal(a, b) }

prefix func ! (f: Formula) -> Formula { .not(f) }
func && (a: Formula, b: Formula) -> Formula {
    if case .and(let xs) = a { return .and(xs + [b]) }
    return .and([a, b])
}
func || (a: Formula, b: Formula) -> Formula {
    if case .or(let xs) = a { return .or(xs + [b]) }
    return .or([a, b])
}
func ==> (a: Formula, b: Formula) -> Formula { .implies(a, b) }
func <=> (a: Formula, b: Formula) -> Formula { .iff(a, b) }

let x = Term.variable("x"), y = Term.variable("y"), z = Term.variable("z")
let bob = const("bob"), anne = const("anne"), carl = const("carl")
