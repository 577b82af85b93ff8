#!/usr/bin/env bash
# The test command: offline (recorded cassettes, network blocked except to the embedded server on
# 127.0.0.1), including the example notebook and one real completion from the embedded model.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${POWX_VENV:-.venv}/bin/python"
[ -x "$PY" ] || PY=python
exec "$PY" -m pytest --record-mode=none --block-network --allowed-hosts=127.0.0.1,localhost \
  --nbmake examples/ tests/ "$@"
