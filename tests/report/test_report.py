"""The HTML report: every figure marked in its words, failed checks first, safe by construction."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from powx_llm.cli import app
from powx_llm.report import COLOURS, article_fragment, article_page, segments, show_in_jupyter
from tests.helpers import CASSETTES, EVAL_FILES, HOSTILE, replayed, with_text

runner = CliRunner()


def test_the_page_is_self_contained_and_forbids_scripts() -> None:
    page = article_page(replayed("seed-ua-2024-05-31-75"))
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert csp is not None
    assert "default-src 'none'" in csp.group(1)
    assert "script-src" not in csp.group(1)  # falls back to default-src 'none': no script at all
    assert '<meta charset="utf-8">' in page
    assert "<script" not in page
    assert not re.search(r"(src|href)=\"(https?:)?//", page)  # nothing loaded from elsewhere


def test_every_span_is_marked_once_and_spans_that_overlap_are_cut_not_nested() -> None:
    text = "They swapped 107 from each side, 70 men among them, on Friday."
    # Ukraine and Russia share one span; Belarus's overlaps it ("each side, 70").
    result = with_text(text, {"Ukraine": "107 from each side", "Russia": "107 from each side", "Belarus": "side, 70"})
    segs, spans = segments(result.text, result)
    assert [keys for _, _, keys in spans] == [["russia.people", "ukraine.people"], ["belarus.people"]]
    covered = [s for s in segs if s.keys]
    for i, (start, end, _) in enumerate(spans):
        pieces = [s for s in covered if i in s.spans]
        assert "".join(result.text[s.start : s.end] for s in pieces) == result.text[start:end]
    assert [result.text[s.start : s.end] for s in covered] == ["107 from each ", "side", ", 70"]
    fragment = article_fragment(result)
    assert fragment.count("<mark") == fragment.count("</mark>") == len(covered)
    assert "<mark" not in re.sub(r"<mark[^>]*>[^<]*</mark>", "", fragment)  # never nested


def test_failed_sums_come_first_with_their_arithmetic() -> None:
    page = article_page(replayed("ua-2023-04-26-44-inconsistent"))
    first = re.search(r'<li class="check">(.*?)</li>', page)
    assert first is not None
    assert "mismatch" in first.group(1)
    assert "officers 6 + enlisted 37 + civilians 2 = 45 &gt; people 44" in first.group(1)


def test_a_hostile_article_renders_as_text() -> None:
    result = with_text(HOSTILE, {"Ukraine": "75 prisoners"})
    page = article_page(result, title="<b>title</b>")
    assert "<script>" not in page
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img" not in page
    assert "&lt;b&gt;title&lt;/b&gt;" in page
    assert "🇺🇦" in page
    assert 'dir="auto"' in page


def test_the_notebook_view_is_a_fragment_with_scoped_styles() -> None:
    fragment = article_fragment(replayed("seed-ua-2024-05-31-75"))
    assert fragment.startswith('<div class="powx">')
    assert "<html" not in fragment
    styles = re.search(r"<style>(.*?)</style>", fragment)
    assert styles is not None
    assert all(rule.startswith(".powx") for rule in styles.group(1).split("}") if rule)
    assert "<mark" in fragment  # still marked where a viewer strips <style>


def test_the_legend_names_every_colour() -> None:
    fragment = article_fragment(replayed("seed-ua-2024-05-31-75"))
    for group in COLOURS:
        assert group.replace("/", "/") in fragment


def test_batch_writes_an_index_and_a_page_per_article(tmp_path: Path) -> None:
    files = [str(p) for p in EVAL_FILES[:3]]
    html = tmp_path / "html"
    result = runner.invoke(
        app, ["batch", *files, "--out", str(tmp_path / "run"), "--replay", str(CASSETTES), "--html", str(html)]
    )
    assert result.exit_code == 0, result.output
    index = (html / "index.html").read_text(encoding="utf-8")
    pages = sorted(p.name for p in html.glob("0*.html"))
    assert len(pages) == 3
    for name in pages:
        assert f'href="{name}"' in index


@pytest.mark.parametrize("article", [p.stem for p in EVAL_FILES[:5]])
def test_pages_of_the_dev_set_are_well_formed(article: str) -> None:
    page = article_page(replayed(article))
    for tag in ("mark", "table", "tr", "td", "ol", "li", "div"):
        assert page.count(f"<{tag}") == page.count(f"</{tag}>"), tag


def test_jupyter_shows_a_result_as_its_report() -> None:
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    try:
        assert show_in_jupyter(shell)
        result = replayed("seed-ua-2024-05-31-75")
        formatter: Any = shell.display_formatter
        shown, _ = formatter.format(result)
        assert shown["text/html"] == article_fragment(result)
    finally:
        InteractiveShell.clear_instance()


def test_invisible_characters_are_shown_so_the_page_shows_what_the_text_holds() -> None:
    """A right-to-left override makes "57" display as "75"; a zero-width space hides inside a figure. The
    report shows each as a visible marker (issue 25, low), in the article and in the facts' quotes."""
    text = "Ukraine brought home \u202e57\u202c people and \u200b12 bodies."
    page = article_page(with_text(text, {"Ukraine": "57"}))
    assert "\u202e" not in page
    assert "\u200b" not in page
    assert "⟨U+202E⟩" in page
    assert "⟨U+200B⟩" in page
