"""Benchmark (not a test): median time to find mentions and run every check, per dev article.

    .venv/bin/python tests/benchmarks/bench_checks.py [--repeat 200]

Target: under 2 ms per article on the 2-core reference machine. Run it alone (no model running).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from powx_llm import Exchange, check, find_mentions
from powx_llm.read import find_cues

EVAL = Path(__file__).resolve().parents[2] / "seeds" / "eval"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=200)
    args = ap.parse_args()
    rows = []
    for path in sorted(EVAL.glob("*.json")):
        art = json.loads(path.read_text(encoding="utf-8"))
        gold = {k: v for k, v in art["gold"].items() if k not in ("consistency", "inconsistencies")}
        exchange = Exchange.model_validate(gold)
        times, cue_times = [], []
        for _ in range(args.repeat):
            began = time.perf_counter()
            mentions = find_mentions(art["text"])
            check(exchange, text=art["text"], published=art.get("published"))
            mid = time.perf_counter()
            find_cues(art["text"], mentions)
            times.append(mid - began)
            cue_times.append(time.perf_counter() - mid)
        rows.append((path.stem, len(art["text"]), statistics.median(times) * 1000, statistics.median(cue_times) * 1000))
    for name, chars, ms, cue_ms in rows:
        print(f"{name:55s} {chars:5d} chars  mentions+checks {ms:6.3f} ms  cues {cue_ms:6.3f} ms")
    medians = [ms for _, _, ms, _ in rows]
    cues = [c for _, _, _, c in rows]
    print(
        f"mentions + all checks: median over articles {statistics.median(medians):.3f} ms, "
        f"worst article {max(medians):.3f} ms; word cues: median {statistics.median(cues):.3f} ms"
    )


if __name__ == "__main__":
    main()
