"""Ray Data: a Dataset of articles to a Dataset of rows, each actor holding a connected extractor.

Needs the ``ray`` extra (``pip install 'powx-llm[ray]'``). The caller owns ``ray.init`` (a local
cluster or ``address=...``); this module never calls it. The actors wait on HTTP, so each takes a
fraction of a CPU (``num_cpus``, 0.25 by default): on 2 cores, whole-CPU actors starve the read tasks.
Errors are rows, never dropped blocks: each article is extracted inside the actor with the library's
own retries, deadline and re-asks, and a failure becomes an ``error`` row.

    import ray
    from powx_llm.corpus import extract_dataset, rows_of

    ray.init()
    ds = ray.data.read_json("articles.jsonl")            # id, text, optional published, url
    out = extract_dataset(ds, base_url="http://vllm:8000/v1", model="Qwen/Qwen2.5-7B-Instruct")
    rows = rows_of(out)                                   # BatchRow, as extract_many gives

A list of articles with a journal, resumable like any run: ``extract_many(items, engine=Engine.RAY, ...)``.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from powx_llm._errors import ConfigError
from powx_llm.corpus._journal import record_of, row_of
from powx_llm.corpus._rows import ArticleInput, BatchRow, extract_row
from powx_llm.extract import ANSWER_RULES, Extractor, Options, Rule, Strategy
from powx_llm.llm import BackendKind

if TYPE_CHECKING:
    import ray.data

__all__ = ["extract_dataset", "ray_rows", "rows_of"]


class _Worker:
    """One Ray actor: a connected extractor, reused for every batch it is given."""

    def __init__(self, settings: dict[str, Any]) -> None:
        replay = settings.pop("replay")
        options = Options(**{**settings.pop("options"), "strategy": Strategy(settings["strategy"])})
        settings.pop("strategy")
        settings["rules"] = settings.get("rules") or ANSWER_RULES
        self.extractor = Extractor.connect(options=options, replay=replay, **settings)

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        items = [
            ArticleInput(id=str(i), text=str(t), published=_opt(p), url=_opt(u))
            for i, t, p, u in zip(batch["id"], batch["text"], batch["published"], batch["url"], strict=True)
        ]
        rows = [extract_row(self.extractor, item) for item in items]
        return {
            "id": [r.id for r in rows],
            "text": [r.text for r in rows],
            "published": [r.published for r in rows],
            "url": [r.url for r in rows],
            "record": [json.dumps(record_of(r, ""), ensure_ascii=False, default=str) for r in rows],
        }


def _opt(value: Any) -> str | None:
    return None if value is None or value != value or value == "" else str(value)  # NaN from pandas


def _with_columns(row: dict[str, Any]) -> dict[str, Any]:
    return {"id": str(row["id"]), "text": row["text"], "published": row.get("published"), "url": row.get("url")}


def extract_dataset(
    ds: ray.data.Dataset,
    *,
    base_url: str | None = None,
    api_key: str | None = None,
    model: str | None = None,
    mode: str | None = None,
    options: Options | None = None,
    replay: str | Path | None = None,
    rules: tuple[Rule, ...] = ANSWER_RULES,
    actors: int = 2,
    num_cpus: float = 0.25,
    batch_size: int = 8,
) -> ray.data.Dataset:
    """Return *ds* (rows with ``id``, ``text``, optional ``published`` and ``url``) mapped to one row per
    article: ``id``, ``text``, ``published``, ``url`` and ``record`` (the row as JSON; ``rows_of`` reads it).

    The endpoint is an OpenAI-compatible server every actor can reach (*base_url*, or the OpenAI API with
    ``OPENAI_API_KEY``); *replay* answers from recordings instead (tests). The embedded model is not
    used here: one llama.cpp per actor would fight for the cores.
    """
    try:
        from ray.data import ActorPoolStrategy
    except ImportError as exc:
        raise ConfigError("the Ray path needs Ray Data; pip install 'powx-llm[ray]'") from exc
    import os

    if base_url is None and replay is None and not (api_key or os.environ.get("OPENAI_API_KEY")):
        raise ConfigError(
            "the Ray path needs an endpoint every actor can reach: base_url (a vLLM or llama.cpp server) "
            "or OPENAI_API_KEY"
        )
    chosen = options or Options()
    settings = {
        "base_url": base_url,
        "api_key": api_key,
        "model": model,
        "mode": mode,
        "strategy": chosen.strategy.value,
        "options": {k: v for k, v in asdict(chosen).items() if k != "strategy"},
        "replay": str(replay) if replay is not None else None,
        "rules": rules,
    }
    return ds.map(_with_columns).map_batches(
        _Worker,
        fn_constructor_kwargs={"settings": settings},
        compute=ActorPoolStrategy(size=actors),
        num_cpus=num_cpus,
        batch_size=batch_size,
        batch_format="numpy",
    )


def rows_of(ds: ray.data.Dataset, *, order: list[str] | None = None) -> list[BatchRow]:
    """Return the BatchRows of a Dataset made by ``extract_dataset`` (Ray may reorder blocks: pass the
    input ids as *order* to get the rows in that order)."""
    rows = []
    for row in ds.iter_rows():
        item = ArticleInput(
            id=str(row["id"]), text=str(row["text"]), published=_opt(row["published"]), url=_opt(row["url"])
        )
        rows.append(row_of(json.loads(row["record"]), item, reused=False))
    if order is not None:
        rank = {ident: n for n, ident in enumerate(order)}
        rows.sort(key=lambda r: rank.get(r.id, len(rank)))
    return rows


def ray_rows(items: list[ArticleInput], extractor: Extractor, *, actors: int = 2) -> list[BatchRow]:
    """Return the rows of *items*, in order, extracted by *actors* Ray actors that each hold an extractor like
    *extractor* (its endpoint, model, mode, options, rules and recordings). Call ``ray.init`` first."""
    try:
        import ray
    except ImportError as exc:
        raise ConfigError("the Ray engine needs Ray Data; pip install 'powx-llm[ray]'") from exc
    if not ray.is_initialized():
        raise ConfigError("the Ray engine runs on the cluster ray.init joined; call ray.init() (or address=...) first")
    backend = extractor.backend
    replay = extractor.recordings
    if replay is not None and not isinstance(replay, str | Path):
        raise ConfigError("the Ray engine replays one folder or file of recordings, not a list")
    ds = ray.data.from_items([{"id": i.id, "text": i.text, "published": i.published, "url": i.url} for i in items])
    out = extract_dataset(
        ds,
        base_url=backend.base_url if backend.kind is not BackendKind.OPENAI else None,
        api_key=backend.api_key,
        model=backend.model,
        mode=backend.mode.value,
        options=extractor.options,
        replay=replay,
        rules=extractor.rules,
        actors=actors,
    )
    return rows_of(out, order=[i.id for i in items])
