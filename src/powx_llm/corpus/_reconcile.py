"""One record per exchange: group the reports of one exchange, say where their figures disagree, and
check the timeline of running totals and ordinals (docs/events.md).

Grouping is deterministic and explained. Two reports match when their kinds are compatible (``mixed``
includes people and bodies; a ``release`` and an exchange dated within ``WINDOW_DAYS``), their recipients
overlap, they do not state different series ordinals, and their dates (the exchange's, else the article's)
are within ``WINDOW_DAYS`` — or, when either has no date, when they state at least one same figure for a
recipient both name and none that contradicts (a qualified count is an interval); two rows of the same page
(one address) always match. Events are built from those links, links between dated reports first, each in
the order of the reports' ids (so any order of the inputs gives the same events); a link that would put
reports dated more than ``2 * WINDOW_DAYS`` apart, or two ordinals, into one event is not taken.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from powx_llm.check import Finding, Status
from powx_llm.corpus._rows import BatchRow
from powx_llm.extract import Extraction
from powx_llm.model import FactValue, Kind, Qualifier, as_date, count_bounds, name_key

__all__ = ["WINDOW_DAYS", "Conflict", "Event", "EventFact", "SourceValue", "check_timeline", "reconcile"]

WINDOW_DAYS = 3
_TWO_WAY = frozenset({Kind.PRISONER_EXCHANGE, Kind.BODY_REPATRIATION})


class Conflict(StrEnum):
    STAGES_SUMMED = "stages_summed"  # one source counts every stage of a staged operation together
    STAGES = "stages"  # the sources count different stages of one operation
    DIFFERENT_TOTALS = "different_totals"  # the sources give different counts
    BOTH_SIDES_TOGETHER = "both_sides_together"  # one source counts both sides in one figure
    CIVILIANS_APART = "civilians_apart"  # one source counts civilians apart, another includes them
    RUNNING_TOTAL = "running_total"  # the running totals differ
    DIFFERENT_VALUES = "different_values"  # another fact (a date, a party, an ordinal) differs


@dataclass(frozen=True, slots=True)
class SourceValue:
    """One source's value of a fact, with the words that state it."""

    article_id: str
    url: str | None
    value: FactValue
    qualifier: str = Qualifier.EXACT.value
    quote: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class EventFact:
    """A fact of an event: the value most sources state (None on a tie), every source's value, any conflict."""

    key: str
    consensus: FactValue | None
    sources: tuple[SourceValue, ...]
    conflict: Conflict | None = None
    tie: bool = False  # as many sources for two values: no consensus


@dataclass(frozen=True, slots=True)
class Event:
    """One exchange as several reports tell it."""

    id: str
    articles: tuple[str, ...]
    reasons: tuple[str, ...]  # why these articles are one event (or why a single source stands alone)
    kind: Kind
    date: dt.date | None
    recipients: tuple[str, ...]
    facts: tuple[EventFact, ...]
    parties: tuple[str, ...] = ()  # every receiving or releasing party: the series it belongs to
    stages: tuple[Event, ...] = ()  # a staged operation ("200, then 300"): one child event per stage

    @property
    def conflicts(self) -> tuple[EventFact, ...]:
        """Return the facts on which the sources disagree."""
        return tuple(f for f in self.facts if f.conflict is not None or f.tie)

    def value(self, key: str) -> FactValue | None:
        """Return the consensus value of *key*, if the event has it."""
        return next((f.consensus for f in self.facts if f.key == key), None)


@dataclass(frozen=True)
class _Report:
    row: BatchRow
    ex: Extraction
    date: dt.date | None
    recipients: frozenset[str]  # facts-key names ("ukraine")

    @property
    def id(self) -> str:
        return self.row.id


def _report(row: BatchRow) -> _Report | None:
    ex = row.extraction
    if ex is None or ex.exchange.kind is Kind.NONE or not ex.exchange.transfers:
        return None
    published = ex.published or as_date(row.published)
    return _Report(
        row=row,
        ex=ex,
        date=ex.exchange.exchange_date or published,
        recipients=frozenset(name_key(t.to) for t in ex.exchange.transfers if t.to),
    )


def _kinds_match(a: Kind, b: Kind) -> bool:
    return a == b or (Kind.MIXED in (a, b) and {a, b} - {Kind.MIXED} <= _TWO_WAY)


def _interval(ex: Extraction, key: str) -> tuple[float, float] | None:
    value = ex.facts.get(key)
    if not isinstance(value, int):
        return None
    return count_bounds(value, str(ex.facts.get(f"{key}_qualifier", Qualifier.EXACT.value)))


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return max(a[0], b[0]) <= min(a[1], b[1])


def _same_figures(a: _Report, b: _Report, common: frozenset[str]) -> list[str] | None:
    """Return the figures *a* and *b* both state for *common* recipients, if they state at least one
    same figure and none that contradicts (a qualified count is an interval: "at least 55" fits 101,
    but only an equal figure makes two undated reports one exchange)."""
    agreed = []
    for recipient in sorted(common):
        for what in ("people", "bodies"):
            key = f"{recipient}.{what}"
            ia, ib = _interval(a.ex, key), _interval(b.ex, key)
            if ia is None or ib is None:
                continue
            if not _overlap(ia, ib):
                return None
            if a.ex.facts[key] == b.ex.facts[key]:
                agreed.append(f"{key} {a.ex.facts[key]}")
    return agreed or None


def _match(a: _Report, b: _Report) -> tuple[tuple[int, int, str, str], str] | None:
    """Return how strong the link between *a* and *b* is and why they report one exchange, or None.

    Links are taken strongest first: one page read twice, then two dated reports, then an undated report's
    links by its figures, most figures in common first; ties by the ids (never by the order of the inputs)."""
    if a.row.url and a.row.url == b.row.url:
        return (-1, 0, a.id, b.id), f"{a.id} and {b.id}: the same page ({a.row.url})"
    dated_close = a.date is not None and b.date is not None and abs((a.date - b.date).days) <= WINDOW_DAYS
    if not _kinds_match(a.ex.exchange.kind, b.ex.exchange.kind) and not (
        dated_close and Kind.RELEASE in (a.ex.exchange.kind, b.ex.exchange.kind)
    ):
        return None
    common = a.recipients & b.recipients
    if not common:
        return None
    ordinals = {r.ex.exchange.ordinal for r in (a, b)}
    if None not in ordinals and len(ordinals) > 1:
        return None  # "the 64th" and "the 69th" are two exchanges
    to = ", ".join(sorted(common))
    if a.date is not None and b.date is not None:
        if abs((a.date - b.date).days) > WINDOW_DAYS:
            return None
        within = f"dated {a.date} and {b.date} (within {WINDOW_DAYS} days)"
        return (0, 0, a.id, b.id), f"{a.id} and {b.id}: compatible kinds, both to {to}, {within}"
    agreed = _same_figures(a, b, common)
    if agreed is None:
        return None
    undated = " and ".join(r.id for r in (a, b) if r.date is None)
    why = (
        f"{a.id} and {b.id}: no date for {undated}; compatible kinds, both to {to}, same figures ({'; '.join(agreed)})"
    )
    return (1, -len(agreed), a.id, b.id), why


def _components(reports: Sequence[_Report]) -> tuple[list[list[int]], dict[int, list[str]]]:
    """Group *reports* by their links, strongest first. A link is not taken when it would put into one event
    reports dated more than ``2 * WINDOW_DAYS`` apart, or two different ordinals: an undated report that
    states the same figure as two exchanges months apart must not chain them into one."""
    parent = list(range(len(reports)))
    dates: dict[int, list[dt.date]] = {i: [r.date] if r.date is not None else [] for i, r in enumerate(reports)}
    ordinals: dict[int, set[int]] = {
        i: {r.ex.exchange.ordinal} if r.ex.exchange.ordinal is not None else set() for i, r in enumerate(reports)
    }

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    links = []
    for i in range(len(reports)):
        for j in range(i + 1, len(reports)):
            link = _match(reports[i], reports[j])
            if link is not None:
                links.append((link[0], i, j, link[1]))
    taken = []
    for _, i, j, why in sorted(links):
        ri, rj = root(i), root(j)
        if ri != rj:
            together = dates[ri] + dates[rj]
            if together and (max(together) - min(together)).days > 2 * WINDOW_DAYS:
                continue
            if len(ordinals[ri] | ordinals[rj]) > 1:
                continue
            parent[rj] = ri
            dates[ri], ordinals[ri] = together, ordinals[ri] | ordinals[rj]
        taken.append((i, why))
    groups: dict[int, list[int]] = {}
    for i in range(len(reports)):
        groups.setdefault(root(i), []).append(i)
    reasons: dict[int, list[str]] = {}
    for i, why in taken:
        reasons.setdefault(root(i), []).append(why)
    return list(groups.values()), {min(members): reasons.get(r, []) for r, members in groups.items()}


def _source(r: _Report, key: str) -> SourceValue:
    ev = r.ex.evidence.get(key)
    return SourceValue(
        article_id=r.id,
        url=r.row.url,
        value=r.ex.facts[key],
        qualifier=str(r.ex.facts.get(f"{key}_qualifier", Qualifier.EXACT.value)),
        quote=ev.quote if ev else None,
        start=ev.start if ev else None,
        end=ev.end if ev else None,
    )


def _hashable(value: FactValue) -> object:
    return tuple(value) if isinstance(value, list) else value


def _fact(key: str, members: Sequence[_Report], *, staged: bool) -> EventFact:
    sources = tuple(_source(r, key) for r in members if key in r.ex.facts)
    conflict = _conflict(key, members, staged)
    counts = Counter(_hashable(s.value) for s in sources).most_common()
    tie = len(counts) > 1 and counts[0][1] == counts[1][1]
    exact = [s for s in sources if s.qualifier == Qualifier.EXACT.value]
    if tie and conflict is None and len({_hashable(s.value) for s in exact}) == 1:
        # values that agree as intervals ("more than 4,500", "4,552"): the exact one is the consensus
        return EventFact(key=key, consensus=exact[0].value, sources=sources)
    consensus = None if tie else next(s.value for s in sources if _hashable(s.value) == counts[0][0])
    return EventFact(key=key, consensus=consensus, sources=sources, conflict=conflict, tie=tie)


def _summed(values: set[int]) -> tuple[int, set[int]] | None:
    """Return (total, stages) when one of *values* is the sum of two or more of the others."""
    for total in sorted(values, reverse=True):
        parts = values - {total}
        if len(parts) >= 2 and sum(parts) == total:
            return total, parts
    return None


def _conflict(key: str, members: Sequence[_Report], staged: bool) -> Conflict | None:
    stating = [r for r in members if key in r.ex.facts]
    values = {_hashable(r.ex.facts[key]) for r in stating}
    if len(values) < 2:
        return None
    intervals = [_interval(r.ex, key) for r in stating]
    compatible = all(i is not None for i in intervals) and max(i[0] for i in intervals if i) <= min(
        i[1] for i in intervals if i
    )
    recipient, _, what = key.partition(".")
    if key.startswith("cumulative.") or what not in ("people", "bodies"):
        if compatible:
            return None  # "more than 4,500" and "4,552": no conflict
        return Conflict.RUNNING_TOTAL if key.startswith("cumulative.") else Conflict.DIFFERENT_VALUES
    numbers = {v for v in values if isinstance(v, int)}
    if _summed(numbers) is not None:
        return Conflict.STAGES_SUMMED
    if staged:
        return Conflict.STAGES
    for r in stating:
        value = r.ex.facts[key]
        if not isinstance(value, int):
            continue
        others = numbers - {value}
        sides = {
            o.ex.facts.get(f"{side}.{what}")
            for o in members
            if o is not r
            for side in o.recipients
            if side != recipient
        }
        if any(value == n + s for n in others for s in sides if isinstance(s, int)):
            return Conflict.BOTH_SIDES_TOGETHER
        civilians = {o.ex.facts.get(f"{recipient}.civilians") for o in stating}
        if any(abs(value - n) == c for n in others for c in civilians if isinstance(c, int) and c > 0):
            return Conflict.CIVILIANS_APART
    return None if compatible else Conflict.DIFFERENT_TOTALS


def _stages(members: Sequence[_Report]) -> list[list[_Report]]:
    """Return the members of each stage, when one source's count is the sum of the others' (else [])."""
    for key in sorted({k for r in members for k in r.ex.facts if k.endswith((".people", ".bodies"))}):
        numbers = {v for r in members if isinstance(v := r.ex.facts.get(key), int)}
        found = _summed(numbers)
        if found is None:
            continue
        _, parts = found
        groups = [[r for r in members if r.ex.facts.get(key) == part] for part in sorted(parts)]
        return sorted(groups, key=lambda g: (min((r.date for r in g if r.date), default=dt.date.max), g[0].id))
    return []


def _event(members: Sequence[_Report], reasons: list[str]) -> Event:
    members = sorted(members, key=lambda r: r.id)
    kinds = Counter(r.ex.exchange.kind for r in members)
    dates = Counter(r.ex.exchange.exchange_date for r in members if r.ex.exchange.exchange_date is not None)
    date = dates.most_common(1)[0][0] if dates else min((r.date for r in members if r.date), default=None)
    keys = sorted(
        {k for r in members for k in r.ex.facts if k != "kind" and not k.endswith("_qualifier")},
    )
    if len(members) == 1:
        reasons = [f"{members[0].id}: single source (no other report matches it)"]
    stages = _stages(members) if len(members) > 2 else []
    return Event(
        id=f"{date.isoformat() if date else 'undated'}/{members[0].id}",
        articles=tuple(r.id for r in members),
        reasons=tuple(sorted(reasons)),
        kind=Kind.MIXED if len(kinds) > 1 else next(iter(kinds)),
        date=date,
        recipients=tuple(sorted({rec for r in members for rec in r.recipients})),
        facts=tuple(_fact(k, members, staged=bool(stages)) for k in keys),
        stages=tuple(_event(g, [f"stage of {members[0].id}: {', '.join(r.id for r in g)}"]) for g in stages),
        parties=tuple(
            sorted({name_key(p) for r in members for t in r.ex.exchange.transfers for p in (t.to, t.from_) if p})
        ),
    )


def reconcile(rows: Iterable[BatchRow]) -> list[Event]:
    """Return one Event per exchange among *rows*, sorted by date then id (the order of *rows* does not matter).

    Rows without an extraction, and reports of no exchange (kind ``none``), are not events.
    """
    reports = sorted((r for r in map(_report, rows) if r is not None), key=lambda r: r.id)
    groups, reasons = _components(reports)
    events = [_event([reports[i] for i in members], reasons[min(members)]) for members in groups]
    return sorted(events, key=lambda e: (e.date or dt.date.max, e.id))


# ---- the timeline ------------------------------------------------------------------------------


def _people(event: Event, recipient: str) -> int:
    value = event.value(f"{recipient}.people")
    return value if isinstance(value, int) else 0


def check_timeline(events: Sequence[Event]) -> list[Finding]:
    """Check each series of events between the same parties: running totals against the exchanges in
    between, and ordinals against dates.

    Per-side running totals (``cumulative.ukraine.people``) and both-sides totals (``cumulative.all.people``)
    are separate series. ``partial`` when reports are missing between two totals, ``mismatch`` when a total
    cannot be true, or an ordinal goes back, or one ordinal is claimed by two dates.
    """
    series: dict[tuple[str, ...], list[Event]] = {}
    for e in sorted((e for e in events if e.date is not None), key=lambda e: (e.date, e.id)):
        series.setdefault(e.parties, []).append(e)
    findings: list[Finding] = []
    for dated in series.values():
        findings += _running_totals(dated) + _ordinals(dated)
    return findings


def _running_totals(dated: list[Event]) -> list[Finding]:
    findings = []
    keys = sorted(
        {f.key for e in dated for f in e.facts if f.key.startswith("cumulative.") and f.key.endswith(".people")}
    )
    for key in keys:
        recipient = key.split(".")[1]
        points = [(e, v) for e in dated if isinstance(v := e.value(key), int)]
        for (a, va), (b, vb) in itertools.pairwise(points):
            assert isinstance(va, int)
            assert isinstance(vb, int)
            between = [e for e in dated if _after(e, a) and not _after(e, b)]
            received = sum(
                sum(_people(e, r) for r in e.recipients) if recipient == "all" else _people(e, recipient)
                for e in between
            )
            numbers: dict[str, int | str] = {"before": va, "after": vb, "between": received}
            if vb < va + received:
                status, why = Status.MISMATCH, f"{vb} < {va} + {received} reported in between: cannot be true"
            elif vb > va + received:
                status, why = Status.PARTIAL, f"{vb} > {va} + {received} reported in between: reports are missing"
            else:
                status, why = Status.OK, f"{vb} = {va} + {received} reported in between"
            subject = f"{a.id} to {b.id}"
            findings.append(Finding("timeline_total", status, f"{key} {a.date} to {b.date}: {why}", numbers, subject))
    return findings


def _after(e: Event, other: Event) -> bool:
    return (e.date or dt.date.min, e.id) > (other.date or dt.date.min, other.id)


def _ordinals(dated: list[Event]) -> list[Finding]:
    findings = []
    points = [(e, o) for e in dated if isinstance(o := e.value("ordinal"), int)]
    for (a, oa), (b, ob) in itertools.pairwise(points):
        assert isinstance(oa, int)
        assert isinstance(ob, int)
        if a.date == b.date:
            continue
        ok = ob > oa
        message = f"ordinal {oa} on {a.date}, {ob} on {b.date}" + ("" if ok else ": ordinals must increase with dates")
        status = Status.OK if ok else Status.MISMATCH
        findings.append(Finding("timeline_ordinal", status, message, {"before": oa, "after": ob}, f"{a.id} to {b.id}"))
    days: dict[int, set[dt.date]] = {}
    for e, o in points:
        assert isinstance(o, int)
        days.setdefault(o, set()).add(e.date or dt.date.min)
    for ordinal, claimed in sorted(days.items()):
        if len(claimed) > 1:
            shown = ", ".join(str(d) for d in sorted(claimed))
            message = f"ordinal {ordinal} is claimed by {shown}"
            findings.append(Finding("timeline_ordinal", Status.MISMATCH, message, {"ordinal": ordinal}, str(ordinal)))
    return findings
