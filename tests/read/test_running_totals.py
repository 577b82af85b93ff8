"""Running totals read from the text: a cue says so, the same total is stated again, or a figure dwarfs the
other totals stated."""

from __future__ import annotations

import pytest

from powx_llm.read import Role, analyse, read_article, running_total


def _running(text: str) -> dict[int, bool]:
    """Return, for each value, whether its first statement is read as a running total."""
    a = analyse(read_article(text))
    out: dict[int, bool] = {}
    for m in a.mentions:
        if m.value is not None:
            out.setdefault(m.value, running_total(a, m))
    return out


@pytest.mark.parametrize(
    ("text", "value", "running"),
    [
        ("Ukraine brought home 75 soldiers. Ukraine has rescued 3,210 defenders from Russian captivity.", 3210, True),
        # a figure that dwarfs the others is a running total, in the same sentence too
        ("Ukraine brought home 95 soldiers on Friday, and 3,767 Ukrainians have returned overall.", 3767, True),
        # the words of a comparison are no running total; those after it are
        (
            "In the largest swap so far, 390 soldiers came home, and since the start of the war 4,757 were freed.",
            390,
            False,
        ),
        (
            "In the largest swap so far, 390 soldiers came home, and since the start of the war 4,757 were freed.",
            4757,
            True,
        ),
        ("More than 3,000 Ukrainians have been freed since the invasion began; 95 came home today.", 3000, True),
        ("Ukraine brought home 75 soldiers today.", 75, False),
        # words of a running total a few words after an ordinal count the exchanges, not the number after them
        (
            "Ukraine carried out its 60th prisoner exchange with Russia since the start of the war, bringing home "
            "114 people. Counting today's group, 5,412 Ukrainians have been freed.",
            114,
            False,
        ),
        (
            "Ukraine carried out its 60th prisoner exchange with Russia since the start of the war, bringing home "
            "114 people. Counting today's group, 5,412 Ukrainians have been freed.",
            5412,
            True,
        ),
        # a running total stated again later is one; the same figure stated before it is not made one
        ("On Friday 1,000 Ukrainians came home. Since the start of the operation, 1,000 have returned.", 1000, False),
        ("So far 320 Ukrainians have come home. In this way 320 citizens have returned home.", 320, True),
        # a running total of bodies, in a sentence that names bodies
        (
            "Die Ukraine erhielt 800 Leichen. Seit Beginn der Rückführungen hat sie über 12.000 Leichname erhalten.",
            12000,
            True,
        ),
        ("Kyiv received 700 bodies; since 2023 the bodies of 8,100 soldiers have been returned.", 8100, True),
        # the dead of a time, not bodies returned so far
        ("Ukraine received the bodies of 909 soldiers killed since the start of the Kursk offensive.", 909, False),
        # a running total of other things
        (
            "Ukraine got back 75 soldiers, bringing the overall number of documented cases of abuse to 2,431.",
            2431,
            False,
        ),
        # the bodies of this handover, with the running total stated after them
        (
            "Kyiv received the bodies of 12 soldiers, bringing the number of bodies returned this year to 314.",
            12,
            False,
        ),
    ],
)
def test_a_running_total_is_told_apart(text: str, value: int, running: bool) -> None:
    assert _running(text)[value] is running


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Ukraine got back 90 soldiers, bringing the overall number of those freed this year to 212.", 212),
        ("Ukraine got back 90 soldiers. The total number of those freed now stands at 203.", 203),
        ("Ukraine got back 90 soldiers. In all, 211 have come home since the first exchange.", 211),
        ("Russia got back 90 soldiers; the swap brought to 220 the number of those freed this year.", 220),
        ("Ukraine got back 90 soldiers. Counting today's group, 212 Ukrainians have been freed.", 212),
        ("Відтоді, як почалися такі репатріації, Україна отримала вже понад 14 тисяч тіл загиблих.", 14000),
        ("Всего, по его данным, с июня прошлого года Украине передано более 11 тысяч тел.", 11000),
    ],
)
def test_the_words_of_a_running_total(text: str, value: int) -> None:
    a = analyse(read_article(text))
    cue = next(a.cue_at(m) for m in a.mentions if m.value == value)
    assert cue is not None
    assert cue.role is Role.CUMULATIVE_PEOPLE


def test_a_running_total_that_has_passed_a_figure_is_more_than_it() -> None:
    text = "Ukraine got 500 bodies. The number of fallen brought back since 2022 has passed 12,000, officials said."
    a = analyse(read_article(text))
    m = next(m for m in a.mentions if m.value == 12000)
    assert (running_total(a, m), m.qualifier.value) == (True, "more_than")
