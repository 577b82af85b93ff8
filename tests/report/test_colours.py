"""One colour per party, the same in every chart (powx_llm.report.party_colour)."""

from __future__ import annotations

import re

from powx_llm.report import PALETTE, party_colour


def test_the_dev_sets_parties_each_have_their_own_colour() -> None:
    parties = ["Ukraine", "Russia", "Israel", "Palestinian territories", "Armenia", "Azerbaijan", "United States"]
    colours = [party_colour(p) for p in parties]
    assert len(set(colours)) == len(parties)


def test_a_party_keeps_its_colour_whatever_form_its_name_takes() -> None:
    assert party_colour("United States") == party_colour("united_states") == party_colour(" united  states ")
    assert party_colour("Armenia") != party_colour("Russia")  # the corpus chart once drew both orange


def test_any_other_party_gets_a_stable_colour_of_the_palette() -> None:
    colour = party_colour("Mali")
    assert colour in PALETTE
    assert colour == party_colour("mali")
    assert all(re.fullmatch(r"#[0-9A-F]{6}", c) for c in PALETTE)
