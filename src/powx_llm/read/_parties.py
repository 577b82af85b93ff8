"""Resolve a party's name, in any of our languages, to its canonical English name, or to None.

One resolver for every feature (extraction, tables, reconciliation). A party is

- a state: any CLDR territory, named in any of ``LANGUAGES`` and inflected or abbreviated
  ("Rosji", "Росії", "Russlands", "Rusya'ya", "لروسيا", "ОАЭ", "EE.UU."), by its capital standing
  for it ("Kiew", "Moskau", "Тегеран"), or by the hand-written demonym stems of ``names``;
- a non-state party from the closed list ``NON_STATE`` (docs/data-model.md).

Anything else (a city inside a country, an agency, an unknown string) resolves to None: the caller
falls back to what the words state and says so. Country and capital names come from CLDR via babel
(capitals through CLDR's time-zone exemplar cities); inflections are matched by a stem rule, not by
per-language tables. Hand-written here: which time zone is a capital, a few names CLDR lacks, and the
non-state parties.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from babel import Locale
from babel.dates import get_timezone_location

from powx_llm import lexicon
from powx_llm.lexicon import LANGUAGES
from powx_llm.model import canonical_name

__all__ = [
    "NON_STATE",
    "NON_STATE_OPPONENT",
    "mediator_of",
    "mediators_named",
    "parties_named",
    "party_of",
    "resolve_party",
]

# Canonical English where CLDR's English differs from the names our data uses.
_ENGLISH = {"TR": "Turkey", "PS": "Palestinian territories", "VA": "Holy See", "CD": "DR Congo", "CG": "Congo"}
# CLDR territory codes that are not states: regions, unions, the UN, pseudo-locales.
_NOT_STATES = {"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"}
# The time zone whose exemplar city is the capital (hand-written: CLDR does not say which city is the capital).
_CAPITAL_ZONES = {
    "UA": "Europe/Kyiv",
    "RU": "Europe/Moscow",
    "IR": "Asia/Tehran",
    "AZ": "Asia/Baku",
    "AM": "Asia/Yerevan",
    "BY": "Europe/Minsk",
    "SD": "Africa/Khartoum",
    "VE": "America/Caracas",
    "CO": "America/Bogota",
    "TH": "Asia/Bangkok",
    "PH": "Asia/Manila",
    "SA": "Asia/Riyadh",
    "QA": "Asia/Qatar",
    "IL": "Asia/Jerusalem",
}
# Names CLDR lacks in some of our languages (older or newer spellings in news copy).
_EXTRA = {
    "UA": ("kiev", "kyiv", "kijev", "kiew"),
    "US": ("washington", "u.s", "ee.uu.", "ee.uu", "eeuu", "eua", "сша", "abd"),
    "AE": ("eau", "оае", "оаэ", "bae", "eae", "uae", "u.a.e"),
}
# Non-state parties: canonical name -> names in our languages (a closed list; docs/data-model.md).
NON_STATE: dict[str, tuple[str, ...]] = {
    "Hamas": ("hamas", "хамас", "حماس", "hamász", "hamasu"),
    "ELN": ("eln", "ejército de liberación nacional", "national liberation army"),
    "Rapid Support Forces": (
        "rapid support forces",
        "rsf",
        "قوات الدعم السريع",
        "الدعم السريع",
        "fuerzas de apoyo rápido",
        "силы быстрого реагирования",
        "сили швидкої підтримки",
        "forces de soutien rapide",
    ),
    "Palestinian Islamic Jihad": ("palestinian islamic jihad", "islamic jihad", "الجهاد الإسلامي"),
}
# The state each non-state party fights: people it held and freed went home to that state.
NON_STATE_OPPONENT: dict[str, str] = {
    "Hamas": "Israel",
    "ELN": "Colombia",
    "Rapid Support Forces": "Sudan",
    "Palestinian Islamic Jihad": "Israel",
}
# Per the annotation conventions, the Houthi side of Yemen is "Yemen".
_HOUTHIS = (
    "houthi",
    "houthis",
    "huthi",
    "huthis",
    "hutíes",
    "huties",
    "хуситы",
    "хусити",
    "الحوثي",
    "الحوثيين",
    "husi",
)

# Per the annotation conventions, the Saudi-led coalition in Yemen is "Saudi Arabia".
_COALITION = (
    "saudi-led coalition",
    "coalition led by saudi arabia",
    "arab coalition",
    "coalition menée par l'arabie saoudite",
    "coalition dirigée par l'arabie saoudite",
    "coalition arabe",
    "coalición liderada por arabia saudita",
    "coalición liderada por arabia saudí",
    "coalición árabe",
    "coalizione guidata dall'arabia saudita",
    "coalizione a guida saudita",
    "coalizione araba",
    "coalizão liderada pela arábia saudita",
    "coligação liderada pela arábia saudita",
    "coalizão árabe",
    "von saudi-arabien geführte koalition",
    "saudi-arabisch geführte koalition",
    "arabische koalition",
    "коалиция во главе с саудовской аравией",
    "арабская коалиция",
    "коаліція на чолі з саудівською аравією",
    "арабська коаліція",
    "koalicja pod przewodnictwem arabii saudyjskiej",
    "koalicja arabska",
    "suudi arabistan liderliğindeki koalisyon",
    "arap koalisyonu",
    "szaúd-arábia vezette koalíció",
    "arab koalíció",
    "التحالف بقيادة السعودية",
    "التحالف العربي",
)

# The Taliban have governed Afghanistan since 2021: their side is "Afghanistan", as the Houthis' is "Yemen".
_TALIBAN = ("taliban", "talibow", "талибан", "талібан", "طالبان")  # accents and endings: _norm, _stem_match

_APOSTROPHE_SUFFIX = re.compile(r"(?<=\w\w\w)['’ʼ`]\w{1,4}\b")  # Turkish case endings, English 's
_APOSTROPHE = re.compile(r"['’ʼ`]")  # inside a word (Ukrainian "Обʼєднані"): dropped
_NON_WORD = re.compile(r"[^\w.]+")
_ARABIC_CLITIC = re.compile(r"^(?:[وفبلك])?(?:ال)?")


def _word(w: str) -> str:
    """Return one word without its Arabic proclitics and article ("لروسيا" -> "روسيا"), or a lone final dot."""
    if "\u0600" <= w[0] <= "\u06ff":
        return _ARABIC_CLITIC.sub("", w, count=1) or w
    return w.strip(".") if w.count(".") < 2 else w


def _norm(text: str) -> list[str]:
    """Return the words of *text*: case-folded, without accents, apostrophe suffixes ("rusya'ya") or punctuation."""
    s = unicodedata.normalize("NFKD", text.casefold())
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = _APOSTROPHE.sub("", _APOSTROPHE_SUFFIX.sub("", s))
    s = _NON_WORD.sub(" ", s).replace("-", " ")
    return [w for w in (_word(w) for w in s.split()) if w]


def _stem_match(token: str, word: str) -> bool:
    """Return whether *token* is *word* inflected ("rosji" ~ "rosja", "oroszorszagba" ~ "oroszorszag")."""
    if token == word:
        return True
    if len(word) < 4 or len(token) > len(word) + 3:  # not "servicemen" for Portuguese "Sérvia"
        return False
    return token.startswith(word if len(word) == 4 else word[:-1])


@functools.cache
def _index() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Return every known name as words, indexed by the first two letters of its first word."""
    english = Locale.parse("en").territories
    names: list[tuple[str, str]] = []
    for lang in LANGUAGES:
        locale = Locale.parse(lang)
        for code, name in locale.territories.items():
            if len(code) == 2 and code.isalpha() and code not in _NOT_STATES:
                names.append((name, _ENGLISH.get(code, english[code])))
        for code, zone in _CAPITAL_ZONES.items():
            city = get_timezone_location(zone, locale=locale, return_city=True)
            names.append((city, _ENGLISH.get(code, english[code])))
    for code, extra in _EXTRA.items():
        names += [(name, english[code]) for name in extra]
    for canon, aliases in NON_STATE.items():
        names += [(name, canon) for name in aliases]
    names += [(name, "Yemen") for name in _HOUTHIS]
    names += [(name, "Saudi Arabia") for name in _COALITION]
    names += [(name, "Afghanistan") for name in _TALIBAN]
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for name, canon in names:
        words = tuple(_norm(name))
        if words and max(len(w) for w in words) > 1:
            index.setdefault(words[0][:2], []).append((words, canon))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))  # longest names first: "united arab emirates" before "arab"
    return index


def _match_at(tokens: list[str], i: int) -> str | None:
    for words, canon in _index().get(tokens[i][:2], ()):
        window = tokens[i : i + len(words)]
        if len(window) == len(words) and all(_stem_match(t, w) for t, w in zip(window, words, strict=True)):
            return canon
    return None


def parties_named(text: str) -> set[str]:
    """Return every party whose name (in any of its forms the resolver knows) *text* holds."""
    tokens = _norm(text)
    return {canonical_name(found) for i in range(len(tokens)) if (found := _match_at(tokens, i)) is not None}


def resolve_party(name: str | None) -> str | None:
    """Return the canonical party *name* refers to ("Kiew" -> "Ukraine", "Rosji" -> "Russia"), or None."""
    if not name or not name.strip():
        return None
    tokens = [t for t in _norm(canonical_name(name)) if t not in ("the", "side")]
    for i in range(len(tokens)):
        found = _match_at(tokens, i)
        if found is not None:
            return canonical_name(found)
    found = party_of(name)  # demonyms and agencies: "Russian side", "Coordination Headquarters"
    return canonical_name(found) if found is not None else None


# ---- recognising parties and mediators in free text (model output, article words) ----------------
# Their stems in every language live in the lexicon (party.*, agency.Ukraine, mediator.*), matched
# case-insensitively at the start of a word.


def _first(kind: str, names: tuple[str, ...], text: str) -> str | None:
    hits = []
    for name in names:
        m = lexicon.pattern(f"{kind}.{name}", r"(?<!\w)").search(text)
        if m:
            hits.append((m.start(), -m.end(), name))  # the first, and of those the longest ("UN Verification Mission")
    return min(hits)[2] if hits else None


def party_of(name: str) -> str | None:
    """Return the canonical party a free-text name refers to ("Минобороны России" -> "Russia"), or None."""
    found = _first("party", lexicon.PARTIES, name)
    if found is not None:
        return found
    if lexicon.pattern("agency.Ukraine").search(name):
        return "Ukraine"
    return None


def mediator_of(name: str) -> str | None:
    """Return the canonical mediator a free-text name refers to ("ОАЭ" -> "United Arab Emirates"), or None."""
    return _first("mediator", lexicon.MEDIATORS, name)


def mediators_named(text: str) -> list[tuple[int, str]]:
    """Return (offset, canonical name) of every known mediator named in *text*."""
    hits = sorted(
        (m.start(), -m.end(), name)
        for name in lexicon.MEDIATORS
        for m in lexicon.pattern(f"mediator.{name}", r"(?<!\w)").finditer(text)
    )
    out, end = [], -1
    for start, minus_end, name in hits:  # the longest name at a place: "the UN Verification Mission", not "the UN"
        if start >= end:
            out.append((start, name))
            end = -minus_end
    return out
