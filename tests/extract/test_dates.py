"""When the exchange happened: a weekday with its full date, else the weekday the opening names, else the day
of the month it states for the handover within the week before the article's date, else the article's date
(annotation convention 9)."""

from __future__ import annotations

import datetime as dt

import pytest

from powx_llm.extract import Side, Sides, assemble
from powx_llm.read import analyse, read_article

UA_RU = Side(received_by="Ukraine", released_by="Russia", people=90, people_words="90 prisoners")


def _date(text: str) -> dt.date | None:
    exchange, _ = assemble(analyse(read_article(text)), Sides(kind="prisoner_exchange", sides=[UA_RU]))
    return exchange.exchange_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" date 2024-06-26\nOn June 25 Russia and Ukraine exchanged 90 prisoners each.", dt.date(2024, 6, 25)),
        (" date 2020-12-15\n14 Aralık'ta 90 esir takas edildi ve Ermenistan'a getirildi.", dt.date(2020, 12, 14)),
        (" date 2024-06-26\nRussia and Ukraine exchanged 90 prisoners each today.", dt.date(2024, 6, 26)),
        # a weekday as an adjective: "the Thursday exchange" (Polish)
        (" date 2026-01-30\nW czwartkowej wymianie jeńców na Ukrainę wróciło 90 osób.", dt.date(2026, 1, 29)),
        # the weekday wins over a stamped day ("04-07-2021" is when it was written)
        (" date 2021-07-04\nOn Saturday 90 prisoners were exchanged. 04-07-2021 Russia said so.", dt.date(2021, 7, 3)),
        # a day of another handover, long before, is background
        (
            " date 2024-06-26\nRussia and Ukraine exchanged 90 prisoners. On June 5 another swap took place.",
            dt.date(2024, 6, 26),
        ),
        # a day a plan names is no handover's
        (" date 2024-06-26\nThey exchanged 90 prisoners; on June 24 they will free more.", dt.date(2024, 6, 26)),
        # a weekday with its full date is that date, even a month back (convention 9: the day the words state)
        (
            " date 2026-03-05\nОбмін полоненими провели у четвер, 5 лютого: повернулися 90 військових.",
            dt.date(2026, 2, 5),
        ),
        (
            " date 2024-06-26\nOn Tuesday, June 25, Russia and Ukraine exchanged 90 prisoners each.",
            dt.date(2024, 6, 25),
        ),
        (
            " date 2024-07-10\nOn Tuesday, June 25, Russia and Ukraine exchanged 90 prisoners each.",
            dt.date(2024, 6, 25),
        ),
        # ... but not one of months before: the weekday alone counts
        (" date 2024-06-26\nOn Thursday, 5 February, 90 prisoners were exchanged.", dt.date(2024, 6, 20)),
    ],
)
def test_the_exchange_date(text: str, expected: dt.date) -> None:
    assert _date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # no date line: a full date the words give the handover, with its year (convention 9)
        ("Ukraine got back 90 soldiers on 12 March 2025, officials said.", dt.date(2025, 3, 12)),
        ("Russia and Ukraine exchanged 90 prisoners on March 12, 2025.", dt.date(2025, 3, 12)),
        ("В субботу, 14 июня 2025 года, Россия и Украина передали друг другу по 90 пленных.", dt.date(2025, 6, 14)),
        ("El 3 de mayo de 2024 Ucrania recuperó a 90 soldados.", dt.date(2024, 5, 3)),
        # ... not a day without its year, nor the date of another event
        ("Ukraine got back 90 soldiers on 12 March, officials said.", None),
        ("Hamas handed over the bodies of four hostages taken after the October 7, 2023, attack.", None),
        ("Seit dem 24. Februar 2022 kamen 90 Soldaten zurück.", None),
    ],
)
def test_a_full_date_without_a_date_line(text: str, expected: dt.date | None) -> None:
    assert _date(text) == expected
