"""powx_llm.read._mentions: every number a text states, with its span, value, kind and qualifier (en/uk/ru)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from powx_llm.model import Qualifier
from powx_llm.read import (
    Mention,
    MentionKind,
    find_mentions,
    parse_number,
    states_fraction,
    states_value,
)

K = MentionKind
Q = Qualifier


def _only(text: str) -> Mention:
    found = find_mentions(text)
    assert len(found) == 1, found
    return found[0]


def _find(text: str, quote: str) -> Mention:
    hits = [m for m in find_mentions(text) if m.quote == quote]
    assert hits, f"{quote!r} not found in {find_mentions(text)}"
    return hits[0]


_Row = tuple[str, int | str | None, str, str]  # quote, value or fraction, kind, qualifier


def _summary(text: str) -> list[_Row]:
    return [
        (m.quote, m.value if m.fraction is None else m.fraction, m.kind.value, m.qualifier.value)
        for m in find_mentions(text)
    ]


@pytest.mark.parametrize(
    ("text", "quote", "value"),
    [
        pytest.param("Ukraine was able to rescue 3,210 defenders", "3,210", 3210, id="comma"),
        pytest.param("rescued 3 210 defenders", "3 210", 3210, id="space"),
        pytest.param("rescued 3\u00a0210 defenders", "3\u00a0210", 3210, id="nbsp"),
        pytest.param("rescued 3\u202f210 defenders", "3\u202f210", 3210, id="narrow-nbsp"),
        pytest.param("повернули 3.210 захисників", "3.210", 3210, id="dot-three-digits"),
        pytest.param("the bodies of 1,212 soldiers", "1,212", 1212, id="bodies-1212"),
        pytest.param("1 000 000 people", "1 000 000", 1_000_000, id="two-groups"),
        pytest.param("вернули 1 000 военных", "1 000", 1000, id="ru-space"),
    ],
)
def test_digits_with_thousands_separators_are_one_count(text: str, quote: str, value: int) -> None:
    m = _only(text)
    assert (m.quote, m.value, m.kind) == (quote, value, K.COUNT)


@pytest.mark.parametrize(
    ("text", "forbidden"),
    [
        pytest.param("an average of 5.63 people", 563, id="en-decimal"),
        pytest.param("у середньому 2,5 людини", 25, id="uk-decimal-comma"),
        pytest.param("ratio 1.5 to one", 15, id="decimal-before-word"),
    ],
)
def test_decimals_are_not_counts(text: str, forbidden: int) -> None:
    assert all(m.value != forbidden for m in find_mentions(text))
    assert not states_value(text, forbidden)


@pytest.mark.parametrize(
    ("text", "quote", "value"),
    [
        pytest.param("$6 billion in frozen funds", "$6 billion", 6_000_000_000, id="dollar-billion"),
        pytest.param("(roughly €5.63 billion)", "€5.63 billion", 5_630_000_000, id="euro-decimal-billion"),
        pytest.param("виплатили 5 000 грн", "5 000", 5000, id="uk-hryvnia"),
        pytest.param("2 миллиарда долларов", "2 миллиарда", 2_000_000_000, id="ru-billion"),
        pytest.param("six billion dollars", "six billion", 6_000_000_000, id="words-billion"),
    ],
)
def test_money_is_money_not_a_count(text: str, quote: str, value: int) -> None:
    m = _only(text)
    assert (m.quote, m.value, m.kind) == (quote, value, K.MONEY)


@pytest.mark.parametrize(
    ("text", "quote", "value"),
    [
        pytest.param("five women", "five", 5, id="unit"),
        pytest.param("Twelve Ukrainians came home", "Twelve", 12, id="capitalised-teen"),
        pytest.param("Thirty-one members of the armed forces", "Thirty-one", 31, id="hyphenated"),
        pytest.param('"Two hundred and seven of our people"', "Two hundred and seven", 207, id="hundred-and"),
        pytest.param("one hundred and twenty-five marines", "one hundred and twenty-five", 125, id="long"),
        pytest.param("three thousand soldiers", "three thousand", 3000, id="thousand"),
        pytest.param("a hundred prisoners", "a hundred", 100, id="a-hundred"),
        pytest.param("about a dozen medics", "a dozen", 12, id="a-dozen"),
        pytest.param("one of those released", "one", 1, id="one-of"),
        pytest.param("NINETY prisoners", "NINETY", 90, id="upper-case"),
        pytest.param("2 thousand people", "2 thousand", 2000, id="digits-and-scale"),
        pytest.param("1.5 million people", "1.5 million", 1_500_000, id="decimal-and-scale"),
    ],
)
def test_english_number_words(text: str, quote: str, value: int) -> None:
    m = _find(text, quote)
    assert (m.value, m.kind) == (value, K.COUNT)


@pytest.mark.parametrize(
    ("text", "quote", "value"),
    [
        pytest.param("más de 3 mil prisioneros", "3 mil", 3000, id="es-mil"),
        pytest.param("mais de 3,5 mil prisioneiros", "3,5 mil", 3500, id="pt-decimal-mil"),
        pytest.param("oltre 6mila corpi", "6mila", 6000, id="it-mila-glued"),
        pytest.param("ponad 5,5 tys. Ukraińców", "5,5 tys", 5500, id="pl-tys"),
        pytest.param("5 bin esir", "5 bin", 5000, id="tr-bin"),
        pytest.param("3 ezer fogoly", "3 ezer", 3000, id="hu-ezer"),
        pytest.param("عاد 3 آلاف أسير", "3 آلاف", 3000, id="ar-thousands"),
        pytest.param("über 2,5 Tausend Gefangene", "2,5 Tausend", 2500, id="de-tausend"),
    ],
)
def test_a_figure_and_the_word_for_thousands_are_one_count(text: str, quote: str, value: int) -> None:
    m = _find(text, quote)
    assert (m.value, m.kind) == (value, K.COUNT)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("someone came back", id="someone"),
        pytest.param("none of them", id="none"),
        pytest.param("he was alone", id="alone"),
        pytest.param("in a calm tone", id="tone"),
        pytest.param("often", id="often"),
        pytest.param("a man and an officer", id="articles"),
        pytest.param("no one was left behind", id="no-one"),
        pytest.param("they helped one another", id="one-another"),
        pytest.param("F-16 jets and COVID-19", id="codes"),
        pytest.param("a 5km march", id="glued-unit"),
        pytest.param("тисячі полонених досі в Росії", id="uk-thousands-plural"),
        pytest.param("тысячи пленных", id="ru-thousands-plural"),
        pytest.param("десятки полонених", id="uk-tens-of"),
        pytest.param("сім'я чекала", id="uk-family-not-seven"),
        pytest.param("", id="empty"),
    ],
)
def test_words_that_are_not_numbers(text: str) -> None:
    assert find_mentions(text) == ()


@pytest.mark.parametrize(
    ("text", "languages"),
    [
        pytest.param("Oto szczęście: ten, który wrócił, jest z nami.", ("pl",), id="pl-ten-is-this"),
        pytest.param("Ukraina odzyskała w ten sposób ciała.", ("pl",), id="pl-in-this-way"),
        pytest.param("Il a dit one more time.", ("fr",), id="fr-english-quote"),
    ],
)
def test_english_number_words_only_in_an_article_that_may_be_english(text: str, languages: tuple[str, ...]) -> None:
    assert find_mentions(text, languages=languages) == ()
    assert find_mentions(text, languages=(*languages, "en")) != ()  # English: a number word


@pytest.mark.parametrize(
    ("word", "value"),
    [
        *[(w, 1) for w in ("один", "одна", "одного", "одній", "одному")],
        *[(w, 2) for w in ("два", "дві", "двох", "двома")],
        *[(w, 3) for w in ("три", "трьох", "трьома")],
        *[(w, 4) for w in ("чотири", "чотирьох", "чотирма")],
        *[(w, 5) for w in ("п'ять", "п'яти", "п'ятьох", "п’ять", "пʼять", "п`ять")],
        *[(w, 6) for w in ("шість", "шести", "шістьох")],
        *[(w, 7) for w in ("сім", "семи", "сімох")],
        *[(w, 8) for w in ("вісім", "восьми", "вісьмох")],
        *[(w, 9) for w in ("дев'ять", "дев'яти", "дев’ятьох")],
        ("десять", 10),
        ("одинадцять", 11),
        ("дванадцяти", 12),
        ("п'ятнадцятьох", 15),
        ("дев'ятнадцять", 19),
        ("двадцять", 20),
        ("тридцяти", 30),
        ("сорок", 40),
        ("п'ятдесят", 50),
        ("шістдесяти", 60),
        ("дев'яносто", 90),
        ("сто", 100),
        ("двісті", 200),
        ("двохсот", 200),
        ("триста", 300),
        ("чотириста", 400),
        ("п'ятсот", 500),
        ("п'ятисот", 500),
        ("вісімсот", 800),
        ("тисяча", 1000),
        ("тисячу", 1000),
    ],
)
def test_ukrainian_cardinals_in_their_inflections(word: str, value: int) -> None:
    m = _only(f"повернули {word} оборонців")
    assert (m.quote, m.value, m.kind) == (word, value, K.COUNT)


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("двоє", 2),
        ("троє", 3),
        ("четверо", 4),
        ("п'ятеро", 5),
        ("п’ятеро", 5),
        ("пʼятеро", 5),
        ("п`ятеро", 5),
        ("шестеро", 6),
        ("семеро", 7),
        ("восьмеро", 8),
        ("дев'ятеро", 9),
        ("десятеро", 10),
        ("вісімнадцятеро", 18),
    ],
)
def test_ukrainian_collectives_with_any_apostrophe(word: str, value: int) -> None:
    text = f"Ще {word} - офіцери"
    m = _only(text)
    assert (m.quote, m.value, m.kind) == (word, value, K.COUNT)
    assert text[m.start : m.end] == word


@pytest.mark.parametrize(
    ("word", "value"),
    [
        *[(w, 1) for w in ("один", "одна", "одного", "одной")],
        *[(w, 2) for w in ("два", "две", "двух", "двумя")],
        *[(w, 3) for w in ("три", "трёх", "трех", "тремя")],
        *[(w, 4) for w in ("четыре", "четырёх")],
        *[(w, 5) for w in ("пять", "пяти")],
        ("шесть", 6),
        ("семь", 7),
        ("восемь", 8),
        ("восьми", 8),
        ("девять", 9),
        ("десять", 10),
        ("одиннадцать", 11),
        ("пятнадцати", 15),
        ("девятнадцать", 19),
        ("двадцать", 20),
        ("сорока", 40),
        ("пятьдесят", 50),
        ("девяносто", 90),
        ("сто", 100),
        ("двести", 200),
        ("трёхсот", 300),
        ("четыреста", 400),
        ("пятьсот", 500),
        ("девятьсот", 900),
        ("тысяча", 1000),
        ("двое", 2),
        ("трое", 3),
        ("четверо", 4),
        ("пятеро", 5),
        ("шестеро", 6),
        ("семеро", 7),
    ],
)
def test_russian_cardinals_and_collectives(word: str, value: int) -> None:
    m = _only(f"вернули {word} военных")
    assert (m.quote, m.value, m.kind) == (word, value, K.COUNT)


@pytest.mark.parametrize(
    ("text", "quote", "value"),
    [
        pytest.param("повернули сто сорок оборонців", "сто сорок", 140, id="uk-140"),
        pytest.param("Двадцять один полонений", "Двадцять один", 21, id="uk-21"),
        pytest.param("дві тисячі двісті захисників", "дві тисячі двісті", 2200, id="uk-2200"),
        pytest.param("тисяча двісті", "тисяча двісті", 1200, id="uk-1200"),
        pytest.param("три тисячі військових", "три тисячі", 3000, id="uk-3000"),
        pytest.param("вернули сто сорок два военных", "сто сорок два", 142, id="ru-142"),
        pytest.param("две тысячи человек", "две тысячи", 2000, id="ru-2000"),
        pytest.param("понад 3 тисячі", "3 тисячі", 3000, id="uk-digits-and-scale"),
        pytest.param("1,5 тис. осіб", "1,5 тис", 1500, id="uk-abbreviated-scale"),
    ],
)
def test_ukrainian_and_russian_compounds(text: str, quote: str, value: int) -> None:
    m = _find(text, quote)
    assert (m.value, m.kind) == (value, K.COUNT)


@pytest.mark.parametrize(
    ("text", "separate"),
    [
        pytest.param("повертаються вісім офіцерів і 98 військовослужбовців", ["вісім", "98"], id="uk-and"),
        pytest.param("п'ять-шість осіб", ["п'ять", "шість"], id="uk-range"),
        pytest.param("five six seven", ["five", "six", "seven"], id="en-list"),
        pytest.param("seventy and five", ["seventy", "five"], id="and-only-after-hundreds"),
    ],
)
def test_neighbouring_numbers_stay_separate(text: str, separate: list[str]) -> None:
    assert [m.quote for m in find_mentions(text)] == separate


@pytest.mark.parametrize(
    ("text", "quote", "fraction"),
    [
        pytest.param("at least a third of those rescued", "a third", "1/3", id="a-third"),
        pytest.param("one third of them", "one third", "1/3", id="one-third"),
        pytest.param("one-third of them", "one-third", "1/3", id="one-third-hyphen"),
        pytest.param("two thirds of them", "two thirds", "2/3", id="two-thirds"),
        pytest.param("half of them", "half", "1/2", id="half"),
        pytest.param("a half of them", "a half", "1/2", id="a-half"),
        pytest.param("a quarter of them", "a quarter", "1/4", id="a-quarter"),
        pytest.param("three quarters", "three quarters", "3/4", id="three-quarters"),
        pytest.param("третина звільнених", "третина", "1/3", id="uk-third"),
        pytest.param("майже третину", "третину", "1/3", id="uk-third-acc"),
        pytest.param("дві третини", "дві третини", "2/3", id="uk-two-thirds"),
        pytest.param("половина з них", "половина", "1/2", id="uk-half"),
        pytest.param("половину", "половину", "1/2", id="uk-half-acc"),
        pytest.param("чверть", "чверть", "1/4", id="uk-quarter"),
        pytest.param("треть освобожденных", "треть", "1/3", id="ru-third"),
        pytest.param("две трети", "две трети", "2/3", id="ru-two-thirds"),
        pytest.param("половина пленных", "половина", "1/2", id="ru-half"),
        pytest.param("1/3 of them", "1/3", "1/3", id="digits"),
        pytest.param("½ of them", "½", "1/2", id="vulgar"),
        pytest.param("50% of them", "50%", "1/2", id="percent"),
        pytest.param("25 відсотків", "25 відсотків", "1/4", id="uk-percent"),
    ],
)
def test_fractions(text: str, quote: str, fraction: str) -> None:
    m = _find(text, quote)
    assert (m.value, m.fraction, m.kind) == (None, fraction, K.FRACTION)


def test_third_without_a_count_is_an_ordinal() -> None:
    m = _only("the third exchange this year")
    assert (m.quote, m.value, m.kind) == ("third", 3, K.ORDINAL)


@pytest.mark.parametrize(
    ("text", "quote", "qualifier", "phrase"),
    [
        pytest.param("at least a third of those", "a third", Q.AT_LEAST, "at least a third", id="at-least"),
        pytest.param("At least 1,000", "1,000", Q.AT_LEAST, "At least 1,000", id="at-least-capital"),
        pytest.param("no fewer than 20", "20", Q.AT_LEAST, "no fewer than 20", id="no-fewer-than"),
        pytest.param("Щонайменше семеро врятованих", "семеро", Q.AT_LEAST, "Щонайменше семеро", id="uk-at-least"),
        pytest.param("не менше 200", "200", Q.AT_LEAST, "не менше 200", id="uk-not-less"),
        pytest.param("не менее 200", "200", Q.AT_LEAST, "не менее 200", id="ru-not-less"),
        pytest.param("More than 3,000 Ukrainians", "3,000", Q.MORE_THAN, "More than 3,000", id="more-than"),
        pytest.param("over 90 prisoners", "90", Q.MORE_THAN, "over 90", id="over"),
        pytest.param("понад 250 тіл", "250", Q.MORE_THAN, "понад 250", id="uk-over"),
        pytest.param("більше 100", "100", Q.MORE_THAN, "більше 100", id="uk-more"),
        pytest.param("более 1000 человек", "1000", Q.MORE_THAN, "более 1000", id="ru-more"),
        pytest.param("свыше 300", "300", Q.MORE_THAN, "свыше 300", id="ru-over"),
        pytest.param("nearly 1,600 prisoners", "1,600", Q.APPROXIMATELY, "nearly 1,600", id="nearly"),
        pytest.param("around 400 prisoners", "400", Q.APPROXIMATELY, "around 400", id="around"),
        pytest.param("close to 40", "40", Q.APPROXIMATELY, "close to 40", id="close-to"),
        pytest.param("almost seven weeks", "seven", Q.APPROXIMATELY, "almost seven", id="almost"),
        pytest.param(
            "(roughly €5.63 billion)", "€5.63 billion", Q.APPROXIMATELY, "roughly €5.63 billion", id="roughly"
        ),
        pytest.param("близько тисячі", "тисячі", Q.APPROXIMATELY, "близько тисячі", id="uk-about-thousand"),
        pytest.param("майже 90", "90", Q.APPROXIMATELY, "майже 90", id="uk-almost"),
        pytest.param("около 50", "50", Q.APPROXIMATELY, "около 50", id="ru-about"),
        pytest.param("почти 100", "100", Q.APPROXIMATELY, "почти 100", id="ru-almost"),
        pytest.param("примерно 70", "70", Q.APPROXIMATELY, "примерно 70", id="ru-roughly"),
        pytest.param("up to 300 people", "300", Q.AT_MOST, "up to 300", id="up-to"),
        pytest.param("no more than 10", "10", Q.AT_MOST, "no more than 10", id="no-more-than"),
        pytest.param("at most 10", "10", Q.AT_MOST, "at most 10", id="at-most"),
        pytest.param("до 500 полонених", "500", Q.AT_MOST, "до 500", id="uk-up-to"),
        pytest.param("не більше 10", "10", Q.AT_MOST, "не більше 10", id="uk-not-more"),
        pytest.param("не более 10", "10", Q.AT_MOST, "не более 10", id="ru-not-more"),
    ],
)
def test_qualifiers_and_their_span(text: str, quote: str, qualifier: Qualifier, phrase: str) -> None:
    m = _find(text, quote)
    assert m.qualifier == qualifier
    assert m.qualifier_start is not None
    assert text[m.qualifier_start : m.end] == phrase


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        pytest.param("70 men and five women", "70", id="plain"),
        pytest.param("Russia handed over 90 prisoners", "90", id="handed-over"),
        pytest.param("від 21 до 59 років", "59", id="uk-range-end"),
        pytest.param("until 10 May", "10", id="date-has-no-qualifier"),
        pytest.param("до 10 апреля", "10", id="ru-until-date"),
        pytest.param("з 2014 року до 2022 року", "2022", id="uk-until-year"),
    ],
)
def test_no_qualifier_where_words_do_not_qualify_the_count(text: str, quote: str) -> None:
    m = _find(text, quote)
    assert (m.qualifier, m.qualifier_start) == (Q.EXACT, None)


@pytest.mark.parametrize(
    ("text", "quote", "kind"),
    [
        pytest.param("captured in 2022", "2022", K.YEAR, id="in-year"),
        pytest.param("nearly 1,600 prisoners of war in 2022.", "2022", K.YEAR, id="year-at-end"),
        pytest.param("in 2024 the exchanges", "2024", K.YEAR, id="in-year-the"),
        pytest.param("captured in 2020-2023", "2020", K.YEAR, id="range-start"),
        pytest.param("captured in 2020-2023", "2023", K.YEAR, id="range-end"),
        pytest.param("between 2020 and 2023", "2023", K.YEAR, id="between-years"),
        pytest.param("since February 2022", "2022", K.YEAR, id="month-year"),
        pytest.param("the 2022 invasion", "2022", K.YEAR, id="the-year"),
        pytest.param("mid-2022", "2022", K.YEAR, id="mid-year"),
        pytest.param("у 2022 році", "2022", K.YEAR, id="uk-year"),
        pytest.param("з 2014 р.", "2014", K.YEAR, id="uk-year-abbrev"),
        pytest.param("у 2022-му", "2022-му", K.YEAR, id="uk-year-suffix"),
        pytest.param("в 2025 году", "2025", K.YEAR, id="ru-year"),
        pytest.param("2000 prisoners", "2000", K.COUNT, id="count-not-year"),
        pytest.param("31 May", "31", K.DATE, id="day-month"),
        pytest.param("May 31", "31", K.DATE, id="month-day"),
        pytest.param("on 3 November", "3", K.DATE, id="on-day-month"),
        pytest.param("Feb. 4", "4", K.DATE, id="abbrev-dot"),
        pytest.param("Jan. 8", "8", K.DATE, id="jan"),
        pytest.param("Feb 1, (dpa)", "1", K.DATE, id="abbrev"),
        pytest.param("June 14, 2024", "14", K.DATE, id="us-style"),
        pytest.param("the 3rd of November", "3rd", K.DATE, id="ordinal-day"),
        pytest.param("2 жовтня", "2", K.DATE, id="uk-date"),
        pytest.param("25 травня", "25", K.DATE, id="uk-may"),
        pytest.param("2-го травня", "2-го", K.DATE, id="uk-ordinal-day"),
        pytest.param("31 декабря", "31", K.DATE, id="ru-december"),
        pytest.param("Earlier, 10 апреля, вернули", "10", K.DATE, id="ru-april"),
        pytest.param("5 февраля", "5", K.DATE, id="ru-february"),
        pytest.param("2024-05-31", "2024-05-31", K.DATE, id="iso"),
        pytest.param(" date 2024-05-31 \nText", "2024-05-31", K.DATE, id="date-line"),
        pytest.param("14.06.2024", "14.06.2024", K.DATE, id="dotted"),
        pytest.param("they may 5 people", "5", K.COUNT, id="lower-may-is-a-verb"),
        pytest.param("at 21:13", "21:13", K.TIME, id="clock"),
        pytest.param("Friday, 14 June 2024, 12:13", "12:13", K.TIME, id="clock-after-date"),
        pytest.param("began at 7 a.m. local time", "7", K.TIME, id="am"),
        pytest.param("at 7 pm", "7", K.TIME, id="pm"),
        pytest.param("виповнилося 59 років", "59", K.AGE, id="uk-years"),
        pytest.param("62 роки", "62", K.AGE, id="uk-roky"),
        pytest.param("наймолодшому - 21 рік", "21", K.AGE, id="uk-rik"),
        pytest.param("наймолодшому – 20.", "20", K.AGE, id="uk-youngest-no-unit"),
        pytest.param("aged 59", "59", K.AGE, id="aged"),
        pytest.param("Серед звільнених старших офіцерів – 12.", "12", K.COUNT, id="uk-senior-officers-no-age"),
        pytest.param("servicemen younger than 25 returned", "25", K.AGE, id="younger-than"),
        pytest.param("військові молодше 25 та поранені", "25", K.AGE, id="uk-younger"),
        pytest.param("военнослужащих моложе 25 и тяжелобольных", "25", K.AGE, id="ru-younger"),
        pytest.param("at the age of 59", "59", K.AGE, id="age-of"),
        pytest.param("59 years old", "59", K.AGE, id="years-old"),
        pytest.param("a 59-year-old man", "59", K.AGE, id="year-old"),
        pytest.param("18-річний боєць", "18", K.AGE, id="uk-year-old"),
        pytest.param("в возрасте 45 лет", "45", K.AGE, id="ru-age"),
        pytest.param("від 21 до 59 років", "21", K.AGE, id="uk-range-start"),
        pytest.param("aged 21 to 59", "59", K.AGE, id="aged-range-end"),
        pytest.param("This was already the 52nd exchange", "52nd", K.ORDINAL, id="nd"),
        pytest.param("the 51st", "51st", K.ORDINAL, id="st"),
        pytest.param("3rd", "3rd", K.ORDINAL, id="rd"),
        pytest.param("the 518th brigade", "518th", K.ORDINAL, id="th"),
        pytest.param("Цей обмін – 51-й за ліком", "51-й", K.ORDINAL, id="uk-suffix"),
        pytest.param("вже 69-го обміну", "69-го", K.ORDINAL, id="uk-genitive"),
        pytest.param("52-й обмін", "52-й", K.ORDINAL, id="uk-52"),
        pytest.param("the first time", "first", K.ORDINAL, id="word"),
        pytest.param("the twenty-first swap", "twenty-first", K.ORDINAL, id="compound-word"),
        pytest.param("after 48 days of captivity", "48", K.DURATION, id="days"),
        pytest.param("five days", "five", K.DURATION, id="word-days"),
        pytest.param("almost seven weeks", "seven", K.DURATION, id="weeks"),
        pytest.param("three months", "three", K.DURATION, id="months"),
        pytest.param("for 30 years", "30", K.DURATION, id="years"),
        pytest.param("a four-day truce", "four", K.DURATION, id="hyphen-day"),
        pytest.param("три дні", "три", K.DURATION, id="uk-days"),
        pytest.param("за 48 днів", "48", K.DURATION, id="uk-days-digits"),
        pytest.param("засуджений до 15 років", "15", K.DURATION, id="uk-sentence"),
        pytest.param("5 років тому", "5", K.DURATION, id="uk-ago"),
        pytest.param("пять суток", "пять", K.DURATION, id="ru-days"),
        pytest.param("from 20 to 30 days", "20", K.DURATION, id="range-start-days"),
        pytest.param("within the 1000-for-1000 format", "1000", K.FORMAT, id="for"),
        pytest.param("a 1,000-for-1,000 swap", "1,000", K.FORMAT, id="for-commas"),
        pytest.param("107-for-107", "107", K.FORMAT, id="107"),
        pytest.param("по формуле 150 на 150", "150", K.FORMAT, id="ru-na"),
        pytest.param("обмін 95 на 95", "95", K.FORMAT, id="uk-na"),
        pytest.param("a 5 for 5 swap", "5", K.FORMAT, id="spaced"),
        pytest.param("five-for-five", "five", K.FORMAT, id="words"),
        pytest.param("132 мужчины и 8 женщин", "132", K.COUNT, id="ru-count"),
        pytest.param("Israel is releasing 39 Palestinian prisoners", "39", K.COUNT, id="count"),
    ],
)
def test_kinds_tell_counts_from_other_numbers(text: str, quote: str, kind: MentionKind) -> None:
    assert _find(text, quote).kind == kind


def test_both_sides_of_a_formula_are_format() -> None:
    assert [m.kind for m in find_mentions("within the 1000-for-1000 format")] == [K.FORMAT, K.FORMAT]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "It was possible to rescue 70 men and five women from Russian captivity: six officers and "
            "65 representatives of the ranks and sergeants.",
            [
                ("70", 70, "count", "exact"),
                ("five", 5, "count", "exact"),
                ("six", 6, "count", "exact"),
                ("65", 65, "count", "exact"),
            ],
            id="seed-men-women",
        ),
        pytest.param(
            "More than 3,000 Ukrainians have been freed in 50 exchanges",
            [("3,000", 3000, "count", "more_than"), ("50", 50, "count", "exact")],
            id="cumulative",
        ),
        pytest.param(
            "Thirty-one members of Armenia's armed forces captured in 2020-2023",
            [
                ("Thirty-one", 31, "count", "exact"),
                ("2020", 2020, "year", "exact"),
                ("2023", 2023, "year", "exact"),
            ],
            id="armenia",
        ),
        pytest.param(
            "Найстаршому ... виповнилося 59 років, наймолодшому - 21 рік",
            [("59", 59, "age", "exact"), ("21", 21, "age", "exact")],
            id="uk-ages",
        ),
        pytest.param(
            "132 мужчины и 8 женщин, 22 офицера и 118 сержантов и солдат",
            [
                ("132", 132, "count", "exact"),
                ("8", 8, "count", "exact"),
                ("22", 22, "count", "exact"),
                ("118", 118, "count", "exact"),
            ],
            id="ru-breakdown",
        ),
        pytest.param(
            "Earlier, 10 апреля, ... вернули 106 российских военнослужащих",
            [("10", 10, "date", "exact"), ("106", 106, "count", "exact")],
            id="ru-date-then-count",
        ),
        pytest.param(
            "Israel is releasing 39 Palestinian prisoners — 24 women and 15 teenagers",
            [("39", 39, "count", "exact"), ("24", 24, "count", "exact"), ("15", 15, "count", "exact")],
            id="israel",
        ),
        pytest.param(
            "the first time in almost seven weeks",
            [("first", 1, "ordinal", "exact"), ("seven", 7, "duration", "approximately")],
            id="weeks",
        ),
        pytest.param(
            "$6 billion (roughly €5.63 billion)",
            [
                ("$6 billion", 6_000_000_000, "money", "exact"),
                ("€5.63 billion", 5_630_000_000, "money", "approximately"),
            ],
            id="money",
        ),
        pytest.param(
            "Friday, 14 June 2024, 12:13",
            [("14", 14, "date", "exact"), ("2024", 2024, "year", "exact"), ("12:13", None, "time", "exact")],
            id="date-line",
        ),
        pytest.param(
            "nearly 1,600 prisoners of war in 2022",
            [("1,600", 1600, "count", "approximately"), ("2022", 2022, "year", "exact")],
            id="nearly-in-year",
        ),
        pytest.param(
            "Ще двоє - офіцери",
            [("двоє", 2, "count", "exact")],
            id="uk-two-more",
        ),
    ],
)
def test_sample_sentences_from_the_dev_set(text: str, expected: list[_Row]) -> None:
    assert _summary(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Повернулися п’ятеро\u00a0та 3\u202f210 оборонців, щонайменше\u00a0третина", id="uk"),
        pytest.param("“Two hundred and seven” of our people — at\u00a0least 1,000", id="en"),
        pytest.param("\u00a0\u00a0около\u00a0ста сорока\u00a0пленных, трёх офицеров", id="ru"),
        pytest.param("İİİ five İ 3 210 İ", id="case-changing-letters"),
    ],
)
def test_spans_index_the_original_text(text: str) -> None:
    found = find_mentions(text)
    assert found
    for m in found:
        assert text[m.start : m.end] == m.quote
        if m.qualifier_start is not None:
            assert m.qualifier_start < m.start


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("two hundred and seven", 207),
        ("thirty-one", 31),
        ("Twelve", 12),
        ("3 210", 3210),
        ("3,210", 3210),
        ("3.210", 3210),
        ("3\u202f210", 3210),
        ("3\u00a0210", 3210),
        ("1,000", 1000),
        ("  42 ", 42),
        ("п'ятеро", 5),
        ("п’ятеро", 5),
        ("сто сорок", 140),
        ("двадцять один", 21),
        ("тысяча", 1000),
        ("сто сорок два", 142),
        ("a hundred", 100),
        ("52nd", 52),
        ("", None),
        ("a", None),
        ("five women", None),
        ("5.63", None),
        ("half", None),
        ("тисячі", None),
        ("21:13", None),
        ("seventy and five", None),
        ("someone", None),
    ],
)
def test_parse_number(words: str, value: int | None) -> None:
    assert parse_number(words) == value


@pytest.mark.parametrize(
    ("quote", "value", "states"),
    [
        ("70 men", 70, True),
        ("five women", 5, True),
        ("3 210", 3210, True),
        ("3,210 defenders", 3210, True),
        ("Щонайменше семеро", 7, True),
        ("п’ятеро", 5, True),
        ("сто сорок два", 142, True),
        ("the 52nd exchange", 52, True),
        ("1000-for-1000", 1000, True),
        ("70 men", 7, False),
        ("five women", 50, False),
        ("3,210", 210, False),
        ("someone", 1, False),
        ("", 0, False),
    ],
)
def test_states_value(quote: str, value: int, states: bool) -> None:
    assert states_value(quote, value) is states


def test_states_value_can_be_limited_to_kinds() -> None:
    assert states_value("the 52nd exchange", 52)
    assert not states_value("the 52nd exchange", 52, kinds={K.COUNT, K.FORMAT})
    assert states_value("52 prisoners", 52, kinds={K.COUNT})


@pytest.mark.parametrize(
    ("quote", "fraction", "states"),
    [
        ("at least a third of those", "1/3", True),
        ("третина звільнених", "1/3", True),
        ("треть", "2/6", True),
        ("two thirds", "2/3", True),
        ("half of them", "1/2", True),
        ("50%", "1/2", True),
        ("a third", "1/2", False),
        ("33 people", "1/3", False),
        ("a third", "1/0", False),
        ("a third", "one third", False),
    ],
)
def test_states_fraction(quote: str, fraction: str, states: bool) -> None:
    assert states_fraction(quote, fraction) is states


_FRAGMENTS = [
    "0", "7", "21", "2022", "3,210", "3 210", "5.63", "1/3", "21:13", "52nd", "51-й", "$6", "€", "%", "½",
    "one", "two", "hundred", "and", "thousand", "billion", "a", "an", "half", "third", "thirds", "no one",
    "п'ять", "п’ятеро", "сто", "сорок", "тисячі", "тысяча", "трёх", "третина", "треть", "років", "дні",
    "at least", "over", "more than", "до", "від", "понад", "около", "May", "травня", "years old", "for",
    "на", "-", "–", "'", "’", ".", ",", " ", "\u00a0", "\u202f", "\n", "İ", "ß", "٣", "x", "the", "days",
]  # fmt: skip


def _check_invariants(text: str) -> None:
    found = find_mentions(text)
    last_end = 0
    for m in found:
        assert text[m.start : m.end] == m.quote
        assert m.start < m.end
        assert m.start >= last_end
        last_end = m.end
        assert (m.fraction is None) == (m.kind != K.FRACTION)
        if m.qualifier_start is None:
            assert m.qualifier == Q.EXACT
        else:
            assert m.qualifier != Q.EXACT
            assert 0 <= m.qualifier_start < m.start
    parse_number(text)
    states_value(text, 5)
    states_fraction(text, "1/3")
    states_fraction("a third", text)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_gives_sorted_non_overlapping_spans_that_match(text: str) -> None:
    _check_invariants(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=30).map("".join))
def test_number_like_text_gives_sorted_non_overlapping_spans_that_match(text: str) -> None:
    _check_invariants(text)


@pytest.mark.parametrize(
    ("text", "language", "quote", "value", "kind"),
    [
        # a year after its preposition, whatever word follows
        ("In 2020 they were sentenced to 20 years.", "en", "2020", 2020, K.YEAR),
        ("Since 2014 more than 3,000 have come home.", "en", "2014", 2014, K.YEAR),
        ("Im Jahr 2023 kamen 200 frei.", "de", "2023", 2023, K.YEAR),
        ("منذ عام 1968: أبرز الصفقات", "ar", "1968", 1968, K.YEAR),
        ("ولفت إلى أن 1968 أسيرًا نالوا حريتهم", "ar", "1968", 1968, K.COUNT),  # Arabic has no lower case
        ("Russia freed 2000 prisoners in 2022.", "en", "2000", 2000, K.COUNT),
        # French compounds written with hyphens are one number (text2num)
        ("en contrepartie, trente-neuf détenus palestiniens", "fr", "trente-neuf", 39, K.COUNT),
        ("quatre-vingt-dix-neuf otages", "fr", "quatre-vingt-dix-neuf", 99, K.COUNT),
        # half a thousand, which no number-word table reads
        ("понад пів тисячі наших громадян", "uk", "пів тисячі", 500, K.COUNT),
        ("ponad pół tysiąca jeńców", "pl", "pół tysiąca", 500, K.COUNT),
        ("вернулись полтысячи пленных", "ru", "полтысячи", 500, K.COUNT),
        # the day of the month in brackets after its weekday (the lexicon's weekdays)
        ("informaram nesta terça-feira (28).", "pt", "28", 28, K.DATE),
        ("el martes (28) fueron liberados 30 presos", "es", "28", 28, K.DATE),
        # things carried are not people
        ("137 camions y ont été vidés", "fr", "137", 137, K.MEASURE),
        ("200 trucks of aid crossed", "en", "200", 200, K.MEASURE),
        ("the two places lie about 100 kilometers apart", "en", "100", 100, K.MEASURE),
        # a date written with hyphens
        ("04-07-2021 According to the ministry", "en", "04-07-2021", 4, K.DATE),
        # the sides themselves are not people
        ("Rusya-Ukrayna savaşı sürerken iki taraf yeni bir takasa imza attı", "tr", "iki", 2, K.MEASURE),
        ("las escaramuzas entre los dos bandos persisten", "es", "dos", 2, K.MEASURE),
        ("the two sides swapped 90 each", "en", "two", 2, K.MEASURE),
        ("contre trois fois plus de détenus palestiniens", "fr", "trois", 3, K.MEASURE),  # a multiplier
        # number words of Polish, Turkish, Hungarian and Arabic (the lexicon's number.* words)
        ("Uwolniono dwóch żołnierzy rosyjskich", "pl", "dwóch", 2, K.COUNT),
        ("wróciło sto dwadzieścia trzy osoby", "pl", "sto dwadzieścia trzy", 123, K.COUNT),
        ("za dwa tysiące jeńców", "pl", "dwa tysiące", 2000, K.COUNT),
        ("pięciuset obrońców Mariupola", "pl", "pięciuset", 500, K.COUNT),
        ("on üç sivil serbest bırakıldı", "tr", "on üç", 13, K.COUNT),
        ("iki yüz elli esir takas edildi", "tr", "iki yüz elli", 250, K.COUNT),
        ("Oroszország további tíz külföldit engedett el", "hu", "tíz", 10, K.COUNT),
        ("kétszázötven fogoly tért haza", "hu", "kétszázötven", 250, K.COUNT),
        ("huszonhárom katona és ezerkétszáz civil", "hu", "ezerkétszáz", 1200, K.COUNT),
        ("a foglyok közül ötöt elengedtek", "hu", "ötöt", 5, K.COUNT),
        ("أفرج عن خمسة وعشرين أسيرا", "ar", "خمسة وعشرين", 25, K.COUNT),
        ("أفرج عن ثلاثة عشر أسيرا", "ar", "ثلاثة عشر", 13, K.COUNT),
        ("أكثر من ثلاثة آلاف أسير", "ar", "ثلاثة آلاف", 3000, K.COUNT),
    ],
)
def test_numbers_read_in_the_articles_language(
    text: str, language: str, quote: str, value: int, kind: MentionKind
) -> None:
    from powx_llm import lexicon

    hits = [m for m in find_mentions(text, languages=lexicon.for_language(language)) if m.quote == quote]
    assert [(m.value, m.kind) for m in hits] == [(value, kind)]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Bakanlık bir açıklama yaptı", "tr"),  # "bir" alone is the article
        ("arabuluculuğun altı çizildi", "tr"),  # "altı" alone is "under" here
        (
            "egy hatalmas ötlet, kétszer ezredes",
            "hu",
        ),  # an article; "hat-", "öt-", "két-", "ezre-" inside words ("ötödik" is an ordinal: test_cues.py)
        ("tysiące ludzi wyszły na ulice", "pl"),  # "thousands" with no count
        ("آلاف الأسرى ما زالوا في السجون", "ar"),
        ("أحد الأسرى المفرج عنهم", "ar"),  # "one of"
        ("Dwóch żołnierzy", "de"),  # Polish words in a German article are no numbers
        ("on gün sonra", "en"),  # Turkish "on" is ten only in Turkish
    ],
)
def test_number_words_that_are_no_count(text: str, language: str) -> None:
    from powx_llm import lexicon

    assert find_mentions(text, languages=lexicon.for_language(language)) == ()


def test_hungarian_two_number_words_in_a_row_are_a_count_and_its_unit() -> None:
    from powx_llm import lexicon

    found = find_mentions("két hét múlva újabb csere jön", languages=lexicon.for_language("hu"))
    assert [(m.quote, m.value) for m in found] == [("két", 2)]


@pytest.mark.parametrize(
    ("text", "languages", "kind"),
    [
        pytest.param("İsrail aynı gün 1966 Filistinli tutukluyu serbest bıraktı.", ("tr",), "count", id="tr-people"),
        pytest.param("Israel ließ 1968 palästinensische Häftlinge frei.", ("de",), "count", id="de-people"),
        pytest.param("captured during a 2022 Russian assault", ("en",), "year", id="en-a-year"),
        pytest.param("after the 2022 Russian invasion", ("en",), "year", id="en-the-year"),
        pytest.param("In 2014 Russia annexed Crimea.", ("en",), "year", id="en-in-year"),
    ],
)
def test_a_year_shaped_number_before_a_people_is_a_count(text: str, languages: tuple[str, ...], kind: str) -> None:
    assert [m.kind.value for m in find_mentions(text, languages=languages)] == [kind]


@pytest.mark.parametrize(
    ("text", "languages", "kinds"),
    [
        pytest.param("Andrei Kuzmich, 41, had served four years.", ("en",), ["age", "duration"], id="en-name-comma"),
        pytest.param("Kowalczyk, 57-latek, przekroczył granicę.", ("pl",), ["age"], id="pl-latek"),
        pytest.param("Der 67-jährige Landwirt kam frei.", ("de",), ["age"], id="de-jaehrig"),
        pytest.param("A 67 éves férfi hazatért.", ("hu",), ["age"], id="hu-eves"),
        pytest.param("In Kyiv, 95 soldiers came home.", ("en",), ["count"], id="en-not-an-age"),
    ],
)
def test_a_persons_age(text: str, languages: tuple[str, ...], kinds: list[str]) -> None:
    assert [m.kind.value for m in find_mentions(text, languages=languages)] == kinds


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("Les otages, âgés de 29 à 63 ans, ont transité par Niamey.", "fr", 29),
        ("Los hombres, de entre 32 y 71 años, habían pasado meses presos.", "es", 32),
        ("Os israelitas, de 29 e 61 anos, estiveram presos.", "pt", 29),
        ("Gli ostaggi di 52 e 65 anni sono tornati.", "it", 52),
        ("Die Männer, zwischen 22 und 35 Jahre alt, kamen frei.", "de", 22),
        ("Usłyszeli wyroki od 13 do 23 lat pozbawienia wolności.", "pl", 13),
    ],
)
def test_the_first_end_of_a_range_of_ages_or_years_is_no_count(text: str, language: str, value: int) -> None:
    """The unit after a range's last number serves its first too, joined by the language's word for "to"/"and"."""
    assert [m.kind.value for m in find_mentions(text, languages=(language,)) if m.value == value] == ["duration"]
