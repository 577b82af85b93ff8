#!/usr/bin/env bash
# Re-record every cassette from a freshly started embedded server, in a fixed order, then write the
# eval floors (tests/eval_floors.json) from the new recordings.
#
#   bash scripts/record.sh              # the dev articles (cassettes/test_recorded)
#   bash scripts/record.sh --made-up    # the made-up reports of the cold probes (cassettes/test_made_up_recorded)
#   bash scripts/record.sh --made-up --new   # only the made-up reports not recorded yet (a new probe)
#
# A fresh server matters: llama.cpp's prompt cache makes outputs at temperature 0 depend slightly on
# the requests served before, so recordings are only reproducible from a cold start in this order.
#
# Threads, context and slots are pinned, not taken from the machine: the thread count changes the order of
# floating-point sums, and so the tokens at temperature 0. Record with these values on every machine; one
# test at a time (-n 0), in this file's order.
set -euo pipefail
export POWX_THREADS=2 POWX_CTX=32768 POWX_SLOTS=4
cd "$(dirname "$0")/.."
VENV="${POWX_VENV:-.venv}"
PORT=8765
if (exec 3<>/dev/tcp/127.0.0.1/$PORT) 2>/dev/null; then
  echo "port $PORT is busy: stop whatever serves it first" >&2; exit 2
fi
"$VENV/bin/powx" serve --port $PORT > /tmp/powx-record-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do
  curl -sf "http://127.0.0.1:$PORT/health" > /dev/null && break
  sleep 0.5
done
status=0
if [ "${1:-}" = "--made-up" ]; then
  mode=all
  if [ "${2:-}" = "--new" ]; then mode=once; else rm -rf cassettes/test_made_up_recorded; fi
  "$VENV/bin/python" -m pytest tests/extract/test_made_up_recorded.py --record-mode=$mode -n 0 -q || status=$?
  exit $status
fi
rm -rf cassettes/test_recorded
ready="$(date +%s.%N)"
"$VENV/bin/python" -m pytest tests/extract/test_recorded.py --record-mode=all -n 0 -q || status=$?
"$VENV/bin/python" scripts/recording_seconds.py "$ready"
"$VENV/bin/python" scripts/eval_floors.py
exit $status
