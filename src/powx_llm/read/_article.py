"""The article as given: its text, checked for usability, and the date that resolves "today"."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from powx_llm._errors import InputError
from powx_llm.model import as_date
from powx_llm.read._language import identify
from powx_llm.read._page import Page, read_page

__all__ = ["DEFAULT_MAX_CHARS", "Article", "article_date", "looks_like_html", "read_article"]

DEFAULT_MAX_CHARS = 20_000
_DATE_LINE = re.compile(r"^\s*date (\d{4}-\d{2}-\d{2})\s")
# Control characters other than tab/newline/CR betray binary data decoded as text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def article_date(text: str, *, published: dt.date | str | None = None) -> dt.date | None:
    """Return the article's date: *published* if given, else the text's ``date YYYY-MM-DD`` prefix."""
    if published is not None:
        day = as_date(published)
        if day is None:
            raise InputError(f"published date {published!r} is not YYYY-MM-DD")
        return day
    m = _DATE_LINE.match(text)
    if m is None:
        return None
    return as_date(m.group(1))


# Markup that no news text contains: a document, a block or a script tag (an "<" in prose is not enough).
_TAG = re.compile(
    r"<(?:!doctype\b|/?(?:html|head|body|div|p|span|article|section|script|style|br|a|li|ul|h[1-6])\b)[^>]*>", re.I
)
_MIN_TAGS = 3


def looks_like_html(text: str) -> bool:
    """Return whether *text* is an HTML page or fragment rather than an article's text."""
    return len(_TAG.findall(text, 0, 200_000)) >= _MIN_TAGS or text.lstrip()[:15].lower().startswith("<!doctype")


@dataclass(frozen=True, slots=True)
class Article:
    """An article ready for extraction: text exactly as given (a page: its article's text), and its date (None
    if unknown); from a web page, also its title and canonical address."""

    text: str
    date: dt.date | None
    language: str | None = None  # ISO 639-1, identified by read_article (powx_llm.read._language)
    title: str | None = None  # the page's title (HTML input only)
    url: str | None = None  # the page's canonical address (HTML input only)


def read_article(
    text: object,
    *,
    published: dt.date | str | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    html: bool = False,
    url: str | None = None,
) -> Article:
    """Return the usable Article for *text*, or raise InputError saying why it cannot be used.

    HTML is refused (its markup would pass for the article's words) unless *html* is true: then the page
    is reduced to its article (``read_page``: main text, headline first, without navigation, related links,
    cookie notices or scripts), and that text is the article every evidence span indexes; the page's own
    publication date stands in for *published* when none is given, and its canonical address is the
    Article's ``url`` (else *url*, where the page was read from).
    """
    if html and isinstance(text, bytes | bytearray):  # a page's bytes: decoded by the charset it declares
        page = read_page(bytes(text), url=url)
        return _article(page.text, published=published or page.published, max_chars=max_chars, page=page)
    if isinstance(text, bytes | bytearray):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError("the article is binary data, not UTF-8 text; pass the article's text") from exc
    if not isinstance(text, str):
        raise InputError(f"the article must be text (str), not {type(text).__name__}")
    if not text.strip():
        raise InputError("the article is empty; pass the text of a news report")
    if (bad := _SURROGATE.search(text)) is not None:  # undecodable bytes smuggled in (surrogateescape)
        raise InputError(
            f"the article is not valid Unicode text (a lone surrogate at character {bad.start()}); "
            "decode it as UTF-8 with errors reported, or convert it to UTF-8 first"
        )
    if "\x00" in text or len(_CONTROL.findall(text)) > max(3, len(text) // 200):
        raise InputError("the article looks like binary data, not text; pass the article's text")
    if looks_like_html(text):
        if not html:
            raise InputError(
                "the article is HTML, not text; pass the article's text, or read it as HTML "
                "(Options(html=True), powx extract --from-html) to reduce it to its text"
            )
        page = read_page(text, url=url)
        return _article(page.text, published=published or page.published, max_chars=max_chars, page=page)
    return _article(text, published=published, max_chars=max_chars)


def _article(text: str, *, published: dt.date | str | None, max_chars: int, page: Page | None = None) -> Article:
    if len(text) > max_chars:
        raise InputError(
            f"the article has {len(text):,} characters, over the limit of {max_chars:,}; split it or raise max_chars"
        )
    return Article(
        text=text,
        date=article_date(text, published=published),
        language=identify(text),
        title=page.title if page else None,
        url=page.url if page else None,
    )
