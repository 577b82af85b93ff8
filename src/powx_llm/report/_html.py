"""The HTML report: an article with every figure marked in its words, its facts, checks and what was left out.

Safe by construction: every text node and attribute is escaped, there is no JavaScript, and a
Content-Security-Policy forbids scripts and every external load (the one style block is allowed by its
hash). Works offline. An export step: the pipeline never imports it.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from powx_llm.check import Finding, Report, Status
from powx_llm.corpus import BatchRow, Event, EventFact, RowStatus
from powx_llm.extract import Extraction
from powx_llm.model import group_of

__all__ = [
    "COLOURS",
    "Segment",
    "article_fragment",
    "article_page",
    "error_page",
    "index_page",
    "segments",
    "timeline_page",
]

# Failed checks first: what a reader must see before anything else.
COLOURS = {  # one per facts group; the legend names them, so colour is never the only cue
    "people/bodies": "#fde68a",
    "sex": "#fbcfe8",
    "rank": "#bfdbfe",
    "civilians": "#bbf7d0",
    "units": "#ddd6fe",
    "cohorts": "#fed7aa",
    "wounded": "#fecaca",
    "cumulative": "#e5e7eb",
    "date/kind/ordinal": "#a5f3fc",
}
_OTHER = "#e5e7eb"

_CSS = (
    ".powx{font:15px/1.55 system-ui,sans-serif;color:#1f2937;max-width:62rem}"
    ".powx .text{white-space:pre-wrap;background:#fafafa;border:1px solid #e5e7eb;padding:1rem;border-radius:6px}"
    ".powx mark{border-radius:3px;padding:0 1px;color:inherit}"
    ".powx .ctl{color:#b91c1c;font-size:.75em;font-family:monospace}"
    ".powx .ref{font-size:.7em;vertical-align:super;text-decoration:none;color:#374151}"
    ".powx table{border-collapse:collapse;margin:.5rem 0}"
    ".powx td,.powx th{border:1px solid #e5e7eb;padding:.2rem .5rem;text-align:left;vertical-align:top}"
    ".powx .st-ok{color:#15803d}.powx .st-mismatch,.powx .st-error{color:#b91c1c;font-weight:bold}"
    ".powx .st-partial{color:#a16207}.powx .st-ungrounded{color:#a21caf}.powx .st-not_applicable{color:#6b7280}"
    ".powx .swatch{display:inline-block;width:1em;height:1em;border-radius:3px;vertical-align:middle;margin:0 .3em}"
    + "".join(f".powx .g-{i}{{background:{colour}}}" for i, colour in enumerate([*COLOURS.values(), _OTHER], start=1))
)
_CSP_HASH = base64.b64encode(hashlib.sha256(_CSS.encode()).digest()).decode()
_CSP = f"default-src 'none'; style-src 'sha256-{_CSP_HASH}'; img-src 'none'; base-uri 'none'; form-action 'none'"


def _group_class(key: str) -> str:
    names = list(COLOURS)
    group = group_of(key)
    return f"g-{names.index(group) + 1}" if group in names else f"g-{len(names) + 1}"


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of the article: plain, or covered by evidence spans (with the facts keys they back)."""

    start: int
    end: int
    keys: tuple[str, ...] = ()
    spans: tuple[int, ...] = ()  # the numbers of the evidence spans covering it


def segments(text: str, result: Extraction) -> tuple[list[Segment], list[tuple[int, int, list[str]]]]:
    """Cut *text* at every span boundary; return the segments and the distinct spans (start, end, keys).

    One span can back several facts ("107 from each side"); overlapping or touching spans are cut into
    segments, each marked once with the keys of every span covering it, so no tag is ever nested.
    """
    by_span: dict[tuple[int, int], list[str]] = {}
    for key, ev in sorted(result.evidence.items(), key=lambda kv: (kv[1].start, kv[1].end, kv[0])):
        if 0 <= ev.start < ev.end <= len(text):
            by_span.setdefault((ev.start, ev.end), []).append(key)
    spans = [(s, e, keys) for (s, e), keys in by_span.items()]
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out = []
    for a, b in itertools.pairwise(cuts):
        covering = [i for i, (s, e, _) in enumerate(spans) if s <= a and b <= e]
        keys = tuple(dict.fromkeys(k for i in covering for k in spans[i][2]))
        out.append(Segment(a, b, keys, tuple(covering)))
    return out, spans


# Characters that change how text is shown without being seen: bidirectional overrides and isolates (an
# article could make "57" display as "75"), zero-width spaces and joiners, a byte-order mark. The report shows
# each as a visible marker, so what the reader sees is what the text holds.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def _shown(text: str) -> str:
    """Return *text* escaped for HTML, every invisible formatting character shown as a marker."""

    def marker(m: re.Match[str]) -> str:
        code = f"U+{ord(m.group()):04X}"
        return f'<span class="ctl" title="an invisible character, {code}, is here">⟨{code}⟩</span>'

    return _INVISIBLE.sub(marker, escape(text))


def _text_html(text: str, result: Extraction) -> str:
    segs, spans = segments(text, result)
    first_of = {i: min(j for j, seg in enumerate(segs) if i in seg.spans) for i in range(len(spans))}
    out = []
    for j, seg in enumerate(segs):
        piece = _shown(text[seg.start : seg.end])
        if not seg.keys:
            out.append(piece)
            continue
        ids = " ".join(f"s{i}" for i in seg.spans)
        anchor = "".join(f' id="span-{i}"' for i in seg.spans[:1] if first_of[i] == j)
        out.append(
            f'<mark{anchor} class="{_group_class(seg.keys[0])}" data-spans="{ids}" '
            f'data-keys="{escape(" ".join(seg.keys))}" title="{escape(", ".join(seg.keys))}">{piece}</mark>'
            f'<a class="ref" href="#fact-{escape(seg.keys[0])}">{escape(", ".join(seg.keys))}</a>'
        )
    return "".join(out)


def _facts_table(result: Extraction) -> str:
    evidence = result.evidence
    _, spans = segments(result.text, result)
    span_of = {key: i for i, (_, _, keys) in enumerate(spans) for key in keys}
    rows = []
    for key, value in result.facts.items():
        shown = ", ".join(value) if isinstance(value, list) else str(value)
        ev = evidence.get(key)
        where = (
            f'<a href="#span-{span_of.get(key, -1)}">“{_shown(ev.quote)}”</a> [{ev.start}:{ev.end}]'
            if ev is not None
            else ""
        )
        rows.append(
            f'<tr id="fact-{escape(key)}"><td><span class="swatch {_group_class(key)}"></span>{escape(key)}</td>'
            f"<td>{escape(shown)}</td><td>{where}</td></tr>"
        )
    return "<table><tr><th>fact</th><th>value</th><th>the words stating it</th></tr>" + "".join(rows) + "</table>"


def _checks_list(report: Report) -> str:
    shown = sorted(
        (f for f in report.findings if not (f.name == "grounding" and f.status is Status.OK)),
        key=lambda f: f.status.severity,
    )
    return (
        '<ol class="checks">'
        + "".join(
            f'<li class="check"><span class="st-{f.status.value}">{f.status.value}</span> '
            f"{escape(f.name)}{_subject(f)}: {escape(f.message)}</li>"
            for f in shown
        )
        + "</ol>"
    )


def _subject(f: Finding) -> str:
    return f" ({escape(f.subject)})" if f.subject else ""


def _legend() -> str:
    return (
        '<p class="legend">'
        + " ".join(f'<span class="swatch {_group_class_of_group(g)}"></span>{escape(g)}' for g in COLOURS)
        + "</p>"
    )


def _group_class_of_group(group: str) -> str:
    return f"g-{list(COLOURS).index(group) + 1}"


def article_fragment(result: Extraction, *, title: str = "") -> str:
    """Return the report of one extraction as an HTML fragment with scoped styles (for notebooks).

    Where a viewer strips ``<style>`` (GitHub), the marks, tables and lists still read.
    """
    u = result.usage
    dropped = "".join(f"<li>{escape(line)}</li>" for line in result.dropped)
    heading = f"<h2>{escape(title)}</h2>" if title else ""
    return (
        f'<div class="powx"><style>{_CSS}</style>{heading}'
        f'<p>status: <strong class="st-{result.status}">{escape(result.status)}</strong> · '
        f"kind {escape(result.exchange.kind.value)} · language {escape(result.language or '?')} · "
        f"{escape(result.model)} · {u.calls} LLM call(s), {u.total_tokens:,} tokens · {result.seconds:.1f} s</p>"
        f"<h3>checks</h3>{_checks_list(result.report)}"
        f"<h3>the article</h3>{_legend()}"
        f'<div class="text" dir="auto" lang="{escape(result.language or "und")}">'
        f"{_text_html(result.text, result)}</div>"
        f"<h3>facts</h3>{_facts_table(result)}"
        + (f'<h3>left out</h3><ul class="dropped">{dropped}</ul>' if dropped else "")
        + (
            f'<p class="ungrounded">{result.ungrounded} number(s) the text does not state (see the checks)</p>'
            if result.ungrounded
            else ""
        )
        + "</div>"
    )


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title></head><body>{body}</body></html>\n"
    )


def article_page(result: Extraction, *, title: str = "powx_llm report") -> str:
    """Return a complete, self-contained HTML page reporting one extraction."""
    return _page(title, article_fragment(result, title=title))


def error_page(title: str, error: str) -> str:
    """Return a page saying that an article could not be extracted, and why."""
    return _page(
        title,
        f'<div class="powx"><style>{_CSS}</style><h2>{escape(title)}</h2>'
        f'<p><strong class="st-error">error</strong>: {escape(error)}</p></div>',
    )


def index_page(rows: Sequence[BatchRow], links: dict[str, str], *, title: str = "powx batch") -> str:
    """Return the index of a batch: one line per article (status, totals, failed checks, link)."""
    lines = []
    for row in rows:
        ex = row.extraction
        totals = ""
        failed = ""
        if ex is not None:
            totals = "; ".join(
                f"{t.to or '?'}: "
                + ", ".join(f"{n} {c.value}" for n, c in (("people", t.people), ("bodies", t.bodies)) if c)
                for t in ex.exchange.transfers
            )
            failed = "<br>".join(escape(f.message) for f in ex.report.findings if f.status in (Status.MISMATCH,))
        status = row.status.value
        detail = escape(row.error or "") if row.status in (RowStatus.ERROR, RowStatus.NOT_DONE) else failed
        link = links.get(row.id)
        name = f'<a href="{escape(link)}">{escape(row.id)}</a>' if link else escape(row.id)
        lines.append(
            f'<tr><td>{name}</td><td class="st-{status}">{status}</td><td>{escape(totals)}</td><td>{detail}</td></tr>'
        )
    body = (
        f'<div class="powx"><style>{_CSS}</style><h1>{escape(title)}</h1>'
        f"<p>{len(rows)} articles</p><table><tr><th>article</th><th>status</th><th>received</th>"
        f"<th>failed checks, or the error</th></tr>{''.join(lines)}</table></div>"
    )
    return _page(title, body)


def _value(value: object) -> str:
    return escape(", ".join(map(str, value)) if isinstance(value, list | tuple) else str(value))


def _event_fact(fact: EventFact) -> str:
    said = "; ".join(
        f"{escape(s.article_id)}: {_value(s.value)}"
        + (f" ({escape(s.qualifier)})" if s.qualifier != "exact" else "")
        + (f" “{escape(s.quote)}”" if s.quote else "")
        for s in fact.sources
    )
    if fact.conflict is not None:
        flag = f'<span class="st-mismatch">{escape(fact.conflict.value)}</span>'
    elif fact.tie:
        flag = '<span class="st-partial">no consensus</span>'
    else:
        flag = '<span class="st-ok">agree</span>'
    consensus = "—" if fact.consensus is None else _value(fact.consensus)
    return f"<tr><td>{escape(fact.key)}</td><td>{consensus}</td><td>{flag}</td><td>{said}</td></tr>"


def _event_section(event: Event, *, depth: int = 2) -> str:
    conflicts = event.conflicts
    facts = [f for f in event.facts if len(f.sources) > 1 or f.conflict is not None]
    stages = "".join(_event_section(s, depth=depth + 1) for s in event.stages)
    return (
        f'<section id="{escape(event.id)}"><h{depth}>{escape(str(event.date or "undated"))}: '
        f"{escape(event.kind.value)} to {escape(', '.join(event.recipients))}</h{depth}>"
        f"<p>{len(event.articles)} source(s): {escape(', '.join(event.articles))}; "
        f"{len(conflicts)} conflict(s){' (' + str(len(event.stages)) + ' stages)' if event.stages else ''}</p>"
        f'<ul class="reasons">{"".join(f"<li>{escape(r)}</li>" for r in event.reasons)}</ul>'
        + (
            "<table><tr><th>fact</th><th>consensus</th><th>sources</th><th>each source</th></tr>"
            + "".join(_event_fact(f) for f in sorted(facts, key=lambda f: (f.conflict is None and not f.tie, f.key)))
            + "</table>"
            if facts
            else ""
        )
        + stages
        + "</section>"
    )


def timeline_page(events: Sequence[Event], timeline: Sequence[Finding], *, title: str = "powx reconcile") -> str:
    """Return a self-contained page: the timeline checks (failed first), then each event, its sources and conflicts."""
    checks = sorted(timeline, key=lambda f: f.status.severity)
    body = (
        f'<div class="powx"><style>{_CSS}</style><h1>{escape(title)}</h1>'
        f"<p>{len(events)} events from {sum(len(e.articles) for e in events)} reports</p>"
        "<h2>timeline checks</h2>"
        + (
            '<ol class="checks">'
            + "".join(
                f'<li class="check"><span class="st-{f.status.value}">{f.status.value}</span> '
                f"{escape(f.name)}{_subject(f)}: {escape(f.message)}</li>"
                for f in checks
            )
            + "</ol>"
            if checks
            else "<p>no running totals or ordinals to check</p>"
        )
        + "<h2>events</h2>"
        + "".join(_event_section(e) for e in events)
        + "</div>"
    )
    return _page(title, body)
