"""A share of a group is written n/d, or words (issue 25, low: "-1/2", "1/-2" passed the schema); a written
share that cannot be true (3/2, 1/0) is a mismatch of the checks (tests/check/test_checks.py)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from powx_llm import Fraction


@pytest.mark.parametrize("share", ["-1/2", "1/-2", "1/2/3", "12", "a 1/3", "1.5/3", ""])
def test_what_is_no_share_of_a_group_is_refused(share: str) -> None:
    with pytest.raises(ValidationError, match="share"):
        Fraction(fraction=share)


@pytest.mark.parametrize(
    ("share", "kept"), [("1/3", "1/3"), ("3/3", "3/3"), ("most", "most"), (" almost  all ", "almost all")]
)
def test_a_share_in_figures_or_words_is_kept(share: str, kept: str) -> None:
    assert Fraction(fraction=share).fraction == kept
