"""Answer rules about each side's breakdown: which side the groups the words count belong to (men, officers,
units, cohorts, the wounded), units named without a count, and a total that is all of the armed forces."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TypeVar

from powx_llm.extract._answer import Draft, Drafts
from powx_llm.extract._clues import freed_from, people_of, peoples_named
from powx_llm.extract._rules_sides import home_draft
from powx_llm.model import Cohort, Count, Fraction, Qualifier, Unit, UnitCount
from powx_llm.read import (
    BREAKDOWN,
    CLAUSE_OR_COMMA,
    Analysis,
    Cue,
    Mention,
    MentionKind,
    Role,
    clause_of,
    clause_span,
    count_of,
    evidence_of,
    is_aside,
    is_part,
    named_units,
    party_of,
    sole_group,
    whole_of_parts,
)

__all__ = [
    "all_of_the_armed_forces",
    "breakdown_by_order",
    "groups_said_of_all",
    "no_part_above_its_whole",
    "units_named_without_count",
]

_RANKS = (Role.OFFICERS, Role.ENLISTED, Role.PRIVATES, Role.SERGEANTS)


def breakdown_by_order(a: Analysis, drafts: Drafts) -> Drafts:
    """Each group the words count (men, officers, civilians, units, cohorts, the wounded) belongs to the side
    whose total was stated last before it, or to the party its clause names; Ukraine's branches to Ukraine;
    men or women as many as one side's whole count ("the three men"), to that side.
    Groups in a sentence about other people (running totals, those still held) belong to no side."""
    sides = [replace(d, anchors=_anchors(a, d)) for d in drafts.sides]
    owners: list[tuple[Cue, int | None]] = []
    last: tuple[Cue, int] | None = None
    for cue in a.cues:
        if cue.role in BREAKDOWN and sides and not is_aside(a, cue):
            owner = _owner(a, cue, sides, last)
            owners.append((cue, owner))
            last = (cue, owner) if owner is not None else None
    owned: list[list[Cue]] = [[] for _ in sides]
    for cue, owner in owners:
        if owner is None:  # tied sides: the side the same group is given where the words tell, else the home side
            same = [i for c, i in owners if i is not None and _same_group(c, cue)]
            tied = _last_stated([d.anchors for d in sides], cue.mention.start)
            owner = same[0] if same else sides.index(home_draft([sides[i] for i in tied] or sides))
        owned[owner].append(cue)
    return drafts.with_sides(_with_parts(a, d, cues) for d, cues in zip(sides, owned, strict=True))


def _anchors(a: Analysis, d: Draft) -> tuple[int, ...]:
    """Return where the text states the side's totals (not as a part of a group)."""
    values = {c.value for c in (d.people, d.bodies) if c is not None}
    return tuple(
        m.start
        for m in a.mentions
        if m.value in values and (not is_part(a, m) or whole_of_parts(a, m) or sole_group(a, m))
    )


def _owner(a: Analysis, cue: Cue, sides: list[Draft], previous: tuple[Cue, int] | None = None) -> int | None:
    """Return the index of the side a breakdown cue belongs to: the side whose total the group is stated with
    ("45 Azovstal defenders - 42 men …"), the whole of the men or women counted as one side's number, the
    party its clause names (not the captor: "freed from Russian captivity"; nor where they were captured), the
    one whose people its sentence names before it when no total stands there, else the one whose total was
    stated last before it, unless a group was counted since (*previous*, and the side it went to) and none is stated
    in its sentence: the breakdown goes on ("Seven are officers … Thirty-one of them have serious injuries").
    None when sides tie for it (one number stated for both)."""
    whole = [i for i, d in enumerate(sides) if cue.mention.value in {c.value for c in (d.people, d.bodies) if c}]
    sentence = a.sentence_span(cue.mention.start)
    if (
        cue.role in (Role.MEN, Role.WOMEN)
        and len(whole) == 1
        and not any(
            sentence[0] <= x < cue.mention.start for i, d in enumerate(sides) if i != whole[0] for x in d.anchors
        )
    ):
        return whole[0]  # "The three men had been abducted": the group is the whole of the side counting three
    at = [i for i, d in enumerate(sides) if cue.mention.start in d.anchors]
    if len(at) == 1:
        return at[0]  # "45 Azovstal defenders - 42 men and three women": the group is where the side's total is
    stated = [(x, i) for i, d in enumerate(sides) for x in d.anchors if sentence[0] <= x < cue.mention.start]
    if stated and a.words("including").search(a.article.text[max(stated)[0] : cue.mention.start]):
        last = max(stated)[0]  # "Israel released 33 prisoners, among them 20 women and children": that side's
        return _whose_total(a, cue, sides, [i for x, i in stated if x == last], last)
    after = clause_of(a.article.text, cue.mention).split(cue.mention.quote, 1)[-1]
    if (status := a.words("status", r"(?<!\w)", r"(?!\w)").search(after)) is not None:
        after = after[: status.start()]  # "17 soldiers captured … in Russia's Kursk region": a place or the captor
    named = party_of(after)
    if named is not None and named == freed_from(a, cue.mention):
        named = None  # "42 men and three women - had been freed from Russian captivity": the captor's name
    match = [i for i, d in enumerate(sides) if named is not None and d.to == named]
    if match:
        return match[0]  # "Thirty-one members of Armenia's armed forces"
    if not stated:  # "The returning Ukrainians include 64 soldiers of the Armed Forces": the people its sentence names
        who = _whose_people(a, cue, sides, range(len(sides)), sentence[0])
        if who is not None:
            return who
    home = [i for i, d in enumerate(sides) if d.to == "Ukraine"]
    if cue.role is Role.UNIT and cue.unit is not Unit.ARMED_FORCES and home and len(sides) > 1:
        return home[0]  # the branches in the lexicon are Ukraine's
    before = [x for d in sides for x in d.anchors if x < cue.mention.start]
    if previous is not None and not stated and max(before, default=-1) < previous[0].mention.start:
        return previous[1]  # no total stated since the last group counted: the same side's breakdown goes on
    tied = _last_stated([d.anchors for d in sides], cue.mention.start)
    return tied[0] if len(tied) == 1 else None


def _same_group(c: Cue, d: Cue) -> bool:
    """Return whether two cues count the same group (the headline's "eight civilians", the text's "eight Russian
    civilians")."""
    return c is not d and (c.role, c.unit, c.label, c.mention.value) == (d.role, d.unit, d.label, d.mention.value)


def _whose_total(a: Analysis, cue: Cue, sides: list[Draft], tied: list[int], at: int) -> int:
    """Return which of the *tied* sides, whose totals are all the number stated at *at* (both sides got 157),
    the group "among them" after it in its sentence belongs to: the one whose people the words from the number
    to the group name ("157 Ukrainians were brought home …, among them 11 women"), else the side the answer's
    words give that number, else the home side."""
    if len(tied) == 1:
        return tied[0]
    who = _whose_people(a, cue, sides, tied, at)
    if who is not None:
        return who
    said = [
        i for i in tied if any(c and c.evidence and c.evidence.start == at for c in (sides[i].people, sides[i].bodies))
    ]
    if len(said) == 1:
        return said[0]
    return sides.index(home_draft([sides[i] for i in tied]))


def _whose_people(a: Analysis, cue: Cue, sides: list[Draft], among: Iterable[int], start: int) -> int | None:
    """Return which of the sides *among* the words from *start* to the group name as the only people there (not
    the captor: "freed from Russian captivity"), if one."""
    named = peoples_named(a, a.article.text[start : cue.mention.start]) - {freed_from(a, cue.mention)}
    who = [i for i in among if sides[i].to in named]
    return who[0] if len(named) == 1 and len(who) == 1 else None


def _with_parts(a: Analysis, d: Draft, cues: list[Cue]) -> Draft:
    """Return *d* with the groups its *cues* count (the first count of each group wins)."""
    text = a.article.text
    sex: dict[str, Count] = {}
    rank: dict[str, Count] = {}
    units: dict[tuple[Unit, str | None], UnitCount] = {}
    cohorts: dict[str, Cohort] = {}
    civilians: Count | None = None
    wounded: Count | Fraction | None = None
    for cue in cues:
        m = cue.mention
        if cue.role is Role.WOUNDED:
            whole = max((c.value for c in (d.people, d.bodies) if c is not None), default=None)
            if whole is None or m.value is None or m.value <= whole:  # not "380mila feriti" beside 1,200 bodies
                wounded = wounded or _wounded(m, text)
            continue
        if m.value is None:
            continue
        c = count_of(m, text)
        if cue.role in (Role.MEN, Role.WOMEN):
            sex.setdefault(cue.role.value, c)
        elif cue.role in _RANKS:
            rank.setdefault(cue.role.value, c)
        elif cue.role is Role.CIVILIANS:
            civilians = civilians or c
        elif cue.role is Role.UNIT and cue.unit is not None:
            units.setdefault(
                (cue.unit, cue.label), UnitCount(unit=cue.unit, count=c, within=cue.within, label=cue.label)
            )
        elif cue.role is Role.COHORT and cue.label:
            cohorts.setdefault(cue.label, Cohort(label=cue.label, count=c))
    return replace(
        d,
        sex=sex,
        rank=rank,
        civilians=civilians,
        units=tuple(units.values()),
        cohorts=tuple(cohorts.values()),
        wounded=wounded,
    )


def _wounded(m: Mention, text: str) -> Count | Fraction | None:
    if m.fraction is not None:
        return Fraction(fraction=m.fraction, qualifier=m.qualifier, evidence=evidence_of(m, text))
    return count_of(m, text) if m.value is not None else None


def units_named_without_count(a: Analysis, drafts: Drafts) -> Drafts:
    """Ukraine's branches named without a count ("defenders from the Navy, the National Guard ...") are listed
    with no count (the branches the lexicon knows are Ukraine's)."""
    named = named_units(a.article.text, a.mentions)
    sides = []
    for d in drafts.sides:
        if d.to == "Ukraine":
            have = {(u.unit, u.label) for u in d.units}
            extra = [UnitCount(unit=unit, within=within) for unit, within in named if (unit, None) not in have]
            d = replace(d, units=(*d.units, *_first_of_each(extra)))
        sides.append(d)
    return drafts.with_sides(sides)


def _first_of_each(units: list[UnitCount]) -> list[UnitCount]:
    seen: set[Unit] = set()
    return [u for u in units if not (u.unit in seen or seen.add(u.unit))]  # type: ignore[func-returns-value]


def all_of_the_armed_forces(a: Analysis, drafts: Drafts) -> Drafts:
    """Ukraine's total whose own clause names Ukraine's armed forces as theirs ("95 prisoners of war from the
    Ukrainian army", "300 взятых в плен солдат ВСУ", "Ukrayna Silahlı Kuvvetleri mensubu 185") counts all of
    them as the armed forces, when no unit is counted."""
    sides = []
    for d in drafts.sides:
        if d.people is not None and not any(u.count is not None for u in d.units) and _all_armed_forces(a, d):
            whole = UnitCount(unit=Unit.ARMED_FORCES, count=d.people)
            named = any((u.unit, u.label) == (Unit.ARMED_FORCES, None) for u in d.units)
            units = tuple(whole if (u.unit, u.label) == (Unit.ARMED_FORCES, None) else u for u in d.units)
            d = replace(d, units=units if named else (*d.units, whole))
        sides.append(d)
    return drafts.with_sides(sides)


def _all_armed_forces(a: Analysis, d: Draft) -> bool:
    """Return whether the clause stating Ukraine's total names its armed forces as theirs.

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


_RANK_WORDS = ((Role.ENLISTED, "enlisted"), (Role.OFFICERS, "officers"))


def groups_said_of_all(a: Analysis, drafts: Drafts) -> Drafts:
    """A rank or a branch said of all the returned, in a sentence that states no number ("Усі звільнені належать
    до рядового та сержантського складу", "Every one of them is a National Guardsman"), counts the whole side
    whose total was stated last before it, when that side counts no such group yet (branches: Ukraine's, as the
    lexicon's are). The group's words follow the words of "all" closely, in their clause; not "almost all",
    "not all"."""
    sides = list(drafts.sides)
    text = a.article.text
    anchors: list[tuple[int, ...]] | None = None  # where each side's total is stated, read when first needed
    for s, e in a.sentences:
        said = a.words("all_of_them").search(text, s, e)
        if said is None or a.words("aside").search(text, s, e):
            continue
        if a.words("not_all").search(text[max(s, said.start() - 20) : said.start()]):
            continue  # "almost all of them", "not all of them"
        if any(
            s <= m.start < e and m.kind is MentionKind.COUNT and not said.start() <= m.start < said.end()
            for m in a.mentions
        ):
            continue  # a number in the sentence counts a group of its own ("every one of them": its "one" is none)
        anchors = anchors if anchors is not None else [_anchors(a, d) for d in sides]
        tied = _last_stated(anchors, s)
        d = sides[tied[0]] if len(tied) == 1 else None
        if d is None or d.people is None:
            continue
        rest = text[said.end() : e]
        rank = _the_one_group(a, rest, dict(_RANK_WORDS))
        if rank is not None and not d.rank:
            d = replace(d, rank={rank.value: d.people})
        unit = _the_one_group(a, rest, {u: f"unit.{u.value}" for u in Unit if u is not Unit.OTHER})
        if unit is not None and d.to == "Ukraine" and not any(u.count is not None for u in d.units):
            d = replace(d, units=(*(u for u in d.units if u.unit is not unit), UnitCount(unit=unit, count=d.people)))
        sides[tied[0]] = d
    return drafts.with_sides(sides)


_G = TypeVar("_G", Role, Unit)
_SAID_OF_THEM = 3  # words between "all of them" and the group: "is a", "belong to", "served in the"


def _the_one_group(a: Analysis, rest: str, groups: dict[_G, str]) -> _G | None:
    """Return the one group of *groups* (group -> its word category) the words right after "all of them" name:
    within a few words, in their clause ("are privates", "is a National Guardsman"; not "returned home, where
    officers met them"), and no other group of them named in the rest of the sentence ("are officers, sergeants
    and privates": no one group is all)."""
    clause = CLAUSE_OR_COMMA.split(rest, maxsplit=1)[0]
    near = [
        g
        for g, c in groups.items()
        if (hit := a.words(c).search(clause)) and len(clause[: hit.start()].split()) <= _SAID_OF_THEM
    ]
    named = [g for g, c in groups.items() if a.words(c).search(rest)]
    return near[0] if len(near) == 1 and named == near else None


def _last_stated(anchors: list[tuple[int, ...]], at: int) -> list[int]:
    """Return the indices of the sides whose total the text states last before *at* (*anchors*: where each
    side's total is stated, not as a part of a group); several when one mention states them all, none when no
    total comes before."""
    before = [[x for x in xs if x < at] for xs in anchors]
    stated = [(max(xs), i) for i, xs in enumerate(before) if xs]
    last = max(stated)[0] if stated else None
    return [i for pos, i in stated if pos == last]


def no_part_above_its_whole(a: Analysis, drafts: Drafts) -> Drafts:
    """A group counted as part of a side (a cohort, the wounded) is never more than the side's whole: "More than
    70,000 Ukrainians are listed as missing" beside the bodies of nearly 500 counts no one of them."""
    sides, notes = [], []
    for d in drafts.sides:
        counts = [c for c in (d.people, d.bodies) if c is not None]
        if not counts or any(c.qualifier in (Qualifier.AT_LEAST, Qualifier.MORE_THAN) for c in counts):
            sides.append(d)
            continue
        whole = sum(c.value for c in counts)  # a cohort may count the living or the dead, never more than both
        kept = tuple(c for c in d.cohorts if c.count is None or c.count.value <= whole)
        notes += [
            f"cohort {c.label!r} of {d.to}: more than the {whole} it would be part of"
            for c in d.cohorts
            if c not in kept
        ]
        living = d.people  # the wounded are living people
        if isinstance(d.wounded, Count) and living is not None and d.wounded.value > living.value:
            notes.append(f"wounded of {d.to}: more than the {living.value} they would be part of")
            d = replace(d, wounded=None)
        sides.append(replace(d, cohorts=kept))
    return drafts.with_sides(sides, *notes)
