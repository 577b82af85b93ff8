"""Time one extraction of the seed on the embedded server at several context sizes (median of 3 each).

    .venv/bin/python tests/benchmarks/bench_context.py [--ctx 4096 32768]

Run with nothing else on the machine: one server at a time, started fresh for each size, the same
request each time (the prompt cache is cleared between runs by a different first message).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from powx_llm.extract import Extractor
from powx_llm.llm import _embedded as embedded

SEED = Path(__file__).resolve().parents[2] / "seeds" / "seed-ua-2024-05-31-75.txt"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ctx", type=int, nargs="+", default=[4096, 32768])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    text = SEED.read_text(encoding="utf-8")
    for ctx in args.ctx:
        server = embedded.EmbeddedServer(model=embedded.model_path(), n_ctx=ctx, n_threads=2).start()
        try:
            ex = Extractor.connect(base_url=server.base_url, model=embedded.MODEL_ALIAS, http_retries=0)
            times = []
            for i in range(args.runs):
                ex.extract(f"Warm-up {i}: nothing happened.")  # evicts the seed from the prompt cache
                began = time.perf_counter()
                ex.extract(text)
                times.append(time.perf_counter() - began)
        finally:
            server.stop()
        each = ", ".join(f"{t:.1f}" for t in times)
        print(f"n_ctx={ctx}: median {statistics.median(times):.1f} s per extraction ({each})")


if __name__ == "__main__":
    main()
