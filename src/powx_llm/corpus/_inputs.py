"""Read a corpus: folders, text files, saved web pages, eval-format JSON, JSON Lines, CSV, JSON Lines on stdin,
lists of addresses, feeds (files or addresses) and page addresses."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from powx_llm._errors import InputError
from powx_llm._files import decode_text, read_bytes_file, read_text_file
from powx_llm.corpus._rows import ArticleInput, check_ids
from powx_llm.read import decode_page
from powx_llm.web import Fetcher, is_address, read_feed

__all__ = ["ARTICLE_SUFFIXES", "FEED_SUFFIXES", "PAGE_SUFFIXES", "Corpus", "read_article_file", "read_corpus"]

PAGE_SUFFIXES = (".html", ".htm")  # a saved web page: reduced to its article when read
FEED_SUFFIXES = (".rss", ".atom", ".xml")  # a saved RSS or Atom feed: its entries' pages are fetched
ARTICLE_SUFFIXES = (".txt", ".json", *PAGE_SUFFIXES)

# A CSV cell may hold a whole article: lift the csv module's 128 KiB default.
csv.field_size_limit(16 * 1024 * 1024)


@dataclass(frozen=True)
class Corpus:
    """The articles read from the inputs, and the files in folders that were not read (and why)."""

    articles: list[ArticleInput]
    skipped: list[str] = field(default_factory=list)


def read_corpus(
    paths: Sequence[str | Path], *, stdin: io.BufferedIOBase | None = None, fetcher: Fetcher | None = None
) -> Corpus:
    """Return every article the *paths* hold, in order; raise InputError on an unreadable input or repeated ids.

    - a folder: its ``*.txt`` (id = the file's stem, the text as is), ``*.html``/``*.htm`` (a saved web page)
      and ``*.json`` files (an eval-format article: ``text``, optional ``published`` and ``url``; id = the
      stem), sorted by name; other files are listed in ``skipped``
    - a ``.txt``, ``.html`` or ``.json`` file: likewise; a ``.txt`` file of nothing but http(s) addresses
      (one a line; blank lines and ``#`` comments allowed) is a list of pages, each fetched in its turn
    - a ``.jsonl`` file, or ``-`` (standard input): one object per line with ``id``, ``text`` and
      optional ``published``, ``url`` (a line with a ``url`` and no ``text``: the page is fetched)
    - a ``.csv`` file with a header row naming the same columns
    - a ``.rss``, ``.atom`` or ``.xml`` feed file: each entry's page (id and url: its link; published: the
      entry's date), fetched in its turn
    - an http(s) address: fetched now (with *fetcher*); a feed gives its entries' pages, a page itself
    """
    articles: list[ArticleInput] = []
    skipped: list[str] = []
    for raw in paths:
        if str(raw) == "-":
            data = (stdin or sys.stdin.buffer).read()
            articles.extend(_jsonl(decode_text(data, what="standard input"), where="standard input"))
            continue
        if is_address(str(raw)):
            articles.extend(_address(str(raw).strip(), fetcher))
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.iterdir()):
                if child.is_file() and child.suffix in ARTICLE_SUFFIXES and child.name != "splits.json":
                    articles.append(read_article_file(child))
                elif child.name != "splits.json":
                    skipped.append(f"{child}: not a .txt, .html or .json file")
        elif path.suffix == ".jsonl":
            articles.extend(_jsonl(read_text_file(path), where=str(path)))
        elif path.suffix == ".csv":
            articles.extend(_csv(read_text_file(path), where=str(path)))
        elif path.suffix in FEED_SUFFIXES:
            articles.extend(_entries(read_bytes_file(path), where=str(path), url=None))
        elif path.suffix == ".txt" and path.is_file() and (addresses := _address_list(read_text_file(path))):
            articles.extend(ArticleInput.link(url) for url in addresses)
        elif path.suffix in ARTICLE_SUFFIXES or not path.exists():
            articles.append(read_article_file(path))
        else:
            raise InputError(f"{path}: not a folder, .txt, .html, .json, .jsonl, .csv or feed (.rss, .atom, .xml) file")
    check_ids(articles)
    return Corpus(articles=articles, skipped=skipped)


def read_article_file(path: Path) -> ArticleInput:
    """Return the article of a ``.txt`` file (the text as is), a saved web page (``.html``, ``.htm``: decoded by
    the charset it declares) or an article ``.json`` file (``text``, optional ``published`` and ``url``: the
    eval format too); the id is the file's stem. The one reader of article files."""
    if path.suffix in PAGE_SUFFIXES:
        return ArticleInput(id=path.stem, text=decode_page(read_bytes_file(path)), page=True)
    text = read_text_file(path)
    if path.suffix != ".json":
        return ArticleInput(id=path.stem, text=text)
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise InputError(f"{path} is not valid JSON; an article file has a text field") from exc
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise InputError(f"{path} has no text field (a string); an article file is {{'text': ..., 'published': ...}}")
    return ArticleInput(id=path.stem, text=data["text"], published=_opt(data, "published"), url=_opt(data, "url"))


def _address_list(text: str) -> list[str]:
    """Return the addresses of a file that holds nothing else (one a line), else [] (it is an article)."""
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.strip().startswith("#")]
    return lines if lines and all(is_address(line) for line in lines) else []


def _entries(data: bytes, *, where: str, url: str | None) -> Iterator[ArticleInput]:
    """Yield the page of each entry of a feed, to be fetched in its turn."""
    try:
        entries = read_feed(data, url=url)
    except InputError as exc:
        raise InputError(f"{where}: {exc}") from exc
    for entry in entries:
        yield ArticleInput.link(entry.url, published=entry.published)


def _address(url: str, fetcher: Fetcher | None) -> list[ArticleInput]:
    """Return the inputs at an address given on its own: a feed's entries, or the page itself."""
    if fetcher is None:
        with Fetcher() as own:
            fetched = own.fetch(url)
    else:
        fetched = fetcher.fetch(url)
    if fetched.is_feed:
        return list(_entries(fetched.body, where=url, url=fetched.final_url))
    return [ArticleInput(id=url, text=fetched.text(), url=url, page=fetched.is_page)]


def _jsonl(text: str, *, where: str) -> Iterator[ArticleInput]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except (ValueError, RecursionError) as exc:
            raise InputError(f"{where} line {number} is not valid JSON") from exc
        yield _record(data, where=f"{where} line {number}")


def _csv(text: str, *, where: str) -> Iterator[ArticleInput]:
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or not ({"id", "text"} <= set(reader.fieldnames) or "url" in reader.fieldnames):
        raise InputError(
            f"{where} needs a header row with id and text columns, or a url column (optional: published, url)"
        )
    for number, row in enumerate(reader, start=2):
        yield _record(row, where=f"{where} line {number}")


def _record(data: Any, *, where: str) -> ArticleInput:
    if not isinstance(data, dict):
        raise InputError(f"{where} is not an object with id and text")
    ident, text = data.get("id"), data.get("text")
    url = _opt(data, "url")
    if text in (None, "") and url is not None and is_address(url):  # a page to fetch in its turn
        return ArticleInput.link(url, id=None if ident in (None, "") else str(ident), published=_opt(data, "published"))
    if not isinstance(ident, str | int) or str(ident).strip() == "":
        raise InputError(f"{where} has no id")
    if not isinstance(text, str):
        raise InputError(f"{where} has no text (a string) and no http(s) url to fetch")
    return ArticleInput(id=str(ident), text=text, published=_opt(data, "published"), url=url)


def _opt(data: dict[str, Any], name: str) -> str | None:
    value = data.get(name)
    return str(value) if value not in (None, "") else None
