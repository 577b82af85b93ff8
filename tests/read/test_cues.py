"""Word cues: the words around a number say what it counts, in English, Ukrainian and Russian."""

from __future__ import annotations

import pytest

from powx_llm.lexicon import for_language
from powx_llm.read import Role, find_cues, find_mentions


def _cues(text: str) -> list[tuple[str, str, str | None, str | None, str | None]]:
    return [
        (c.mention.quote, c.role.value, c.unit.value if c.unit else None, c.label, c.within.value if c.within else None)
        for c in find_cues(text, find_mentions(text))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "It was possible to rescue 70 men and five women.",
            [("70", "men", None, None, None), ("five", "women", None, None, None)],
        ),
        (
            "six officers and 65 representatives of the ranks and sergeants",
            [("six", "officers", None, None, None), ("65", "enlisted", None, None, None)],
        ),
        ("Two of the 116 are officers.", [("Two", "officers", None, None, None)]),
        (
            "Among them 40 privates and 12 sergeants.",
            [("40", "privates", None, None, None), ("12", "sergeants", None, None, None)],
        ),
        (
            "37 representatives of the Armed Forces, including 13 soldiers of the Naval Forces"
            " and two of the Air Force.",
            [
                ("37", "unit", "armed_forces", None, None),
                ("13", "unit", "navy", None, "armed_forces"),
                ("two", "unit", "air_force", None, "armed_forces"),
            ],
        ),
        (
            "21 national guardsmen and four Ukrainian civilians",
            [("21", "unit", "national_guard", None, None), ("four", "civilians", None, None, None)],
        ),
        ("the 108 members of the Azov Regiment", [("108", "unit", "other", "Azov Regiment", None)]),
        # a numbered brigade: its name in the text is the label
        (
            "31 of the 72nd Mechanised Brigade and four of the 30th separate mechanized brigade",
            [
                ("31", "unit", "other", "72nd Mechanised Brigade", None),
                ("four", "unit", "other", "30th separate mechanized brigade", None),
            ],
        ),
        ("19 defenders of the Snake Island", [("19", "cohort", None, "Snake Island", None)]),
        ("Five of them are seriously wounded", [("Five", "wounded", None, None, None)]),
        ("at least a third of those rescued have injuries", [("a third", "wounded", None, None, None)]),
        ("the bodies of 254 fallen defenders", [("254", "bodies", None, None, None)]),
        (
            "221 fallen defenders who had fought on the Donetsk front",
            [("221", "cohort", None, "Donetsk direction", None)],
        ),
        (
            "132 мужчины и 8 женщин, 22 офицера и 118 сержантов и солдат",
            [
                ("132", "men", None, None, None),
                ("8", "women", None, None, None),
                ("22", "officers", None, None, None),
                ("118", "enlisted", None, None, None),
            ],
        ),
        (
            "82 бойца ВСУ, 15 из ТРО, 22 из НГУ",
            [
                ("82", "unit", "armed_forces", None, None),
                ("15", "unit", "territorial_defense", None, None),
                ("22", "unit", "national_guard", None, None),
            ],
        ),
        (
            "26 військовослужбовців ЗСУ, з яких 11 – тероборонці",
            [("26", "unit", "armed_forces", None, None), ("11", "unit", "territorial_defense", None, "armed_forces")],
        ),
        (
            "вісім офіцерів і 98 військовослужбовців рядового та сержантського складу",
            [("вісім", "officers", None, None, None), ("98", "enlisted", None, None, None)],
        ),
        ("повернулися шестеро цивільних", [("шестеро", "civilians", None, None, None)]),
        ("Щонайменше семеро врятованих оборонців мають різні травми", [("семеро", "wounded", None, None, None)]),
        ("84 визволені воїни обороняли Маріуполь", [("84", "cohort", None, "Mariupol", None)]),
        ("Крім того, репатрійовано три тіла", [("три", "bodies", None, None, None)]),
        ("This was already the 52nd exchange", [("52nd", "ordinal", None, None, None)]),
        ("Bu, savaşın 52. takası oldu", [("52.", "ordinal", None, None, None)]),
        ("C'est le 52e échange de prisonniers", [("52e", "ordinal", None, None, None)]),
        ("Fue el 52º canje de prisioneros", [("52º", "ordinal", None, None, None)]),
        ("Цей обмін – 51-й за ліком", [("51-й", "ordinal", None, None, None)]),
        ("They wrapped up the first phase of their prisoner exchange", []),  # a stage, not the series
        ("the deal to swap prisoners, the first accord of this sort", []),
        ("On the swap's first day, more were set free", []),
        # "first" compared with a while, or the start of a running total: no ordinal of the series
        # the group named before a dash ("Офіцерів серед звільнених — шестеро, сержантів — 61")
        (
            "Офіцерів серед звільнених — шестеро, сержантів — 61, рядових — 101.",
            [
                ("шестеро", "officers", None, None, None),
                ("61", "sergeants", None, None, None),
                ("101", "privates", None, None, None),
            ],
        ),
        # "N of the freed men are …": the group after the verb, not the men
        ("More than 100 of the freed men are seriously ill or wounded.", [("100", "wounded", None, None, None)]),
        # "ще" (another) ends a nesting: the National Guard is no part of the Navy's branch
        (
            "Військовослужбовців ЗСУ — 101, зокрема 23 моряки ВМС, ще 49 — з Національної гвардії.",
            [
                ("101", "unit", "armed_forces", None, None),
                ("23", "unit", "navy", None, "armed_forces"),
                ("49", "unit", "national_guard", None, None),
            ],
        ),
        # the words before a number's qualifier: "the bodies of nearly 500"
        ("The bodies of nearly 500 Ukrainian soldiers were returned.", [("500", "bodies", None, None, None)]),
        ("It was the first such swap in more than five weeks.", []),
        ("It was the first exchange since the two sides met in Geneva.", []),
        (
            "In all, 211 have come home since the first exchange in March 2022.",
            [("211", "cumulative_people", None, None, None)],
        ),
        ("It was the first exchange since the war began.", [("first", "ordinal", None, None, None)]),
        ("It was the first prisoner exchange since Russia's invasion began.", [("first", "ordinal", None, None, None)]),
        ("It was the first exchange of the war, after 2 weeks of talks.", [("first", "ordinal", None, None, None)]),
        ("Die Zahl beträgt 95. Der Austausch fand am Freitag statt", []),  # a count ending a sentence
        ("Dönenlerin sayısı 75. Takas cuma günü yapıldı", []),
        (  # a list that names the group first: "<place> direction — N"
            "Тіла повернених:\n🔷 Донецький напрямок — 403;\n🔷 з моргів на території РФ — ще 31 загиблий.",
            [("403", "cohort", None, "Donetsk direction", None), ("31", "cohort", None, "morgues in Russia", None)],
        ),
        ("Bugün 90 esir takas edildi.", []),  # "were exchanged": a verb, not a count of exchanges
        (
            "Over four years, more than 60 prisoner exchanges took place",
            [("60", "cumulative_exchanges", None, None, None)],
        ),
        (  # the noun of exchanges right after the number only: here it counts people
            "Russia has freed 215 Ukrainian soldiers in prisoner exchanges since the war started.",
            [("215", "cumulative_people", None, None, None)],
        ),
        (
            "More than 3,000 Ukrainians have been freed in 50 exchanges since the Russian invasion began.",
            [("3,000", "cumulative_people", None, None, None), ("50", "cumulative_exchanges", None, None, None)],
        ),
    ],
)
def test_cues(text: str, expected: list[tuple[str, str, str | None, str | None, str | None]]) -> None:
    assert _cues(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Two hundred and seven of our people are back",
        "The 518th Separate Special Forces Battalion",
        "Moscow said 65 Ukrainian prisoners of war had died",
        "It will take 48 days",
    ],
)
def test_numbers_without_a_group_word_get_no_cue(text: str) -> None:
    assert _cues(text) == []


def test_roles_are_a_closed_set() -> None:
    assert {r.value for r in Role} >= {"men", "women", "officers", "enlisted", "privates", "sergeants", "civilians"}


def test_a_german_ordinal_may_be_followed_by_a_capital() -> None:
    """German writes nouns with a capital: "der 64. Gefangenenaustausch" numbers the exchange in a German article."""
    text = "Es war der 64. Gefangenenaustausch seit Kriegsbeginn."
    languages = ("de", "common")
    cues = find_cues(text, find_mentions(text, languages=languages), languages=languages)
    assert [(c.mention.quote, c.role.value) for c in cues] == [("64.", "ordinal")]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Hamas freed seven hostages, the first exchange carried out under a landmark deal.", "en"),
        ("A first exchange was carried out last week, and now a second one has followed.", "en"),
        ("C'est le 3e échange de prisonniers dans le cadre de l'accord de trêve.", "fr"),
        ("Це 3-й обмін полоненими у межах угоди про перемир'я.", "uk"),
    ],
)
def test_the_stages_of_one_deal_are_no_series_ordinal(text: str, language: str) -> None:
    # convention 11: "the first exchange under the truce" counts the deal's stages, not the exchanges so far
    cues = find_cues(text, find_mentions(text, languages=for_language(language)), languages=for_language(language))
    assert [c for c in cues if c.role.value == "ordinal"] == []


def test_a_series_ordinal_stays_one() -> None:
    text = "It was the first exchange of prisoners between Russia and Ukraine since the war began."
    cues = find_cues(text, find_mentions(text, languages=for_language("en")), languages=for_language("en"))
    assert [(c.mention.value, c.role.value) for c in cues] == [(1, "ordinal")]


def test_another_ordinal_in_the_sentence_is_no_stage_unless_next_in_turn() -> None:
    text = "It was the first swap this year and the 52nd exchange since the war began."
    cues = find_cues(text, find_mentions(text, languages=for_language("en")), languages=for_language("en"))
    assert (52, "ordinal") in [(c.mention.value, c.role.value) for c in cues]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Six of the 13 freed Israelis are women; seven are children.", "en", [(6, "women"), (7, "cohort")]),
        ("Sechs der 13 freigelassenen Geiseln sind Frauen.", "de", [(6, "women")]),
        ("Seis dos 13 reféns libertados são mulheres.", "pt", [(6, "women")]),
    ],
)
def test_a_group_named_after_the_verb(text: str, language: str, expected: list[tuple[int, str]]) -> None:
    # the part is named after "are": the whole ("the 13 freed Israelis") is no group of its own
    cues = find_cues(text, find_mentions(text, languages=for_language(language)), languages=for_language(language))
    assert [(c.mention.value, c.role.value) for c in cues] == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Była to piąta wymiana jeńców.", "pl"),
        ("Bu, savaşın beşinci takası oldu.", "tr"),
        ("Ez volt az ötödik fogolycsere.", "hu"),
        ("وهذه هي الصفقة الخامسة منذ بدء الحرب.", "ar"),
        ("لافتًا إلى أن هذه الصفقة تُعد الخامسة منذ بدء الحرب.", "ar"),  # "is counted as" between
    ],
)
def test_an_ordinal_word_numbers_the_exchange(text: str, language: str) -> None:
    # Polish, Turkish, Hungarian and Arabic ordinals in words: no number-word reader knows them
    cues = find_cues(text, find_mentions(text, languages=for_language(language)), languages=for_language(language))
    assert [(c.mention.value, c.role.value) for c in cues] == [(5, "ordinal")]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Belarus set free 52 prisoners, including 14 foreign citizens, under a deal.",
            "en",
            [(14, "foreign citizens")],
        ),
        ("Ukraine brought home 100 people, among them 2 Americans.", "en", []),  # a nationality: maybe a side
        ("Belarus freed 52, including 2 British nationals.", "en", []),
        ("Russia freed 46, including 20 residents of border villages.", "en", [(20, "residents of border villages")]),
        ("Ten Americans were freed, of whom six who had been held wrongfully.", "en", [(6, "held wrongfully")]),
        ("Ukraine brought home 100 soldiers, including 8 women.", "en", []),  # a group of its own: women
        ("Ukraine brought home 100 soldiers, including 2 others.", "en", []),
        ("Ukraine brought home 100 soldiers, including 3 more.", "en", []),
        ("Ukraine has brought home 1,200 prisoners this year, including 150 this week.", "en", []),  # a time
        ("Le Hamas a libéré 24 otages, dont 13 otages âgés.", "fr", []),  # the label must be English
    ],
)
def test_a_group_no_list_names_is_a_cohort_after_including(
    text: str, language: str, expected: list[tuple[int, str]]
) -> None:
    # "including 14 foreign citizens": a part named in words no list has is a cohort, labelled by its words
    languages = for_language(language)
    cues = find_cues(text, find_mentions(text, languages=languages), languages=languages)
    assert [(c.mention.value, c.label) for c in cues if c.role is Role.COHORT] == expected


@pytest.mark.parametrize(
    ("text", "language", "exchanges"),
    [
        ("Rusya ile Ukrayna arasında 95'e 95 esir takası yapıldı.", "tr", []),  # one swap of 95 for 95
        ("Україна повернула 95 захисників. Загалом за 58 обмінів повернулися 3767 українців.", "uk", [58]),
    ],
)
def test_the_second_number_of_n_for_n_counts_no_exchanges(text: str, language: str, exchanges: list[int]) -> None:
    languages = for_language(language)
    cues = find_cues(text, find_mentions(text, languages=languages), languages=languages)
    assert [c.mention.value for c in cues if c.role is Role.CUMULATIVE_EXCHANGES] == exchanges
