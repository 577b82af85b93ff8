"""Resolve when the exchange happened from the article's date and the weekday it names."""

from __future__ import annotations

import datetime as dt

from powx_llm import lexicon

__all__ = ["OPENING_CHARS", "exchange_date"]

# Only the opening of an article tells when *this* exchange happened; later weekdays are background.
OPENING_CHARS = 900


def exchange_date(
    text: str, *, article_date: dt.date | None, languages: tuple[str, ...] = lexicon.ALL
) -> dt.date | None:
    """Return the exchange's date: the latest day on or before the article's date with the weekday the
    opening names ("on Wednesday"), else the article's date ("today"); None without an article date."""
    if article_date is None:
        return None
    opening = text[:OPENING_CHARS]
    hits = [
        (m.start(), day)
        for day in range(7)
        for m in lexicon.pattern(f"weekday.{day}", r"\b", r"\b", languages).finditer(opening)
    ]
    if not hits:
        return article_date
    _, weekday = min(hits)
    back = (article_date.weekday() - weekday) % 7
    return article_date - dt.timedelta(days=back)
