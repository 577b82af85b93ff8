"""One resolver for parties: any of our languages, inflected or abbreviated, capitals; nothing else."""

from __future__ import annotations

import pytest

from powx_llm.read import mediator_of, mediators_named, parties_named, party_of, resolve_party


@pytest.mark.parametrize(
    ("name", "party"),
    [
        # inflected country names
        ("Rosji", "Russia"),
        ("Росії", "Russia"),
        ("России", "Russia"),
        ("Russlands", "Russia"),
        ("Rusya'dan", "Russia"),
        ("Oroszországba", "Russia"),
        ("لروسيا", "Russia"),
        ("Rússia", "Russia"),
        ("Ukrayna", "Ukraine"),
        ("Ukrajnának", "Ukraine"),
        ("Ucrânia", "Ukraine"),
        ("أوكرانيا", "Ukraine"),
        ("Zjednoczonych Emiratów Arabskich", "United Arab Emirates"),
        ("Об'єднаних Арабських Еміратів", "United Arab Emirates"),
        # abbreviations
        ("ОАЭ", "United Arab Emirates"),
        ("EAU", "United Arab Emirates"),
        ("U.S", "United States"),
        ("U.S.", "United States"),
        ("EE.UU.", "United States"),
        ("США", "United States"),
        ("الولايات المتحدة", "United States"),
        # capitals standing for their country
        ("Kiew", "Ukraine"),
        ("Kijowie", "Ukraine"),
        ("Київ", "Ukraine"),
        ("Moskau", "Russia"),
        ("Moszkva", "Russia"),
        ("Тегеран", "Iran"),
        # demonyms and agencies
        ("the Ukrainian side", "Ukraine"),
        ("Russian Federation", "Russia"),
        ("Coordination Headquarters", "Ukraine"),
        # non-state parties, from the closed list
        ("Hamas", "Hamas"),
        ("ХАМАС", "Hamas"),
        ("the Rapid Support Forces", "Rapid Support Forces"),
        ("ELN", "ELN"),
        ("Houthis", "Yemen"),
        ("the Saudi-led coalition", "Saudi Arabia"),  # convention 1
        ("la coalición liderada por Arabia Saudita", "Saudi Arabia"),
        ("التحالف بقيادة السعودية", "Saudi Arabia"),
        ("the Taliban", "Afghanistan"),
        ("the UAE", "United Arab Emirates"),
        ("Талібан", "Afghanistan"),
        ("Gaza", "Palestinian territories"),
    ],
)
def test_a_party_resolves_in_any_language(name: str, party: str) -> None:
    assert resolve_party(name) == party


@pytest.mark.parametrize(
    ("words", "party"),
    [
        ("A Ucrânia recuperou neste sábado", "Ukraine"),
        ("do lado da Rússia", "Russia"),
        ("l'Ucraina ha riportato a casa", "Ukraine"),
        ("Ukrayna'ya dönen", "Ukraine"),
        ("Rusya'nın savunma bakanlığı", "Russia"),
        ("Strona rosyjska potwierdziła", "Russia"),
        ("do Rosji trafiło", "Russia"),
        ("Moskau meldete", "Russia"),
        ("وأوكرانيا", "Ukraine"),
        ("أعلنت روسيا", "Russia"),
    ],
)
def test_the_party_the_words_of_a_clause_name_in_any_language(words: str, party: str) -> None:
    """The answer rules read a clause's party with ``party_of`` (stems, officials, demonyms), not the resolver."""
    assert party_of(words) == party


@pytest.mark.parametrize("name", ["Wien", "в Харкові", "Lviv", "Donetsk", "Charkiw", "the authorities", "", "  ", None])
def test_places_and_unknown_names_are_not_parties(name: str | None) -> None:
    assert resolve_party(name) is None


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("24 otages relâchés par le Hamas, dont 13 Israéliens", {"Hamas", "Israel"}),
        ("Zakładnicy uwolnieni przez Hamas trafili do Izraela", {"Hamas", "Israel"}),
        ("Ukraine and Russia swapped 95 for 95", {"Ukraine", "Russia"}),
        ("нічого не сталося", set()),
    ],
)
def test_every_party_a_text_names_by_the_one_resolver(text: str, parties: set[str]) -> None:
    assert parties_named(text) == parties


@pytest.mark.parametrize(
    ("sentence", "named"),
    [
        ("Un échange mené sous l'égide du Qatar.", ["Qatar"]),  # French "un" is no UN
        ("Un intercambio con la mediación de Catar.", ["Qatar"]),
        ("Il governo usa la mediazione della Santa Sede.", ["Holy See"]),  # Italian "usa" is no USA
        ("The UN and the USA helped.", ["United Nations", "United States"]),
        ("Дякуємо Катару та Святому Престолу.", ["Qatar", "Holy See"]),  # the dative
        # Colombia's church, ombudsman and UN mission (the longest name at a place: the mission, not the UN)
        (
            "La Defensoría del Pueblo integró la comisión al lado de la Iglesia Católica y de la Misión de la ONU en "
            "Colombia.",
            ["Ombudsman's Office of Colombia", "Catholic Church", "United Nations Verification Mission in Colombia"],
        ),
        ("The UN Verification Mission and Qatar helped.", ["United Nations Verification Mission in Colombia", "Qatar"]),
        ("Ukraine's ombudsman's office said 95 came home.", []),  # Ukraine's own ombudsman is no mediator
        ("Zelensky thanked Erdogan, who secured his release.", ["Turkey"]),  # a head of state for the state
        ("Kyiv thanked Abu Dhabi, Doha and Riyadh.", ["United Arab Emirates", "Qatar", "Saudi Arabia"]),
    ],
)
def test_the_mediators_a_sentence_names(sentence: str, named: list[str]) -> None:
    assert [name for _, name in mediators_named(sentence)] == named


def test_a_word_that_only_begins_like_a_name_is_no_party() -> None:
    assert parties_named("Ukrainian servicemen") == {"Ukraine"}  # not Portuguese "Sérvia"


@pytest.mark.parametrize(
    ("name", "mediator"),
    [
        ("United Nations Verification Mission in Colombia", "United Nations Verification Mission in Colombia"),
        ("United Nations", "United Nations"),
        ("Iglesia Católica", "Catholic Church"),
        ("Defensoría del Pueblo", "Ombudsman's Office of Colombia"),
    ],
)
def test_a_mediators_name_is_its_longest_match(name: str, mediator: str) -> None:
    assert mediator_of(name) == mediator
