"""Fetching within bounds (powx_llm.web.Fetcher) against a local site: redirects checked hop by hop, time and
size limits, content types, HTTP errors as one line, no cookie or credential sent, a per-host limit."""

from __future__ import annotations

import threading

import pytest

from powx_llm import FetchFailed
from powx_llm.web import USER_AGENT, Fetcher, Limits, is_address
from tests.web.conftest import Site


def test_a_page_is_fetched_with_its_type_and_charset(site: Site) -> None:
    with Fetcher() as fetcher:
        page = fetcher.fetch(site.url("/news/seed"))
    assert page.is_page
    assert not page.is_feed
    assert page.content_type == "text/html"
    assert page.charset == "utf-8"
    assert page.body == site.pages["/news/seed"]
    assert page.final_url == page.url == site.url("/news/seed")
    assert site.headers[-1]["user-agent"] == USER_AGENT


def test_a_redirect_is_followed_and_the_final_address_kept(site: Site) -> None:
    with Fetcher() as fetcher:
        page = fetcher.fetch(site.url("/redirect"))
    assert page.final_url == site.url("/news/seed")
    assert page.url == site.url("/redirect")


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/loop/a", "redirects in a loop"),
        ("/chain/0", "more than 5 redirects"),
        ("/to-ftp", "not an http(s) address"),
        ("/binary", "is image/png, not a web page"),
        ("/missing", "HTTP 404 Not Found"),
        ("/500", "HTTP 500"),
        ("/huge-declared", "larger than 5 MiB"),
    ],
)
def test_what_cannot_be_fetched_is_one_line_naming_the_address(site: Site, path: str, reason: str) -> None:
    with Fetcher() as fetcher, pytest.raises(FetchFailed) as caught:
        fetcher.fetch(site.url(path))
    message = str(caught.value)
    assert reason in message
    assert site.url(path) in message
    assert "\n" not in message


def test_a_page_without_a_declared_size_is_cut_at_the_limit(site: Site) -> None:
    limits = Limits(max_bytes=1024 * 1024)
    with Fetcher(limits=limits) as fetcher, pytest.raises(FetchFailed, match="larger than 1 MiB"):
        fetcher.fetch(site.url("/huge"))


def test_a_server_that_does_not_answer_is_given_up(site: Site) -> None:
    with Fetcher(limits=Limits(timeout=1)) as fetcher, pytest.raises(FetchFailed, match="no answer within 1 s"):
        fetcher.fetch(site.url("/slow"))


def test_a_page_that_drips_is_given_up_at_the_deadline(site: Site) -> None:
    with Fetcher(limits=Limits(timeout=1)) as fetcher, pytest.raises(FetchFailed, match="longer than 1 s"):
        fetcher.fetch(site.url("/drip"))


@pytest.mark.parametrize("address", ["file:///etc/passwd", "ftp://example.org/a", "javascript:alert(1)", "news.html"])
def test_only_http_addresses_are_fetched(address: str) -> None:
    assert not is_address(address)
    with Fetcher() as fetcher, pytest.raises(FetchFailed, match="not an http or https address"):
        fetcher.fetch(address)


def test_no_cookie_and_no_key_is_ever_sent(site: Site, monkeypatch: pytest.MonkeyPatch, tmp_path: object) -> None:
    """The site sets a cookie on every page; the next request carries none. An API key in the environment and
    credentials in ~/.netrc stay where they are."""
    monkeypatch.setenv("OPENAI_API_KEY", "sk-secret-never-sent")
    netrc = tmp_path / "netrc"  # type: ignore[operator]
    netrc.write_text("machine 127.0.0.1 login user password hunter2\n")
    monkeypatch.setenv("NETRC", str(netrc))
    with Fetcher() as fetcher:
        fetcher.fetch(site.url("/news/seed"))
        fetcher.fetch(site.url("/news/seed"))
    for headers in site.headers[-2:]:
        assert "cookie" not in headers
        assert "authorization" not in headers
        assert "sk-secret" not in str(headers)


def test_one_host_gets_at_most_the_limit_of_requests_at_once(site: Site) -> None:
    site.most_in_flight = 0
    with Fetcher(limits=Limits(per_host=1)) as fetcher:
        threads = [threading.Thread(target=fetcher.fetch, args=(site.url("/wait"),)) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=30)
    assert site.most_in_flight == 1
