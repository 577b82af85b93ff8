"""A web page becomes its article: the main text without the page's furniture, the title, the date and the
canonical address (powx_llm.read.read_page, trafilatura), on a page built around every dev article."""

from __future__ import annotations

import datetime as dt

import pytest

from powx_llm import InputError, extract_exchange
from powx_llm.extract import Extractor
from powx_llm.read import decode_page, find_mentions, read_article, read_page
from tests.helpers import EVAL_FILES, PAGE_CLUTTER, load
from tests.web.conftest import Site

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _paragraphs(text: str) -> list[str]:
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return [line for line in lines[1:] if line]  # the first line: the date and headline


def test_every_dev_page_reads_as_its_article_and_nothing_else(site: Site) -> None:
    """113 pages (the dev set and the seed): every paragraph of the article kept, none of the furniture (cookie
    banner, menu, script, related links with other reports' figures, most read, comments, footer), the date
    from the page's metadata and its canonical address."""
    failures = []
    for path in EVAL_FILES:
        data = load(path)
        page = read_page(site.pages[f"/news/{data['id']}"])
        missing = [p for p in _paragraphs(data["text"]) if p not in page.text]
        clutter = [c for c in PAGE_CLUTTER if c in page.text]
        related = [line for line in page.text.split("\n\n")[1:] if line not in data["text"]]
        day = dt.date.fromisoformat(data["published"]) if data.get("published") else None
        address = (page.url or "").startswith("https://news.example.org/world/") and data["id"].endswith(
            (page.url or "")[-3:]
        )
        if missing or clutter or related or page.published != day or not address:
            failures.append((data["id"], missing[:1], clutter, related[:1], page.published, page.url))
    assert failures == []


def test_no_number_of_the_furniture_reaches_the_mentions(site: Site) -> None:
    """The numbers the pipeline can see on a page are the article's own (the related links hold other
    exchanges' figures, the script and the banner counts of their own)."""
    for path in EVAL_FILES:
        data = load(path)
        page = read_page(site.pages[f"/news/{data['id']}"])
        own = {m.value for m in find_mentions(data["text"])}
        seen = {m.value for m in find_mentions(page.text)}
        assert seen <= own, data["id"]


def test_read_article_reads_a_page_with_its_date_title_and_address(site: Site) -> None:
    article = read_article(site.pages["/news/seed"], html=True)
    assert article.date == dt.date(2024, 5, 31)
    assert article.url == "https://news.example.org/world/seed"
    assert article.title is not None
    assert "another 75 of our people have returned" in article.text
    assert "847" not in article.text
    assert article.text.startswith(article.title) or article.title in article.text.split("\n\n")[0]


def test_the_date_given_wins_over_the_page(site: Site) -> None:
    article = read_article(site.pages["/news/seed"], html=True, published="2024-06-01")
    assert article.date == dt.date(2024, 6, 1)


def test_a_page_is_refused_unless_read_as_a_page(site: Site) -> None:
    with pytest.raises(InputError, match="HTML"):
        read_article(site.pages["/news/seed"].decode())


def test_a_page_in_its_declared_charset(site: Site) -> None:
    """A page's bytes are decoded by the charset it declares (here windows-1251, in its <meta>)."""
    raw = site.pages["/news/seed-cp1251"]
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    article = read_article(raw, html=True)
    assert "Додому повернулися 75 наших людей" in article.text
    assert decode_page(raw).count("Обмін полоненими") >= 1


def test_the_http_charset_wins_over_the_page() -> None:
    page = '<html><head><meta charset="utf-8"></head><body><p>Повернулися 75</p></body></html>'.encode("koi8-u")
    assert "Повернулися" in decode_page(page, content_type="text/html; charset=koi8-u")


def test_bytes_that_are_not_text_in_any_declared_charset_are_refused() -> None:
    with pytest.raises(InputError, match="not text in its declared charset"):
        decode_page(b"<html><body>\xff\xfe\xfa\x00\x81</body></html>")


def test_the_headline_leads_when_the_body_does_not_repeat_it() -> None:
    page = (
        "<html><head><title>Seventy-five soldiers home</title></head><body><nav><a href='/'>Home</a></nav>"
        "<article><p>Ukraine brought home 75 soldiers on Friday after talks mediated by the United Arab"
        " Emirates, the coordination headquarters said in a statement.</p>"
        "<p>Russia received the same number of its servicemen in return, the ministry added.</p></article>"
        "</body></html>"
    )
    result = read_page(page)
    assert result.text.split("\n\n")[0] == "Seventy-five soldiers home"
    assert result.published is None
    assert result.url is None


def test_a_page_with_no_article_is_one_clear_error() -> None:
    page = "<html><body><nav><ul><li><a href='/a'>Home</a></li><li><a href='/b'>World</a></li></ul></nav></body></html>"
    with pytest.raises(InputError, match="no article text"):
        read_page(page)


def test_extract_exchange_reads_a_page(site: Site, fake_server: object) -> None:
    """``extract_exchange(page, html=True)``: the model's answer (75 to Ukraine, hand-written) lands on the
    article's words, the page's address and date come with it."""
    extractor = Extractor.connect(base_url=fake_server.url("ok"), http_retries=0)  # type: ignore[attr-defined]
    result = extract_exchange(site.pages["/news/seed"], html=True, extractor=extractor)
    assert result.facts["ukraine.people"] == 75
    assert result.url == "https://news.example.org/world/seed"
    assert result.published == dt.date(2024, 5, 31)
    assert "847" not in result.text
    evidence = result.evidence["ukraine.people"]
    assert result.text[evidence.start : evidence.end] == evidence.quote
