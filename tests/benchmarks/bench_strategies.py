"""Benchmark (not a test): both strategies side by side on the dev set, per-article medians.

    .venv/bin/python tests/benchmarks/bench_strategies.py            # replay the recorded responses
    .venv/bin/python tests/benchmarks/bench_strategies.py --live     # the embedded model, live

Reports, per strategy: facts P/R/F1 (micro), per-article medians of F1, LLM calls, prompt and completion
tokens and seconds, and the library's own overhead per article (everything but waiting for the LLM).
Live runs start the embedded server once; run nothing else on the machine meanwhile.
"""

from __future__ import annotations

import argparse
import statistics
from pathlib import Path

from powx_llm.corpus import EvalRun, evaluate, load_eval_dir
from powx_llm.extract import Extractor, Options, Strategy

EVAL = Path(__file__).resolve().parents[2] / "seeds" / "eval"
RECORDED = Path(__file__).resolve().parents[2] / "cassettes" / "test_recorded"


def _connect(strategy: Strategy, *, live: bool) -> Extractor:
    options = Options(strategy=strategy)
    if live:
        return Extractor.connect(options=options)
    return Extractor.connect(replay=RECORDED, options=options)


def _article_f1(r: object) -> float:
    s = r.score  # type: ignore[attr-defined]
    p = s.right / s.predicted if s.predicted else 0.0
    q = s.right / s.gold if s.gold else 0.0
    return 2 * p * q / (p + q) if p + q else 0.0


def _row(run: EvalRun) -> str:
    done = [r for r in run.results if r.extraction is not None]
    med = statistics.median
    ex = [r.extraction for r in done if r.extraction is not None]
    return (
        f"{run.strategy:9s} {run.total.line()}  median per article: F1 {med(_article_f1(r) for r in run.results):.3f}, "
        f"calls {med(e.llm_calls for e in ex):.0f}, prompt {med(e.usage.prompt_tokens for e in ex):.0f} tok, "
        f"completion {med(e.usage.completion_tokens for e in ex):.0f} tok, {med(r.seconds for r in done):.2f} s, "
        f"overhead {1000 * med(e.seconds - e.usage.seconds for e in ex):.1f} ms; ungrounded {run.ungrounded}"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--live", action="store_true", help="run the embedded model instead of the recordings")
    args = ap.parse_args()
    articles = load_eval_dir(EVAL)
    runs = {s: evaluate(_connect(s, live=args.live), articles) for s in Strategy}
    for run in runs.values():
        print(_row(run))
    cued, base = runs[Strategy.CUED].total.f1, runs[Strategy.BASELINE].total.f1
    print(f"F1 ratio cued/baseline: {cued / base:.2f}" if base else "baseline F1 is 0")


if __name__ == "__main__":
    main()
