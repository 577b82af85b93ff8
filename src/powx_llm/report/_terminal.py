"""Show results to people (rich tables) and to programs (JSON-ready dicts)."""

from __future__ import annotations

import statistics
from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table

from powx_llm._usage import Usage
from powx_llm.check import Finding, Report, Status
from powx_llm.model import GROUPS

if TYPE_CHECKING:
    from powx_llm.corpus import EvalRun
    from powx_llm.extract import Extraction

__all__ = ["eval_markdown", "extraction_table", "findings_table", "print_eval", "print_report"]

_STYLE = {
    Status.OK: "green",
    Status.MISMATCH: "bold red",
    Status.PARTIAL: "yellow",
    Status.NOT_APPLICABLE: "dim",
    Status.UNGROUNDED: "magenta",
}


def findings_table(findings: tuple[Finding, ...], *, title: str | None = None) -> Table:
    """Return a table with one row per finding: check, subject, status, the human line."""
    table = Table(title=title, show_lines=False)
    table.add_column("check")
    table.add_column("subject")
    table.add_column("status")
    table.add_column("detail", overflow="fold")
    for f in findings:
        table.add_row(f.name, f.subject, f"[{_STYLE[f.status]}]{f.status.value}[/]", f.message)
    return table


def print_report(report: Report, *, console: Console, title: str | None = None) -> None:
    """Print the findings of *report* and a one-line summary."""
    console.print(findings_table(report.findings, title=title))
    counts = {s: len(report.by_status(s)) for s in Status}
    summary = ", ".join(f"{n} {s.value}" for s, n in counts.items() if n)
    console.print(f"checks: {summary or 'nothing to check'}")


def extraction_table(result: Extraction, *, title: str | None = None) -> Table:
    """Return a table of every fact with the words that state it."""
    evidence = result.evidence
    table = Table(title=title)
    table.add_column("fact")
    table.add_column("value")
    table.add_column("evidence", overflow="fold")
    for key, value in result.facts.items():
        ev = evidence.get(key)
        shown = ", ".join(value) if isinstance(value, list) else str(value)
        where = f"“{ev.quote}” [{ev.start}:{ev.end}]" if ev is not None else ""
        table.add_row(key, shown, where)
    u = result.usage
    table.caption = (
        f"{result.backend} · {result.model} · strategy {result.strategy.value} · "
        f"{u.calls} LLM call(s), {u.prompt_tokens}+{u.completion_tokens} tokens · "
        f"{result.seconds:.1f} s"
    )
    for line in result.dropped:
        table.caption += f"\ndropped: {line}"
    return table


def _group_rows(run: EvalRun) -> list[tuple[str, str, str, str, str]]:
    groups = run.groups()
    rows = []
    for name in (*GROUPS, *sorted(set(groups) - set(GROUPS))):
        prf = groups.get(name)
        if prf is None:
            continue
        rows.append(
            (
                name,
                f"{prf.right}/{prf.predicted}/{prf.gold}",
                f"{prf.precision:.3f}",
                f"{prf.recall:.3f}",
                f"{prf.f1:.3f}",
            )
        )
    return rows


def _language_table(run: EvalRun) -> Table:
    table = Table(title="by language")
    for col in ("language", "articles", "gold keys", "right/pred/gold", "P", "R", "F1"):
        table.add_column(col)
    for row in run.by_language():
        p = row.prf
        table.add_row(
            row.language,
            str(row.articles),
            str(p.gold),
            f"{p.right}/{p.predicted}/{p.gold}",
            f"{p.precision:.3f}",
            f"{p.recall:.3f}",
            f"{p.f1:.3f}",
        )
    return table


def print_eval(run: EvalRun, *, console: Console, by_language: bool = False) -> None:
    """Print per-article results, per-group P/R/F1, cost, and the total as the last line."""
    table = Table(title=f"strategy {run.strategy}")
    for col in ("article", "right/pred/gold", "calls", "tokens (cached)", "s", "differences"):
        table.add_column(col, overflow="fold")
    for r in run.results:
        e = r.extraction
        calls = str(e.llm_calls) if e else "-"
        tokens = _tokens(e.usage) if e else "-"
        diffs = r.error or "; ".join(r.score.differences)
        table.add_row(
            r.article.id,
            f"{r.score.right}/{r.score.predicted}/{r.score.gold}",
            calls,
            tokens,
            f"{r.seconds:.1f}",
            diffs,
        )
    console.print(table)
    groups = Table(title="by key group")
    for col in ("group", "right/pred/gold", "P", "R", "F1"):
        groups.add_column(col)
    for row in _group_rows(run):
        groups.add_row(*row)
    console.print(groups)
    if by_language:
        console.print(_language_table(run))
    console.print(_cost_line(run))
    console.print(f"facts {run.total.line()}", highlight=False)


def _tokens(u: Usage) -> str:
    """Return "prompt (cached) + completion" tokens."""
    return f"{u.prompt_tokens} ({u.cached_tokens}) + {u.completion_tokens}"


def _cost_line(run: EvalRun) -> str:
    done = [r.extraction for r in run.results if r.extraction is not None]
    if not done:
        return "no article was extracted"

    def median(values: list[int] | list[float]) -> float:
        return statistics.median(values)

    failed = len(run.results) - len(done)
    return (
        f"{len(run.results)} articles ({failed} failed) · median {median([e.llm_calls for e in done]):.0f} LLM "
        f"calls, {median([e.usage.prompt_tokens for e in done]):.0f} prompt tokens "
        f"({median([e.usage.cached_tokens for e in done]):.0f} cached) + "
        f"{median([e.usage.completion_tokens for e in done]):.0f} completion tokens, "
        f"{median([r.seconds for r in run.results]):.1f} s per article · ungrounded numbers: {run.ungrounded}"
    )


def eval_markdown(run: EvalRun) -> str:
    """Return the evaluation report as Markdown."""
    lines = [
        f"# powx eval — strategy `{run.strategy}`",
        "",
        "| article | right/pred/gold | calls | tokens: prompt (cached) + completion | s |",
        "|---|---|---|---|---|",
    ]
    for r in run.results:
        e = r.extraction
        lines.append(
            f"| {r.article.id} | {r.score.right}/{r.score.predicted}/{r.score.gold} | "
            f"{e.llm_calls if e else '-'} | {_tokens(e.usage) if e else '-'} | {r.seconds:.1f} |"
        )
    lines += ["", "| group | right/pred/gold | P | R | F1 |", "|---|---|---|---|---|"]
    lines += [f"| {' | '.join(row)} |" for row in _group_rows(run)]
    lines += ["", "| language | articles | gold keys | right/pred/gold | P | R | F1 |", "|---|---|---|---|---|---|---|"]
    lines += [
        f"| {row.language} | {row.articles} | {row.prf.gold} | {row.prf.right}/{row.prf.predicted}/"
        f"{row.prf.gold} | {row.prf.precision:.3f} | {row.prf.recall:.3f} | {row.prf.f1:.3f} |"
        for row in run.by_language()
    ]
    lines += ["", _cost_line(run), "", f"facts {run.total.line()}", ""]
    return "\n".join(lines)


# ---- HTML: one self-contained page, every figure shown in the words that state it --------------------
