#!/usr/bin/env bash
# FOLIO validation (dev half) from the gold FOL: Entail's verdicts next to E's on the same
# formulas, in one run. Needs `apt-get install eprover` and ../shared/datasets.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/datasets/folio/folio-validation-dev.jsonl}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
entail=${ENTAIL:-.build/release/entail}
[ -x "$entail" ] || entail=.build/debug/entail
"$entail" batch --formal "$data" --export-tptp "$work/tptp" --out "$work/entail.jsonl" --quiet
python3 bench/peers/eprover_verdicts.py "$work/tptp" "$work/entail.jsonl" --cpu-limit 10
