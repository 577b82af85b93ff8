"""What reading web pages costs: the imports (trafilatura, feedparser), and reducing a page to its article
(powx_llm.read.read_page) on a page built around each dev article (tests/helpers.cluttered_page), next to
reading the article's plain text (medians and ratios; no timed assertion anywhere).

    .venv/bin/python tests/benchmarks/bench_pages.py

Run with nothing else on the machine. Each import is timed in a fresh interpreter.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def _import_seconds(statement: str, runs: int = 5) -> float:
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    return statistics.median(float(subprocess.check_output([sys.executable, "-c", code])) for _ in range(runs))


def main() -> None:
    for statement in ("import powx_llm", "import trafilatura", "import feedparser"):
        print(f"{statement:24s} {_import_seconds(statement) * 1000:7.1f} ms (median of 5, fresh interpreter)")

    from tests.helpers import EVAL_FILES, cluttered_page, headline_of, load

    from powx_llm.read import read_article, read_page

    articles = [load(p) for p in EVAL_FILES]
    pages = []
    for a in articles:
        related = [headline_of(o["text"]) for o in articles if o["language"] == a["language"] and o["id"] != a["id"]]
        pages.append(cluttered_page(a, related=related[:4]))
    read_page(pages[0])  # trafilatura's first call loads its settings
    page_seconds, text_seconds = [], []
    for a, page in zip(articles, pages, strict=True):
        t = time.perf_counter()
        read_page(page)
        page_seconds.append(time.perf_counter() - t)
        t = time.perf_counter()
        read_article(a["text"])
        text_seconds.append(time.perf_counter() - t)
    page_ms, text_ms = statistics.median(page_seconds) * 1000, statistics.median(text_seconds) * 1000
    size = statistics.median(len(p.encode()) for p in pages)
    print(f"read_page, {len(pages)} pages (median {size / 1024:.1f} KiB): median {page_ms:.1f} ms a page")
    print(f"read_article of the plain text: median {text_ms:.2f} ms; a page costs {page_ms / text_ms:.0f}x the text")


if __name__ == "__main__":
    main()
