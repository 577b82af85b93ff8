"""Deterministic checks (no LLM): do the stated parts add up, and does the text state each number?

Each check is a pure function ``(exchange, context) -> tuple[Finding, ...]``; ``check()`` runs
``DEFAULT_CHECKS`` in order. Qualified counts become intervals, so "at least 55" never yields a
false ``mismatch``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from powx_llm import lexicon
from powx_llm.check._grounding import GroundingStatus, ground
from powx_llm.model import Count, Exchange, Fraction, Kind, Transfer, iter_counts, name_key
from powx_llm.read import article_date, identify

__all__ = [
    "DEFAULT_CHECKS",
    "CheckContext",
    "Finding",
    "Report",
    "Status",
    "bounds",
    "check",
    "cumulative",
    "date",
    "grounding",
    "language",
    "rank_sum",
    "sex_sum",
    "unit_nesting",
    "unit_sum",
]


class Status(StrEnum):
    """A check's verdict, declared worst first (the HTML report and the summary lines show them in this order)."""

    MISMATCH = "mismatch"
    UNGROUNDED = "ungrounded"
    PARTIAL = "partial"
    OK = "ok"
    NOT_APPLICABLE = "not_applicable"

    @property
    def severity(self) -> int:
        """Return how bad the verdict is: 0 is the worst (sort by it to show failed checks first)."""
        return _SEVERITY[self]

    @property
    def failed(self) -> bool:
        """Return whether the verdict is a failure a reader must see (mismatch, ungrounded, partial)."""
        return self.severity < _SEVERITY[Status.OK]


_SEVERITY = {status: rank for rank, status in enumerate(Status)}


@dataclass(frozen=True, slots=True)
class Finding:
    """One check's verdict on one transfer (or number): status, the numbers used, one human line."""

    name: str
    status: Status
    message: str
    numbers: dict[str, int | str] = field(default_factory=dict)
    subject: str = ""


@dataclass(frozen=True, slots=True)
class CheckContext:
    """What the checks may look at besides the exchange: the article text and its date."""

    text: str | None = None
    article_date: dt.date | None = None
    language: str | None = None  # the text's language (ISO 639-1), which says how its number words read


@dataclass(frozen=True, slots=True)
class Report:
    """All findings of one run of the checks."""

    findings: tuple[Finding, ...]

    @property
    def has_mismatch(self) -> bool:
        """Return whether any check found the article's numbers contradicting each other."""
        return any(f.status is Status.MISMATCH for f in self.findings)

    @property
    def status(self) -> str:
        """Return ``"mismatch"`` when the article's figures contradict each other, else ``"ok"``."""
        return "mismatch" if self.has_mismatch else "ok"

    def by_status(self, status: Status) -> tuple[Finding, ...]:
        """Return the findings with *status*."""
        return tuple(f for f in self.findings if f.status is status)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Report:
        """Return the report that ``to_dict`` gave *data* (a journal, a saved JSON line)."""
        return cls(
            findings=tuple(
                Finding(
                    name=f["name"],
                    status=Status(f["status"]),
                    message=f["message"],
                    numbers=dict(f.get("numbers") or {}),
                    subject=f.get("subject", ""),
                )
                for f in data.get("findings", ())
            )
        )

    def to_dict(self) -> dict[str, Any]:
        """Return the report as JSON-ready data (see docs/checks.md)."""
        return {
            "has_mismatch": self.has_mismatch,
            "findings": [
                {
                    "name": f.name,
                    "status": f.status.value,
                    "subject": f.subject,
                    "message": f.message,
                    "numbers": dict(f.numbers),
                }
                for f in self.findings
            ],
        }


Check = Callable[[Exchange, CheckContext], tuple[Finding, ...]]


# ---- interval arithmetic over qualified counts ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Range:
    lo: float
    hi: float

    @property
    def exact(self) -> bool:
        return self.lo == self.hi

    def __add__(self, other: _Range) -> _Range:
        return _Range(self.lo + other.lo, self.hi + other.hi)


def _range(c: Count) -> _Range:
    return _Range(*c.bounds())


def _show(label: str, c: Count) -> str:
    sign = {"exact": "", "at_least": "≥", "more_than": ">", "at_most": "≤", "approximately": "~"}
    return f"{label} {sign[c.qualifier.value]}{c.value}"


def _sum(parts: list[tuple[str, Count]]) -> _Range:
    total = _Range(0, 0)
    for _, c in parts:
        total = total + _range(c)
    return total


def _subject(t: Transfer) -> str:
    return f"to {name_key(t.to or 'unspecified')}"


def _compare_parts(name: str, t: Transfer, parts: list[tuple[str, Count]], *, must_cover: bool) -> Finding:
    """Compare the sum of *parts* with the transfer's people: equal ok, above mismatch, below partial."""
    subject = _subject(t)
    numbers: dict[str, int | str] = {label: c.value for label, c in parts}
    lhs = " + ".join(_show(label, c) for label, c in parts)
    if t.people is None:
        return Finding(name, Status.NOT_APPLICABLE, f"{lhs}; people not stated", numbers, subject)
    numbers["people"] = t.people.value
    s, whole = _sum(parts), _range(t.people)
    total = f"{int(s.lo)}" if s.exact else f"{int(s.lo)}.."
    rhs = _show("people", t.people)
    if s.lo > whole.hi:
        return Finding(name, Status.MISMATCH, f"{lhs} = {total} > {rhs}", numbers, subject)
    if s.hi < whole.lo:
        status = Status.MISMATCH if must_cover else Status.PARTIAL
        return Finding(name, status, f"{lhs} = {total} < {rhs}", numbers, subject)
    if s.exact and whole.exact:
        return Finding(name, Status.OK, f"{lhs} = {total} = {rhs}", numbers, subject)
    status = Status.OK if must_cover else Status.PARTIAL
    return Finding(name, status, f"{lhs} = {total}, consistent with {rhs}", numbers, subject)


# ---- the checks ----------------------------------------------------------------------------------


def sex_sum(exchange: Exchange, ctx: CheckContext) -> tuple[Finding, ...]:
    """Check men + women = people (one stated: it is at most people)."""
    out: list[Finding] = []
    for t in exchange.transfers:
        parts: list[tuple[str, Count]] = [(k, t.sex[k]) for k in ("men", "women") if k in t.sex]
        if not parts:
            continue
        out.append(_compare_parts("sex_sum", t, parts, must_cover=len(parts) == 2))
    return tuple(out)


def rank_sum(exchange: Exchange, ctx: CheckContext) -> tuple[Finding, ...]:
    """Check officers + enlisted (+ privates + sergeants) + civilians = people; civilians hold no rank."""
    out: list[Finding] = []
    for t in exchange.transfers:
        parts: list[tuple[str, Count]] = [
            (k, t.rank[k]) for k in ("officers", "enlisted", "privates", "sergeants") if k in t.rank
        ]
        if not parts:
            continue
        if t.civilians is not None:
            parts.append(("civilians", t.civilians))
        out.append(_compare_parts("rank_sum", t, parts, must_cover=False))
    return tuple(out)


def unit_sum(exchange: Exchange, ctx: CheckContext) -> tuple[Finding, ...]:
    """Check top-level unit counts + civilians = people (less is partial, more is mismatch)."""
    out: list[Finding] = []
    for t in exchange.transfers:
        parts = [
            (_unit_label(u.unit.value, u.label), u.count) for u in t.units if u.within is None and u.count is not None
        ]
        if not parts:
            continue
        if t.civilians is not None:
            parts.append(("civilians", t.civilians))
        out.append(_compare_parts("unit_sum", t, parts, must_cover=False))
    return tuple(out)


def _unit_label(unit: str, label: str | None) -> str:
    return f"other({label})" if unit == "other" and label else unit


def unit_nesting(exchange: Exchange, ctx: CheckContext) -> tuple[Finding, ...]:
    """Check the counts within a unit add up to at most that unit's count."""
    out: list[Finding] = []
    for t in exchange.transfers:
        parents = {u.unit: u.count for u in t.units if u.count is not None}
        for parent in sorted({u.within for u in t.units if u.within is not None}):
            kids: list[tuple[str, Count]] = [
                (u.unit.value, u.count) for u in t.units if u.within is parent and u.count is not None
            ]
            whole = parents.get(parent)
            if not kids or whole is None:
                continue
            numbers: dict[str, int | str] = {k: c.value for k, c in kids}
            numbers[parent.value] = whole.value
            s = _sum(kids)
            lhs = " + ".join(_show(k, c) for k, c in kids)
            if s.lo > _range(whole).hi:
                status, line = Status.MISMATCH, f"{lhs} = {int(s.lo)} > {_show(parent.value, whole)}"
            else:
                status, line = Status.OK, f"{lhs} = {int(s.lo)} ≤ {_show(parent.value, whole)}"
            out.append(Finding("unit_nesting", status, line, numbers, _subject(t)))
    return tuple(out)


def _parts_of(t: Transfer) -> Iterator[tuple[str, Count]]:
    yield from t.sex.items()
    yield from t.rank.items()
    if t.civilians is not None:
        yield "civilians", t.civilians
    for u in t.units:
        if u.count is not None:
            yield f"unit {_unit_label(u.unit.value, u.label)}", u.count
    for co in t.cohorts:
        if co.count is not None:
            yield f"cohort {co.label}", co.count
    if isinstance(t.wounded_or_ill, Count):
        yield "wounded_or_ill", t.wounded_or_ill


def bounds(exchange: Exchange, ctx: CheckContext) -> tuple[Finding, ...]:
    """Check every part (and each cohort, and the wounded) is at most the transfer's people or bodies."""
    out: list[Finding] = []
    for t in exchange.transfers:
        whole_label, whole = ("people", t.people) if t.people is not None else ("bodies", t.bodies)
        if whole is None:
            continue
        if exchange.kind is Kind.BODY_REPATRIATION and t.bodies is not None:
            whole_label, whole = "bodies", t.bodies
        for label, c in _parts_of(t):
            numbers: dict[str, int | str] = {label: c.value, whole_label: whole.value}
            if _range(c).lo > _range(whole).hi:
                line = f"{_show(label, c)} > {_show(whole_label, whole)}"
                out.append(Finding("bounds", Status.MISMATCH, line, numbers, _subject(t)))
            else:
                line = f"{_show(label, c)} ≤ {_show(whole_label, whole)}"
                out.append(Finding("bounds", Status.OK, line, numbers, _subject(t)))
        if isinstance(t.wounded_or_ill, Fraction) and t.wounded_or_ill.is_numeric:
            w = t.wounded_or_ill
            nums: dict[str, int | str] = {"wounded_or_ill": w.fraction, whole_label: whole.value}
            num, den = (int(x) for x in w.fraction.split("/"))
            if den == 0 or num > den:
                why = "divides by zero" if den == 0 else "is more than all of them"
                line = f"wounded_or_ill {w.fraction} of {whole_label} {whole.value} {why}"
                out.append(Finding("bounds", Status.MISMATCH, line, nums, _subject(t)))
                continue
            low = w.lower_bound(whole.value)
            line = f"wounded_or_ill {w.fraction} of {whole_label} {whole.value} ≥ {low} ≤ {whole.value}"
            out.append(Finding("bounds", Status.OK, line, nums, _subject(t)))
    return tuple(out)


def cumulative(exchange: Exchange, ctx: CheckContext) -> tuple[Finding, ...]:
    """Check cumulative totals are at least this exchange's, and cumulative exchanges = ordinal."""
    cum = exchange.cumulative
    if cum is None:
        return ()
    out: list[Finding] = []
    subject = f"cumulative {name_key(cum.to or 'all')}"
    matching = [t for t in exchange.transfers if cum.to is None or t.to == cum.to]
    for field_name in ("people", "bodies"):
        total = getattr(cum, field_name)
        this = [getattr(t, field_name) for t in matching if getattr(t, field_name) is not None]
        if total is None or not this:
            continue
        s = _sum([(field_name, c) for c in this])
        numbers: dict[str, int | str] = {f"cumulative_{field_name}": total.value, field_name: int(s.lo)}
        line = f"{_show('cumulative ' + field_name, total)} vs this exchange's {field_name} {int(s.lo)}"
        status = Status.MISMATCH if s.lo > _range(total).hi else Status.OK
        out.append(Finding("cumulative", status, line, numbers, subject))
    if cum.exchanges is not None and exchange.ordinal is not None:
        numbers = {"cumulative_exchanges": cum.exchanges, "ordinal": exchange.ordinal}
        same = cum.exchanges == exchange.ordinal
        line = f"cumulative exchanges {cum.exchanges} {'=' if same else '≠'} ordinal {exchange.ordinal}"
        out.append(Finding("cumulative", Status.OK if same else Status.MISMATCH, line, numbers, subject))
    return tuple(out)


def date(exchange: Exchange, ctx: CheckContext) -> tuple[Finding, ...]:
    """Check the exchange date is not after the article's date."""
    d, a = exchange.exchange_date, ctx.article_date
    if d is None or a is None:
        return ()
    numbers: dict[str, int | str] = {"exchange_date": d.isoformat(), "article_date": a.isoformat()}
    if d > a:
        return (
            Finding("date", Status.MISMATCH, f"exchange date {d} is after the article's date {a}", numbers, "exchange"),
        )
    return (Finding("date", Status.OK, f"exchange date {d} ≤ article date {a}", numbers, "exchange"),)


def grounding(exchange: Exchange, ctx: CheckContext) -> tuple[Finding, ...]:
    """Check the text states each number: its evidence quote if it has one, else anywhere."""
    if ctx.text is None:
        return ()
    out: list[Finding] = []
    for path, value in iter_counts(exchange):
        g = ground(ctx.text, value, languages=lexicon.for_language(ctx.language))
        shown: int | str = value.fraction if isinstance(value, Fraction) else value.value
        status = {
            GroundingStatus.GROUNDED: Status.OK,
            GroundingStatus.UNGROUNDED: Status.UNGROUNDED,
            GroundingStatus.DERIVED: Status.NOT_APPLICABLE,
        }[g.status]
        out.append(Finding("grounding", status, f"{path} {shown}: {g.reason}", {path: shown}, path))
    return tuple(out)


def language(exchange: Exchange, ctx: CheckContext) -> tuple[Finding, ...]:
    """Say when the text is in a language whose words we do not read: its breakdowns are not found."""
    if ctx.language is None or ctx.language in lexicon.LANGUAGES:
        return ()
    line = f"language {ctx.language} not covered: only the model's numbers are used"
    return (Finding("language", Status.PARTIAL, line, {"language": ctx.language}, "exchange"),)


DEFAULT_CHECKS: tuple[Check, ...] = (
    sex_sum,
    rank_sum,
    unit_sum,
    unit_nesting,
    bounds,
    cumulative,
    grounding,
    date,
    language,
)


def check(
    exchange: Exchange,
    *,
    text: str | None = None,
    published: dt.date | str | None = None,
    language: str | None = None,
    checks: tuple[Check, ...] = DEFAULT_CHECKS,
) -> Report:
    """Run *checks* on *exchange*; with *text*, also verify every number is stated by it (its number words
    read in *language*, identified from the text when not given)."""
    if text is not None and language is None:
        language = identify(text)
    ctx = CheckContext(text=text, article_date=article_date(text or "", published=published), language=language)
    return Report(tuple(f for c in checks for f in c(exchange, ctx)))
