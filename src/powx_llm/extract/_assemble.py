"""Build the Exchange from the model's answer: read it (``read_answer``), apply the answer rules in order,
then date it from the words.

Every number in the result comes from a mention found in the text, so it is grounded by construction; a
number the model gives that the text does not state is reported, never kept.
"""

from __future__ import annotations

from powx_llm.extract._answer import Rule, read_answer
from powx_llm.extract._rules import ANSWER_RULES
from powx_llm.extract._schema import Sides
from powx_llm.model import Exchange, Kind
from powx_llm.read import Analysis, MentionKind, Role, exchange_date, month_named

__all__ = ["assemble"]


def assemble(a: Analysis, answer: Sides, *, rules: tuple[Rule, ...] = ANSWER_RULES) -> tuple[Exchange, tuple[str, ...]]:
    """Return the Exchange built from the model's *answer* and the words of *a* by *rules*, and what was
    dropped or changed, and why."""
    drafts = read_answer(a, answer)
    for rule in rules:
        drafts = rule(a, drafts)
    happened = drafts.kind is not Kind.NONE
    ordinal = next((c for c in a.cues if c.role is Role.ORDINAL), None)
    days = _handover_days(a) if happened else ()
    exchange = Exchange(
        exchange_date=exchange_date(
            a.article.text,
            article_date=a.article.date,
            languages=a.languages,
            days=tuple((start, day) for start, day, _ in days),
            dated=tuple((start, day, month) for start, day, month in days if month is not None),
        )
        if happened
        else None,
        kind=drafts.kind,
        ordinal=ordinal.mention.value if ordinal else None,
        mediators=drafts.mediators if happened else (),
        transfers=tuple(d.transfer() for d in drafts.sides),
        cumulative=drafts.cumulative,
    )
    return exchange, drafts.dropped


def _handover_days(a: Analysis) -> tuple[tuple[int, int, int | None], ...]:
    """Return where, which day of the month and, when the words name it, which month the article states for a
    handover ("5 лютого", "June 25"): a date in a sentence that reports people or bodies handed over, neither
    planned nor about other people."""
    text = a.article.text
    out: list[tuple[int, int, int | None]] = []
    for m in a.mentions:
        if m.kind is not MentionKind.DATE or not m.value or not 1 <= m.value <= 31:
            continue
        sentence = text[slice(*a.sentence_span(m.start))]
        if not (a.words("handover").search(sentence) or a.words("return").search(sentence)):
            continue
        if a.words("aside").search(sentence) or a.words("future").search(sentence):
            continue
        month = month_named(text[m.end : m.end + 20]) or month_named(
            " ".join(text[max(0, m.start - 20) : m.start].split()[-1:])
        )
        out.append((m.start, m.value, month))
    return tuple(out)
