"""What reading an article costs without the model: imports, the language identifier, and the
deterministic reading (mentions, cues) of each dev article (medians; no timed assertion anywhere).

    .venv/bin/python tests/benchmarks/bench_reading.py

Run with nothing else on the machine. Each import is timed in a fresh interpreter.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

EVAL = Path(__file__).resolve().parents[2] / "seeds" / "eval"


def _import_seconds(statement: str, runs: int = 5) -> float:
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    return statistics.median(float(subprocess.check_output([sys.executable, "-c", code])) for _ in range(runs))


def main() -> None:
    for statement in ("import powx_llm", "import text_to_num", "import py3langid", "import babel.dates"):
        print(f"{statement:32s} {_import_seconds(statement) * 1000:7.1f} ms (median of 5, fresh interpreter)")

    from powx_llm.corpus import load_eval_dir
    from powx_llm.read import analyse, identify, read_article

    started = time.perf_counter()
    identify("warm up")
    print(f"{'language model, first use':32s} {(time.perf_counter() - started) * 1000:7.1f} ms")
    articles = load_eval_dir(EVAL)
    analyse(read_article(articles[0].text))  # CLDR month names and patterns, built once
    ident, reading = [], []
    for art in articles:
        t = time.perf_counter()
        identify(art.text)
        ident.append(time.perf_counter() - t)
        t = time.perf_counter()
        analyse(read_article(art.text, published=art.published))
        reading.append(time.perf_counter() - t)
    for name, times in (("identify, per article", ident), ("analyse, per article", reading)):
        print(f"{name:32s} {statistics.median(times) * 1000:7.2f} ms median, {max(times) * 1000:.2f} max")


if __name__ == "__main__":
    main()
