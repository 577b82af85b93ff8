"""Fetching pages and feeds over HTTP(S), politely and within bounds: one client (httpx), a time and size limit
per page, redirects followed by hand (each hop checked), content types checked, a user agent that says who
we are, and a limit on requests to one host at a time. No cookie, no credential and no environment proxy
setting is ever sent: the client keeps no cookies and ignores ``.netrc`` and the environment."""

from __future__ import annotations

import datetime as dt
import http.cookiejar
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import Message
from urllib.parse import urljoin, urlsplit

import httpx

from powx_llm._errors import FetchFailed
from powx_llm._version import __version__
from powx_llm.read import decode_page, is_address

__all__ = ["USER_AGENT", "Fetched", "Fetcher", "Limits"]

USER_AGENT = f"powx-llm/{__version__} (reads news reports of prisoner exchanges; one request per page asked for)"

# What a page, a feed or an article's text is served as; anything else (images, PDFs, archives) is refused.
PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml"}
)
TEXT_TYPES = frozenset({"text/plain"})
_ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml;q=0.9,"
    "application/xml;q=0.8,text/xml;q=0.8,text/plain;q=0.5"
)
_REDIRECTS = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True, slots=True)
class Limits:
    """The bounds of every fetch."""

    timeout: float = 30.0  # seconds for a whole page: connecting, every redirect and the body
    max_bytes: int = 5 * 1024 * 1024  # the largest page or feed read (decompressed)
    max_redirects: int = 5
    per_host: int = 2  # requests to one host at the same time
    user_agent: str = USER_AGENT


@dataclass(frozen=True, slots=True)
class Fetched:
    """A page or feed as fetched: where it was asked for and where it ended, what it is, and its bytes."""

    url: str  # the address asked for
    final_url: str  # the address after redirects
    content_type: str  # the media type, lower case, without parameters
    charset: str | None
    body: bytes
    fetched_at: str  # ISO time, UTC

    @property
    def is_feed(self) -> bool:
        """Return whether this is an RSS or Atom feed (by its type, or an XML body that opens as one)."""
        if self.content_type in ("application/rss+xml", "application/atom+xml", "application/rdf+xml"):
            return True
        head = self.body[:1024].lstrip().lower()
        return self.content_type in FEED_TYPES and any(tag in head for tag in (b"<rss", b"<feed", b"<rdf"))

    @property
    def is_page(self) -> bool:
        return self.content_type in PAGE_TYPES

    def text(self) -> str:
        """Return the body as text (pages: by the charset they declare, see ``powx_llm.read.decode_page``)."""
        header = f"{self.content_type}; charset={self.charset}" if self.charset else self.content_type
        return decode_page(self.body, content_type=header)


@dataclass
class Fetcher:
    """Fetches pages and feeds within *limits*; safe to share between threads. Close it (or use ``with``)."""

    limits: Limits = field(default_factory=Limits)
    transport: httpx.BaseTransport | None = None  # for tests: an httpx.MockTransport
    _client: httpx.Client = field(init=False, repr=False)
    _hosts: dict[str, threading.BoundedSemaphore] = field(init=False, default_factory=dict, repr=False)
    _lock: threading.Lock = field(init=False, default_factory=threading.Lock, repr=False)

    def __post_init__(self) -> None:
        no_cookies = http.cookiejar.CookieJar(policy=http.cookiejar.DefaultCookiePolicy(allowed_domains=[]))
        self._client = httpx.Client(
            headers={"User-Agent": self.limits.user_agent, "Accept": _ACCEPT},
            cookies=no_cookies,
            follow_redirects=False,  # followed by hand: every hop's address is checked
            trust_env=False,  # no .netrc credentials, no proxy or certificate settings from the environment
            transport=self.transport,
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def fetch(self, url: str, *, accept: frozenset[str] = PAGE_TYPES | FEED_TYPES | TEXT_TYPES) -> Fetched:
        """Return the page or feed at *url*, or raise FetchFailed with one line naming it and the reason."""
        if not is_address(url):
            raise FetchFailed(f"{url!r} is not an http or https address; only web pages and feeds are fetched")
        deadline = time.monotonic() + self.limits.timeout
        address, seen = url.strip(), set[str]()
        for _ in range(self.limits.max_redirects + 1):
            seen.add(address)
            with self._host(address):
                response = self._get(url, address, deadline)
                try:
                    if response.status_code in _REDIRECTS and "location" in response.headers:
                        target = urljoin(address, response.headers["location"])
                        if not is_address(target):
                            raise FetchFailed(f"{url}: redirected to {target!r}, which is not an http(s) address")
                        if target in seen:
                            raise FetchFailed(f"{url}: redirects in a loop (back to {target})")
                        address = target
                        continue
                    return self._body(url, address, response, deadline, accept)
                finally:
                    response.close()
        raise FetchFailed(f"{url}: more than {self.limits.max_redirects} redirects")

    @contextmanager
    def _host(self, address: str) -> Iterator[None]:
        host = (urlsplit(address).hostname or "").lower()
        with self._lock:
            gate = self._hosts.setdefault(host, threading.BoundedSemaphore(self.limits.per_host))
        with gate:
            yield

    def _get(self, url: str, address: str, deadline: float) -> httpx.Response:
        left = deadline - time.monotonic()
        if left <= 0:
            raise FetchFailed(f"{url}: no answer within {self.limits.timeout:g} s")
        try:
            request = self._client.build_request("GET", address, timeout=httpx.Timeout(left))
            return self._client.send(request, stream=True)
        except httpx.TimeoutException as exc:
            raise FetchFailed(f"{url}: no answer within {self.limits.timeout:g} s") from exc
        except httpx.HTTPError as exc:
            raise FetchFailed(f"{url}: cannot connect ({type(exc).__name__}: {_short(exc)})") from exc

    def _body(
        self, url: str, address: str, response: httpx.Response, deadline: float, accept: frozenset[str]
    ) -> Fetched:
        if response.status_code >= 400 or response.status_code < 200 or response.status_code in _REDIRECTS:
            reason = response.reason_phrase or "error"
            raise FetchFailed(f"{url}: the server answered HTTP {response.status_code} {reason}")
        media, charset = _media_type(response.headers.get("content-type", ""))
        if media not in accept:
            shown = media or "no content type"
            raise FetchFailed(f"{url}: is {shown}, not a web page, feed or text")
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.limits.max_bytes:
            raise FetchFailed(f"{url}: the page is larger than {_size(self.limits.max_bytes)}")
        chunks, size = [], 0
        try:
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > self.limits.max_bytes:
                    raise FetchFailed(f"{url}: the page is larger than {_size(self.limits.max_bytes)}")
                if time.monotonic() > deadline:
                    raise FetchFailed(f"{url}: the page took longer than {self.limits.timeout:g} s to arrive")
                chunks.append(chunk)
        except httpx.TimeoutException as exc:
            raise FetchFailed(f"{url}: the page took longer than {self.limits.timeout:g} s to arrive") from exc
        except httpx.HTTPError as exc:
            raise FetchFailed(f"{url}: the connection broke ({type(exc).__name__}: {_short(exc)})") from exc
        return Fetched(
            url=url,
            final_url=address,
            content_type=media,
            charset=charset,
            body=b"".join(chunks),
            fetched_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        )


def _media_type(header: str) -> tuple[str, str | None]:
    message = Message()
    message["content-type"] = header
    media = message.get_content_type() if header else ""
    charset = message.get_param("charset")
    return media.lower(), charset if isinstance(charset, str) else None


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:g} MiB" if n >= 1024 * 1024 else f"{n:,} bytes"


def _short(exc: Exception) -> str:
    return " ".join(str(exc).split())[:160] or "no detail"
