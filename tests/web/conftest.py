"""A local web site for the web tests: news pages built from the dev articles, a feed that can change between
rounds, and the pages a fetcher must survive (slow, dripping, huge, binary, redirect loops, 404/500).

HAND-WRITTEN PAGES: the pages wrap our own re-told dev articles (seeds/eval) in furniture we wrote
(tests/helpers.cluttered_page); nothing here was taken from a news site."""

from __future__ import annotations

import collections
import datetime as dt
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.utils import format_datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from tests.helpers import EVAL_FILES, SEED_TEXT, cluttered_page, headline_of, load


@dataclass
class Site:
    """The running site: its address, the pages it serves, the feed's entries, and what it was asked."""

    port: int
    pages: dict[str, bytes]  # path -> an HTML page (text/html; charset=utf-8)
    feed: list[tuple[str, str, str]] = field(default_factory=list)  # (path, title, RFC 822 date), newest first
    hits: collections.Counter[str] = field(default_factory=collections.Counter)
    headers: list[dict[str, str]] = field(default_factory=list)  # every request's headers, in order
    in_flight: int = 0  # requests to /wait being answered now
    most_in_flight: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def add_entry(self, path: str, title: str, day: str) -> None:
        """Put a new entry (the page at *path*, published on *day*, YYYY-MM-DD) at the top of the feed."""
        when = format_datetime(dt.datetime.fromisoformat(f"{day}T09:30:00+02:00"))
        self.feed.insert(0, (path, title, when))

    def feed_xml(self) -> bytes:
        items = "".join(
            f"<item><title>{escape(title)}</title><link>{self.url(path)}</link><pubDate>{day}</pubDate>"
            f"<guid>{self.url(path)}</guid></item>"
            for path, title, day in self.feed
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Example News: World</title>'
            f"<link>{self.url('/')}</link><description>World news</description>{items}</channel></rss>"
        ).encode()


def _dev_pages() -> dict[str, bytes]:
    """One cluttered page per dev article (path /news/<id>), related links from the same language's reports."""
    articles = [load(p) for p in EVAL_FILES]
    pages = {}
    for a in articles:
        related = [headline_of(o["text"]) for o in articles if o["language"] == a["language"] and o["id"] != a["id"]]
        pages[f"/news/{a['id']}"] = cluttered_page(a, related=related[:4]).encode("utf-8")
    seed = {"id": "seed", "language": "en", "published": "2024-05-31", "text": SEED_TEXT.read_text("utf-8")}
    pages["/news/seed"] = cluttered_page(seed, related=[headline_of(a["text"]) for a in articles[:3]]).encode()
    pages["/news/seed-cp1251"] = cluttered_page(
        {
            **seed,
            "id": "seed-cp1251",
            "language": "uk",
            "text": "date 2024-05-31 Обмін полоненими\n\nДодому повернулися 75 наших людей: 70 чоловіків і 5 жінок.",
        },
        related=[],
        charset="windows-1251",
    ).encode("windows-1251")
    return pages


class _Handler(BaseHTTPRequestHandler):
    site: Site
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        return

    def _send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8", **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, to: str) -> None:
        self._send(302, b"", Location=to)

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        self.site.hits[path] += 1
        self.site.headers.append({k.lower(): v for k, v in self.headers.items()})
        ctype = "windows-1251" if path.endswith("cp1251") else "utf-8"
        if path in self.site.pages:
            self._send(200, self.site.pages[path], f"text/html; charset={ctype}", Set_Cookie="session=abc123; Path=/")
        elif path == "/feed.xml":
            self._send(200, self.site.feed_xml(), "application/rss+xml; charset=utf-8")
        elif path == "/redirect":
            self._redirect("/news/seed")
        elif path in ("/loop/a", "/loop/b"):
            self._redirect("/loop/b" if path == "/loop/a" else "/loop/a")
        elif path.startswith("/chain/"):
            self._redirect(f"/chain/{int(path.rsplit('/', 1)[1]) + 1}")
        elif path == "/to-ftp":
            self._redirect("ftp://127.0.0.1/file.txt")
        elif path == "/binary":
            self._send(200, b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "image/png")
        elif path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            try:
                for _ in range(64):  # 8 MiB, no Content-Length: the fetcher has to count
                    self.wfile.write(b"<p>" + b"9" * (128 * 1024 - 7) + b"</p>\n")
            except OSError:
                return
        elif path == "/huge-declared":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(50 * 1024 * 1024))
            self.end_headers()
        elif path == "/slow":
            time.sleep(3)
            self._send(200, self.site.pages["/news/seed"])
        elif path == "/drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(100):
                    self.wfile.write(b"<p>1</p>")
                    self.wfile.flush()
                    time.sleep(0.2)
            except OSError:
                return
        elif path == "/wait":
            with self.site.lock:
                self.site.in_flight += 1
                self.site.most_in_flight = max(self.site.most_in_flight, self.site.in_flight)
            time.sleep(0.3)
            with self.site.lock:
                self.site.in_flight -= 1
            self._send(200, b"<html><body><p>wait</p></body></html>")
        elif path == "/500":
            self._send(500, b"<h1>Internal Server Error</h1>")
        else:
            self._send(404, b"<h1>Not Found</h1>")


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    state = Site(port=0, pages=_dev_pages())

    class Handler(_Handler):
        site = state

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
