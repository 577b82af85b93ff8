"""The word lists of every language read as one table: categories, patterns, tables and leave-one-out."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from powx_llm.lexicon import ar, common, de, en, es, fr, hu, it, pl, pt, ru, tr, uk
from powx_llm.model import Unit

__all__ = [
    "ALL",
    "CATEGORIES",
    "COHORTS",
    "LANGUAGES",
    "MEDIATORS",
    "NUMBER_VALUES",
    "PARTIES",
    "PEOPLES",
    "PLACES",
    "Entry",
    "entries",
    "for_language",
    "pattern",
    "table",
    "without",
    "words",
]

LANGUAGES = ("en", "uk", "ru", "pl", "de", "fr", "es", "pt", "it", "tr", "hu", "ar")
_FILES: dict[str, dict[str, tuple[str, ...]]] = {
    "en": en.WORDS,
    "uk": uk.WORDS,
    "ru": ru.WORDS,
    "pl": pl.WORDS,
    "de": de.WORDS,
    "fr": fr.WORDS,
    "es": es.WORDS,
    "pt": pt.WORDS,
    "it": it.WORDS,
    "tr": tr.WORDS,
    "hu": hu.WORDS,
    "ar": ar.WORDS,
    "common": common.WORDS,
}

PLACES = (
    "Azovstal",
    "Mariupol",
    "Snake Island",
    "Chornobyl NPP",
    "Bakhmut",
    "Kherson",
    "Donetsk",
    "Luhansk",
    "Zaporizhzhia",
    "Kharkiv",
    "Avdiivka",
    "Marinka",
    "Vuhledar",
    "Kreminna",
    "Olenivka",
    "Sievierodonetsk",
    "Lysychansk",
    "Soledar",
    "Izium",
    "Kupiansk",
    "Pokrovsk",
    "Toretsk",
    "Chasiv Yar",
    "Kursk",
    "Krynky",
    "Robotyne",
)

# The values a language file may give number words for (``number.<value>``). English, Ukrainian and Russian
# number words live in powx_llm.read._numwords (with their grammar of cases and collectives); French, Spanish,
# Portuguese, German and Italian are read by text2num. The rest are here, one file per language.
NUMBER_VALUES = (*range(1, 20), *range(20, 100, 10), *range(100, 1000, 100), 1000, 2000, 10**6)

# The English labels of the cohorts the `children` words name, most specific first.
COHORTS = ("women and children", "minors", "teenagers", "children")
PEOPLES = (
    "Ukraine",
    "Russia",
    "Israel",
    "Palestinian territories",
    "Armenia",
    "Azerbaijan",
    "United States",
    "Iran",
    "Venezuela",
    "Thailand",
    "Belarus",
    "Philippines",
)

PARTIES = (
    "Palestinian territories",
    "Ukraine",
    "Russia",
    "Israel",
    "Hamas",
    "Thailand",
    "Armenia",
    "Azerbaijan",
    "United States",
    "Iran",
    "Belarus",
)
MEDIATORS = (
    "United Arab Emirates",
    "Saudi Arabia",
    "Qatar",
    "Turkey",
    "Holy See",
    "International Committee of the Red Cross",
    "United Nations",
    "European Union",
    "United States",
    "Oman",
    "Switzerland",
    "Norway",
    "Egypt",
    "Catholic Church",
    "Ombudsman's Office of Colombia",
    "United Nations Verification Mission in Colombia",
)

# category -> what its words mean and how they are read (after a number: matched at the start of the
# words right after it; in a sentence/clause: searched anywhere in it).
CATEGORIES: dict[str, str] = {
    "filler": "after a number: one word that may stand between it and the noun naming the group",
    "children": "after a number: children or minors (a cohort)",
    **{f"cohort_label.{c}": f"inside a children match: the cohort is {c}" for c in COHORTS},
    "bodies": "after a number: the dead, bodies",
    "men": "after a number: men",
    "women": "after a number: women",
    "officers": "after a number: officers",
    "enlisted": "after a number: privates and sergeants together",
    "privates": "after a number: privates, counted apart from sergeants",
    "sergeants": "after a number: sergeants, counted apart from privates",
    "civilians": "after a number: civilians",
    **{f"unit.{u}": f"after a number: the {u.replace('_', ' ')} (a branch of Ukraine's forces)" for u in Unit},
    "unit_label.Azov Regiment": "inside a unit.other name: the Azov Regiment",
    "unit_label.International Legion": "inside a unit.other name: the International Legion",
    **{f"place.{p}": f"in the clause after a number: {p}, a place POWs are known by" for p in PLACES},
    "front": "in the clause after a number: a front or direction",
    "defended": "in the clause after a number: defended, fought at",
    "morgue": "in the clause after a number: morgues",
    "missing": "in the clause after a number: listed as missing",
    "wound": "in the clause after a number: wounded, ill",
    "all_of_them": "in a sentence with no number: all of them, every one of them (a group said of all the returned)",
    "including": "between two numbers: including, of them",
    "open_group_lead": (
        "after including and a number, in a language whose words are a cohort's English label (English): words "
        "that open the group's description and are left out of the label (who had been)"
    ),
    "open_group_end": (
        "after including and a number (English): a whole word that ends the group's label (were, under, because)"
    ),
    "not_a_group": "after including and a number (English): words that name no group of their own (others, more)",
    "not_a_group_start": (
        "after including and a number (English): the first word of words that are no group (this week, in total)"
    ),
    "nationals": "the last word of a group named by nationality: nationals, citizens (British nationals)",
    "of_them": "right after a number (English): of them, of whom, of the Armenians (a part; its group may follow)",
    "status_lead": "after of_them (English): had been, were (left out of the group's label)",
    "status": (
        "after of_them and status_lead (English): the first word of a group by capture, detention or sentence "
        "(captured in Nagorno-Karabakh, serving life sentences): a cohort labelled by its own words"
    ),
    "not_all": "right before all_of_them: not, almost (not a group said of all the returned)",
    "cumulative": "in a sentence: since the start of the war, so far (a running total)",
    "not_returned": "in a sentence: still held, planned (people not returned)",
    "copula": "after a number and its noun: are, were (the group named after it: six of them are women)",
    "not_one": "right before a number: not a single, not one (the words say none came)",
    "harmed": "right before a number: wounding, killing (the number counts victims, not the returned)",
    "superlative_since": "in a sentence: the biggest ... since (a comparison, not a running total)",
    "exchanges": "after a number: exchanges (a count of exchanges)",
    "exchanges_first": "right after a number, no word between: exchanges named by what was exchanged (a count)",
    "ordinal_link": "between an exchange word and its ordinal after it: is, is counted as (Arabic: تُعد)",
    "exchanges_before": "right before a number: the exchanges (Arabic puts a numeral after its noun)",
    "exchange_word": "near an ordinal: exchange",
    "under_deal": "in an ordinal's sentence: under a deal or truce (its stages are no series ordinal)",
    "captivity": "anywhere in the article: prisoners, captivity, hostages, bodies (none: no exchange)",
    "bodies_of": "right before a number: bodies of",
    "more_before": "between bodies_of and a number: another, more (тіла ще 58, cuerpos de otros 58)",
    "of_the_whole": "between two numbers: of (two of the five)",
    "link_of": "a whole word after a group's noun linking it to whose people they are (servicemen of Armenian origin)",
    "its_own": "right after a number: of its own (the party its sentence names before it: 84 of its soldiers)",
    "articles": "after of_the_whole: the, these",
    "also": "in a list of units: also, as well as (ends the list)",
    "another": "in a list of units: another (ends a nesting, not the list: зокрема 23 моряки ВМС, ще 49 — з НГУ)",
    "aside": "in a sentence: about other people (still held, earlier, expected)",
    "body_words": "in a sentence: the dead, bodies",
    "future": "before a number in its sentence: a plan or agreement",
    "future_headline": "before a number in a headline (a line with no final stop): a plan, in a headline's words",
    "agreement": (
        "in future's words: those that name an agreement, not a time to come (agreed, accord): no plan when the "
        "sentence reports the handover done after its number"
    ),
    "done": "after a number in its sentence: a handover done (were freed, came home, took place)",
    "as_agreed": "in a sentence reporting a handover: as agreed (the agreed numbers were carried out)",
    "return": "in a sentence: returning, freeing, exchanging",
    "received_by": "after a party, before a number: received, got back",
    "released": "after a party, before a number: released, handed over",
    "and": "between two numbers (plain words, not patterns): and (150 Ukrainians and 150 Russians)",
    "equal_sides": "in a sentence: each side, the same number (both sides received as many)",
    "for": "between two equal numbers: N for N",
    "truce": "near a word of mediating: a ceasefire or truce (mediating one is not mediating the exchange)",
    "captivity_noun": "captivity itself, next to a demonym that names the captor (from Russian captivity)",
    "mediation": "in a sentence: mediated, thanks to, helped",
    "mediation_of": (
        "a word of mediating whose mediator stands before it (Szaúd-Arábia közvetítésével, Katar'ın arabuluculuğuyla)"
    ),
    "handover": "in a sentence: handed over, released, exchanged",
    "intermediary": "in a sentence naming the ICRC: it received, carried, escorted or examined them (convention 6)",
    "in_year": "before a year: in, during (a year's total)",
    "since_start": "in a sentence: since the start (an ordinal counted from the start)",
    **{f"people_of.{p}": f"in the words naming a group: its people are of {p} (a demonym)" for p in PEOPLES},
    "qualifier.at_least": "right before a number (plain words, not patterns): at least",
    "qualifier.more_than": "right before a number (plain words, not patterns): more than, over",
    "qualifier.approximately": "right before a number (plain words, not patterns): about, nearly",
    "qualifier.at_most": "right before a number (plain words, not patterns): up to, at most, fewer than",
    **{f"party.{p}": f"in a name: {p} (stems and officials CLDR does not give)" for p in PARTIES},
    "agency.Ukraine": "in a name: a Ukrainian state body named without the country",
    **{f"mediator.{p}": f"in a name or sentence: {p}, as a mediator" for p in MEDIATORS},
    "dative_ending": (
        "the end of a party's name in the dative (Україні, России, Rosji, Ukrajnának, Rusya'ya): the party that was "
        "given what the clause hands over"
    ),
    "dative_lead": "a whole word that may stand before a party in the dative at the start of its clause: a, and, pedig",
    "dative_side": "a side named in the dative: російській стороні, российской стороне, stronie rosyjskiej",
    "destination": "a whole word between a word of return and a party: to, into (came back to Russia)",
    "venue": "near a party's name: border, territory (a place the handover passed through, not a party of it)",
    "in_return": "before a number in its sentence: in return, in exchange (the other side's number)",
    "traded_for": "right before a number: traded for, exchanged for (the other side's number; not a word of exchange)",
    "measure": (
        "right after a number (plain words, not patterns): things, distances and the sides themselves, not people "
        "(trucks, km, the two sides)"
    ),
    "another_event_date": (
        "a word up to two words before a full date: after, since, before (after the October 7, 2023 attack): the "
        "date of another event, not the handover's"
    ),
    "negation": "a whole word right before a word of plan that denies it: no, not (no plans to return)",
    "not_an_exchange": (
        "a word of exchange denied: not part of an exchange, no swap, without an exchange (a handover called no "
        "exchange)"
    ),
    "range_join": "between two numbers (plain words, not patterns): the ends of a range (21 to 59, de 14 à 17 ans)",
    "age_after": "glued to or right after a number: a person's age (57-latek, 67-jährige, 57 éves, 57 yaşındaki)",
    "year_before": "right before a year-shaped number: in, since (in 2020, seit 2014, depuis 2022): a year",
    "half_thousand": "a number in words: half a thousand (пів тисячі, полтысячи, pół tysiąca): 500",
    "year_after": "right after a year: the word for year (2022 року, 2014 roku)",
    "year_then": "after a year (plain words, not patterns): words a year is followed by (and, or, in)",
    "servicemen": "right after a number: soldiers, servicemen (not civilians): the group convention 4 speaks of",
    "duration_unit": "right after a number (plain words, not patterns): a unit of time (days, lat, años)",
    "currency": "right after a number (plain words, not patterns): money (dollars, euros, гривень)",
    "percent": "right after a number: per cent (percent, por ciento, Prozent)",
    **{f"weekday.{i}": f"a weekday's name (0 is Monday): {i}" for i in range(7)},
    **{f"number.{v}": f"a number word (plain words, not patterns): {v}" for v in NUMBER_VALUES},
    **{f"ordinal_word.{v}": f"an ordinal word (plain words, not patterns): {v}th" for v in range(1, 11)},
    "not_alone": "a number word that alone is something else (bir, egy: 'a'; altı: 'under'): no count alone",
    "number.x1000": "a number word (plain words, not patterns): thousands, only after a count (dwa tysiące)",
    "scale.1000": "right after a figure: thousands (3 mil, 5 bin, 5,5 tys., 3 ezer): the figure times 1000",
    "scale.1000000": "right after a figure: millions (2 millones, 1,2 mln): the figure times a million",
    "scale.1000000000": "right after a figure: billions (4 billion, 2 млрд): the figure times a billion (money)",
    "number.x1000000": "a number word (plain words, not patterns): millions, only after a count",
}


@dataclass(frozen=True, slots=True)
class Entry:
    """One alternative of one category in one language's file."""

    category: str
    language: str
    pattern: str


_removed: frozenset[Entry] = frozenset()


def entries() -> list[Entry]:
    """Return every entry of every language file, in file order."""
    return [Entry(cat, lang, alt) for lang, table in _FILES.items() for cat, alts in table.items() for alt in alts]


ALL: tuple[str, ...] = (*LANGUAGES, "common")


# Reports in one of these languages quote the other's words ("ЗСУ" and "ТрО" in Russian copy).
_KIN = {"uk": ("ru",), "ru": ("uk",)}
# Names (places, parties, mediators) are read in every language: they do not collide like common words.
_NAMES = ("place.", "unit_label.", "party.", "agency.", "mediator.")


def for_language(language: str | None) -> tuple[str, ...]:
    """Return the files to read for an article in *language*: its own (and its kin's) and ``common``; all
    of them when the language is unknown (None); only ``common`` for a language we have no words for."""
    if language is None:
        return ALL
    if language not in LANGUAGES:
        return ("common",)
    return (language, *_KIN.get(language, ()), "common")


def words(category: str, languages: tuple[str, ...] = ALL) -> tuple[str, ...]:
    """Return the alternatives of *category* in *languages* (minus those ``without`` removes)."""
    if category not in CATEGORIES:
        raise KeyError(f"no lexicon category {category!r}")
    return tuple(
        alt
        for lang in languages
        for alt in _FILES[lang].get(category, ())
        if not _removed or Entry(category, lang, alt) not in _removed
    )


@functools.cache
def pattern(category: str, before: str = "", after: str = "", languages: tuple[str, ...] = ALL) -> re.Pattern[str]:
    """Return *category*'s alternatives in *languages* as one case-insensitive pattern, wrapped in *before*
    and *after* (every language's words joined, unless *languages* says which; see ``for_language``)."""
    alts = words(category, ALL if category.startswith(_NAMES) else languages)
    body = "(?:" + "|".join(dict.fromkeys(alts)) + ")" if alts else r"(?!x)x"
    return re.compile(before + body + after, re.IGNORECASE | re.UNICODE)


@functools.cache
def table(category: str, languages: tuple[str, ...] = ALL) -> frozenset[str]:
    """Return *category*'s entries in *languages* as plain lower-case words (the categories that are not
    patterns)."""
    return frozenset(" ".join(w.lower().split()) for w in words(category, languages))


@contextmanager
def without(removed: frozenset[Entry] | set[Entry]) -> Iterator[None]:
    """Read every pattern without the entries *removed* for the duration (the leave-one-out benchmark)."""
    global _removed
    saved = _removed
    _removed = frozenset(removed)
    pattern.cache_clear()
    table.cache_clear()
    try:
        yield
    finally:
        _removed = saved
        pattern.cache_clear()
        table.cache_clear()
