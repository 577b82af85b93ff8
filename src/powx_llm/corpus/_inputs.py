"""Read a corpus: folders, text files, eval-format JSON, JSON Lines, CSV, or JSON Lines on stdin."""

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
from powx_llm._files import decode_text, read_text_file
from powx_llm.corpus._rows import ArticleInput, check_ids

__all__ = ["Corpus", "read_article_file", "read_corpus"]

# A CSV cell may hold a whole article: lift the csv module's 128 KiB default.
csv.field_size_limit(16 * 1024 * 1024)


@dataclass(frozen=True)
class Corpus:
    """The articles read from the inputs, and the files in folders that were not read (and why)."""

    articles: list[ArticleInput]
    skipped: list[str] = field(default_factory=list)


def read_corpus(paths: Sequence[str | Path], *, stdin: io.BufferedIOBase | None = None) -> Corpus:
    """Return every article the *paths* hold, in order; raise InputError on an unreadable input or repeated ids.

    - a folder: its ``*.txt`` (id = the file's stem, the text as is) and ``*.json`` files (an eval-format
      article: ``text``, optional ``published`` and ``url``; id = the stem), sorted by name; other files
      are listed in ``skipped``
    - a ``.txt`` or ``.json`` file: likewise
    - a ``.jsonl`` file, or ``-`` (standard input): one object per line with ``id``, ``text`` and
      optional ``published``, ``url``
    - a ``.csv`` file with a header row naming the same columns
    """
    articles: list[ArticleInput] = []
    skipped: list[str] = []
    for raw in paths:
        if str(raw) == "-":
            data = (stdin or sys.stdin.buffer).read()
            articles.extend(_jsonl(decode_text(data, what="standard input"), where="standard input"))
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.iterdir()):
                if child.is_file() and child.suffix in (".txt", ".json") and child.name != "splits.json":
                    articles.append(read_article_file(child))
                elif child.name != "splits.json":
                    skipped.append(f"{child}: not a .txt or .json file")
        elif path.suffix == ".jsonl":
            articles.extend(_jsonl(read_text_file(path), where=str(path)))
        elif path.suffix == ".csv":
            articles.extend(_csv(read_text_file(path), where=str(path)))
        elif path.suffix in (".txt", ".json") or not path.exists():
            articles.append(read_article_file(path))
        else:
            raise InputError(f"{path}: not a folder, .txt, .json, .jsonl or .csv file")
    check_ids(articles)
    return Corpus(articles=articles, skipped=skipped)


def read_article_file(path: Path) -> ArticleInput:
    """Return the article of a ``.txt`` file (the text as is) or an article ``.json`` file (``text``, optional
    ``published`` and ``url``: the eval format too); the id is the file's stem. The one reader of article files."""
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
    if not reader.fieldnames or not {"id", "text"} <= set(reader.fieldnames):
        raise InputError(f"{where} needs a header row with id and text columns (optional: published, url)")
    for number, row in enumerate(reader, start=2):
        yield _record(row, where=f"{where} line {number}")


def _record(data: Any, *, where: str) -> ArticleInput:
    if not isinstance(data, dict):
        raise InputError(f"{where} is not an object with id and text")
    ident, text = data.get("id"), data.get("text")
    if not isinstance(ident, str | int) or str(ident).strip() == "":
        raise InputError(f"{where} has no id")
    if not isinstance(text, str):
        raise InputError(f"{where} has no text (a string)")
    return ArticleInput(id=str(ident), text=text, published=_opt(data, "published"), url=_opt(data, "url"))


def _opt(data: dict[str, Any], name: str) -> str | None:
    value = data.get(name)
    return str(value) if value not in (None, "") else None
