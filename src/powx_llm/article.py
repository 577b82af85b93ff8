"""The article as given: its text, checked for usability, and the date that resolves "today"."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from powx_llm._errors import InputError

__all__ = ["DEFAULT_MAX_CHARS", "Article", "article_date", "read_article"]

DEFAULT_MAX_CHARS = 20_000
_DATE_LINE = re.compile(r"^\s*date (\d{4}-\d{2}-\d{2})\s")
# Control characters other than tab/newline/CR betray binary data decoded as text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")


def article_date(text: str, *, published: dt.date | str | None = None) -> dt.date | None:
    """Return the article's date: *published* if given, else the text's ``date YYYY-MM-DD`` prefix."""
    if published is not None:
        return published if isinstance(published, dt.date) else _parse_date(str(published))
    m = _DATE_LINE.match(text)
    if m is None:
        return None
    try:
        return dt.date.fromisoformat(m.group(1))
    except ValueError:
        return None


def _parse_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as exc:
        raise InputError(f"published date {value!r} is not YYYY-MM-DD") from exc


@dataclass(frozen=True, slots=True)
class Article:
    """An article ready for extraction: text exactly as given, and its date (None if unknown)."""

    text: str
    date: dt.date | None


def read_article(
    text: object, *, published: dt.date | str | None = None, max_chars: int = DEFAULT_MAX_CHARS
) -> Article:
    """Return the usable Article for *text*, or raise InputError saying why it cannot be used."""
    if isinstance(text, bytes | bytearray):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError("the article is binary data, not UTF-8 text; pass the article's text") from exc
    if not isinstance(text, str):
        raise InputError(f"the article must be text (str), not {type(text).__name__}")
    if not text.strip():
        raise InputError("the article is empty; pass the text of a news report")
    if "\x00" in text or len(_CONTROL.findall(text)) > max(3, len(text) // 200):
        raise InputError("the article looks like binary data, not text; pass the article's text")
    if len(text) > max_chars:
        raise InputError(
            f"the article has {len(text):,} characters, over the limit of {max_chars:,}; split it or raise max_chars"
        )
    return Article(text=text, date=article_date(text, published=published))
