"""Following feeds: each round reads the feeds, adds the entries not seen before to the run, extracts the pages
not yet done (the journal holds the rest, by address and by text), and rewrites the tables and the event
table. A round stopped at any moment loses nothing and doubles nothing: the next one resumes from the
journal and the list of entries, both written one line at a time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from powx_llm._errors import InputError, PowxError
from powx_llm._files import read_bytes_file
from powx_llm.corpus._batch import extract_many
from powx_llm.corpus._dataset import TableFormat, write_event_tables, write_tables
from powx_llm.corpus._journal import Journal
from powx_llm.corpus._reconcile import Event, check_timeline, reconcile
from powx_llm.corpus._rows import ArticleInput, BatchRow, RowStatus
from powx_llm.extract import Extractor
from powx_llm.model import as_date
from powx_llm.web import FeedEntry, Fetcher, is_address, read_feed

__all__ = ["ENTRIES_FILE", "FeedWatch", "Round"]

ENTRIES_FILE = "entries.jsonl"  # every feed entry the run has seen, in the order it was first seen


@dataclass(frozen=True)
class Round:
    """What one round did: the feeds' entries, the new ones, what was extracted, and the run so far."""

    number: int
    entries: int  # entries the feeds list now
    new: int  # of them, not seen in an earlier round
    rows: list[BatchRow]  # every article of the run so far, in the order first seen
    extracted: int  # rows asked of the model (or fetched) in this round; the rest came from the journal
    events: list[Event]
    feed_errors: list[str] = field(default_factory=list)  # one line per feed that could not be read

    @property
    def errors(self) -> int:
        return sum(r.status is RowStatus.ERROR for r in self.rows)

    def describe(self) -> str:
        """Return the round's one-line summary."""
        several = sum(len(e.articles) > 1 for e in self.events)
        conflicted = sum(bool(e.conflicts) for e in self.events)
        feeds = f"; {len(self.feed_errors)} feeds unreadable" if self.feed_errors else ""
        return (
            f"round {self.number}: {self.entries} entries, {self.new} new, {self.extracted} extracted; "
            f"{len(self.rows)} articles ({self.errors} errors), {len(self.events)} events ({several} with several "
            f"sources, {conflicted} with conflicts){feeds}"
        )


class FeedWatch:
    """A run that follows *feeds* (addresses or feed files) into *folder*: call ``round()`` as often as wanted."""

    def __init__(
        self,
        feeds: Sequence[str],
        folder: Path,
        *,
        extractor: Extractor,
        fetcher: Fetcher,
        jobs: int = 1,
        fmt: TableFormat = TableFormat.PARQUET,
    ) -> None:
        if not feeds:
            raise InputError("name at least one feed: an http(s) address or an RSS/Atom file")
        self.feeds, self.folder, self.extractor, self.fetcher = list(feeds), folder, extractor, fetcher
        self.jobs, self.fmt, self.number = jobs, fmt, 0
        self.entries = Journal(folder / ENTRIES_FILE)  # one line an entry, written as a journal is

    def round(self) -> Round:
        """Read the feeds, extract what is new, rewrite the tables and events; return what happened."""
        self.number += 1
        listed, feed_errors = self._listed()
        self.folder.mkdir(parents=True, exist_ok=True)
        self.entries.end_cut_line()  # a line cut short by a kill ends; the next entry starts its own
        seen = self._seen()
        new = [e for e in listed if e.url not in seen]
        for entry in new:
            self._remember(entry)
            seen[entry.url] = {"url": entry.url, "published": entry.published}
        items = [ArticleInput.link(url, published=as_date(e.get("published"))) for url, e in seen.items()]
        rows = list(
            extract_many(
                items,
                extractor=self.extractor,
                jobs=self.jobs,
                journal=self.folder / "journal.jsonl",
                progress=False,
                fetcher=self.fetcher,
            )
        )
        write_tables(rows, self.folder, fmt=self.fmt)
        events = reconcile(rows)
        write_event_tables(events, check_timeline(events), self.folder / "events", fmt=self.fmt)
        return Round(
            number=self.number,
            entries=len(listed),
            new=len(new),
            rows=rows,
            extracted=sum(not r.reused for r in rows),
            events=events,
            feed_errors=feed_errors,
        )

    def _listed(self) -> tuple[list[FeedEntry], list[str]]:
        """Return the entries every feed lists now (each address once), and a line per unreadable feed."""
        entries: dict[str, FeedEntry] = {}
        errors = []
        for feed in self.feeds:
            try:
                if is_address(feed):
                    fetched = self.fetcher.fetch(feed)
                    found = read_feed(fetched.body, url=fetched.final_url)
                else:
                    found = read_feed(read_bytes_file(Path(feed)), url=None)
            except PowxError as exc:
                errors.append(f"{feed}: {exc}")
                continue
            for entry in found:
                entries.setdefault(entry.url, entry)
        return list(entries.values()), errors

    def _seen(self) -> dict[str, dict[str, Any]]:
        """Return the entries of earlier rounds, by address, in the order first seen (a cut last line ignored)."""
        seen: dict[str, dict[str, Any]] = {}
        for record in self.entries.load():
            if isinstance(record.get("url"), str):
                seen.setdefault(record["url"], record)
        return seen

    def _remember(self, entry: FeedEntry) -> None:
        self.entries.append(
            {
                "url": entry.url,
                "title": entry.title,
                "published": entry.published.isoformat() if entry.published else None,
                "seen": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            }
        )
