"""Resolve when the exchange happened from the article's date and the weekday it names."""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["exchange_date"]

_WEEKDAYS: tuple[tuple[int, re.Pattern[str]], ...] = tuple(
    (i, re.compile(r"\b(?:" + p + r")\b", re.IGNORECASE))
    for i, p in enumerate(
        (
            r"monday|понеділ\w*|понедельник\w*",
            r"tuesday|вівтор\w*|вторник\w*",
            r"wednesday|серед[ауи]|сред[ауы]",
            r"thursday|четвер\w*|четверг\w*",
            r"friday|п['’ʼ]ятниц\w*|пятниц\w*",
            r"saturday|субот\w*|суббот\w*",
            r"sunday|неділ\w*|воскресень\w*",
        )
    )
)
# Only the opening of an article tells when *this* exchange happened; later weekdays are background.
_OPENING_CHARS = 900


def exchange_date(text: str, *, article_date: dt.date | None) -> dt.date | None:
    """Return the exchange's date: the latest day on or before the article's date with the weekday the
    opening names ("on Wednesday"), else the article's date ("today"); None without an article date."""
    if article_date is None:
        return None
    opening = text[:_OPENING_CHARS]
    hits = [(m.start(), day) for day, rx in _WEEKDAYS for m in rx.finditer(opening)]
    if not hits:
        return article_date
    _, weekday = min(hits)
    back = (article_date.weekday() - weekday) % 7
    return article_date - dt.timedelta(days=back)
