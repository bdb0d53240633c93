#!/usr/bin/env python3
"""Three-valued verdicts from the E prover on the TPTP files `entail batch --export-tptp`
writes, compared with the labels and with Entail's verdicts in the same run.

For each problem: E on the axioms alone (ContradictoryAxioms/Unsatisfiable -> inconsistent),
on the conclusion as conjecture (Theorem -> true), on its negation (Theorem -> false);
otherwise unknown when E reports the problem (counter)satisfiable, or "gaveup" when E ran
out of resources: a bound is never counted as unknown.

Usage:
  entail batch --formal DATASET --export-tptp DIR --out RESULTS.jsonl
  python3 bench/peers/eprover_verdicts.py DIR RESULTS.jsonl [--cpu-limit 10]
"""
import json
import subprocess
import sys
import time


def szs(path, cpu_limit):
    try:
        out = subprocess.run(["eprover", "--auto", f"--cpu-limit={cpu_limit}", "-s", path],
                             capture_output=True, text=True, timeout=cpu_limit + 20).stdout
    except subprocess.TimeoutExpired:
        return "Timeout"
    for line in out.splitlines():
        if line.startswith("# SZS status"):
            return line.split()[3]
    return "NoStatus"


def verdict(directory, name, cpu_limit):
    axioms = szs(f"{directory}/{name}.axioms.p", cpu_limit)
    if axioms in ("Unsatisfiable", "ContradictoryAxioms"):
        return "inconsistent"
    pos = szs(f"{directory}/{name}.positive.p", cpu_limit)
    if pos == "Theorem":
        return "true"
    if pos == "ContradictoryAxioms":
        return "inconsistent"
    neg = szs(f"{directory}/{name}.negative.p", cpu_limit)
    if neg == "Theorem":
        return "false"
    if pos == "CounterSatisfiable" and neg == "CounterSatisfiable":
        return "unknown"
    return "gaveup"


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    directory, results = sys.argv[1], sys.argv[2]
    cpu_limit = int(sys.argv[sys.argv.index("--cpu-limit") + 1]) if "--cpu-limit" in sys.argv else 10
    rows = [json.loads(l) for l in open(results) if l.strip()]
    e_correct = ours_correct = agree = n = 0
    times = []
    for r in rows:
        if "expected" not in r:
            continue
        start = time.perf_counter()
        v = verdict(directory, r["id"], cpu_limit)
        times.append(time.perf_counter() - start)
        n += 1
        e_correct += v == r["expected"]
        ours_correct += r["verdict"] == r["expected"]
        agree += v == r["verdict"]
        if v != r["verdict"] or v != r["expected"]:
            print(f"{r['id']}: E {v}, entail {r['verdict']}, label {r['expected']}")
    times.sort()
    print(f"E:      {e_correct}/{n} ({100 * e_correct / max(n, 1):.1f}%)  median {times[len(times) // 2] * 1000:.0f} ms per problem")
    print(f"entail: {ours_correct}/{n} ({100 * ours_correct / max(n, 1):.1f}%)")
    print(f"agree:  {agree}/{n}")


if __name__ == "__main__":
    main()
