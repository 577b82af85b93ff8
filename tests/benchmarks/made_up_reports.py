"""A cold probe of the answer rules: 45 made-up reports, each with a perfect model's answer (not a test).

    .venv/bin/python tests/benchmarks/made_up_reports.py [FILE.json] [ID ...]
    .venv/bin/python tests/benchmarks/made_up_reports.py --replay    # the whole pipeline, the model's part too

``made_up_reports.json`` holds short reports written for this probe in phrasings the dev set lacks (20 in
English, the rest in the other 11 languages), each with the answer a perfect model gives to the cued question
(kind, sides with their words, mediators) and the full gold facts by the annotation conventions
(docs/evaluation.md). The answer goes through the answer rules and the assembly exactly as a model's does; the
facts are scored against the gold. Prints the differences per report and facts F1 over all of them: what the
rules lose of a correct answer on reports they were not written from. Offline, a few seconds.

Written by a helper who saw only the annotation guide and the facts' key format, measured once before any rule
changed (F1 0.900 at commit eecdfbb); the rules mended from it since make it no longer cold, so a new probe
is the honest measure of the next round: ``made_up_reports_2.json`` (40 reports, 0.861 cold at eecdfbb),
``made_up_reports_3.json`` (40 reports, 0.829 cold at d291682), ``made_up_reports_4.json`` (40 reports, 0.855
cold at b225445; the whole pipeline 0.654) and ``made_up_reports_5.json`` (40 reports, 0.861 cold at 76c0f73; the
whole pipeline 0.689).

With ``--replay``, the embedded model's recorded answers (cassettes/test_made_up_recorded, ``bash
scripts/record.sh --made-up``) stand in for the perfect ones: the whole pipeline on the five probes, per probe.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from powx_llm.corpus import EvalArticle, evaluate
from powx_llm.extract import Extractor, Side, Sides, assemble
from powx_llm.model import Exchange, facts, score
from powx_llm.read import analyse, read_article

REPORTS = Path(__file__).with_name("made_up_reports.json")


def run(reports: list[dict[str, Any]]) -> tuple[int, int, int]:
    """Print each report's differences; return (right, predicted, gold) over all."""
    right = predicted = gold = 0
    for r in reports:
        sides = [Side.model_validate(s) for s in r["sides"] if s["received_by"]]  # Sides states no combined figure
        answer = Sides(kind=r["kind"], sides=sides, mediators=r.get("mediators", []))
        exchange, dropped = assemble(analyse(read_article(r["text"])), answer)
        s = score(dict(facts(exchange)), r["facts"])
        right, predicted, gold = right + s.right, predicted + s.predicted, gold + s.gold
        if s.differences:
            print(f"== {r['id']} ({r['phenomenon']}) {s.right}/{s.predicted}/{s.gold}")
            for d in s.differences:
                print("    ", d)
            for note in dropped:
                print("     dropped:", note)
    return right, predicted, gold


def replay() -> None:
    """Print the whole pipeline's facts F1 on the recorded answers of the embedded model, per probe."""
    extractor = Extractor.connect(replay=REPORTS.parent.parent.parent / "cassettes" / "test_made_up_recorded")
    for path in (REPORTS, *(REPORTS.with_name(f"made_up_reports_{n}.json") for n in (2, 3, 4, 5))):
        reports = json.loads(path.read_text(encoding="utf-8"))
        articles = [
            EvalArticle(r["id"], r["text"], None, r["language"], r["facts"], Exchange(kind=r["kind"])) for r in reports
        ]
        run = evaluate(extractor, articles)
        failed = sum(1 for r in run.results if r.error)
        t = run.total
        print(
            f"{path.name}: {len(articles)} reports ({failed} failed) · right {t.right} predicted {t.predicted}", end=""
        )
        print(f" gold {t.gold} · P={t.precision:.3f} R={t.recall:.3f} F1={t.f1:.3f}")
        for group, g in sorted(run.groups().items()):
            print(f"    {group:<20} {g.right}/{g.predicted}/{g.gold}  F1={g.f1:.3f}")


def main(args: list[str]) -> None:
    if args == ["--replay"]:
        replay()
        return
    path = Path(args.pop(0)) if args and args[0].endswith(".json") else REPORTS
    reports = [r for r in json.loads(path.read_text(encoding="utf-8")) if not args or r["id"] in args]
    right, predicted, gold = run(reports)
    p = right / predicted if predicted else 0.0
    r = right / gold if gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"{len(reports)} made-up reports · right {right} predicted {predicted} gold {gold}", end=" · ")
    print(f"P={p:.3f} R={r:.3f} F1={f1:.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
