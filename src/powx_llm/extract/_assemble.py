"""Build the Exchange from the resolved sides and the grounded word cues.

Every number in the result comes from a mention found in the text, so it is grounded by
construction; a number the model gives that the text does not state is reported, never kept.
"""

from __future__ import annotations

import re

from powx_llm.extract._schema import Sides
from powx_llm.extract._sides import Draft, drafts_from, home_draft, people_of
from powx_llm.model import Cohort, Count, Cumulative, Exchange, Fraction, Kind, Qualifier, Transfer, Unit, UnitCount
from powx_llm.read import (
    BREAKDOWN,
    OPENING_CHARS,
    Analysis,
    Cue,
    Mention,
    MentionKind,
    Role,
    carried_out,
    clause_of,
    clause_span,
    count_of,
    evidence_of,
    exchange_date,
    is_aside,
    is_part,
    mediator_of,
    mediators_named,
    mentions_in,
    named_units,
    parties_named,
    party_of,
    running_total,
    sentence_of,
)

__all__ = ["assemble"]


def _owner(a: Analysis, cue: Cue, drafts: list[Draft]) -> Draft:
    """Return the transfer a breakdown cue belongs to: the one whose total was stated last before it."""
    before = [
        (max(x for x in d.anchors if x < cue.mention.start), i)
        for i, d in enumerate(drafts)
        if any(x < cue.mention.start for x in d.anchors)
    ]
    named = party_of(clause_of(a.article.text, cue.mention).split(cue.mention.quote, 1)[-1])
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
        return home_draft(tied)
    return home_draft(drafts)


def _transfer(a: Analysis, d: Draft) -> Transfer:
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
        c = count_of(m, text)
        if cue.role in (Role.MEN, Role.WOMEN):
            sex.setdefault(cue.role.value, c)
        elif cue.role in (Role.OFFICERS, Role.ENLISTED, Role.PRIVATES, Role.SERGEANTS):
            rank.setdefault(cue.role.value, c)
        elif cue.role is Role.CIVILIANS:
            civilians = civilians or c
        elif cue.role is Role.UNIT and cue.unit is not None:
            units.setdefault(
                (cue.unit, cue.label), UnitCount(unit=cue.unit, count=c, within=cue.within, label=cue.label)
            )
        elif cue.role is Role.COHORT and cue.label:
            cohorts.setdefault(cue.label, Cohort(label=cue.label, count=c))
    for unit, within in named_units(text, a.mentions) if d.to == "Ukraine" else ():
        units.setdefault((unit, None), UnitCount(unit=unit, within=within))
    if d.people is not None and not any(u.count is not None for u in units.values()) and _all_armed_forces(a, d):
        units[(Unit.ARMED_FORCES, None)] = UnitCount(unit=Unit.ARMED_FORCES, count=d.people)
    return Transfer.model_validate(
        {
            "to": d.to,
            "from": d.from_,
            "people": d.people,
            "bodies": d.bodies,
            "sex": sex,
            "rank": rank,
            "civilians": civilians,
            "units": tuple(units.values()),
            "cohorts": tuple(cohorts.values()),
            "wounded_or_ill": wounded,
        }
    )


def _all_armed_forces(a: Analysis, d: Draft) -> bool:
    """Return whether the clause stating Ukraine's total names its armed forces as theirs: "95 prisoners of war
    from the Ukrainian army", "300 взятых в плен солдат ВСУ", "Ukrayna Silahlı Kuvvetleri mensubu 185".

    The branches the lexicon knows are Ukraine's; a clause that names another party's people ("captured
    by the Russian army") or another number is not about all of them.
    """
    if d.to != "Ukraine" or d.people is None:
        return False
    text, armed = a.article.text, a.words("unit.armed_forces")
    for m in a.mentions:
        if m.value != d.people.value or m.kind is not MentionKind.COUNT or is_part(a, m):
            continue
        start, end = clause_span(text, m)
        others = [x for x in a.mentions if x is not m and start <= x.start < end and x.kind is MentionKind.COUNT]
        clause = text[start:end]
        if armed.search(clause) and not others and people_of(a, clause) in (None, "Ukraine"):
            return True
    return False


def _servicemen_at_least(a: Analysis, t: Transfer) -> Transfer:
    """ "185 військових, а також 20 цивільних" or "55 Russian soldiers and Viktor Medvedchuk" with no stated
    whole: people are the figure, at least (annotation conventions 4 and 10: civilians counted apart are
    never summed into an unstated total, and a named person carries no numeral)."""
    if t.people is None or t.people.qualifier is not Qualifier.EXACT or t.people.evidence is None:
        return t
    stated = [m for m in a.mentions if m.value == t.people.value and m.kind is MentionKind.COUNT and not is_part(a, m)]
    if any(_civilians_beside(a, m, t) or _person_beside(a, m) for m in stated):
        return t.model_copy(update={"people": t.people.model_copy(update={"qualifier": Qualifier.AT_LEAST})})
    return t


def _civilians_beside(a: Analysis, m: Mention, t: Transfer) -> bool:
    """Return whether servicemen stated by *m* have the transfer's civilians listed after them, in the same
    sentence and not among them ("185 asker ve 20 sivil")."""
    if t.civilians is None:
        return False
    civ = next(
        (
            x
            for x in a.mentions
            if x.value == t.civilians.value
            and m.end <= x.start
            and a.sentence_span(x.start) == a.sentence_span(m.start)
        ),
        None,
    )
    if civ is None or not a.words("servicemen", r"^\s*(?:\w+\s+)?").match(a.article.text[m.end : m.end + 40]):
        return False
    return not a.words("including").search(a.article.text[m.end : civ.start])


# "and Viktor Medvedchuk": an "and" or "as well as" within a few words of the figure, then a first name and a
# surname. Capitalised words are how the Latin and Cyrillic scripts mark a name; Arabic has no such mark.
_NAME = re.compile(r"\s+([^\W\d_][\w'’-]+)\s+([^\W\d_][\w'’-]+)")
_NAME_WINDOW = 60


def _person_beside(a: Analysis, m: Mention) -> bool:
    """Return whether a named person is released together with the figure *m* states, in its sentence."""
    text = a.article.text
    _, end = a.sentence_span(m.start)
    tail = text[m.end : min(end, m.end + _NAME_WINDOW)]
    if mentions_in(a, (m.end, m.end + len(tail))) or a.words("including").search(tail):
        return False
    joints = [*a.words("and", r"(?<!\w)", r"(?!\w)").finditer(tail), *a.words("also").finditer(tail)]
    for joint in joints:
        if any(_is_name(n) for n in _NAME.finditer(" " + tail[: joint.start()])):
            continue  # "the two Britons, Shaun Pinner and Aidan Aslin": the names are the figure's own
        name = _NAME.match(tail, joint.end())
        if name is not None and _is_name(name):
            return True
    return False


def _is_name(name: re.Match[str]) -> bool:
    """Return whether two words are a capitalised first name and surname, not a party or a mediator."""
    if not all(w[0].isupper() for w in name.groups()):
        return False
    full = f"{name.group(1)} {name.group(2)}"
    return not parties_named(full) and party_of(full) is None and mediator_of(full) is None


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
        whole = next(
            (
                m
                for m in a.mentions
                if m.value == total and m.kind is MentionKind.COUNT and not is_part(a, m) and not running_total(a, m)
            ),
            None,
        )
        if whole is not None:
            return t.model_copy(update={"people": count_of(whole, a.article.text)})
    return t


def _wounded(m: Mention, text: str) -> Count | Fraction | None:
    if m.fraction is not None:
        return Fraction(fraction=m.fraction, qualifier=m.qualifier, evidence=evidence_of(m, text))
    return count_of(m, text) if m.value is not None else None


def _bodies_received(a: Analysis) -> bool:
    """Return whether the article's opening reports bodies handed over with the living, counted or not."""
    text = a.article.text
    return any(
        a.words("body_words").search(text[s:e])
        and a.words("return").search(text[s:e])
        and not a.words("aside").search(text[s:e])
        for s, e in a.sentences
        if s < OPENING_CHARS  # only the opening tells what *this* handover carried
    )


def _happened(a: Analysis) -> bool:
    """Return whether some sentence reports a handover as done (not planned, not about others)."""
    text = a.article.text
    return carried_out(a) or any(
        a.words("handover").search(text[s:e])
        and not a.words("future").search(text[s:e])
        and not a.words("aside").search(text[s:e])
        for s, e in a.sentences
    )


def _kind(model_kind: str, transfers: list[Transfer], a: Analysis, *, counted: bool) -> Kind:
    people = any(t.people is not None for t in transfers)
    bodies = any(t.bodies is not None for t in transfers) or (people and _bodies_received(a))
    if not transfers:
        # Every number the model *counted* was dropped: its kind stands if the words report a handover as done.
        return Kind(model_kind) if counted and model_kind != "none" and _happened(a) else Kind.NONE
    if people and bodies:
        return Kind.MIXED
    if bodies:
        return Kind.BODY_REPATRIATION
    if len(transfers) == 1 and (model_kind == "release" or not _called_an_exchange(a)):
        return Kind.RELEASE  # one way, and the words never speak of an exchange or of anything in return
    return Kind.PRISONER_EXCHANGE


def _uncounted_return(a: Analysis, transfers: list[Transfer]) -> list[Transfer]:
    """Return the other side of a one-sided exchange when the words say it got something back that they
    do not count: "10 Americans freed by Venezuela in return for an imprisoned ally of Maduro"."""
    if len(transfers) != 1 or transfers[0].to is None or transfers[0].from_ is None:
        return []
    text, words = a.article.text, a.words("in_return", r"(?<!\w)", r"(?!\w)")
    for hit in words.finditer(text):
        _, end = a.sentence_span(hit.start())
        if not any(hit.end() <= m.start < end and m.kind is MentionKind.COUNT for m in a.mentions):
            return [Transfer(to=transfers[0].from_, from_=transfers[0].to)]
    return []


def _called_an_exchange(a: Analysis) -> bool:
    """Return whether the words call the handover an exchange or say something came in return."""
    text = a.article.text
    return any(a.words(c).search(text) for c in ("exchange_word", "in_return", "equal_sides"))


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
    if people is not None and people.mention.value is not None and _both_sides_total(a, people.mention.value):
        home = None  # "1,558 prisoners from both sides": a total of both sides, not one side's
    count = count_of(people.mention, a.article.text) if people is not None else None
    return Cumulative(to=home, exchanges=ex_value, people=count)


def _both_sides_total(a: Analysis, value: int) -> bool:
    """Return whether a sentence stating the running total *value* says it counts both sides."""
    words = a.words("equal_sides")
    return any(m.value == value and words.search(sentence_of(a, m)) for m in a.mentions)


def _large_total(a: Analysis, this: int) -> Cue | None:
    """Return a number of returned people far larger than this exchange's, stated without a cue."""
    for m in a.mentions:
        if m.kind is MentionKind.COUNT and m.value and m.value >= max(1000, 10 * this) and a.cue_at(m) is None:
            cue = Cue(m, Role.CUMULATIVE_PEOPLE, m.quote)
            if running_total(a, m) and not is_aside(a, cue) and not _one_year(a, sentence_of(a, m)):
                return cue
    return None


def _one_year(a: Analysis, sentence: str) -> bool:
    """ "nearly 1,600 in 2022": a year's total, not a total since the war began."""
    return a.words("in_year", r"\b", r"\s+(?:19|20)\d\d\b").search(sentence) is not None


def _since_start(a: Analysis, cue: Cue) -> bool:
    return a.words("since_start").search(sentence_of(a, cue.mention)) is not None


def _parties(transfers: list[Transfer]) -> set[str]:
    return {p for t in transfers for p in (t.to, t.from_) if p}


def _home_party(transfers: list[Transfer]) -> str | None:
    if any(t.to == "Ukraine" for t in transfers):
        return "Ukraine"
    return transfers[0].to if transfers else None


_ICRC = "International Committee of the Red Cross"


def _mediators(a: Analysis, names: list[str], parties: set[str], dropped: list[str]) -> tuple[str, ...]:
    """Return the mediators: known third parties the model names, or the article credits, in a sentence
    about mediating (or, for the model's, about the handover)."""
    text = a.article.text
    credited: set[str] = set()
    involved: set[str] = set()
    for s, e in a.sentences:
        sentence = text[s:e]
        named = {name for _, name in mediators_named(sentence)}
        if a.words("mediation").search(sentence):
            credited |= named
        if a.words("handover").search(sentence) or a.words("intermediary").search(sentence):
            involved |= named
    # The ICRC as the neutral intermediary that received, carried or examined the people is credited
    # (convention 6).
    credited |= involved & {_ICRC}
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
    mediators = frozenset(m for m in (mediator_of(n) for n in sides.mediators) if m is not None)
    drafts = drafts_from(a, sides.sides, dropped, mediators=mediators) if sides.kind != "none" else []
    for cue in a.cues:
        if cue.role in BREAKDOWN and drafts and not is_aside(a, cue):
            _owner(a, cue, drafts).cues.append(cue)
    transfers = [_servicemen_at_least(a, _adding_up(a, _transfer(a, d))) for d in drafts]
    ordinal = _ordinal(a)
    counted = any(side.people or side.bodies for side in sides.sides)
    kind = _kind(sides.kind, transfers, a, counted=counted)
    if kind is Kind.PRISONER_EXCHANGE:
        transfers += _uncounted_return(a, transfers)
    exchange = Exchange(
        exchange_date=exchange_date(a.article.text, article_date=a.article.date, languages=a.languages)
        if kind is not Kind.NONE
        else None,
        kind=kind,
        ordinal=ordinal.mention.value if ordinal else None,
        mediators=_mediators(a, sides.mediators, _parties(transfers), dropped) if kind is not Kind.NONE else (),
        transfers=tuple(transfers),
        cumulative=_cumulative(a, transfers, ordinal) if transfers else None,
    )
    return exchange, tuple(dropped)
