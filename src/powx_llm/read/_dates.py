"""Resolve when the exchange happened from the article's date and the day or weekday its opening names."""

from __future__ import annotations

import datetime as dt

from powx_llm import lexicon

__all__ = ["OPENING_CHARS", "exchange_date"]

# Only the opening of an article tells when *this* exchange happened; later weekdays are background.
OPENING_CHARS = 900


# A day of the month the opening names for the handover is that day of this week or the one before.
_DAYS_BACK = 6


def exchange_date(
    text: str,
    *,
    article_date: dt.date | None,
    languages: tuple[str, ...] = lexicon.ALL,
    days: tuple[tuple[int, int], ...] = (),
) -> dt.date | None:
    """Return the exchange's date: the latest day on or before the article's date with the weekday the opening
    names ("on Wednesday"); else the day of the month the opening states for the handover (*days*: where each
    is stated and the day, "On June 25 … exchanged", "14 Aralık'ta … değişimi") when it falls within a week
    before the article's date; else the article's date ("today"). None without an article date."""
    if article_date is None:
        return None
    opening = text[:OPENING_CHARS]
    hits = [
        (m.start(), day)
        for day in range(7)
        for m in lexicon.pattern(f"weekday.{day}", r"\b", r"\b", languages).finditer(opening)
    ]
    if not hits:
        for start, day in sorted(days):
            back = next((b for b in range(_DAYS_BACK + 1) if (article_date - dt.timedelta(days=b)).day == day), None)
            if start < OPENING_CHARS and back is not None:
                return article_date - dt.timedelta(days=back)
        return article_date
    _, weekday = min(hits)
    back = (article_date.weekday() - weekday) % 7
    return article_date - dt.timedelta(days=back)
