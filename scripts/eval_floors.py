"""Write tests/eval_floors.json: each strategy's dev-set scores on the recorded responses."""

from __future__ import annotations

import json
import math
from pathlib import Path

from powx_llm.evaluate import evaluate, load_eval_dir
from powx_llm.extract import Extractor, Options, Strategy
from powx_llm.replay import REPLAY_BASE_URL, replay_client

ROOT = Path(__file__).resolve().parent.parent
RECORDED = ROOT / "tests" / "cassettes" / "test_recorded"
FLOORS_FILE = ROOT / "tests" / "eval_floors.json"


def main() -> None:
    scores = {}
    for strategy in Strategy:
        ex = Extractor.connect(
            base_url=REPLAY_BASE_URL,
            http_client=replay_client(RECORDED),
            http_retries=0,
            options=Options(strategy=strategy),
        )
        run = evaluate(ex, load_eval_dir(ROOT / "seeds" / "eval"))
        t = run.total
        scores[strategy.value] = {
            "precision": round(t.precision, 4),
            "recall": round(t.recall, 4),
            "f1": math.floor(t.f1 * 1e4) / 1e4,
            "right": t.right,
            "predicted": t.predicted,
            "gold": t.gold,
            "ungrounded": run.ungrounded,
        }
        print(strategy.value, t.line())
    FLOORS_FILE.write_text(json.dumps(scores, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
