"""Resolve when the exchange happened from the article's date and the day or weekday its opening names."""

from __future__ import annotations

import datetime as dt
import functools
import re

from babel import Locale

from powx_llm import lexicon
from powx_llm.read._numwords import MONTHS_EN, MONTHS_GENITIVE, MONTHS_OTHER

__all__ = ["OPENING_CHARS", "exchange_date", "month_named"]

# Only the opening of an article tells when *this* exchange happened; later weekdays are background.
OPENING_CHARS = 900


# A day of the month the opening names for the handover is that day of this week or the one before.
_DAYS_BACK = 6
# A weekday with its full date the opening names for the handover ("у четвер, 5 лютого") is that date if it is
# at most this many days before the article's date: the handover the report is about, not one of another year.
_DATED_BACK = 45
_WEEKDAY_GAP = 4  # characters between a weekday and the day of the month it dates ("четвер, 5 лютого")


@functools.cache
def _month_numbers() -> dict[str, int]:
    """Return month name (lower case) -> 1..12: CLDR's wide names in every language we read but English
    (babel), and the Ukrainian and Russian forms CLDR lacks. English names are matched apart, capitalised
    ("May" is a month, "may" a verb)."""
    names: dict[str, int] = {}
    for lang in lexicon.LANGUAGES:
        if lang == "en":
            continue
        months = Locale.parse(lang).months
        for context in ("format", "stand-alone"):
            for number, name in months[context]["wide"].items():
                names.setdefault(str(name).lower(), number)
    for table in (MONTHS_GENITIVE, MONTHS_OTHER):
        for i, name in enumerate(table):
            names.setdefault(name.lower(), i % 12 + 1)
    return names


_ENGLISH = {
    **{name: i + 1 for i, name in enumerate(MONTHS_EN[:12])},
    **dict(zip(MONTHS_EN[12:], (1, 2, 3, 4, 6, 7, 8, 9, 9, 10, 11, 12), strict=True)),
}
_WORD = re.compile(r"[^\W\d_]+")


def month_named(words: str) -> int | None:
    """Return the month (1..12) that one of the first two words of *words* names ("лютого", "June", "de
    março"), or None."""
    for word in _WORD.findall(words)[:2]:
        english = word.capitalize() if word.isupper() else word  # "JUNE" as "June", never "may" as "May"
        month = _ENGLISH.get(english) or _month_numbers().get(word.lower())
        if month is not None:
            return month
    return None


def exchange_date(
    text: str,
    *,
    article_date: dt.date | None,
    languages: tuple[str, ...] = lexicon.ALL,
    days: tuple[tuple[int, int], ...] = (),
    dated: tuple[tuple[int, int, int], ...] = (),
) -> dt.date | None:
    """Return the exchange's date: a full date the opening states for the handover with its weekday (*dated*:
    where, the day, the month: "у четвер, 5 лютого … обмін"; the latest when several) at most 45 days before
    the article's date; else the latest day on or before the article's date with the weekday the opening names
    ("on Wednesday"); else the day of the month the opening states for the handover (*days*: where each is
    stated and the day, "On June 25 … exchanged", "14 Aralık'ta … değişimi") when it falls within a week
    before the article's date; else the article's date ("today"). Without an article date, only a full date
    the opening states for the handover with its year ("on 24 August 2025", "14 июня 2025 года")."""
    if article_date is None:
        return _with_its_year(text, dated, languages)
    opening = text[:OPENING_CHARS]
    hits = [
        (m.start(), m.end(), day)
        for day in range(7)
        for m in lexicon.pattern(f"weekday.{day}", r"\b", r"\b", languages).finditer(opening)
    ]
    stated = [
        found
        for start, day, month in dated
        if any(_dates_the_weekday(opening[end:start]) for _, end, _ in hits if end <= start)
        and (found := _on_or_before(article_date, day, month)) is not None
        and (article_date - found).days <= _DATED_BACK
    ]
    if stated:
        return max(stated)
    if not hits:
        for start, day in sorted(days):
            back = next((b for b in range(_DAYS_BACK + 1) if (article_date - dt.timedelta(days=b)).day == day), None)
            if start < OPENING_CHARS and back is not None:
                return article_date - dt.timedelta(days=back)
        return article_date
    _, _, weekday = min(hits)
    back = (article_date.weekday() - weekday) % 7
    return article_date - dt.timedelta(days=back)


_YEAR_AFTER = re.compile(r"\d{1,2}\D{0,20}?(?<!\d)((?:19|20)\d\d)(?!\d)")  # "24 August 2025", "14, 2025"


def _with_its_year(text: str, dated: tuple[tuple[int, int, int], ...], languages: tuple[str, ...]) -> dt.date | None:
    """Return the first handover date in the opening whose year follows its day and month, if any; not one of
    another event ("after the October 7, 2023, attack")."""
    another = lexicon.pattern("another_event_date", r"(?<!\w)(", r")((?:\W+[^\W\d_]+){0,2})\W+$", languages)
    for start, day, month in sorted(dated):
        year = _YEAR_AFTER.match(text, start)
        hit = another.search(text[max(0, start - 40) : start])
        if hit is not None and (len(hit.group(1)) > 3 or not hit.group(2)):
            continue  # a short preposition only right before the date ("з 24 серпня", not "з Росією 24 серпня")
        if start < OPENING_CHARS and year is not None:
            try:
                return dt.date(int(year.group(1)), month, day)
            except ValueError:
                return None
    return None


def _dates_the_weekday(gap: str) -> bool:
    """Return whether *gap*, the words between a weekday and a day of the month, join them into one date:
    "четвер, 5 лютого", "Tuesday, June 25" (a month name between)."""
    return len(gap) <= _WEEKDAY_GAP or (_WEEKDAY_MONTH.fullmatch(gap) is not None and month_named(gap) is not None)


_WEEKDAY_MONTH = re.compile(r"\W*[^\W\d_]+\.?\W*")


def _on_or_before(article_date: dt.date, day: int, month: int) -> dt.date | None:
    """Return the last date with *day* and *month* on or before *article_date*, or None when there is none."""
    for year in (article_date.year, article_date.year - 1):
        try:
            found = dt.date(year, month, day)
        except ValueError:
            continue
        if found <= article_date:
            return found
    return None
