"""Every hand-written word list of powx_llm, one file per language.

Each language file (``en.py`` ... ``ar.py``, plus ``common.py`` for typography) holds ``WORDS``: category ->
regular-expression alternatives, matched case-insensitively. A category's pattern joins the alternatives
of every language, so an article in any language is read the same way and the leave-one-out benchmark
sees every entry (``without``). The categories, and where they are read, are listed in ``CATEGORIES``.

What no maintained library gives us lives here: the words that name a group of prisoners, the branches
of Ukraine's forces, the words of returning, planning, mediating. Country and capital names come from
CLDR (``powx_llm.read._parties``) and number words partly from text2num; those are not repeated here.
"""

from powx_llm.lexicon._words import (
    ALL,
    CATEGORIES,
    COHORTS,
    LANGUAGES,
    MEDIATORS,
    NUMBER_VALUES,
    PARTIES,
    PEOPLES,
    PLACES,
    Entry,
    entries,
    for_language,
    pattern,
    table,
    without,
    words,
)

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
