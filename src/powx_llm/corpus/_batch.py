"""Many articles in, one row per article out: concurrent, resumable from a journal, within a budget, on
threads in this process or on a Ray cluster."""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sized
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from powx_llm._errors import InputError, PowxError
from powx_llm._usage import Usage
from powx_llm.corpus._journal import Journal, article_key, record_of, row_of
from powx_llm.corpus._ray import ray_rows
from powx_llm.corpus._rows import ArticleInput, BatchRow, RowStatus, check_ids, extract_row, fetch_input, row
from powx_llm.extract import Extractor
from powx_llm.web import Fetcher

__all__ = ["Engine", "extract_many"]


class Engine(StrEnum):
    """Where ``extract_many`` runs the articles the journal does not hold."""

    THREADS = "threads"  # this process, *jobs* threads (the work is waiting on the LLM)
    RAY = "ray"  # Ray Data actors, *jobs* of them, on the cluster the caller's ray.init joined


class _Run:
    """One call of ``extract_many`` on threads: the extractor, the journal, the budget and the tally."""

    def __init__(
        self,
        extractor: Extractor,
        journal: Journal | None,
        max_tokens_total: int | None,
        fetcher: Fetcher,
        known: dict[str, dict[str, Any]],
    ) -> None:
        self.extractor, self.journal, self.budget, self.fetcher = extractor, journal, max_tokens_total, fetcher
        self.known = known
        self.spent = Usage()
        self._lock = threading.Lock()

    def extract(self, item: ArticleInput, key: str) -> BatchRow:
        with self._lock:
            if self.budget is not None and self.spent.total_tokens >= self.budget:
                return row(item, RowStatus.NOT_DONE, None, f"the run's token budget ({self.budget:,}) was spent")
        done = self._fetched(item) if item.to_fetch else extract_row(self.extractor, item)
        with self._lock:
            self.spent.add(done.usage)
        if self.journal is not None:
            self.journal.append(record_of(done, key))
        return done

    def _fetched(self, link: ArticleInput) -> BatchRow:
        """Return the row of a page fetched now: a page whose text the journal already holds under another
        address (the same report syndicated, a feed's entry moved) is taken from it, not asked again; a new
        one is extracted and journaled under its text's key too."""
        try:
            item = fetch_input(link, self.fetcher)
        except PowxError as exc:
            return row(link, RowStatus.ERROR, None, str(exc))
        text_key = article_key(item, self.extractor)
        with self._lock:
            earlier = self.known.get(text_key)
        if earlier is not None:
            return replace(row_of(earlier, item), fetched=True)
        done = replace(extract_row(self.extractor, item), fetched=True)
        if done.status is not RowStatus.ERROR:
            with self._lock:
                self.known[text_key] = record_of(replace(done, fetched=False), text_key)
            if self.journal is not None:
                self.journal.append(self.known[text_key])
        return done

    def copy(self, item: ArticleInput, key: str, first: Future[BatchRow]) -> BatchRow:
        """Return the row of an input whose key equals an earlier one's (one call for both)."""
        done = first.result()
        if done.status is RowStatus.NOT_DONE:
            return row(item, RowStatus.NOT_DONE, None, done.error)
        copied = row(item, done.status, done.extraction, done.error, reused=True)
        if self.journal is not None:
            self.journal.append(record_of(copied, key))
        return copied


def _done(done: BatchRow) -> Future[BatchRow]:
    future: Future[BatchRow] = Future()
    future.set_result(done)
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
    engine: Engine = Engine.THREADS,
    fetcher: Fetcher | None = None,
) -> Iterator[BatchRow]:
    """Yield one BatchRow per input, in input order, whatever happens to each article.

    *jobs* articles are extracted at once: threads of this process, or Ray actors with ``engine=Engine.RAY``
    (call ``ray.init`` first: a local cluster or ``address=...``; the library never starts one). With a
    *journal* file, every finished article is appended to it, and a later run with the same journal takes
    the articles whose key (``article_key``) is unchanged from it instead of asking again, on either engine;
    an error row is asked again only with *retry_errors*. Inputs with the same key cost one extraction. An
    input that is an address (``ArticleInput.link``) is fetched in its turn with *fetcher* (default: a
    ``Fetcher`` with its default limits), and the page is kept in the journal. Once
    the LLM has used *max_tokens_total* tokens, the articles not yet started are ``not_done`` (not journaled;
    threads only).
    """
    if jobs < 1:
        raise InputError(f"jobs must be at least 1, not {jobs}")
    if isinstance(items, Sized):
        check_ids(items)
    extractor = extractor or Extractor.connect()
    book = Journal(Path(journal)) if journal is not None else None
    known = book.finished(retry_errors=retry_errors) if book is not None else {}
    if engine is Engine.RAY:
        if max_tokens_total is not None:
            raise InputError("a token budget (max_tokens_total) needs the threads engine")
        yield from _on_ray(list(items), extractor, book, known, actors=jobs)
        return
    run = _Run(extractor, book, max_tokens_total, fetcher if fetcher is not None else Fetcher(), known)
    try:
        yield from _on_threads(run, items, known, jobs=jobs, progress=progress)
    finally:
        if fetcher is None:
            run.fetcher.close()  # after the pool: no thread fetches any more


def _on_threads(
    run: _Run, items: Iterable[ArticleInput], known: dict[str, dict[str, Any]], *, jobs: int, progress: bool
) -> Iterator[BatchRow]:
    """Extract the articles the journal does not hold on *jobs* threads, and yield every row in order."""
    extractor = run.extractor
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


def _on_ray(
    items: list[ArticleInput],
    extractor: Extractor,
    book: Journal | None,
    known: dict[str, dict[str, object]],
    *,
    actors: int,
) -> Iterator[BatchRow]:
    """Extract on Ray the articles the journal does not hold, journal them, and yield every row in order."""
    check_ids(items)
    keys = {item.id: article_key(item, extractor) for item in items}
    pending = [item for item in items if keys[item.id] not in known]
    fresh = {r.id: r for r in ray_rows(pending, extractor, actors=actors)} if pending else {}
    for item in items:
        if item.id in fresh:
            if book is not None:
                book.append(record_of(fresh[item.id], keys[item.id]))
            yield fresh[item.id]
        else:
            yield row_of(known[keys[item.id]], item)


class _Bar:
    def __init__(self, progress: Progress, total: int | None) -> None:
        self.progress, self.failed, self.done = progress, 0, 0
        self.started = time.monotonic()
        self.task = progress.add_task("extracting", total=total, failed=0, rate="")

    def advance(self, done: BatchRow) -> None:
        self.failed += done.status is RowStatus.ERROR
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


def _shown(done: BatchRow, bar: _Bar | None) -> BatchRow:
    if bar is not None:
        bar.advance(done)
    return done
