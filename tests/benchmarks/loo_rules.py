"""Leave-one-rule-out over the answer rules (not a test): what each rule of ``ANSWER_RULES`` is worth.

    .venv/bin/python tests/benchmarks/loo_rules.py [--recordings cassettes] [--split NAME]

For every rule, each dev article is extracted again from the recordings with that rule removed (every other
rule kept, the requests and answers unchanged), and scored like ``powx eval``. A row per rule: the facts F1
without it, the change against all rules, and how many facts keys it changes (added, removed or given
another value) over the articles, with the right keys it wins and loses. A rule that loses right keys turns
some correct answers wrong. Offline and quick (seconds): nothing but the rules changes.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

from powx_llm.corpus import PRF, EvalArticle, load_eval_dir
from powx_llm.extract import ANSWER_RULES, Extractor, Rule, rules_without
from powx_llm.model import FactValue, score

ROOT = Path(__file__).resolve().parents[2]


def _run(extractor: Extractor, articles: list[EvalArticle]) -> tuple[PRF, dict[str, dict[str, FactValue]]]:
    total, got = PRF(), {}
    for art in articles:
        facts = extractor.extract(art.text, published=art.published).facts
        s = score(facts, art.facts, published=art.published)
        total, got[art.id] = total + PRF(s.right, s.predicted, s.gold), facts
    return total, got


def _changes(
    full: dict[str, dict[str, FactValue]], other: dict[str, dict[str, FactValue]], articles: list[EvalArticle]
) -> tuple[int, int, int]:
    """Return (keys changed, right keys the rule wins, right keys it loses) between *full* and *other*."""
    changed = won = lost = 0
    for art in articles:
        a, b = full[art.id], other[art.id]
        keys = {k for k in a.keys() | b.keys() if a.get(k) != b.get(k)}
        changed += len(keys)
        right_with = set(score(a, art.facts, published=art.published).right_keys)
        right_without = set(score(b, art.facts, published=art.published).right_keys)
        won += len(right_with - right_without)
        lost += len(right_without - right_with)
    return changed, won, lost


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--recordings", type=Path, default=ROOT / "cassettes")
    ap.add_argument("--eval", type=Path, default=ROOT / "seeds" / "eval")
    ap.add_argument("--split", default=None)
    args = ap.parse_args()
    articles = load_eval_dir(args.eval, split=args.split)
    extractor = Extractor.connect(replay=args.recordings)
    full, full_facts = _run(extractor, articles)
    print(f"{len(articles)} articles; all {len(ANSWER_RULES)} rules: facts {full.line()}")
    print(f"{'rule':34s} {'F1 without':>10s} {'change':>8s} {'keys':>6s} {'wins':>5s} {'loses':>6s}")
    rule: Rule
    for rule in ANSWER_RULES:
        prf, facts = _run(replace(extractor, rules=rules_without(rule)), articles)
        changed, won, lost = _changes(full_facts, facts, articles)
        print(f"{rule.__name__:34s} {prf.f1:10.3f} {prf.f1 - full.f1:+8.3f} {changed:6d} {won:5d} {lost:6d}")


if __name__ == "__main__":
    main()
