"""RSS and Atom feeds read into their entries (powx_llm.web.read_feed, feedparser)."""

from __future__ import annotations

import datetime as dt

import pytest

from powx_llm import InputError
from powx_llm.web import read_feed

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>World</title><link>https://news.example.org/</link>
<item><title>75 prisoners home</title><link>/world/75-home</link>
<pubDate>Fri, 31 May 2024 23:30:00 +0300</pubDate></item>
<item><title>Again, the same link</title><link>https://news.example.org/world/75-home</link></item>
<item><title>No link at all</title><description>a note</description></item>
<item><title>A mail link</title><link>mailto:desk@example.org</link></item>
<item><title>Talks</title><link>https://news.example.org/world/talks</link></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>World</title><id>urn:x</id><updated>2024-06-01T10:00:00Z</updated>
<entry><title>Obmin</title><id>urn:1</id><link href="https://news.example.org/uk/obmin"/>
<published>2024-05-31T22:15:00+03:00</published><updated>2024-06-01T08:00:00Z</updated></entry>
</feed>"""


def test_rss_entries_in_order_each_link_once_relative_links_resolved() -> None:
    entries = read_feed(RSS, url="https://news.example.org/feed.xml")
    assert [e.url for e in entries] == [
        "https://news.example.org/world/75-home",
        "https://news.example.org/world/talks",
    ]
    assert entries[0].title == "75 prisoners home"
    assert entries[0].published == dt.date(2024, 5, 31)  # the publisher's own day, not UTC's (June 1st, 20:30)
    assert entries[1].published is None


def test_atom_entries_with_their_publication_date() -> None:
    [entry] = read_feed(ATOM)
    assert entry.url == "https://news.example.org/uk/obmin"
    assert entry.published == dt.date(2024, 5, 31)


@pytest.mark.parametrize("data", [b"https://example.org/feed.xml", b"<html><body><p>a page</p></body></html>", b""])
def test_what_is_not_a_feed_is_one_clear_error(data: bytes) -> None:
    with pytest.raises(InputError, match="not an RSS or Atom feed"):
        read_feed(data, url="https://example.org/x")
