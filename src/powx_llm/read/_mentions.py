"""Find every number a text states (English, Ukrainian, Russian): its span, value, kind and qualifier.

Pure and fast: no I/O, every pattern compiled at import. ``text[m.start:m.end] == m.quote`` always holds.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction
from itertools import pairwise

from babel import Locale
from text_to_num import text2num

from powx_llm import lexicon
from powx_llm.model import Qualifier
from powx_llm.read._numwords import (
    AGE_WORDS,
    APOSTROPHES,
    DENOMINATORS,
    DURATION_PREPOSITIONS,
    HANDING_VERBS,
    MONTHS_EN,
    MONTHS_GENITIVE,
    MONTHS_OTHER,
    WORDS,
    Cls,
    Phrase,
    normalise_word,
)

__all__ = ["Mention", "MentionKind", "find_mentions", "parse_number", "states_fraction", "states_value"]


class MentionKind(StrEnum):
    """What a stated number is: a count of people or bodies, or a year, date, age, ordinal, ..."""

    COUNT = "count"
    FRACTION = "fraction"
    ORDINAL = "ordinal"
    YEAR = "year"
    DATE = "date"
    TIME = "time"
    AGE = "age"
    MONEY = "money"
    MEASURE = "measure"  # trucks, tonnes, kilometres: things and distances, not people
    DURATION = "duration"
    FORMAT = "format"


@dataclass(frozen=True, slots=True)
class Mention:
    """One number stated in a text, with the qualifier words right before it."""

    start: int
    end: int
    quote: str
    value: int | None
    fraction: str | None
    kind: MentionKind
    qualifier: Qualifier = Qualifier.EXACT
    qualifier_start: int | None = None


_K = MentionKind
_S = r"[ \t\u00a0\u202f\u2009]"  # horizontal space, including the no-break ones news sites use
_L = r"(?![^\W\d_])"  # not followed by a letter
_I = re.IGNORECASE


def _alt(words: Collection[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", _S + "+") for w in sorted(words, key=len, reverse=True))


_NUM = (  # thousands grouped by commas, dots or spaces (one kind per number), else plain or decimal
    rf"(?:[1-9]\d{{0,2}}(?:,\d{{3}})+|[1-9]\d{{0,2}}(?:\.\d{{3}})+|[1-9]\d{{0,2}}(?:{_S}\d{{3}})+"
    r"|\d+(?:[.,]\d+)?)(?!\d)"
)
_SCAN = re.compile(  # the leading look-ahead skips every other position fast: 15x quicker on prose
    r"(?=[\d$€£₴₽½⅓⅔¼¾⅕⅛])(?:"
    r"(?P<iso>(?<![\d-])(?:19|20)\d\d-[01]\d-[0-3]\d(?!\d))"
    r"|(?P<ym>(?<![\d-])(?:19|20)\d\d-[01]\d(?![\d-]))"
    r"|(?P<dmy>(?<![\d.,/-])[0-3]?\d(?:(?P<sep>[./])[01]?\d(?P=sep)(?:19|20)?\d\d|-[01]?\d-(?:19|20)\d\d)(?![\d.]\d))"
    r"|(?P<clock>(?<![\d:.,])(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?![\d:]))"
    r"|(?P<ratio>(?<![\d/.,])\d{1,3}/\d{1,3}(?![\d/]))"
    r"|(?P<vulgar>[½⅓⅔¼¾⅕⅛])"
    rf"|(?P<cur>[$€£₴₽]){_S}?(?P<cnum>{_NUM})"
    rf"|(?:(?<!\w)|(?<=(?<!\w)[وبل]))(?<!\d[.,])(?P<num>{_NUM}))"  # Arabic "و150": "and" glued before
)
_GROUPED = re.compile(rf"[1-9]\d{{0,2}}(?:(?:,|\.|{_S})\d{{3}})+")
_NON_DIGIT = re.compile(r"\D")
_VULGAR = {"½": "1/2", "⅓": "1/3", "⅔": "2/3", "¼": "1/4", "¾": "3/4", "⅕": "1/5", "⅛": "1/8"}


@functools.cache
def _currency_after(languages: tuple[str, ...]) -> re.Pattern[str]:
    """ "300 dollars", "2 mln гривень", "500 dólares": money."""
    return re.compile(rf"{_S}*(?:{_alt(lexicon.table('currency', languages))}){_L}", _I)


@functools.cache
def _range_gap(languages: tuple[str, ...]) -> re.Pattern[str]:
    """ "21-59", "from 21 to 59", "âgés de 14 à 17 ans", "от 21 до 59": what joins the two ends of a range."""
    return re.compile(rf"{_S}*(?:[-‐‑–—]|{_alt(lexicon.table('range_join', languages))}){_S}*", _I)


@functools.cache
def _age_after(languages: tuple[str, ...]) -> re.Pattern[str]:
    """ "57-latek", "67-jährige", "57 éves", "57 yaşındaki": a person's age in words glued to the number."""
    return lexicon.pattern("age_after", r"(?:", r")(?!\w)", languages)


_NAME_COMMA = re.compile(r"(?<![\w'’.-])([^\W\d_][\w'’.-]*),\s*\Z")
_COMMA_AFTER = re.compile(r"\s*,")


@functools.cache
def _units(languages: tuple[str, ...]) -> re.Pattern[str]:
    """The words of the forces' branches: "the Armed Forces, 63," is a count of them, not an age."""
    names = [c for c in lexicon.CATEGORIES if c.startswith("unit.")]
    return re.compile("|".join(lexicon.pattern(c, "", "", languages).pattern for c in names), re.IGNORECASE)


def _appositive_age(text: str, s: int, e: int, languages: tuple[str, ...]) -> bool:
    """ "Andrei Kuzmich, 41, had served": a number between commas right after a name is the person's age (not
    after a branch of the forces: "the Armed Forces, 63, the National Guard, 17")."""
    name = _NAME_COMMA.search(text, max(0, s - 40), s)
    if name is None or not name.group(1)[0].isupper() or _COMMA_AFTER.match(text, e) is None:
        return False
    return not _units(languages).search(text, max(0, s - 40), s)


@functools.cache
def _measure_after(languages: tuple[str, ...]) -> re.Pattern[str]:
    """ "137 camions", "200 trucks", "50 тонн", "100 kilometers", "12 yellow cards": things and distances, not
    people (one word, a colour or a kind, may come between)."""
    return re.compile(rf"{_S}*(?:[^\W\d_]+{_S}+)?(?:{_alt(lexicon.table('measure', languages))}){_L}", _I)


@functools.cache
def _percent_after(languages: tuple[str, ...]) -> re.Pattern[str]:
    """ "20 %", "20 percent", "20 por ciento": a fraction."""
    return lexicon.pattern("percent", rf"{_S}?%|{_S}(?:", rf"){_L}", languages)


@functools.cache
def _duration_after(languages: tuple[str, ...]) -> re.Pattern[str]:
    """ "20 days", "3 lata", "15 años": a stretch of time."""
    return re.compile(rf"(?:{_S}+|[-‐‑–])(?:{_alt(lexicon.table('duration_unit', languages))}){_L}", _I)


_DOT_ORDINALS = frozenset({"de", "tr", "hu", "pl"})  # languages that write an ordinal as a number and a dot


@functools.cache
def _dot_ordinal(languages: tuple[str, ...]) -> re.Pattern[str]:
    """ "52. takas", "den 64. Gefangenenaustausch", "az 50. fogolycsere": a number with a dot right before the
    exchange word numbers the exchange (Turkish, German, Hungarian, Polish ordinals)."""
    return lexicon.pattern("exchange_word", rf"\.{_S}+[^\W\d_]*?", "", languages)


_ROMANCE_ORD = re.compile(r"(?:º|ª|\.º|\.ª|e|er|re|ème|eme)(?![^\W\d_])")  # "52º", "52ª", "52e", "1er", "3ème"
_EN_ORD = re.compile(rf"(?:st|nd|rd|th){_L}", _I)
_CYR_ORD = re.compile(
    rf"[-‐‑–](?:й|го|ий|ій|ого|ому|ої|ою|ом|ім|им|му|ми|ї|я|е|є|ю|а|у|та|ту|ті|тя|ша|ше|шу|ший|х){_L}", _I
)
_AGE_HYPHEN = re.compile(r"[-‐‑–](?:(?:year|yr)s?[-‐‑– ]old|річн|летн)", _I)
_LETTER = re.compile(r"[^\W\d_]")
_CODE_BEFORE = re.compile(  # "F-16", "Су-34", but not "Mid-2022"
    r"(?<!\w)(?!(?i:mid|pre|post|early|late)-)(?:[^\W\d_]*[A-ZА-ЯІЇЄҐ][^\W\d_]*|[^\W\d_])[-‐‑]\Z"
)
_MONTH_EN = _alt(MONTHS_EN)
_MONTHS_EN = frozenset(MONTHS_EN)
# Languages whose month names CLDR gives us (babel): the formats ("5 лютого", "24 marca") and the
# stand-alone forms ("березень"); English stays case-sensitive apart ("may" is a verb, "May" a month).
_MONTH_LANGUAGES = tuple(lang for lang in lexicon.LANGUAGES if lang != "en")


@functools.cache
def _months() -> frozenset[str]:
    """Return the lower-case month names of every language but English (CLDR wide forms, hand-written
    locatives of Ukrainian and Russian)."""
    names = {m.lower() for m in MONTHS_GENITIVE + MONTHS_OTHER}
    for lang in _MONTH_LANGUAGES:
        months = Locale.parse(lang).months
        for context in ("format", "stand-alone"):
            names |= {str(name).lower() for name in months[context]["wide"].values()}
    return frozenset(names)


@functools.cache
def _weekday_before(languages: tuple[str, ...]) -> re.Pattern[str]:
    """ "nesta terça-feira (28)", "el martes (28)": a weekday (the lexicon's, as the exchange date reads
    them), then the day of the month in brackets."""
    days = "|".join(lexicon.pattern(f"weekday.{day}", languages=languages).pattern for day in range(7))
    return re.compile(rf"(?<!\w)(?:{days}),?{_S}*\({_S}*\Z", _I)


@functools.cache
def _day_after() -> re.Pattern[str]:
    """ "5 May", "5th of May", "5 лютого", "24. März", "3 de diciembre", "14 Ağustos'ta": a day, then its month."""
    return re.compile(
        rf"\.?(?:{_S}+(?:of|de|del))?{_S}+(?:{_MONTH_EN})(?![a-z])|(?:-?го)?\.?(?:{_S}+(?:de|del))?{_S}+"
        rf"(?i:{_alt(_months())}){_L}"
    )


@functools.cache
def _year_month_before() -> re.Pattern[str]:
    """ "May 2022", "May 5, 2022", "лютого 2024", "de março de 2022": a year after its month."""
    return re.compile(
        rf"(?=[^\W\d_])(?<!\w)(?:{_MONTH_EN}|(?i:{_alt(_months())}))\.?,?(?:{_S}+(?:de|del))?{_S}+"
        rf"(?:[0-3]?\d(?:st|nd|rd|th)?,?{_S}+)?\Z"
    )


_YEAR_RANGE_AFTER = re.compile(rf"{_S}*[-–—/]{_S}*(?:19|20)\d\d(?!\d)")
_YEAR_RANGE_BEFORE = re.compile(rf"(?=[12])(?<!\d)(?:19|20)\d\d{_S}*[-–—/]{_S}*\Z")
_TIME_AFTER = re.compile(rf"{_S}*(?:a\.m\.|p\.m\.|a\.m|p\.m|am|pm|o['’]clock|годині){_L}", _I)
_AGE_AFTER = re.compile(rf"{_S}*[-‐‑–]?{_S}*(?:years?|yrs?){_S}*[-‐‑–]?{_S}*old{_L}|{_S}+years?{_S}+of{_S}+age{_L}", _I)
_UKRU_YEARS_AFTER = re.compile(rf"{_S}+(?:років|роки|рік|лет|года|год){_L}", _I)
_AGO_AFTER = re.compile(
    rf"{_S}+(?:тому|назад|поспіль|подряд|ув.язнення|позбавлення|заключения|лишения|колонії|колонии|війни|войны)",
    _I,
)
_WORD = re.compile(rf"[^\W\d_]+(?:[{APOSTROPHES}][^\W\d_]+)*")
_GAP = re.compile(rf"(?P<ws>{_S}+)|(?P<hy>{_S}?[-‐‑]{_S}?)|(?P<and>{_S}+and{_S}+)", _I)
_ANOTHER_AFTER = re.compile(rf"{_S}+another{_L}", _I)


def _qualifiers(languages: tuple[str, ...]) -> dict[str, Qualifier]:
    """Return qualifier phrase -> qualifier in *languages* ("at least", "понад", "ponad", "más de")."""
    return _qualifier_table(tuple(lexicon.table(f"qualifier.{q.value}", languages) for q in _QUALIFIED))


_QUALIFIED = (Qualifier.AT_LEAST, Qualifier.MORE_THAN, Qualifier.APPROXIMATELY, Qualifier.AT_MOST)


@functools.cache
def _qualifier_table(tables: tuple[frozenset[str], ...]) -> dict[str, Qualifier]:
    return {normalise_word(p): q for q, phrases in zip(_QUALIFIED, tables, strict=True) for p in phrases}


_RANGE_FROM_BEFORE = re.compile(r"(?<!\w)(?:від|от|з|с|from)\s+\S+\s+\Z", _I)
_FORMAT_GAP = re.compile(rf"{_S}*[-‐‑–]?{_S}*(?:for|на){_S}*[-‐‑–]?{_S}*", _I)
_FRACTION_STR = re.compile(r"\s*(\d{1,9})\s*/\s*(\d{1,9})\s*")
_NO_QUALIFIER = frozenset({_K.DATE, _K.YEAR, _K.TIME, _K.ORDINAL, _K.FORMAT})
_MAX_DIGITS = 30  # longer digit runs are ids or noise, and int() of thousands of digits is slow
_LEXICON = frozenset(WORDS) | frozenset(DENOMINATORS)
_DASHES = ("-", "–", "—")
_TOKEN = re.compile(rf"[\w{APOSTROPHES}.\-–—]+")  # a word as _Text.tail reads it: "Feb.", "где-то", "–"


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    value: int | None
    fraction: str | None = None
    kind: MentionKind | None = None  # None: decided later from the words around it
    needs_qualifier: bool = False
    shape: str = ""  # "year" for bare 1900-2099, "day" for bare 1-31: may be a year or a date
    qualifier: Qualifier = Qualifier.EXACT
    qualifier_start: int | None = None
    qualifier_word: str = ""


class _Text:
    """A text, the span of each of its words and its number words, found in one pass over it."""

    __slots__ = ("_ends", "_starts", "hits", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        low = text.lower()
        if len(low) != len(text):  # a few letters lower-case to two characters: keep spans true
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        spans = [m.span() for m in _TOKEN.finditer(low)]
        words = _TOKEN.findall(low)  # the same tokens: one list built in C is faster than m.group() each
        self._starts = [a for a, _ in spans]
        self._ends = [b for _, b in spans]
        self.hits: list[tuple[int, int, str]] = []  # (start, end, lexicon key) of each number word
        for i in [i for i, w in enumerate(words) if w in _LEXICON or not w.isalpha() or "ё" in w]:
            if words[i] in _LEXICON:
                self.hits.append((*spans[i], words[i]))
                continue
            for sub in _WORD.finditer(low, *spans[i]):  # "thirty-one", "п'ять.", "трёх": word by word
                if (key := sub.group().replace("ё", "е")) in _LEXICON:
                    self.hits.append((*sub.span(), key))

    def tail(self, end: int, n: int) -> list[tuple[int, str]]:
        """Return up to *n* (start, word) that only whitespace separates from *end*, nearest first."""
        out: list[tuple[int, str]] = []
        i = bisect_right(self._ends, end) - 1
        while i >= 0 and len(out) < n and self.text[self._ends[i] : end].isspace():
            end = self._starts[i]
            out.append((end, self.text[end : self._ends[i]]))
            i -= 1
        return out


def _digits_value(s: str) -> int | Fraction | None:
    if len(s) > _MAX_DIGITS:
        return None
    try:
        if s.isdigit():
            return int(s)
        if _GROUPED.fullmatch(s):
            return int(_NON_DIGIT.sub("", s))
        return Fraction(s.replace(",", "."))
    except ValueError:  # digits of other scripts that \d accepts but Fraction does not
        return None


def _whole(v: int | Fraction) -> int | None:
    return v if isinstance(v, int) else int(v) if v.denominator == 1 else None


def _frac(n: int | Fraction, d: int = 1) -> str:
    f = Fraction(n, d)
    return f"{f.numerator}/{f.denominator}"


_FIGURE_SCALES = (1000, 10**6, 10**9)


@functools.cache
def _scale_after() -> re.Pattern[str]:
    """ "3 mil", "5,5 tys.", "2 млрд": the word for thousands, millions or billions right after a figure, in any
    of the languages (a short text's language may be misread; a figure is followed by no other such word)."""
    groups = "|".join(f"(?P<x{scale}>" + "|".join(lexicon.words(f"scale.{scale}")) + ")" for scale in _FIGURE_SCALES)
    return re.compile(rf"{_S}?(?:{groups}){_L}", _I)


def _scale(sc: re.Match[str]) -> tuple[int, int]:
    """Return (the scale, where its word ends) of a ``_scale_after`` match."""
    scale = next(s for s in _FIGURE_SCALES if sc[f"x{s}"] is not None)
    return scale, sc.end(f"x{scale}")


def _words(tail: list[tuple[int, str]]) -> list[str]:
    return [w.lower() for _, w in tail]


def _month_before(tail: list[tuple[int, str]]) -> bool:
    words = [w.rstrip(".") for _, w in tail[:2]]  # case kept: "may" is a verb, "May" a month
    if words[:1] == ["the"]:  # "May the 5th"
        words = words[1:]
    return bool(words) and (words[0] in _MONTHS_EN or words[0].lower() in _months())


def _digit_cand(t: _Text, m: re.Match[str], languages: tuple[str, ...]) -> _Cand | None:
    """Return the candidate of one digit match, its kind fixed when its own shape or suffix tells."""
    text, (s, e) = t.text, m.span()
    if m["iso"]:
        return _Cand(s, e, int(text[e - 2 : e]), kind=_K.DATE)
    if m["ym"]:
        return _Cand(s, e, None, kind=_K.DATE)  # "2022-04": a month (a partial date line)
    if m["dmy"]:
        return _Cand(s, e, int(re.split(r"[./-]", m["dmy"])[0]), kind=_K.DATE)  # 04.07.2021, 04-07-2021
    if m["clock"]:
        return _Cand(s, e, None, kind=_K.TIME)
    if m["ratio"]:
        num, den = (int(x) for x in m["ratio"].split("/"))
        return _Cand(s, e, None, _frac(num, den), _K.FRACTION) if 0 < num < den else None
    if m["vulgar"]:
        return _Cand(s, e, None, _VULGAR[m["vulgar"]], _K.FRACTION)
    raw = m["cnum"] or m["num"]
    v = _digits_value(raw)
    if v is None:
        return None
    if sc := _scale_after().match(text, e):
        scale, end = _scale(sc)
        v = v * scale
        money = m["cur"] or scale >= 10**9 or _currency_after(languages).match(text, end)
        return _Cand(s, end, _whole(v), kind=_K.MONEY if money else _K.COUNT)
    if m["cur"] or _currency_after(languages).match(text, e):
        return _Cand(s, e, _whole(v), kind=_K.MONEY)
    if pc := _percent_after(languages).match(text, e):
        return _Cand(s, pc.end(), None, _frac(v, 100), _K.FRACTION)
    if not isinstance(v, int):
        return None  # a decimal like 5.63 with no unit states no count
    if _CODE_BEFORE.search(text, max(0, s - 12), s):
        return None  # "F-16", "COVID-19", "Су-34": part of a name
    if (o := _EN_ORD.match(text, e)) or (o := _CYR_ORD.match(text, e)):
        dated = v <= 31 and (_day_after().match(text, o.end()) or _month_before(t.tail(s, 2)))
        year = raw.isdigit() and 1900 <= v <= 2099 and o[0][0] in "-‐‑–"  # "у 2022-му"
        return _Cand(s, o.end(), v, kind=_K.DATE if dated else _K.YEAR if year else _K.ORDINAL)
    if raw.isdigit() and v < 1000 and _DOT_ORDINALS & set(languages) and (o := _dot_ordinal(languages).match(text, e)):
        after = text[e + 1 : o.end()].lstrip()
        if after[:1].islower() or languages[0] == "de":  # a capital starts a sentence, but German nouns have one
            return _Cand(s, e + 1, v, kind=_K.ORDINAL)
    if raw.isdigit() and v < 1000 and (o := _ROMANCE_ORD.match(text, e)):
        return _Cand(s, o.end(), v, kind=_K.ORDINAL)
    if _AGE_HYPHEN.match(text, e):
        return _Cand(s, e, v, kind=_K.AGE)
    if _LETTER.match(text, e):
        return None  # glued to letters ("5km", "F16"): a code, not a stated number
    shape = "" if not raw.isdigit() else "year" if 1900 <= v <= 2099 else "day" if 1 <= v <= 31 else ""
    return _Cand(s, e, v, shape=shape)


def _phrase_cand(t: _Text, g: Phrase) -> _Cand:
    first = g.words[0]
    start, alone = g.start, len(g.words) == 1
    tail = t.tail(start, 1)
    if first.cls in (Cls.MULT, Cls.SCALE) and _words(tail) in (["a"], ["an"]):
        start, alone = tail[0][0], False  # "a hundred", "a dozen"
    kind = _K.ORDINAL if g.words[-1].ordinal else _K.MONEY if g.value >= 10**9 else None
    return _Cand(start, g.end, g.value, kind=kind, needs_qualifier=alone and not first.lone)


def _word_cands(t: _Text, *, english: bool) -> list[_Cand]:
    """Return the English, Ukrainian and Russian number words (``_numwords``); the English ones only in an article
    that may be English ("w ten sposób" is Polish for "in this way", not 10)."""
    text, out = t.text, list[_Cand]()
    group: Phrase | None = None
    for s, e, key in t.hits:
        if not english and key.isascii():
            continue
        den, word = DENOMINATORS.get(key), WORDS.get(key)
        gap = _GAP.fullmatch(text, group.end, s) if group is not None else None
        if den is not None:
            tail = t.tail(s, 1)
            a = tail[0][0] if _words(tail) in (["a"], ["an"]) else None
            n = group.numerator() if group is not None and gap and gap.lastgroup != "and" else None
            if group is not None and n is not None:
                out.append(_Cand(group.start, e, None, _frac(n, den.denominator), _K.FRACTION))
                group, word = None, None
            elif a is not None or not den.needs_numerator:
                out += [_phrase_cand(t, group)] if group is not None else []
                out.append(_Cand(s if a is None else a, e, None, _frac(1, den.denominator), _K.FRACTION))
                group, word = None, None
        if word is None:
            continue  # a fraction word taken above, or "thirds" with no count before it
        if key == "one" and (_words(t.tail(s, 1)) == ["no"] or _ANOTHER_AFTER.match(text, e)):
            word = None  # "no one", "one another" count nobody
        elif group is not None and gap and group.extend(word, e, gap.lastgroup or ""):
            continue
        out += [_phrase_cand(t, group)] if group is not None else []
        group = Phrase(s, e, word) if word is not None else None
    out += [_phrase_cand(t, group)] if group is not None else []
    return out


def _qualify(text: str, c: _Cand, tail: list[tuple[int, str]], qualifiers: dict[str, Qualifier]) -> int:
    """Set the qualifier of *c* from the words before it; return how many of *tail* it takes."""
    words = _words(tail[:5])
    for k in range(min(len(words), 4), 0, -1):  # the longest phrase wins: "no more than" over "more than"
        phrase = " ".join(reversed(words[:k]))
        if phrase not in qualifiers:
            continue
        qs = tail[k - 1][0]
        if phrase == "over" and words[k : k + 1] and words[k] in HANDING_VERBS:
            return 0  # "handed over 90": a verb's particle, not "more than"
        if phrase in ("до", "up to") and _RANGE_FROM_BEFORE.search(text, max(0, qs - 30), qs):
            return 0  # "від 21 до 59": the end of a range, not "up to"
        c.qualifier, c.qualifier_start, c.qualifier_word = qualifiers[phrase], qs, phrase
        return k
    return 0


@functools.cache
def _year_word_after(languages: tuple[str, ...]) -> re.Pattern[str]:
    """ "2022 року", "2014 roku", "2016 yılında": the word for "year" after a year."""
    return lexicon.pattern("year_after", rf"{_S}*(?:", rf"){_L}", languages)


@functools.cache
def _year_before(languages: tuple[str, ...]) -> re.Pattern[str]:
    """ "in 2020", "seit 2014", "depuis 2022", "з 2014": a year after its preposition, not a count."""
    return lexicon.pattern("year_before", r"(?<!\w)", rf"{_S}+\Z", languages)


@functools.cache
def _people_after(languages: tuple[str, ...]) -> re.Pattern[str]:
    """The name of a people and a word of captivity right after a number ("1966 Filistinli tutukluyu"): a count."""
    peoples = "|".join(lexicon.pattern(f"people_of.{p}", "", "", languages).pattern for p in lexicon.PEOPLES)
    held = lexicon.pattern("captivity", "", "", languages).pattern
    return re.compile(rf"{_S}+(?:{peoples})(?!\w){_S}+(?:{held})", re.IGNORECASE)  # not "a 2022 Russian assault"


@functools.cache
def _lower_word_after(languages: tuple[str, ...]) -> re.Pattern[str]:
    """A year-shaped number followed by a lower-case word is a count ("2000 prisoners"), unless the word
    is one a year is followed by ("in 2022 and", "2016 ve 2017"). Case-sensitive on purpose; Arabic
    script has no case, so any Arabic word counts as lower-case ("1968 أسيرًا")."""
    keep = "|".join(lexicon.words("year_then", languages)) or r"(?!x)x"
    return re.compile(rf"{_S}+(?!(?i:{keep}){_L})[^\W\d_](?<=[a-zà-ÿа-яіїєґёąćęłńóśźżğışçöüőű\u0621-\u064a])")


def _classify(
    text: str, c: _Cand, tail: list[tuple[int, str]], k: int, languages: tuple[str, ...] = lexicon.ALL
) -> MentionKind:
    """Return the kind of *c* from the words around it; *k* words of *tail* are its qualifier."""
    s, e, v = c.start, c.end, c.value or 0
    if c.shape == "day" and (
        _day_after().match(text, e) or _month_before(tail) or _weekday_before(languages).search(text, max(0, s - 40), s)
    ):
        return _K.DATE
    if c.shape == "year":
        if (
            _year_word_after(languages).match(text, e)
            or _year_before(languages).search(text, max(0, s - 20), s)
            or _YEAR_RANGE_AFTER.match(text, e)
            or _YEAR_RANGE_BEFORE.search(text, max(0, s - 8), s)
            or _year_month_before().search(text, max(0, s - 30), s)
        ):
            return _K.YEAR
        if c.qualifier != Qualifier.EXACT:
            return _K.COUNT
        the = _words(tail[:1]) in (["the"], ["its"], ["this"], ["that"])
        if _people_after(languages).match(text, e) and not the:
            return _K.COUNT  # "1966 Filistinli tutukluyu": a people held (not "the 2022 Russian …")
        if _lower_word_after(languages).match(text, e):
            return _K.YEAR if the and 1990 <= v <= 2039 else _K.COUNT
        return _K.YEAR
    if _TIME_AFTER.match(text, e):
        return _K.TIME
    before = [w for w in _words(tail[k : k + 3]) if w not in _DASHES][:2]  # "наймолодшому – 20"
    if _AGE_AFTER.match(text, e) or _age_after(languages).match(text, e) or any(w in AGE_WORDS for w in before):
        return _K.AGE
    if _appositive_age(text, s, e, languages):
        return _K.AGE
    if _currency_after(languages).match(text, e):
        return _K.MONEY
    if _measure_after(languages).match(text, e):
        return _K.MEASURE
    if y := _UKRU_YEARS_AFTER.match(text, e):
        during = c.qualifier_word == "до" or (before[:1] and before[0] in DURATION_PREPOSITIONS)
        return _K.DURATION if during or _AGO_AFTER.match(text, y.end()) else _K.AGE
    if _duration_after(languages).match(text, e):
        return _K.DURATION
    return _K.COUNT


# Number words of these languages are read by text2num ("dois", "dreiundzwanzig", "vinte e um"); those of
# English, Ukrainian and Russian by our own tables (_numwords), which also know their cases and collectives.
_TEXT2NUM = ("fr", "es", "pt", "de", "it")
_MAX_NUMBER_WORDS = 8


@functools.lru_cache(maxsize=4096)
def _text2num(words: str, language: str) -> int | None:
    try:
        value = text2num(words, language)
    except ValueError:
        return None
    return value if value > 0 else None


@functools.cache
def _half_thousand(languages: tuple[str, ...]) -> re.Pattern[str]:
    """ "пів тисячі", "полтысячи", "pół tysiąca": 500 in words no number-word table reads."""
    return lexicon.pattern("half_thousand", r"(?<!\w)", r"(?!\w)", languages)


def _text2num_cands(text: str, languages: tuple[str, ...]) -> list[_Cand]:
    """Return the number words of the article's language that text2num reads, longest phrase first."""
    language = next((lang for lang in languages if lang in _TEXT2NUM), None)
    if language is None or languages == lexicon.ALL:
        return []  # an unknown language: "once", "dos", "mil" are English or Portuguese words too
    tokens = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    out: list[_Cand] = []
    i = 0
    while i < len(tokens):
        start, end = tokens[i]
        value = _text2num(text[start:end].lower(), language)
        if value is None:
            i += 1
            continue
        last = i
        for k in range(i + 1, min(len(tokens), i + _MAX_NUMBER_WORDS)):
            gap = text[tokens[k - 1][1] : tokens[k][0]]
            if not (gap.isspace() or gap in ("-", "‐", "‑")):  # "vingt et un", "trente-neuf"
                break
            longer = _text2num(text[start : tokens[k][1]].lower(), language)
            if longer is not None:
                value, last = longer, k
        out.append(_Cand(start, tokens[last][1], value))  # "un civil": one; the cues say one what
        i = last + 1
    return out


# Number words of these languages are the lexicon's ``number.*`` words, read in an article of that language
# only ("on" is ten in Turkish, "hat" six in Hungarian). No maintained library reads them (text2num has no
# such languages; num2words only writes numbers), so the grammar below is ours: the parts of a number come
# largest place first ("sto dwadzieścia trzy", "iki yüz elli"), a count before a hundred or a thousand
# multiplies it ("kétszáz", "ثلاثة آلاف"), and Arabic puts the unit before the ten ("خمسة وعشرون").
_TABLE_LANGUAGES = ("pl", "tr", "hu", "ar")
_SCALES = (1000, 10**6)
_HU_ACCUSATIVE = ("", "t", "at", "et", "ot", "öt")  # "kétszázat", "ötöt": the accusative ending


@dataclass(frozen=True, slots=True)
class _Part:
    value: int
    counted: bool = False  # "tysiące", "آلاف": thousands only after a count
    joined: bool = False  # Arabic "وعشرون": "and" glued before it


def _number_table(language: str) -> dict[str, _Part]:
    table: dict[str, _Part] = {}
    for value in lexicon.NUMBER_VALUES:
        table.update(dict.fromkeys(lexicon.table(f"number.{value}", (language,)), _Part(value)))
    for value in _SCALES:
        table.update(dict.fromkeys(lexicon.table(f"number.x{value}", (language,)), _Part(value, counted=True)))
    return table


def _join_parts(parts: list[_Part], language: str) -> int | None:
    """Return the number *parts* make together, or None when they are not one number."""
    total, small, last_scale = 0, 0, 0
    for i, p in enumerate(parts):
        v = p.value
        if v in _SCALES:
            if (p.counted and not small) or (last_scale and v >= last_scale):
                return None
            total, small, last_scale = total + (small or 1) * v, 0, v
        elif small == 0 or (v == 100 and small < 10 and parts[i - 1].value < 10):
            small = v if small == 0 else small * 100  # "iki yüz", "ثلاث مئة", "két" + "száz"
        elif language == "ar" and small < 10 and (v == 10 or (p.joined and 20 <= v <= 90)):
            small += v  # "ثلاثة عشر" 13, "خمسة وعشرون" 25
        elif small % (10 if v < 10 else 100 if v < 100 else 1000) == 0 and small > v:
            small += v
        else:
            return None
    return total + small


def _table_part(word: str, table: dict[str, _Part], language: str) -> _Part | None:
    if (p := table.get(word)) is not None:
        return p
    if language == "ar":
        for prefix in ("وال", "ال", "و"):
            if word.startswith(prefix) and (p := table.get(word[len(prefix) :])) is not None:
                return _Part(p.value, p.counted, joined=prefix.startswith("و"))
    return None


def _hu_parts(word: str, table: dict[str, _Part]) -> list[_Part] | None:
    """Return the parts of one Hungarian number word ("kétszázötven": két, száz, ötven), or None."""
    parts: list[_Part] = []
    rest = word
    while rest:
        head = next((rest[:n] for n in range(len(rest), 0, -1) if rest[:n] in table), None)
        if head is None:
            return parts if parts and rest in _HU_ACCUSATIVE else None
        parts.append(table[head])
        rest = rest[len(head) :]
    return parts


def _table_cands(text: str, languages: tuple[str, ...]) -> list[_Cand]:
    """Return the number words of the article's language in the lexicon's ``number.*`` words."""
    language = next((lang for lang in languages if lang in _TABLE_LANGUAGES), None)
    if language is None or languages == lexicon.ALL:
        return []
    table = _number_table(language)
    not_alone = lexicon.table("not_alone", (language,))
    tokens: list[tuple[int, int, list[_Part]]] = []
    for m in _WORD.finditer(text):
        word = m.group().lower()
        if language == "hu":
            parts = _hu_parts(word, table)
        else:
            part = _table_part(word, table, language)
            parts = [part] if part is not None else None
        if parts is not None:
            tokens.append((m.start(), m.end(), parts))
    out: list[_Cand] = []
    i = 0
    while i < len(tokens):
        start, end, parts = tokens[i]
        value, last = _join_parts(parts, language), i
        joined = list(parts)
        for k in range(i + 1, len(tokens)):
            gap = text[tokens[k - 1][1] : tokens[k][0]]
            if language == "hu" or not (gap.isspace() or (language == "ar" and gap.strip() == "و")):
                break
            first, *more = tokens[k][2]
            joined += [_Part(first.value, first.counted, joined=first.joined or not gap.isspace()), *more]
            longer = _join_parts(joined, language)
            if longer is None:
                break
            value, last = longer, k
        end = tokens[last][1]
        lone_one = last == i and len(parts) == 1 and text[start:end].lower() in not_alone
        after_number = language == "hu" and out and text[out[-1].end : start].isspace()
        if value is not None and value > 0 and not lone_one and not after_number:
            out.append(_Cand(start, end, value))  # not "két hét" (two weeks): "hét" is the unit there
        i = last + 1
    return out


def _ordinal_word_cands(text: str, languages: tuple[str, ...]) -> list[_Cand]:
    """Return the ordinal words of the article's language the lexicon lists ("piąta", "beşinci", "ötödik",
    "الثالثة"): Polish, Turkish, Hungarian and Arabic ordinals no number-word reader knows."""
    language = next((lang for lang in languages if lang in _TABLE_LANGUAGES), None)
    if language is None or languages == lexicon.ALL:
        return []
    table = {w: n for n in range(1, 11) for w in lexicon.table(f"ordinal_word.{n}", (language,))}
    return [
        _Cand(m.start(), m.end(), table[m.group().lower()], kind=_K.ORDINAL)
        for m in _WORD.finditer(text)
        if m.group().lower() in table
    ]


def find_mentions(text: str, *, languages: tuple[str, ...] = lexicon.ALL) -> tuple[Mention, ...]:
    """Return every number stated in *text*, sorted by start and non-overlapping; qualifiers and number
    words are read in *languages* (``lexicon.for_language``; every language by default)."""
    t = _Text(text)
    qualifiers = _qualifiers(languages)
    found = [c for m in _SCAN.finditer(text) if (c := _digit_cand(t, m, languages)) is not None]
    found += _word_cands(t, english="en" in languages or languages == lexicon.ALL)
    found += _text2num_cands(text, languages)
    found += _table_cands(text, languages)
    found += _ordinal_word_cands(text, languages)
    found += [_Cand(m.start(), m.end(), 500) for m in _half_thousand(languages).finditer(text)]
    found.sort(key=lambda c: (c.start, -c.end))
    cands: list[_Cand] = []
    for c in found:
        if not cands or c.start >= cands[-1].end:
            cands.append(c)
    for c in cands:
        tail = t.tail(c.start, 7)  # read once: a qualifier of up to 4 words, then the words before it
        k = _qualify(text, c, tail, qualifiers)
        if c.kind is None:
            c.kind = _classify(text, c, tail, k, languages)
    for a, b in pairwise(cands):
        gap = text[a.end : b.start]
        plain = a.kind in (_K.COUNT, _K.YEAR, _K.FORMAT) and b.kind in (_K.COUNT, _K.YEAR)
        if plain and _FORMAT_GAP.fullmatch(gap):
            a.kind = b.kind = _K.FORMAT
        elif _range_gap(languages).fullmatch(gap):
            if a.kind == _K.COUNT and b.kind in (_K.AGE, _K.DURATION):
                a.kind = b.kind  # "від 21 до 59 років", "20 to 30 days": the unit after the last serves both
            elif a.kind == _K.AGE and b.kind == _K.COUNT:
                b.kind = _K.AGE  # "aged 21 to 59"
    out: list[Mention] = []
    for c in cands:
        kind = c.kind or _K.COUNT
        if kind in _NO_QUALIFIER:
            c.qualifier, c.qualifier_start = Qualifier.EXACT, None
        if c.needs_qualifier and c.qualifier == Qualifier.EXACT:
            continue  # bare "тисячі" means "thousands", not 1000
        quote = text[c.start : c.end]
        out.append(Mention(c.start, c.end, quote, c.value, c.fraction, kind, c.qualifier, c.qualifier_start))
    return tuple(out)


def parse_number(words: str) -> int | None:
    """Return the value of *words* when they are exactly one number (digits or words), else None."""
    s = words.strip()
    found = find_mentions(s) if s else ()
    if len(found) != 1 or found[0].start != 0 or found[0].end != len(s):
        return None
    return None if found[0].kind in (_K.DATE, _K.TIME) else found[0].value


def states_value(
    quote: str,
    value: int,
    *,
    kinds: Collection[MentionKind] | None = None,
    languages: tuple[str, ...] = lexicon.ALL,
) -> bool:
    """Return whether some mention in *quote* (of one of *kinds*, if given) has *value*."""
    return any(
        m.value == value and (kinds is None or m.kind in kinds) for m in find_mentions(quote, languages=languages)
    )


def states_fraction(quote: str, fraction: str) -> bool:
    """Return whether some fraction mention in *quote* equals *fraction* ("1/3"), reduced or not."""
    f = _FRACTION_STR.fullmatch(fraction)
    if f is None or int(f[2]) == 0:
        return False
    want = _frac(int(f[1]), int(f[2]))
    return any(m.fraction == want for m in find_mentions(quote))
