"""Articles per second of the embedded model for a batch at --jobs 1, 2 and 4 (one server, 4 slots), and
whether the answers are the same at every jobs count. Live: it starts the embedded server; run it alone
on the machine (one model run at a time), e.g.

    flock /tmp/powx-model.lock .venv/bin/python tests/benchmarks/bench_slots.py [--articles 12] [--rounds 1]

The articles are the first N of the dev set by id (seeds/eval). The same server serves every run, so all
runs after the first find the instructions in its prompt cache; a warm-up run of two articles comes first.
Prints a line per jobs count (articles/s, the ratio to jobs 1) and, per article, any fact that differs
from the jobs-1 answer (no timed assertion: a shared machine's speed is noise).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main() -> None:
    from powx_llm.corpus import ArticleInput, extract_many
    from powx_llm.extract import Extractor
    from powx_llm.llm import MODEL_ALIAS, EmbeddedServer, model_path

    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=12)
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--slots", type=int, default=4)
    args = ap.parse_args()

    files = sorted(p for p in (ROOT / "seeds" / "eval").glob("*.json") if p.name != "splits.json")
    data = [json.loads(p.read_text(encoding="utf-8")) for p in files[: args.articles]]
    server = EmbeddedServer(model=model_path(), n_slots=args.slots).start()
    try:
        ex = Extractor.connect(base_url=server.base_url, model=MODEL_ALIAS, mode="grammar", http_retries=0)

        def run(jobs: int, tag: str, items: list[dict[str, str]]) -> tuple[float, dict[str, object]]:
            inputs = [ArticleInput(f"{tag}{d['id']}", d["text"], published=d["published"]) for d in items]
            started = time.perf_counter()
            rows = list(extract_many(inputs, extractor=ex, jobs=jobs, progress=False))
            seconds = time.perf_counter() - started
            facts: dict[str, object] = {
                r.id.removeprefix(tag): (r.extraction.facts if r.extraction else r.error) for r in rows
            }
            return seconds, facts

        run(1, "warm-", data[:2])
        rates: dict[int, float] = {}
        answers: dict[int, dict[str, object]] = {}
        for jobs in (1, 2, 4):
            seconds = []
            for k in range(args.rounds):
                s, facts = run(jobs, f"j{jobs}r{k}-", data)
                seconds.append(s)
                answers.setdefault(jobs, facts)
            rates[jobs] = len(data) / statistics.median(seconds)
            print(
                f"jobs {jobs}: {rates[jobs]:.3f} articles/s ({statistics.median(seconds) / len(data):.1f} s per "
                f"article) · {rates[jobs] / rates[1]:.2f}x jobs 1",
                flush=True,
            )
        for jobs in (2, 4):
            differ = [a for a in answers[1] if answers[jobs][a] != answers[1][a]]
            print(f"jobs {jobs}: {len(data) - len(differ)}/{len(data)} articles answered as at jobs 1", flush=True)
            for a in differ:
                one, other = answers[1][a], answers[jobs][a]
                if isinstance(one, dict) and isinstance(other, dict):
                    keys = sorted(k for k in set(one) | set(other) if one.get(k) != other.get(k))
                    print(f"  {a}: " + "; ".join(f"{k} {one.get(k)!r} -> {other.get(k)!r}" for k in keys))
                else:
                    print(f"  {a}: {one!r} -> {other!r}")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
