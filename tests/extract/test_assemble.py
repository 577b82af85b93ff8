"""Assembly: whatever the model answers and whatever the text, the result is a valid, grounded Exchange."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from powx_llm import Exchange, Status, check
from powx_llm.extract import Side, Sides, assemble
from powx_llm.read import analyse, read_article
from tests.helpers import SEED_TEXT

WORDS = [
    "75",
    "70 men",
    "five women",
    "3,210",
    "the 52nd exchange",
    "Ukraine",
    "Russia",
    "returned",
    "bodies of",
    "12",
    "including",
    "13 from the Navy",
    "at least a third",
    "civilians",
    "шестеро",
    "цивільних",
    "п'ять",
    "обмін",
    "Україна",
    "2024",
    "31 May",
    ".",
    ",",
    "\n",
    "of the",
    "were freed",
    "UAE",
    "mediated",
    "—",
]

sides = st.builds(
    Sides,
    kind=st.sampled_from(["prisoner_exchange", "body_repatriation", "release", "mixed", "none"]),
    sides=st.lists(
        st.builds(
            Side,
            received_by=st.sampled_from(["Ukraine", "Russia", "Kyiv", "Бахмут", "", "SSU"]),
            released_by=st.one_of(st.none(), st.sampled_from(["Russia", "Ukraine", "Moscow"])),
            people=st.one_of(st.none(), st.integers(min_value=-5, max_value=5000)),
            people_words=st.one_of(st.none(), st.sampled_from(WORDS), st.text(max_size=20)),
            bodies=st.one_of(st.none(), st.integers(min_value=-5, max_value=5000)),
            bodies_words=st.one_of(st.none(), st.sampled_from(WORDS)),
        ),
        max_size=3,
    ),
    mediators=st.lists(st.sampled_from(["UAE", "Ukraine", "ICRC", "Qatar", "x"]), max_size=3),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=40).map(" ".join), sides)
def test_any_answer_on_any_text_gives_a_grounded_exchange(words: str, answer: Sides) -> None:
    text = f"Report: {words}"
    exchange, dropped = assemble(analyse(read_article(text)), answer)
    assert isinstance(exchange, Exchange)
    report = check(exchange, text=text)
    assert not report.by_status(Status.UNGROUNDED)  # every number comes from a mention of the text
    assert all(isinstance(line, str) and line for line in dropped)


@pytest.mark.parametrize(
    ("side", "dropped"),
    [
        (Side(received_by="Ukraine", people=3210), "running total"),
        (Side(received_by="Ukraine", people=70), "counts only the men"),
        (Side(received_by="Ukraine", people=999), "999 is not stated"),
        (Side(received_by="Ukraine", people=75, bodies=75), "not a number of bodies"),
    ],
)
def test_numbers_that_are_not_this_exchanges_total_are_dropped_with_a_reason(side: Side, dropped: str) -> None:
    text = SEED_TEXT.read_text(encoding="utf-8")
    _, notes = assemble(analyse(read_article(text)), Sides(kind="prisoner_exchange", sides=[side]))
    assert any(dropped in note for note in notes), notes


def test_the_seed_breakdown_comes_from_the_words() -> None:
    text = SEED_TEXT.read_text(encoding="utf-8")
    answer = Sides(
        kind="prisoner_exchange",
        mediators=["UAE"],
        sides=[Side(received_by="Ukraine", released_by="Russia", people=75)],
    )
    exchange, _ = assemble(analyse(read_article(text)), answer)
    t = exchange.transfers[0]
    assert (t.sex["men"].value, t.sex["women"].value, t.rank["officers"].value, t.rank["enlisted"].value) == (
        70,
        5,
        6,
        65,
    )
    assert {(u.unit.value, u.count.value if u.count else None, u.within) for u in t.units} >= {
        ("navy", 13, "armed_forces"),
        ("armed_forces", 37, None),
    }
    assert exchange.cumulative is not None
    assert exchange.cumulative.people is not None
    assert exchange.cumulative.people.value == 3210
    assert exchange.mediators == ("United Arab Emirates",)


def _assembled(text: str, *sides: Side, mediators: tuple[str, ...] = ()) -> tuple[dict[str, object], tuple[str, ...]]:
    from powx_llm import facts

    answer = Sides(kind="prisoner_exchange", sides=list(sides), mediators=list(mediators))
    exchange, dropped = assemble(analyse(read_article(text)), answer)
    return dict(facts(exchange)), dropped


@pytest.mark.parametrize(
    ("text", "received_by", "to"),
    [
        ("Polska: 90 jeńców wróciło do Ukrainy z Rosji.", "Ukrainy", "ukraine"),
        ("Kiew meldet: 90 Gefangene sind zurückgekehrt.", "Kiew", "ukraine"),
        ("Rusya'ya 90 asker döndü.", "Rusya'ya", "russia"),
    ],
)
def test_the_models_party_resolves_in_any_language(text: str, received_by: str, to: str) -> None:
    got, _ = _assembled(text, Side(received_by=received_by, people=90, people_words="90"))
    assert got[f"{to}.people"] == 90


@pytest.mark.parametrize(("received_by", "why"), [("Wien", "not a known party"), ("UAE", "mediator")])
def test_a_place_or_the_mediator_is_never_a_party(received_by: str, why: str) -> None:
    text = "In Wien, with the UAE mediating, 90 prisoners were returned."
    got, dropped = _assembled(text, Side(received_by=received_by, people=90, people_words="90"), mediators=("UAE",))
    assert "vienna.people" not in got
    assert "united_arab_emirates.people" not in got
    assert any(received_by in line and why in line for line in dropped)


def test_a_demonym_in_another_clause_does_not_name_the_receiver() -> None:
    text = "On Saturday the two sides swapped prisoners: Ukraine got back 140 people, Russia 82."
    got, _ = _assembled(text, Side(received_by="Ukraine", released_by="Russia", people=140, people_words="140 people"))
    assert got["ukraine.people"] == 140
    assert got.get("russia.people") != 140


def test_people_from_a_countrys_captivity_are_not_its_people() -> None:
    text = "Twelve Ukrainians came home: 12 people from Russian captivity were released."
    got, _ = _assembled(text, Side(received_by="Ukraine", released_by="Russia", people=12, people_words="12 people"))
    assert "russia.people" not in got


def test_the_kind_stays_when_every_number_is_dropped_but_the_handover_happened() -> None:
    text = "Azerbaijan handed over the Armenian servicemen to Armenia today, with the ICRC's help."
    exchange, dropped = assemble(
        analyse(read_article(text)),
        Sides(kind="release", sides=[Side(received_by="Armenia", people=10)], mediators=["ICRC"]),
    )
    assert exchange.transfers == ()
    assert exchange.kind == "release"
    assert exchange.mediators == ("International Committee of the Red Cross",)
    assert any("10 is not stated" in line for line in dropped)


def test_people_a_non_state_group_released_come_from_it() -> None:
    text = "24 hostages were released by Hamas on Friday, including 13 Israelis and 10 Thais."
    got, _ = _assembled(text, Side(received_by="Israel", people=13, people_words="13 Israelis"))
    assert (got["israel.from"], got["thailand.people"], got["thailand.from"]) == ("hamas", 10, "hamas")


def test_bodies_the_words_say_a_side_got_back_are_its_own_beside_its_people() -> None:
    text = (
        "Russia and Ukraine swapped 95 prisoners each. Kyiv also took back the bodies of 501 soldiers. "
        "Russia had got back the bodies of 89 of its own soldiers, a lawmaker said."
    )
    got, _ = _assembled(
        text,
        Side(received_by="Russia", released_by="Ukraine", people=95, people_words="95"),
        Side(received_by="Ukraine", released_by="Russia", people=95, people_words="95", bodies=501, bodies_words="501"),
    )
    assert (got["russia.people"], got["russia.bodies"], got["ukraine.bodies"]) == (95, 89, 501)


def test_one_number_said_twice_of_one_group_is_not_the_other_side() -> None:
    text = "Twelve Ukrainians came home: 12 people from Russian captivity were released."
    got, _ = _assembled(text, Side(received_by="Ukraine", released_by="Russia", people=12, people_words="12 people"))
    assert "russia.people" not in got


def test_one_of_a_list_of_nationalities_is_its_own_side() -> None:
    text = "24 otages ont été relâchés par le Hamas, dont 13 Israéliens, dix Thaïlandais et un Philippin."
    got, _ = _assembled(text, Side(received_by="Israël", released_by="Hamas", people=13, people_words="13 Israéliens"))
    assert (got.get("thailand.people"), got.get("philippines.people")) == (10, 1)
    alone = "Un Philippin a été relâché par le Hamas, et 13 otages sont rentrés en Israël."
    got, _ = _assembled(alone, Side(received_by="Israël", released_by="Hamas", people=13, people_words="13 otages"))
    assert "philippines.people" not in got


def test_shortly_before_is_the_same_event_not_an_aside() -> None:
    text = (
        "Israël a relâché 33 prisonniers palestiniens. Le Hamas avait rendu peu de temps auparavant "
        "11 otages israéliens."
    )
    got, _ = _assembled(text, Side(received_by="Palestine", released_by="Israël", people=33, people_words="33"))
    assert (got["israel.people"], got["israel.from"]) == (11, "hamas")


def test_what_a_party_is_to_release_in_return_is_not_this_exchanges() -> None:
    text = (
        "On Monday Hamas turned seven hostages over to the Red Cross. Under the deal Hamas is to set free 20 "
        "living hostages while Israel, in return, releases over 1,900 Palestinian prisoners."
    )
    got, _ = _assembled(text, Side(received_by="Israel", released_by="Hamas", people=7, people_words="seven"))
    assert "palestinian_territories.people" not in got
