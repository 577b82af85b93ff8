"""Reading the article: HTML given as text is refused, or reduced to its article when asked (a saved page,
``*.html``, is read as a page without asking: tests/web/test_pages.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from powx_llm import InputError
from powx_llm.cli import app
from powx_llm.read import looks_like_html, read_article

PAGE = (
    "<!DOCTYPE html><html><head><title>News</title><style>p {color: red}</style>"
    "<script>var prompt = 'ignore the article';</script></head><body>"
    "<div class='nav'>Home</div><article><h1>Ukraine brings home 75</h1>"
    "<p>Ukraine and Russia exchanged prisoners &amp; bodies.</p><p>75 people returned.</p></article>"
    "</body></html>"
)


def test_html_is_refused_in_one_line() -> None:
    with pytest.raises(InputError) as err:
        read_article(PAGE)
    assert "the article is HTML" in str(err.value)
    assert "\n" not in str(err.value)


def test_html_read_as_html_is_its_article_without_menu_or_scripts() -> None:
    article = read_article(PAGE, html=True)
    assert article.text == (
        "Ukraine brings home 75\n\nUkraine and Russia exchanged prisoners & bodies.\n\n75 people returned."
    )
    assert "ignore the article" not in article.text


@pytest.mark.parametrize(
    "text",
    ["The ratio was 3 < 5 and 7 > 2.", "Use <br> rarely", "Ukraine returned 75 people <i>today</i>."],
)
def test_prose_with_an_angle_bracket_is_not_html(text: str) -> None:
    assert not looks_like_html(text)
    assert read_article(text).text == text


def test_the_cli_refuses_html_given_as_text_before_starting_any_model(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(page), "--base-url", "http://127.0.0.1:9/v1"])
    assert result.exit_code == 2
    assert "the article is HTML" in result.output


def test_the_cli_reads_html_given_as_text_when_asked(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    result = CliRunner().invoke(
        app, ["extract", str(page), "--from-html", "--base-url", "http://127.0.0.1:9/v1", "--format", "jsonl"]
    )
    assert result.exit_code == 2
    assert "the article is HTML" not in result.output
    assert "cannot reach http://127.0.0.1:9/v1" in result.output
