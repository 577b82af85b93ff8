"""A correct answer survives the rules: reports in phrasings beyond the dev set, each with the answer a perfect
model gives (kind, sides, words), put through the answer rules; the facts a reader expects must hold.

Written from the ways held-out reports state things that the dev set lacks (the accuracy issue's list: "75
for 75", "146 на 146", "each freed 103", "as agreed", one named hostage, swaps of named people, subsets
named beside a total, groups broken down, bodies promised for later; bodies stated from either side, releases
by non-state groups, running totals and ordinals, in the 12 languages). Each case is our own sentence.
"""

from __future__ import annotations

from typing import Any

import pytest

from powx_llm.extract import Side, Sides, assemble
from powx_llm.model import facts
from powx_llm.read import analyse, read_article


def S(  # noqa: N802  (a side, written short: the table below is read as data)
    to: str,
    frm: str,
    people: int | None = None,
    pw: str | None = None,
    bodies: int | None = None,
    bw: str | None = None,
) -> Side:
    return Side.model_validate(
        {
            "received_by": to,
            "released_by": frm,
            "people": people,
            "people_words": pw,
            "bodies": bodies,
            "bodies_words": bw,
        }
    )


CASES: list[tuple[str, str, list[Side], dict[str, Any]]] = [
    (
        "Ukraine and Russia swapped 75 for 75 prisoners of war on Friday.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 75, "75"), S("Russia", "Ukraine", 75, "75")],
        {"ukraine.people": 75, "russia.people": 75},
    ),
    (
        "Україна та Росія провели обмін 146 на 146 полонених.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 146, "146"), S("Russia", "Ukraine", 146, "146")],
        {"ukraine.people": 146, "russia.people": 146},
    ),
    (
        "The two sides exchanged prisoners 200-200, the ministry said.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 200, "200"), S("Russia", "Ukraine", 200, "200")],
        {"ukraine.people": 200, "russia.people": 200},
    ),
    (
        "Washington freed Viktor Bout in exchange for Brittney Griner on Thursday.",
        "prisoner_exchange",
        [S("United States", "Russia"), S("Russia", "United States")],
        {"kind": "prisoner_exchange", "united_states.from": "russia", "russia.from": "united states"},
    ),
    (
        "Hamas released one Israeli hostage, Edan Alexander, on Monday.",
        "release",
        [S("Israel", "Hamas", 1, "one Israeli hostage")],
        {"kind": "release", "israel.people": 1},
    ),
    (
        "On Saturday 300 Ukrainian soldiers came home from Russian captivity, the president said. Women and "
        "children were among them: 12 women.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 300, "300 Ukrainian soldiers")],
        {"ukraine.people": 300, "ukraine.women": 12},
    ),
    (
        "Ukraine brought home 200 prisoners today. Since the start of the war, 5,000 have returned.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 200, "200 prisoners")],
        {"ukraine.people": 200, "cumulative.ukraine.people": 5000},
    ),
    (
        "Russia returned 909 bodies of fallen Ukrainian soldiers on Thursday; Ukraine handed over 34 bodies.",
        "body_repatriation",
        [S("Ukraine", "Russia", None, None, 909, "909 bodies"), S("Russia", "Ukraine", None, None, 34, "34 bodies")],
        {"ukraine.bodies": 909, "russia.bodies": 34},
    ),
    (
        "Az oroszok félezer-félezer foglyot cseréltek ki Ukrajnával.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 500, "félezer"), S("Russia", "Ukraine", 500, "félezer")],
        {"ukraine.people": 500, "russia.people": 500},
    ),
    (
        "On 14 June, 1,200 bodies were handed over to Ukraine.",
        "body_repatriation",
        [S("Ukraine", "Russia", None, None, 1200, "1,200 bodies")],
        {"ukraine.bodies": 1200},
    ),
    (
        "The UN mission and the Catholic Church facilitated the release of 28 soldiers held by the ELN.",
        "release",
        [S("Colombia", "ELN", 28, "28 soldiers")],
        {"colombia.people": 28},
    ),
    (
        "Armenia received 32 prisoners from Azerbaijan and returned two soldiers, the governments said in a "
        "joint statement.",
        "prisoner_exchange",
        [S("Armenia", "Azerbaijan", 32, "32 prisoners"), S("Azerbaijan", "Armenia", 2, "two soldiers")],
        {"armenia.people": 32, "azerbaijan.people": 2},
    ),
    (
        "Ukraine got back 95 defenders. Among them are 12 civilians and 83 servicemen.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 95, "95 defenders")],
        {"ukraine.people": 95, "ukraine.civilians": 12},
    ),
    (
        "Today 103 Ukrainian defenders returned home; the previous swap brought back 84 people.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 103, "103 Ukrainian defenders")],
        {"ukraine.people": 103},
    ),
    (
        "Russia said 115 of its servicemen had returned from Ukrainian captivity, and 115 Ukrainians were "
        "handed over in return.",
        "prisoner_exchange",
        [S("Russia", "Ukraine", 115, "115 of its servicemen"), S("Ukraine", "Russia", 115, "115 Ukrainians")],
        {"ukraine.people": 115, "russia.people": 115},
    ),
    (
        "Kyiv said 49 prisoners had come home, including 3 wounded.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 49, "49 prisoners")],
        {"ukraine.people": 49, "ukraine.wounded_or_ill": 3},
    ),
    (
        "Le 5 mars, l'Ukraine a récupéré 200 soldats et la Russie 200 autres, sous médiation des Émirats arabes unis.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 200, "200 soldats"), S("Russia", "Ukraine", 200, "200 autres")],
        {"ukraine.people": 200, "russia.people": 200, "mediators": ["united arab emirates"]},
    ),
    (
        "Israel freed 90 Palestinian prisoners after Hamas released three hostages.",
        "prisoner_exchange",
        [
            S("Palestinian territories", "Israel", 90, "90 Palestinian prisoners"),
            S("Israel", "Hamas", 3, "three hostages"),
        ],
        {"palestinian_territories.people": 90, "israel.people": 3},
    ),
    (
        "Ukraine returned 390 people, and Russia said it had received as many.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 390, "390 people"), S("Russia", "Ukraine", 390, "as many")],
        {"ukraine.people": 390},
    ),
    (
        "A total of 230 prisoners were exchanged: 115 from each side.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 115, "115"), S("Russia", "Ukraine", 115, "115")],
        {"ukraine.people": 115, "russia.people": 115},
    ),
    (
        "Ucrania recuperó a 84 personas, entre ellas 10 civiles, en el canje de este jueves.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 84, "84 personas")],
        {"ukraine.people": 84, "ukraine.civilians": 10},
    ),
    (
        "Die Ukraine hat 157 Gefangene zurückbekommen, darunter Soldaten aus Mariupol.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 157, "157 Gefangene")],
        {"ukraine.people": 157},
    ),
    (
        "Russia and Ukraine each freed 103 prisoners of war on Saturday in a deal brokered by the UAE.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 103, "103"), S("Russia", "Ukraine", 103, "103")],
        {"ukraine.people": 103, "russia.people": 103, "mediators": ["united arab emirates"]},
    ),
    (
        "The Taliban freed an American, Ryan Corbett, in exchange for a Taliban fighter held by the US.",
        "prisoner_exchange",
        [S("United States", "Taliban"), S("Taliban", "United States")],
        {"kind": "prisoner_exchange"},
    ),
    (
        "As agreed in Istanbul, Ukraine brought home 307 soldiers from Russian captivity on Friday.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 307, "307 soldiers")],
        {"ukraine.people": 307},
    ),
    (
        "Відповідно до домовленостей, сьогодні додому повернулися 84 українці з російського полону.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 84, "84 українці")],
        {"ukraine.people": 84},
    ),
    (
        "According to the agreement reached last week, 146 prisoners from each side were exchanged today.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 146, "146"), S("Russia", "Ukraine", 146, "146")],
        {"ukraine.people": 146, "russia.people": 146},
    ),
    (
        "Ukraine got back 200 people on Saturday, among them 25 women.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 200, "200 people")],
        {"ukraine.people": 200, "ukraine.women": 25},
    ),
    (
        "The 300 freed Ukrainians include 30 civilians, the ombudsman said.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 300, "300 freed Ukrainians")],
        {"ukraine.people": 300, "ukraine.civilians": 30},
    ),
    (
        "Ukraine brought home 200 soldiers on Tuesday. In total, 4,552 Ukrainians have been freed from "
        "Russian captivity since 2022.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 200, "200 soldiers")],
        {"ukraine.people": 200, "cumulative.ukraine.people": 4552},
    ),
    (
        "On Friday 31 prisoners of war were freed by Russia and returned to Ukraine.",
        "release",
        [S("Ukraine", "Russia", 31, "31 prisoners of war")],
        {"ukraine.people": 31},
    ),
    (
        "Ukraine returned 12 Russian POWs on 12 May in exchange for 12 Ukrainians.",
        "prisoner_exchange",
        [S("Russia", "Ukraine", 12, "12 Russian POWs"), S("Ukraine", "Russia", 12, "12 Ukrainians")],
        {"ukraine.people": 12, "russia.people": 12},
    ),
    (
        "Ukraine received the bodies of 757 fallen defenders on Thursday. No prisoners were part of the handover.",
        "body_repatriation",
        [S("Ukraine", "Russia", None, None, 757, "757 fallen defenders")],
        {"kind": "body_repatriation", "ukraine.bodies": 757},
    ),
    (
        "Russia and Ukraine exchanged 95 prisoners each on Friday; the bodies of fallen soldiers are to be "
        "returned later.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 95, "95"), S("Russia", "Ukraine", 95, "95")],
        {"kind": "prisoner_exchange", "ukraine.people": 95, "russia.people": 95},
    ),
    (
        "Among the 150 returned are 15 seriously wounded soldiers, the Coordination Headquarters said.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 150, "150 returned")],
        {"ukraine.people": 150, "ukraine.wounded_or_ill": 15},
    ),
    (
        "The exchange was mediated by the United Arab Emirates: 190 Ukrainians came home and 190 Russians "
        "were handed over.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 190, "190 Ukrainians"), S("Russia", "Ukraine", 190, "190 Russians")],
        {"ukraine.people": 190, "russia.people": 190, "mediators": ["united arab emirates"]},
    ),
    (
        "Thanks to the mediation of the Vatican, 10 Ukrainian civilians returned home.",
        "release",
        [S("Ukraine", "Russia", 10, "10 Ukrainian civilians")],
        {"ukraine.people": 10, "mediators": ["holy see"]},
    ),
    (
        "Qatar mediated the release of 4 Ukrainian children who were returned to their families.",
        "release",
        [S("Ukraine", "Russia", 4, "4 Ukrainian children")],
        {"ukraine.people": 4, "mediators": ["qatar"]},
    ),
    (
        "Ukraine released 25 Russian soldiers and received 25 Ukrainian defenders in return.",
        "prisoner_exchange",
        [S("Russia", "Ukraine", 25, "25 Russian soldiers"), S("Ukraine", "Russia", 25, "25 Ukrainian defenders")],
        {"ukraine.people": 25, "russia.people": 25},
    ),
    (
        "Azerbaijan freed five Armenian soldiers on Wednesday, Baku said; Armenia handed over two "
        "Azerbaijani servicemen.",
        "prisoner_exchange",
        [
            S("Armenia", "Azerbaijan", 5, "five Armenian soldiers"),
            S("Azerbaijan", "Armenia", 2, "two Azerbaijani servicemen"),
        ],
        {"armenia.people": 5, "azerbaijan.people": 2},
    ),
    (
        "Venezuela released 10 Americans, and the United States freed Alex Saab in return.",
        "prisoner_exchange",
        [S("United States", "Venezuela", 10, "10 Americans"), S("Venezuela", "United States")],
        {"united_states.people": 10, "venezuela.from": "united states", "kind": "prisoner_exchange"},
    ),
    (
        "Iran freed five Americans on Monday in a deal that also saw Washington release five Iranians.",
        "prisoner_exchange",
        [S("United States", "Iran", 5, "five Americans"), S("Iran", "United States", 5, "five Iranians")],
        {"united_states.people": 5, "iran.people": 5},
    ),
    (
        "Israel released 183 Palestinian prisoners after Hamas freed three Israeli hostages on Saturday.",
        "prisoner_exchange",
        [
            S("Palestinian territories", "Israel", 183, "183 Palestinian prisoners"),
            S("Israel", "Hamas", 3, "three Israeli hostages"),
        ],
        {"palestinian_territories.people": 183, "israel.people": 3},
    ),
    (
        "Українська сторона отримала тіла 909 загиблих, а російській стороні передали 34 тіла.",
        "body_repatriation",
        [S("Ukraine", "Russia", None, None, 909, "909"), S("Russia", "Ukraine", None, None, 34, "34 тіла")],
        {"ukraine.bodies": 909, "russia.bodies": 34},
    ),
    (
        "Rosja przekazała Ukrainie ciała 1000 poległych żołnierzy, a Ukraina oddała 24 ciała Rosjan.",
        "body_repatriation",
        [S("Ukraine", "Russia", None, None, 1000, "1000"), S("Russia", "Ukraine", None, None, 24, "24 ciała")],
        {"ukraine.bodies": 1000, "russia.bodies": 24},
    ),
    (
        "Ucrania y Rusia intercambiaron 246 prisioneros por bando el sábado.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 246, "246"), S("Russia", "Ukraine", 246, "246")],
        {"ukraine.people": 246, "russia.people": 246},
    ),
    (
        "L'Ukraine a récupéré 95 prisonniers de guerre, dont 12 civils, a annoncé Kiev.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 95, "95 prisonniers de guerre")],
        {"ukraine.people": 95, "ukraine.civilians": 12},
    ),
    (
        "Ukrayna ile Rusya 84'er esiri takas etti.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 84, "84"), S("Russia", "Ukraine", 84, "84")],
        {"ukraine.people": 84, "russia.people": 84},
    ),
    (
        "تبادلت روسيا وأوكرانيا 150 أسيرا من كل طرف.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 150, "150"), S("Russia", "Ukraine", 150, "150")],
        {"ukraine.people": 150, "russia.people": 150},
    ),
    (
        "Die Ukraine und Russland haben jeweils 175 Kriegsgefangene ausgetauscht.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 175, "175"), S("Russia", "Ukraine", 175, "175")],
        {"ukraine.people": 175, "russia.people": 175},
    ),
    (
        "Ukraine got back 54 soldiers on Friday. This was the 61st exchange since the start of the war.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 54, "54 soldiers")],
        {"ukraine.people": 54, "ordinal": 61},
    ),
    (
        "Russia returned 6 Ukrainian children to their families; Qatar mediated. Ukraine had asked for 600.",
        "release",
        [S("Ukraine", "Russia", 6, "6 Ukrainian children")],
        {"ukraine.people": 6},
    ),
    (
        "Of the 115 prisoners returned to Ukraine, 100 were servicemen and 15 civilians.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 115, "115 prisoners")],
        {"ukraine.people": 115, "ukraine.civilians": 15},
    ),
    (
        "Russia handed over the bodies of 1,000 Ukrainian soldiers and received 31 bodies of its own troops.",
        "body_repatriation",
        [S("Ukraine", "Russia", None, None, 1000, "1,000"), S("Russia", "Ukraine", None, None, 31, "31 bodies")],
        {"ukraine.bodies": 1000, "russia.bodies": 31},
    ),
    (
        "Kyiv received 6,000 bodies, Moscow 78, over the past week of repatriations.",
        "body_repatriation",
        [S("Ukraine", "Russia", None, None, 6000, "6,000 bodies"), S("Russia", "Ukraine", None, None, 78, "78")],
        {"ukraine.bodies": 6000, "russia.bodies": 78},
    ),
    (
        "Ukraine returned the bodies of 19 Russian servicemen and got back 1,000.",
        "body_repatriation",
        [
            S("Russia", "Ukraine", None, None, 19, "19 Russian servicemen"),
            S("Ukraine", "Russia", None, None, 1000, "1,000"),
        ],
        {"ukraine.bodies": 1000, "russia.bodies": 19},
    ),
    (
        "Hamas handed over the bodies of four hostages on Thursday; Israel released 45 Palestinian bodies in return.",
        "body_repatriation",
        [
            S("Israel", "Hamas", None, None, 4, "four hostages"),
            S("Palestinian territories", "Israel", None, None, 45, "45 Palestinian bodies"),
        ],
        {"israel.bodies": 4, "palestinian_territories.bodies": 45},
    ),
    (
        "The ELN released 11 soldiers and police officers it had held for months, the Ombudsman's Office said.",
        "release",
        [S("Colombia", "ELN", 11, "11 soldiers and police officers")],
        {"colombia.people": 11, "colombia.from": "eln"},
    ),
    (
        "The RSF freed 90 army prisoners on Sunday with the help of the ICRC.",
        "release",
        [S("Sudan", "Rapid Support Forces", 90, "90 army prisoners")],
        {"sudan.people": 90, "sudan.from": "rapid support forces"},
    ),
    (
        "Belarus pardoned 16 political prisoners on Friday, the presidential office said.",
        "release",
        [S("Belarus", "Belarus", 16, "16 political prisoners")],
        {"kind": "release"},
    ),
    (
        "Since February 2022, 5,857 Ukrainians have returned home through 65 exchanges; the latest brought back 84.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 84, "84")],
        {"ukraine.people": 84, "cumulative.ukraine.people": 5857, "cumulative.ukraine.exchanges": 65},
    ),
    (
        "Це вже 65-й обмін: додому повернулися 84 захисники.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 84, "84 захисники")],
        {"ukraine.people": 84, "ordinal": 65},
    ),
    (
        "Додому повернулися 150 військових, серед них 20 офіцерів та 5 жінок.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 150, "150 військових")],
        {"ukraine.people": 150, "ukraine.officers": 20, "ukraine.women": 5},
    ),
    (
        "Из украинского плена возвращены 84 российских военнослужащих, сообщило Минобороны.",
        "prisoner_exchange",
        [S("Russia", "Ukraine", 84, "84 российских военнослужащих")],
        {"russia.people": 84},
    ),
    (
        "Do Polski wróciło 5 obywateli, uwolnionych przez Białoruś w ramach wymiany.",
        "prisoner_exchange",
        [S("Poland", "Belarus", 5, "5 obywateli")],
        {"poland.people": 5},
    ),
    (
        "La Russie a libéré 49 prisonniers ukrainiens, dont 3 blessés graves, selon Kiev.",
        "release",
        [S("Ukraine", "Russia", 49, "49 prisonniers ukrainiens")],
        {"ukraine.people": 49, "ukraine.wounded_or_ill": 3},
    ),
    (
        "Tornano a casa 100 soldati ucraini, mentre 100 russi sono stati rilasciati da Kiev.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 100, "100 soldati ucraini"), S("Russia", "Ukraine", 100, "100 russi")],
        {"ukraine.people": 100, "russia.people": 100},
    ),
    (
        "Rusya ve Ukrayna arasında esir takası: 95 Ukraynalı ve 95 Rus asker serbest bırakıldı.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 95, "95 Ukraynalı"), S("Russia", "Ukraine", 95, "95 Rus asker")],
        {"ukraine.people": 95, "russia.people": 95},
    ),
    (
        "Oroszország 84 ukrán hadifoglyot adott át, Ukrajna pedig 84 orosz katonát.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 84, "84 ukrán hadifoglyot"), S("Russia", "Ukraine", 84, "84 orosz katonát")],
        {"ukraine.people": 84, "russia.people": 84},
    ),
    (
        "أفرجت إسرائيل عن 90 أسيرا فلسطينيا بعد إطلاق حماس سراح ثلاث رهائن.",
        "prisoner_exchange",
        [S("Palestinian territories", "Israel", 90, "90 أسيرا"), S("Israel", "Hamas", 3, "ثلاث رهائن")],
        {"palestinian_territories.people": 90, "israel.people": 3},
    ),
    (
        "A Rússia libertou 150 ucranianos e recebeu 150 russos em troca, com mediação dos Emirados Árabes Unidos.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 150, "150 ucranianos"), S("Russia", "Ukraine", 150, "150 russos")],
        {"ukraine.people": 150, "russia.people": 150, "mediators": ["united arab emirates"]},
    ),
    (
        "Ukraine says 1,358 of its soldiers were returned in 2024 alone; on Monday another 189 came home.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 189, "189")],
        {"ukraine.people": 189},
    ),
    (
        "Two Americans were freed by Russia on Thursday in exchange for a Russian national held in the US.",
        "prisoner_exchange",
        [S("United States", "Russia", 2, "Two Americans"), S("Russia", "United States", 1, "a Russian national")],
        {"united_states.people": 2},
    ),
    (
        "The 12 freed hostages, including eight Thai nationals, crossed into Egypt.",
        "release",
        [S("Israel", "Hamas", 4, None), S("Thailand", "Hamas", 8, "eight Thai nationals")],
        {"thailand.people": 8},
    ),
    (
        "Ukraine brought home 103 soldiers and 2 civilians on Saturday.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 105, None)],
        {"ukraine.civilians": 2},
    ),
    (
        "The International Committee of the Red Cross said it had facilitated the return of 50 prisoners to Ukraine.",
        "release",
        [S("Ukraine", "Russia", 50, "50 prisoners")],
        {"ukraine.people": 50, "mediators": ["international committee of the red cross"]},
    ),
    (
        "В результате переговорного процесса возвращены 150 российских военнослужащих. Взамен переданы 150 "
        "военнопленных ВСУ.",
        "prisoner_exchange",
        [
            S("Russia", "Ukraine", 150, "150 российских военнослужащих"),
            S("Ukraine", "Russia", 150, "150 военнопленных ВСУ"),
        ],
        {"russia.people": 150, "ukraine.people": 150},
    ),
    (
        "Ukraine and Russia conducted their 58th exchange: 190 for 190, the Coordination Headquarters said.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 190, "190"), S("Russia", "Ukraine", 190, "190")],
        {"ukraine.people": 190, "russia.people": 190, "ordinal": 58},
    ),
    (
        "Russia and Ukraine agreed on Friday to exchange 1,000 prisoners each, the negotiators said.",
        "none",
        [],
        {"kind": "none"},
    ),
    (
        "A court in Rostov sentenced 12 Ukrainian soldiers to prison terms of up to 23 years.",
        "none",
        [],
        {"kind": "none"},
    ),
    ("Zelensky said talks on a new swap of 500 prisoners were under way.", "none", [], {"kind": "none"}),
    (
        "Ukraine has brought home 5,000 prisoners since 2022, the ombudsman said in his annual report.",
        "none",
        [],
        {"kind": "none"},
    ),
    (
        "This was the 52nd exchange since the war began: 75 Ukrainians came home on Friday.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 75, "75 Ukrainians")],
        {"ordinal": 52, "ukraine.people": 75},
    ),
    (
        "The United States and Russia swapped Evan Gershkovich and Paul Whelan for Vadim Krasikov and seven others.",
        "prisoner_exchange",
        [S("United States", "Russia"), S("Russia", "United States")],
        {"kind": "prisoner_exchange", "united_states.from": "russia", "russia.from": "united states"},
    ),
    (
        "Moscow received the bodies of 43 Russian soldiers, and Kyiv got back 909.",
        "body_repatriation",
        [S("Russia", "Ukraine", None, None, 43, "43"), S("Ukraine", "Russia", None, None, 909, "909")],
        {"russia.bodies": 43, "ukraine.bodies": 909},
    ),
    (
        "The remains of 1,000 fallen servicemen were repatriated to Ukraine, and Russia received 31.",
        "body_repatriation",
        [S("Ukraine", "Russia", None, None, 1000, "1,000"), S("Russia", "Ukraine", None, None, 31, "31")],
        {"ukraine.bodies": 1000, "russia.bodies": 31},
    ),
    (
        "Ukraine brought back 84 defenders, including 20 from the Azov brigade and 15 from Mariupol.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 84, "84 defenders")],
        {"ukraine.people": 84},
    ),
    (
        "Thirty-one Ukrainians have returned home, among them 19 members of the armed forces.",
        "release",
        [S("Ukraine", "Russia", 31, "Thirty-one Ukrainians")],
        {"ukraine.people": 31, "ukraine.unit.armed_forces": 19},
    ),
    (
        "Two hundred Ukrainian prisoners of war came home on Saturday.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 200, "Two hundred")],
        {"ukraine.people": 200},
    ),
    (
        "Hamas released the bodies of two hostages, and Israel returned 30 Palestinian bodies.",
        "body_repatriation",
        [
            S("Israel", "Hamas", None, None, 2, "two hostages"),
            S("Palestinian territories", "Israel", None, None, 30, "30 Palestinian bodies"),
        ],
        {"israel.bodies": 2, "palestinian_territories.bodies": 30},
    ),
    (
        "Sudan's army said 125 of its soldiers held by the RSF had been freed through ICRC mediation.",
        "release",
        [S("Sudan", "Rapid Support Forces", 125, "125 of its soldiers")],
        {"sudan.people": 125, "mediators": ["international committee of the red cross"]},
    ),
    (
        "Armenia said Azerbaijan had handed back 17 Armenian prisoners in a U.S.-brokered deal.",
        "release",
        [S("Armenia", "Azerbaijan", 17, "17 Armenian prisoners")],
        {"armenia.people": 17, "mediators": ["united states"]},
    ),
    (
        "Iran released a French national, and France freed an Iranian held in Paris, officials said.",
        "prisoner_exchange",
        [S("France", "Iran"), S("Iran", "France")],
        {"kind": "prisoner_exchange", "france.from": "iran"},
    ),
    (
        "Russia freed 25 Ukrainian civilians, including 8 women, in a one-way release mediated by the Vatican.",
        "release",
        [S("Ukraine", "Russia", 25, "25 Ukrainian civilians")],
        {"ukraine.people": 25, "ukraine.women": 8, "kind": "release"},
    ),
    (
        "More than 200 Ukrainians were freed on Sunday, the largest exchange this year.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 200, "More than 200")],
        {"ukraine.people": 200, "ukraine.people_qualifier": "more_than"},
    ),
    (
        "About 300 prisoners were returned to each side.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 300, "About 300"), S("Russia", "Ukraine", 300, "About 300")],
        {"ukraine.people": 300, "russia.people": 300},
    ),
    (
        "Ukraine received 157 POWs. The day before, 150 had come home in a separate swap.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 157, "157 POWs")],
        {"ukraine.people": 157},
    ),
    (
        "In the latest swap, which followed talks in Abu Dhabi, 157 Ukrainian defenders were freed from "
        "Russian captivity.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 157, "157 Ukrainian defenders")],
        {"ukraine.people": 157, "ukraine.from": "russia"},
    ),
    (
        "Ukraina odzyskała 150 żołnierzy z rosyjskiej niewoli, w tym 20 oficerów.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 150, "150 żołnierzy")],
        {"ukraine.people": 150, "ukraine.officers": 20},
    ),
    (
        "W zamian Rosja otrzymała 150 swoich wojskowych.",
        "prisoner_exchange",
        [S("Russia", "Ukraine", 150, "150 swoich wojskowych")],
        {"russia.people": 150},
    ),
    (
        "Rosja przekazała Ukrainie ciała 909 poległych.",
        "body_repatriation",
        [S("Ukraine", "Russia", None, None, 909, "909")],
        {"ukraine.bodies": 909, "kind": "body_repatriation"},
    ),
    (
        "Die Ukraine hat die Leichen von 757 gefallenen Soldaten zurückerhalten.",
        "body_repatriation",
        [S("Ukraine", "Russia", None, None, 757, "757")],
        {"ukraine.bodies": 757},
    ),
    (
        "Bei dem Austausch kamen 84 ukrainische Soldaten frei, darunter 12 Zivilisten.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 84, "84 ukrainische Soldaten")],
        {"ukraine.people": 84, "ukraine.civilians": 12},
    ),
    (
        "Russland und die Ukraine haben unter Vermittlung der Vereinigten Arabischen Emirate je 190 "
        "Gefangene ausgetauscht.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 190, "190"), S("Russia", "Ukraine", 190, "190")],
        {"ukraine.people": 190, "russia.people": 190, "mediators": ["united arab emirates"]},
    ),
    (
        "Kiev a récupéré les corps de 1 000 soldats tués au combat, Moscou en a reçu 24.",
        "body_repatriation",
        [S("Ukraine", "Russia", None, None, 1000, "1 000"), S("Russia", "Ukraine", None, None, 24, "24")],
        {"ukraine.bodies": 1000, "russia.bodies": 24},
    ),
    (
        "Au total, 103 soldats ukrainiens ont été libérés samedi, dont 3 femmes.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 103, "103 soldats ukrainiens")],
        {"ukraine.people": 103, "ukraine.women": 3},
    ),
    (
        "Ucrania recibió los cuerpos de 909 soldados caídos, mientras que Rusia recibió 43.",
        "body_repatriation",
        [S("Ukraine", "Russia", None, None, 909, "909"), S("Russia", "Ukraine", None, None, 43, "43")],
        {"ukraine.bodies": 909, "russia.bodies": 43},
    ),
    (
        "El ELN liberó a 28 personas que mantenía secuestradas, informó la Defensoría del Pueblo.",
        "release",
        [S("Colombia", "ELN", 28, "28 personas")],
        {"colombia.people": 28, "colombia.from": "eln"},
    ),
    (
        "Foram libertados 95 prisioneiros ucranianos, entre eles 10 civis, no sábado.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 95, "95 prisioneiros ucranianos")],
        {"ukraine.people": 95, "ukraine.civilians": 10},
    ),
    (
        "O Hamas libertou 13 reféns israelitas e Israel soltou 39 prisioneiros palestinianos.",
        "prisoner_exchange",
        [
            S("Israel", "Hamas", 13, "13 reféns israelitas"),
            S("Palestinian territories", "Israel", 39, "39 prisioneiros palestinianos"),
        ],
        {"israel.people": 13, "palestinian_territories.people": 39},
    ),
    (
        "Sono tornati a casa 75 prigionieri ucraini, tra cui 5 donne, grazie alla mediazione degli Emirati.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 75, "75 prigionieri ucraini")],
        {"ukraine.people": 75, "ukraine.women": 5, "mediators": ["united arab emirates"]},
    ),
    (
        "La Russia ha restituito all'Ucraina i corpi di 1.212 soldati.",
        "body_repatriation",
        [S("Ukraine", "Russia", None, None, 1212, "1.212")],
        {"ukraine.bodies": 1212},
    ),
    (
        "Ukrayna, Rusya ile yapılan takasta 84 askerini geri aldı.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 84, "84 askerini")],
        {"ukraine.people": 84},
    ),
    (
        "Hazatért 207 ukrán hadifogoly, köztük 18 nő.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 207, "207 ukrán hadifogoly")],
        {"ukraine.people": 207, "ukraine.women": 18},
    ),
    (
        "Oroszország 95 hadifoglyot kapott vissza az Egyesült Arab Emírségek közvetítésével.",
        "prisoner_exchange",
        [S("Russia", "Ukraine", 95, "95 hadifoglyot")],
        {"russia.people": 95, "mediators": ["united arab emirates"]},
    ),
    (
        "استعادت أوكرانيا 150 أسيرا من روسيا بينهم 10 مدنيين.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 150, "150 أسيرا")],
        {"ukraine.people": 150, "ukraine.civilians": 10},
    ),
    (
        "سلمت إسرائيل جثامين 45 فلسطينيا عبر الصليب الأحمر.",
        "body_repatriation",
        [S("Palestinian territories", "Israel", None, None, 45, "45 فلسطينيا")],
        {"palestinian_territories.bodies": 45, "mediators": ["international committee of the red cross"]},
    ),
    (
        "Россия вернула Украине тела 1000 погибших военнослужащих, а получила 19.",
        "body_repatriation",
        [S("Ukraine", "Russia", None, None, 1000, "1000"), S("Russia", "Ukraine", None, None, 19, "19")],
        {"ukraine.bodies": 1000, "russia.bodies": 19},
    ),
    (
        "З російського полону повернулися 390 українців, серед них 120 цивільних.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 390, "390 українців")],
        {"ukraine.people": 390, "ukraine.civilians": 120},
    ),
    (
        "As agreed in Istanbul, the sides swapped 75 for 75 prisoners.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 75, "75"), S("Russia", "Ukraine", 75, "75")],
        {"ukraine.people": 75, "russia.people": 75},
    ),
    (
        "Україна повернула 12 військових: вони повернулися з полону в Росії.",
        "release",
        [S("Ukraine", "Russia", 12, "12 військових")],
        {"ukraine.people": 12, "russia.people": None},
    ),
    (
        "Kyiv said 12 soldiers were freed, according to Russia.",
        "release",
        [S("Ukraine", "Russia", 12, "12 soldiers")],
        {"ukraine.people": 12, "russia.people": None},
    ),
    (
        "Ucrania recibió 140 prisioneros por parte de Rusia; Rusia recibió 82 soldados.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 140, "140 prisioneros"), S("Russia", "Ukraine", 140, "140 prisioneros")],
        {"ukraine.people": 140, "russia.people": 82},
    ),
    (
        "Попередній раз 25 червня 2024 року Україна повернула 90 військових.",
        "release",
        [S("Ukraine", "Russia", 90, "90 військових")],
        {"ukraine.people": 90},
    ),
    (
        "Russia has agreed to hand over the prisoners. Next week Russia will release 300 prisoners.",
        "release",
        [S("Ukraine", "Russia", 300, "300 prisoners")],
        {"ukraine.people": None},
    ),
    (
        "On Friday 50 Ukrainian soldiers came home from Russian captivity. More than 320 Ukrainians have come home "
        "so far. In this way more than 320 citizens have returned, 59 civilians among them.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 50, "50 Ukrainian soldiers")],
        {"ukraine.people": 50, "ukraine.civilians": None, "cumulative.ukraine.people": 320},
    ),
    (
        "Venerdì sono rientrati in Ucraina 50 soldati. Finora sono rientrati oltre 320 ucraini. In questo modo "
        "più di 320 cittadini hanno già fatto ritorno a casa, 59 civili compresi.",
        "prisoner_exchange",
        [S("Ucraina", "Russia", 50, "50 soldati")],
        {"ukraine.people": 50, "ukraine.civilians": None, "cumulative.ukraine.people": 320},
    ),
    (
        "On Thursday Belarus freed 52 political prisoners, including 14 foreign citizens; Lithuania took them in.",
        "release",
        [S("Lithuania", "Belarus", 52, "52 political prisoners")],
        {"lithuania.people": 52, "lithuania.cohort.foreign_citizens": 14},
    ),
    (
        "Venezuela released ten Americans on Wednesday, among them 2 former Green Berets.",
        "release",
        [S("United States", "Venezuela", 10, "ten Americans")],
        {"united_states.people": 10, "united_states.cohort.former_green_berets": 2},
    ),
    (
        "Україна повернула з полону 100 захисників. Усі звільнені належать до рядового та сержантського складу.",
        "prisoner_exchange",
        [S("Україна", "Росія", 100, "100 захисників")],
        {"ukraine.people": 100, "ukraine.enlisted": 100},
    ),
    (
        "Three Russian pilots came home. Moscow freed 45 Ukrainian soldiers. Every one of them is a National "
        "Guardsman.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 45, "45 Ukrainian soldiers"), S("Russia", "Ukraine", 3, "three pilots")],
        {"ukraine.people": 45, "ukraine.unit.national_guard": 45, "russia.unit.national_guard": None},
    ),
    (
        "Россия вернула из плена 84 военнослужащих. Все они — офицеры.",
        "release",
        [S("Россия", "Украина", 84, "84 военнослужащих")],
        {"russia.people": 84, "russia.officers": 84},
    ),
    (
        "Ukraine got back 90 soldiers and Russia got back 90 soldiers. All of them were officers.",
        "prisoner_exchange",
        [
            S("Ukraine", "Russia", 90, "Ukraine got back 90 soldiers"),
            S("Russia", "Ukraine", 90, "Russia got back 90 soldiers"),
        ],
        {"ukraine.people": 90, "russia.people": 90, "ukraine.officers": None, "russia.officers": None},
    ),
    (
        "Moscow freed 45 Azovstal defenders in exchange for three Russian pilots on Saturday.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 45, "45 Azovstal defenders"), S("Russia", "Ukraine", 3, "three Russian pilots")],
        {"ukraine.people": 45, "ukraine.cohort.azovstal": 45, "russia.people": 3},
    ),
    (
        "Україна повернула з полону 106 захисників Бахмута.",
        "prisoner_exchange",
        [S("Україна", "Росія", 106, "106 захисників Бахмута")],
        {"ukraine.people": 106},
    ),
    (
        "Ukraine brought home 90 soldiers on Friday. 22 of them served in the National Guard, 8 came from the Navy.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 90, "90 soldiers")],
        {"ukraine.people": 90, "ukraine.unit.national_guard": 22, "ukraine.unit.navy": 8},
    ),
    (
        "The 65th exchange since the start of the full-scale war brought 150 Ukrainians home.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 150, "150 Ukrainians")],
        {"ukraine.people": 150, "ordinal": 65, "cumulative.ukraine.people": None},
    ),
    (
        "Це 65-й обмін з початку повномасштабної війни: додому повернулися 150 українців.",
        "prisoner_exchange",
        [S("Україна", "Росія", 150, "150 українців")],
        {"ukraine.people": 150, "ordinal": 65},
    ),
    (
        "In the biggest swap so far this year, 390 prisoners were returned to each side.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 390, "390 prisoners"), S("Russia", "Ukraine", 390, "390 prisoners")],
        {"ukraine.people": 390, "russia.people": 390},
    ),
    (
        "Ukraine brought home 303 defenders: 157 from the Armed Forces, 62 from the National Guard, 84 from the "
        "border service.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 303, "303 defenders")],
        {"ukraine.people": 303, "ukraine.unit.armed_forces": 157, "ukraine.unit.national_guard": 62},
    ),
    (
        "Swaps have brought 300 Ukrainians home from Russian captivity. On Friday another 95 came home.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 95, "another 95")],
        {"ukraine.people": 95},
    ),
    (
        "In 2024, 1,358 Ukrainians were freed from Russian captivity; on Friday 95 soldiers came home.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 95, "95 soldiers")],
        {"ukraine.people": 95},
    ),
    (
        "Hamas freed 20 hostages, who were swapped for nearly 2,000 Palestinian prisoners.",
        "prisoner_exchange",
        [
            S("Israel", "Hamas", 20, "20 hostages"),
            S("Palestinian territories", "Israel", 2000, "nearly 2,000 Palestinian prisoners"),
        ],
        {"israel.people": 20, "palestinian_territories.people": 2000},
    ),
    (
        "Kyiv got back 95 soldiers. Almost all of them are privates and sergeants.",
        "release",
        [S("Ukraine", "Russia", 95, "95 soldiers")],
        {"ukraine.people": 95, "ukraine.enlisted": None},
    ),
    (
        "Kyiv got back 95 soldiers. They all returned home, where officers of the army met them.",
        "release",
        [S("Ukraine", "Russia", 95, "95 soldiers")],
        {"ukraine.people": 95, "ukraine.officers": None},
    ),
    (
        "Rusya ile Ukrayna arasında 95'e 95 esir takası yapıldı.",
        "prisoner_exchange",
        [S("Ukrayna", "Rusya", 95, "95'e 95"), S("Rusya", "Ukrayna", 95, "95'e 95")],
        {"ukraine.people": 95, "russia.people": 95, "cumulative.ukraine.exchanges": None},
    ),
    (
        "Polska odebrała od Białorusi 5 obywateli, w tym dwóch księży.",
        "release",
        [S("Polska", "Białoruś", 5, "5 obywateli")],
        {"kind": "release", "poland.people": 5},
    ),
    (
        "Szaúd-Arábia közvetítésével Oroszország tíz külföldit is szabadon engedett: öt brit, két amerikai és három "
        "svéd állampolgárt.",
        "release",
        [S("Szaúd-Arábia", "Oroszország", 10, "tíz külföldit")],
        {"saudi_arabia.people": 10, "saudi_arabia.from": "russia", "united_states.people": None},
    ),
    (
        "Rusya 84 askerini geri aldı; Ukrayna'ya da 84 asker döndü.",
        "prisoner_exchange",
        [S("Rusya", "Ukrayna", 84, "84 askerini"), S("Ukrayna", "Rusya", 84, "84 asker")],
        {"russia.people": 84, "ukraine.people": 84},
    ),
    (  # the wounded are all who came back: the whole too
        "Russia handed over 14 seriously wounded Ukrainian prisoners of war on Monday, asking for nothing in return. "
        "In May, Ukraine sent back 20 wounded Russians in an exchange. Kyiv is still seeking the return of 300 "
        "seriously ill prisoners.",
        "release",
        [S("Ukraine", "Russia", 14, "14 seriously wounded Ukrainian prisoners of war")],
        {"ukraine.people": 14, "ukraine.wounded_or_ill": 14},
    ),
    (  # and civilians only, both ways
        "В Россию вернулись семь мирных жителей. В ответ украинской стороне передали 11 мирных жителей Украины.",
        "prisoner_exchange",
        [S("Россия", "Украина", 7, "семь мирных жителей"), S("Украина", "Россия", 11, "11 мирных жителей")],
        {"russia.people": 7, "russia.civilians": 7, "ukraine.people": 11, "ukraine.civilians": 11},
    ),
    (  # "held since 2022" describes those freed: their groups are no aside about people still held
        "Na Ukrainę wróciło w czwartek 95 osób. Wśród uwolnionych jest 12 oficerów oraz 7 cywilów przetrzymywanych "
        "od 2022 roku.",
        "prisoner_exchange",
        [S("Ukraina", "Rosja", 95, "95 osób")],
        {"ukraine.people": 95, "ukraine.officers": 12, "ukraine.civilians": 7},
    ),
    (  # "ще" (another) before the children: they are still everyone who came back
        "Ще 10 українських дітей повернули з Росії, повідомили в Офісі президента.",
        "release",
        [S("Україна", "Росія", 10, "10 українських дітей")],
        {"ukraine.people": 10},
    ),
    (  # a mediator that received a side of its own: the foreigners flown to Saudi Arabia stay its
        "Russia freed 215 Ukrainians and got back 55 of its soldiers in a swap brokered by Saudi Arabia and Turkey. "
        "Russia also freed ten foreigners, who were flown to Saudi Arabia.",
        "prisoner_exchange",
        [
            S("Ukraine", "Russia", 215, "215 Ukrainians"),
            S("Russia", "Ukraine", 55, "55 of its soldiers"),
            S("Saudi Arabia", "Russia", 10, "ten foreigners"),
        ],
        {"ukraine.people": 215, "russia.people": 55, "saudi_arabia.people": 10},
    ),
    # The cold probe of made-up reports (tests/benchmarks/made_up_reports.py) found these; each sentence is new.
    (
        "Kyiv freed 52 Russian soldiers and got back an equal number of its own defenders on Tuesday.",
        "prisoner_exchange",
        [
            S("Russia", "Ukraine", 52, "52 Russian soldiers"),
            S("Ukraine", "Russia", 52, "52 Russian soldiers and got back an equal number"),
        ],
        {"russia.people": 52, "ukraine.people": 52},
    ),
    (
        "Росія повернула 48 українських полонених і отримала таку ж кількість своїх військових.",
        "prisoner_exchange",
        [S("Україна", "Росія", 48, "48 українських полонених"), S("Росія", "Україна", 48, "48 українських полонених")],
        {"ukraine.people": 48, "russia.people": 48},
    ),
    (
        "Ukraine brought home 84 soldiers on Friday, the third swap in as many weeks.",
        "release",
        [S("Ukraine", "Russia", 84, "84 soldiers")],
        {"ukraine.people": 84, "russia.people": None},
    ),
    (
        "Ukraine brought home 84 soldiers on Friday. Russia agreed to return 1,200 more, Zelensky said after the "
        "handover took place.",
        "release",
        [S("Ukraine", "Russia", 84, "84 soldiers")],
        {"ukraine.people": 84},
    ),
    (
        "Baku and Yerevan completed a 40-for-40 swap of detainees on Monday.",
        "prisoner_exchange",
        [S("Armenia", "Azerbaijan", 40, "40-for-40"), S("Azerbaijan", "Armenia", 40, "40-for-40")],
        {"armenia.people": 40, "azerbaijan.people": 40},
    ),
    (
        "Russia got back 90 servicemen on Sunday. Seven of the Russians who came home are officers.",
        "release",
        [S("Russia", "Ukraine", 90, "90 servicemen")],
        {"russia.people": 90, "russia.officers": 7},
    ),
    (
        "A Rússia e a Ucrânia trocaram prisioneiros na proporção de 90 por 90.",
        "prisoner_exchange",
        [S("Ucrânia", "Rússia", 90, "90 por 90"), S("Rússia", "Ucrânia", 90, "90 por 90")],
        {"kind": "prisoner_exchange", "ukraine.people": 90, "russia.people": 90},
    ),
    (
        "Under the agreement reached in Riyadh, 250 Houthi prisoners were freed by the coalition on Sunday.",
        "release",
        [S("Yemen", "Saudi Arabia", 250, "250 Houthi prisoners")],
        {"kind": "release", "yemen.people": 250},
    ),
    (
        "En el canje acordado en Caracas, 12 rehenes fueron liberados por el ELN el lunes.",
        "release",
        [S("Colombia", "ELN", 12, "12 rehenes")],
        {"kind": "release", "colombia.people": 12},
    ),
    (
        "Grazie alla mediazione della Santa Sede, 35 civili ucraini sono tornati a casa dalla Russia.",
        "release",
        [S("Ucraina", "Russia", 35, "35 civili ucraini")],
        {"ukraine.people": 35, "mediators": ["holy see"]},
    ),
    (
        "Israel ließ 39 palästinensische Häftlinge frei. Ägypten hatte die Freilassung vermittelt.",
        "release",
        [S("Palestinian territories", "Israel", 39, "39 palästinensische Häftlinge")],
        {"palestinian_territories.people": 39, "mediators": ["egypt"]},
    ),
    (
        "The ELN freed nine hostages on Sunday. A Red Cross team received them in the mountains and drove them to "
        "Cúcuta.",
        "release",
        [S("Colombia", "ELN", 9, "nine hostages")],
        {"colombia.people": 9, "mediators": ["international committee of the red cross"]},
    ),
    (
        "Israel freed 39 Palestinian prisoners on Friday, including 24 women, after Hamas handed over four Israeli "
        "women.",
        "prisoner_exchange",
        [
            S("Palestinian territories", "Israel", 39, "39 Palestinian prisoners"),
            S("Israel", "Hamas", 4, "four Israeli women"),
        ],
        {"palestinian_territories.people": 39, "palestinian_territories.women": 24, "israel.people": 4},
    ),
    (
        "Hamas freed 13 Israelis. Israel released 39 Palestinian prisoners, among them 15 minors, Israel's prison "
        "service said.",
        "prisoner_exchange",
        [
            S("Israel", "Hamas", 13, "13 Israelis"),
            S("Palestinian territories", "Israel", 39, "39 Palestinian prisoners"),
        ],
        {"palestinian_territories.cohort.minors": 15, "israel.cohort.minors": None},
    ),
    (
        "Ukraine brought home 100 soldiers, 12 of whom were captured on Snake Island.",
        "release",
        [S("Ukraine", "Russia", 100, "100 soldiers")],
        {"ukraine.people": 100, "ukraine.cohort.snake_island": 12},
    ),
    (
        "The ELN freed 17 people it had been holding, among them three minors.",
        "release",
        [S("Colombia", "ELN", 17, "17 people")],
        {"colombia.people": 17, "colombia.cohort.minors": 3},
    ),
    (
        "Ukraine recovered 130 of its servicemen from Russian captivity on Tuesday and handed 90 Russian prisoners "
        "of war back to Moscow, officials said. The returning Ukrainians include 70 soldiers of the Armed Forces, 40 "
        "members of the National Guard and 20 border guards.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 130, "130 of its servicemen"), S("Russia", "Ukraine", 90, "90 Russian prisoners")],
        {"ukraine.unit.armed_forces": 70, "russia.unit.armed_forces": None},
    ),
    (
        "One hundred and five Ukrainians came home from Russian captivity on Friday. In return, Moscow received the "
        "same number of its servicemen.",
        "prisoner_exchange",
        [
            S("Ukraine", "Russia", 105, "One hundred and five Ukrainians"),
            S("Russia", "Ukraine", 105, "One hundred and five Ukrainians"),
        ],
        {"ukraine.people": 105, "russia.people": 105},
    ),
    (
        "Baku returned 15 Armenian servicemen on Tuesday. Six of the Armenians had been captured near Lachin during "
        "the autumn fighting, and two of them were serving long sentences.",
        "release",
        [S("Armenia", "Azerbaijan", 15, "15 Armenian servicemen")],
        {"armenia.people": 15, "armenia.cohort.captured_near_lachin": 6, "armenia.cohort.serving_long_sentences": 2},
    ),
    (
        "Russia freed 50 Ukrainians on Friday. Both sides confirmed the exchange. Ten of them returned home to "
        "Kharkiv.",
        "release",
        [S("Ukraine", "Russia", 50, "50 Ukrainians")],
        {"ukraine.people": 50, "russia.people": None, "ukraine.cohort.returned_home_to_kharkiv": None},
    ),
    (
        "Hamas returned the remains of one hostage, and Israel sent back the bodies of 45 Palestinians. The handover "
        "brings to 225 the number of Palestinian bodies Israel has released since the truce took effect.",
        "body_repatriation",
        [
            S("Israel", "Hamas", None, None, 1, "remains of one hostage"),
            S("Palestinian territories", "Israel", None, None, 45, "bodies of 45 Palestinians"),
        ],
        {"cumulative.palestinian_territories.bodies": 225, "cumulative.israel.bodies": None},
    ),
    (
        "Israel libertou 200 prisioneiros palestinianos. Com esta libertação, sobe para 980 o número de "
        "palestinianos libertados desde a entrada em vigor da trégua.",
        "release",
        [S("Territórios palestinos", "Israel", 200, "200 prisioneiros palestinianos")],
        {"palestinian_territories.people": 200, "cumulative.palestinian_territories.people": 980},
    ),
    (
        "Ukraina odzyskała 90 jeńców. Łącznie z rosyjskiej niewoli wróciło już ponad 4,2 tys. Ukraińców.",
        "release",
        [S("Ukraina", "Rosja", 90, "90 jeńców")],
        {"ukraine.people": 90, "cumulative.ukraine.people": 4200, "cumulative.ukraine.people_qualifier": "more_than"},
    ),
    (
        "Ukraine received the bodies of 900 soldiers on Friday. At the start of the year Kyiv spoke of 46 thousand "
        "dead and about 380 thousand wounded.",
        "body_repatriation",
        [S("Ukraine", "Russia", None, None, 900, "bodies of 900 soldiers")],
        {"ukraine.bodies": 900, "ukraine.wounded_or_ill": None},
    ),
    (
        "Moscow handed 64 female Ukrainian servicewomen back to Kyiv on Monday; 3 of the freed female medics "
        "needed treatment.",
        "release",
        [S("Ukraine", "Russia", 64, "64 female Ukrainian servicewomen")],
        {"ukraine.people": 64, "ukraine.women": 64},
    ),
    (
        "Kiew erhielt 40 weibliche Gefangene zurück.",
        "release",
        [S("Ukraine", "Russia", 40, "40 weibliche Gefangene")],
        {"ukraine.people": 40, "ukraine.women": 40},
    ),
    (
        "Kyiv said 88 Ukrainians came back from captivity on Monday, among them 9 women and 4 civilians. Moscow "
        "said 88 of its soldiers were returned to Russia.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 88, "88 Ukrainians"), S("Russia", "Ukraine", 88, "88 of its soldiers")],
        {"ukraine.women": 9, "ukraine.civilians": 4, "russia.women": None, "russia.civilians": None},
    ),
    (
        "Russia handed 60 prisoners over to Ukraine, including 5 foreign fighters; Moscow got 60 of its men back.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 60, "60 prisoners"), S("Russia", "Ukraine", 60, "60 of its men")],
        {"ukraine.cohort.foreign_fighters": 5, "russia.cohort.foreign_fighters": None},
    ),
    (
        "Prisoners crossed the border in both directions on Sunday, 63 in each direction, officials said.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 63, "63 in each direction"), S("Russia", "Ukraine", 63, "63 in each direction")],
        {"ukraine.people": 63, "russia.people": 63},
    ),
    (
        "Eighty Ukrainian soldiers came home on Monday, and Kyiv handed as many Russian prisoners to Moscow.",
        "prisoner_exchange",
        [
            S("Ukraine", "Russia", 80, "Eighty Ukrainian soldiers"),
            S("Russia", "Ukraine", 80, "Eighty Ukrainian soldiers"),
        ],
        {"ukraine.people": 80, "russia.people": 80},
    ),
    (
        "Rusia y Ucrania liberaron el sábado a 95 prisioneros cada uno.",
        "prisoner_exchange",
        [S("Ucrania", "Rusia", 95, "95 prisioneros cada uno"), S("Rusia", "Ucrania", 95, "95 prisioneros cada uno")],
        {"ukraine.people": 95, "russia.people": 95},
    ),
    (
        "La Russie et l'Ukraine ont libéré 70 prisonniers chacune, samedi.",
        "prisoner_exchange",
        [S("Ukraine", "Russie", 70, "70 prisonniers chacune"), S("Russie", "Ukraine", 70, "70 prisonniers chacune")],
        {"ukraine.people": 70, "russia.people": 70},
    ),
    (
        "Ukraine brought home 84 soldiers on Friday; as many as 300 more are expected to follow.",
        "release",
        [S("Ukraine", "Russia", 84, "84 soldiers")],
        {"ukraine.people": 84, "russia.people": None},
    ),
    (
        "Ukraine got back 120 soldiers on Monday. The swap lifts the tally of Ukrainians freed to 6,400.",
        "release",
        [S("Ukraine", "Russia", 120, "120 soldiers")],
        {"ukraine.people": 120, "cumulative.ukraine.people": 6400},
    ),
    (
        "Ukraine got back 120 soldiers in return for 120 Russians. That brings to 6,400 the number of people freed "
        "from Russian captivity.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 120, "120 soldiers"), S("Russia", "Ukraine", 120, "120 Russians")],
        {"cumulative.ukraine.people": 6400, "cumulative.russia.people": None},
    ),
    (
        "Ucrania recuperó a 80 soldados. Desde marzo de 2022, el país ha recuperado a 3.900 de sus ciudadanos.",
        "release",
        [S("Ucrania", "Rusia", 80, "80 soldados")],
        {"ukraine.people": 80, "cumulative.ukraine.people": 3900},
    ),
    (
        "Україна повернула 80 військових. Загалом від 2022 року додому повернулися 3 900 українців.",
        "release",
        [S("Україна", "Росія", 80, "80 військових")],
        {"ukraine.people": 80, "cumulative.ukraine.people": 3900},
    ),
    (
        "Die Ukraine erhielt 80 Soldaten zurück; seit März 2022 sind 3.900 Menschen aus russischer "
        "Gefangenschaft freigekommen.",
        "release",
        [S("Ukraine", "Russland", 80, "80 Soldaten")],
        {"ukraine.people": 80, "cumulative.ukraine.people": 3900},
    ),
    (
        "Eight teenagers deported to Russia have been brought back to Ukraine, officials said. Of the 19,000 children "
        "deported since 2022, about 1,200 have been returned so far.",
        "release",
        [S("Ukraine", "Russia", 8, "Eight teenagers")],
        {"ukraine.people": 8, "cumulative.ukraine.people": 1200},
    ),
    (
        "Ukraine received the bodies of 500 fallen soldiers on Friday. Investigators have so far taken more than 3,000 "
        "DNA samples from relatives.",
        "body_repatriation",
        [S("Ukraine", "Russia", bodies=500, bw="the bodies of 500 fallen soldiers")],
        {"ukraine.bodies": 500, "cumulative.ukraine.people": None, "cumulative.ukraine.bodies": None},
    ),
    (
        "Militants freed a kidnapped aid worker on Tuesday; officials stressed it was not part of any prisoner swap.",
        "release",
        [S("Italy", "Hamas")],
        {"kind": "release"},
    ),
    (
        "Rusia liberó a dos periodistas estadounidenses el martes, sin canje alguno, según Washington.",
        "release",
        [S("Estados Unidos", "Rusia", 2, "dos periodistas estadounidenses")],
        {"kind": "release", "united_states.people": 2},
    ),
    (
        "Ukraine and Russia swapped 60 prisoners each on Monday. Norway, which hosts the talks, welcomed the step, "
        "while the UN said it was ready to facilitate future exchanges.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 60, "60 prisoners each"), S("Russia", "Ukraine", 60, "60 prisoners each")],
        {"mediators": None},
    ),
    (
        "Ukrainie przekazano ciała 500 poległych. Operacja odbyła się przy wsparciu Międzynarodowego Komitetu "
        "Czerwonego Krzyża.",
        "body_repatriation",
        [S("Ukraina", "Rosja", bodies=500, bw="ciała 500 poległych")],
        {"mediators": ["international committee of the red cross"]},
    ),
    (
        "At the Chornobyl nuclear power plant, 40 guards were freed from Russian captivity on Friday.",
        "release",
        [S("Ukraine", "Russia", 40, "40 guards")],
        {"ukraine.people": 40},
    ),
    # over-broad words a review found (each turned a correct answer wrong)
    (
        "Ukraine and Russia swapped 84 soldiers each on Friday, in what was not the first swap mediated by the UAE.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 84, "84 soldiers each"), S("Russia", "Ukraine", 84, "84 soldiers each")],
        {"kind": "prisoner_exchange"},
    ),
    (
        "Російські військові передали Україні 90 полонених. Україна, своєю чергою, звільнила 84 військових.",
        "prisoner_exchange",
        [S("Україна", "Росія", 90, "90 полонених"), S("Росія", "Україна", 84, "84 військових")],
        {"ukraine.people": 90, "russia.people": 84},
    ),
    (
        "The 1,000 prisoners agreed in Istanbul were handed over to Ukraine on Friday.",
        "release",
        [S("Ukraine", "Russia", 1000, "1,000 prisoners")],
        {"ukraine.people": 1000},
    ),
    (
        "Ukraine brought home 84 soldiers; Kyiv vowed to bring home as many of our people as possible.",
        "release",
        [S("Ukraine", "Russia", 84, "84 soldiers")],
        {"ukraine.people": 84, "russia.people": None},
    ),
    (
        "Ukraina odzyskała 84 żołnierzy, choć Stany Zjednoczone wstrzymały wsparcie wojskowe dla Kijowa.",
        "release",
        [S("Ukraina", "Rosja", 84, "84 żołnierzy")],
        {"mediators": None},
    ),
    (  # a breakdown goes on past the other side's total, with no total since: "of them" is the same side's
        "Kyiv got back 60 soldiers on Sunday and Moscow 64. Twelve of the Ukrainians are officers, the "
        "headquarters said. Nine of them are seriously ill.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 60, "60 soldiers"), S("Russia", "Ukraine", 64, "64")],
        {"ukraine.officers": 12, "ukraine.wounded_or_ill": 9, "russia.wounded_or_ill": None},
    ),
    (  # a group a headline counts beside a number both sides got goes where the text names its people
        "Moscow says 84 soldiers and six civilians home\nEighty-four Russian servicemen were returned on Friday, "
        "Moscow said. In addition, six Russian civilians were brought back. In exchange, 84 Ukrainian prisoners of "
        "war were handed over.",
        "prisoner_exchange",
        [
            S("Russia", "Ukraine", 84, "Eighty-four Russian servicemen"),
            S("Ukraine", "Russia", 84, "84 Ukrainian prisoners of war"),
        ],
        {"russia.civilians": 6, "ukraine.civilians": None},
    ),
    (  # one number for both sides, the second from its own side; a previous exchange's figure is no side's
        "Na Ukrainę wróciło 140 osób, poinformował Sztab Koordynacyjny. Strona rosyjska potwierdziła, że w zamian "
        "odzyskała 140 swoich żołnierzy. Poprzednia wymiana, w ubiegłą sobotę, objęła 122 Ukraińców.",
        "prisoner_exchange",
        [S("Ukraina", "Rosja", 140, "140 osób"), S("Rosja", "Ukraina", 140, "140 swoich żołnierzy")],
        {"ukraine.people": 140, "russia.people": 140},
    ),
    (  # a cohort above a side's people and bodies together counts none of them
        "Ukraine recovered 75 prisoners of war and the remains of 909 soldiers on Friday. More than 60,000 "
        "Ukrainians are listed as missing.",
        "mixed",
        [S("Ukraine", "Russia", 75, "75 prisoners of war", 909, "909 soldiers")],
        {"ukraine.people": 75, "ukraine.bodies": 909, "ukraine.cohort.previously_listed_as_missing": None},
    ),
    (  # the wounded are all one side got back, whatever the other side's larger number
        "Russia returned 95 Ukrainian soldiers on Tuesday. Ukraine handed over 12 seriously wounded Russians in "
        "return, Moscow's defence ministry said.",
        "prisoner_exchange",
        [
            S("Ukraine", "Russia", 95, "95 Ukrainian soldiers"),
            S("Russia", "Ukraine", 12, "12 seriously wounded Russians"),
        ],
        {"ukraine.people": 95, "russia.people": 12, "russia.wounded_or_ill": 12, "ukraine.wounded_or_ill": None},
    ),
    (  # among those freed: a part (English "among those"), of the side whose total it follows
        "Seventy-five Ukrainian servicemen returned from Russian captivity on Thursday. Among those freed were 17 "
        "soldiers captured during the fighting in Russia's Kursk region. Russia's defence ministry said it had "
        "received 75 of its own servicemen.",
        "prisoner_exchange",
        [
            S("Ukraine", "Russia", 75, "Seventy-five Ukrainian servicemen"),
            S("Russia", "Ukraine", 75, "75 of its own servicemen"),
        ],
        {"ukraine.people": 75, "russia.people": 75, "ukraine.cohort.kursk": 17, "russia.cohort.kursk": None},
    ),
]


@pytest.mark.parametrize(("text", "kind", "sides", "expect"), CASES, ids=[c[0][:40] for c in CASES])
def test_a_correct_answer_survives_the_rules(text: str, kind: str, sides: list[Side], expect: dict[str, Any]) -> None:
    answer = Sides(kind=kind, sides=sides, mediators=expect.get("mediators") or [])
    exchange, dropped = assemble(analyse(read_article(text)), answer)
    got = dict(facts(exchange))
    assert {k: got.get(k) for k in expect} == expect, dropped


# A small model's mistakes (receiver and releaser swapped, a running total or a part given as the total, one side
# of "each" left out, bodies given as people, a mediator given as the releaser): the words decide.
MISTAKES: list[tuple[str, str, list[Side], dict[str, Any]]] = [
    (  # a mediator given the number the words give both sides received no one: a swap between the two
        "Russia and Ukraine exchanged 84 prisoners apiece on Thursday in a deal reached through Ankara's good "
        'offices. "We thank Türkiye, which helped bring about this exchange," Kyiv said.',
        "release",
        [S("Turkey", "Russia", 84, "84 prisoners")],
        {"ukraine.people": 84, "russia.people": 84, "turkey.people": None},
    ),
    (  # "que estavam em cativeiro": those who were held, now back (not an aside); "Ucrânia" names Ukraine
        "A Ucrânia recuperou neste sábado 150 cidadãos que estavam em cativeiro na Rússia. O grupo é composto por 96 "
        "militares das Forças Armadas e 54 da Guarda Nacional. Do lado russo, o Ministério da Defesa afirmou ter "
        "recebido 150 militares.",
        "prisoner_exchange",
        [S("Ucrânia", "Rússia", 96, "96 militares das Forças Armadas")],
        {"ukraine.people": 150, "russia.people": 150, "russia.unit.armed_forces": None},
    ),
    (  # "удома" as "вдома": home again, so the headline's number is the side's
        "Ще 95 українців удома\nУкраїна повернула з полону 95 захисників. Серед звільнених — 41 оборонець Маріуполя.",
        "release",
        [S("Україна", "Росія", 41, "41 оборонець Маріуполя")],
        {"ukraine.people": 95},
    ),
    (
        "Ukraine brought home 95 soldiers from Russian captivity on Friday.",
        "prisoner_exchange",
        [S("Russia", "Ukraine", 95, "95 soldiers")],
        {"ukraine.people": 95, "russia.people": None},
    ),
    (
        "Russia got back 84 servicemen from Ukrainian captivity, the ministry said.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 84, "84 servicemen")],
        {"russia.people": 84, "ukraine.people": None},
    ),
    (
        "Ukraine brought home 200 soldiers. In total, 4,552 Ukrainians have been freed since 2022.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 4552, "4,552")],
        {"ukraine.people": 200},
    ),
    (
        "Ukraine brought home 150 defenders, among them 20 women.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 20, "20 women")],
        {"ukraine.people": 150, "ukraine.women": 20},
    ),
    (
        "Ukraine got back 75 soldiers, and 75 Russian soldiers were handed to Moscow.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 75, "75 soldiers")],
        {"ukraine.people": 75, "russia.people": 75},
    ),
    (
        "Russia handed over the bodies of 909 fallen Ukrainian soldiers on Friday.",
        "body_repatriation",
        [S("Ukraine", "Russia", 909, "909")],
        {"ukraine.bodies": 909, "ukraine.people": None, "kind": "body_repatriation"},
    ),
    (
        "Україна повернула додому 103 захисників з російського полону.",
        "prisoner_exchange",
        [S("Україна", "Росія", 103, "103 захисників")],
        {"ukraine.people": 103, "ukraine.from": "russia"},
    ),
    (
        "Polska przyjęła 5 obywateli uwolnionych przez Białoruś.",
        "release",
        [S("Polska", "Białoruś", 5, "5 obywateli")],
        {"poland.people": 5, "poland.from": "belarus"},
    ),
    (
        "Hamas freed three Israeli hostages; Israel released 183 Palestinian prisoners.",
        "prisoner_exchange",
        [S("Israel", "Hamas", 183, "183"), S("Palestinian territories", "Israel", 3, "three")],
        {"israel.people": 3, "palestinian_territories.people": 183},
    ),
    (
        "Ukraine and Russia swapped 246 prisoners each on Saturday.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 246, "246")],
        {"ukraine.people": 246, "russia.people": 246},
    ),
    (
        "A total of 390 prisoners were exchanged, 195 from each side.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 390, "390")],
        {"ukraine.people": 195, "russia.people": 195},
    ),
    (
        "Ukraine brought home 300 soldiers. It was the 70th exchange.",
        "release",
        [S("Ukraine", "Russia", 300, "300 soldiers")],
        {"kind": "prisoner_exchange", "ordinal": 70},
    ),
    (
        "The exchange was mediated by the UAE and Saudi Arabia; 100 Ukrainians came home.",
        "prisoner_exchange",
        [S("Ukraine", "United Arab Emirates", 100, "100 Ukrainians")],
        {"ukraine.from": "russia", "mediators": ["saudi arabia", "united arab emirates"]},
    ),
    (
        "The ELN freed 28 people it had held, the Catholic Church said.",
        "release",
        [S("ELN", "Colombia", 28, "28 people")],
        {"colombia.people": 28, "colombia.from": "eln"},
    ),
    (
        "On Friday 95 Ukrainian soldiers were exchanged for 95 Russian soldiers.",
        "release",
        [S("Ukraine", "Russia", 95, "95 Ukrainian soldiers")],
        {"kind": "prisoner_exchange", "ukraine.people": 95, "russia.people": 95},
    ),
    (
        "Ukraine said 207 people returned home, while Russia said it received 200 soldiers.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 200, "200 soldiers"), S("Russia", "Ukraine", 207, "207 people")],
        {"ukraine.people": 207, "russia.people": 200},
    ),
    (
        "Ukraine recovered 130 of its servicemen from Russian captivity on Tuesday and handed 90 Russian prisoners "
        "of war back to Moscow, officials said. The returning Ukrainians include 70 soldiers of the Armed Forces "
        "and 60 border guards.",
        "mixed",
        [S("Ukraine", "Russia", 70, "70 soldiers of the Armed Forces", 60, "60 border guards")],
        {"kind": "prisoner_exchange", "ukraine.people": 130, "russia.people": 90, "russia.from": "ukraine"},
    ),
    (
        "Russia e Ucraina hanno effettuato uno scambio di prigionieri nel formato 95 per 95. Tra gli ucraini "
        "rientrati ci sono 12 ufficiali e due civili.",
        "mixed",
        [S("Russia", "Ukraine", 12, "12 ufficiali", None, "2 civili")],
        {"kind": "prisoner_exchange", "ukraine.people": 95, "russia.people": 95, "ukraine.officers": 12},
    ),
    (
        "Russia said on Monday it had received the bodies of 60 of its servicemen and had returned 800 bodies to "
        "Ukraine.",
        "mixed",
        [S("Russia", "Ukraine", 60, "60 servicemen", 800, "800 bodies")],
        {"kind": "body_repatriation", "russia.bodies": 60, "ukraine.bodies": 800, "ukraine.from": "russia"},
    ),
    (
        "Kyiv et Moscou se sont mis d'accord pour échanger quelque 900 prisonniers blessés. Aucune date n'a encore "
        "été fixée pour cet échange, qui serait le plus important depuis le début de la guerre.",
        "mixed",
        [S("Kyiv", "Moscou", 900, "900 prisonniers blessés")],
        {"kind": "none", "ukraine.from": None, "ukraine.wounded_or_ill": None},
    ),
    (
        "A Ucrânia e a Rússia trocaram prisioneiros na proporção de 120 por 120, com mediação dos Emirados Árabes "
        "Unidos. Segundo o Quartel-General de Coordenação ucraniano, entre os libertados há 20 militares da Guarda "
        "Nacional.",
        "mixed",
        [S("Ucrânia", "Rússia", 20, "20 militares da Guarda Nacional")],
        {
            "kind": "prisoner_exchange",
            "ukraine.people": 120,
            "russia.people": 120,
            "ukraine.from": "russia",
            "mediators": ["united arab emirates"],
        },
    ),
    (
        "Seven women and ninety men, ninety-seven Ukrainians in all, came home from Russian captivity on Sunday. "
        "Moscow received an equal number of Russian soldiers in return.",
        "mixed",
        [S("Ukraine", "Russia", 97, "ninety-seven Ukrainians")],
        {"ukraine.people": 97, "russia.people": 97, "russia.from": "ukraine"},
    ),
    (
        "Ukraine sent 90 Russian soldiers home. In return, Russia freed 90 female Ukrainian soldiers.",
        "release",
        [S("Russia", "Ukraine", 90, "90 Russian soldiers")],
        {"ukraine.people": 90, "ukraine.women": 90, "russia.people": 90, "russia.women": None},
    ),
    (
        "Ukraine brought back 70 of its soldiers on Sunday. They crossed at the Belarusian border before dawn.",
        "release",
        [S("Ukraine", "Belarus", 70, "70 of its soldiers")],
        {"ukraine.people": 70, "ukraine.from": "russia"},
    ),
    (
        "Україні передали тіла 600 загиблих. Натомість Росії віддали 25 тіл.",
        "body_repatriation",
        [S("Україна", "Росія", bodies=25, bw="25 тіл")],
        {"ukraine.bodies": 600, "russia.bodies": 25},
    ),
    (
        "Киеву передали 900 тел погибших. Российской стороне, в свою очередь, вернули останки 40 военных.",
        "body_repatriation",
        [S("Россия", "Украина", bodies=900, bw="900 тел погибших")],
        {"ukraine.bodies": 900, "russia.bodies": 40},
    ),
    (
        "Ukrainie przekazano ciała 700 poległych, a Rosji – 30.",
        "body_repatriation",
        [S("Rosja", "Ukraina", bodies=700, bw="ciała 700 poległych")],
        {"ukraine.bodies": 700, "russia.bodies": 30},
    ),
    (
        "Ukrajnának 800 elesett katona holttestét adták át, Oroszországnak pedig 20-at.",
        "body_repatriation",
        [S("Ukrajna", "Oroszország", bodies=20, bw="20-at")],
        {"ukraine.bodies": 800, "russia.bodies": 20},
    ),
    (
        "Eighty Ukrainians to come home in weekend swap\nEighty Ukrainian prisoners of war are set to be swapped for "
        "80 Russians at the weekend, officials said.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 80, "Eighty Ukrainians")],
        {"ukraine.people": None},
    ),
    (
        "Ukraine brought home 95 soldiers on Friday and 100 more will follow next week.",
        "release",
        [S("Ukraine", "Russia", 95, "95 soldiers")],
        {"ukraine.people": 95},
    ),
    (
        "Armenia and Azerbaijan freed a dozen prisoners each at the border on Tuesday.",
        "release",
        [S("Armenia", "Azerbaijan", 12, "a dozen prisoners")],
        {"kind": "prisoner_exchange", "armenia.people": 12, "azerbaijan.people": 12},
    ),
    (
        "Ninety Ukrainian soldiers came home on Monday and Russia got back the same number of its soldiers. Kyiv "
        "also received the bodies of 500 fallen defenders and returned the remains of 20 Russian servicemen.",
        "mixed",
        [S("Ukraine", "Russia", 90, "Ninety Ukrainian soldiers", 500, "the bodies of 500 fallen defenders")],
        {"ukraine.people": 90, "russia.people": 90, "russia.bodies": 20},
    ),
    (
        "Iran freed two French citizens on Tuesday in exchange for an Iranian student held in France.",
        "release",
        [S("France", "Iran", 2, "two French citizens")],
        {"kind": "prisoner_exchange", "iran.from": "france"},
    ),
    (
        "Belarus freed a jailed activist on Wednesday; Poland gave nothing in return, its foreign ministry said.",
        "release",
        [S("Poland", "Belarus")],
        {"kind": "release", "belarus.from": None},
    ),
    (
        "Ukrainie przekazano ciała 900 poległych\nW ramach repatriacji Ukrainie przekazano w piątek ciała 900 "
        "poległych, a Rosji – 45.",
        "mixed",
        [
            S("Ukraina", "Rosja", None, "900 poległych", 45, "ciała 900 poległych, a Rosji – 45"),
            S("Rosja", "Ukraina", None, "45", 900, "ciała 900 poległych"),
        ],
        {"kind": "body_repatriation", "ukraine.bodies": 900, "russia.bodies": 45, "russia.people": None},
    ),
    (
        "Ukraine's tally of freed prisoners passes 5,000\nMore than 5,000 Ukrainians have been freed from Russian "
        "captivity in 60 exchanges since March 2022, officials said in a yearly review.",
        "release",
        [S("Ukraine", "Russia", 5000, "More than 5,000 Ukrainians")],
        {"ukraine.people": None, "russia.people": None, "cumulative.ukraine.people": 5000},
    ),
    (
        "Moscow handed Kyiv 800 bodies of fallen Ukrainian soldiers and received 40 bodies of Russian servicemen in "
        "return. In May, Kyiv received 2,000 bodies of Ukrainian soldiers.",
        "mixed",
        [
            S("Ukraine", "Russia", 800, "800 bodies of fallen Ukrainian soldiers", 40, "40 bodies of Russian"),
            S("Russia", "Ukraine", None, None, 2000, "2,000 bodies of Ukrainian soldiers"),
        ],
        {"kind": "body_repatriation", "ukraine.bodies": 800, "russia.bodies": 40, "ukraine.people": None},
    ),
    (
        "Hamas freed 11 Israeli hostages on Monday. The prison service said 33 Palestinian prisoners held in "
        "Israeli jails had been let go.",
        "prisoner_exchange",
        [S("Israel", "Hamas", 11, "11 Israeli hostages")],
        {"israel.people": 11, "palestinian_territories.people": 33, "palestinian_territories.from": "israel"},
    ),
    (
        "Oman and Egypt broker new swap\nRussia and Ukraine exchanged 120 prisoners each on Friday in a deal "
        "brokered by Oman, officials said.",
        "prisoner_exchange",
        [S("Oman", "Russia", 120, "120 prisoners"), S("Egypt", "Ukraine", 120, "120 prisoners")],
        {
            "ukraine.people": 120,
            "ukraine.from": "russia",
            "russia.people": 120,
            "russia.from": "ukraine",
            "oman.people": None,
            "egypt.people": None,
        },
    ),
    (  # a mediator given a side of no number and no releaser beside counted sides received no one
        "Russia and Ukraine swapped 120 prisoners each on Thursday. The exchange was mediated by the United Arab "
        "Emirates and the United States, Kyiv said.",
        "prisoner_exchange",
        [
            S("United Arab Emirates", "United States"),
            S("Ukraine", "Russia", 120, "120 prisoners"),
            S("Russia", "Ukraine", 120, "120 prisoners"),
        ],
        {"mediators": ["united arab emirates", "united states"], "ukraine.people": 120, "russia.people": 120},
    ),
    (  # whose people they are, after the words of their wounds
        "Russia handed over 14 seriously wounded Ukrainian prisoners of war on Monday, asking nothing in return.",
        "release",
        [S("Russia", "Ukraine", 14, "14 seriously wounded Ukrainian prisoners of war")],
        {"ukraine.people": 14, "ukraine.from": "russia", "russia.people": None},
    ),
    (  # the other side's figure from its own government: "84 of its soldiers"
        "Kyiv got back 84 fighters from Russian captivity on Wednesday. Moscow's defence ministry said 84 of its "
        "soldiers had returned and would be treated in Moscow.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 84, "84 fighters")],
        {"ukraine.people": 84, "russia.people": 84, "russia.from": "ukraine"},
    ),
    (  # the side's own bodies stay; the other party's dead go to it
        "Russia handed over the bodies of 900 Ukrainian servicemen on Monday and received the remains of 40 of its "
        "own soldiers in return.",
        "mixed",
        [S("Russia", "Ukraine", 900, "900 Ukrainian servicemen", 40, "40 of its own soldiers")],
        {"ukraine.bodies": 900, "ukraine.from": "russia", "russia.bodies": 40, "russia.people": None},
    ),
    (  # a side's number the words never name as its people gives way to "N of its own servicemen"
        "Seventy Ukrainian servicemen returned from Russian captivity on Thursday. Among those freed were 15 soldiers "
        "captured in Russia's Kursk region. Russia's defence ministry said it had received 70 of its own servicemen.",
        "prisoner_exchange",
        [S("Ukraine", "Russia", 70, "Seventy Ukrainian servicemen"), S("Russia", "Ukraine", 15, "15 soldiers")],
        {"ukraine.people": 70, "russia.people": 70},
    ),
    (  # a separable verb of return: "kamen … frei"
        "Die Ukraine holte am Freitag 120 Soldaten heim. Am selben Tag kamen 40 russische Kriegsgefangene frei.",
        "prisoner_exchange",
        [S("Ukraine", "Russland", 120, "120 Soldaten")],
        {"ukraine.people": 120, "russia.people": 40},
    ),
]


@pytest.mark.parametrize(("text", "kind", "sides", "expect"), MISTAKES, ids=[c[0][:40] for c in MISTAKES])
def test_a_small_models_mistake_is_mended(text: str, kind: str, sides: list[Side], expect: dict[str, Any]) -> None:
    exchange, dropped = assemble(analyse(read_article(text)), Sides(kind=kind, sides=sides, mediators=[]))
    got = dict(facts(exchange))
    assert {k: got.get(k) for k in expect} == expect, dropped
