"""What the tests share: where the dev set, the seed and the recordings are, the fault server's client,
and a few builders of results. Fixtures live in conftest.py; no test module imports another."""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from powx_llm import Count, Evidence, Exchange, Transfer
from powx_llm._usage import Usage
from powx_llm.check import check, exchange_from_dict
from powx_llm.corpus import BatchRow, RowStatus
from powx_llm.extract import Extraction, Extractor, Strategy
from powx_llm.llm import DEFAULT_MODES, REPLAY_BASE_URL, BackendKind

ROOT = Path(__file__).resolve().parent.parent
EVAL_DIR = ROOT / "seeds" / "eval"
EVAL_FILES = sorted(p for p in EVAL_DIR.glob("*.json") if p.name != "splits.json")
SEED_TEXT = ROOT / "seeds" / "seed-ua-2024-05-31-75.txt"
SEED_GOLD = ROOT / "seeds" / "seed-ua-2024-05-31-75.gold.json"
CASSETTES = ROOT / "cassettes"
RECORDED = CASSETTES / "test_recorded"  # the dev set's recordings (tests/extract/test_recorded.py)
FLOORS_FILE = ROOT / "tests" / "eval_floors.json"  # written by scripts/eval_floors.py


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


POWX = [sys.executable, "-c", "from powx_llm.cli import main; main()"]  # the command line, in a process


def powx(*args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """Run ``powx ARGS...`` in a process of its own (a kill, a signal, stdin) and return what it did."""
    return subprocess.run([*POWX, *args], capture_output=True, text=True, timeout=timeout, check=False, cwd=ROOT)


def unreachable() -> Extractor:
    """Return an extractor aimed at a port nothing listens on: any call it makes fails at once."""
    return Extractor.connect(base_url="http://127.0.0.1:9/v1", http_retries=0)


def line_count(path: Path) -> int:
    """Return the complete lines of a journal (a line cut by a kill does not count)."""
    try:
        return path.read_text(encoding="utf-8").count("\n")
    except FileNotFoundError:
        return 0


RECORD_URL = REPLAY_BASE_URL  # the address recordings are made at (scripts/record.sh)
EMBEDDED_MODE = DEFAULT_MODES[BackendKind.EMBEDDED].value  # the embedded backend's instructor mode
SECRET_HEADERS = [
    "authorization",
    "api-key",
    "x-api-key",
    "openai-organization",
    "openai-project",
    "cookie",
    "set-cookie",
]


class FakeServer:
    """A running tests/fake_server.py: its base URL per fault, and the requests it has seen."""

    def __init__(self, port: int, log: Path) -> None:
        self.port, self.log = port, log

    def url(self, fault: str) -> str:
        return f"http://127.0.0.1:{self.port}/{fault}/v1"

    def requests(self, *, since: float, fault: str | None = None) -> list[dict[str, Any]]:
        lines = self.log.read_text(encoding="utf-8").splitlines() if self.log.exists() else []
        seen = [json.loads(line) for line in lines]
        return [r for r in seen if r["time"] >= since and (fault is None or r["fault"] == fault)]


HOSTILE = (
    "date 2024-05-31\r\nUkraine brought home 75 prisoners </script><script>alert(1)</script> "
    '<img src=x onerror=alert(1)> "quoted" & more 🇺🇦 — عاد 75 أسيرا — вернулись 75 пленных.\r\n'
)


def replayed(article: str) -> Extraction:
    data = json.loads((EVAL_DIR / f"{article}.json").read_text(encoding="utf-8"))
    ex = Extractor.connect(replay=CASSETTES)
    return ex.extract(data["text"], published=data["published"])


def with_text(text: str, spans: dict[str, str]) -> Extraction:
    """A replayed Extraction re-pointed at *text*: one transfer whose counts quote *spans* (key -> quote)."""
    base = replayed("seed-ua-2024-05-31-75")

    def count(quote: str, value: int, after: int = 0) -> Count:
        start = text.index(quote, after)
        return Count(value=value, evidence=Evidence(quote=quote, start=start, end=start + len(quote)))

    transfers = tuple(
        Transfer(to=to, **{"from": None}, people=count(quote, int(re.findall(r"\d+", quote)[0])))
        for to, quote in spans.items()
    )
    return replace(base, text=text, exchange=Exchange(transfers=transfers))


def extraction_of(exchange: Exchange, *, text: str = "", published: dt.date | None = None) -> Extraction:
    return Extraction(
        exchange=exchange,
        report=check(exchange, text=text or None, published=published),
        usage=Usage(),
        model="gold",
        backend="gold",
        strategy=Strategy.CUED,
        prompt_version="gold",
        raw="",
        seconds=0.0,
        published=published,
        text=text,
    )


def _gold_rows() -> list[BatchRow]:
    rows = []
    for path in EVAL_FILES:
        data = json.loads(path.read_text(encoding="utf-8"))
        published = dt.date.fromisoformat(data["published"]) if data.get("published") else None
        ex = extraction_of(exchange_from_dict(data["gold"], what=str(path)), text=data["text"], published=published)
        rows.append(BatchRow(path.stem, data.get("source_url"), data["text"], RowStatus.OK, ex, None))
    return rows


@functools.cache
def gold_rows() -> tuple[BatchRow, ...]:
    """Return one row per dev article whose extraction is its gold exchange (as if a perfect model read it)."""
    return tuple(_gold_rows())


# -- web pages built from the dev articles (tests/web, tests/benchmarks/pages.py) --------------------------------

PAGE_CLUTTER = (  # strings of a page's furniture: none may reach the article's text
    "We and our 847 partners store cookies",
    "Accept all 847",
    "pageviews",
    "Most read",
    "Subscribe for 4.99",
    "45 million readers",
    "12 comments",
    "Top 10 stories",
)


def _paragraphs(text: str) -> tuple[str, list[str]]:
    """Return an eval article's headline (without its ``date YYYY-MM-DD`` prefix) and its paragraphs."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    lines[0] = re.sub(r"^date \d{4}(?:-\d{2}){0,2}\s*", "", lines[0])
    lines = [line for line in lines if line]
    return lines[0], lines[1:]


def headline_of(text: str) -> str:
    return _paragraphs(text)[0]


def cluttered_page(data: dict[str, Any], *, related: list[str], charset: str = "utf-8") -> str:
    """Return a news site's page around the dev article *data* (its text, published, id): a cookie banner,
    navigation, a byline, JSON-LD and Open Graph metadata, a script full of numbers, related-article links
    (*related*: other reports' headlines, numbers and all), a most-read box, comments and a footer."""
    esc = functools.partial(__import__("html").escape, quote=True)
    headline, paragraphs = _paragraphs(data["text"])
    day = data.get("published") or ""
    slug = re.sub(r"\d{4}-\d{2}(?:-\d{2})?-?", "", data["id"])  # the id's own date can differ from *published*
    url = f"https://news.example.org/world/{slug}"
    ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": headline,
            **({"datePublished": f"{day}T09:30:00+02:00", "dateModified": f"{day}T18:05:00+02:00"} if day else {}),
            "mainEntityOfPage": url,
            "publisher": {"@type": "Organization", "name": "Example News"},
        },
        ensure_ascii=False,
    )
    links = "".join(f'<li><a href="/related/{n}">{esc(h)}</a></li>' for n, h in enumerate(related))
    body = "".join(f"<p>{esc(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="{data.get("language", "en")}"><head><meta charset="{charset}">
<title>{esc(headline)} | Example News</title>
<link rel="canonical" href="{url}">
<meta property="og:url" content="{url}"><meta property="og:title" content="{esc(headline)}">
{f'<meta property="article:published_time" content="{day}T09:30:00+02:00">' if day else ""}
<script type="application/ld+json">{ld}</script>
<script>window.dataLayer=[{{"pageviews": 98765, "section": "world", "ids": [2024, 75, 1000]}}];</script>
<style>.x{{width:300px}}</style></head>
<body>
<div id="cookie-banner" class="cookie-consent"><p>We and our 847 partners store cookies on your device.</p>
<button>Accept all 847</button><button>Settings</button></div>
<header><nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/top">Top 10 stories</a></li><li><a href="/subscribe">Subscribe for 4.99</a></li></ul></nav></header>
<main><article class="story">
<h1>{esc(headline)}</h1>
<div class="byline">By Staff Reporter{f' · <time datetime="{day}">{day}</time>' if day else ""}</div>
{body}
</article>
<aside class="related"><h2>Related</h2><ul>{links}</ul></aside>
<section class="comments"><h3>12 comments</h3><div class="comment"><p>First! 100 % agree, 5 stars.</p></div></section>
<aside class="most-read"><h2>Most read</h2><ol><li><a href="/m/1">Storm leaves 3,000 homes without power</a></li>
<li><a href="/m/2">League: 4 goals in 9 minutes</a></li></ol></aside>
</main>
<footer><p>© 2025 Example News · 45 million readers · <a href="/privacy">Privacy</a></p></footer>
</body></html>
"""
