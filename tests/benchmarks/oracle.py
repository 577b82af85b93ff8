"""The pipeline's ceiling: the model's part of the cued request answered from the gold annotation (not a test).

    .venv/bin/python tests/benchmarks/oracle.py [--recordings cassettes] [--split NAME] [--by language] [--rules]

An oracle stands in for the model: an OpenAI-compatible endpoint (an in-process ``httpx`` transport, so the
real client, instructor and the request path are all used) that finds the article in the request and answers
the ``Sides`` question exactly as its gold annotation does: the kind, one side per gold transfer (who
received how many people and bodies from whom), the mediators. For each number it quotes the clause of the
article around the mention a perfect reader would quote (the first mention of that value with a word cue,
else the first mention of it; none if the text does not state it in figures). Everything after the answer
(the answer rules, the assembly, the checks) is the library's. Prints the oracle's facts F1 per key group, per
split and per language, next to the replayed model's; with ``--rules``, for every answer rule, the keys it
changes and its leave-one-rule-out F1 on both. Offline, a minute or two.

What the oracle cannot say is counted: gold transfers with no recipient (a combined figure), which ``Sides``
has no way to state.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from powx_llm.corpus import PRF, EvalArticle, EvalRun, evaluate, load_eval_dir  # noqa: E402
from powx_llm.extract import ANSWER_RULES, Extractor, Rule, rules_without  # noqa: E402
from powx_llm.llm import MODEL_ALIAS  # noqa: E402
from powx_llm.model import Count  # noqa: E402
from powx_llm.read import Article, MentionKind, analyse, clause_of, party_of  # noqa: E402

_ARTICLE = re.compile(r"<article>\n(.*?)\n</article>", re.DOTALL)
_TAG = re.compile(r"<(/?)(article)", re.IGNORECASE)


def _words(article: EvalArticle, count: Count | None, to: str | None = None) -> tuple[int | None, str | None]:
    """Return (value, the clause a perfect reader quotes for it) for a gold count of *to*'s: the mention of that
    value whose next words name *to*'s people ("10 Russian soldiers" for Russia), else the first with a word
    cue, else the first (a count before a year of the same digits)."""
    if count is None or count.value is None:
        return None, None
    a = analyse(Article(text=article.text, date=None, language=article.language))
    same = [m for m in a.mentions if m.value == count.value]
    same = [m for m in same if m.kind is MentionKind.COUNT] or same  # a count, not a year of the same digits
    if not same:
        return count.value, None
    theirs = [m for m in same if to is not None and party_of(article.text[m.end : m.end + 30]) == to]
    m = next(iter(theirs), None) or next((m for m in same if a.cue_at(m) is not None), same[0])
    return count.value, clause_of(article.text, m)


def oracle_answer(article: EvalArticle) -> tuple[dict[str, Any], int]:
    """Return the ``Sides`` answer of *article*'s gold, and how many gold transfers it cannot state."""
    sides, unsaid = [], 0
    for t in article.gold.transfers:
        if not t.to:
            unsaid += 1
            continue
        people, people_words = _words(article, t.people, t.to)
        bodies, bodies_words = _words(article, t.bodies, t.to)
        sides.append(
            {
                "received_by": t.to,
                "released_by": t.from_,
                "people": people,
                "people_words": people_words,
                "bodies": bodies,
                "bodies_words": bodies_words,
            }
        )
    answer = {"kind": article.gold.kind.value, "sides": sides, "mediators": list(article.gold.mediators)}
    return answer, unsaid


def oracle_transport(articles: list[EvalArticle]) -> httpx.MockTransport:
    """Return a transport that answers each cued request about one of *articles* from its gold."""
    by_text = {_TAG.sub(r"<\1 \2", a.text): a for a in articles}

    def handler(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        user = next(m["content"] for m in body["messages"] if m["role"] == "user")
        found = _ARTICLE.search(user)
        article = by_text.get(found.group(1)) if found else None
        if article is None:
            return httpx.Response(404, json={"error": {"message": "the oracle knows no such article"}})
        answer, _ = oracle_answer(article)
        completion = {
            "id": "oracle",
            "object": "chat.completion",
            "created": 0,
            "model": MODEL_ALIAS,
            "choices": [
                {"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": json.dumps(answer)}}
            ],
            "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
        }
        return httpx.Response(200, json=completion)

    return httpx.MockTransport(handler)


def oracle_extractor(articles: list[EvalArticle]) -> Extractor:
    """Return an Extractor whose model is the oracle of *articles* (the embedded backend's request)."""
    client = httpx.Client(transport=oracle_transport(articles))
    return Extractor.connect(
        base_url="http://oracle.invalid/v1", model=MODEL_ALIAS, mode="grammar", http_client=client, http_retries=0
    )


def _table(rows: list[tuple[str, PRF, PRF]], title: str) -> None:
    print(f"\n{title:28s} {'oracle F1':>10s} {'model F1':>10s}   oracle right/pred/gold")
    for name, oracle, model in rows:
        print(f"{name:28s} {oracle.f1:10.3f} {model.f1:10.3f}   {oracle.right}/{oracle.predicted}/{oracle.gold}")


def _by(run: EvalRun, key: Callable[[EvalArticle], str]) -> dict[str, PRF]:
    out: dict[str, PRF] = {}
    for r in run.results:
        k = key(r.article)
        out[k] = out.get(k, PRF()) + PRF(r.score.right, r.score.predicted, r.score.gold)
    return out


def _facts(run: EvalRun) -> dict[str, dict[str, Any]]:
    return {r.article.id: (r.extraction.facts if r.extraction else {}) for r in run.results}


def _changes(full: EvalRun, other: EvalRun) -> tuple[int, int, int]:
    """Return (keys changed, right keys the rule wins, right keys it loses) between two runs."""
    changed = won = lost = 0
    a_facts, b_facts = _facts(full), _facts(other)
    for ra, rb in zip(full.results, other.results, strict=True):
        a, b = a_facts[ra.article.id], b_facts[rb.article.id]
        changed += sum(1 for k in a.keys() | b.keys() if a.get(k) != b.get(k))
        won += len(set(ra.score.right_keys) - set(rb.score.right_keys))
        lost += len(set(rb.score.right_keys) - set(ra.score.right_keys))
    return changed, won, lost


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--recordings", type=Path, default=ROOT / "cassettes")
    ap.add_argument("--eval", type=Path, default=ROOT / "seeds" / "eval")
    ap.add_argument("--split", default=None)
    ap.add_argument("--by", choices=["language"], default=None)
    ap.add_argument("--rules", action="store_true", help="measure every answer rule on the oracle and the replay")
    args = ap.parse_args()
    articles = load_eval_dir(args.eval, split=args.split)
    oracle = oracle_extractor(articles)
    model = Extractor.connect(replay=args.recordings)
    o_run, m_run = evaluate(oracle, articles), evaluate(model, articles)
    unsaid = sum(oracle_answer(a)[1] for a in articles)
    failed = [r.article.id for r in o_run.results if r.error]
    print(f"{len(articles)} articles · oracle facts {o_run.total.line()} · model (replayed) facts {m_run.total.line()}")
    print(f"gold transfers the oracle cannot state (no recipient): {unsaid}; oracle errors: {failed or 'none'}")
    og, mg = o_run.groups(), m_run.groups()
    _table([(g, og[g], mg.get(g, PRF())) for g in sorted(og)], "group")
    splits = json.loads((args.eval / "splits.json").read_text(encoding="utf-8"))
    split_of = {i: name for name, ids in splits.items() for i in ids}
    os_, ms_ = _by(o_run, lambda a: split_of.get(a.id, "-")), _by(m_run, lambda a: split_of.get(a.id, "-"))
    _table([(s, os_[s], ms_.get(s, PRF())) for s in sorted(os_)], "split")
    if args.by == "language":
        ol, ml = _by(o_run, lambda a: a.language or "-"), _by(m_run, lambda a: a.language or "-")
        _table([(k, ol[k], ml.get(k, PRF())) for k in sorted(ol)], "language")
    if args.rules:
        print(
            f"\n{'rule':34s} {'oracle: F1 without':>18s} {'keys':>5s} {'wins':>5s} {'loses':>6s}   "
            f"{'model: F1 without':>17s} {'keys':>5s} {'wins':>5s} {'loses':>6s}"
        )
        rule: Rule
        for rule in ANSWER_RULES:
            o2 = evaluate(replace(oracle, rules=rules_without(rule)), articles)
            m2 = evaluate(replace(model, rules=rules_without(rule)), articles)
            oc, ow, ol_ = _changes(o_run, o2)
            mc, mw, ml_ = _changes(m_run, m2)
            print(
                f"{rule.__name__:34s} {o2.total.f1:18.3f} {oc:5d} {ow:5d} {ol_:6d}   "
                f"{m2.total.f1:17.3f} {mc:5d} {mw:5d} {ml_:6d}"
            )


if __name__ == "__main__":
    main()
