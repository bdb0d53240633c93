#!/bin/sh
# Builds the fine-tuning pairs with the Swift exporter (exact prompt bytes and token ids).
# usage: training/build_data.sh OUT.jsonl   (run from the package root; needs ../shared/datasets
# and models/SmolLM2-135M-Instruct.Q4_1.gguf). Statistics are printed to stderr as JSON.
set -eu
out=${1:?usage: training/build_data.sh OUT.jsonl}
swift build -c release --product entail
.build/release/entail training-pairs \
    --datasets ../shared/datasets \
    --prompt prompts/fol-translation-tuned.txt \
    --model models/SmolLM2-135M-Instruct.Q4_1.gguf \
    --seed 7 --proofwriter-stories 60 --proofwriter-keep 0.3 \
    --reordered 60 --renamed 80 --controlled-variants 40 \
    --out "$out"
