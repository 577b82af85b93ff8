"""RSS and Atom feeds (feedparser): each entry's link, title and publication date, in the feed's order."""

from __future__ import annotations

import datetime as dt
import email.utils
import time
from dataclasses import dataclass

from powx_llm._errors import InputError
from powx_llm.read import is_address

__all__ = ["FeedEntry", "read_feed"]


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One entry of a feed: the page it links to, its title, and the date the feed gives it."""

    url: str
    title: str | None = None
    published: dt.date | None = None


def read_feed(data: bytes, *, url: str | None = None) -> list[FeedEntry]:
    """Return the entries of the RSS or Atom feed *data* (read from *url*, which resolves relative links), each
    link once, in the feed's order; raise InputError if *data* is not a feed. Entries without an http(s)
    link are left out (there is no page to read)."""
    import feedparser  # imported here: only users who read feeds pay for it

    if data.removeprefix(b"\xef\xbb\xbf").lstrip()[:1] != b"<":  # feedparser would open a bare address or path
        raise InputError(f"{url or 'the input'} is not an RSS or Atom feed (it is not XML)")
    headers = {"content-location": url} if url else None
    parsed = feedparser.parse(data, response_headers=headers, sanitize_html=False)
    if not parsed.get("version") and not parsed.entries:
        raise InputError(f"{url or 'the input'} is not an RSS or Atom feed")
    entries: list[FeedEntry] = []
    seen: set[str] = set()
    for entry in parsed.entries:
        link = str(entry.get("link") or "").strip()
        if not is_address(link) or link in seen:
            continue
        seen.add(link)
        title = " ".join(str(entry.get("title") or "").split()) or None
        entries.append(FeedEntry(url=link, title=title, published=_entry_date(entry)))
    return entries


def _entry_date(entry: dict[str, object]) -> dt.date | None:
    """Return the entry's publication date as the publisher wrote it (its own time zone), else as feedparser
    normalised it (UTC)."""
    for name in ("published", "updated"):
        raw = entry.get(name)
        if isinstance(raw, str) and raw.strip():
            try:
                return email.utils.parsedate_to_datetime(raw).date()  # RSS: RFC 822
            except (TypeError, ValueError, IndexError):
                pass
            try:
                return dt.datetime.fromisoformat(raw.strip().replace("Z", "+00:00")).date()  # Atom: RFC 3339
            except ValueError:
                pass
        normalised = entry.get(f"{name}_parsed")
        if isinstance(normalised, time.struct_time):
            return dt.date(normalised.tm_year, normalised.tm_mon, normalised.tm_mday)
    return None
