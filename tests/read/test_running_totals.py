"""Running totals read from the text: a cue says so, the same total is stated again, or a figure dwarfs the
other totals stated in other sentences."""

from __future__ import annotations

import pytest

from powx_llm.read import analyse, read_article, running_total


def _running(text: str) -> dict[int, bool]:
    a = analyse(read_article(text))
    return {m.value: running_total(a, m) for m in a.mentions if m.value is not None}


@pytest.mark.parametrize(
    ("text", "value", "running"),
    [
        ("Ukraine brought home 75 soldiers. Ukraine has rescued 3,210 defenders from Russian captivity.", 3210, True),
        # one swap stated in one sentence: the larger side is no running total, however much larger
        ("Hamas freed 20 living hostages, and Israel released nearly 2,000 Palestinian prisoners.", 2000, False),
        ("More than 3,000 Ukrainians have been freed since the invasion began; 95 came home today.", 3000, True),
        ("Ukraine brought home 75 soldiers today.", 75, False),
    ],
)
def test_a_running_total_is_told_apart(text: str, value: int, running: bool) -> None:
    assert _running(text)[value] is running
