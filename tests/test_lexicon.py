"""The lexicon: every hand-written word list, one file per language (powx_llm.lexicon)."""

from __future__ import annotations

import re

import pytest

from powx_llm import lexicon
from powx_llm.analysis import analyse
from powx_llm.article import read_article
from powx_llm.cues import Role


def test_every_entry_is_a_documented_category_and_compiles() -> None:
    for entry in lexicon.entries():
        assert entry.category in lexicon.CATEGORIES, entry
        re.compile(entry.pattern)
        assert entry.pattern, entry
        assert entry.pattern == entry.pattern.strip(), entry


def test_every_language_has_a_file_with_words() -> None:
    languages = {e.language for e in lexicon.entries()}
    assert set(lexicon.LANGUAGES) <= languages


def test_an_unknown_category_is_an_error() -> None:
    with pytest.raises(KeyError):
        lexicon.words("no.such.category")


def test_without_removes_an_entry_for_the_duration_only() -> None:
    entry = lexicon.Entry("men", "en", r"men\b")
    assert lexicon.pattern("men").match("men")
    with lexicon.without({entry}):
        assert not lexicon.pattern("men").match("men")
        assert r"men\b" not in lexicon.words("men")
    assert lexicon.pattern("men").match("men")


def _roles(text: str) -> dict[int | None, Role]:
    a = analyse(read_article(text))
    return {c.mention.value: c.role for c in a.cues}
