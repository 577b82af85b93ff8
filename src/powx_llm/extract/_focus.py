"""What of a long article the model reads: the headline and lead, the sentences that state counts or credit a
mediator, and their neighbours, in the article's order, up to a budget of characters.

A small model on two cores reads about 50 tokens a second, so every sentence sent costs time; a long report's
numbers and parties sit in a few sentences. Only the model's view is cut: the word cues, the candidates, the
answer rules, the checks and the evidence work on the whole article, so every quote keeps its offsets in it.
Written by hand: no library chooses the sentences that carry a report's figures.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from powx_llm.read import MentionKind

if TYPE_CHECKING:
    from powx_llm.read import Analysis

__all__ = ["FOCUS_CHARS", "GAP", "focus"]

FOCUS_CHARS = 4_000  # no dev article is longer (the longest has 2,265): they are all sent whole
GAP = "\n[…]\n"  # marks left-out sentences between two kept ones
LEAD_CHARS = 400  # the headline and the lead: who did what, when

# Numbers that never count people: a sentence stating only these is not kept for them.
_NOT_COUNTS = {MentionKind.YEAR, MentionKind.DATE, MentionKind.TIME, MentionKind.MONEY, MentionKind.MEASURE}


def focus(a: Analysis, *, limit: int = FOCUS_CHARS) -> str:
    """Return the text the model reads for *a*: the whole article if it has at most *limit* characters, else
    its headline and lead, then its sentences by how much they carry (counts with a word cue, then a
    mediator's credit, then other counts, then the neighbours of the first), joined in the article's order
    with ``GAP`` where sentences are left out. Each kept sentence is verbatim."""
    text = a.article.text
    if len(text) <= limit or not a.sentences:
        return text
    sentences = list(a.sentences)

    def index_of(pos: int) -> int:
        return next((i for i, (s, e) in enumerate(sentences) if s <= pos < e), len(sentences) - 1)

    cued = {index_of(m.start) for m in a.mentions if a.cue_at(m) is not None}
    counts = {index_of(m.start) for m in a.mentions if m.kind not in _NOT_COUNTS}
    mediation = a.words("mediation")
    credits = {i for i, (s, e) in enumerate(sentences) if mediation.search(text, s, e)}
    lead = {i for i, (s, _) in enumerate(sentences) if s < LEAD_CHARS}
    neighbours = {j for i in cued for j in (i - 1, i + 1) if 0 <= j < len(sentences)}

    kept: set[int] = set()
    used = 0
    for group in (lead, cued, credits, counts, neighbours):
        for i in sorted(group - kept):
            s, e = sentences[i]
            if used + (e - s) + len(GAP) > limit:
                continue  # a shorter sentence further on may still fit
            kept.add(i)
            used += e - s + len(GAP)
    return _joined(text, sentences, sorted(kept))


def _joined(text: str, sentences: list[tuple[int, int]], kept: list[int]) -> str:
    """Return the kept sentences in order: neighbours with the text between them, others with ``GAP``."""
    parts: list[str] = []
    previous: int | None = None
    for i in kept:
        s, e = sentences[i]
        if previous is None:
            parts.append(text[s:e])
        elif i == previous + 1:
            parts.append(text[sentences[previous][1] : e])
        else:
            parts.append(GAP + text[s:e])
        previous = i
    return "".join(parts)
