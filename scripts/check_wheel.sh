#!/usr/bin/env bash
# Build the wheel, install it into a fresh virtual environment outside the checkout, and replay a
# recording folder given by path: the library must not depend on the repository's layout.
#
#   bash scripts/check_wheel.sh
set -euo pipefail
cd "$(dirname "$0")/.."
REPO="$PWD"
PYTHON="${PYTHON:-python3}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

"$REPO/.venv/bin/python" -m pip wheel --quiet --no-deps --wheel-dir "$WORK/dist" "$REPO"
"$PYTHON" -m venv "$WORK/venv"
"$WORK/venv/bin/python" -m pip install --quiet "$WORK"/dist/*.whl
cd "$WORK"
"$WORK/venv/bin/powx" --version
"$WORK/venv/bin/powx" extract "$REPO/seeds/seed-ua-2024-05-31-75.txt" --replay "$REPO/cassettes" \
    --format jsonl > "$WORK/out.jsonl"
"$WORK/venv/bin/python" - "$WORK/out.jsonl" <<'PY'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
assert len(rows) == 1 and rows[0]["status"] == "ok" and rows[0]["facts"]["ukraine.people"] == 75, rows
print("installed wheel replays", sys.argv[1].rsplit("/", 1)[-1], "->", rows[0]["status"],
      "ukraine.people =", rows[0]["facts"]["ukraine.people"])
PY
