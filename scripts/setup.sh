#!/usr/bin/env bash
# One-time set-up on a fresh Debian 12 machine: the C libraries Entail links against,
# and the bundled default model. Idempotent: run it as often as you like.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
for pkg in libz3-dev libopenblas-dev libgmp-dev; do
    dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
    echo "setup: installing ${need[*]}" >&2
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

if [ -x scripts/fetch-model.sh ]; then
    bash scripts/fetch-model.sh
fi
