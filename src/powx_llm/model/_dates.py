"""One tolerant reader of the dates we are handed: journals, tables, pages, feeds and the command line."""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["as_date"]

_ISO_DAY = re.compile(r"\s*(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*")


def as_date(value: object) -> dt.date | None:
    """Return the calendar day *value* names, or None: a date, a datetime (its day), or a string in ISO form,
    "2024-05-31" or a timestamp such as "2024-05-31T09:30:00+03:00" (the day as written, not moved to UTC)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    m = _ISO_DAY.fullmatch(value)
    if m is None:
        return None
    try:
        return dt.date.fromisoformat(m.group(1))
    except ValueError:
        return None
