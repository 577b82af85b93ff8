"""Tie numbers to the words that state them: locate quotes in the text and verify what they state."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from powx_llm import lexicon
from powx_llm.model import Count, Evidence, Fraction
from powx_llm.read import Mention, find_mentions, states_fraction, states_value

__all__ = ["Grounding", "GroundingStatus", "ground", "locate", "normalise"]

_APOSTROPHES = "'’ʼ‘`´ʹ"
_QUOTES = '"“”„«»‟″'
_DASHES = "‐‑‒–—―−"


def _norm_char(c: str) -> str:
    if c.isspace():
        return " "
    if c in _APOSTROPHES:
        return "'"
    if c in _QUOTES:
        return '"'
    if c in _DASHES:
        return "-"
    low = c.lower()
    return low if len(low) == 1 else c


def normalise(s: str) -> str:
    """Return *s* with whitespace runs, quotes, apostrophes, dashes and case made uniform."""
    return _normalise_with_map(s)[0]


@lru_cache(maxsize=64)
def _normalise_with_map(s: str) -> tuple[str, tuple[int, ...]]:
    out: list[str] = []
    index: list[int] = []
    for i, c in enumerate(s):
        n = _norm_char(c)
        if n == " " and out and out[-1] == " ":
            continue
        out.append(n)
        index.append(i)
    index.append(len(s))
    return "".join(out), tuple(index)


def locate(text: str, quote: str, *, near: int | None = None) -> tuple[int, int] | None:
    """Return the (start, end) of *quote* in *text*, normalised; the occurrence nearest *near* if many."""
    q = normalise(quote).strip()
    if not q:
        return None
    norm, index = _normalise_with_map(text)
    hits: list[int] = []
    at = norm.find(q)
    while at != -1:
        hits.append(at)
        at = norm.find(q, at + 1)
    if not hits:
        return None
    best = hits[0] if near is None else min(hits, key=lambda h: abs(index[h] - near))
    start, end = index[best], index[best + len(q) - 1] + 1
    return start, end


class GroundingStatus(StrEnum):
    GROUNDED = "grounded"
    UNGROUNDED = "ungrounded"
    DERIVED = "derived"


@dataclass(frozen=True, slots=True)
class Grounding:
    """Whether a number is stated by the text, and the span that states it (None if not found)."""

    status: GroundingStatus
    span: Evidence | None
    reason: str


def _states(quote: str, value: Count | Fraction, languages: tuple[str, ...]) -> bool:
    if isinstance(value, Fraction):
        return states_fraction(quote, value.fraction)
    if value.value == 0 and lexicon.pattern("not_one", r"(?<!\w)(?:", r")(?!\w)", languages).search(quote):
        return True  # "not a single (body)", "жодного": the words state none
    return states_value(quote, value.value, languages=languages)


@lru_cache(maxsize=16)
def _mentions_of(text: str, languages: tuple[str, ...]) -> tuple[Mention, ...]:
    return find_mentions(text, languages=languages)


def _anywhere(text: str, value: Count | Fraction, languages: tuple[str, ...]) -> Mention | None:
    for m in _mentions_of(text, languages):
        if isinstance(value, Fraction):
            if m.fraction == value.fraction:
                return m
        elif m.value == value.value:
            return m
    return None


def ground(text: str, value: Count | Fraction, *, languages: tuple[str, ...] = lexicon.ALL) -> Grounding:
    """Return whether *text* states *value*: its evidence quote if it has one, else anywhere (number words
    read in *languages*: ``lexicon.for_language``)."""
    if isinstance(value, Count) and value.derived:
        return Grounding(GroundingStatus.DERIVED, value.evidence, "implied by words, not printed as a number")
    shown = value.fraction if isinstance(value, Fraction) else str(value.value)
    ev = value.evidence
    if ev is not None:
        span = (ev.start, ev.end) if normalise(text[ev.start : ev.end]) == normalise(ev.quote) else None
        span = span or locate(text, ev.quote, near=ev.start)
        if span is None:
            return Grounding(GroundingStatus.UNGROUNDED, None, f"quote {ev.quote!r} is not in the text")
        found = Evidence(quote=text[span[0] : span[1]], start=span[0], end=span[1])
        if not _states(found.quote, value, languages):
            return Grounding(GroundingStatus.UNGROUNDED, found, f"quote {ev.quote!r} does not state {shown}")
        return Grounding(GroundingStatus.GROUNDED, found, f"{ev.quote!r} states {shown}")
    m = _anywhere(text, value, languages)
    if m is None:
        return Grounding(GroundingStatus.UNGROUNDED, None, f"the text does not state {shown}")
    return Grounding(
        GroundingStatus.GROUNDED,
        Evidence(quote=m.quote, start=m.start, end=m.end),
        f"the text states {shown} ({m.quote!r})",
    )
