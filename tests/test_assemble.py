"""Assembly: whatever the model answers and whatever the text, the result is a valid, grounded Exchange."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from powx_llm import Exchange, Status, check
from powx_llm.extract import Side, Sides, assemble
from powx_llm.read import analyse, read_article
from tests.conftest import SEED_TEXT

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


@pytest.mark.parametrize(
    "text",
    [
        "84 prisoners returned to Ukraine from Russia, in an exchange of 84 for 84.",
        "Ukraine and Russia exchanged prisoners: 84 from each side were freed.",
        "Ucrania y Rusia intercambiaron prisioneros: 84 de cada lado fueron liberados.",
    ],
)
def test_equal_sides_give_both_transfers(text: str) -> None:
    got, _ = _assembled(text, Side(received_by="Ukraine", released_by="Russia", people=84, people_words="84"))
    assert (got["ukraine.people"], got["russia.people"], got["russia.from"]) == (84, 84, "ukraine")


@pytest.mark.parametrize(
    "text",
    [
        "Russia and Ukraine swapped prisoners: 190 were released, 95 from each side.",
        "Rosja i Ukraina wymieniły jeńców: uwolniono 190 osób, po 95 z każdej strony.",
        "وأُطلق سراح 190 أسيرًا. وأُفرج عن 95 جنديًا من كل طرف.",
    ],
)
def test_a_both_sides_total_given_to_one_side_is_halved_when_the_words_say_each(text: str) -> None:
    got, dropped = _assembled(text, Side(received_by="Ukraine", released_by="Russia", people=190, people_words="190"))
    assert (got["ukraine.people"], got["russia.people"]) == (95, 95)
    assert any("counts both sides; 95 from each side" in line for line in dropped)


def test_one_side_stays_one_side_without_equal_words() -> None:
    got, _ = _assembled("84 prisoners returned to Ukraine from Russia.", Side(received_by="Ukraine", people=84))
    assert "russia.people" not in got


def test_the_icrc_that_received_the_people_is_a_mediator() -> None:
    text = "Israel and Hamas exchanged prisoners. The ICRC received the 40 released prisoners at the crossing."
    got, _ = _assembled(text, Side(received_by="Israel", released_by="Hamas", people=40, people_words="40"))
    assert got["mediators"] == ["international committee of the red cross"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Fighters handed the 40 hostages over to the Red Cross.",
        "Fighters carried the coffins of the 40 to the Red Cross vehicles.",
        "Vehicles of the ICRC picked up the 40 at the crossing.",
        "The International Committee of the Red Cross examined the health of the 40 men.",
        "Ізраїль і ХАМАС обмінялися полоненими. Слова вдячності адресували Міжнародному Комітету Червоного Хреста.",
    ],
)
def test_the_icrc_as_the_neutral_intermediary_is_credited(sentence: str) -> None:
    text = sentence if sentence.startswith("Ізраїль") else f"Israel and Hamas exchanged prisoners. {sentence}"
    side = Side(received_by="Israel", released_by="Hamas", people=40, people_words="40")
    got, _ = _assembled(text, side, mediators=("Red Cross",))
    assert got["mediators"] == ["international committee of the red cross"]


def test_the_red_cross_only_seen_is_no_mediator() -> None:
    text = "Israel and Hamas exchanged 40 prisoners. A Red Cross flag flew over the square."
    got, dropped = _assembled(text, Side(received_by="Israel", people=40, people_words="40"), mediators=("Red Cross",))
    assert "mediators" not in got
    assert any("does not credit it" in line for line in dropped)


@pytest.mark.parametrize(
    ("total", "key"),
    [
        ("Since the war began, 3,210 prisoners have returned home to Ukraine.", "cumulative.ukraine.people"),
        ("Since the war began, 3,210 prisoners from both sides have been exchanged.", "cumulative.all.people"),
    ],
)
def test_a_running_total_of_both_sides_is_nobodys_own(total: str, key: str) -> None:
    text = f"Ukraine brought home 95 prisoners from Russia today. {total}"
    got, _ = _assembled(text, Side(received_by="Ukraine", released_by="Russia", people=95, people_words="95"))
    assert got[key] == 3210


def test_the_words_naming_the_people_decide_whose_they_are() -> None:
    # The model put 55 on the wrong side; "55 Russian citizens" says Russia received them.
    text = (
        "Overnight, the two countries swapped prisoners: Russia freed 215 Ukrainian defenders, "
        "and Kyiv handed over 55 Russian citizens."
    )
    got, dropped = _assembled(
        text,
        Side(received_by="Ukraine", released_by="Russia", people=55, people_words="55 Russian citizens"),
        Side(received_by="Russia", released_by="Ukraine", people=215, people_words="215 Ukrainian defenders"),
    )
    assert (got["ukraine.people"], got["russia.people"]) == (215, 55)
    assert any("swapped" in line for line in dropped)


def test_a_demonym_in_another_clause_does_not_name_the_receiver() -> None:
    text = "On Saturday the two sides swapped prisoners: Ukraine got back 140 people, Russia 82."
    got, _ = _assembled(text, Side(received_by="Ukraine", released_by="Russia", people=140, people_words="140 people"))
    assert got["ukraine.people"] == 140
    assert got.get("russia.people") != 140


def test_a_side_the_model_left_out_comes_from_the_demonym() -> None:
    text = "In the exchange 63 Russian soldiers returned home, and 116 Ukrainians were freed."
    got, _ = _assembled(text, Side(received_by="Ukraine", released_by="Russia", people=116, people_words="116"))
    assert (got["ukraine.people"], got["russia.people"], got["russia.from"]) == (116, 63, "ukraine")


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


def test_a_report_of_talks_stays_none_when_its_numbers_are_dropped() -> None:
    text = "The two sides agreed in Istanbul that they will exchange prisoners next week."
    exchange, _ = assemble(
        analyse(read_article(text)), Sides(kind="prisoner_exchange", sides=[Side(received_by="Ukraine", people=1000)])
    )
    assert (exchange.kind, exchange.transfers, exchange.mediators) == ("none", (), ())


def test_a_group_counted_by_its_sex_alone_is_the_total() -> None:
    text = "Україна повернула з російського полону 108 жінок."
    got, _ = _assembled(text, Side(received_by="Україна", released_by="Росія", people=108, people_words="108 жінок"))
    assert (got["ukraine.people"], got["ukraine.women"]) == (108, 108)


def test_a_sex_among_a_stated_total_stays_a_part() -> None:
    text = "Ukraine brought home 75 people: 70 men and 5 women."
    got, dropped = _assembled(text, Side(received_by="Ukraine", released_by="Russia", people=70, people_words="70 men"))
    assert "ukraine.people" not in got or got["ukraine.people"] != 70
    assert any("counts only the men" in line for line in dropped)


def test_the_same_number_twice_is_one_group_not_people_and_bodies() -> None:
    text = "Ucrania recupera los cuerpos de 501 militares. Ucrania ha recuperado a 501 militares caídos."
    got, _ = _assembled(text, Side(received_by="Ucrania", people=501, people_words="501"))
    assert got["ukraine.bodies"] == 501
    assert "ukraine.people" not in got


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("Сьогодні з полону вдалося повернути 185 українських військових, а також 20 цивільних.", "at_least"),
        ("Bu takasla 185 asker ve 20 sivil serbest kaldı.", "at_least"),
        ("Today 185 soldiers came home, including 20 civilians.", None),
        ("205 Ukrainians came home: 185 soldiers and 20 civilians.", None),
    ],
)
def test_servicemen_with_civilians_apart_are_at_least_the_people(text: str, qualifier: str | None) -> None:
    first = text.split("185")[0]
    value = 205 if "205" in first else 185
    got, _ = _assembled(text, Side(received_by="Ukraine", released_by="Russia", people=value, people_words=str(value)))
    assert got.get("ukraine.people_qualifier") == qualifier


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("Russia got back 55 soldiers and Viktor Medvedchuk, a close ally of Putin.", "at_least"),
        ("Oroszország 55 orosz állampolgárt és Viktor Medvedcsukot kapta vissza.", "at_least"),
        ("Russia got back 55 soldiers, among them Viktor Medvedchuk.", None),
        ("Russia got back 55 soldiers, Ivan Petrov and Oleg Sidorov the last to board.", None),
        ("Russia got back 55 soldiers and Ukraine got back 55 soldiers.", None),
    ],
)
def test_a_named_person_beside_the_figure_makes_it_at_least(text: str, qualifier: str | None) -> None:
    got, _ = _assembled(text, Side(received_by="Russia", released_by="Ukraine", people=55, people_words="55"))
    assert got.get("russia.people_qualifier") == qualifier


def test_one_side_the_words_give_to_the_other_party_moves_there() -> None:
    text = "Israël dit avoir relâché 33 prisonniers palestiniens en contrepartie des otages libérés."
    got, dropped = _assembled(text, Side(received_by="Israel", released_by="Hamas", people=33, people_words="33"))
    assert (got.get("palestinian_territories.people"), got.get("israel.people")) == (33, None)
    assert any(line.startswith("people 33 to Palestinian territories, not Israel") for line in dropped)


def test_hostages_from_gaza_come_from_hamas_whatever_their_nationality() -> None:
    text = "Hamas freed 13 Israeli hostages from Gaza; 10 Thai nationals were also released."
    got, _ = _assembled(
        text,
        Side(received_by="Israel", released_by="Gaza", people=13, people_words="13 Israeli hostages"),
        Side(received_by="Thailand", people=10, people_words="10 Thai nationals"),
    )
    assert (got["israel.from"], got["thailand.from"]) == ("hamas", "hamas")


def test_equal_sides_stated_in_another_sentence() -> None:
    text = "150 Russian soldiers came home, a caption says. In the swap, 150 soldiers were freed on both sides."
    got, _ = _assembled(
        text, Side(received_by="Ukraine", released_by="Russia", people=150, people_words="150 soldiers")
    )
    assert (got["ukraine.people"], got["russia.people"]) == (150, 150)


def test_one_stated_number_counts_one_side_unless_the_words_say_both() -> None:
    text = "84 prisoners returned home after talks between Ukraine and Russia."
    countries = ["Ukraine", "Russia", "Poland", "Germany", "France"]
    got, dropped = _assembled(text, *(Side(received_by=c, people=84, people_words="84 prisoners") for c in countries))
    assert [k for k in got if k.endswith(".people")] == ["ukraine.people"]
    assert sum("84 is already the count of" in line for line in dropped) == 4


@pytest.mark.parametrize(
    "text",
    [
        "In the exchange Russia freed 120 Ukrainians. In return, Ukraine handed over 45 people.",
        "W ramach wymiany Rosja uwolniła 120 Ukraińców. W zamian Ukraina przekazała Moskwie 45 osób.",
    ],
)
def test_what_the_receiving_side_handed_over_went_to_the_party_it_received_from(text: str) -> None:
    got, _ = _assembled(text, Side(received_by="Ukraine", released_by="Russia", people=120, people_words="120"))
    assert (got["ukraine.people"], got["russia.people"], got["russia.from"]) == (120, 45, "ukraine")


def test_the_receiving_sides_own_number_named_again_is_not_the_other_sides() -> None:
    text = "Ukraine got back 120 people. Ukraine released a list: 120 people came home."
    got, _ = _assembled(text, Side(received_by="Ukraine", released_by="Russia", people=120, people_words="120"))
    assert "russia.people" not in got


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "Додому в Україну повернуто тіла ще 58 військових. Нагадаємо, раніше з полону повернулися 207 українців.",
            "58 військових",
        ),
        ("Rosja przekazała ciała kolejnych 58 żołnierzy.", "58 żołnierzy"),
        ("Russia handed over the bodies of another 58 soldiers.", "58 soldiers"),
    ],
)
def test_bodies_of_another_n_are_bodies_and_an_earlier_return_is_not_this_ones(text: str, words: str) -> None:
    got, _ = _assembled(text, Side(received_by="Ukraine", released_by="Russia", people=58, people_words=words))
    assert (got.get("ukraine.bodies"), got.get("ukraine.people"), got["kind"]) == (58, None, "body_repatriation")


@pytest.mark.parametrize(
    "text",
    [
        "Han vuelto 300 militares rusos. A cambio, se transfirieron 300 prisioneros de guerra.",
        "300 Russian soldiers came back. In return, 300 prisoners of war were handed over.",
    ],
)
def test_the_number_after_in_return_is_the_other_sides(text: str) -> None:
    got, _ = _assembled(text, Side(received_by="Russia", released_by="Ukraine", people=300, people_words="300"))
    assert (got["russia.people"], got.get("ukraine.people"), got.get("ukraine.from")) == (300, 300, "russia")


def test_far_more_than_this_exchange_in_return_is_not_the_other_side() -> None:
    text = "Azerbaijan handed over 15 prisoners and received in return maps of 92,000 mines."
    got, _ = _assembled(text, Side(received_by="Armenia", released_by="Azerbaijan", people=15, people_words="15"))
    assert "azerbaijan.people" not in got


@pytest.mark.parametrize(
    ("text", "to", "frm", "kind"),
    [
        ("Azerbaijan freed 10 Armenian soldiers who were captured last month.", "Armenia", "Azerbaijan", "release"),
        ("Ukraine brought home 10 soldiers in a new exchange with Russia.", "Ukraine", "Russia", "prisoner_exchange"),
        (
            "Venezuela freed 10 Americans in return for a businessman.",
            "United States",
            "Venezuela",
            "prisoner_exchange",
        ),
    ],
)
def test_a_one_way_handover_never_called_an_exchange_is_a_release(text: str, to: str, frm: str, kind: str) -> None:
    got, _ = _assembled(text, Side(received_by=to, released_by=frm, people=10, people_words="10"))
    assert got["kind"] == kind


@pytest.mark.parametrize(
    ("text", "words", "armed"),
    [
        ("In exchange, 95 prisoners of war from the Ukrainian army were handed over.", "95 prisoners", 95),
        ("В обмен Киеву передали 300 взятых в плен солдат ВСУ.", "300 взятых", 300),
        ("Buna karşılık Ukrayna Silahlı Kuvvetleri mensubu 185 savaş esiri teslim edildi.", "185 savaş", 185),
        ("Ukraine got back 95 soldiers captured by the Russian army.", "95 soldiers", None),
        ("Ukraine got back 95 people: 80 from the Armed Forces and 15 civilians.", "95 people", 80),
    ],
)
def test_a_total_whose_clause_names_ukraines_armed_forces_counts_them_all(
    text: str, words: str, armed: int | None
) -> None:
    got, _ = _assembled(
        text, Side(received_by="Ukraine", released_by="Russia", people=int(words.split()[0]), people_words=words)
    )
    assert got.get("ukraine.unit.armed_forces") == armed


def test_branches_listed_one_a_line_after_a_colon_are_within_the_armed_forces() -> None:
    text = (
        "Додому повернулися 200 військових.\n\nЗ неволі визволили військових ЗСУ, серед яких, зокрема, є "
        "представники таких складових:\n\nВійськово-Морські Сили;\n\nСухопутні війська;\n\nПовітряні сили.\n\n"
        "Крім того, з полону вийшли воїни Національної гвардії України та прикордонники Державної прикордонної служби."
    )
    got, _ = _assembled(text, Side(received_by="Україна", released_by="Росія", people=200, people_words="200"))
    within = {k.split(".")[2] for k, v in got.items() if k.endswith(".within") and v == "armed_forces"}
    assert within == {"navy", "ground_forces", "air_force"}


def test_a_side_with_no_known_receiver_goes_to_the_people_the_words_name() -> None:
    text = "On Monday, 250 Palestinian prisoners were freed from Israeli jails."
    got, _ = _assembled(text, Side(received_by="the new mediation", people=250, people_words="250"))
    assert got["palestinian_territories.people"] == 250
    assert not any(key.startswith("unspecified.") for key in got)


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


@pytest.mark.parametrize(
    "text",
    [
        "ضمت عملية التبادل 150 أسيرًا من الطرف الأوكراني و150 أسيرًا من الطرف الروسي.",
        "The swap took in 150 Ukrainian prisoners and 150 Russian ones.",
    ],
)
def test_one_number_stated_twice_with_and_counts_both_sides(text: str) -> None:
    got, _ = _assembled(text, Side(received_by="Ukraine", released_by="Russia", people=150, people_words="150"))
    assert (got["ukraine.people"], got.get("russia.people")) == (150, 150)


def test_one_number_said_twice_of_one_group_is_not_the_other_side() -> None:
    text = "Twelve Ukrainians came home: 12 people from Russian captivity were released."
    got, _ = _assembled(text, Side(received_by="Ukraine", released_by="Russia", people=12, people_words="12 people"))
    assert "russia.people" not in got


@pytest.mark.parametrize(
    ("text", "side", "to", "value"),
    [
        (
            "W zamian Ukraina przekazała Moskwie ponad 50 osób. Do Rosji trafiło 55 rosyjskich wojskowych.",
            Side(received_by="Rosja", released_by="Ukraina", people=50, people_words="ponad 50 osób"),
            "russia",
            55,
        ),
        (
            "Five Americans flew home in the swap. The other three have no plans to return to Iran. "
            "The US granted clemency to the five Iranians, who had been awaiting trial.",
            Side(received_by="Iran", released_by="United States", people=3, people_words="The other three"),
            "iran",
            5,
        ),
    ],
)
def test_a_side_takes_the_number_the_words_name_as_its_people(text: str, side: Side, to: str, value: int) -> None:
    got, dropped = _assembled(text, side)
    assert got[f"{to}.people"] == value
    assert any(f"{value} instead" in d for d in dropped)


@pytest.mark.parametrize(
    ("text", "side", "key", "value"),
    [
        (
            "Hamas today returned just four of the 28 bodies of dead hostages it had pledged to give back.",
            Side(received_by="Israel", released_by="Hamas", bodies=28, bodies_words="28 bodies"),
            "israel.bodies",
            4,
        ),
        (
            "Hamas today returned just four of the 28 bodies of dead hostages it had pledged to give back.",
            Side(received_by="Israel", released_by="Hamas"),
            "israel.bodies",
            4,
        ),
        (
            "Росія звільнила 12 з 20 обіцяних цивільних.",
            Side(received_by="Україна", released_by="Росія", people=20, people_words="20"),
            "ukraine.people",
            12,
        ),
        (
            "Ukraine got back 20 soldiers. Two of the 20 were wounded.",
            Side(received_by="Ukraine", released_by="Russia", people=20, people_words="20 soldiers"),
            "ukraine.people",
            20,
        ),
    ],
)
def test_only_part_handed_over_is_the_number(text: str, side: Side, key: str, value: int) -> None:
    got, _ = _assembled(text, side)
    assert got[key] == value


def test_one_of_a_list_of_nationalities_is_its_own_side() -> None:
    text = "24 otages ont été relâchés par le Hamas, dont 13 Israéliens, dix Thaïlandais et un Philippin."
    got, _ = _assembled(text, Side(received_by="Israël", released_by="Hamas", people=13, people_words="13 Israéliens"))
    assert (got.get("thailand.people"), got.get("philippines.people")) == (10, 1)
    alone = "Un Philippin a été relâché par le Hamas, et 13 otages sont rentrés en Israël."
    got, _ = _assembled(alone, Side(received_by="Israël", released_by="Hamas", people=13, people_words="13 otages"))
    assert "philippines.people" not in got


def test_a_side_whose_parts_add_up_keeps_its_number() -> None:
    text = (
        "A Rússia pôs em liberdade 17 pessoas. São dois oficiais e 14 soldados, além de um civil. "
        "A troca anterior foi em maio, quando 41 ucranianos foram libertados."
    )
    got, dropped = _assembled(text, Side(received_by="Ucrânia", released_by="Rússia", people=17, people_words="17"))
    assert got["ukraine.people"] == 17
    assert not any("instead" in d for d in dropped)


@pytest.mark.parametrize(
    ("text", "side", "to", "frm"),
    [
        (
            "El ELN deja en libertad a 28 personas que mantenía secuestradas desde enero.",
            Side(received_by="ELN", people=28, people_words="28 personas"),
            "colombia",
            "eln",
        ),
        (
            "The ICRC helped 64 detainees, held until then by the Rapid Support Forces (RSF), to be released.",
            Side(received_by="ICRC", released_by="Sudan", people=64, people_words="64 detainees"),
            "sudan",
            "rapid support forces",
        ),
    ],
)
def test_people_a_non_state_group_held_go_to_the_state_it_fights(text: str, side: Side, to: str, frm: str) -> None:
    got, dropped = _assembled(text, side)
    assert (got[f"{to}.people"], got[f"{to}.from"]) == (side.people, frm)
    assert any("held them" in d for d in dropped)


def test_a_party_named_before_a_short_aside_is_the_subject() -> None:
    text = "Moscow handed back 215 Ukrainians. Russia, for its part, got back 55 prisoners in total."
    got, _ = _assembled(text, Side(received_by="Ukraine", released_by="Russia", people=215, people_words="215"))
    assert (got["russia.people"], got["russia.from"]) == (55, "ukraine")


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        (
            "On 7 December they agreed: Azerbaijan would free 32 Armenian servicemen and Armenia would free 2 "
            "Azerbaijani servicemen. On 13 December the servicemen referred to above were handed over, as the "
            "agreement provided.",
            True,
        ),
        ("On 7 December they agreed: Azerbaijan would free 32 Armenian servicemen next week.", False),
        (  # a sentence that counts people itself says nothing of the agreed numbers
            "Azerbaijan would free 32 Armenian servicemen. As agreed, 10 others were handed over today.",
            False,
        ),
    ],
)
def test_agreed_numbers_count_when_the_handover_is_reported_done_as_agreed(text: str, counted: bool) -> None:
    got, _ = _assembled(text, Side(received_by="Armenia", released_by="Azerbaijan", people=32, people_words="32"))
    assert ("armenia.people" in got) is counted


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


def test_ukraine_and_russia_are_each_others_releaser_whatever_third_country_is_named() -> None:
    text = (
        "Altogether 215 Ukrainians were freed under the deal. Five commanders had been taken to Turkey. "
        "Russia, for its part, got back 55 prisoners in total."
    )
    got, _ = _assembled(
        text,
        Side(received_by="Ukraine", people=215, people_words="215"),
        Side(received_by="Turkey", released_by="Russia", people=5, people_words="Five"),
    )
    assert (got["ukraine.from"], got["russia.from"], got["russia.people"]) == ("russia", "ukraine", 55)


@pytest.mark.parametrize(
    ("text", "other_side"),
    [
        (
            "The 10 Americans freed by Venezuela in return for an ally of President Maduro landed in Texas.",
            ("united states", None),
        ),
        ("The 10 Americans freed by Venezuela in return for 10 Venezuelans landed in Texas.", ("united states", 10)),
        ("Venezuela freed 10 Americans in a prisoner exchange.", (None, None)),
    ],
)
def test_what_one_side_got_in_return_uncounted_is_a_transfer_with_no_number(
    text: str, other_side: tuple[str | None, int | None]
) -> None:
    got, _ = _assembled(text, Side(received_by="United States", released_by="Venezuela", people=10, people_words="10"))
    assert (got.get("venezuela.from"), got.get("venezuela.people")) == other_side
