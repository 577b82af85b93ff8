"""The deterministic checks: dev-set verdicts, tables of small cases, and properties."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from powx_llm import Exchange, Status, check
from powx_llm.check import Report, exchange_from_dict
from tests.helpers import EVAL_FILES, SEED_GOLD, SEED_TEXT, load


def _gold(path: Path) -> dict[str, Any]:
    return {k: v for k, v in load(path)["gold"].items() if k not in ("consistency", "inconsistencies")}


def _statuses(report: Report, name: str) -> list[Status]:
    return [f.status for f in report.findings if f.name == name]


@pytest.mark.parametrize("path", EVAL_FILES, ids=lambda p: p.stem)
def test_only_the_inconsistent_article_has_a_mismatch(path: Path) -> None:
    art = load(path)
    report = check(Exchange.model_validate(_gold(path)), text=art["text"], published=art.get("published"))
    mismatches = [f.message for f in report.by_status(Status.MISMATCH)]
    if path.stem == "ua-2023-04-26-44-inconsistent":
        assert [f.name for f in report.by_status(Status.MISMATCH)] == ["rank_sum"]
        assert "officers 6 + enlisted 37 + civilians 2 = 45 > people 44" in mismatches
    else:
        assert mismatches == []


def test_seed_adds_up_and_is_grounded() -> None:
    report = check(exchange_from_dict(load(SEED_GOLD), what="seed gold"), text=SEED_TEXT.read_text(encoding="utf-8"))
    lines = {f.message for f in report.findings}
    assert "men 70 + women 5 = 75 = people 75" in lines
    assert "officers 6 + enlisted 65 + civilians 4 = 75 = people 75" in lines
    assert "navy 13 + air_force 2 = 15 ≤ armed_forces 37" in lines
    assert _statuses(report, "unit_sum") == [Status.OK]
    assert _statuses(report, "cumulative") == [Status.OK, Status.OK]
    assert Status.UNGROUNDED not in _statuses(report, "grounding")


def _transfer(**parts: Any) -> Exchange:
    return Exchange.model_validate({"transfers": [{"to": "Ukraine", "from": "Russia", **parts}]})


@pytest.mark.parametrize(
    ("transfer", "name", "status"),
    [
        ({"people": 75, "sex": {"men": 70, "women": 5}}, "sex_sum", Status.OK),
        ({"people": 75, "sex": {"men": 70, "women": 4}}, "sex_sum", Status.MISMATCH),
        ({"people": 75, "sex": {"men": 70}}, "sex_sum", Status.PARTIAL),
        ({"people": 75, "sex": {"men": 76}}, "sex_sum", Status.MISMATCH),
        ({"people": {"value": 70, "qualifier": "at_least"}, "sex": {"men": 70, "women": 5}}, "sex_sum", Status.OK),
        (
            {"people": {"value": 100, "qualifier": "approximately"}, "sex": {"men": 90, "women": 5}},
            "sex_sum",
            Status.OK,
        ),
        ({"sex": {"men": 70, "women": 5}}, "sex_sum", Status.NOT_APPLICABLE),
        ({"people": 75, "rank": {"officers": 6, "enlisted": 65}, "civilians": 4}, "rank_sum", Status.OK),
        ({"people": 75, "rank": {"officers": 6, "enlisted": 65}}, "rank_sum", Status.PARTIAL),
        ({"people": 44, "rank": {"officers": 6, "enlisted": 37}, "civilians": 2}, "rank_sum", Status.MISMATCH),
        ({"people": 44, "rank": {"officers": {"value": 6, "qualifier": "at_least"}}}, "rank_sum", Status.PARTIAL),
        ({"people": 10, "units": [{"unit": "navy", "count": 4}, {"unit": "sbu", "count": 6}]}, "unit_sum", Status.OK),
        ({"people": 10, "units": [{"unit": "navy", "count": 4}]}, "unit_sum", Status.PARTIAL),
        ({"people": 10, "units": [{"unit": "navy", "count": 11}]}, "unit_sum", Status.MISMATCH),
        (
            {
                "people": 10,
                "units": [{"unit": "armed_forces", "count": 5}, {"unit": "navy", "count": 6, "within": "armed_forces"}],
            },
            "unit_nesting",
            Status.MISMATCH,
        ),
        ({"people": 10, "cohorts": [{"label": "Mariupol", "count": 11}]}, "bounds", Status.MISMATCH),
        ({"people": 10, "wounded_or_ill": 3}, "bounds", Status.OK),
    ],
)
def test_check_table(transfer: dict[str, Any], name: str, status: Status) -> None:
    assert _statuses(check(_transfer(**transfer)), name) == [status]


@pytest.mark.parametrize(
    ("exchange", "status"),
    [
        ({"ordinal": 52, "cumulative": {"to": "Ukraine", "exchanges": 51}}, Status.MISMATCH),
        (
            {"transfers": [{"to": "Ukraine", "people": 75}], "cumulative": {"to": "Ukraine", "people": 70}},
            Status.MISMATCH,
        ),
        (
            {
                "transfers": [{"to": "Ukraine", "people": 75}],
                "cumulative": {"to": "Ukraine", "people": {"value": 3000, "qualifier": "more_than"}},
            },
            Status.OK,
        ),
    ],
)
def test_cumulative(exchange: dict[str, Any], status: Status) -> None:
    assert _statuses(check(Exchange.model_validate(exchange)), "cumulative") == [status]


@pytest.mark.parametrize(
    ("text", "status"),
    [(" date 2024-05-31 Today 75 returned", Status.OK), (" date 2024-05-30 Tomorrow", Status.MISMATCH)],
)
def test_exchange_date_is_not_after_the_article(text: str, status: Status) -> None:
    report = check(Exchange.model_validate({"exchange_date": "2024-05-31"}), text=text)
    assert _statuses(report, "date") == [status]


def test_published_wins_over_the_date_line() -> None:
    report = check(
        Exchange.model_validate({"exchange_date": "2024-06-01"}), text=" date 2024-05-31 x", published="2024-06-02"
    )
    assert _statuses(report, "date") == [Status.OK]


@pytest.mark.parametrize(
    ("evidence", "value", "status"),
    [
        ({"quote": "70 men", "start": 4, "end": 10}, 70, Status.OK),
        ({"quote": "70 men", "start": 0, "end": 6}, 70, Status.OK),  # offsets repaired from the quote
        ({"quote": "70 men", "start": 4, "end": 10}, 71, Status.UNGROUNDED),
        ({"quote": "80 men", "start": 4, "end": 10}, 80, Status.UNGROUNDED),
        ({"quote": "five  women", "start": 15, "end": 25}, 5, Status.OK),  # whitespace normalised
        (None, 5, Status.OK),
        (None, 6, Status.UNGROUNDED),
    ],
)
def test_grounding(evidence: dict[str, Any] | None, value: int, status: Status) -> None:
    text = "All 70 men and five women came home."
    ex = _transfer(sex={"men": {"value": value, "evidence": evidence}})
    assert _statuses(check(ex, text=text), "grounding") == [status]


@pytest.mark.parametrize(
    ("evidence", "status"),
    [
        ({"quote": "not a single", "start": 20, "end": 32}, Status.OK),  # the words state none
        ({"quote": "the Russian side", "start": 3, "end": 19}, Status.UNGROUNDED),
        ({"quote": "single", "start": 26, "end": 32}, Status.UNGROUNDED),  # not the words of none
    ],
)
def test_a_zero_is_grounded_by_words_of_none(evidence: dict[str, Any], status: Status) -> None:
    text = "So the Russian side not a single body got back."
    ex = _transfer(bodies={"value": 0, "evidence": evidence})
    assert _statuses(check(ex, text=text), "grounding") == [status]


def test_grounding_is_not_a_mismatch() -> None:
    report = check(_transfer(people=99), text="75 returned")
    assert not report.has_mismatch
    assert _statuses(report, "grounding") == [Status.UNGROUNDED]


# ---- properties ------------------------------------------------------------------------------------


@st.composite
def consistent(draw: st.DrawFn) -> dict[str, Any]:
    people = draw(st.integers(min_value=2, max_value=5000))
    men = draw(st.integers(min_value=0, max_value=people))
    civilians = draw(st.integers(min_value=0, max_value=people))
    officers = draw(st.integers(min_value=0, max_value=people - civilians))
    military = people - civilians
    armed = draw(st.integers(min_value=0, max_value=military))
    navy = draw(st.integers(min_value=0, max_value=armed))
    return {
        "people": people,
        "sex": {"men": men, "women": people - men},
        "rank": {"officers": officers, "enlisted": military - officers},
        "civilians": civilians,
        "units": [
            {"unit": "armed_forces", "count": armed},
            {"unit": "navy", "count": navy, "within": "armed_forces"},
            {"unit": "national_guard", "count": military - armed},
        ],
        "cohorts": [{"label": "Mariupol", "count": draw(st.integers(min_value=0, max_value=people))}],
    }


@given(consistent())
def test_consistent_exchanges_pass_every_check(transfer: dict[str, Any]) -> None:
    report = check(_transfer(**transfer))
    assert {f.status for f in report.findings} <= {Status.OK}


# Which status moving one part by +1 / -1 must give, per check (SPEC: a sum short of its whole is
# partial where the parts may cover only some of the whole; both sexes must cover it).
_MOVES = [
    (("sex", "men"), "sex_sum", Status.MISMATCH, Status.MISMATCH),
    (("rank", "officers"), "rank_sum", Status.MISMATCH, Status.PARTIAL),
    (("civilians",), "rank_sum", Status.MISMATCH, Status.PARTIAL),
    (("units", 2, "count"), "unit_sum", Status.MISMATCH, Status.PARTIAL),
    (("people",), "sex_sum", Status.MISMATCH, Status.MISMATCH),
    (("people",), "unit_sum", Status.PARTIAL, Status.MISMATCH),
]


def _move(transfer: dict[str, Any], path: tuple[Any, ...], delta: int) -> dict[str, Any] | None:
    import copy

    out = copy.deepcopy(transfer)
    node: Any = out
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] += delta
    return out if node[path[-1]] >= 0 else None


@given(consistent(), st.sampled_from(_MOVES), st.sampled_from([1, -1]))
def test_moving_one_part_by_one_gives_the_prescribed_status(
    transfer: dict[str, Any], move: tuple[tuple[Any, ...], str, Status, Status], delta: int
) -> None:
    path, name, up, down = move
    moved = _move(transfer, path, delta)
    assume(moved is not None)
    assert moved is not None
    assert _statuses(check(_transfer(**moved)), name) == [up if delta > 0 else down]


@pytest.mark.parametrize("share", ["3/2", "1/0", "0/0"])
def test_an_impossible_share_of_the_wounded_is_a_mismatch(share: str) -> None:
    report = check(_transfer(people=75, wounded_or_ill={"fraction": share}))
    assert _statuses(report, "bounds") == [Status.MISMATCH]
