"""The deterministic reading of an article: number mentions, word cues, and what the words around a
number say about it (a part of a group, bodies, a running total, a plan, an aside)."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

from powx_llm import lexicon
from powx_llm.model import Count, Evidence
from powx_llm.read._article import Article
from powx_llm.read._cues import SENTENCE_PART, Cue, Role, find_cues, of_the_whole, sentence_bounds
from powx_llm.read._language import identify
from powx_llm.read._mentions import Mention, MentionKind, find_mentions
from powx_llm.read._parties import parties_named

__all__ = [
    "BREAKDOWN",
    "CLAUSE_OR_COMMA",
    "CLAUSE_STOP",
    "NOT_A_TOTAL_KINDS",
    "Analysis",
    "analyse",
    "carried_out",
    "clause_of",
    "clause_span",
    "count_of",
    "evidence_of",
    "future_before",
    "handed_part",
    "is_aside",
    "is_bodies",
    "is_part",
    "mentions_in",
    "part_of",
    "running_total",
    "sentence_of",
    "sole_group",
    "whole_of_parts",
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
        Role.VICTIMS,  # a group the words count, of no side
    }
)
NOT_A_TOTAL_KINDS = frozenset(
    {
        MentionKind.YEAR,
        MentionKind.DATE,
        MentionKind.TIME,
        MentionKind.AGE,
        MentionKind.MONEY,
        MentionKind.MEASURE,
        MentionKind.DURATION,
        MentionKind.ORDINAL,
    }
)
CLAUSE_STOP = re.compile(r"[.;:!?()\n«»\"“”]")
CLAUSE_OR_COMMA = re.compile(r"[.;:!?()\n«»\"“”,،]")  # a clause cut at commas too ("were freed, according to")


@dataclass(frozen=True, slots=True)
class Analysis:
    """The deterministic reading of an article: every number mention, the cues about them, its sentences."""

    article: Article
    mentions: tuple[Mention, ...]
    cues: tuple[Cue, ...]
    sentences: tuple[tuple[int, int], ...]
    language: str = "en"  # ISO 639-1, identified (powx_llm.read._language)
    _cue_of: dict[int, Cue] = field(default_factory=dict, repr=False)

    @property
    def languages(self) -> tuple[str, ...]:
        """Return the lexicon files read for this article: its language's and the common one."""
        return lexicon.for_language(self.language)

    def words(self, category: str, before: str = "", after: str = "") -> re.Pattern[str]:
        """Return the lexicon pattern of *category* in this article's language."""
        return lexicon.pattern(category, before, after, self.languages)

    def cue_at(self, m: Mention) -> Cue | None:
        """Return the cue of mention *m*, if any."""
        return self._cue_of.get(m.start)

    def sentence_span(self, pos: int) -> tuple[int, int]:
        """Return the (start, end) of the sentence holding character *pos*."""
        return next(((s, e) for s, e in self.sentences if s <= pos < e), (0, len(self.article.text)))


def analyse(article: Article) -> Analysis:
    """Return all number mentions of *article*, the word cues about them and its sentences, read in the
    article's language."""
    language = article.language or identify(article.text)
    languages = lexicon.for_language(language)
    mentions = find_mentions(article.text, languages=languages)
    cues = find_cues(article.text, mentions, languages=languages)
    return Analysis(
        article, mentions, cues, tuple(sentence_bounds(article.text)), language, {c.mention.start: c for c in cues}
    )


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
    return nxt is not None and _of_the(a, m, nxt)


def _of_the(a: Analysis, part: Mention, whole: Mention) -> bool:
    """Return whether the words between two numbers make the first a part of the second ("two of the five")."""
    return of_the_whole(a.languages).fullmatch(" " + a.article.text[part.end : whole.start]) is not None


def handed_part(a: Analysis, m: Mention) -> Mention | None:
    """Return the part of *m* a handover counts, when the words say only part of it was handed over: "Hamas
    returned just four of the 28 bodies", "звільнили 12 з 20": the whole is what was promised or held."""
    before = [n for n in a.mentions if n.end <= m.start and n.kind is MentionKind.COUNT]
    part = before[-1] if before else None
    if part is None or part.value is None or m.value is None or part.value >= m.value:
        return None
    if not _of_the(a, part, m):
        return None
    s, _ = a.sentence_span(part.start)
    lead = a.article.text[max(s, part.start - 40) : part.start]
    return part if a.words("return").search(lead) and not a.words("future").search(lead) else None


def sole_group(a: Analysis, m: Mention, *, besides: Collection[Mention] = ()) -> bool:
    """Return whether *m* counts everyone by their sex: "Україна повернула 108 жінок" (no larger number and
    no other sex in its sentence), so it is a total as well as a breakdown. Civilians or children are
    everyone when they are all the article has come back ("10 Ukrainian civilians returned home", "Russia
    returned 6 Ukrainian children"), and so is a group known by where it fought ("Moscow freed 45 Azovstal
    defenders"): no word of "among them" and no larger number in a sentence of a return, other than the numbers
    *besides* (another side's: "Ukraine handed over 12 seriously wounded Russians" beside 95 Ukrainians)."""
    cue = a.cue_at(m)
    if cue is None or not m.value or _of_the_group(a, m):
        return False  # "2 of the freed female soldiers": a part of a group named after it
    if _only_group_returned(a, cue, besides):
        return True
    if cue.role not in (Role.MEN, Role.WOMEN):
        return False
    s, e = a.sentence_span(m.start)
    if _handover_of_its_own(a, m):
        s, e = part_of(a, m.start, m.end, cut=CLAUSE_OR_COMMA)  # "…, after Hamas released three Israeli women"
    for n in a.mentions:
        if n is m or not s <= n.start < e or n.kind is not MentionKind.COUNT or not n.value:
            continue
        other = a.cue_at(n)
        if n.value > m.value or (other is not None and other.role in (Role.MEN, Role.WOMEN)):
            return False
    return True


def _of_the_group(a: Analysis, m: Mention) -> bool:
    """Return whether "of the" follows *m* ("2 of the freed female soldiers"), not "of its" ("112 of its
    servicemen", the whole)."""
    articles = a.words("articles").pattern
    return a.words("of_the_whole", r"\s+(?:", rf")\s+(?:{articles})\s").match(a.article.text, m.end) is not None


def _handover_of_its_own(a: Analysis, m: Mention) -> bool:
    """Return whether *m*'s clause reports a handover of its own: a word of return and a party named in it, and
    no "among them" or "also" before *m* ("Israel freed 90 prisoners, among them 69 women, after Hamas released
    three Israeli women")."""
    s, e = part_of(a, m.start, m.end, cut=CLAUSE_OR_COMMA)
    text = a.article.text
    if any(a.words(c).search(text[s : m.start]) for c in ("including", "also")):
        return False
    return a.words("return").search(text[s:e]) is not None and bool(parties_named(text[s : m.start]))


def _only_group_returned(a: Analysis, cue: Cue, besides: Collection[Mention]) -> bool:
    """Return whether *cue* counts civilians, children, the wounded or a cohort who are all the article has come
    back ("Russia handed over 12 seriously wounded Ukrainian prisoners of war"; see ``sole_group``)."""
    m, text = cue.mention, a.article.text
    if cue.role not in (Role.CIVILIANS, Role.COHORT, Role.WOUNDED):
        return False
    s, e = a.sentence_span(m.start)
    if any(a.words(c).search(text[s : m.start]) for c in ("including", "also")) or not a.words("return").search(
        text[s:e]
    ):
        return False  # "among them 12 civilians", "Ukraine also got back 19 civilian sailors": more came back
    for n in a.mentions:
        if n.kind is not MentionKind.COUNT or not n.value or n.value <= (m.value or 0) or n in besides:
            continue
        if running_total(a, n):
            continue  # "about 1,300 have been brought back since 2022": a running total, not this return
        if (group := a.cue_at(n)) is not None and group.role in BREAKDOWN:
            continue  # "in March, Ukraine sent back 15 wounded Russians": a group of its own, no whole of this one
        ns, ne = a.sentence_span(n.start)
        if a.words("cumulative").search(text[ns:ne]) and not a.words("return").search(
            text, *part_of(a, n.start, n.end)
        ):
            continue  # "19,500 children deported since 2022, of whom 1,300 came back": not returned
        if a.words("return").search(text[ns:ne]) and not a.words("aside").search(text[ns:ne]):
            return False  # "Ukraine got back 95 defenders. 12 civilians among them" (not "still seeking the return")
    return True


def whole_of_parts(a: Analysis, m: Mention) -> bool:
    """Return whether *m*, a number the words give to a group, is the whole a sentence breaks down: "45
    Azovstal defenders - 42 men and three women" (two or more groups right after it that add up to it), there
    or where the same number is stated again."""
    cue = a.cue_at(m)
    if cue is None or cue.role not in BREAKDOWN or not m.value:
        return False
    return any(n.value == m.value and _broken_down(a, n) for n in a.mentions)


def _broken_down(a: Analysis, m: Mention) -> bool:
    """Return whether the groups counted right after *m* in its sentence, two or more, add up to it."""
    cue = a.cue_at(m)
    if cue is None or cue.role not in BREAKDOWN:
        return False
    parts = []
    for n in mentions_in(a, (m.end, a.sentence_span(m.start)[1])):
        part = a.cue_at(n)
        if part is None or part.role not in BREAKDOWN or part.role is cue.role or not n.value:
            break
        parts.append(n.value)
    return len(parts) >= 2 and sum(parts) == m.value


def is_bodies(a: Analysis, m: Mention) -> bool:
    cue = a.cue_at(m)
    return (cue is not None and cue.role is Role.BODIES) or a.words("body_words").search(sentence_of(a, m)) is not None


def running_total(a: Analysis, m: Mention) -> bool:
    """Return whether *m* is a running total: a cue says so (of it, or of the same number stated before: "so far
    more than 320 have come back … in this way more than 320 citizens have returned home", a cue the reading
    gives the later statement too), or it dwarfs the other totals stated."""
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
        and not a.words("aside").search(sentence_of(a, n))
    ]
    return bool(others) and a.words("return").search(sentence_of(a, m)) is not None


def future_before(a: Analysis, m: Mention) -> bool:
    """Return whether the sentence speaks of a plan or agreement before it states *m*, one the article
    does not report carried out ("would free 32 ..." then "were handed over, as the agreement provided"). A
    headline says a plan in words of its own ("Tigray forces to release 4,000 prisoners", "Sixty Ukrainians to
    come home"). A sentence that opens with "as agreed" is no plan for that: it says the agreement was kept. A
    plan the number's clause states after it counts too ("60 prisoners of war are set to be swapped")."""
    text = a.article.text
    s, _ = a.sentence_span(m.start)
    line = text.rfind("\n", 0, m.start) + 1
    end = text.find("\n", m.start)
    headline = not text[m.start : end if end >= 0 else len(text)].rstrip().endswith((".", "!", "?", "…", ":"))
    # "As agreed in Istanbul, Ukraine brought home 307": an opening "as agreed" says the agreement was kept
    said = a.words("as_agreed", r"^\W*").sub(" ", text[s : m.start], count=1)
    if _done(a, m):  # "In the swap agreed in Istanbul, 300 came home": an agreement carried out
        said = a.words("agreement").sub(" ", said)
    if _plan_after(a, m):
        return not carried_out(a)
    after = text[m.end : end if end >= 0 else len(text)]  # "Sixty Ukrainians to come home in weekend swap"
    plan = a.words("future").search(said) is not None or (
        headline
        and (
            a.words("future_headline").search(text[line : m.start]) is not None
            or a.words("future_headline", r"^\W*(?:[^\W\d_]+\W+){0,2}?").match(after) is not None
        )
    )
    return plan and not carried_out(a)


_PLAN_WORDS = 6  # words between a number and the plan its clause states for it: "60 prisoners of war are set to"


def _plan_after(a: Analysis, m: Mention) -> bool:
    """Return whether *m*'s clause goes on to state a plan for it, no word of return nor another number first:
    "Sixty Ukrainian prisoners of war are set to be swapped", "200 prisoners will be released" (not "95 came
    home and 100 more will follow")."""
    _, e = part_of(a, m.start, m.end, cut=CLAUSE_OR_COMMA)
    rest = a.words("agreement").sub(lambda w: " " * len(w.group()), a.article.text[m.end : e])
    plan = a.words("future").search(rest)
    if plan is None or len(rest[: plan.start()].split()) > _PLAN_WORDS:
        return False
    if a.words("done").search(rest, plan.end()) or a.words("return").search(rest, plan.end()):
        return False  # "84 soldiers who will undergo medical checks came home": the clause reports it done
    between = rest[: plan.start()]
    if a.words("negation", r"(?<!\w)(?:", r")\s+$").search(between):
        return False  # "The other three have no plans to return to Iran"
    others = any(m.end < n.start < m.end + plan.start() for n in a.mentions)
    return not others and a.words("return").search(between) is None and a.words("done").search(between) is None


def _done(a: Analysis, m: Mention) -> bool:
    """Return whether *m*'s clause reports a handover done after it: a word of a handover done ("were freed",
    "came home", "took place") with no count of another number between them."""
    _, e = part_of(a, m.start, m.end, cut=CLAUSE_OR_COMMA)
    hit = a.words("done").search(a.article.text, m.end, e)
    return hit is not None and not any(
        m.end <= n.start < hit.start() and n.kind is MentionKind.COUNT and n.value != m.value for n in a.mentions
    )


def carried_out(a: Analysis) -> bool:
    """Return whether some sentence reports the agreed handover done, counting nobody itself: "the
    military personnel referred to above were handed over, as the agreement provided"."""
    text = a.article.text
    for hit in a.words("as_agreed").finditer(text):
        s, e = a.sentence_span(hit.start())
        rest = text[s : hit.start()] + " " + text[hit.end() : e]
        counts = any(s <= m.start < e and m.kind is MentionKind.COUNT for m in a.mentions)
        if not counts and a.words("handover").search(rest) and not a.words("future").search(rest):
            return True
    return False


def sentence_of(a: Analysis, m: Mention) -> str:
    """Return the sentence that states *m*."""
    s, e = a.sentence_span(m.start)
    return a.article.text[s:e]


def part_of(a: Analysis, start: int, end: int, *, cut: re.Pattern[str] = SENTENCE_PART) -> tuple[int, int]:
    """Return the (start, end) of the part of the sentence holding *start*–*end* that *cut* bounds: between
    colons and semicolons by default ("In 2024, 1,358 were freed; on Friday 95 came home"), or between clause
    stops and commas (``CLAUSE_OR_COMMA``)."""
    s, e = a.sentence_span(start)
    text = a.article.text
    lo = max((x.end() for x in cut.finditer(text, s, start)), default=s)
    hi = next((x.start() for x in cut.finditer(text, end, e)), e)
    return lo, hi


def clause_span(text: str, m: Mention, *, width: int = 60) -> tuple[int, int]:
    """Return the (start, end) of the clause around *m*: up to *width* characters each side, cut at a
    clause stop, else at a whole word."""
    lo = max(0, m.start - width)
    left = text[lo : m.start]
    stops = list(CLAUSE_STOP.finditer(left))
    start = lo + (stops[-1].end() if stops else (left.index(" ") + 1 if " " in left else 0))
    right = text[m.end : m.end + width]
    stop = CLAUSE_STOP.search(right)
    end = m.end + (stop.start() if stop else (right.rindex(" ") if " " in right else len(right)))
    return start, end


def clause_of(text: str, m: Mention, *, width: int = 60) -> str:
    start, end = clause_span(text, m, width=width)
    clause = " ".join(text[start:end].split())
    return re.sub(r"^date \d{4}-\d{2}-\d{2} ", "", clause)


def is_aside(a: Analysis, cue: Cue) -> bool:
    """Return whether *cue* sits in a sentence about other people: running totals, those still held, plans."""
    s, e = a.sentence_span(cue.mention.start)
    cumulative = any(c.role is Role.CUMULATIVE_PEOPLE and s <= c.mention.start < e for c in a.cues)
    return cumulative or a.words("aside").search(a.article.text[s:e]) is not None
