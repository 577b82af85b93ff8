"""One record per exchange: grouping explained, conflicts flagged, the timeline checked.

The expected grouping of the dev set's gold exchanges below was written by applying the rules of
powx_llm.corpus._reconcile (docs/events.md) to each pair of articles by hand.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from powx_llm.check import Status
from powx_llm.cli import app
from powx_llm.corpus import BatchRow, Conflict, Event, RowStatus, check_timeline, reconcile
from powx_llm.model import Count, Cumulative, Exchange, Kind, Transfer
from tests.helpers import CASSETTES, EVAL_DIR, EVAL_FILES, extraction_of, gold_rows

runner = CliRunner()


# The grouping below is written by hand for the first two batches of the dev set (67 articles); the third
# batch (seeds/eval/splits.json "batch3") has no hand grouping yet, so these tests read the first two.
_GROUPED = set(json.loads((EVAL_DIR / "splits.json").read_text(encoding="utf-8"))["original"]) | set(
    json.loads((EVAL_DIR / "splits.json").read_text(encoding="utf-8"))["new"]
)
GOLD = [r for r in gold_rows() if r.id in _GROUPED]

# Several reports of one exchange (everything else in the dev set is a single-source event, and the
# three reports of no exchange, kind none, are no event at all).
EXPECTED = [
    # 21 September 2022: dated 22 and 21 September, and an undated report stating the same 215 and 55
    {"ua-2022-09-21-215-medvedchuk-hu", "ua-2022-09-21-gazetapl-pl", "ua-2022-09-21-protothema-en"},
    {"ua-2023-02-04-116", "ua-2023-02-04-onvista-de"},  # both dated 4 February 2023
    # published 13 February (no exchange date) and 16 February: within 3 days, so one event by the rule,
    # with their different figures as conflicts
    {"ua-2023-02-04-theatlasnews-en", "ua-2023-02-16-solsapo-pt"},
    {"am-az-2023-12-13-dtxgovaz-en", "other-2023-12-13-armenia-azerbaijan"},
    {"us-ve-2023-12-20-alsiasi-en", "us-ve-2023-12-20-iheart-en", "us-ve-2023-12-20-wistv-en"},
    # 18 October 2024: two undated reports joined by the same figures (95 and 95; 501 bodies)
    {
        "ua-2024-10-18-bodies-501-es",
        "ua-2024-10-18-kanaan-ar",
        "ua-2024-10-18-moscowtimes-en",
        "ua-2024-10-18-thetruthinternational-en",
    },
    {"ua-2025-02-05-150-ru-mod", "ua-2025-02-05-alkhabaralfawriu-ar", "ua-2025-02-05-magyarhirlap-hu"},
    {"ua-2025-08-14-polsatnews-pl", "ua-2025-08-14-tgrthaber-tr"},
    {"ua-2025-10-02-185-20", "ua-2025-10-02-fakty-uk", "ua-2025-10-02-sonmuhur-tr"},
    # an undated report of 4 bodies to Israel and one published 14 October 2025 stating the same figure:
    # one event by the rule (the dev set has no date to tell them apart)
    {"il-2025-02-20-fvbb-en", "il-2025-10-13-overviewpress-en"},
    # 5 and 6 March 2026: a staged operation (200 for 200, then 300 for 300; one report gives 500)
    {"ua-2026-03-05-nepszava-hu", "ua-2026-03-06-abccompy-es", "ua-2026-03-06-newsru-ru", "ua-2026-03-06-tsn-uk"},
]
NOT_EVENTS = {"ua-2022-09-21-babel-en", "ua-2022-10-04-kanaille-de", "ua-2025-05-22-talks-none"}


def _event_of(events: list[Event], article: str) -> Event:
    return next(e for e in events if article in e.articles)


def test_the_gold_exchanges_group_as_written_by_hand() -> None:
    events = reconcile(GOLD)
    several = [set(e.articles) for e in events if len(e.articles) > 1]
    assert sorted(map(sorted, several)) == sorted(map(sorted, EXPECTED))
    grouped = set().union(*EXPECTED)
    singles = [e for e in events if len(e.articles) == 1]
    assert {e.articles[0] for e in singles} == {r.id for r in GOLD} - grouped - NOT_EVENTS
    for e in singles:
        assert e.reasons == (f"{e.articles[0]}: single source (no other report matches it)",)
    for e in events:
        if len(e.articles) > 1:
            assert len(e.reasons) >= len(e.articles) - 1  # every article is joined by a stated reason
            assert all(" and " in r for r in e.reasons)


def test_the_gold_conflicts_are_reported() -> None:
    events = reconcile(GOLD)
    october = _event_of(events, "ua-2025-10-02-fakty-uk")  # 205 with civilians, 185 servicemen "at least"
    people = next(f for f in october.facts if f.key == "ukraine.people")
    assert people.conflict is Conflict.CIVILIANS_APART
    assert people.consensus == 185
    assert sorted(s.value for s in people.sources) == [185, 185, 205]
    march = _event_of(events, "ua-2026-03-06-tsn-uk")
    summed = next(f for f in march.facts if f.key == "ukraine.people")
    assert summed.conflict is Conflict.STAGES_SUMMED
    assert [s.articles for s in march.stages] == [
        ("ua-2026-03-05-nepszava-hu",),
        ("ua-2026-03-06-abccompy-es", "ua-2026-03-06-newsru-ru"),
    ]
    september = _event_of(events, "ua-2022-09-21-protothema-en")
    keys = {f.key: f for f in september.conflicts}
    assert keys["ukraine.cohort.azovstal"].conflict is Conflict.DIFFERENT_VALUES  # "half" against 188
    assert keys["mediators"].tie  # Saudi Arabia against Turkey, one source each
    assert "ukraine.people" not in keys  # 215 in all three
    # 18 October 2024: the gold figures of its four reports agree (95 and 95, 501 bodies); no conflict
    assert not [f for f in _event_of(events, "ua-2024-10-18-kanaan-ar").conflicts if f.key.endswith("people")]


def test_the_gold_timeline() -> None:
    findings = check_timeline(reconcile(GOLD))
    lines = {(f.name, f.status, f.subject) for f in findings}
    assert (
        "timeline_ordinal",
        Status.OK,
        "2024-02-08/ua-2024-02-08-100-51st-uk to 2024-05-31/seed-ua-2024-05-31-75",
    ) in lines
    partial = [f for f in findings if f.name == "timeline_total" and f.status is Status.PARTIAL]
    assert any("3210 > 3000 + 175" in f.message for f in partial)  # reports are missing in between
    assert not [f for f in findings if f.status is Status.MISMATCH]


def _row(ident: str, day: str | None, people: dict[str, int], **extra: object) -> BatchRow:
    exchange = Exchange(
        exchange_date=dt.date.fromisoformat(day) if day else None,
        transfers=tuple(Transfer(to=to, people=Count(value=n)) for to, n in people.items()),
        **extra,
    )
    return BatchRow(ident, None, "", RowStatus.OK, extraction_of(exchange), None)


def test_running_totals_and_ordinals_that_cannot_be_true_are_mismatches() -> None:
    rows = [
        _row(
            "a",
            "2024-01-01",
            {"Ukraine": 100},
            ordinal=10,
            cumulative=Cumulative(to="Ukraine", people=Count(value=1000)),
        ),
        _row("b", "2024-02-01", {"Ukraine": 50}, ordinal=9),
        _row(
            "c",
            "2024-03-01",
            {"Ukraine": 60},
            ordinal=11,
            cumulative=Cumulative(to="Ukraine", people=Count(value=1050)),
        ),
        _row("d", "2024-04-01", {"Ukraine": 70}, ordinal=11),
    ]
    findings = check_timeline(reconcile(rows))
    bad = {(f.name, f.message) for f in findings if f.status is Status.MISMATCH}
    assert (
        "timeline_total",
        "cumulative.ukraine.people 2024-01-01 to 2024-03-01: 1050 < 1000 + 110 reported in between: cannot be true",
    ) in bad
    assert any("ordinals must increase" in m for _, m in bad)
    assert ("timeline_ordinal", "ordinal 11 is claimed by 2024-03-01, 2024-04-01") in bad


def test_qualified_counts_are_intervals_and_never_a_false_conflict() -> None:
    more = Cumulative(to="Ukraine", people=Count(value=4500, qualifier="more_than"))
    exact = Cumulative(to="Ukraine", people=Count(value=4552))
    events = reconcile(
        [
            _row("x", "2025-01-01", {"Ukraine": 25}, cumulative=more),
            _row("y", "2025-01-01", {"Ukraine": 25}, cumulative=exact),
        ]
    )
    assert len(events) == 1
    assert events[0].conflicts == ()
    assert events[0].value("cumulative.ukraine.people") == 4552  # the exact figure stands for both


def test_both_sides_counted_together() -> None:
    events = reconcile(
        [
            _row("p", "2025-01-01", {"Ukraine": 95, "Russia": 95}),
            _row("q", "2025-01-01", {"Ukraine": 190}),
        ]
    )
    (event,) = events
    assert {f.key: f.conflict for f in event.conflicts} == {"ukraine.people": Conflict.BOTH_SIDES_TOGETHER}


@pytest.mark.parametrize("order", [[0, 1, 2], [2, 1, 0], [1, 0, 2], [1, 2, 0]])
def test_an_undated_report_never_chains_two_exchanges_months_apart(order: list[int]) -> None:
    """An undated report stating the same 95 as an exchange of June 2023 and as one of October 2024 joins the
    one it shares most figures with; the two exchanges stay two events, in any order of the inputs."""
    rows = [
        _row("june", "2023-06-11", {"Ukraine": 95}),
        _row("undated", None, {"Ukraine": 95, "Russia": 95}),
        _row("october", "2024-10-18", {"Ukraine": 95, "Russia": 95}),
    ]
    events = reconcile([rows[i] for i in order])
    assert sorted(sorted(e.articles) for e in events) == [["june"], ["october", "undated"]]


def test_a_release_and_an_exchange_of_one_day_are_one_event() -> None:
    """A report that counts only one side's returned people often calls an exchange a release: dated within the
    window, with a recipient in common, the two are one event; undated, a release joins nothing by figures."""
    swap = _row("swap", "2023-12-20", {"United States": 10, "Venezuela": 1}, kind=Kind.PRISONER_EXCHANGE)
    freed = _row("freed", "2023-12-21", {"United States": 10}, kind=Kind.RELEASE)
    later = _row("later", "2024-02-01", {"United States": 10}, kind=Kind.RELEASE)
    undated = _row("undated", None, {"United States": 10}, kind=Kind.RELEASE)
    events = reconcile([swap, freed, later])
    assert sorted(sorted(e.articles) for e in events) == [["freed", "swap"], ["later"]]
    apart = reconcile([swap, undated])
    assert sorted(sorted(e.articles) for e in apart) == [["swap"], ["undated"]]


def test_two_rows_of_one_page_are_one_event() -> None:
    """A page read twice (from a feed and from a list of addresses) is one report of one exchange, even when
    the two readings differ (another run, another model)."""
    first = replace(_row("feed", "2025-01-01", {"Ukraine": 25}), url="https://news.example.org/a")
    second = replace(_row("list", "2025-01-02", {"Russia": 26}), url="https://news.example.org/a")
    (event,) = reconcile([first, second])
    assert "the same page (https://news.example.org/a)" in event.reasons[0]


@settings(max_examples=25, deadline=None)
@given(st.permutations(GOLD))
def test_any_order_of_the_inputs_gives_the_same_events(rows: list[BatchRow]) -> None:
    assert _shape(reconcile(rows)) == _shape(reconcile(GOLD))


def _shape(events: list[Event]) -> list[tuple[object, ...]]:
    return [(e.id, e.articles, e.reasons, [(f.key, f.consensus, f.conflict, f.tie) for f in e.facts]) for e in events]


@pytest.mark.parametrize("row", GOLD, ids=[r.id for r in GOLD])
def test_a_single_source_is_a_single_event_with_no_conflict(row: BatchRow) -> None:
    events = reconcile([row])
    if row.id in NOT_EVENTS:
        assert events == []
        return
    (event,) = events
    assert event.articles == (row.id,)
    assert event.conflicts == ()


def test_an_event_never_mixes_two_recipients_counts() -> None:
    for event in reconcile(GOLD):
        for fact in event.facts:
            recipient = fact.key.split(".")[0]
            if fact.key.endswith((".people", ".bodies")) and recipient != "cumulative":
                assert recipient in event.recipients
                for s in fact.sources:
                    row = next(r for r in GOLD if r.id == s.article_id)
                    assert row.extraction is not None
                    assert row.extraction.facts[fact.key] == s.value


def test_powx_reconcile_writes_the_events_and_a_safe_timeline(tmp_path: Path) -> None:
    run = tmp_path / "run"
    assert runner.invoke(app, ["batch", str(EVAL_DIR), "--out", str(run), "--replay", str(CASSETTES)]).exit_code == 0
    result = runner.invoke(app, ["reconcile", str(run), "--out", str(tmp_path / "events")])
    assert result.exit_code == 0, result.output
    import pandas as pd

    events = pd.read_parquet(tmp_path / "events" / "events.parquet")
    sources = pd.read_parquet(tmp_path / "events" / "event_sources.parquet")
    assert set(sources["event_id"]) <= set(events["event_id"])
    assert set().union(*map(set, events[events["parent_event_id"].isna()]["articles"])) <= {p.stem for p in EVAL_FILES}
    page = (tmp_path / "events" / "timeline.html").read_text(encoding="utf-8")
    assert "<script" not in page
    assert "Content-Security-Policy" in page
    missing = runner.invoke(app, ["reconcile", str(tmp_path / "nothing"), "--out", str(tmp_path / "e2")])
    assert missing.exit_code == 2
    assert "no articles table" in missing.output
