"""One article in, one row out: what a corpus run is made of, whatever happens to each article."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum

from powx_llm._errors import InputError, LLMError, PowxError
from powx_llm._usage import Usage
from powx_llm.extract import Extraction, Extractor
from powx_llm.read import read_article
from powx_llm.web import Fetcher, is_address

__all__ = ["ArticleInput", "BatchRow", "RowStatus", "check_ids", "extract_row", "fetch_input", "row"]


class RowStatus(StrEnum):
    OK = "ok"  # extracted, and the figures add up
    MISMATCH = "mismatch"  # extracted, and the article's own figures contradict each other
    ERROR = "error"  # not extracted: ``error`` says why in one line
    NOT_DONE = "not_done"  # not tried: the run's token budget was spent first


@dataclass(frozen=True, slots=True)
class ArticleInput:
    """One article of a batch: a unique id, its text, and optionally its date and address.

    With *page*, the text is an HTML page, reduced to its article when read. With no text and an http(s)
    *url*, the page is fetched when the article's turn comes (``link``), and kept in the run's journal.
    """

    id: str
    text: str = ""
    published: dt.date | str | None = None
    url: str | None = None
    page: bool = False

    @classmethod
    def link(cls, url: str, *, id: str | None = None, published: dt.date | str | None = None) -> ArticleInput:
        """Return the input of the page at *url*, fetched in its turn (its id: the address, unless given)."""
        return cls(id=id or url, url=url, published=published, page=True)

    @property
    def to_fetch(self) -> bool:
        """Return whether this input is an address whose page is still to be fetched."""
        return not self.text and self.url is not None and is_address(self.url)


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
    fetched: bool = False  # *text* is the page fetched from *url* in this run or an earlier one (journaled)


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
    fetched: bool = False,
) -> BatchRow:
    """Return the row of *item* (its address: as given, else the page's canonical one)."""
    return BatchRow(
        id=item.id,
        url=item.url or (extraction.url if extraction is not None else None),
        text=item.text,
        status=status,
        extraction=extraction,
        error=error,
        usage=usage or Usage(),
        published=item.published.isoformat() if isinstance(item.published, dt.date) else item.published,
        reused=reused,
        fetched=fetched,
    )


def fetch_input(item: ArticleInput, fetcher: Fetcher) -> ArticleInput:
    """Return *item* with the page at its address as its text (an input with text is returned as it is);
    raise FetchFailed (one line) if it cannot be fetched, or InputError if the address holds a feed."""
    if not item.to_fetch:
        return item
    assert item.url is not None
    fetched = fetcher.fetch(item.url)
    if fetched.is_feed:
        raise InputError(f"{item.url} is a feed, not a page; give it to powx batch (or read_corpus) as a feed")
    return replace(item, text=fetched.text(), page=fetched.is_page)


def extract_row(extractor: Extractor, item: ArticleInput, *, fetcher: Fetcher | None = None) -> BatchRow:
    """Return the row of one article: its extraction, or the one-line error that stopped it (never raised).
    An input that is an address (``ArticleInput.link``) is fetched first, with *fetcher* (else a default one)."""
    fetched = item.to_fetch
    try:
        if fetched:
            if fetcher is None:
                with Fetcher() as own:
                    item = fetch_input(item, own)
            else:
                item = fetch_input(item, fetcher)
        article = read_article(
            item.text,
            published=item.published,
            max_chars=extractor.options.max_chars,
            html=extractor.options.html or item.page,
            url=item.url,
        )
        extraction = extractor.extract_article(article)
        status = RowStatus.MISMATCH if extraction.report.has_mismatch else RowStatus.OK
        return row(item, status, extraction, None, usage=extraction.usage, fetched=fetched)
    except PowxError as exc:
        usage = exc.usage if isinstance(exc, LLMError) and exc.usage is not None else Usage()
        return row(item, RowStatus.ERROR, None, str(exc), usage=usage, fetched=fetched and bool(item.text))
    except Exception as exc:  # a bug of ours must not stop the batch: the row says what happened
        error = f"internal error ({type(exc).__name__}: {exc}); please report it"
        return row(item, RowStatus.ERROR, None, error, fetched=fetched and bool(item.text))
