"""Pages, address lists and feeds into a corpus run: each page fetched in its turn and kept in the journal (a
resumed run fetches nothing again), failures as rows with one line, and the command line on top."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from powx_llm.corpus import ArticleInput, RowStatus, extract_many, read_corpus
from powx_llm.extract import Extractor
from tests.helpers import FakeServer, powx
from tests.web.conftest import Site

IDS = ["ua-2024-10-18-moscowtimes-en", "ua-2022-09-21-babel-en", "ua-2023-08-07-babel-en"]


@pytest.fixture
def answering(fake_server: FakeServer) -> Extractor:
    """An extractor whose model always answers 75 people to Ukraine from Russia (hand-written)."""
    return Extractor.connect(base_url=fake_server.url("ok"), http_retries=0)


def test_a_feed_address_gives_its_entries_with_their_dates(site: Site) -> None:
    site.feed.clear()
    site.add_entry(f"/news/{IDS[0]}", "Bodies and prisoners", "2024-10-18")
    site.add_entry(f"/news/{IDS[1]}", "215 home", "2022-09-22")
    corpus = read_corpus([site.url("/feed.xml")])
    assert [a.url for a in corpus.articles] == [site.url(f"/news/{IDS[1]}"), site.url(f"/news/{IDS[0]}")]
    assert [str(a.published) for a in corpus.articles] == ["2022-09-22", "2024-10-18"]
    assert all(a.to_fetch and a.id == a.url for a in corpus.articles)
    assert site.hits[f"/news/{IDS[0]}"] == 0  # not fetched until its turn


def test_address_lists_pages_feed_files_and_jsonl_addresses(site: Site, tmp_path: Path) -> None:
    (tmp_path / "urls.txt").write_text(f"# today's reports\n{site.url('/news/seed')}\n\n{site.url('/redirect')}\n")
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "a.html").write_bytes(site.pages["/news/seed-cp1251"])
    (folder / "b.txt").write_text("Ukraine brought home 75 people.")
    (tmp_path / "feed.rss").write_bytes(site.feed_xml())
    (tmp_path / "more.jsonl").write_text(
        json.dumps({"id": "x", "url": site.url("/news/seed")}) + "\n" + json.dumps({"id": "y", "text": "text"}) + "\n"
    )
    corpus = read_corpus([tmp_path / "urls.txt", folder, tmp_path / "more.jsonl"])
    kinds = [(a.id, a.to_fetch, a.page) for a in corpus.articles]
    assert kinds == [
        (site.url("/news/seed"), True, True),
        (site.url("/redirect"), True, True),
        ("a", False, True),
        ("b", False, False),
        ("x", True, True),
        ("y", False, False),
    ]
    assert "Обмін" in corpus.articles[2].text  # decoded by the page's own charset
    feed = read_corpus([tmp_path / "feed.rss"]).articles
    assert [a.url for a in feed] == [site.url(path) for path, _, _ in site.feed]


def test_a_run_fetches_each_page_once_and_a_resumed_run_never_again(
    site: Site, answering: Extractor, tmp_path: Path
) -> None:
    links = [ArticleInput.link(site.url(f"/news/{i}")) for i in IDS] + [ArticleInput.link(site.url("/missing"))]
    before = {i: site.hits[f"/news/{i}"] for i in IDS}
    journal = tmp_path / "journal.jsonl"
    first = list(extract_many(links, extractor=answering, journal=journal, progress=False))
    assert all(r.status in (RowStatus.OK, RowStatus.MISMATCH) for r in first[:3])
    assert first[3].status is RowStatus.ERROR
    assert "HTTP 404" in (first[3].error or "")
    assert all(site.hits[f"/news/{i}"] == before[i] + 1 for i in IDS)
    assert all(r.fetched and r.text.startswith("<!DOCTYPE html>") for r in first[:3])
    assert all(r.extraction and "847" not in r.extraction.text for r in first[:3])
    again = list(extract_many(links, extractor=answering, journal=journal, progress=False))
    assert all(site.hits[f"/news/{i}"] == before[i] + 1 for i in IDS)  # nothing fetched again
    assert [r.reused for r in again] == [True] * 4
    assert [r.extraction.facts if r.extraction else None for r in again] == [
        r.extraction.facts if r.extraction else None for r in first
    ]
    assert [r.extraction.text if r.extraction else None for r in again] == [
        r.extraction.text if r.extraction else None for r in first
    ]


def test_a_feed_given_as_a_page_is_a_row_that_says_so(site: Site, answering: Extractor) -> None:
    [row] = extract_many([ArticleInput.link(site.url("/feed.xml"))], extractor=answering, progress=False)
    assert row.status is RowStatus.ERROR
    assert "is a feed, not a page" in (row.error or "")


def test_powx_extract_reads_an_address_and_a_saved_page(site: Site, fake_server: FakeServer, tmp_path: Path) -> None:
    saved = tmp_path / "seed.html"
    saved.write_bytes(site.pages["/news/seed"])
    done = powx("extract", site.url("/news/seed"), str(saved), "--base-url", fake_server.url("ok"), "--format", "jsonl")
    assert done.returncode in (0, 1), done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [line["facts"]["ukraine.people"] for line in lines] == [75, 75]
    assert [line["url"] for line in lines] == ["https://news.example.org/world/seed"] * 2


def test_powx_extract_of_a_bad_address_is_one_line_and_exit_2(site: Site, fake_server: FakeServer) -> None:
    done = powx("extract", site.url("/binary"), "--base-url", fake_server.url("ok"))
    assert done.returncode == 2
    assert "is image/png, not a web page" in done.stderr
    assert "Traceback" not in done.stderr


def test_powx_batch_of_a_feed_resumes_without_fetching_again(
    site: Site, fake_server: FakeServer, tmp_path: Path
) -> None:
    site.feed.clear()
    site.add_entry(f"/news/{IDS[2]}", "Home", "2023-08-07")
    site.add_entry("/missing", "Gone", "2023-08-08")
    out = tmp_path / "run"
    args = ("batch", site.url("/feed.xml"), "--out", str(out), "--base-url", fake_server.url("ok"), "--format", "csv")
    first = powx(*args)
    assert first.returncode in (0, 1, 2), first.stderr
    assert "HTTP 404" in (out / "articles.csv").read_text()
    hits = site.hits[f"/news/{IDS[2]}"]
    second = powx(*args)
    assert second.returncode == first.returncode, second.stderr
    assert site.hits[f"/news/{IDS[2]}"] == hits
