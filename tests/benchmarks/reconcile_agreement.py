"""How the events made from the replayed extractions agree with the events made from the gold exchanges.

    .venv/bin/python tests/benchmarks/reconcile_agreement.py

Both groupings use the same rules (powx_llm.corpus._reconcile); the difference comes from extraction accuracy
(kinds, recipients, dates and figures). Pairs are counted over the articles that are events in both.
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main() -> None:
    from tests.helpers import gold_rows

    from powx_llm.corpus import extract_many, read_corpus, reconcile
    from powx_llm.extract import Extractor

    ex = Extractor.connect(replay=ROOT / "cassettes")
    rows = list(extract_many(read_corpus([ROOT / "seeds" / "eval"]).articles, extractor=ex, progress=False))
    gold = {a: i for i, e in enumerate(reconcile(gold_rows())) for a in e.articles}
    got = {a: i for i, e in enumerate(reconcile(rows)) for a in e.articles}
    both = sorted(set(gold) & set(got))
    pairs = list(itertools.combinations(both, 2))
    same_gold = {p for p in pairs if gold[p[0]] == gold[p[1]]}
    same_got = {p for p in pairs if got[p[0]] == got[p[1]]}
    agree = sum((p in same_gold) == (p in same_got) for p in pairs)
    right = len(same_gold & same_got)
    print(f"articles that are events in both: {len(both)} (gold {len(gold)}, replayed {len(got)})")
    print(f"pairs agreeing (same event in both, or apart in both): {agree}/{len(pairs)} = {agree / len(pairs):.3f}")
    print(
        f"same-event pairs: precision {right / max(len(same_got), 1):.3f} ({right}/{len(same_got)}), "
        f"recall {right / max(len(same_gold), 1):.3f} ({right}/{len(same_gold)})"
    )
    gold_events = {frozenset(a for a in both if gold[a] == i) for i in set(gold.values())}
    got_events = {frozenset(a for a in both if got[a] == i) for i in set(got.values())}
    several = [e for e in gold_events if len(e) > 1]
    print(
        f"gold events with several sources reproduced exactly: {sum(e in got_events for e in several)}/{len(several)}"
    )


if __name__ == "__main__":
    main()
