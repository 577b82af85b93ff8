"""A web page reduced to its article: the main text (trafilatura), the title, the publication date and the
canonical address, decoded from the page's bytes with the charset it declares.

trafilatura (Apache-2.0) is made for exactly this: it drops navigation, related-article lists, cookie
notices, comments and scripts, and reads the date and the canonical URL from the page's metadata (JSON-LD,
Open Graph, ``<link rel=canonical>``). What we add by hand is only what it does not do for us: decoding
bytes by the charset the server or the page declares, the headline kept at the top of the text, and one
clear line when a page has no article in it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from powx_llm._errors import InputError
from powx_llm.model import as_date

__all__ = ["Page", "decode_page", "is_address", "read_page"]

# <meta charset="..."> or <meta http-equiv="Content-Type" content="text/html; charset=...">, in the first 4 KiB
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


@dataclass(frozen=True, slots=True)
class Page:
    """The article of a web page: its text (headline first), and what the page says about it."""

    text: str
    title: str | None = None
    published: dt.date | None = None  # the page's own publication date (its metadata), if it states one
    url: str | None = None  # the page's canonical address (or the address it was read from)


def decode_page(data: bytes, *, content_type: str | None = None) -> str:
    """Return the text of a page's *data*: the charset of the HTTP *content_type*, else the page's ``<meta
    charset>``, else UTF-8; bytes that do not decode are an InputError (a page is text, not binary data)."""
    declared = []
    if content_type and (header := _HEADER_CHARSET.search(content_type)):
        declared.append(header.group(1))
    if meta := _META_CHARSET.search(data[:4096]):
        declared.append(meta.group(1).decode("ascii", "replace"))
    for name in [*declared, "utf-8"]:
        try:
            return data.decode(name)
        except LookupError:  # a charset Python does not know: try the next one
            continue
        except UnicodeDecodeError:
            break
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    raise InputError(
        f"the page is not text in its declared charset ({', '.join(declared) or 'none, so UTF-8'}); "
        "save it as UTF-8 or pass the article's text"
    )


def read_page(page: str | bytes, *, url: str | None = None, content_type: str | None = None) -> Page:
    """Return the article of an HTML *page* (its text, title, date and canonical URL), or raise InputError
    when the page holds no article text. *url* is where the page was read from (it resolves relative links
    and is the page's address when it names no canonical one)."""
    import trafilatura  # imported here: half a second, paid only by users who read pages

    html = decode_page(page, content_type=content_type) if isinstance(page, bytes) else page
    try:
        document = trafilatura.bare_extraction(
            html,
            url=url,
            favor_precision=True,  # a related-links list or a teaser is clutter, and its numbers are not ours
            include_comments=False,
            include_tables=True,
            include_images=False,
            with_metadata=True,
            date_extraction_params={"original_date": True, "extensive_search": False},
        )
    except Exception as exc:  # lxml or trafilatura refusing the markup: one line, never a traceback
        raise InputError(f"the HTML page cannot be read ({type(exc).__name__}); pass the article's text") from exc
    body = _text_of(document)
    if not body:
        raise InputError("the HTML page has no article text that could be found; pass the article's text")
    title = _field(document, "title")
    return Page(
        text=_with_headline(title, body),
        title=title,
        published=as_date((_field(document, "date") or "")[:10]),
        url=canonical if (canonical := _field(document, "url")) and is_address(canonical) else url,
    )


def _field(document: Any, name: str) -> str | None:
    value = getattr(document, name, None)
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def _text_of(document: Any) -> str:
    text = getattr(document, "text", None) if document is not None else None
    if not isinstance(text, str):
        return ""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n\n".join(line for line in lines if line)


def _with_headline(title: str | None, body: str) -> str:
    """Return *body* with the page's headline first, unless the body already opens with it."""
    if not title:
        return body
    first = body.split("\n", 1)[0].casefold()
    head = title.casefold()
    if head in first or first in head:
        return body
    return f"{title}\n\n{body}"


def is_address(text: str) -> bool:
    """Return whether *text* is an absolute http(s) address (a page's canonical one, one to fetch)."""
    parts = urlsplit(text.strip())
    return parts.scheme in ("http", "https") and bool(parts.netloc) and not any(c.isspace() for c in text.strip())
