"""Measure extraction against gold facts: per article, per key group, and in total (micro-averaged)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from powx_llm._errors import InputError, PowxError
from powx_llm._files import read_json_file
from powx_llm.check import exchange_from_dict
from powx_llm.extract import Extraction, Extractor
from powx_llm.model import Exchange, Score, group_of, recipients, score


@dataclass(frozen=True, slots=True)
class EvalArticle:
    """One evaluation article: its text, date, gold facts (and the gold Exchange)."""

    id: str
    text: str
    published: str | None
    language: str | None
    facts: dict[str, Any]
    gold: Exchange


def load_eval_article(path: Path) -> EvalArticle:
    """Read one eval article file (format of ``seeds/eval``)."""
    data = read_json_file(path)
    if not isinstance(data, dict) or not isinstance(data.get("text"), str) or "facts" not in data:
        raise InputError(f"{path} is not an eval article (needs 'text', 'facts' and 'gold')")
    return EvalArticle(
        id=str(data.get("id") or path.stem),
        text=data["text"],
        published=data.get("published"),
        language=data.get("language"),
        facts=dict(data["facts"]),
        gold=exchange_from_dict(data.get("gold") or {}, what=f"gold exchange in {path}"),
    )


SPLITS_FILE = "splits.json"

__all__ = [
    "PRF",
    "ArticleResult",
    "EvalArticle",
    "EvalRun",
    "LanguageRow",
    "evaluate",
    "load_eval_article",
    "load_eval_dir",
]


@dataclass(frozen=True)
class PRF:
    """Right, predicted and gold key counts, with precision, recall and F1."""

    right: int = 0
    predicted: int = 0
    gold: int = 0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.right + other.right, self.predicted + other.predicted, self.gold + other.gold)

    @property
    def precision(self) -> float:
        return self.right / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.right / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self) -> str:
        """Return ``P=0.xxx R=0.xxx F1=0.xxx``."""
        return f"P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f}"


@dataclass(frozen=True)
class ArticleResult:
    """One article's score, cost and result (or the error that stopped it)."""

    article: EvalArticle
    score: Score
    seconds: float
    extraction: Extraction | None = None
    error: str | None = None

    def by_group(self) -> dict[str, PRF]:
        """Return this article's right/predicted/gold counts per key group."""
        out: dict[str, PRF] = {}
        right = set(self.score.right_keys)
        for key in self.score.predicted_keys:
            out[group_of(key)] = out.get(group_of(key), PRF()) + PRF(int(key in right), 1, 0)
        for key in self.score.gold_keys:
            out[group_of(key)] = out.get(group_of(key), PRF()) + PRF(0, 0, 1)
        gold, predicted = recipients(self.score.gold_keys), recipients(self.score.predicted_keys)
        if gold or predicted:
            out["recipients"] = PRF(len(gold & predicted), len(predicted), len(gold))
        return out


@dataclass(frozen=True)
class LanguageRow:
    """One language's articles, gold keys and key counts in an evaluation run."""

    language: str
    articles: int
    prf: PRF


@dataclass
class EvalRun:
    """All results of one evaluation run."""

    strategy: str
    results: list[ArticleResult] = field(default_factory=list)

    @property
    def total(self) -> PRF:
        """Return the micro-averaged counts over all articles."""
        return sum((PRF(r.score.right, r.score.predicted, r.score.gold) for r in self.results), PRF())

    def groups(self) -> dict[str, PRF]:
        """Return micro-averaged counts per key group."""
        out: dict[str, PRF] = {}
        for r in self.results:
            for g, prf in r.by_group().items():
                out[g] = out.get(g, PRF()) + prf
        return out

    @property
    def ungrounded(self) -> int:
        """Return how many output numbers were not stated by their article."""
        return sum(r.extraction.ungrounded for r in self.results if r.extraction is not None)

    def by_language(self) -> list[LanguageRow]:
        """Return micro-averaged counts per article language, most articles first."""
        rows: dict[str, LanguageRow] = {}
        for r in self.results:
            lang = r.article.language or "unknown"
            old = rows.get(lang, LanguageRow(lang, 0, PRF()))
            rows[lang] = LanguageRow(
                lang, old.articles + 1, old.prf + PRF(r.score.right, r.score.predicted, r.score.gold)
            )
        return sorted(rows.values(), key=lambda row: (-row.articles, row.language))


def _split_ids(directory: Path, split: str) -> set[str]:
    path = directory / SPLITS_FILE
    try:
        splits = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(f"--split needs {path}, a JSON object of split name -> article ids: {exc}") from exc
    if not isinstance(splits, dict) or split not in splits:
        known = ", ".join(sorted(splits)) if isinstance(splits, dict) else "none"
        raise InputError(f"no split {split!r} in {path}; splits there: {known}")
    return {str(i) for i in splits[split]}


def load_eval_dir(directory: Path, *, split: str | None = None) -> list[EvalArticle]:
    """Return the eval articles (``*.json``) in *directory*, sorted by file name; only *split*'s if given."""
    files = sorted(f for f in directory.glob("*.json") if f.name != SPLITS_FILE)
    if not files:
        raise InputError(f"no eval articles (*.json) in {directory}: give a folder of eval files (docs/evaluation.md)")
    articles = [load_eval_article(f) for f in files]
    if split is None:
        return articles
    ids = _split_ids(directory, split)
    missing = ids - {a.id for a in articles}
    if missing:
        raise InputError(f"split {split!r} names articles not in {directory}: {', '.join(sorted(missing))}")
    return [a for a in articles if a.id in ids]


def evaluate(
    extractor: Extractor,
    articles: Iterable[EvalArticle],
    *,
    on_result: Callable[[ArticleResult], None] | None = None,
) -> EvalRun:
    """Extract every article and score its facts; an article that fails scores as no output."""
    run = EvalRun(strategy=extractor.options.strategy.value)
    for art in articles:
        started = time.perf_counter()
        try:
            extraction: Extraction | None = extractor.extract(art.text, published=art.published)
            error = None
        except PowxError as exc:
            extraction, error = None, str(exc)
        predicted = extraction.facts if extraction is not None else {}
        result = ArticleResult(
            art, score(predicted, art.facts, published=art.published), time.perf_counter() - started, extraction, error
        )
        run.results.append(result)
        if on_result is not None:
            on_result(result)
    return run
