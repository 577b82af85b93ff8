"""Write tests/eval_floors.json: each strategy's dev-set scores and costs on the recorded responses.

Per strategy: the total over all articles (the floor CI holds), each split of seeds/eval/splits.json,
the F1 of the key groups the README reports, LLM calls and tokens per article, and the wall seconds per
article while recording (tests/recording_seconds.json, written by scripts/recording_seconds.py).
"""

from __future__ import annotations

import json
import math
import statistics
from pathlib import Path
from typing import Any

from powx_llm.corpus import EvalRun, evaluate, load_eval_dir
from powx_llm.extract import Extractor, Options, Strategy

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "seeds" / "eval"
RECORDED = ROOT / "cassettes" / "test_recorded"
FLOORS_FILE = ROOT / "tests" / "eval_floors.json"
SECONDS_FILE = ROOT / "tests" / "recording_seconds.json"
REPORTED_GROUPS = ("people/bodies", "parties", "recipients")


def _scores(run: EvalRun, seconds: dict[str, float]) -> dict[str, Any]:
    t = run.total
    done = [r.extraction for r in run.results if r.extraction is not None]
    secs = [seconds[k] for r in run.results if (k := f"test_dev_article[{run.strategy}-{r.article.id}]") in seconds]
    groups = run.groups()
    return {
        "articles": len(run.results),
        "errors": sum(1 for r in run.results if r.error),
        "precision": round(t.precision, 4),
        "recall": round(t.recall, 4),
        "f1": math.floor(t.f1 * 1e4) / 1e4,
        "right": t.right,
        "predicted": t.predicted,
        "gold": t.gold,
        "ungrounded": run.ungrounded,
        "groups": {g: round(groups[g].f1, 4) for g in REPORTED_GROUPS if g in groups},
        "calls": {"median": statistics.median(e.llm_calls for e in done), "max": max(e.llm_calls for e in done)},
        "tokens": {
            "median_prompt": statistics.median(e.usage.prompt_tokens for e in done),
            "median_completion": statistics.median(e.usage.completion_tokens for e in done),
        },
        "seconds": {"median": round(statistics.median(secs), 1), "max": max(secs)} if secs else None,
    }


def main() -> None:
    seconds = json.loads(SECONDS_FILE.read_text(encoding="utf-8")) if SECONDS_FILE.exists() else {}
    splits = json.loads((EVAL / "splits.json").read_text(encoding="utf-8"))
    out: dict[str, Any] = {}
    for strategy in Strategy:
        ex = Extractor.connect(replay=RECORDED, options=Options(strategy=strategy))
        run = evaluate(ex, load_eval_dir(EVAL))
        out[strategy.value] = _scores(run, seconds)
        out[strategy.value]["splits"] = {}
        for name, ids in splits.items():
            part = EvalRun(strategy=run.strategy, results=[r for r in run.results if r.article.id in set(ids)])
            out[strategy.value]["splits"][name] = _scores(part, seconds)
        print(strategy.value, run.total.line())
    FLOORS_FILE.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
