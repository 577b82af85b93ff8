"""Leave-one-out for the cue lexicons (not a test): score each dev article without the lexicon entries
that only it could have taught us.

    .venv/bin/python tests/benchmarks/loo_lexicon.py [--base-url URL]

The word lists (``powx_llm.lexicon``: one file per language, every hand-written entry) were written while
reading the dev set. For each article A, every lexicon entry that matches A's text and no other dev
article's is removed, and A is extracted again: from the recordings when the request is unchanged, else
live (the embedded model, or --base-url). The total is micro-averaged like `powx eval`. Run it alone on the machine.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from powx_llm import ReplayMiss, lexicon
from powx_llm.corpus import PRF, EvalArticle, load_eval_dir
from powx_llm.extract import Extractor
from powx_llm.model import score

EVAL = Path(__file__).resolve().parents[2] / "seeds" / "eval"
RECORDED = Path(__file__).resolve().parents[2] / "cassettes" / "test_recorded"


def _taught_only_by(articles: list[EvalArticle]) -> dict[str, list[lexicon.Entry]]:
    """Return, per article, the lexicon entries that match its text and no other dev article's."""
    out: dict[str, list[lexicon.Entry]] = {a.id: [] for a in articles}
    for entry in lexicon.entries():
        rx = re.compile(entry.pattern, re.IGNORECASE | re.UNICODE)
        hits = [a.id for a in articles if rx.search(a.text)]
        if len(hits) == 1:
            out[hits[0]].append(entry)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--base-url", default=None)
    args = ap.parse_args()
    articles = load_eval_dir(EVAL)
    unique = _taught_only_by(articles)
    replay = Extractor.connect(replay=RECORDED)
    live: Extractor | None = None
    full, loo = PRF(), PRF()
    for art in articles:
        base = score(replay.extract(art.text, published=art.published).facts, art.facts, published=art.published)
        with lexicon.without(set(unique[art.id])):
            try:
                result = replay.extract(art.text, published=art.published)
                how = "replayed"
            except ReplayMiss:
                live = live or Extractor.connect(base_url=args.base_url)
                result = live.extract(art.text, published=art.published)
                how = "live"
        s = score(result.facts, art.facts, published=art.published)
        full, loo = full + PRF(base.right, base.predicted, base.gold), loo + PRF(s.right, s.predicted, s.gold)
        dropped = ", ".join(f"{e.language}:{e.pattern}" for e in unique[art.id]) or "-"
        print(
            f"{art.id:50s} full {base.right}/{base.predicted}/{base.gold}  loo {s.right}/{s.predicted}/{s.gold} "
            f"({how}); without: {dropped}"
        )
    print(f"full lexicon   facts {full.line()}")
    print(f"leave-one-out  facts {loo.line()}")


if __name__ == "__main__":
    main()
