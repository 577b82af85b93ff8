"""The deterministic reading of an article: number mentions, word cues, and what the words around a
number say about it (a part of a group, bodies, a running total, a plan, an aside)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from powx_llm.article import Article
from powx_llm.cues import Cue, Role, find_cues, sentence_bounds
from powx_llm.mentions import Mention, MentionKind, find_mentions
from powx_llm.model import Count, Evidence

__all__ = [
    "ASIDE",
    "BODY_WORDS",
    "BREAKDOWN",
    "CLAUSE_STOP",
    "FUTURE",
    "NOT_A_TOTAL_KINDS",
    "RETURN_WORDS",
    "Analysis",
    "analyse",
    "clause_of",
    "count_of",
    "evidence_of",
    "future_before",
    "is_aside",
    "is_bodies",
    "is_part",
    "mentions_in",
    "running_total",
    "sentence_of",
]

BREAKDOWN = frozenset(
    {
        Role.MEN,
        Role.WOMEN,
        Role.OFFICERS,
        Role.ENLISTED,
        Role.PRIVATES,
        Role.SERGEANTS,
        Role.CIVILIANS,
        Role.UNIT,
        Role.COHORT,
        Role.WOUNDED,
    }
)
NOT_A_TOTAL_KINDS = frozenset(
    {
        MentionKind.YEAR,
        MentionKind.DATE,
        MentionKind.TIME,
        MentionKind.AGE,
        MentionKind.MONEY,
        MentionKind.DURATION,
        MentionKind.ORDINAL,
    }
)
ASIDE = re.compile(
    r"\bstill\b|\bremain\w*|\bholding\b|\bexpected\b|\bdue\s+to\b|\bwill\b|\bplanned\b|\bthought\s+to\b|"
    r"\bbelieved\b|\bprevious\b|\bearlier\b|\blast\s+week\b|залишаються|досі|остаются|до\s+сих\s+пор|"
    r"попередн\w*|предыдущ\w*|ранее|до\s+этого",
    re.IGNORECASE,
)
BODY_WORDS = re.compile(
    r"\bbod(?:y|ies)\b|\bremains\b|тіл[оа]?\b|тел[оа]?\b|cad[aá]ver|cuerpos?\b|загибл\w*|"
    r"погибш\w*|\bdead\b|\bfallen\b",
    re.IGNORECASE,
)
FUTURE = re.compile(
    r"\bwould\b|\bwill\b|\bagreed\b|\bagreement\b|\bplan\w*|\bexpected\b|\bhope\w*|"
    r"\bpropos\w*|домовил\w*|домовленост\w*|договорил\w*|планує\w*|"
    r"планиру\w*|має\s+відбутися|должен\s+состояться",
    re.IGNORECASE,
)
RETURN_WORDS = re.compile(
    r"return\w*|exchang\w*|\bfree[sd]?\b|releas\w*|rescu\w*|врятува\w*|спас\w*|came\s+back|come\s+(?:back|home)|coming\s+home|got\s+back|"
    r"hand\w*\s+(?:over|back)|swap\w*|brought\s+(?:back|home)|brings?\s+home|received|repatriat\w*|"
    r"поверн\w*|поверта\w*|звільн\w*|визвол\w*|поверну\w*|передан\w*|переда\w*|обмін\w*|вернул\w*|"
    r"верну\w*|возвра\w*|освобо\w*|обмен\w*|получил\w*|отримал\w*",
    re.IGNORECASE,
)
CLAUSE_STOP = re.compile(r"[.;:!?()\n«»\"“”]")
_OF_THE_WHOLE = re.compile(r"\s+(?:of|з|із|из)\s+(?:the\s+|these\s+|those\s+)?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Analysis:
    """The deterministic reading of an article: every number mention, the cues about them, its sentences."""

    article: Article
    mentions: tuple[Mention, ...]
    cues: tuple[Cue, ...]
    sentences: tuple[tuple[int, int], ...]
    _cue_of: dict[int, Cue] = field(default_factory=dict, repr=False)

    def cue_at(self, m: Mention) -> Cue | None:
        """Return the cue of mention *m*, if any."""
        return self._cue_of.get(m.start)

    def sentence_span(self, pos: int) -> tuple[int, int]:
        """Return the (start, end) of the sentence holding character *pos*."""
        return next(((s, e) for s, e in self.sentences if s <= pos < e), (0, len(self.article.text)))


def analyse(article: Article) -> Analysis:
    """Return all number mentions of *article*, the word cues about them and its sentences."""
    mentions = find_mentions(article.text)
    cues = find_cues(article.text, mentions)
    return Analysis(article, mentions, cues, tuple(sentence_bounds(article.text)), {c.mention.start: c for c in cues})


def evidence_of(m: Mention, text: str) -> Evidence:
    start = m.qualifier_start if m.qualifier_start is not None else m.start
    return Evidence(quote=text[start : m.end], start=start, end=m.end)


def count_of(m: Mention, text: str) -> Count:
    assert m.value is not None
    return Count(value=m.value, qualifier=m.qualifier, evidence=evidence_of(m, text))


def mentions_in(a: Analysis, span: tuple[int, int]) -> list[Mention]:
    return [m for m in a.mentions if span[0] <= m.start and m.end <= span[1]]


def is_part(a: Analysis, m: Mention) -> bool:
    """Return whether *m* counts only part of a group: a breakdown cue, or "two of the five"."""
    cue = a.cue_at(m)
    if cue is not None and cue.role in BREAKDOWN:
        return True
    nxt = next((n for n in a.mentions if n.start >= m.end), None)
    return nxt is not None and _OF_THE_WHOLE.fullmatch(" " + a.article.text[m.end : nxt.start]) is not None


def is_bodies(a: Analysis, m: Mention) -> bool:
    cue = a.cue_at(m)
    return (cue is not None and cue.role is Role.BODIES) or BODY_WORDS.search(sentence_of(a, m)) is not None


def running_total(a: Analysis, m: Mention) -> bool:
    """Return whether *m* is a running total: a cue says so, or it dwarfs the other totals stated."""
    cue = a.cue_at(m)
    if cue is not None and cue.role in (Role.CUMULATIVE_PEOPLE, Role.CUMULATIVE_EXCHANGES):
        return True
    if m.value is None or m.value < 1000 or is_bodies(a, m):
        return False
    others = [
        n.value
        for n in a.mentions
        if n.kind is MentionKind.COUNT
        and n.value
        and n.value >= 2
        and not is_part(a, n)
        and n.value * 10 <= m.value
        and not ASIDE.search(sentence_of(a, n))
    ]
    return bool(others) and RETURN_WORDS.search(sentence_of(a, m)) is not None


def future_before(a: Analysis, m: Mention) -> bool:
    """Return whether the sentence speaks of a plan or agreement before it states *m*."""
    s, _ = a.sentence_span(m.start)
    return FUTURE.search(a.article.text[s : m.start]) is not None


def sentence_of(a: Analysis, m: Mention) -> str:
    """Return the sentence that states *m*."""
    s, e = a.sentence_span(m.start)
    return a.article.text[s:e]


def clause_of(text: str, m: Mention, *, width: int = 60) -> str:
    left = text[max(0, m.start - width) : m.start]
    right = text[m.end : m.end + width]
    stops = list(CLAUSE_STOP.finditer(left))
    left = left[stops[-1].end() :] if stops else left.split(" ", 1)[-1]
    stop = CLAUSE_STOP.search(right)
    right = right[: stop.start()] if stop else right.rsplit(" ", 1)[0]
    clause = " ".join(f"{left}{m.quote}{right}".split())
    return re.sub(r"^date \d{4}-\d{2}-\d{2} ", "", clause)


def is_aside(a: Analysis, cue: Cue) -> bool:
    """Return whether *cue* sits in a sentence about other people: running totals, those still held, plans."""
    s, e = a.sentence_span(cue.mention.start)
    cumulative = any(c.role is Role.CUMULATIVE_PEOPLE and s <= c.mention.start < e for c in a.cues)
    return cumulative or ASIDE.search(a.article.text[s:e]) is not None
