"""The journal of a corpus run: one line per finished article, so that a run stopped at any moment resumes
where it stopped, asking nothing twice (``extract_many`` reads it, whichever engine runs the articles)."""

from __future__ import annotations

import hashlib
import json
import threading
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from powx_llm._errors import InputError
from powx_llm._usage import Usage
from powx_llm._version import __version__
from powx_llm.corpus._rows import ArticleInput, BatchRow, RowStatus, row
from powx_llm.extract import PROMPT_VERSION, Extraction, Extractor

__all__ = ["JOURNAL_VERSION", "Journal", "article_key", "record_of", "row_of"]

JOURNAL_VERSION = 1


def article_key(item: ArticleInput, extractor: Extractor) -> str:
    """Return the hash of everything that decides *item*'s answer (text, date, model, endpoint, options, versions).

    The request itself follows from the text, the prompt version and the library version, which are hashed. A
    page still to be fetched is keyed by its address: a resumed run takes the page kept in the journal.
    """
    url = urlsplit(extractor.backend.base_url or "")
    decides: dict[str, Any] = {
        "text": item.text,
        "published": str(item.published or ""),
        "model": extractor.backend.model,
        "mode": extractor.backend.mode.value,
        "endpoint": f"{url.hostname or ''}:{url.port or ''}{url.path}",
        "options": {k: str(v) for k, v in asdict(extractor.options).items()},
        "prompt_version": PROMPT_VERSION,
        "rules": [rule.__name__ for rule in extractor.rules],
        "version": __version__,
    }
    if item.page:  # a page's text is read otherwise than plain text: the same bytes decide another answer
        decides["page"] = True
    if item.to_fetch:
        decides["fetch"] = item.url
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
    """Return the journal record of *row* under *key*: with the page it fetched, and the article's text as read
    when that is not the input's (a page reduced to its article), so that a resumed run needs neither again."""
    ex = row.extraction
    record: dict[str, Any] = {
        "id": row.id,
        "key": key,
        "url": row.url,
        "published": row.published,
        "status": row.status.value,
        "error": row.error,
        "usage": row.usage.to_dict(),
        "extraction": None if ex is None else {**ex.to_dict(), "raw": ex.raw, "published": ex.published},
    }
    if ex is not None and ex.text != row.text:
        record["extraction"]["text"] = ex.text
    if row.fetched:
        record["page"] = row.text
    return record


def row_of(record: dict[str, Any], item: ArticleInput, *, reused: bool = True) -> BatchRow:
    """Return the row a journal *record* holds for *item* (a page fetched for it: the page kept there)."""
    fetched = item.to_fetch and isinstance(record.get("page"), str)
    if fetched:
        item = replace(item, text=record["page"])
    data = record.get("extraction")
    extraction = Extraction.from_dict(data, text=data.get("text", item.text)) if data else None
    status, error, usage = RowStatus(record["status"]), record.get("error"), Usage.from_dict(record.get("usage"))
    return row(item, status, extraction, error, usage=usage, reused=reused, fetched=fetched)
