"""Build the Exchange from the model's decisions (sides, kind, mediators) and the grounded word cues.

Every number in the result comes from a mention found in the text, so it is grounded by
construction; a number the model gives that the text does not state is reported, never kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from powx_llm.article import Article
from powx_llm.cues import Cue, Role, find_cues, named_units, sentence_bounds
from powx_llm.dates import exchange_date
from powx_llm.grounding import locate
from powx_llm.mentions import Mention, MentionKind, find_mentions
from powx_llm.model import (
    Cohort,
    Count,
    Cumulative,
    Evidence,
    Exchange,
    Fraction,
    Kind,
    Qualifier,
    Transfer,
    Unit,
    UnitCount,
)
from powx_llm.names import canonical_name, mediator_of, mediators_named, party_of
from powx_llm.schema import Side, Sides

__all__ = ["Analysis", "Problem", "analyse", "assemble", "candidates", "side_problems"]

_BREAKDOWN = frozenset({Role.MEN, Role.WOMEN, Role.OFFICERS, Role.ENLISTED, Role.CIVILIANS, Role.UNIT,
                        Role.COHORT, Role.WOUNDED})
_NOT_A_TOTAL_KINDS = frozenset({MentionKind.YEAR, MentionKind.DATE, MentionKind.TIME, MentionKind.AGE,
                                MentionKind.MONEY, MentionKind.DURATION, MentionKind.ORDINAL})
_ASIDE = re.compile(
    r"\bstill\b|\bremain\w*|\bholding\b|\bexpected\b|\bdue\s+to\b|\bwill\b|\bplanned\b|\bthought\s+to\b|"
    r"\bbelieved\b|\bprevious\b|\bearlier\b|\blast\s+week\b|залишаються|досі|остаются|до\s+сих\s+пор|"
    r"попередн\w*|предыдущ\w*|ранее|до\s+этого",
    re.IGNORECASE,
)
_MEDIATION = re.compile(
    r"mediat\w*|broker\w*|thanks\s+to|gratitude|grateful|thank\w*|assist\w*|help\w*|facilitat\w*|"
    r"coordinat\w*|посередн\w*|посредни\w*|сприян\w*|содейств\w*|допомог\w*|помощ\w*|подяк\w*|"
    r"благодар\w*|közvetít\w*|mediaci\w*|gracias",
    re.IGNORECASE,
)
_BODY_WORDS = re.compile(r"\bbod(?:y|ies)\b|\bremains\b|тіл[оа]?\b|тел[оа]?\b|cad[aá]ver|cuerpos?\b|загибл\w*|"
                         r"погибш\w*|\bdead\b|\bfallen\b", re.IGNORECASE)
_FUTURE = re.compile(r"\bwould\b|\bwill\b|\bagreed\b|\bagreement\b|\bplan\w*|\bexpected\b|\bhope\w*|"
                     r"\bpropos\w*|домовил\w*|домовленост\w*|договорил\w*|планує\w*|"
                     r"планиру\w*|має\s+відбутися|должен\s+состояться", re.IGNORECASE)
_HANDOVER = re.compile(r"hand\w*\s+(?:over|to)|releas\w*|exchang\w*|swap\w*|обмін\w*|обмен\w*|передал\w*",
                       re.IGNORECASE)

@dataclass(frozen=True, slots=True)
class Analysis:
    """The deterministic reading of an article: every number mention and the cues about them."""

    article: Article
    mentions: tuple[Mention, ...]
    cues: tuple[Cue, ...]

    def cue_at(self, m: Mention) -> Cue | None:
        """Return the cue of mention *m*, if any."""
        return next((c for c in self.cues if c.mention is m), None)


def analyse(article: Article) -> Analysis:
    """Return all number mentions of *article* and the word cues about them."""
    mentions = find_mentions(article.text)
    return Analysis(article, mentions, find_cues(article.text, mentions))


@dataclass(frozen=True, slots=True)
class Problem:
    """A number the model gave that the text does not support, in words the model can act on."""

    where: str
    message: str


def _party(name: str | None) -> str | None:
    """Return the canonical party the model meant ("Минобороны России" -> "Russia"); unknown names as given."""
    if not name or not name.strip():
        return None
    return party_of(name) or canonical_name(name.strip().strip("."))


def _evidence(m: Mention, text: str) -> Evidence:
    start = m.qualifier_start if m.qualifier_start is not None else m.start
    return Evidence(quote=text[start : m.end], start=start, end=m.end)


def _count(m: Mention, text: str) -> Count:
    assert m.value is not None
    return Count(value=m.value, qualifier=m.qualifier, evidence=_evidence(m, text))


def _mentions_in(a: Analysis, span: tuple[int, int]) -> list[Mention]:
    return [m for m in a.mentions if span[0] <= m.start and m.end <= span[1]]


def _find_total(a: Analysis, value: int | None, words: str | None) -> tuple[Mention | None, str | None]:
    """Return the mention that states this side's total, or the reason there is none."""
    text = a.article.text
    value = value or None  # small models answer 0 for "not stated"
    if words:
        span = locate(text, words)
        if span is not None:
            inside = [m for m in _mentions_in(a, span) if m.value is not None]
            pick = next((m for m in inside if value is None or m.value == value), None)
            if pick is not None and (value is None or not _is_part(a, pick)):
                return pick, None
    if value is None:
        return None, f"{words!r} states no number" if words else None
    same = [m for m in a.mentions if m.value == value and m.kind not in _NOT_A_TOTAL_KINDS]
    if not same:
        return None, f"{value} is not stated in the article"
    return min(same, key=lambda m: (_is_part(a, m), _future_before(a, m),
                                    a.cue_at(m) is not None, m.start)), None


_OF_THE_WHOLE = re.compile(r"\s+(?:of|з|із|из)\s+(?:the\s+|these\s+|those\s+)?$", re.IGNORECASE)


def _is_part(a: Analysis, m: Mention) -> bool:
    """Return whether *m* counts only part of a group: a breakdown cue, or "two of the five"."""
    cue = a.cue_at(m)
    if cue is not None and cue.role in _BREAKDOWN:
        return True
    nxt = next((n for n in a.mentions if n.start >= m.end), None)
    return nxt is not None and _OF_THE_WHOLE.fullmatch(" " + a.article.text[m.end : nxt.start]) is not None


def _is_bodies(a: Analysis, m: Mention) -> bool:
    cue = a.cue_at(m)
    return (cue is not None and cue.role is Role.BODIES) or _BODY_WORDS.search(_sentence(a, m)) is not None


def _running_total(a: Analysis, m: Mention) -> bool:
    """Return whether *m* is a running total: a cue says so, or it dwarfs the other totals stated."""
    cue = a.cue_at(m)
    if cue is not None and cue.role in (Role.CUMULATIVE_PEOPLE, Role.CUMULATIVE_EXCHANGES):
        return True
    if m.value is None or m.value < 1000 or _is_bodies(a, m):
        return False
    others = [n.value for n in a.mentions if n.kind is MentionKind.COUNT and n.value and n.value >= 2
              and not _is_part(a, n) and n.value * 10 <= m.value and not _ASIDE.search(_sentence(a, n))]
    return bool(others) and _RETURN.search(_sentence(a, m)) is not None


def _why_not_total(a: Analysis, m: Mention, label: str) -> str | None:
    """Return why mention *m* cannot be this exchange's number of *label* (people or bodies), if so."""
    cue = a.cue_at(m)
    if _running_total(a, m):
        return f"{m.quote} is a running total over all exchanges, not this exchange"
    if m.kind in _NOT_A_TOTAL_KINDS or m.kind is MentionKind.FORMAT:
        return f"{m.quote} is a {m.kind.value}, not a number of {label}"
    if cue is not None and cue.role in _BREAKDOWN:
        return f"{m.quote} counts only the {cue.words} among them, not everyone"
    if _future_before(a, m):
        return f"{m.quote} belongs to a planned or agreed exchange, not one that happened"
    if label == "bodies" and not _is_bodies(a, m):
        return f"{m.quote} is not a number of bodies"
    return None


def _resolve(a: Analysis, label: str, value: int | None, words: str | None) -> tuple[str, Mention | None, str | None]:
    """Return (label, mention, problem) for one number of a side; people that are bodies become bodies."""
    if not value and not words:
        return label, None, None
    m, why = _find_total(a, value, words)
    if m is None:
        return label, None, why
    if label == "people" and any(c.role is Role.BODIES and c.mention.value == m.value for c in a.cues):
        label = "bodies"  # the model put bodies under people: the words say bodies
    return label, m, _why_not_total(a, m, label)


_CLAUSE_STOP = re.compile(r"[.;:!?()\n«»\"“”]")


def _clause(text: str, m: Mention, *, width: int = 60) -> str:
    left = text[max(0, m.start - width) : m.start]
    right = text[m.end : m.end + width]
    stops = list(_CLAUSE_STOP.finditer(left))
    left = left[stops[-1].end():] if stops else left.split(" ", 1)[-1]
    stop = _CLAUSE_STOP.search(right)
    right = right[: stop.start()] if stop else right.rsplit(" ", 1)[0]
    clause = " ".join(f"{left}{m.quote}{right}".split())
    return re.sub(r"^date \d{4}-\d{2}-\d{2} ", "", clause)


def candidates(a: Analysis) -> list[tuple[int, str]]:
    """Return the numbers that may be a side's total (value, the words around it), first mention each."""
    out: dict[int, str] = {}
    for m in a.mentions:
        if m.value is None or m.value < 2 or m.value in out or m.kind is not MentionKind.COUNT:
            continue
        if _is_part(a, m) or (_why_not_total(a, m, "people") is not None and not _is_bodies(a, m)):
            continue
        if _ASIDE.search(_sentence(a, m)):
            continue
        out[m.value] = _clause(a.article.text, m)
    return list(out.items())


def side_problems(a: Analysis, sides: Sides) -> list[Problem]:
    """Return what is wrong with the numbers of *sides*: not in the text, or not this exchange's."""
    problems: list[Problem] = []
    for i, side in enumerate(sides.sides):
        for label, value, words in (("people", side.people, side.people_words),
                                    ("bodies", side.bodies, side.bodies_words)):
            _, _, why = _resolve(a, label, value, words)
            if why:
                problems.append(Problem(f"sides[{i}].{label}", f"{label} of {side.received_by}: {why}"))
    return problems


# ---- transfers -----------------------------------------------------------------------------------

@dataclass
class _Draft:
    to: str | None
    from_: str | None
    people: Count | None = None
    bodies: Count | None = None
    anchors: list[int] = field(default_factory=list)
    cues: list[Cue] = field(default_factory=list)


def _take(a: Analysis, d: _Draft, side: Side, dropped: list[str]) -> None:
    for label, value, words in (("people", side.people, side.people_words),
                                ("bodies", side.bodies, side.bodies_words)):
        label, m, why = _resolve(a, label, value, words)
        if why:
            dropped.append(f"{label} to {d.to}: {why}")
        elif m is not None and getattr(d, label) is None:
            setattr(d, label, _count(m, a.article.text))


def _bodies_fallback(a: Analysis, drafts: list[_Draft]) -> None:
    """Give the home side the bodies the words state when the model missed them ("три тіла")."""
    used = {c.value for d in drafts for c in (d.people, d.bodies) if c is not None}
    cue = next((c for c in a.cues if c.role is Role.BODIES and c.mention.value and c.mention.value not in used
                and not _aside(a, c) and not _FUTURE.search(_sentence(a, c.mention))), None)
    if cue is None or not drafts or any(d.bodies is not None for d in drafts):
        return
    _home(drafts).bodies = _count(cue.mention, a.article.text)


def _drafts(a: Analysis, sides: Iterable[Side], dropped: list[str]) -> list[_Draft]:
    drafts: dict[str | None, _Draft] = {}
    for side in sides:
        to = _party(side.received_by)
        d = drafts.setdefault(to, _Draft(to, _party(side.released_by)))
        d.from_ = d.from_ or _party(side.released_by)
        _take(a, d, side, dropped)
    if drafts:  # the model saw an exchange: add the sides the words state that it left out
        _stated_sides(a, drafts)
    _bodies_fallback(a, list(drafts.values()))
    out = [d for d in drafts.values() if d.people is not None or d.bodies is not None]
    for d in drafts.values():
        if d not in out:
            dropped.append(f"side to {d.to}: no number of people or bodies the text states")
    _fill_from(out)
    for d in out:
        values = {c.value for c in (d.people, d.bodies) if c is not None}
        d.anchors = [m.start for m in a.mentions if m.value in values and not _is_part(a, m)]
    return out


_RETURN = re.compile(
    r"return\w*|exchang\w*|\bfree[sd]?\b|releas\w*|rescu\w*|врятува\w*|спас\w*|came\s+back|come\s+(?:back|home)|coming\s+home|got\s+back|"
    r"hand\w*\s+(?:over|back)|swap\w*|brought\s+(?:back|home)|brings?\s+home|received|repatriat\w*|"
    r"поверн\w*|поверта\w*|звільн\w*|визвол\w*|поверну\w*|передан\w*|переда\w*|обмін\w*|вернул\w*|"
    r"верну\w*|возвра\w*|освобо\w*|обмен\w*|получил\w*|отримал\w*",
    re.IGNORECASE,
)
_RECEIVED_BY = re.compile(r"(?:got\s+back|received|brings?\s+home|brought\s+home|получил\w*|отримал\w*|"
                          r"повернул\w*|вернул\w*)", re.IGNORECASE)


def _receiver(a: Analysis, m: Mention) -> str | None:
    """Return the party the words around *m* say received it: "94 Russians", "Russia got back 63"."""
    text = a.article.text
    head = " ".join(text[m.end : m.end + 40].split()[:2])
    if (party := party_of(head)) is not None:
        return party
    left = text[max(0, m.start - 60) : m.start]
    stops = list(_CLAUSE_STOP.finditer(left)) + list(re.finditer(r",", left))
    clause = left[max(x.end() for x in stops):] if stops else left
    verb = _RECEIVED_BY.search(clause)
    return party_of(clause[: verb.start()]) if verb is not None else None


def _stated_sides(a: Analysis, drafts: dict[str | None, _Draft]) -> None:
    """Add the sides the words state ("195 Russian soldiers were exchanged") that the model left out."""
    for m in a.mentions:
        if m.kind is not MentionKind.COUNT or not m.value or m.value < 2:
            continue
        cue = a.cue_at(m)
        if (cue is not None and cue.role not in (Role.UNIT, Role.BODIES)) or _ASIDE.search(_sentence(a, m)):
            continue
        if not _RETURN.search(_sentence(a, m)) or _future_before(a, m):
            continue
        party = _receiver(a, m)
        if party is None:
            continue
        label = "bodies" if _is_bodies(a, m) else "people"
        d = drafts.setdefault(party, _Draft(party, _releaser(a, m)))
        if getattr(d, label) is None and (label == "people" or d.people is None):
            setattr(d, label, _count(m, a.article.text))


_RELEASED = re.compile(r"\bfree[sd]?\b|releas\w*|hand\w*\s+over|set\s+free|звільнил\w*|відпуст\w*|"
                       r"освободил\w*|отпустил\w*|передал\w*", re.IGNORECASE)


def _releaser(a: Analysis, m: Mention) -> str | None:
    """Return the party the clause before *m* says released it: "Israel is releasing 39 ..."."""
    left = a.article.text[max(0, m.start - 60) : m.start]
    stops = list(_CLAUSE_STOP.finditer(left)) + list(re.finditer(r",", left))
    clause = left[max(x.end() for x in stops):] if stops else left
    verb = _RELEASED.search(clause)
    return party_of(clause[: verb.start()]) if verb is not None else None


def _future_before(a: Analysis, m: Mention) -> bool:
    text = a.article.text
    s, _ = next(((s, e) for s, e in sentence_bounds(text) if s <= m.start < e), (0, len(text)))
    return _FUTURE.search(text[s : m.start]) is not None


def _fill_from(drafts: list[_Draft]) -> None:
    parties = {d.to for d in drafts if d.to}
    for d in drafts:
        if d.from_ is not None and (d.from_ == d.to or party_of(d.from_) is None):
            d.from_ = None  # a place or an agency, not the other party
        if d.from_ is None:
            others = sorted(parties - {d.to})
            if len(others) == 1:
                d.from_ = others[0]
            elif d.to in ("Ukraine", "Russia") and not others:
                d.from_ = "Russia" if d.to == "Ukraine" else "Ukraine"


def _owner(a: Analysis, cue: Cue, drafts: list[_Draft]) -> _Draft:
    """Return the transfer a breakdown cue belongs to: the one whose total was stated last before it."""
    before = [(max(x for x in d.anchors if x < cue.mention.start), i)
              for i, d in enumerate(drafts) if any(x < cue.mention.start for x in d.anchors)]
    named = party_of(_clause(a.article.text, cue.mention).split(cue.mention.quote, 1)[-1])
    match = [d for d in drafts if named is not None and d.to == named]
    if match:
        return match[0]  # "Thirty-one members of Armenia's armed forces"
    home = [d for d in drafts if d.to == "Ukraine"]
    if cue.role is Role.UNIT and cue.unit is not Unit.ARMED_FORCES and home and len(drafts) > 1:
        return home[0]  # the branches in the lexicon are Ukraine's
    if before:
        best = max(before)[0]
        tied = [drafts[i] for pos, i in before if pos == best]
        if len(tied) == 1:
            return tied[0]
        return _home(tied)
    return _home(drafts)


def _home(drafts: list[_Draft]) -> _Draft:
    return next((d for d in drafts if d.to == "Ukraine"), drafts[0])


def _aside(a: Analysis, cue: Cue) -> bool:
    text = a.article.text
    s, e = next(((s, e) for s, e in sentence_bounds(text) if s <= cue.mention.start < e), (0, len(text)))
    sentence = text[s:e]
    cumulative = any(c.role is Role.CUMULATIVE_PEOPLE and s <= c.mention.start < e for c in a.cues)
    return cumulative or _ASIDE.search(sentence) is not None


def _transfer(a: Analysis, d: _Draft) -> Transfer:
    text = a.article.text
    sex: dict[str, Count] = {}
    rank: dict[str, Count] = {}
    units: dict[tuple[Unit, str | None], UnitCount] = {}
    cohorts: dict[str, Cohort] = {}
    civilians: Count | None = None
    wounded: Count | Fraction | None = None
    for cue in d.cues:
        m = cue.mention
        if cue.role is Role.WOUNDED:
            wounded = wounded or _wounded(m, text)
            continue
        if m.value is None:
            continue
        c = _count(m, text)
        if cue.role in (Role.MEN, Role.WOMEN):
            sex.setdefault(cue.role.value, c)
        elif cue.role in (Role.OFFICERS, Role.ENLISTED):
            rank.setdefault(cue.role.value, c)
        elif cue.role is Role.CIVILIANS:
            civilians = civilians or c
        elif cue.role is Role.UNIT and cue.unit is not None:
            units.setdefault((cue.unit, cue.label), UnitCount(unit=cue.unit, count=c, within=cue.within,
                                                              label=cue.label))
        elif cue.role is Role.COHORT and cue.label:
            cohorts.setdefault(cue.label, Cohort(label=cue.label, count=c))
    for unit, within in named_units(text, a.mentions) if d.to == "Ukraine" else ():
        units.setdefault((unit, None), UnitCount(unit=unit, within=within))
    return Transfer.model_validate({
        "to": d.to, "from": d.from_, "people": d.people, "bodies": d.bodies, "sex": sex, "rank": rank,
        "civilians": civilians, "units": tuple(units.values()), "cohorts": tuple(cohorts.values()),
        "wounded_or_ill": wounded,
    })


def _adding_up(a: Analysis, t: Transfer) -> Transfer:
    """Return *t* with the stated whole its parts add up to, when the model chose a part of it.

    "205 українців: 185 військових і ще 20 цивільних": the model may take 185; 185 + 20 civilians = 205,
    which the text states, so 205 is the total. Likewise when the units and civilians sum to a stated number
    above the chosen one. The checks are the verifier: prefer the reading whose parts add up.
    """
    if t.people is None or t.people.qualifier is not Qualifier.EXACT:
        return t
    civilians = t.civilians.value if t.civilians is not None else 0
    sums = []
    if civilians:
        sums.append(t.people.value + civilians)
    top = [u.count.value for u in t.units if u.within is None and u.count is not None]
    if top:
        sums.append(sum(top) + civilians)
    if len(t.sex) == 2:
        sums.append(sum(c.value for c in t.sex.values()))
    for total in sums:
        if total <= t.people.value:
            continue
        whole = next((m for m in a.mentions if m.value == total and m.kind is MentionKind.COUNT
                      and not _is_part(a, m) and not _running_total(a, m)), None)
        if whole is not None:
            return t.model_copy(update={"people": _count(whole, a.article.text)})
    return t


def _wounded(m: Mention, text: str) -> Count | Fraction | None:
    if m.fraction is not None:
        return Fraction(fraction=m.fraction, qualifier=m.qualifier, evidence=_evidence(m, text))
    return _count(m, text) if m.value is not None else None


# ---- the whole exchange --------------------------------------------------------------------------

def _bodies_received(a: Analysis) -> bool:
    """Return whether the article reports bodies handed over with the living, counted or not."""
    text = a.article.text
    return any(_BODY_WORDS.search(text[s:e]) and _RETURN.search(text[s:e]) and not _ASIDE.search(text[s:e])
               for s, e in sentence_bounds(text))


def _kind(model_kind: str, transfers: list[Transfer], a: Analysis) -> Kind:
    people = any(t.people is not None for t in transfers)
    bodies = any(t.bodies is not None for t in transfers) or (people and _bodies_received(a))
    if not transfers:
        return Kind.NONE
    if people and bodies:
        return Kind.MIXED
    if bodies:
        return Kind.BODY_REPATRIATION
    if model_kind == "release" and len(transfers) == 1:
        return Kind.RELEASE
    return Kind.PRISONER_EXCHANGE


def _ordinal(a: Analysis) -> Cue | None:
    return next((c for c in a.cues if c.role is Role.ORDINAL), None)


def _cumulative(a: Analysis, transfers: list[Transfer], ordinal: Cue | None) -> Cumulative | None:
    people = next((c for c in a.cues if c.role is Role.CUMULATIVE_PEOPLE and c.mention.value), None)
    exchanges = next((c for c in a.cues if c.role is Role.CUMULATIVE_EXCHANGES), None)
    this = max((t.people.value for t in transfers if t.people is not None), default=0)
    if people is None and this:
        people = _large_total(a, this)
    ex_value = exchanges.mention.value if exchanges else None
    if ex_value is None and ordinal is not None and _since_start(a, ordinal):
        ex_value = ordinal.mention.value
    if people is None and ex_value is None:
        return None
    home = _home_party(transfers)
    count = _count(people.mention, a.article.text) if people is not None else None
    return Cumulative(to=home, exchanges=ex_value, people=count)


def _large_total(a: Analysis, this: int) -> Cue | None:
    """Return a number of returned people far larger than this exchange's: a running total."""
    for m in a.mentions:
        if m.kind is MentionKind.COUNT and m.value and m.value >= max(1000, 10 * this) and a.cue_at(m) is None:
            cue = Cue(m, Role.CUMULATIVE_PEOPLE, m.quote)
            if not _aside(a, cue) and re.search(r"rescu|return|freed|releas|повернул|вернул|звільн|освобод",
                                                 _sentence(a, m), re.IGNORECASE):
                return cue
    return None


def _sentence(a: Analysis, m: Mention) -> str:
    text = a.article.text
    s, e = next(((s, e) for s, e in sentence_bounds(text) if s <= m.start < e), (0, len(text)))
    return text[s:e]


def _since_start(a: Analysis, cue: Cue) -> bool:
    return re.search(r"since\s+the\s+(?:beginning|start)|з\s+початку|с\s+начала", _sentence(a, cue.mention),
                     re.IGNORECASE) is not None


def _parties(transfers: list[Transfer]) -> set[str]:
    return {p for t in transfers for p in (t.to, t.from_) if p}


def _home_party(transfers: list[Transfer]) -> str | None:
    if any(t.to == "Ukraine" for t in transfers):
        return "Ukraine"
    return transfers[0].to if transfers else None


def _mediators(a: Analysis, names: list[str], parties: set[str], dropped: list[str]) -> tuple[str, ...]:
    """Return the mediators: known third parties the model names, or the article credits, in a sentence
    about mediating (or, for the model's, about the handover)."""
    text = a.article.text
    credited: set[str] = set()
    involved: set[str] = set()
    for s, e in sentence_bounds(text):
        sentence = text[s:e]
        named = {name for _, name in mediators_named(sentence)}
        if _MEDIATION.search(sentence):
            credited |= named
        if _HANDOVER.search(sentence):
            involved |= named
    out = sorted(credited - parties)
    for name in names:
        canon = mediator_of(name)
        if canon is None or canon in parties:
            dropped.append(f"mediator {name!r}: not a third country or international organisation")
        elif canon not in credited | involved:
            dropped.append(f"mediator {name!r}: the article does not credit it with the exchange")
        elif canon not in out:
            out.append(canon)
    return tuple(sorted(out))


def assemble(a: Analysis, sides: Sides) -> tuple[Exchange, tuple[str, ...]]:
    """Return the Exchange built from *sides* and the cues of *a*, and what was dropped and why."""
    dropped: list[str] = []
    drafts = _drafts(a, sides.sides, dropped) if sides.kind != "none" else []
    for cue in a.cues:
        if cue.role in _BREAKDOWN and drafts and not _aside(a, cue):
            _owner(a, cue, drafts).cues.append(cue)
    transfers = [_adding_up(a, _transfer(a, d)) for d in drafts]
    ordinal = _ordinal(a)
    kind = _kind(sides.kind, transfers, a)
    exchange = Exchange(
        exchange_date=exchange_date(a.article.text, article_date=a.article.date) if transfers else None,
        kind=kind,
        ordinal=ordinal.mention.value if ordinal else None,
        mediators=_mediators(a, sides.mediators, _parties(transfers), dropped) if transfers else (),
        transfers=tuple(transfers),
        cumulative=_cumulative(a, transfers, ordinal) if transfers else None,
    )
    return exchange, tuple(dropped)
