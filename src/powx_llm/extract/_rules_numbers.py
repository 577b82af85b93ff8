"""Answer rules about *which* stated number is a side's total: bodies or people, this exchange's or not, the
part handed over, one figure for one side, a named or summed whole, and "at least"."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from powx_llm.extract._answer import LABELS, Draft, Drafts, mention_of
from powx_llm.extract._clues import (
    both_sides,
    group_head,
    in_return,
    its_own,
    names_a_year,
    people_of,
    receiver,
    whose,
    whose_own,
)
from powx_llm.extract._sides import (
    NotThisExchange,
    bodies_by_words,
    may_count_this_exchange,
    not_total_because,
    why_not_total,
)
from powx_llm.model import Count, Qualifier
from powx_llm.read import (
    NON_STATE,
    Analysis,
    Mention,
    MentionKind,
    count_of,
    handed_part,
    is_part,
    mediator_of,
    mentions_in,
    part_of,
    parties_named,
    party_of,
    running_total,
    sentence_of,
    sole_group,
)

__all__ = [
    "bodies_are_bodies",
    "bodies_named_as_bodies",
    "halve_both_sides",
    "named_total",
    "not_a_date_or_thing",
    "not_a_part",
    "not_a_running_total",
    "not_planned",
    "not_still_held",
    "one_figure_one_side",
    "only_part_handed_over",
    "servicemen_at_least",
    "total_from_parts",
]


def bodies_named_as_bodies(a: Analysis, drafts: Drafts) -> Drafts:
    """People the words count as bodies ("the bodies of 501", "тіла 212") are bodies: the model put the dead
    among the living. The bodies it gave that side instead go to the party whose dead the words name, when that
    is another ("1,000 bodies of Ukrainian servicemen … 31 bodies of Russian soldiers": both on Ukraine's side);
    when those are the side's own and the people's number is another party's dead, that number goes to that
    party instead ("Russia handed over the bodies of 1,000 Ukrainian servicemen and received the remains of 38
    of its own soldiers": both on Russia's side)."""
    sides: list[Draft] = []
    notes: list[str] = []
    for d in drafts.sides:
        m = mention_of(a, d.people)
        if m is None or not bodies_by_words(a, m):
            sides.append(d)
            continue
        moved, note = _the_dead_by_whose(a, d, m)
        sides += moved
        notes += [note] if note else []
    return drafts.with_sides(sides, *notes)


def _the_dead_by_whose(a: Analysis, d: Draft, m: Mention) -> tuple[list[Draft], str | None]:
    """Return side *d*, whose people's number *m* the words call bodies, as sides of bodies (see
    ``bodies_named_as_bodies``), and why, when the model's own bodies for it change."""
    as_bodies = replace(d, people=None, bodies=d.people)  # the people's number takes the bodies' place
    if d.bodies is None or d.people is None or d.bodies.value == d.people.value:
        return [as_bodies], None
    owner, theirs = whose_own(a, d.bodies), whose(a, d.people)
    if owner == d.to and theirs not in (None, d.to):
        why = f"bodies {d.people.value} to {theirs}, not {d.to}: the words name them as {theirs}'s"
        return [d.with_count("people", None), Draft(theirs, d.to, bodies=d.people)], why
    if owner not in (None, d.to):
        why = f"bodies {d.bodies.value} to {owner}, not {d.to}: the words name them as {owner}'s"
        return [as_bodies, Draft(owner, d.to, bodies=d.bodies)], why
    return [as_bodies], f"bodies to {d.to}: {d.bodies.value} gives way to {m.quote}, which the words call bodies"


def _dropping(
    a: Analysis,
    drafts: Drafts,
    reason: NotThisExchange,
    keep: Callable[[Draft, str, Mention], bool] = lambda d, label, m: False,
) -> Drafts:
    """Return *drafts* without the side totals that *reason* says are not this exchange's, except those *keep*
    keeps."""
    sides, notes = [], []
    for d in drafts.sides:
        for label in LABELS:
            m = mention_of(a, d.count(label))
            why = not_total_because(a, m, label, reason) if m is not None else None
            if why is not None and m is not None and not keep(d, label, m):
                notes.append(f"{label} to {d.to}: {why}")
                d = d.with_count(label, None)
        sides.append(d)
    return drafts.with_sides(sides, *notes)


def not_a_running_total(a: Analysis, drafts: Drafts) -> Drafts:
    """A running total ("3,210 returned since the war began") is not this exchange's number."""
    return _dropping(a, drafts, NotThisExchange.RUNNING_TOTAL)


def not_a_date_or_thing(a: Analysis, drafts: Drafts) -> Drafts:
    """A year, date, time, age, sum of money, measure, duration, ordinal or "N for N" format counts no one."""
    return _dropping(a, drafts, NotThisExchange.NOT_A_COUNT)


def not_a_part(a: Analysis, drafts: Drafts) -> Drafts:
    """A number the words give to part of the group ("70 men", "13 from the Navy") is not everyone, unless
    it is the only group stated ("Україна повернула 108 жінок") or the only one a side got back, whatever another
    side's number ("Ukraine handed over 12 seriously wounded Russians" beside 95 Ukrainians)."""

    def all_this_side_got(d: Draft, label: str, m: Mention) -> bool:
        others = [o for x in drafts.sides if x is not d for o in (mention_of(a, x.people), mention_of(a, x.bodies))]
        return label == "people" and sole_group(a, m, besides=[o for o in others if o is not None])

    return _dropping(a, drafts, NotThisExchange.PART, keep=all_this_side_got)


def a_part_after_its_whole(a: Analysis, drafts: Drafts) -> Drafts:
    """A side's number of people the words give as a part of a larger number before it in its sentence, the
    words of "including" or a colon between ("95 prisoners to Ukraine, including six foreign volunteers — four
    Colombians …", "the return of 214 people: 37 were captured at Azovstal"), gives way to that larger number
    when the words give it to the same side (or name only that side before it), and no other side's number is a
    part of it too."""
    text, sides, notes = a.article.text, list(drafts.sides), []
    for i, d in enumerate(sides):
        m = mention_of(a, d.people)
        if d.people is None or m is None or m.value is None:
            continue
        s, e = a.sentence_span(m.start)
        for n in reversed([n for n in a.mentions if s <= n.start and n.end <= m.start]):
            gap = text[n.end : m.start]
            if n.kind is not MentionKind.COUNT or (n.value or 0) <= m.value or is_part(a, n):
                continue
            if not (a.words("including").search(gap) or ":" in gap) or why_not_total(a, n, "people") is not None:
                continue
            split = any(  # "17 hostages: 11 Israelis, 5 Thais, 1 Filipino": a whole shared by several sides
                (o := mention_of(a, x.people)) is not None and n.end <= o.start < e for x in sides if x is not d
            )
            named = parties_named(text[s : n.start])
            to = receiver(a, n) or (next(iter(named)) if len(named) == 1 else None)
            if to == d.to and not split:  # "Ukraine secured the return of 214 people: …"
                notes.append(f"people {m.value} to {d.to}: {n.value} instead, the whole the words name it a part of")
                sides[i] = replace(d, people=count_of(n, text))
            break
    return drafts.with_sides(sides, *notes)


def not_planned(a: Analysis, drafts: Drafts) -> Drafts:
    """A number of a planned or agreed exchange ("would free 32") did not happen, unless the article
    reports the agreed handover carried out, or the number is what another side's handover, done, brings in
    return ("Hamas freed 12 hostages … In return, Israel is to free 30 Palestinians": the same exchange)."""

    def in_return_for_one_done(d: Draft, label: str, m: Mention) -> bool:
        return label == "people" and in_return(a, m) and any(_done(a, o) for o in drafts.sides if o is not d)

    return _dropping(a, drafts, NotThisExchange.PLANNED, keep=in_return_for_one_done)


def _done(a: Analysis, d: Draft) -> bool:
    """Return whether a side's count is of a handover done (stated, and not as a plan)."""
    m = mention_of(a, d.people if d.people is not None else d.bodies)
    return m is not None and not_total_because(a, m, "people", NotThisExchange.PLANNED) is None


def not_still_held(a: Analysis, drafts: Drafts) -> Drafts:
    """A number of people the words say are still held ("the Ukrainian civilians held in Russia number more than
    a thousand"), in a sentence of no return, is not a number returned."""
    return _dropping(a, drafts, NotThisExchange.STILL_HELD)


def bodies_are_bodies(a: Analysis, drafts: Drafts) -> Drafts:
    """A number of bodies must be a number the words say is of bodies. Living hostages of another nationality the
    model put there, freed by a non-state group, are a side of their own, to their country (annotation
    convention 7: "11 Israelis, five Thai farm workers and one Filipino caregiver")."""
    taken = {d.to for d in drafts.sides}
    others = []
    for d in drafts.sides:
        m = mention_of(a, d.bodies)
        why = why_not_total(a, m, "bodies") if m is not None and d.from_ in NON_STATE else None
        if why is None or why[0] is not NotThisExchange.NOT_BODIES:
            continue
        country = whose(a, d.bodies)
        if country is not None and country not in taken and country != d.from_:
            others.append(Draft(country, d.from_, people=d.bodies))
            taken.add(country)
    return _dropping(a, drafts.with_sides([*drafts.sides, *others]) if others else drafts, NotThisExchange.NOT_BODIES)


def only_part_handed_over(a: Analysis, drafts: Drafts) -> Drafts:
    """When the words say only part was handed over ("returned just four of the 28 bodies", "звільнили 12
    з 20"), the part is the number: the whole is what was promised or held."""
    sides, notes = [], []
    for d in drafts.sides:
        for label in LABELS:
            m = mention_of(a, d.count(label))
            part = handed_part(a, m) if m is not None else None
            if m is not None and part is not None:
                notes.append(
                    f"{label} to {d.to}: {part.quote} of the {m.quote}, the words say only they were handed over"
                )
                d = d.with_count(label, count_of(part, a.article.text))
        sides.append(d)
    return drafts.with_sides(sides, *notes)


def one_figure_one_side(a: Analysis, drafts: Drafts) -> Drafts:
    """One stated number counts one side only, unless the words say both sides received as many ("84 for
    84", "from each side"; annotation convention 5). A side whose words point at a number another side already
    counts takes the other statement of that number, when the text states it once more for a handover
    ("Rusya 84 askerini geri aldı; Ukrayna'ya da 84 asker döndü")."""
    owners: dict[int, str | None] = {}  # mention start -> the side it already counts
    sides, notes = [], []
    for d in drafts.sides:
        for label in LABELS:
            m = mention_of(a, d.count(label))
            if m is None:
                continue
            owner = owners.get(m.start, d.to)
            if owner != d.to and not both_sides(a, m):
                again = _stated_again(a, m, label, d.to, owners)
                if again is not None:
                    d = d.with_count(label, count_of(again, a.article.text))
                    owners[again.start] = d.to
                    continue
                notes.append(f"{label} to {d.to}: {m.quote} is already the count of {owner}")
                d = d.with_count(label, None)
                continue
            owners.setdefault(m.start, d.to)
        sides.append(d)
    return drafts.with_sides(sides, *notes)


def _stated_again(a: Analysis, m: Mention, label: str, to: str | None, owners: dict[int, str | None]) -> Mention | None:
    """Return the one other statement of *m*'s number that no side counts yet and that may count a handover to
    *to*: in a sentence of return, not a part, a running total, planned or about other people, and not given by
    the words to another party."""
    others = [
        n
        for n in a.mentions
        if n.value == m.value
        and n.start != m.start
        and n.start not in owners
        and n.kind is MentionKind.COUNT
        and may_count_this_exchange(a, n, label)
        and not is_part(a, n)
        and a.words("return").search(sentence_of(a, n))
        and receiver(a, n) in (None, to)
    ]
    return others[0] if len(others) == 1 else None


def named_total(a: Analysis, drafts: Drafts) -> Drafts:
    """A side's number the words never name as its people gives way to the larger number they do name so.

    "ponad 50 osób" then "Do Rosji trafiło 55 rosyjskich wojskowych"; "The other three" then "the five
    Iranians": the number that says whose people they are is this side's total, unless it is part of a
    larger group, a running total, planned, or about other people, or its parts are listed and add up. A
    smaller number so named stands for a round one ("close to 100 from each side" … "94 Russians").
    """
    sides, notes = list(drafts.sides), []
    for i, d in enumerate(sides):
        if d.to is None or d.people is None or whose(a, d.people) is not None or _parts_add_up(a, d.people.value):
            continue
        if _another(a, mention_of(a, d.people)):
            continue  # "on Friday another 95 came home": the newest handover, after a larger figure
        named = next(
            (
                m
                for m in a.mentions
                if m.kind is MentionKind.COUNT
                and ((m.value or 0) > d.people.value or _exact_for_rounded(d.people, m))
                and (people_of(a, group_head(a, m)) == d.to or its_own(a, m) == d.to)  # "75 of its own servicemen"
                and not is_part(a, m)
                and may_count_this_exchange(a, m, "people")
                and not _a_years_total(a, m)
            ),
            None,
        )
        if named is not None and all(named.start not in _starts(x) for x in sides):
            notes.append(
                f"people {d.people.value} to {d.to}: {named.value} instead, the words name {named.quote!r} as {d.to}'s"
            )
            sides[i] = replace(d, people=count_of(named, a.article.text))
    return drafts.with_sides(sides, *notes)


def _another(a: Analysis, m: Mention | None) -> bool:
    """Return whether the words right before *m* count it on top of others ("another 95", "a further 95")."""
    if m is None:
        return False
    return (
        a.words("more_before", r"(?<!\w)(?:", r")\s*$").search(a.article.text[max(0, m.start - 20) : m.start])
        is not None
    )


def _a_years_total(a: Analysis, m: Mention) -> bool:
    """Return whether *m* is stated in the part of its sentence that names a year it counts ("In 2024, 1,358
    Ukrainians were freed; on Friday …"): a year's total, not a handover."""
    return names_a_year(a, a.article.text[slice(*part_of(a, m.start, m.end))])


def _exact_for_rounded(count: Count, m: Mention) -> bool:
    """Return whether *m* states exactly the group *count* gives round ("close to 100 from each side" … "94
    Russians"): exact, and within a fifth of it."""
    rounded = count.qualifier is Qualifier.APPROXIMATELY and m.qualifier is Qualifier.EXACT
    return rounded and m.value is not None and abs(m.value - count.value) * 5 <= count.value


def _parts_add_up(a: Analysis, value: int) -> bool:
    """Return whether numbers listed one after another in a sentence add up to *value* ("17 pessoas" then
    "dois oficiais e 14 soldados, além de um civil"): the checks confirm it, so it stays the total."""
    by_sentence: dict[tuple[int, int], list[int]] = {}
    for m in a.mentions:
        if m.kind is MentionKind.COUNT and m.value is not None:
            by_sentence.setdefault(a.sentence_span(m.start), []).append(m.value)
    for values in by_sentence.values():
        for i in range(len(values)):
            for j in range(i + 2, len(values) + 1):
                if sum(values[i:j]) == value and max(values[i:j]) < value:
                    return True
    return False


def _starts(d: Draft) -> set[int]:
    return {c.evidence.start for c in (d.people, d.bodies) if c is not None and c.evidence is not None}


def halve_both_sides(a: Analysis, drafts: Drafts) -> Drafts:
    """A lone counted side given the both-sides total ("190 released, 95 from each side") gets the per-side
    figure (another side may be named without a number)."""
    counted = [d for d in drafts.sides if d.counted]
    if len(counted) != 1 or counted[0].people is None or counted[0].people.value % 2:
        return drafts
    d, total = counted[0], counted[0].people
    half = total.value // 2
    each = next(
        (
            m
            for m in a.mentions
            if m.value == half and m.kind is MentionKind.COUNT and a.words("equal_sides").search(sentence_of(a, m))
        ),
        None,
    )
    if each is None:
        return drafts
    halved = replace(d, people=count_of(each, a.article.text))
    return drafts.with_sides(
        [halved if s is d else s for s in drafts.sides],
        f"people {total.value} to {d.to}: counts both sides; {half} from each side",
    )


def total_from_parts(a: Analysis, drafts: Drafts) -> Drafts:
    """A side whose parts add up to a larger number the text states has that number as its total.

    "205 українців: 185 військових і ще 20 цивільних": the model may take 185; 185 + 20 civilians = 205,
    which the text states, so 205 is the total. Likewise when the units and civilians, or men and women,
    sum to a stated number above the chosen one, one no other side counts. The checks are the verifier: prefer
    the reading whose parts add up.
    """
    return drafts.with_sides(
        _adding_up(a, d, {c.value for o in drafts.sides if o is not d for c in (o.people, o.bodies) if c})
        for d in drafts.sides
    )


def _adding_up(a: Analysis, d: Draft, others: set[int]) -> Draft:
    if d.people is None or d.people.qualifier is not Qualifier.EXACT:
        return d
    civilians = d.civilians.value if d.civilians is not None else 0
    sums = []
    if civilians:
        sums.append(d.people.value + civilians)
    top = [u.count.value for u in d.units if u.within is None and u.count is not None]
    if top:
        sums.append(sum(top) + civilians)
    if len(d.sex) == 2:
        sums.append(sum(c.value for c in d.sex.values()))
    for total in sums:
        if total <= d.people.value or total in others:
            continue  # not a larger number another side already counts
        whole = next(
            (
                m
                for m in a.mentions
                if m.value == total and m.kind is MentionKind.COUNT and not is_part(a, m) and not running_total(a, m)
            ),
            None,
        )
        if whole is not None:
            return replace(d, people=count_of(whole, a.article.text))
    return d


def servicemen_at_least(a: Analysis, drafts: Drafts) -> Drafts:
    """Servicemen with civilians counted apart and no stated whole ("185 військових, а також 20 цивільних"), or
    a figure released with a named person ("55 Russian soldiers and Viktor Medvedchuk"): people are the
    figure, at least (annotation conventions 4 and 10: civilians counted apart are never summed into an
    unstated total, and a named person carries no numeral)."""
    return drafts.with_sides(_at_least(a, d) for d in drafts.sides)


def _at_least(a: Analysis, d: Draft) -> Draft:
    if d.people is None or d.people.qualifier is not Qualifier.EXACT or d.people.evidence is None:
        return d
    stated = [m for m in a.mentions if m.value == d.people.value and m.kind is MentionKind.COUNT and not is_part(a, m)]
    if any(_civilians_beside(a, m, d.civilians) or _person_beside(a, m) for m in stated):
        return replace(d, people=d.people.model_copy(update={"qualifier": Qualifier.AT_LEAST}))
    return d


def _civilians_beside(a: Analysis, m: Mention, civilians: Count | None) -> bool:
    """Return whether servicemen stated by *m* have the side's *civilians* listed after them, in the same
    sentence and not among them ("185 asker ve 20 sivil")."""
    if civilians is None:
        return False
    civ = next(
        (
            x
            for x in a.mentions
            if x.value == civilians.value and m.end <= x.start and a.sentence_span(x.start) == a.sentence_span(m.start)
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
