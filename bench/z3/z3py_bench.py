#!/usr/bin/env python3
"""Times the z3 Python API on the same three checks Entail's Z3 bridge runs.

Input: a JSONL file, one problem per line: {"name": ..., "smt2": ...}, where smt2 holds
the declarations, one (assert P) per premise and a last (assert C) for the conclusion
(Z3Entailment.smtlib2Assertions writes it). For each problem, like the bridge: a fresh
Context, a SimpleSolver with the timeout, each premise guarded by an indicator, then the
checks premises / premises & not C / premises & C with the same early exits.

Output: one JSON line per problem {"name", "verdict", "total", "checks", "phases"} (seconds;
"total" includes making the context and parsing the SMT-LIB2; "checks" only the checks),
after a first line {"z3_version": ...}.

Usage: python3 z3py_bench.py PROBLEMS.jsonl [--timeout-ms N]
"""
import json
import sys
import time

import z3


def decide(text, timeout_ms):
    start = time.perf_counter()
    ctx = z3.Context()
    solver = z3.SimpleSolver(ctx=ctx)
    solver.set(timeout=timeout_ms)
    assertions = list(z3.parse_smt2_string(text, ctx=ctx))
    premises, conclusion = assertions[:-1], assertions[-1]
    indicators = []
    for i, premise in enumerate(premises):
        b = z3.FreshBool("premise", ctx=ctx)
        solver.add(z3.Implies(b, premise))
        indicators.append(b)
    negated = z3.FreshBool("negated", ctx=ctx)
    positive = z3.FreshBool("conclusion", ctx=ctx)
    solver.add(z3.Implies(negated, z3.Not(conclusion)))
    solver.add(z3.Implies(positive, conclusion))
    results, phases = {}, {}

    def run(phase, extra):
        began = time.perf_counter()
        answer = solver.check(*(indicators + extra))
        if answer == z3.unsat:
            solver.unsat_core()
        phases[phase] = time.perf_counter() - began
        results[phase] = str(answer)
        return answer

    verdict = None
    first = run("premises", [])
    if first == z3.unsat:
        verdict = "inconsistent"
    else:
        neg = run("negatedConclusion", [negated])
        if neg == z3.unsat and first == z3.sat:
            verdict = "true"
        else:
            pos = run("conclusion", [positive])
            consistent = z3.sat in (first, neg, pos)
            if neg == z3.unsat and pos == z3.unsat:
                verdict = "inconsistent"
            elif neg == z3.unsat and consistent:
                verdict = "true"
            elif pos == z3.unsat and consistent:
                verdict = "false"
            elif neg == z3.sat and pos == z3.sat:
                verdict = "unknown"
            else:
                verdict = "timeout"
    total = time.perf_counter() - start
    return verdict, total, sum(phases.values()), phases


def main():
    args = sys.argv[1:]
    timeout_ms = 10000
    if "--timeout-ms" in args:
        i = args.index("--timeout-ms")
        timeout_ms = int(args[i + 1])
        del args[i:i + 2]
    if len(args) != 1:
        sys.exit(__doc__)
    print(json.dumps({"z3_version": z3.get_version_string()}), flush=True)
    with open(args[0], encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            problem = json.loads(line)
            try:
                verdict, total, checks, phases = decide(problem["smt2"], timeout_ms)
                record = {"name": problem["name"], "verdict": verdict, "total": total,
                          "checks": checks, "phases": phases}
            except z3.Z3Exception as error:
                record = {"name": problem["name"], "verdict": "error", "error": str(error)}
            print(json.dumps(record), flush=True)


if __name__ == "__main__":
    main()
