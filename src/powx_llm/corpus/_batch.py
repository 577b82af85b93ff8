"""Many articles in, one row per article out: concurrent, resumable from a journal, within a budget."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sized
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from powx_llm._errors import InputError, LLMError, PowxError
from powx_llm._usage import Usage
from powx_llm._version import __version__
from powx_llm.extract import PROMPT_VERSION, Extraction, Extractor, usage_dict
from powx_llm.read import read_article

__all__ = [
    "ArticleInput",
    "BatchRow",
    "Journal",
    "RowStatus",
    "article_key",
    "check_ids",
    "extract_many",
    "record_of",
    "row_of",
]

JOURNAL_VERSION = 1


class RowStatus(StrEnum):
    OK = "ok"  # extracted, and the figures add up
    MISMATCH = "mismatch"  # extracted, and the article's own figures contradict each other
    ERROR = "error"  # not extracted: ``error`` says why in one line
    NOT_DONE = "not_done"  # not tried: the run's token budget was spent first


@dataclass(frozen=True, slots=True)
class ArticleInput:
    """One article of a batch: a unique id, its text, and optionally its date and address."""

    id: str
    text: str
    published: dt.date | str | None = None
    url: str | None = None


@dataclass(frozen=True)
class BatchRow:
    """What became of one input: its status, the extraction or the one-line error, and what it cost."""

    id: str
    url: str | None
    text: str
    status: RowStatus
    extraction: Extraction | None
    error: str | None
    usage: Usage = field(default_factory=Usage)
    published: str | None = None  # as given with the input (ISO date)
    reused: bool = False  # taken from the journal, or from another input with the same key


def check_ids(items: Iterable[ArticleInput]) -> None:
    """Raise InputError naming the ids given more than once (every row is keyed by its id)."""
    seen: set[str] = set()
    twice = sorted({item.id for item in items if item.id in seen or seen.add(item.id)})  # type: ignore[func-returns-value]
    if twice:
        shown = ", ".join(repr(i) for i in twice[:10]) + (" …" if len(twice) > 10 else "")
        raise InputError(f"{len(twice)} ids are given more than once ({shown}); every input needs its own id")


def article_key(item: ArticleInput, extractor: Extractor) -> str:
    """Return the hash of everything that decides *item*'s answer (text, date, model, endpoint, options, versions).

    The request itself follows from the text, the prompt version and the library version, which are hashed.
    """
    url = urlsplit(extractor.backend.base_url or "")
    decides = {
        "text": item.text,
        "published": str(item.published or ""),
        "model": extractor.backend.model,
        "mode": extractor.backend.mode.value,
        "endpoint": f"{url.hostname or ''}:{url.port or ''}{url.path}",
        "options": {k: str(v) for k, v in asdict(extractor.options).items()},
        "prompt_version": PROMPT_VERSION,
        "version": __version__,
    }
    return hashlib.sha256(json.dumps(decides, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


class Journal:
    """An append-only JSON Lines file, one line per finished article, flushed as each one ends.

    A line cut short by a kill is ignored when the journal is read; the article is simply done again.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    def load(self) -> list[dict[str, Any]]:
        """Return the records written so far (an unreadable last line, from a kill, is left out)."""
        try:
            lines = self.path.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise InputError(f"cannot read the journal {self.path}: {exc.strerror or exc}") from exc
        records = []
        for line in lines:
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if isinstance(record, dict) and record.get("journal_version") == JOURNAL_VERSION:
                records.append(record)
        return records

    def finished(self, *, retry_errors: bool = False) -> dict[str, dict[str, Any]]:
        """Return the last finished record of each key (error records left out with *retry_errors*)."""
        self.end_cut_line()
        known: dict[str, dict[str, Any]] = {}
        for record in self.load():
            if retry_errors and record.get("status") == RowStatus.ERROR.value:
                continue
            known[str(record.get("key"))] = record
        return known

    def end_cut_line(self) -> None:
        """End a last line cut short by a kill, so the next record starts a line of its own."""
        try:
            with self.path.open("rb+") as f:
                if f.seek(0, 2) and (f.seek(-1, 2), f.read(1))[1] != b"\n":
                    f.write(b"\n")
        except FileNotFoundError:
            return
        except OSError as exc:
            raise InputError(f"cannot write to the journal {self.path}: {exc.strerror or exc}") from exc

    def append(self, record: dict[str, Any]) -> None:
        """Add one record and flush it to the operating system (it survives a kill -9 of this process)."""
        line = json.dumps({"journal_version": JOURNAL_VERSION, **record}, ensure_ascii=False, default=str)
        with self._lock, self.path.open("a", encoding="utf-8") as sink:
            sink.write(line + "\n")
            sink.flush()


def record_of(row: BatchRow, key: str) -> dict[str, Any]:
    """Return the journal record of *row* under *key*."""
    ex = row.extraction
    return {
        "id": row.id,
        "key": key,
        "url": row.url,
        "published": row.published,
        "status": row.status.value,
        "error": row.error,
        "usage": {**usage_dict(row.usage), "seconds": round(row.usage.seconds, 3)},
        "extraction": None if ex is None else {**ex.to_dict(), "raw": ex.raw, "published": ex.published},
    }


def row_of(record: dict[str, Any], item: ArticleInput, *, reused: bool = True) -> BatchRow:
    """Return the row a journal *record* holds for *item*."""
    u = record.get("usage") or {}
    usage = Usage(
        prompt_tokens=int(u.get("prompt_tokens", 0)),
        completion_tokens=int(u.get("completion_tokens", 0)),
        calls=int(u.get("llm_calls", 0)),
        seconds=float(u.get("seconds", 0.0)),
    )
    data = record.get("extraction")
    return BatchRow(
        id=item.id,
        url=item.url,
        text=item.text,
        status=RowStatus(record["status"]),
        extraction=Extraction.from_dict(data, text=item.text) if data else None,
        error=record.get("error"),
        usage=usage,
        published=_iso(item.published),
        reused=reused,
    )


def _iso(published: dt.date | str | None) -> str | None:
    return published.isoformat() if isinstance(published, dt.date) else published


class _Run:
    """One call of ``extract_many``: the extractor, the journal, the budget and the tally."""

    def __init__(self, extractor: Extractor, journal: Journal | None, max_tokens_total: int | None) -> None:
        self.extractor, self.journal, self.budget = extractor, journal, max_tokens_total
        self.spent = Usage()
        self._lock = threading.Lock()

    def extract(self, item: ArticleInput, key: str) -> BatchRow:
        with self._lock:
            if self.budget is not None and self.spent.total_tokens >= self.budget:
                return _row(item, RowStatus.NOT_DONE, None, f"the run's token budget ({self.budget:,}) was spent")
        try:
            article = read_article(
                item.text,
                published=item.published,
                max_chars=self.extractor.options.max_chars,
                html=self.extractor.options.html,
            )
            extraction = self.extractor.extract_article(article)
            status = RowStatus.MISMATCH if extraction.report.has_mismatch else RowStatus.OK
            row = _row(item, status, extraction, None, usage=extraction.usage)
        except PowxError as exc:
            usage = exc.usage if isinstance(exc, LLMError) and exc.usage is not None else Usage()
            row = _row(item, RowStatus.ERROR, None, str(exc), usage=usage)
        except Exception as exc:  # a bug of ours must not stop the batch: the row says what happened
            row = _row(item, RowStatus.ERROR, None, f"internal error ({type(exc).__name__}: {exc}); please report it")
        with self._lock:
            self.spent.add(row.usage)
        if self.journal is not None:
            self.journal.append(record_of(row, key))
        return row

    def copy(self, item: ArticleInput, key: str, first: Future[BatchRow]) -> BatchRow:
        """Return the row of an input whose key equals an earlier one's (one call for both)."""
        done = first.result()
        if done.status is RowStatus.NOT_DONE:
            return _row(item, RowStatus.NOT_DONE, None, done.error)
        row = BatchRow(
            id=item.id,
            url=item.url,
            text=item.text,
            status=done.status,
            extraction=done.extraction,
            error=done.error,
            usage=Usage(),
            published=_iso(item.published),
            reused=True,
        )
        if self.journal is not None:
            self.journal.append(record_of(row, key))
        return row


def _row(
    item: ArticleInput,
    status: RowStatus,
    extraction: Extraction | None,
    error: str | None,
    *,
    usage: Usage | None = None,
) -> BatchRow:
    return BatchRow(
        id=item.id,
        url=item.url,
        text=item.text,
        status=status,
        extraction=extraction,
        error=error,
        usage=usage or Usage(),
        published=_iso(item.published),
    )


def _done(row: BatchRow) -> Future[BatchRow]:
    future: Future[BatchRow] = Future()
    future.set_result(row)
    return future


def extract_many(
    items: Iterable[ArticleInput],
    *,
    extractor: Extractor | None = None,
    jobs: int = 1,
    journal: Path | str | None = None,
    progress: bool = True,
    max_tokens_total: int | None = None,
    retry_errors: bool = False,
) -> Iterator[BatchRow]:
    """Yield one BatchRow per input, in input order, whatever happens to each article.

    *jobs* articles are extracted at once (threads: the work is waiting on the LLM). With a *journal*
    file, every finished article is appended to it, and a later run with the same journal takes the
    articles whose key (``article_key``) is unchanged from it instead of asking again; an error row is
    asked again only with *retry_errors*. Inputs with the same key cost one extraction. Once the LLM has
    used *max_tokens_total* tokens, the articles not yet started are ``not_done`` (not journaled).
    """
    if jobs < 1:
        raise InputError(f"jobs must be at least 1, not {jobs}")
    if isinstance(items, Sized):
        check_ids(items)
    extractor = extractor or Extractor.connect()
    book = Journal(Path(journal)) if journal is not None else None
    known = book.finished(retry_errors=retry_errors) if book is not None else {}
    run = _Run(extractor, book, max_tokens_total)
    total = len(items) if isinstance(items, Sized) else None
    bar = _progress(total) if progress else None
    ahead = max(2 * jobs, 4)  # futures kept in flight beyond the one being yielded
    with ThreadPoolExecutor(max_workers=jobs, thread_name_prefix="powx") as pool:
        window: deque[Future[BatchRow]] = deque()
        started: dict[str, Future[BatchRow]] = {}
        seen_ids: set[str] = set()
        try:
            for item in items:
                if item.id in seen_ids:
                    raise InputError(f"the id {item.id!r} is given twice; every input needs its own id")
                seen_ids.add(item.id)
                key = article_key(item, extractor)
                if key in known:
                    window.append(_done(row_of(known[key], item)))
                elif key in started:
                    window.append(pool.submit(run.copy, item, key, started[key]))
                else:
                    started[key] = pool.submit(run.extract, item, key)
                    window.append(started[key])
                while len(window) > ahead or (window and window[0].done()):
                    yield _shown(window.popleft().result(), bar)
            while window:
                yield _shown(window.popleft().result(), bar)
        finally:
            for future in window:
                future.cancel()
            if bar is not None:
                bar.stop()


class _Bar:
    def __init__(self, progress: Progress, total: int | None) -> None:
        self.progress, self.failed, self.done = progress, 0, 0
        self.started = time.monotonic()
        self.task = progress.add_task("extracting", total=total, failed=0, rate="")

    def advance(self, row: BatchRow) -> None:
        self.failed += row.status is RowStatus.ERROR
        self.done += 1
        rate = self.done / max(time.monotonic() - self.started, 1e-9)
        self.progress.update(self.task, advance=1, failed=self.failed, rate=f"{rate:.2f}/s")

    def stop(self) -> None:
        self.progress.stop()


def _progress(total: int | None) -> _Bar:
    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("failed {task.fields[failed]}"),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    progress.start()
    return _Bar(progress, total)


def _shown(row: BatchRow, bar: _Bar | None) -> BatchRow:
    if bar is not None:
        bar.advance(row)
    return row
