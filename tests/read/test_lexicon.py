"""The lexicon: every hand-written word list, one file per language (powx_llm.lexicon)."""

from __future__ import annotations

import re

import pytest

from powx_llm import Exchange, check, lexicon
from powx_llm.read import Role, analyse, find_mentions, identify, read_article, sentence_bounds


def test_every_entry_is_a_documented_category_and_compiles() -> None:
    for entry in lexicon.entries():
        assert entry.category in lexicon.CATEGORIES, entry
        re.compile(entry.pattern)
        assert entry.pattern, entry
        assert entry.pattern == entry.pattern.strip(), entry


def test_every_language_has_a_file_with_words() -> None:
    languages = {e.language for e in lexicon.entries()}
    assert set(lexicon.LANGUAGES) <= languages


def test_an_unknown_category_is_an_error() -> None:
    with pytest.raises(KeyError):
        lexicon.words("no.such.category")


def test_without_removes_an_entry_for_the_duration_only() -> None:
    entry = lexicon.Entry("men", "en", r"men\b")
    assert lexicon.pattern("men").match("men")
    with lexicon.without({entry}):
        assert not lexicon.pattern("men").match("men")
        assert r"men\b" not in lexicon.words("men")
    assert lexicon.pattern("men").match("men")


def _roles(text: str) -> dict[int | None, Role]:
    a = analyse(read_article(text))
    return {c.mention.value: c.role for c in a.cues}


# One made-up line per language: the number, then the words naming its group, as news copy writes them.
@pytest.mark.parametrize(
    ("text", "value", "role"),
    [
        ("Ukraine brought home 75 people, among them 5 women.", 5, Role.WOMEN),
        ("Додому повернулися 75 людей, серед них 6 офіцерів.", 6, Role.OFFICERS),
        ("Домой вернулись 75 человек, среди них 4 гражданских.", 4, Role.CIVILIANS),
        ("Do kraju wróciło 75 osób, w tym 10 oficerów i 16 cywilów.", 16, Role.CIVILIANS),
        ("Unter den 116 Heimkehrern sind 2 Offiziere.", 2, Role.OFFICERS),
        ("Parmi les 39 prisonniers libérés, 24 femmes ont retrouvé leurs familles.", 24, Role.WOMEN),
        ("Entre los 28 liberados hay 17 hombres y 11 mujeres.", 11, Role.WOMEN),
        ("Entre os 17 libertados estão 2 oficiais e 14 soldados.", 2, Role.OFFICERS),
        ("Tra i 90 liberati ci sono 12 civili.", 12, Role.CIVILIANS),
        ("Serbest bırakılanlar arasında 20 sivil de var.", 20, Role.CIVILIANS),
        ("A hazatérők között 20 civil is van.", 20, Role.CIVILIANS),
        ("وكان بين المفرج عنهم 24 امرأة.", 24, Role.WOMEN),
    ],
)
def test_each_language_names_the_group_after_a_number(text: str, value: int, role: Role) -> None:
    assert _roles(text).get(value) is role


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Ukraine and Russia exchanged prisoners of war on Friday, the ministry said.", "en"),
        ("Україна та Росія провели обмін полоненими, повідомив Координаційний штаб.", "uk"),
        ("Россия и Украина провели обмен пленными, сообщило Минобороны.", "ru"),
        ("Doszło do wymiany jeńców wojennych między Ukrainą a Rosją.", "pl"),
        ("Russland und die Ukraine haben erneut Gefangene ausgetauscht.", "de"),
        ("La Russie et l'Ukraine ont procédé à un nouvel échange de prisonniers.", "fr"),
        ("Rusia y Ucrania realizaron un nuevo canje de prisioneros de guerra.", "es"),
        ("A Rússia e a Ucrânia realizaram uma nova troca de prisioneiros.", "pt"),
        ("Russia e Ucraina hanno effettuato un nuovo scambio di prigionieri.", "it"),
        ("Rusya ile Ukrayna arasında yeni bir esir takası gerçekleşti.", "tr"),
        ("Oroszország és Ukrajna újabb fogolycserét hajtott végre.", "hu"),
        ("أجرت روسيا وأوكرانيا عملية تبادل جديدة للأسرى.", "ar"),
    ],
)
def test_the_articles_language_is_identified(text: str, language: str) -> None:
    assert identify(text) == language


def test_a_language_we_do_not_cover_is_named_and_reported() -> None:
    text = (
        "Rusko a Ukrajina si ve čtvrtek vyměnily válečné zajatce. Domů se vrátilo 150 ukrajinských vojáků, "
        "uvedlo ministerstvo obrany, podle něhož výměnu zprostředkovaly Spojené arabské emiráty. "
        "Jde o další výměnu zajatců od začátku války. Mezi propuštěnými jsou i obránci Mariupolu."
    )
    assert identify(text) == "cs"
    report = check(Exchange(kind="prisoner_exchange"), text=text)
    assert [f.message for f in report.findings if f.name == "language"] == [
        "language cs not covered: only the model's numbers are used"
    ]


@pytest.mark.parametrize(
    ("text", "language", "values"),
    [
        ("Entre os libertados estão dois oficiais e um civil.", "pt", [2, 1]),
        ("Darunter sind zwei Offiziere und einhundertvierzehn Soldaten.", "de", [2, 114]),
        ("Fueron liberados veintiocho rehenes.", "es", [28]),
        ("Tornano a casa vent'anni dopo tre prigionieri.", "it", [3]),
        ("Once upon a time, dos and mil were not numbers in English.", "en", []),
    ],
)
def test_number_words_are_read_in_the_articles_language(text: str, language: str, values: list[int]) -> None:
    found = [m.value for m in find_mentions(text, languages=lexicon.for_language(language)) if m.kind == "count"]
    assert found == values


@pytest.mark.parametrize(
    "text",
    [
        "wymiana przeprowadzona 24 marca",
        "captifs depuis le 7 octobre",
        "el 3 de diciembre",
        "am 24. März",
        "március 5-én",
        "14 Ağustos'ta",
        "في 14 أكتوبر",
        "em 24 de fevereiro de 2022",
        " date 2022-04 ",
    ],
)
def test_a_day_and_its_month_are_a_date_in_every_language(text: str) -> None:
    kinds = {m.kind for m in find_mentions(text)}
    assert kinds <= {"date", "year"}
    assert "date" in kinds


@pytest.mark.parametrize(
    ("text", "language", "qualifier"),
    [
        ("ponad 50 osób", "pl", "more_than"),
        ("mais de 200 prisioneiros", "pt", "more_than"),
        ("au moins 13 otages", "fr", "at_least"),
        ("rund 200 Gefangene", "de", "approximately"),
        ("legalább 55 fogoly", "hu", "at_least"),
        ("نحو 150 أسيرا", "ar", "approximately"),
    ],
)
def test_qualifiers_are_read_in_every_language(text: str, language: str, qualifier: str) -> None:
    (m,) = [m for m in find_mentions(text, languages=lexicon.for_language(language)) if m.kind == "count"]
    assert m.qualifier == qualifier


def test_arabic_sentences_end_at_a_full_stop() -> None:
    text = "أفرج عن 95 أسيرا. وبلغ الإجمالي منذ بدء الحرب 1558 أسيرا."
    assert len(sentence_bounds(text)) == 2


def test_one_running_total_per_sentence_the_number_nearest_its_words() -> None:
    text = (
        "240 were freed in November, 1777 in January and 1968 on Monday, bringing the total "
        "since the start of the war to 3985."
    )
    running = [v for v, role in _roles(text).items() if role is Role.CUMULATIVE_PEOPLE]
    assert running == [3985]


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Eighty soldiers came home on Monday.", "en"),
        ("Twelve servicemen were transferred back to Armenia.", "en"),
        ("Two hundred Ukrainians crossed back into Ukraine.", "en"),
        ("At dawn 63 Russian prisoners were traded for 116.", "en"),
        ("Am Freitag kamen 120 ukrainische Soldaten frei.", "de"),
        ("Israel entließ 183 palästinensische Häftlinge.", "de"),
        ("Die Ukraine hat 157 Gefangene zurückbekommen.", "de"),
        ("Do Rosji trafiło 55 rosyjskich wojskowych.", "pl"),
        ("Na wolność wyszło 52 więźniów.", "pl"),
        ("Ще 50 наших людей вдома.", "uk"),
        ("Ermenistan'a 44 Ermeni savaş esiri getirildi.", "tr"),
        ("Rusya'ya 90 asker döndü.", "tr"),
        ("Oroszország 95 hadifoglyot kapott vissza.", "hu"),
        ("Israel pôs em liberdade 30 palestinianos.", "pt"),
        ("Han vuelto 300 militares rusos.", "es"),
    ],
)
def test_a_word_of_return_is_read_in_every_language(sentence: str, language: str) -> None:
    a = analyse(read_article(sentence))
    assert a.language == language
    assert a.words("return").search(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Ukraine says 19,546 children have been deported or forcibly transferred to Russia.",
        "Nearly 2,000 Russian servicemen who came home from the front were later convicted.",
        "Do niewoli trafiło 120 rosyjskich żołnierzy w obwodzie kurskim.",  # taken prisoner
        "Moscú volvió a acusar a Kiev de retener a 600 soldados rusos.",  # did it again
        "Israel comprometeu-se a soltar 1.000 palestinianos nas próximas semanas.",
        "Ukrayna'ya bugüne kadar 31 Abrams tankı getirildi.",  # tanks brought
        "Putin last year pardoned 52 Russian convicts who fought in Ukraine.",
    ],
)
def test_a_word_that_only_looks_like_a_return(sentence: str) -> None:
    a = analyse(read_article(sentence))
    assert a.words("return").search(sentence) is None


@pytest.mark.parametrize(
    ("sentence", "aside"),
    [
        ("A Ucrânia recuperou 150 cidadãos que estavam em cativeiro na Rússia.", False),
        ("Ucrania recuperó a 150 ciudadanos que estaban en cautiverio en Rusia.", False),
        ("L'Ucraina ha riportato a casa 150 cittadini che erano in prigionia in Russia.", False),
        ("L'Ukraine a récupéré 150 citoyens qui étaient en captivité en Russie.", False),
        ("Mais de 8 mil ucranianos em cativeiro na Rússia, segundo Kiev.", True),
        ("Más de 8.000 ucranianos permanecen en cautiverio en Rusia.", True),
        ("Più di 8.000 ucraini in prigionia in Russia, secondo Kiev.", True),
        ("Plus de 8 000 Ukrainiens en captivité en Russie, selon Kiev.", True),
    ],
)
def test_in_captivity_is_an_aside_unless_a_past_were_says_they_were(sentence: str, aside: bool) -> None:
    a = analyse(read_article(sentence))
    assert (a.words("aside").search(sentence) is not None) is aside


@pytest.mark.parametrize(
    ("sentence", "aside"),
    [
        ("Broken down, 92 serve in the Armed Forces, while the remaining 12 are civilians.", False),  # the rest
        ("Armenia handed over the remains of six soldiers, which had been recovered last year.", False),
        ("The ICRC accompanied the remains, which had been recovered last year.", False),  # bodies
        ("Some 8,000 Ukrainians remain in Russian captivity.", True),
        ("Those remaining in captivity number 8,000.", True),
    ],
)
def test_remain_is_an_aside_but_not_the_remains_or_the_remaining(sentence: str, aside: bool) -> None:
    a = analyse(read_article(sentence))
    assert (a.words("aside").search(sentence) is not None) is aside
