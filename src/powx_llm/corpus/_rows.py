"""One article in, one row out: what a corpus run is made of, whatever happens to each article."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from powx_llm._errors import InputError, LLMError, PowxError
from powx_llm._usage import Usage
from powx_llm.extract import Extraction, Extractor
from powx_llm.read import read_article

__all__ = ["ArticleInput", "BatchRow", "RowStatus", "check_ids", "extract_row", "row"]


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


def row(
    item: ArticleInput,
    status: RowStatus,
    extraction: Extraction | None,
    error: str | None,
    *,
    usage: Usage | None = None,
    reused: bool = False,
) -> BatchRow:
    """Return the row of *item*."""
    return BatchRow(
        id=item.id,
        url=item.url,
        text=item.text,
        status=status,
        extraction=extraction,
        error=error,
        usage=usage or Usage(),
        published=item.published.isoformat() if isinstance(item.published, dt.date) else item.published,
        reused=reused,
    )


def extract_row(extractor: Extractor, item: ArticleInput) -> BatchRow:
    """Return the row of one article: its extraction, or the one-line error that stopped it (never raised)."""
    try:
        article = read_article(
            item.text, published=item.published, max_chars=extractor.options.max_chars, html=extractor.options.html
        )
        extraction = extractor.extract_article(article)
        status = RowStatus.MISMATCH if extraction.report.has_mismatch else RowStatus.OK
        return row(item, status, extraction, None, usage=extraction.usage)
    except PowxError as exc:
        usage = exc.usage if isinstance(exc, LLMError) and exc.usage is not None else Usage()
        return row(item, RowStatus.ERROR, None, str(exc), usage=usage)
    except Exception as exc:  # a bug of ours must not stop the batch: the row says what happened
        return row(item, RowStatus.ERROR, None, f"internal error ({type(exc).__name__}: {exc}); please report it")
