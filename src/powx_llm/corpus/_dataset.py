"""Batch rows as three tables (articles, transfers, facts) in Parquet, CSV or JSON Lines (docs/dataset.md)."""

from __future__ import annotations

import csv
import functools
import json
from collections.abc import Iterable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from powx_llm._errors import ConfigError, InputError
from powx_llm._files import write_atomic
from powx_llm.check import Finding, Status
from powx_llm.corpus._journal import Journal, row_of
from powx_llm.corpus._reconcile import Event
from powx_llm.corpus._rows import ArticleInput, BatchRow
from powx_llm.llm import redact
from powx_llm.model import Count, Fraction, as_date

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "DATASET_VERSION",
    "TABLES",
    "TableFormat",
    "event_tables",
    "load_run",
    "tables",
    "to_frames",
    "write_event_tables",
    "write_tables",
]

DATASET_VERSION = "1"  # bumped when a column is renamed, retyped or removed (not when one is added)
TABLES = ("articles", "transfers", "facts")


class TableFormat(StrEnum):
    PARQUET = "parquet"
    CSV = "csv"
    JSONL = "jsonl"


# Worst first: an article's check_status is the worst of its findings.

_TEXTS = pa.list_(pa.string())
ARTICLES = pa.schema(
    [
        ("id", pa.string()),
        ("url", pa.string()),
        ("published", pa.date32()),
        ("language", pa.string()),
        ("status", pa.string()),
        ("error", pa.string()),
        ("exchange_date", pa.date32()),
        ("kind", pa.string()),
        ("ordinal", pa.int64()),
        ("mediators", _TEXTS),
        ("check_status", pa.string()),
        ("failed_checks", _TEXTS),
        ("ungrounded", pa.int64()),
        ("dropped", _TEXTS),
        ("model", pa.string()),
        ("backend", pa.string()),
        ("strategy", pa.string()),
        ("prompt_version", pa.string()),
        ("prompt_tokens", pa.int64()),
        ("completion_tokens", pa.int64()),
        ("calls", pa.int64()),
        ("seconds", pa.float64()),
        ("reused", pa.bool_()),
    ]
)
_COUNTS = ("people", "bodies", "men", "women", "officers", "enlisted", "privates", "sergeants", "civilians")
TRANSFERS = pa.schema(
    [
        ("article_id", pa.string()),
        ("to", pa.string()),
        ("from", pa.string()),
        *[(name, pa.int64()) for name in _COUNTS],
        *[(f"{name}_qualifier", pa.string()) for name in _COUNTS],
        ("wounded", pa.int64()),
        ("wounded_share", pa.string()),
        ("wounded_qualifier", pa.string()),
    ]
)
FACTS = pa.schema(
    [
        ("article_id", pa.string()),
        ("key", pa.string()),
        ("value_int", pa.int64()),
        ("value_text", pa.string()),
        ("quote", pa.string()),
        ("start", pa.int64()),
        ("end", pa.int64()),
    ]
)
SCHEMAS = {"articles": ARTICLES, "transfers": TRANSFERS, "facts": FACTS}


def _article(row: BatchRow) -> dict[str, Any]:
    ex = row.extraction
    out: dict[str, Any] = {
        "id": row.id,
        "url": row.url,
        "published": as_date(row.published) or (ex.published if ex is not None else None),  # a page's own date
        "status": row.status.value,
        "error": row.error,
        "prompt_tokens": row.usage.prompt_tokens,
        "completion_tokens": row.usage.completion_tokens,
        "calls": row.usage.calls,
        "seconds": round(row.usage.seconds, 3),
        "reused": row.reused,
        "mediators": [],
        "failed_checks": [],
        "dropped": [],
    }
    if ex is None:
        return out
    findings = ex.report.findings
    statuses = {f.status for f in findings}
    out |= {
        "language": ex.language or None,
        "exchange_date": ex.exchange.exchange_date,
        "kind": ex.exchange.kind.value,
        "ordinal": ex.exchange.ordinal,
        "mediators": list(ex.exchange.mediators),
        "check_status": min(statuses, key=lambda s: s.severity, default=Status.NOT_APPLICABLE).value,
        "failed_checks": [f.message for f in findings if f.status.failed],
        "ungrounded": ex.ungrounded,
        "dropped": list(ex.dropped),
        "model": ex.model,
        "backend": redact(ex.backend),
        "strategy": ex.strategy.value,
        "prompt_version": ex.prompt_version,
    }
    return out


def _transfers(row: BatchRow) -> list[dict[str, Any]]:
    if row.extraction is None:
        return []
    out = []
    for t in row.extraction.exchange.transfers:
        counts: dict[str, Count | None] = {"people": t.people, "bodies": t.bodies, "civilians": t.civilians}
        for label, count in (*t.sex.items(), *t.rank.items()):
            counts[label] = count
        line: dict[str, Any] = {"article_id": row.id, "to": t.to, "from": t.from_}
        for name in _COUNTS:
            c = counts.get(name)
            line[name] = c.value if c is not None else None
            line[f"{name}_qualifier"] = c.qualifier.value if c is not None else None
        w = t.wounded_or_ill
        line["wounded"] = w.value if isinstance(w, Count) else None
        line["wounded_share"] = w.fraction if isinstance(w, Fraction) else None
        line["wounded_qualifier"] = w.qualifier.value if w is not None else None
        out.append(line)
    return out


def _facts(row: BatchRow) -> list[dict[str, Any]]:
    if row.extraction is None:
        return []
    evidence = row.extraction.evidence
    out = []
    for key, value in row.extraction.facts.items():
        ev = evidence.get(key)
        out.append(
            {
                "article_id": row.id,
                "key": key,
                "value_int": value if isinstance(value, int) else None,
                "value_text": None
                if isinstance(value, int)
                else value
                if isinstance(value, str)
                else json.dumps(value),
                "quote": ev.quote if ev else None,
                "start": ev.start if ev else None,
                "end": ev.end if ev else None,
            }
        )
    return out


def tables(rows: Iterable[BatchRow]) -> dict[str, pa.Table]:
    """Return the ``articles``, ``transfers`` and ``facts`` tables of *rows* (docs/dataset.md)."""
    rows = list(rows)
    built = {
        "articles": [_article(r) for r in rows],
        "transfers": [t for r in rows for t in _transfers(r)],
        "facts": [f for r in rows for f in _facts(r)],
    }
    return {name: _table(data, SCHEMAS[name]) for name, data in built.items()}


def _table(data: list[dict[str, Any]], schema: pa.Schema) -> pa.Table:
    """Return *data* as a typed table carrying the dataset version in its metadata."""
    meta = {b"powx_llm.dataset_version": DATASET_VERSION.encode()}
    return pa.Table.from_pylist(data, schema=schema).replace_schema_metadata(meta)


def to_frames(rows: Iterable[BatchRow]) -> dict[str, pd.DataFrame]:
    """Return the same tables as pandas DataFrames (needs pandas: ``pip install powx-llm[pandas]``)."""
    try:
        import pandas
    except ImportError as exc:
        raise ConfigError("to_frames needs pandas; pip install 'powx-llm[pandas]'") from exc
    nullable = {pa.int64(): pandas.Int64Dtype(), pa.bool_(): pandas.BooleanDtype()}  # counts stay integers
    return {name: table.to_pandas(types_mapper=nullable.get) for name, table in tables(rows).items()}


def write_tables(rows: Sequence[BatchRow], out: Path, *, fmt: TableFormat = TableFormat.PARQUET) -> list[Path]:
    """Write the three tables of *rows* into the folder *out*, each file atomically; return their paths.

    CSV cells holding a list (mediators, failed_checks, dropped) are JSON text; dates are ISO 8601.
    """
    return _write_all(tables(rows), out, fmt)


def _write_all(built: dict[str, pa.Table], out: Path, fmt: TableFormat) -> list[Path]:
    """Write each of *built* into *out* as NAME.FORMAT, atomically; return their paths."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot write to {out}: {exc.strerror or exc}") from exc
    written = []
    for name, table in built.items():
        target = out / f"{name}.{fmt.value}"
        write_atomic(target, functools.partial(_write, table, fmt=fmt))
        written.append(target)
    return written


def _write(table: pa.Table, path: Path, *, fmt: TableFormat) -> None:
    if fmt is TableFormat.PARQUET:
        import pyarrow.parquet as pq

        pq.write_table(table, path)
        return
    records = table.to_pylist()
    with path.open("w", encoding="utf-8", newline="") as sink:
        if fmt is TableFormat.JSONL:
            for record in records:
                sink.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
            return
        writer = csv.DictWriter(sink, fieldnames=table.column_names)
        writer.writeheader()
        for record in records:
            writer.writerow({k: _cell(v) for k, v in record.items()})


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value


def load_run(folder: Path) -> list[BatchRow]:
    """Return the rows of the batch run in *folder*: its articles table's ids, in order, with their
    journaled results (the article texts are not kept: ``text`` is empty; evidence keeps its quotes)."""
    ids = _article_ids(folder)
    journal = Journal(folder / "journal.jsonl").load()
    last = {str(r.get("id")): r for r in journal}
    rows = []
    for ident in ids:
        record = last.get(ident)
        if record is None:
            continue  # a not_done row: never journaled
        item = ArticleInput(id=ident, text="", published=record.get("published"), url=record.get("url"))
        rows.append(row_of(record, item))
    return rows


def _article_ids(folder: Path) -> list[str]:
    for fmt in TableFormat:
        path = folder / f"articles.{fmt.value}"
        if not path.exists():
            continue
        if fmt is TableFormat.PARQUET:
            import pyarrow.parquet as pq

            return [str(i) for i in pq.read_table(path, columns=["id"]).column("id").to_pylist()]
        with path.open(encoding="utf-8", newline="") as source:
            if fmt is TableFormat.CSV:
                return [row["id"] for row in csv.DictReader(source)]
            return [str(json.loads(line)["id"]) for line in source if line.strip()]
    raise InputError(f"{folder} holds no articles table: run powx batch ... --out {folder} first")


# ---- events (powx reconcile; docs/events.md) ------------------------------------------------------

EVENTS = pa.schema(
    [
        ("event_id", pa.string()),
        ("parent_event_id", pa.string()),
        ("date", pa.date32()),
        ("kind", pa.string()),
        ("recipients", _TEXTS),
        ("articles", _TEXTS),
        ("sources", pa.int64()),
        ("reasons", _TEXTS),
        ("conflicts", _TEXTS),
        ("stages", _TEXTS),
    ]
)
EVENT_SOURCES = pa.schema(
    [
        ("event_id", pa.string()),
        ("key", pa.string()),
        ("consensus", pa.string()),
        ("conflict", pa.string()),
        ("tie", pa.bool_()),
        ("article_id", pa.string()),
        ("url", pa.string()),
        ("value_int", pa.int64()),
        ("value_text", pa.string()),
        ("qualifier", pa.string()),
        ("quote", pa.string()),
        ("start", pa.int64()),
        ("end", pa.int64()),
    ]
)
TIMELINE = pa.schema(
    [("check", pa.string()), ("status", pa.string()), ("subject", pa.string()), ("message", pa.string())]
)


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, int):
        return None
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def event_tables(events: Sequence[Event], timeline: Sequence[Finding]) -> dict[str, pa.Table]:
    """Return the ``events``, ``event_sources`` and ``timeline`` tables (docs/events.md)."""
    rows: list[dict[str, Any]] = []
    sources: list[dict[str, Any]] = []

    def add(event: Event, parent: str | None) -> None:
        rows.append(
            {
                "event_id": event.id,
                "parent_event_id": parent,
                "date": event.date,
                "kind": event.kind.value,
                "recipients": list(event.recipients),
                "articles": list(event.articles),
                "sources": len(event.articles),
                "reasons": list(event.reasons),
                "conflicts": [
                    f"{f.key}: {f.conflict.value if f.conflict else 'no consensus'}" for f in event.conflicts
                ],
                "stages": [s.id for s in event.stages],
            }
        )
        for fact in event.facts:
            for s in fact.sources:
                sources.append(
                    {
                        "event_id": event.id,
                        "key": fact.key,
                        "consensus": None if fact.consensus is None else str(_text(fact.consensus) or fact.consensus),
                        "conflict": fact.conflict.value if fact.conflict else None,
                        "tie": fact.tie,
                        "article_id": s.article_id,
                        "url": s.url,
                        "value_int": s.value if isinstance(s.value, int) else None,
                        "value_text": _text(s.value),
                        "qualifier": s.qualifier,
                        "quote": s.quote,
                        "start": s.start,
                        "end": s.end,
                    }
                )
        for stage in event.stages:
            add(stage, event.id)

    for event in events:
        add(event, None)
    checks = [{"check": f.name, "status": f.status.value, "subject": f.subject, "message": f.message} for f in timeline]
    built = {"events": (rows, EVENTS), "event_sources": (sources, EVENT_SOURCES), "timeline": (checks, TIMELINE)}
    return {name: _table(data, schema) for name, (data, schema) in built.items()}


def write_event_tables(
    events: Sequence[Event], timeline: Sequence[Finding], out: Path, *, fmt: TableFormat = TableFormat.PARQUET
) -> list[Path]:
    """Write the event tables into *out*, each file atomically; return their paths."""
    return _write_all(event_tables(events, timeline), out, fmt)
