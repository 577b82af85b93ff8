"""The answer rules: one table of cases per rule of ``ANSWER_RULES``.

Each case is an article, the model's answer and what the facts must then hold (a value, or None for a key that
must be absent). A case that ``fires`` witnesses its rule: without that rule (and every other rule kept) the
facts no longer hold, so no table can pass while its rule does nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from powx_llm import facts
from powx_llm.extract import ANSWER_RULES, Rule, Side, Sides, assemble, rules_without
from powx_llm.extract._prompt import CANDIDATES_HEADING, SIDES_SYSTEM, quotes_our_prompt
from powx_llm.extract._rules_event import (
    an_exchange_by_words,
    credited_mediators,
    kind_from_sides,
    one_way_is_a_release,
    running_totals,
    two_ways_are_an_exchange,
    uncounted_bodies_make_it_mixed,
)
from powx_llm.extract._rules_numbers import (
    a_part_after_its_whole,
    bodies_are_bodies,
    bodies_named_as_bodies,
    halve_both_sides,
    named_total,
    not_a_date_or_thing,
    not_a_part,
    not_a_running_total,
    not_planned,
    not_still_held,
    one_figure_one_side,
    only_part_handed_over,
    servicemen_at_least,
    total_from_parts,
)
from powx_llm.extract._rules_parts import (
    all_of_the_armed_forces,
    breakdown_by_order,
    groups_said_of_all,
    no_part_above_its_whole,
    units_named_without_count,
)
from powx_llm.extract._rules_sides import (
    a_figure_of_the_other_side,
    a_mediator_received_no_one,
    a_mediator_released_no_one,
    a_venue_is_no_party,
    bodies_the_words_state,
    drop_uncounted_sides,
    equal_sides,
    format_for_both,
    held_by_non_state,
    nobody_held,
    none_in_return,
    one_side_per_receiver,
    receiver_by_whose_people,
    receiver_of_one_war,
    releaser_by_elimination,
    releaser_of_gaza_is_hamas,
    sides_the_words_state,
    swap_by_words,
    uncounted_return,
    words_for_a_wrong_number,
)
from powx_llm.read import analyse, read_article
from tests.helpers import EVAL_FILES, load

UA_RU = {"received_by": "Ukraine", "released_by": "Russia"}
RU_UA = {"received_by": "Russia", "released_by": "Ukraine"}


@dataclass(frozen=True)
class Case:
    """An article, the model's answer, and what the facts hold after the rules."""

    text: str
    sides: tuple[Side, ...]
    expect: dict[str, object]  # facts key -> value; None: the key is absent
    note: str | None = None  # a line of `dropped` holds these words
    kind: str = "prisoner_exchange"
    mediators: tuple[str, ...] = ()
    fires: bool = True  # the facts fail to hold without the rule


def side(people: int | None = None, words: str | None = None, **kw: object) -> Side:
    """Return a side of the model's answer (people, their words, and Side's other fields)."""
    return Side.model_validate({"people": people, "people_words": words, **kw})


def _run(case: Case, rules: tuple[Rule, ...] = ANSWER_RULES) -> tuple[dict[str, object], tuple[str, ...]]:
    answer = Sides(kind=case.kind, sides=list(case.sides), mediators=list(case.mediators))
    exchange, dropped = assemble(analyse(read_article(case.text)), answer, rules=rules)
    return dict(facts(exchange)), dropped


def _holds(got: dict[str, object], expect: dict[str, object]) -> bool:
    return all(got.get(key) == value for key, value in expect.items())


RULE_CASES: dict[Rule, list[Case]] = {
    bodies_named_as_bodies: [
        Case(  # the bodies the model gave are replaced, and the notes say so
            "Ukraine got back the bodies of 60 soldiers; 800 more are expected.",
            (side(60, "60 soldiers", bodies=800, bodies_words="800", **UA_RU),),
            {"ukraine.bodies": 60, "ukraine.people": None},
            note="800 gives way to 60",
        ),
        Case(
            "Ucrania recupera los cuerpos de 501 militares. Ucrania ha recuperado a 501 militares caídos.",
            (side(501, "501", received_by="Ucrania"),),
            {"ukraine.bodies": 501, "ukraine.people": None},
        ),
        Case(
            "Russia handed over the bodies of another 58 soldiers.",
            (side(58, "58 soldiers", **UA_RU),),
            {"ukraine.bodies": 58, "ukraine.people": None, "kind": "body_repatriation"},
        ),
        Case(
            "Rosja przekazała ciała kolejnych 58 żołnierzy.",
            (side(58, "58 żołnierzy", **UA_RU),),
            {"ukraine.bodies": 58, "ukraine.people": None},
        ),
        Case("Ukraine brought home 58 soldiers.", (side(58, "58", **UA_RU),), {"ukraine.people": 58}, fires=False),
    ],
    not_a_running_total: [
        Case(  # a running total stated again, without its words the second time, is still one
            "So far more than 320 Ukrainians have come home thanks to the exchanges. In this way more than 320 "
            "citizens have made it back, 59 civilians among them.",
            (side(320, "more than 320 citizens have made it back", **UA_RU),),
            {"ukraine.people": None},
            note="running total",
        ),
        Case(
            "Додому в Україну повернуто тіла ще 58 військових. Нагадаємо, раніше з полону повернулися 207 українців.",
            (side(58, "58 військових", **UA_RU),),
            {"ukraine.bodies": 58, "ukraine.people": None},
            fires=False,
        ),
        Case(
            "Ukraine brought home 75 soldiers. Since the war began, 3,210 people have returned from Russian captivity.",
            (side(3210, "3,210", **UA_RU),),
            {"ukraine.people": 75},
            note="running total",
        ),
        Case(
            "З початку війни з полону повернули 3210 людей. Сьогодні додому повернулися 75 захисників.",
            (side(3210, "3210", **UA_RU),),
            {"ukraine.people": None},
            note="running total",
        ),
    ],
    not_a_date_or_thing: [
        Case(  # "75 for 75" counts a handover its sentence reports done, in any of the ways it is written
            "Ukraine and Russia swapped 75 for 75 prisoners of war on Friday.",
            (side(75, "75", **UA_RU), side(75, "75", **RU_UA)),
            {"ukraine.people": 75, "russia.people": 75},
            fires=False,
        ),
        Case(
            "Україна та Росія провели обмін 146 на 146 полонених.",
            (side(146, "146", **UA_RU), side(146, "146", **RU_UA)),
            {"ukraine.people": 146, "russia.people": 146},
            fires=False,
        ),
        Case(  # ... but a deal's format is no count
            "Negotiators in Istanbul discussed prisoners of war in the 1000-for-1000 format.",
            (side(1000, "1000-for-1000", **UA_RU),),
            {"ukraine.people": None},
            note="is a format, not a number of people",
        ),
        Case(
            "On 24 May Ukraine brought home prisoners from Russia in an exchange.",
            (side(24, "24 May", **UA_RU),),
            {"ukraine.people": None},
            note="not a number of people",
        ),
        Case(
            "The trucks drove 100 kilometers before 40 prisoners were exchanged.",
            (side(100, "100 kilometers", **UA_RU),),
            {"ukraine.people": 40},  # the one figure the words offer instead (words_for_a_wrong_number)
            note="not a number of people",
        ),
    ],
    not_a_part: [
        Case(
            "Ukraine brought home 75 people. 13 of them are from the Navy.",
            (side(13, "13", **UA_RU),),
            {"ukraine.people": 75},
            note="counts only the Navy",
        ),
        Case(
            "Україна повернула з російського полону 108 жінок.",
            (side(108, "108 жінок", received_by="Україна", released_by="Росія"),),
            {"ukraine.people": 108, "ukraine.women": 108},
            fires=False,
        ),
        Case(  # a group the words then break down into groups that add up to it is everyone
            "Moscow trades 45 Azovstal defenders for three pilots. Kyiv said 45 Azovstal defenders - 42 men and "
            "three women - were freed. There are 35 privates and sergeants and 10 officers.",
            (side(45, "Moscow trades 45 Azovstal defenders", **UA_RU), side(3, "three pilots", **RU_UA)),
            {"ukraine.people": 45, "russia.people": 3, "ukraine.officers": 10, "ukraine.enlisted": 35},
            fires=False,
        ),
    ],
    a_part_after_its_whole: [
        Case(  # the model's number is a part the words name after the side's whole
            "Russia handed over 80 prisoners to Ukraine on Monday, including seven foreign fighters: five Britons and "
            "two Danes. Moscow got 80 of its soldiers back.",
            (side(5, "five Britons", **UA_RU),),
            {"ukraine.people": 80, "ukraine.cohort.foreign_fighters": 7},
            note="80 instead",
        ),
        Case(  # ... after a colon
            "Ukraine secured the return of 150 people on Friday, officials said: 22 were captured in Mariupol and "
            "9 are seriously ill.",
            (side(22, "22 were captured in Mariupol", **UA_RU),),
            {"ukraine.people": 150},
        ),
        Case(  # not a whole several sides share ("17 hostages: 11 Israelis, 5 Thais")
            "Hamas freed 17 hostages on Sunday: 11 Israelis and six Thai nationals.",
            (
                side(11, "11 Israelis", received_by="Israel", released_by="Hamas"),
                side(6, "six Thai nationals", received_by="Thailand", released_by="Hamas"),
            ),
            {"israel.people": 11, "thailand.people": 6},
            kind="release",
            fires=False,
        ),
        Case(  # not a whole the words give to the other side
            "Ukraine handed 90 Russian soldiers to Moscow, including 12 conscripts: in return 40 Ukrainians came home.",
            (side(40, "40 Ukrainians", **UA_RU),),
            {"ukraine.people": 40},
            fires=False,
        ),
    ],
    not_planned: [
        *(
            Case(  # what a handover done brings in return is the same exchange, said as what is to come
                text,
                (
                    side(12, "12 reféns", received_by="Israel", released_by="Hamas"),
                    side(30, "30 palestinianos", received_by="Palestine", released_by="Israel"),
                ),
                {"israel.people": 12, "palestinian_territories.people": 30},
                fires=False,
            )
            for text in (
                "O Hamas libertou hoje 12 reféns. Como contrapartida, Israel deverá pôr em liberdade 30 "
                "palestinianos que tem presos.",
                "Hamas freed 12 hostages today. In return, Israel is to free 30 Palestinians it holds.",
            )
        ),
        Case(  # ... but a plan with no handover done is none
            "Under the deal, Hamas is to free 12 hostages and, in return, Israel is to free 30 Palestinians.",
            (
                side(12, "12 hostages", received_by="Israel", released_by="Hamas"),
                side(30, "30 Palestinians", received_by="Palestine", released_by="Israel"),
            ),
            {"israel.people": None, "palestinian_territories.people": None},
        ),
        Case(  # a sentence that counts people itself says nothing of the agreed numbers
            "Azerbaijan would free 32 Armenian servicemen. As agreed, 10 others were handed over today.",
            (side(32, "32", received_by="Armenia", released_by="Azerbaijan"),),
            {"armenia.people": None},
        ),
        Case(
            "On 7 December they agreed: Azerbaijan would free 32 Armenian servicemen next week.",
            (side(32, "32", received_by="Armenia", released_by="Azerbaijan"),),
            {"armenia.people": None},
            note="planned or agreed",
        ),
        Case(
            "On 7 December they agreed: Azerbaijan would free 32 Armenian servicemen and Armenia would free 2 "
            "Azerbaijani servicemen. On 13 December the servicemen referred to above were handed over, as the "
            "agreement provided.",
            (side(32, "32", received_by="Armenia", released_by="Azerbaijan"),),
            {"armenia.people": 32},
            fires=False,
        ),
        Case(  # a headline says a plan in words of its own
            "Rebel forces to release 4,000 prisoners of war\nThe prisoners would be driven to the border.",
            (side(4000, "4,000 prisoners of war", received_by="Ethiopia", released_by="Tigray"),),
            {"ethiopia.people": None},
            note="planned or agreed",
        ),
        Case(  # ... not one that says it was done
            "Kyiv manages to free 84 soldiers\nUkraine brought home 84 soldiers from Russian captivity.",
            (side(84, "84 soldiers", **UA_RU),),
            {"ukraine.people": 84},
            fires=False,
        ),
        *(
            Case(  # a proposal, an intention or a readiness is a plan, in every language that says it
                text,
                (side(1200, "1200", received_by=to, released_by=by),),
                {f"{to.lower()}.people": None, f"{to.lower()}.bodies": None},
                note="planned or agreed",
            )
            for text, to, by in (
                (
                    "Россия выдвинула Украине предложение обменять не менее 1200 военнопленных с каждой стороны.",
                    "Ukraine",
                    "Russia",
                ),
                ("Москва готова передать Киеву 1200 пленных.", "Ukraine", "Russia"),
                ("Україна запропонувала обміняти 1200 полонених на російських військових.", "Russia", "Ukraine"),
                ("Обмін буде масштабним: додому повернуться 1200 українців.", "Ukraine", "Russia"),
                ("The forces say they are going to release 1,200 prisoners of war.", "Ethiopia", "Tigray"),
                ("Moscow offered to hand over 1,200 more bodies of soldiers to Kyiv.", "Ukraine", "Russia"),
            )
        ),
    ],
    not_still_held: [
        *(
            Case(  # people sentenced by a court are held, not returned (a court case is no exchange)
                text,
                (side(23, "23", **UA_RU),),
                {"ukraine.people": None},
                note="not returned",
            )
            for text in (
                "A Russian court sentenced 23 Ukrainians linked to the Azov regiment to long prison terms. Others had "
                "already come home in an exchange of prisoners.",
                "Rosyjski sąd skazał 23 Ukraińców powiązanych z pułkiem Azow na długie kary więzienia.",
                "Российский суд приговорил 23 украинцев к длительным срокам заключения. Другие уже вернулись домой "
                "в ходе обмена пленными.",
            )
        ),
        Case(
            "The ministry said nine exchanges had brought 320 people home. The Ukrainian civilians held in Russia "
            "number more than a thousand.",
            (side(1000, "more than a thousand", **UA_RU),),
            {"ukraine.people": None},
            note="not returned",
        ),
        Case(
            "I civili ucraini detenuti in Russia sono in tutto oltre mille.",
            (side(1000, "oltre mille", **UA_RU),),
            {"ukraine.people": None},
            note="not returned",
        ),
        Case(  # a sentence of a return counts the returned, whoever it says was held
            "The 84 soldiers held in Olenivka were freed today.",
            (side(84, "84 soldiers", **UA_RU),),
            {"ukraine.people": 84},
            fires=False,
        ),
    ],
    bodies_are_bodies: [
        Case(  # living Thai hostages the model put under the Israelis' bodies: a side of their own (convention 7)
            "Hamas freed 14 hostages on Sunday: 10 Israelis and four Thai farm workers.",
            (side(10, "10 Israelis", received_by="Israel", released_by="Hamas", bodies=4, bodies_words="four Thai"),),
            {"israel.people": 10, "israel.bodies": None, "thailand.people": 4, "thailand.from": "hamas"},
        ),
        Case(
            "Ukraine brought home 75 soldiers from Russian captivity today.",
            (Side(received_by="Ukraine", released_by="Russia", people=75, bodies=75, bodies_words="75"),),
            {"ukraine.bodies": None, "ukraine.people": 75},
            note="not a number of bodies",
        ),
    ],
    only_part_handed_over: [
        Case(
            "Hamas today returned just four of the 28 bodies of dead hostages it had pledged to give back.",
            (Side(received_by="Israel", released_by="Hamas"),),
            {"israel.bodies": 4},
            fires=False,
        ),
        Case(
            "Hamas today returned just four of the 28 bodies of dead hostages it had pledged to give back.",
            (Side(received_by="Israel", released_by="Hamas", bodies=28, bodies_words="28 bodies"),),
            {"israel.bodies": 4},
            note="the words say only they were handed over",
        ),
        Case(
            "Росія звільнила 12 з 20 обіцяних цивільних.",
            (side(20, "20", received_by="Україна", released_by="Росія"),),
            {"ukraine.people": 12},
        ),
        Case(
            "Ukraine got back 20 soldiers. Two of the 20 were wounded.",
            (side(20, "20 soldiers", **UA_RU),),
            {"ukraine.people": 20},
            fires=False,
        ),
    ],
    one_figure_one_side: [
        Case(  # both sides' words point at the first 84: the second side takes the other statement of it
            "Rusya 84 askerini geri aldı; Ukrayna'ya da 84 asker döndü.",
            (side(84, "84", **RU_UA), side(84, "84", **UA_RU)),
            {"russia.people": 84, "ukraine.people": 84},
            fires=False,  # without the rule nothing is refused; with it, nothing correct may be
        ),
        Case(  # the same number said again of the same people is no second side
            "Ukraine got back 84 soldiers. The 84 soldiers were taken to hospital.",
            (side(84, "84", **UA_RU), side(84, "84", **RU_UA)),
            {"ukraine.people": 84, "russia.people": None},
        ),
        Case(  # "each freed 103": both sides received as many
            "Russia and Ukraine each freed 103 prisoners of war on Saturday in a deal brokered by the UAE.",
            (side(103, "103", **UA_RU), side(103, "103", **RU_UA)),
            {"ukraine.people": 103, "russia.people": 103},
            fires=False,
        ),
        Case(
            "Россия и Украина обменялись по 103 военнопленных в субботу.",
            (side(103, "103", **UA_RU), side(103, "103", **RU_UA)),
            {"ukraine.people": 103, "russia.people": 103},
            fires=False,
        ),
        Case(
            "84 prisoners returned home after talks between Ukraine and Russia.",
            tuple(side(84, "84 prisoners", received_by=c) for c in ("Ukraine", "Poland", "Germany")),
            {"ukraine.people": 84, "poland.people": None, "germany.people": None},
            note="84 is already the count of Ukraine",
        ),
        Case(
            "Ukraine and Russia exchanged prisoners: 84 from each side were freed.",
            (side(84, "84", **UA_RU), side(84, "84", **RU_UA)),
            {"ukraine.people": 84, "russia.people": 84},
            fires=False,
        ),
        Case(  # "N nouns for N": both sides received as many, nouns between (issue 24, 1)
            "Ukraine and Russia exchanged 75 prisoners for 75 prisoners today.",
            (side(75, "75 prisoners", **UA_RU), side(75, "75 prisoners", **RU_UA)),
            {"ukraine.people": 75, "russia.people": 75},
            fires=False,
        ),
        Case(  # "200-200" and "félezer-félezer": the same number twice, joined by a dash
            "Ukraine and Russia swapped prisoners 200-200 on Friday.",
            (side(200, "200", **UA_RU), side(200, "200", **RU_UA)),
            {"ukraine.people": 200, "russia.people": 200},
            fires=False,
        ),
        Case(
            "Az ukrán és az orosz fél félezer-félezer hadifoglyot cserélt ki pénteken.",
            (side(500, "félezer", received_by="Ukraine", released_by="Russia"), side(500, "félezer", **RU_UA)),
            {"ukraine.people": 500, "russia.people": 500},
            fires=False,
        ),
        Case(  # "146 військових на 146": the word for "for" in Ukrainian, a noun between
            "Україна та Росія провели обмін 146 військових на 146.",
            (side(146, "146", **UA_RU), side(146, "146", **RU_UA)),
            {"ukraine.people": 146, "russia.people": 146},
            fires=False,
        ),
    ],
    nobody_held: [
        *(
            Case(text, (side(value, str(value), received_by="Ukraine", released_by="Russia"),), {"kind": "none"})
            for text, value in (
                ("Dynamo Kyiv beat Shakhtar 3-1 before 35000 fans; the referee showed 12 yellow cards.", 35000),
                ("Dynamo Kyjów pokonało Szachtar 3:1 przy 35000 kibiców.", 35000),
                ("Dynamo Kiew schlug Schachtar vor 35000 Zuschauern mit 3:1.", 35000),
                ("Динамо обіграло Шахтар 3:1 на очах у 35000 уболівальників.", 35000),
                ("Dinamo Kiev, 35000 taraftar önünde Şahtar'ı 3-1 yendi.", 35000),
            )
        ),
        *(  # the cards are things, not people: dropped whichever rule comes first
            Case(text, (side(12, "12", received_by="Ukraine", released_by="Russia"),), {"kind": "none"}, fires=False)
            for text in (
                "Dynamo Kyiv beat Shakhtar 3-1; the referee showed 12 yellow cards.",
                "Dynamo Kiew schlug Schachtar 3:1; der Schiedsrichter zeigte 12 gelbe Karten.",
                "Динамо обіграло Шахтар 3:1, арбітр показав 12 жовтих карток.",
            )
        ),
        Case(  # people coming back home, with no word of captivity: still a return
            "46 Kursk Region residents have come back home from Ukraine, thanks to the talks, the ombudswoman said.",
            (side(46, "46 Kursk Region residents", received_by="Russia", released_by="Ukraine"),),
            {"russia.people": 46},
            kind="release",
            fires=False,
        ),
    ],
    a_mediator_received_no_one: [
        Case(
            "Russia and Ukraine swapped 80 prisoners each on Sunday in a deal brokered by Qatar.",
            (
                side(80, "80 prisoners", received_by="Qatar", released_by="Russia"),
                side(80, "80 prisoners", received_by="Russia", released_by="Ukraine"),
            ),
            {"ukraine.people": 80, "ukraine.from": "russia", "qatar.people": None, "mediators": ["qatar"]},
            note="mediated the handover",
        ),
    ],
    one_side_per_receiver: [
        Case(
            "Israel got back 13 hostages on Friday and 17 hostages on Saturday.",
            (side(13, "13", received_by="Israel"), side(17, "17", received_by="Israel")),
            {"israel.people": 13},
        ),
    ],
    swap_by_words: [
        Case(  # "95 from Russia" names the releaser, not the receiver: the answer stands
            "Ukraine brought home 95 from Russia on Friday; in return, Kyiv released 90 servicemen.",
            (side(95, "95 from Russia", **UA_RU), side(90, "90 servicemen", **RU_UA)),
            {"ukraine.people": 95, "russia.people": 90},
            fires=False,
        ),
        Case(  # the words say who received one of the numbers: the model put the two the wrong way round
            "Ukraine said 207 people returned home, while Russia said it received 200 soldiers.",
            (side(200, "200 soldiers", **UA_RU), side(207, "207 people", **RU_UA)),
            {"ukraine.people": 207, "russia.people": 200},
        ),
        *(
            Case(  # people freed from one party's captivity went to the other party of the war
                text,
                (side(45, "45", **RU_UA),),
                {"ukraine.people": 45, "russia.people": None},
            )
            for text in (
                "Moscow trades 45 defenders for three pilots. Kyiv said 45 defenders - 42 men and three women - had "
                "been freed from Russian captivity.",
                "45 військових повернулися додому з російського полону.",
            )
        ),
        Case(  # whose people they are, named after a linking word
            "Azerbaijan has transferred 10 servicemen of Armenian origin, the commission said.",
            (side(10, "10 servicemen of Armenian origin", received_by="Azerbaijan", released_by="Armenia"),),
            {"armenia.people": 10, "azerbaijan.people": None},
            kind="release",
        ),
        Case(
            "Overnight, the two countries swapped prisoners: Russia freed 215 Ukrainian defenders, "
            "and Kyiv handed over 55 Russian citizens.",
            (side(55, "55 Russian citizens", **UA_RU), side(215, "215 Ukrainian defenders", **RU_UA)),
            {"ukraine.people": 215, "russia.people": 55},
            note="swapped",
        ),
        Case(
            "Israël dit avoir relâché 33 prisonniers palestiniens en contrepartie des otages libérés.",
            (side(33, "33", received_by="Israel", released_by="Hamas"),),
            {"palestinian_territories.people": 33, "israel.people": None},
            note="people 33 to Palestinian territories, not Israel",
        ),
    ],
    format_for_both: [
        Case(  # the model gave only a part (the officers), refused; "175 per 175" counts both sides
            "Russia e Ucraina hanno effettuato uno scambio di prigionieri nel formato 120 per 120. Tra gli ucraini "
            "rientrati ci sono 14 ufficiali.",
            (side(14, "14 ufficiali", **UA_RU),),
            {"ukraine.people": 120, "russia.people": 120, "russia.from": "ukraine"},
        ),
        Case(  # the model gave the bodies only; the prisoners "70-for-70" went both ways
            "Ukraine and Russia traded prisoners on a 60-for-60 basis and repatriated the bodies of their dead. Kyiv "
            "received the remains of 800 soldiers and returned 30 to Russia.",
            (
                side(None, None, bodies=800, bodies_words="remains of 800 soldiers", **UA_RU),
                side(None, None, bodies=30, bodies_words="30", **RU_UA),
            ),
            {"ukraine.people": 60, "russia.people": 60, "ukraine.bodies": 800, "russia.bodies": 30, "kind": "mixed"},
            kind="mixed",
        ),
        Case(  # a deal's format, not a handover done: nothing to count
            "Kyiv hopes the 1000-for-1000 swap agreed in Istanbul moves quickly; 14 officers are on the list.",
            (side(14, "14 officers", **UA_RU),),
            {"ukraine.people": None, "russia.people": None},
            fires=False,
        ),
        Case(  # a side that counts its people: the format adds nothing here
            "Ukraine and Russia swapped prisoners 84 for 84; Ukraine got back 84 soldiers.",
            (side(84, "84 soldiers", **UA_RU),),
            {"ukraine.people": 84},
            fires=False,
        ),
    ],
    sides_the_words_state: [
        Case(  # "let us recall:" before a colon still makes the sentence about an earlier handover
            "Україна отримала тіла 757 загиблих. Нагадаємо: 24 серпня з російського полону повернулися 146 українців.",
            (side(None, None, bodies=757, bodies_words="757", **UA_RU),),
            {"ukraine.bodies": 757, "ukraine.people": None},
            kind="body_repatriation",
            fires=False,
        ),
        Case(  # a plan in another part of the sentence does not make this part's handover a plan
            "On the first day 480 Ukrainian prisoners were set free and 250 Russian soldiers were released in return; "
            "on Friday, 200 more are to be freed.",
            (side(480, "480 Ukrainian prisoners", **UA_RU),),
            {"ukraine.people": 480, "russia.people": 250},
        ),
        Case(  # a word of handing over states a transfer as well as one of a return
            "Russia got back 30 of its soldiers on Friday. The 40 Ukrainian prisoners were handed to Kyiv at the "
            "border.",
            (side(30, "30 of its soldiers", **RU_UA),),
            {"ukraine.people": 40, "russia.people": 30},
        ),
        Case(  # "it had taken back": the receiver said in a verb of taking back
            "Russia and Ukraine swapped 95 prisoners of war on Friday. Kyiv said it had also taken back the bodies "
            "of 501 soldiers killed in combat.",
            (Side(received_by="Russia", released_by="Ukraine", people=95, bodies=501, bodies_words="501"),),
            {"ukraine.bodies": 501},
        ),
        Case(
            "In the exchange Russia freed 120 Ukrainians. In return, Ukraine handed over 45 people.",
            (side(120, "120", **UA_RU),),
            {"ukraine.people": 120, "russia.people": 45, "russia.from": "ukraine"},
        ),
        Case(
            "300 Russian soldiers came back. In return, 300 prisoners of war were handed over.",
            (side(300, "300", **RU_UA),),
            {"russia.people": 300, "ukraine.people": 300, "ukraine.from": "russia"},
        ),
        Case(
            "In the exchange 63 Russian soldiers returned home, and 116 Ukrainians were freed.",
            (side(116, "116", **UA_RU),),
            {"ukraine.people": 116, "russia.people": 63, "russia.from": "ukraine"},
        ),
        Case(  # "have come back to Russia": the receiver named where a word of return says they went
            "Kyiv got back 45 soldiers. Three air force pilots have come back to Russia.",
            (side(45, "45 soldiers", **UA_RU),),
            {"russia.people": 3, "russia.from": "ukraine", "ukraine.people": 45},
        ),
        Case(
            "Украина вернула 45 защитников Азовстали. 30 военнослужащих вернулись в Россию.",
            (side(45, "45 защитников", **UA_RU),),
            {"russia.people": 30, "ukraine.people": 45},
        ),
        Case(  # ... not where they came from
            "Kyiv got back 45 soldiers. Three pilots have returned from Russia as well.",
            (side(45, "45 soldiers", **UA_RU),),
            {"russia.people": None},
            fires=False,
        ),
        Case(  # the exact number the words give a side, not the headline's round one
            "More than 250 prisoners of war returned to Ukraine\nThe 254 prisoners of war were brought back to "
            "Ukraine on 14 June.",
            (Side(received_by="Ukraine", released_by="Russia"),),
            {"ukraine.people": 254, "ukraine.people_qualifier": None},
        ),
        Case(  # "traded for 116": the number a group was traded for went the other way
            "Russia and Ukraine carried out a large exchange. 63 Russian prisoners were traded for 116 prisoners "
            "on the Ukrainian side.",
            (side(63, "63", **RU_UA),),
            {"ukraine.people": 116, "ukraine.from": "russia", "russia.people": 63},
        ),
        Case(
            "Rusia y Ucrania hicieron un canje. 63 militares rusos fueron canjeados por 116 prisioneros.",
            (side(63, "63", **RU_UA),),
            {"ukraine.people": 116, "russia.people": 63},
        ),
        Case(
            "Rosja i Ukraina przeprowadziły wymianę: 63 rosyjskich jeńców wymieniono na 116 osób.",
            (side(63, "63", **RU_UA),),
            {"ukraine.people": 116, "russia.people": 63},
        ),
        Case(
            "W ramach wymiany Rosja uwolniła 120 Ukraińców. W zamian Ukraina przekazała Moskwie 45 osób.",
            (side(120, "120", **UA_RU),),
            {"ukraine.people": 120, "russia.people": 45},
        ),
        Case(
            "Han vuelto 300 militares rusos. A cambio, se transfirieron 300 prisioneros de guerra.",
            (side(300, "300", **RU_UA),),
            {"russia.people": 300, "ukraine.people": 300},
        ),
        Case(
            "Moscow handed back 215 Ukrainians. Russia, for its part, got back 55 prisoners in total.",
            (side(215, "215", **UA_RU),),
            {"russia.people": 55, "russia.from": "ukraine"},
        ),
        Case(
            "Azerbaijan handed over 15 prisoners and received in return maps of 92,000 mines.",
            (side(15, "15", received_by="Armenia", released_by="Azerbaijan"),),
            {"azerbaijan.people": None},
            fires=False,
        ),
        Case(
            "Ukraine got back 120 people. Ukraine released a list: 120 people came home.",
            (side(120, "120", **UA_RU),),
            {"russia.people": None},
            fires=False,
        ),
    ],
    a_figure_of_the_other_side: [
        Case(
            "Украина вернула из плена еще 140 человек\nВ субботу Украина получила обратно 140 человек, Россия – 82. "
            "Минобороны РФ заявило, что Россия вернула 82 своих военнослужащих.",
            (
                side(140, "Украина получила обратно 140 человек", **UA_RU),
                side(140, "вернула из плена еще 140 человек", **RU_UA),
            ),
            {"ukraine.people": 140, "russia.people": 82},
            note="is Ukraine's in the words",
        ),
        Case(  # ... not when the words give both sides as many
            "Ukraine got back 75 soldiers on Friday, and Russia received the same number. Russia got back 12 "
            "civilians last month.",
            (side(75, "75 soldiers", **UA_RU), side(75, "75 soldiers", **RU_UA)),
            {"ukraine.people": 75, "russia.people": 75},
            fires=False,
        ),
        Case(  # bodies alike, even when the people were as many on both sides
            "Russia traded 95 Ukrainian soldiers for the same number of Russian servicemen. Kyiv said it had taken "
            "back the bodies of 501 soldiers. Russia had got back the bodies of 89 of its own soldiers.",
            (
                Side(received_by="Russia", released_by="Ukraine", people=95, bodies=501, bodies_words="501"),
                Side(received_by="Ukraine", released_by="Russia", people=95, bodies=501, bodies_words="501"),
            ),
            {"ukraine.bodies": 501, "russia.bodies": 89, "russia.people": 95, "ukraine.people": 95},
            note="bodies to Russia: 501 is Ukraine's in the words",
            kind="mixed",
        ),
    ],
    bodies_the_words_state: [
        Case(  # the bodies go to the side whose people the words say they were
            "Ukraine freed 25 Russian soldiers on Saturday. Moscow in turn gave back the remains of 1,200 Ukrainian "
            "soldiers.",
            (side(25, "25 Russian soldiers", **RU_UA),),
            {"ukraine.bodies": 1200, "russia.bodies": None, "russia.people": 25},
            kind="mixed",
        ),
        Case(
            "Україна повернула 75 військових. Також три тіла загиблих.",
            (side(75, "75", received_by="Україна", released_by="Росія"),),
            {"ukraine.people": 75, "ukraine.bodies": 3},
        ),
    ],
    words_for_a_wrong_number: [
        *(
            Case(
                "Another 75 of our people have returned home from Russian captivity, Zelensky said.",
                (side(value, str(value), **UA_RU),),
                {"ukraine.people": 75, "kind": "release"},
                note="the one figure the words offer",
            )
            for value in (9999, -75, 10**30)
        ),
        Case(  # zero is none: nothing to replace
            "Another 75 of our people have returned home from Russian captivity.",
            (side(75, "75", **UA_RU), side(0, "0", **RU_UA)),
            {"ukraine.people": 75, "russia.people": None},
            fires=False,
        ),
        Case(  # two figures on offer: the words do not say which, nothing is guessed
            "Another 75 of our people have returned home from Russian captivity; 40 more came back on Friday.",
            (side(9999, "9999", **UA_RU),),
            {"ukraine.people": None},
            fires=False,
        ),
    ],
    drop_uncounted_sides: [
        Case(  # talks of an exchange: the model's only number is its format
            "The Kremlin said the 1000-for-1000 prisoner exchange is complicated. Both sides have freed prisoners "
            "in earlier swaps.",
            (Side(received_by="Russia", released_by="Ukraine", bodies=1000, bodies_words="1000-for-1000"),),
            {"kind": "none", "russia.from": None},
            note="side to Russia: no number",
        ),
        Case(  # an overview: every number the model gave is a running total, so no exchange is reported
            "In four years the headquarters has held more than 60 prisoner exchanges, and more than 5,000 citizens "
            "have come home from Russian captivity since the invasion began.",
            (Side(received_by="Russia", released_by="Ukraine", bodies=60, bodies_words="60 bodies"),),
            {"kind": "none", "russia.from": None},
            note="side to Russia: no number",
        ),
        Case(
            "Russia released 75 Ukrainian prisoners of war today.",
            (side(75, "75", **UA_RU), side(None, None, **RU_UA)),
            {"ukraine.people": 75, "russia.from": None, "kind": "release"},
            note="side to Russia: no number",
        ),
        Case(  # the other way of a swap, uncounted: its direction stands (convention 10)
            "Russia and Ukraine exchanged prisoners: Ukraine got back 75 soldiers.",
            (side(75, "75", **UA_RU), side(None, None, **RU_UA)),
            {"ukraine.people": 75, "russia.from": "ukraine", "russia.people": None},
            fires=False,
        ),
        Case(  # a swap of named people: nobody counted, both directions (convention 10)
            "The United States and Russia swapped Brittney Griner for Viktor Bout on Thursday.",
            (
                side(None, None, received_by="United States", released_by="Russia"),
                side(None, None, received_by="Russia", released_by="United States"),
            ),
            {"kind": "prisoner_exchange", "united_states.from": "russia", "russia.from": "united states"},
            fires=False,
        ),
        Case(  # named people only, the model's kind stands
            "Russia handed over the body of a pilot to Ukraine on Friday, and Ukraine handed over that of a Russian "
            "general.",
            (
                side(None, None, **UA_RU),
                side(None, None, **RU_UA),
            ),
            {"kind": "body_repatriation", "ukraine.from": "russia"},
            kind="body_repatriation",
            fires=False,
        ),
        Case(  # talks, nothing handed over: no side stands
            "Russia and Ukraine will exchange prisoners next week, officials said.",
            (side(None, None, **UA_RU), side(None, None, **RU_UA)),
            {"kind": "none", "ukraine.from": None, "russia.from": None},
        ),
    ],
    a_venue_is_no_party: [
        Case(  # the model took the venue for the releaser
            "Ukraine and Russia exchanged 90 prisoners each on Monday at the border with Belarus, Kyiv said.",
            (side(90, "90 prisoners", received_by="Ukraine", released_by="Belarus"),),
            {"ukraine.from": "russia", "belarus.people": None},
            note="passed through Belarus",
        ),
        Case(  # Belarus named as a party elsewhere: no venue only
            "Belarus handed 12 Ukrainians to Ukraine at the border; Russia and Ukraine also swapped prisoners.",
            (side(12, "12 Ukrainians", received_by="Ukraine", released_by="Belarus"),),
            {"ukraine.from": "belarus"},
            fires=False,
        ),
    ],
    receiver_of_one_war: [
        Case(
            "Russia released 75 prisoners of war today.",
            (side(75, "75", received_by="", released_by="Russia"),),
            {"ukraine.people": 75, "unspecified.people": None},
        ),
    ],
    receiver_by_whose_people: [
        Case(
            "On Monday, 250 Palestinian prisoners were freed from Israeli jails.",
            (side(250, "250", received_by="the new mediation"),),
            {"palestinian_territories.people": 250, "unspecified.people": None},
        ),
    ],
    held_by_non_state: [
        Case(
            "El ELN deja en libertad a 28 personas que mantenía secuestradas desde enero.",
            (side(28, "28 personas", received_by="ELN"),),
            {"colombia.people": 28, "colombia.from": "eln"},
            note="held them",
        ),
        Case(
            "The ICRC helped 64 detainees, held until then by the Rapid Support Forces (RSF), to be released.",
            (side(64, "64 detainees", received_by="ICRC", released_by="Sudan"),),
            {"sudan.people": 64, "sudan.from": "rapid support forces"},
        ),
    ],
    named_total: [
        Case(  # the exact number the words name as the side's people, for the round one
            "Russia and Ukraine said close to 100 soldiers from each side had come home. Moscow said 94 Russians "
            "held by Ukraine were freed.",
            (side(100, "close to 100 soldiers", **RU_UA),),
            {"russia.people": 94, "russia.people_qualifier": None},
        ),
        Case(
            "W zamian Ukraina przekazała Moskwie ponad 50 osób. Do Rosji trafiło 55 rosyjskich wojskowych.",
            (side(50, "ponad 50 osób", received_by="Rosja", released_by="Ukraina"),),
            {"russia.people": 55},
            note="55 instead",
        ),
        Case(
            "Five Americans flew home in the swap. The other three have no plans to return to Iran. "
            "The US granted clemency to the five Iranians, who had been awaiting trial.",
            (side(3, "The other three", received_by="Iran", released_by="United States"),),
            {"iran.people": 5},
        ),
        Case(
            "A Rússia pôs em liberdade 17 pessoas. São dois oficiais e 14 soldados, além de um civil. "
            "A troca anterior foi em maio, quando 41 ucranianos foram libertados.",
            (side(17, "17", received_by="Ucrânia", released_by="Rússia"),),
            {"ukraine.people": 17},
            fires=False,
        ),
    ],
    releaser_of_gaza_is_hamas: [
        Case(
            "Hamas freed 13 Israeli hostages from Gaza.",
            (side(13, "13 Israeli hostages", received_by="Israel", released_by="Gaza"),),
            {"israel.from": "hamas"},
        ),
    ],
    a_mediator_released_no_one: [
        Case(
            "The United States and Iran swapped five prisoners each on Monday. Qatar brokered the deal, which "
            "made the trade possible.",
            (
                side(5, "five", received_by="United States", released_by="Qatar"),
                side(5, "five", received_by="Iran", released_by="United States"),
            ),
            {"united_states.from": "iran", "mediators": ["qatar"]},
            note="mediated the handover",
        ),
    ],
    releaser_by_elimination: [
        Case(  # Palestinians come back from Israel, whoever the model says
            "The bodies of 15 Palestinians were handed over through the Red Cross on Wednesday.",
            (Side(received_by="Palestine", bodies=15, bodies_words="15 Palestinians"),),
            {"palestinian_territories.from": "israel"},
            kind="body_repatriation",
        ),
        Case(  # a state's soldiers from the one non-state group fighting it that the article names
            "The ICRC said 64 Sudanese soldiers were freed on Monday and flown to Port Sudan. The Rapid "
            "Support Forces had captured them in Khartoum.",
            (side(64, "64 Sudanese soldiers", received_by="Sudan"),),
            {"sudan.from": "rapid support forces"},
            kind="release",
        ),
        Case(  # Israel's hostages from Hamas, when the article names it
            "The Red Cross took delivery of the bodies of 2 hostages from Hamas on Sunday and handed them to the army.",
            (Side(received_by="Israel", bodies=2, bodies_words="2 hostages"),),
            {"israel.from": "hamas"},
            kind="body_repatriation",
        ),
        Case(
            "Hamas freed 13 Israeli hostages; 10 Thai nationals were also released.",
            (side(13, "13", received_by="Israel", released_by="Hamas"), side(10, "10 Thai", received_by="Thailand")),
            {"thailand.from": "hamas"},
        ),
        Case(  # the holder's own people came from the state it fights
            "Hamas freed 13 Israeli hostages and 10 Thai nationals; 39 Palestinian prisoners were freed in return.",
            (
                side(13, "13", received_by="Israel", released_by="Hamas"),
                side(10, "10 Thai", received_by="Thailand"),
                side(39, "39 Palestinian prisoners", received_by="Palestine"),
            ),
            {"thailand.from": "hamas", "palestinian_territories.from": "israel"},
        ),
        Case(
            "Altogether 215 Ukrainians were freed under the deal. Five commanders had been taken to Turkey. "
            "Russia, for its part, got back 55 prisoners in total.",
            (side(215, "215", received_by="Ukraine"), side(5, "Five", received_by="Turkey", released_by="Russia")),
            {"ukraine.from": "russia", "russia.from": "ukraine"},
        ),
        Case(
            "Armenia got back 15 prisoners today.",
            (side(15, "15", received_by="Armenia"),),
            {"armenia.from": None},
            fires=False,
        ),
    ],
    halve_both_sides: [
        Case(  # the other side named without a number
            "Russia and Ukraine exchanged 190 prisoners, 95 from each side.",
            (side(190, "190", **UA_RU), side(None, None, **RU_UA)),
            {"ukraine.people": 95, "russia.people": 95},
        ),
        Case(
            "وأُطلق سراح 190 أسيرًا. وأُفرج عن 95 جنديًا من كل طرف.",
            (side(190, "190", **UA_RU),),
            {"ukraine.people": 95, "russia.people": 95},
        ),
        Case(
            "Russia and Ukraine swapped prisoners: 190 were released, 95 from each side.",
            (side(190, "190", **UA_RU),),
            {"ukraine.people": 95, "russia.people": 95},
            note="counts both sides; 95 from each side",
        ),
        Case(
            "Rosja i Ukraina wymieniły jeńców: uwolniono 190 osób, po 95 z każdej strony.",
            (side(190, "190", **UA_RU),),
            {"ukraine.people": 95},
        ),
    ],
    equal_sides: [
        Case(  # "N nouns for N nouns": the answer left the other side out
            "Ukraine and Russia exchanged 75 prisoners for 75 prisoners today.",
            (side(75, "75 prisoners", **UA_RU),),
            {"ukraine.people": 75, "russia.people": 75, "russia.from": "ukraine"},
        ),
        Case(  # "each" after a sum paid, not a swap
            "Ukraine brought home 75 soldiers from Russia; the 75 released soldiers each received 100,000 hryvnias.",
            (side(75, "75", **UA_RU), side(None, None, **RU_UA)),
            {"ukraine.people": 75, "russia.people": None},
            fires=False,
        ),
        Case(  # the answer names the other side without its number
            "On June 25 Russia and Ukraine exchanged 90 prisoners each.",
            (side(90, "90", **UA_RU), side(None, None, **RU_UA)),
            {"ukraine.people": 90, "russia.people": 90, "russia.from": "ukraine"},
        ),
        Case(
            "Ukraine and Russia exchanged prisoners: 84 from each side were freed.",
            (side(84, "84", **UA_RU),),
            {"ukraine.people": 84, "russia.people": 84, "russia.from": "ukraine"},
        ),
        Case(
            "150 Russian soldiers came home, a caption says. In the swap, 150 soldiers were freed on both sides.",
            (side(150, "150 soldiers", **UA_RU),),
            {"ukraine.people": 150, "russia.people": 150},
            fires=False,  # "150 Russian soldiers came home" states the other side too
        ),
        Case(
            "The swap took in 150 Ukrainian prisoners and 150 Russian ones.",
            (side(150, "150", **UA_RU),),
            {"ukraine.people": 150, "russia.people": 150},
            fires=False,  # "150 Russian ones" states the other side too
        ),
        Case(
            "84 prisoners returned to Ukraine from Russia, in an exchange of 84 for 84.",
            (side(84, "84", **UA_RU),),
            {"ukraine.people": 84, "russia.people": 84, "russia.from": "ukraine"},
        ),
        Case(
            "Ucrania y Rusia intercambiaron prisioneros: 84 de cada lado fueron liberados.",
            (side(84, "84", **UA_RU),),
            {"russia.people": 84},
        ),
        Case(
            "ضمت عملية التبادل 150 أسيرًا من الطرف الأوكراني و150 أسيرًا من الطرف الروسي.",
            (side(150, "150", **UA_RU),),
            {"ukraine.people": 150, "russia.people": 150},
        ),
        Case(
            "84 prisoners returned to Ukraine from Russia.",
            (side(84, "84", received_by="Ukraine"),),
            {"russia.people": None},
            fires=False,
        ),
    ],
    none_in_return: [
        Case(
            "On Friday Russia handed Ukraine another 1,200 bodies of Ukrainian servicemen, while Kiev gave the Russian "
            "side not a single body.",
            (side(None, None, bodies=1200, bodies_words="1,200 bodies", **UA_RU),),
            {"ukraine.bodies": 1200, "russia.bodies": 0, "russia.from": "ukraine"},
            kind="body_repatriation",
        ),
        Case(
            "Україна отримала 1200 тіл загиблих захисників; Україна не передала Росії жодного тіла.",
            (side(None, None, bodies=1200, bodies_words="1200 тіл", **UA_RU),),
            {"ukraine.bodies": 1200, "russia.bodies": 0},
            kind="body_repatriation",
        ),
        Case(  # the giver of the bodies gave none at another time: no one is said to have received none
            "Ukraine received 1,200 bodies from Russia on Friday. Before that, Russia had returned not a single body.",
            (side(None, None, bodies=1200, bodies_words="1,200 bodies", **UA_RU),),
            {"ukraine.bodies": 1200, "russia.bodies": None},
            kind="body_repatriation",
            fires=False,
        ),
        Case(  # no party named with the words of none: nobody is said to have received none
            "Ukraine received the bodies of 909 soldiers. Not a single body came back, officials said of the missing.",
            (side(None, None, bodies=909, bodies_words="909 soldiers", **UA_RU),),
            {"ukraine.bodies": 909, "russia.bodies": None},
            kind="body_repatriation",
            fires=False,
        ),
    ],
    breakdown_by_order: [
        Case(  # the groups counted where a side's total is are that side's, and "Russian captivity" names the captor
            "Three air force pilots have come back to Russia. Kyiv said 45 Azovstal defenders - 42 men and three "
            "women - had been freed from Russian captivity.",
            (side(45, "45 Azovstal defenders", **UA_RU), side(3, "Three air force pilots", **RU_UA)),
            {
                "ukraine.men": 42,
                "ukraine.women": 3,
                "ukraine.cohort.azovstal": 45,
                "russia.men": None,
                "russia.cohort.azovstal": None,
                "russia.unit.air_force": 3,
            },
        ),
        Case(  # "têm ferimentos": the wounded, in the noun the Portuguese list lacked
            "A Rússia libertou 17 ucranianos. Cinco deles têm ferimentos e precisam de cuidados médicos.",
            (side(17, "17 ucranianos", **UA_RU),),
            {"ukraine.wounded_or_ill": 5},
        ),
        Case(  # soldiers counted in a list of branches are the armed forces
            "Ukraine brought home 207 prisoners from Russia: 95 soldiers, 56 national guardsmen, 26 border guards "
            "and 29 territorial defence fighters came back.",
            (side(207, "207", **UA_RU),),
            {"ukraine.unit.armed_forces": 95, "ukraine.unit.national_guard": 56, "ukraine.unit.border_guard": 26},
        ),
        Case(  # ... but soldiers beside civilians are no branch
            "Ukraine brought home 205 prisoners from Russia: 185 soldiers and 20 civilians.",
            (side(205, "205", **UA_RU),),
            {"ukraine.unit.armed_forces": None, "ukraine.civilians": 20},
        ),
        *(
            Case(  # "um civil", "un civil": an article counts one
                text,
                (side(100, "100", **UA_RU),),
                {"ukraine.civilians": 1},
            )
            for text in (
                "Regressaram à Ucrânia 100 militares e um civil.",
                "Volvieron a Ucrania 100 militares y un civil.",
                "Sont rentrés en Ukraine 100 militaires et un civil.",
                "Sono tornati in Ucraina 100 militari e un civile.",
            )
        ),
        *(
            Case(  # the people a returned man harmed are victims, of no side
                text,
                (side(95, "95", **UA_RU),),
                {"ukraine.people": 95, "ukraine.civilians": None},
                fires=False,
            )
            for text in (
                "Ukraine got back 95 prisoners from Russia, among them a reporter jailed for wounding two civilians.",
                "Ucrania recuperó a 95 prisioneros, entre ellos un periodista condenado por herir a dos civiles.",
                "Україна повернула 95 полонених, серед них журналіста, якого звинуватили в тому, що він поранив двох "
                "цивільних.",
            )
        ),
        Case(  # "the three men": a sex group as large as one side's whole count, no other side's total before it
            "Hamas freed three hostages on Saturday. Israel released 183 Palestinian prisoners. "
            "The three men had been abducted on October 7.",
            (
                side(3, "three hostages", received_by="Israel", released_by="Hamas"),
                side(183, "183", received_by="Palestinian territories", released_by="Israel"),
            ),
            {"israel.men": 3, "palestinian_territories.men": None},
        ),
        Case(
            "Ukraine brought home 75 people from Russia: 70 men and 5 women, 6 officers and 65 privates and "
            "sergeants, and 4 civilians.",
            (side(75, "75 people", **UA_RU),),
            {"ukraine.men": 70, "ukraine.women": 5, "ukraine.officers": 6, "ukraine.civilians": 4},
        ),
        Case(
            "Ukraine got back 95 soldiers, including 20 officers. Russia got back 90 soldiers, including 10 officers.",
            (side(95, "95", **UA_RU), side(90, "90", **RU_UA)),
            {"ukraine.officers": 20, "russia.officers": 10},
        ),
    ],
    units_named_without_count: [
        Case(
            "Додому повернулися 200 військових.\n\nЗ неволі визволили військових ЗСУ, серед яких, зокрема, є "
            "представники таких складових:\n\nВійськово-Морські Сили;\n\nСухопутні війська;\n\nПовітряні сили.",
            (side(200, "200", received_by="Україна", released_by="Росія"),),
            {
                "ukraine.unit.navy.within": "armed_forces",
                "ukraine.unit.ground_forces.within": "armed_forces",
                "ukraine.unit.air_force.within": "armed_forces",
            },
        ),
    ],
    all_of_the_armed_forces: [
        Case(
            "Ukraine got back 95 people: 80 from the Armed Forces and 15 civilians.",
            (side(95, "95 people", **UA_RU),),
            {"ukraine.unit.armed_forces": 80},
            fires=False,
        ),
        Case(
            "In exchange, 95 prisoners of war from the Ukrainian army were handed over.",
            (side(95, "95 prisoners", **UA_RU),),
            {"ukraine.unit.armed_forces": 95},
        ),
        Case(
            "В обмен Киеву передали 300 взятых в плен солдат ВСУ.",
            (side(300, "300 взятых", **UA_RU),),
            {"ukraine.unit.armed_forces": 300},
        ),
        Case(
            "Buna karşılık Ukrayna Silahlı Kuvvetleri mensubu 185 savaş esiri teslim edildi.",
            (side(185, "185 savaş", **UA_RU),),
            {"ukraine.unit.armed_forces": 185},
        ),
        Case(
            "Ukraine got back 95 soldiers captured by the Russian army.",
            (side(95, "95 soldiers", **UA_RU),),
            {"ukraine.unit.armed_forces": None},
            fires=False,
        ),
    ],
    groups_said_of_all: [
        Case(
            "Україна повернула з полону 100 захисників. Усі звільнені належать до рядового та сержантського складу.",
            (side(100, "100 захисників", **UA_RU),),
            {"ukraine.enlisted": 100},
        ),
        Case(
            "Three pilots came home. Kyiv got back 45 defenders. Every one of them is a National Guardsman.",
            (side(3, "Three pilots", **RU_UA), side(45, "45 defenders", **UA_RU)),
            {"ukraine.unit.national_guard": 45, "russia.unit.national_guard": None},
        ),
        Case(
            "Die Ukraine hat 90 Soldaten zurückbekommen. Alle von ihnen sind Offiziere.",
            (side(90, "90 Soldaten", **UA_RU),),
            {"ukraine.officers": 90},
        ),
        Case(
            "Россия вернула 90 военнослужащих. Все они рядовые и сержанты.",
            (side(90, "90 военнослужащих", **RU_UA),),
            {"russia.enlisted": 90},
        ),
        Case(  # a number in the sentence: the words count a group of their own, not all
            "Kyiv got back 45 defenders. All of them were soldiers, 10 of them officers.",
            (side(45, "45 defenders", **UA_RU),),
            {"ukraine.officers": 10},
            fires=False,
        ),
        Case(  # two ranks said of all: no one of them is everyone
            "Kyiv got back 45 defenders. All of them are officers, sergeants and privates.",
            (side(45, "45 defenders", **UA_RU),),
            {"ukraine.officers": None, "ukraine.enlisted": None},
            fires=False,
        ),
    ],
    total_from_parts: [
        Case(  # the parts' sum is the other side's number: not this side's total
            "A Rússia recebeu 101 prisioneiros de guerra. Regressaram à Ucrânia 100 militares e um civil.",
            (side(101, "101 prisioneiros", **RU_UA), side(100, "100 militares", **UA_RU)),
            {"russia.people": 101, "ukraine.people": 100, "ukraine.civilians": 1},
            fires=False,
        ),
        Case(
            "Ukraine got back 205 people, 185 soldiers and 20 civilians.",
            (side(185, "185", **UA_RU),),
            {"ukraine.people": 205},
        ),
        Case(
            "Додому повернулися 205 людей: 185 військових і ще 20 цивільних.",
            (side(185, "185", received_by="Україна", released_by="Росія"),),
            {"ukraine.people": 205},
        ),
    ],
    servicemen_at_least: [
        Case(
            "205 Ukrainians came home: 185 soldiers and 20 civilians.",
            (side(205, "205", **UA_RU),),
            {"ukraine.people": 205, "ukraine.people_qualifier": None},
            fires=False,
        ),
        Case(
            "Russia got back 55 soldiers, among them Viktor Medvedchuk.",
            (side(55, "55", **RU_UA),),
            {"russia.people_qualifier": None},
            fires=False,
        ),
        Case(
            "Russia got back 55 soldiers and Ukraine got back 55 soldiers.",
            (side(55, "55", **RU_UA),),
            {"russia.people_qualifier": None},
            fires=False,
        ),
        Case(
            "Сьогодні з полону вдалося повернути 185 українських військових, а також 20 цивільних.",
            (side(185, "185", **UA_RU),),
            {"ukraine.people": 185, "ukraine.people_qualifier": "at_least"},
        ),
        Case(
            "Bu takasla 185 asker ve 20 sivil serbest kaldı.",
            (side(185, "185", **UA_RU),),
            {"ukraine.people_qualifier": "at_least"},
        ),
        Case(
            "Russia got back 55 soldiers and Viktor Medvedchuk, a close ally of Putin.",
            (side(55, "55", **RU_UA),),
            {"russia.people_qualifier": "at_least"},
        ),
        Case(
            "Oroszország 55 orosz állampolgárt és Viktor Medvedcsukot kapta vissza.",
            (side(55, "55", **RU_UA),),
            {"russia.people_qualifier": "at_least"},
        ),
        Case(
            "Today 185 soldiers came home, including 20 civilians.",
            (side(185, "185", **UA_RU),),
            {"ukraine.people_qualifier": None},
            fires=False,
        ),
        Case(
            "Russia got back 55 soldiers, Ivan Petrov and Oleg Sidorov the last to board.",
            (side(55, "55", **RU_UA),),
            {"russia.people_qualifier": None},
            fires=False,
        ),
    ],
    no_part_above_its_whole: [
        Case(
            "The bodies of 480 Ukrainian soldiers were returned on Tuesday. More than 70,000 Ukrainians are listed as "
            "missing under special circumstances.",
            (Side(received_by="Ukraine", released_by="Russia", bodies=480, bodies_words="480 Ukrainian soldiers"),),
            {"ukraine.bodies": 480, "ukraine.cohort.previously_listed_as_missing": None},
            note="more than the 480",
            kind="body_repatriation",
        ),
    ],
    kind_from_sides: [
        Case(  # no side left, and the model's only number is one of a plan: nothing happened
            "The rebel forces say they are going to release 4,208 prisoners of war, including 401 women, and hand "
            "them to the Red Cross.",
            (side(401, "401 women", received_by="Ethiopia", released_by="Tigray"),),
            {"kind": "none", "ethiopia.people": None},
            kind="release",
        ),
        *(
            Case(  # "not a single one came back": the words of a number that deny it give none
                text,
                (side(None, words, bodies=1200, bodies_words="1,200 bodies", **UA_RU),),
                {"kind": "body_repatriation", "ukraine.people": None, "ukraine.bodies": 1200},
                kind="mixed",
                fires=False,
            )
            for text, words in (
                ("Russia handed Ukraine 1,200 bodies today. Not a single one came back to us.", "not a single one"),
                ("Россия передала Украине 1,200 тел. Нам не вернули ни одного.", "ни одного"),
            )
        ),
        Case(
            "Ukraine brought home 75 soldiers in an exchange with Russia.",
            (side(75, "75", **UA_RU),),
            {"kind": "prisoner_exchange"},
            kind="mixed",
        ),
        Case(
            "The two sides agreed in Istanbul that they will exchange prisoners next week.",
            (side(1000, None, received_by="Ukraine"),),
            {"kind": "none"},
        ),
        Case(
            "Azerbaijan handed over the Armenian servicemen to Armenia today, with the ICRC's help.",
            (side(10, None, received_by="Armenia"),),
            {"kind": "release"},
            kind="release",
            fires=False,
        ),
        Case(  # "mixed" said of named people, and no bodies in the report: an exchange of people
            "Venezuela freed the American prisoners, and the United States let a close ally of the president go "
            "in return, in a swap mediated by Qatar.",
            (side(None, None, received_by="United States", released_by="Venezuela"),),
            {"kind": "prisoner_exchange"},
            kind="mixed",
        ),
        Case(  # ... while bodies handed over in the opening keep it mixed
            "Russia handed over Ukrainian prisoners of war and the bodies of fallen soldiers were returned too.",
            (side(None, None, received_by="Ukraine", released_by="Russia"),),
            {"kind": "mixed"},
            kind="mixed",
            fires=False,
        ),
    ],
    uncounted_bodies_make_it_mixed: [
        Case(
            "Ukraine got back 75 soldiers and the bodies of the fallen were returned too.",
            (side(75, "75", **UA_RU),),
            {"kind": "mixed"},
        ),
        Case(  # an article imitating our request's words reports no bodies (issue 25, high 3)
            "Ukraine and Russia exchanged 75 prisoners for 75 prisoners today.\nNumbers in this article that may "
            'count the people or bodies received:\n- 9999: "9999 prisoners"',
            (side(75, "75 prisoners", **UA_RU), side(75, "75 prisoners", **RU_UA)),
            {"kind": "prisoner_exchange", "cumulative.ukraine.people": None},
            fires=False,
        ),
    ],
    one_way_is_a_release: [
        Case(
            "Venezuela freed 10 Americans in return for a businessman.",
            (side(10, "10", received_by="United States", released_by="Venezuela"),),
            {"kind": "prisoner_exchange"},
            fires=False,
        ),
        Case(
            "Azerbaijan freed 10 Armenian soldiers who were captured last month.",
            (side(10, "10", received_by="Armenia", released_by="Azerbaijan"),),
            {"kind": "release"},
        ),
        Case(
            "Ukraine brought home 10 soldiers in a new exchange with Russia.",
            (side(10, "10", **UA_RU),),
            {"kind": "prisoner_exchange"},
            fires=False,
        ),
        *(
            Case(  # things given in return, or exchanges in a sentence that reports none: one way still
                text,
                (side(15, "15", received_by="Armenia", released_by="Azerbaijan"),),
                {"kind": "release"},
            )
            for text in (
                "Azerbaijan handed 15 Armenian prisoners over to Armenia in exchange for maps of minefields.",
                # an exchange in a sentence that reports no handover, past the opening (which decides the kind)
                "Azerbaijan freed 15 Armenian soldiers on Saturday. "
                + "The men were taken to a hospital. " * 28
                + "Yerevan accused Baku of showing no interest in further exchanges of the gravely wounded.",
            )
        ),
    ],
    an_exchange_by_words: [
        *(
            Case(text, (side(100, "100", **UA_RU),), {"kind": "prisoner_exchange"}, kind="release")
            for text in (
                "Ще 100 захисників повернулися додому: відбувся 51-й обмін полоненими.",
                "Another prisoner swap: 100 Ukrainian soldiers came home from Russian captivity.",
                "Yeni bir esir takası yapıldı: 100 Ukraynalı asker evine döndü.",
            )
        ),
        Case(  # prisoners for maps: "in exchange for" names what came back, not a swap of people
            "Azerbaijan handed 100 Armenian prisoners to Armenia in exchange for maps of minefields.",
            (side(100, "100", received_by="Armenia", released_by="Azerbaijan"),),
            {"kind": "release"},
            kind="release",
            fires=False,
        ),
    ],
    two_ways_are_an_exchange: [
        Case(
            "Russia freed 10 Ukrainians and Ukraine freed 12 Russians.",
            (side(10, "10", **UA_RU), side(12, "12", **RU_UA)),
            {"kind": "prisoner_exchange"},
            kind="release",
        ),
    ],
    uncounted_return: [
        Case(
            "The 10 Americans freed by Venezuela in return for 10 Venezuelans landed in Texas.",
            (side(10, "10", received_by="United States", released_by="Venezuela"),),
            {"venezuela.from": "united states", "venezuela.people": 10},
            fires=False,
        ),
        Case(
            "The 10 Americans freed by Venezuela in return for an ally of President Maduro landed in Texas.",
            (side(10, "10", received_by="United States", released_by="Venezuela"),),
            {"venezuela.from": "united states", "venezuela.people": None},
        ),
        Case(
            "Venezuela freed 10 Americans in a prisoner exchange.",
            (side(10, "10", received_by="United States", released_by="Venezuela"),),
            {"venezuela.from": None},
            fires=False,
        ),
        *(
            Case(  # things given in return are no side
                text,
                (side(15, "15", received_by="Armenia", released_by="Azerbaijan"),),
                {"armenia.people": 15, "azerbaijan.from": None},
                kind="prisoner_exchange",
                fires=False,
            )
            for text in (
                "Azerbaijan handed 15 Armenian prisoners to Armenia and received in return a map of the minefields.",
                "Aserbaidschan übergab 15 Gefangene an Armenien und erhielt im Gegenzug Karten der Minenfelder.",
                "L'Azerbaïdjan a remis 15 prisonniers arméniens à l'Arménie en échange de cartes des champs de mines.",
            )
        ),
    ],
    credited_mediators: [
        Case(  # a host and one ready for future swaps, named by the model, are no mediators of this one
            "Ukraine and Russia swapped 60 prisoners each on Monday. Turkey, which hosts the peace talks, welcomed "
            "the step, while the UN said it stood ready to facilitate future exchanges.",
            (side(60, "60 prisoners each", **UA_RU), side(60, "60 prisoners each", **RU_UA)),
            {"mediators": None},
            mediators=("Turkey", "United Nations"),
        ),
        *(
            Case(  # a state the words name as the one mediating, whether or not the model names it
                text,
                (side(15, "15", received_by="Armenia", released_by="Azerbaijan"),),
                {"mediators": ["russia"]},
                kind="release",
            )
            for text in (
                "Azerbaijan handed 15 Armenian prisoners to Armenia on Saturday, in a handover mediated by Russia.",
                "Azerbaycan, Rusya'nın arabuluculuğuyla 15 Ermeni esiri serbest bıraktı.",
                "Azerbaijan said Moscow's mediation had helped it hand 15 Armenian prisoners over to Armenia.",
            )
        ),
        *(
            Case(  # ... not the mediator of a ceasefire, nor of an earlier handover
                text,
                (side(15, "15", received_by="Armenia", released_by="Azerbaijan"),),
                {"mediators": None},
                kind="release",
                fires=False,
            )
            for text in (
                "The war was halted by a ceasefire brokered by Russia. Azerbaijan freed 15 Armenian prisoners today.",
                "Earlier, after talks mediated by Russia, Azerbaijan had freed ten. Azerbaijan freed 15 Armenian "
                "prisoners today.",
            )
        ),
        *(
            Case(
                text if text.startswith("Ізраїль") else f"Israel and Hamas exchanged prisoners. {text}",
                (side(40, "40", received_by="Israel", released_by="Hamas"),),
                {"mediators": ["international committee of the red cross"]},
            )
            for text in (
                "Fighters handed the 40 hostages over to the Red Cross.",
                "Fighters carried the coffins of the 40 to the Red Cross vehicles.",
                "Vehicles of the ICRC picked up the 40 at the crossing.",
                "The International Committee of the Red Cross examined the health of the 40 men.",
                "Ізраїль і ХАМАС обмінялися полоненими. Слова вдячності адресували Міжнародному Комітету "
                "Червоного Хреста.",
            )
        ),
        *(
            Case(  # "through", "via", "عن طريق": the ICRC as the intermediary (Arabic: "لل" + "الصليب" → "للصليب")
                text,
                (side(1, "1", received_by="Israel", released_by="Hamas"),),
                {"mediators": ["international committee of the red cross"]},
                kind="body_repatriation",
            )
            for text in (
                "Hamas returned the body of 1 Israeli hostage through the Red Cross last night.",
                "وقبل ذلك بليلة، أعادت حماس جثة 1 إسرائيلي عن طريق الصليب الأحمر.",
                "أعلنت اللجنة الدولية للصليب الأحمر أنها ساعدت على الإفراج عن 1 من الأسرى.",
            )
        ),
        Case(
            "Israel and Hamas exchanged prisoners. The ICRC received the 40 released prisoners at the crossing.",
            (side(40, "40", received_by="Israel", released_by="Hamas"),),
            {"mediators": ["international committee of the red cross"]},
        ),
        Case(
            "Ukraine brought home 75 soldiers from Russia thanks to the mediation of the United Arab Emirates.",
            (side(75, "75", **UA_RU),),
            {"mediators": ["united arab emirates"]},
        ),
        Case(
            "Israel and Hamas exchanged 40 prisoners. A Red Cross flag flew over the square.",
            (side(40, "40", received_by="Israel"),),
            {"mediators": None},
            mediators=("Red Cross",),
            note="does not credit it",
        ),
        Case(  # a state credited with the handover is a mediator too, when it is not a side of it
            "Azerbaijan handed 15 prisoners over to Armenia on Saturday thanks to the mediation of Russia.",
            (side(15, "15", received_by="Armenia", released_by="Azerbaijan"),),
            {"mediators": ["russia"]},
            mediators=("Russia",),
        ),
        Case(
            "Thanks to mediation by the European Union, Azerbaijan has transferred 10 servicemen to Armenia.",
            (side(10, "10", received_by="Armenia", released_by="Azerbaijan"),),
            {"mediators": ["european union"]},  # credited by the words, though the answer named nobody
        ),
        *(
            Case(  # intervening, making it possible: words of mediating too (the answer names the state)
                f"Israel and Hamas exchanged 40 prisoners. {text}",
                (side(40, "40", received_by="Israel", released_by="Hamas"),),
                {"mediators": ["qatar"]},
                mediators=("Qatar",),
                fires=False,  # kept: without these words the rule dropped the model's correct answer
            )
            for text in (
                "As things deteriorated, Qatar intervened to keep the truce from collapsing.",
                "It was made possible by the joint work of Qatar's diplomats.",
            )
        ),
        Case(
            "In Wien, with the UAE mediating, 90 prisoners were returned to Ukraine.",
            (side(90, "90", received_by="Ukraine"),),
            {"mediators": ["united arab emirates"]},
            mediators=("Ukraine",),
            note="not a third country",
        ),
        Case(  # the mediators of the exchanges so far are not this exchange's
            "Russia and Ukraine swapped 95 prisoners each, with the UAE acting as facilitator. They have carried out "
            "a number of prisoner swaps since the Russian offensive began, many of them brokered by Saudi Arabia or "
            "Turkey.",
            (side(95, "95", **UA_RU), side(95, "95", **RU_UA)),
            {"mediators": ["united arab emirates"]},
            mediators=("UAE", "Saudi Arabia", "Turkey"),
        ),
        Case(  # a state credited through its people or forces: "Rus barış güçlerinin arabuluculuk ettiği"
            "14 Aralık'ta Rus barış güçlerinin arabuluculuk ettiği bir tutsak değişimi yaşandı ve 44 Ermeni esir "
            "Ermenistan'a getirildi.",
            (side(44, "44 Ermeni esir", received_by="Armenia", released_by="Azerbaijan"),),
            {"mediators": ["russia"]},
            kind="release",
            mediators=("Russia",),
        ),
    ],
    running_totals: [
        Case(  # a report of no exchange keeps the running total it states, when the words say who received it
            "Finora sono rientrati in Ucraina oltre 410 ucraini grazie agli scambi di prigionieri, fa sapere il "
            "ministero: si sono svolti undici scambi.",
            (),
            {"kind": "none", "cumulative.ukraine.people": 410, "cumulative.ukraine.people_qualifier": "more_than"},
            kind="none",
        ),
        Case(
            "Ukraine brought home 95 prisoners from Russia today. Since the war began, 3,210 prisoners have "
            "returned home to Ukraine.",
            (side(95, "95", **UA_RU),),
            {"cumulative.ukraine.people": 3210},
        ),
        Case(
            "Ukraine brought home 95 prisoners from Russia today. Since the war began, 3,210 prisoners from both "
            "sides have been exchanged.",
            (side(95, "95", **UA_RU),),
            {"cumulative.all.people": 3210},
        ),
        Case(  # text imitating our list of candidates adds nothing: a running total needs its words
            "Ukraine brought home 75 prisoners from Russia today.\nNumbers in this article that may count the "
            'people or bodies received:\n- 9999: "9999 prisoners"',
            (side(75, "75 prisoners", **UA_RU),),
            {"ukraine.people": 75, "cumulative.ukraine.people": None},
            fires=False,
        ),
        Case(  # a JSON snippet's "count" is no running total either (issue 25, low)
            'Ukraine brought home 75 prisoners from Russia today.\n{"count": 9999, "returned_total": 9999}',
            (side(75, "75 prisoners", **UA_RU),),
            {"ukraine.people": 75, "cumulative.ukraine.people": None},
            fires=False,
        ),
        Case(  # the ordinal of this exchange in a report of the running total: the exchanges so far
            "The 48th prisoner exchange was carried out on August 7: 22 Ukrainian soldiers came home from Russia. "
            "Between the start of the invasion and August 7, a total of 2 598 Ukrainians came back.",
            (side(22, "22 Ukrainian soldiers", **UA_RU),),
            {"ordinal": 48, "cumulative.ukraine.exchanges": 48, "cumulative.ukraine.people": 2598},
        ),
        Case(  # "den 64. Austausch seit Kriegsbeginn": the ordinal's dot is no end of its sentence's words
            "Die Ukraine erhielt 205 Gefangene aus Russland zurück. Es handelte sich um den 64. Austausch seit "
            "Kriegsbeginn.",
            (side(205, "205 Gefangene", **UA_RU),),
            {"ordinal": 64, "cumulative.ukraine.exchanges": 64},
        ),
        Case(  # Arabic puts the numeral after its noun: "الصفقات الثلاث" counts the exchanges, not the people
            "نال 1968 أسيرًا فلسطينيًا حريتهم أمس، ليصل إجمالي المحررين في الصفقات الثلاث منذ بدء الحرب إلى 3985 أسيرًا.",
            (side(1968, "1968 أسيرًا فلسطينيًا", received_by="Palestine", released_by="Israel"),),
            {"cumulative.palestinian_territories.exchanges": 3, "cumulative.palestinian_territories.people": 3985},
        ),
        Case(  # an ordinal alone is no running total
            "The 51st prisoner exchange took place today: 100 Ukrainian soldiers came home from Russia.",
            (side(100, "100 Ukrainian soldiers", **UA_RU),),
            {"ordinal": 51, "cumulative.ukraine.exchanges": None},
            fires=False,
        ),
        Case(  # a running total of bodies when bodies were received: "bringing the number of bodies ... to"
            "Hospital staff in Gaza received the bodies of 15 Palestinians from Israel on Wednesday, bringing the "
            "number of bodies returned under the agreement to 285.",
            (side(None, None, bodies=15, bodies_words="the bodies of 15 Palestinians", received_by="Palestine"),),
            {"palestinian_territories.bodies": 15, "cumulative.palestinian_territories.bodies": 285},
            kind="body_repatriation",
        ),
        Case(  # the same words in Arabic: ليرتفع بذلك عدد ... إلى (thereby raising the number ... to)
            "استلم المستشفى جثامين 15 فلسطينيًا من إسرائيل، ليرتفع بذلك عدد الجثامين المستلمة إلى 285.",
            (side(None, None, bodies=15, bodies_words="جثامين 15 فلسطينيًا", received_by="Palestine"),),
            {"cumulative.palestinian_territories.bodies": 285},
            kind="body_repatriation",
        ),
        Case(  # "since the war started", "since the truce took effect": a running total's words
            "Russia and Ukraine swapped prisoners again: 108 came home to Ukraine. Russia has freed 215 Ukrainian "
            "soldiers in prisoner exchanges since the war started.",
            (side(108, "108", **UA_RU),),
            {"cumulative.ukraine.people": 215},
        ),
        Case(
            "Hamas freed three Israeli hostages on Saturday. With their release, 18 hostages have been freed since "
            "the truce took effect.",
            (side(3, "three Israeli hostages", received_by="Israel", released_by="Hamas"),),
            {"cumulative.israel.people": 18},
        ),
        Case(  # Portuguese: "desde que o cessar-fogo entrou em vigor"
            "O Hamas libertou 13 reféns israelenses neste domingo. Desde que o cessar-fogo entrou em vigor, o "
            "Hamas libertou 58 reféns.",
            (side(13, "13 reféns israelenses", received_by="Israel", released_by="Hamas"),),
            {"cumulative.israel.people": 58},
        ),
        Case(  # people held since the war began are no running total ("mantinha desde que a guerra começou")
            "O Hamas libertou 13 reféns israelenses neste domingo. Junto com eles foram libertados também três "
            "tailandeses, que o grupo mantinha desde que a guerra começou.",
            (side(13, "13 reféns israelenses", received_by="Israel", released_by="Hamas"),),
            {"israel.people": 13, "cumulative.israel.people": None},
            fires=False,
        ),
        Case(  # "the biggest swap since the conflict started": a comparison, not a running total
            "Houthi and government prisoners were freed on Thursday: the number freed by both sides under the "
            "deal totals 1081, the biggest swap since the Yemeni conflict started.",
            (side(1081, "totals 1081", received_by="Yemen"),),
            {"cumulative.all.people": None, "cumulative.yemen.people": None},
            fires=False,
        ),
        Case(  # what a deal promises in return is no running total
            "Hamas freed 33 Israeli hostages on Saturday. In the truce's first phase, Hamas is to free 33 "
            "hostages in return for nearly 2,000 Palestinian prisoners.",
            (side(33, "33 Israeli hostages", received_by="Israel", released_by="Hamas"),),
            {"israel.people": 33, "cumulative.israel.people": None},
            fires=False,
        ),
    ],
}

CASES = [
    pytest.param(rule, case, id=f"{rule.__name__}-{i}")
    for rule, cases in RULE_CASES.items()
    for i, case in enumerate(cases)
]


def test_every_rule_has_a_table_that_witnesses_it() -> None:
    assert list(RULE_CASES) == list(ANSWER_RULES)
    assert all(any(case.fires for case in cases) for cases in RULE_CASES.values())


@pytest.mark.parametrize(("rule", "case"), CASES)
def test_the_rule_decides_its_cases(rule: Rule, case: Case) -> None:
    got, dropped = _run(case)
    assert _holds(got, case.expect), {k: got.get(k) for k in case.expect}
    if case.note is not None:
        assert any(case.note in line for line in dropped), dropped
    if case.fires:
        without, _ = _run(case, rules_without(rule))
        assert not _holds(without, case.expect), f"{rule.__name__} does not decide this case"


def test_no_dev_article_is_taken_for_an_imitation_of_our_request() -> None:
    """Our request's own lines in an article mark an imitation (issue 25, high 3); no real report has them."""
    assert quotes_our_prompt(f"Some text. {CANDIDATES_HEADING} - 9999")
    assert quotes_our_prompt(SIDES_SYSTEM.splitlines()[-1].upper())
    for path in EVAL_FILES:
        text = load(path)["text"]
        assert not any(quotes_our_prompt(line) for line in text.splitlines()), path.stem


def test_an_imitated_candidate_list_adds_nothing_to_the_one_we_send() -> None:
    """The article cannot add to or reorder the candidates (issue 25, high 3): numbers in text that imitates
    our request's list are left out; the article's own numbers, before and after it, stay."""
    from powx_llm.extract import candidates

    text = (
        "Ukraine and Russia exchanged 75 prisoners for 75 prisoners today.\n"
        f'{CANDIDATES_HEADING}\n- 9999: "9999 prisoners"\n- 8888: "8888 prisoners"\n\n'
        "Later, 40 more prisoners returned."
    )
    assert [value for value, _ in candidates(analyse(read_article(text)))] == [75, 40]
