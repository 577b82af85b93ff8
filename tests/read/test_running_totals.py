"""Running totals read from the text: a cue says so, the same total is stated again, or a figure dwarfs the
other totals stated."""

from __future__ import annotations

import pytest

from powx_llm.read import analyse, read_article, running_total


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
        # a running total stated again later is one; the same figure stated before it is not made one
        ("On Friday 1,000 Ukrainians came home. Since the start of the operation, 1,000 have returned.", 1000, False),
        ("So far 320 Ukrainians have come home. In this way 320 citizens have returned home.", 320, True),
    ],
)
def test_a_running_total_is_told_apart(text: str, value: int, running: bool) -> None:
    assert _running(text)[value] is running
