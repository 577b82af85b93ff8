"""The HTML report in a real browser: Debian's chromium, driven by Playwright with the system executable.

Screenshots go to tests/artifacts/ (git-ignored). Needs `apt-get install chromium fonts-noto-core
fonts-noto-color-emoji` (scripts/install.sh --test does it when run as root).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from powx_llm.extract import Extraction
from powx_llm.report import article_page
from tests.helpers import HOSTILE, ROOT, replayed, with_text

ARTIFACTS = ROOT / "tests" / "artifacts"
pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = os.environ.get("POWX_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        pytest.fail(
            "the browser tests need Debian's chromium: apt-get install chromium fonts-noto-core fonts-noto-color-emoji"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        yield b
        b.close()


def _open(browser: Any, result: Extraction, name: str) -> tuple[Any, list[str], list[str]]:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.html"
    path.write_text(article_page(result, title=name), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    errors: list[str] = []
    dialogs: list[str] = []

    def console(message: Any) -> None:
        if message.type == "error":
            errors.append(message.text)

    def dialog(d: Any) -> None:  # an alert() that ran
        dialogs.append(d.message)
        d.dismiss()

    page.on("console", console)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", dialog)
    page.goto(path.as_uri())
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    return page, errors, dialogs


def _marks(page: Any) -> list[dict[str, str]]:
    marks: list[dict[str, str]] = page.eval_on_selector_all(
        "mark", "els => els.map(e => ({spans: e.dataset.spans, keys: e.dataset.keys, text: e.textContent}))"
    )
    return marks


def test_every_evidence_span_is_one_mark_with_its_quote(browser: Any) -> None:
    result = replayed("seed-ua-2024-05-31-75")
    page, errors, _ = _open(browser, result, "seed-ua-2024-05-31-75")
    marks = _marks(page)
    quotes = {(ev.start, ev.end): ev.quote for ev in result.evidence.values()}
    assert len(marks) == len(quotes)  # no two spans of this article overlap: one mark per span
    assert sorted(m["text"] for m in marks) == sorted(quotes.values())
    keys = {k for m in marks for k in m["keys"].split()}
    assert keys == set(result.evidence)
    assert errors == []  # no console errors: the style block passes the Content-Security-Policy


def test_the_inconsistent_article_shows_its_failed_sum_first(browser: Any) -> None:
    page, errors, _ = _open(browser, replayed("ua-2023-04-26-44-inconsistent"), "ua-2023-04-26-44-inconsistent")
    first = page.inner_text("li.check")
    assert first.startswith("mismatch")
    assert "officers 6 + enlisted 37 + civilians 2 = 45 > people 44" in first
    assert errors == []


def test_nothing_from_a_hostile_article_executes(browser: Any) -> None:
    result = with_text(HOSTILE, {"Ukraine": "75 prisoners"})
    page, errors, dialogs = _open(browser, result, "hostile")
    assert dialogs == []
    assert page.eval_on_selector_all("script, img", "els => els.length") == 0
    text = page.inner_text("div.text")
    assert "</script><script>alert(1)</script>" in text
    assert "<img src=x onerror=alert(1)>" in text
    assert "🇺🇦" in text
    assert "عاد 75 أسيرا" in text
    assert [m["text"] for m in _marks(page)] == ["75 prisoners"]
    assert errors == []


def test_the_style_applies(browser: Any) -> None:
    page, _, _ = _open(browser, replayed("seed-ua-2024-05-31-75"), "styled")
    colour = page.eval_on_selector("mark", "e => getComputedStyle(e).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "")  # the hashed style block was allowed
    assert Path(ARTIFACTS / "styled.png").stat().st_size > 10_000
