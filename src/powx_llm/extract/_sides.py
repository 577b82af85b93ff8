"""Turn the model's sides into grounded totals: verify each number against the words around it, and add
the sides the words state that the model left out."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from powx_llm import lexicon
from powx_llm.check import locate
from powx_llm.extract._schema import Side, Sides
from powx_llm.model import Count
from powx_llm.read import (
    BREAKDOWN,
    CLAUSE_STOP,
    NON_STATE,
    NON_STATE_OPPONENT,
    NOT_A_TOTAL_KINDS,
    STOP_CHARS,
    Analysis,
    Cue,
    Mention,
    MentionKind,
    Role,
    clause_of,
    count_of,
    future_before,
    handed_part,
    is_aside,
    is_bodies,
    is_part,
    mentions_in,
    parties_named,
    party_of,
    resolve_party,
    running_total,
    sentence_of,
    sole_group,
)

__all__ = ["Draft", "Problem", "candidates", "drafts_from", "home_draft", "side_problems"]


@dataclass(frozen=True, slots=True)
class Problem:
    """A number the model gave that the text does not support, in words the model can act on."""

    where: str
    message: str


def party_named(
    name: str | None, *, mediators: frozenset[str] = frozenset(), dropped: list[str] | None = None, role: str = "party"
) -> str | None:
    """Return the known party the model meant ("Rosji", "Kiew" -> "Russia", "Ukraine"), or None.

    A place inside a country, an unknown name or this exchange's mediator is never a party: it is left
    open (the caller falls back to what the words state) and the reason goes to *dropped*.
    """
    if not name or not name.strip():
        return None
    party = resolve_party(name)
    why = None
    if party is None:
        why = "not a known party (a place, an agency or an unknown name)"
    elif party in mediators:
        party, why = None, "this exchange's mediator, not a party"
    if why is not None and dropped is not None:
        dropped.append(f"{role} {name.strip()!r}: {why}; left open")
    return party


def _find_total(a: Analysis, value: int | None, words: str | None) -> tuple[Mention | None, str | None]:
    """Return the mention that states this side's total, or the reason there is none."""
    text = a.article.text
    value = value or None  # small models answer 0 for "not stated"
    if words:
        span = locate(text, words)
        if span is not None:
            inside = [m for m in mentions_in(a, span) if m.value is not None]
            pick = next((m for m in inside if value is None or m.value == value), None)
            if pick is not None and (value is None or not is_part(a, pick)):
                return pick, None
    if value is None:
        return None, f"{words!r} states no number" if words else None
    same = [m for m in a.mentions if m.value == value and m.kind not in NOT_A_TOTAL_KINDS]
    if not same:
        return None, f"{value} is not stated in the article"
    return min(same, key=lambda m: (is_part(a, m), future_before(a, m), a.cue_at(m) is not None, m.start)), None


def _why_not_total(a: Analysis, m: Mention, label: str) -> str | None:
    """Return why mention *m* cannot be this exchange's number of *label* (people or bodies), if so."""
    cue = a.cue_at(m)
    if running_total(a, m):
        return f"{m.quote} is a running total over all exchanges, not this exchange"
    if m.kind in NOT_A_TOTAL_KINDS or m.kind is MentionKind.FORMAT:
        return f"{m.quote} is a {m.kind.value}, not a number of {label}"
    if cue is not None and cue.role in BREAKDOWN and not sole_group(a, m):
        return f"{m.quote} counts only the {cue.words} among them, not everyone"
    if future_before(a, m):
        return f"{m.quote} belongs to a planned or agreed exchange, not one that happened"
    if label == "bodies" and not is_bodies(a, m):
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


def candidates(a: Analysis) -> list[tuple[int, str]]:
    """Return the numbers that may be a side's total (value, the words around it), first mention each."""
    out: dict[int, str] = {}
    for m in a.mentions:
        if m.value is None or m.value < 2 or m.value in out or m.kind is not MentionKind.COUNT:
            continue
        if (is_part(a, m) and not sole_group(a, m)) or (
            _why_not_total(a, m, "people") is not None and not is_bodies(a, m)
        ):
            continue
        if a.words("aside").search(sentence_of(a, m)):
            continue
        out[m.value] = clause_of(a.article.text, m)
    return list(out.items())


def side_problems(a: Analysis, sides: Sides) -> list[Problem]:
    """Return what is wrong with the numbers of *sides*: not in the text, or not this exchange's."""
    problems: list[Problem] = []
    for i, side in enumerate(sides.sides):
        for label, value, words in (
            ("people", side.people, side.people_words),
            ("bodies", side.bodies, side.bodies_words),
        ):
            _, _, why = _resolve(a, label, value, words)
            if why:
                problems.append(Problem(f"sides[{i}].{label}", f"{label} of {side.received_by}: {why}"))
    return problems


@dataclass
class Draft:
    to: str | None
    from_: str | None
    people: Count | None = None
    bodies: Count | None = None
    anchors: list[int] = field(default_factory=list)
    cues: list[Cue] = field(default_factory=list)


def _take(a: Analysis, d: Draft, side: Side, dropped: list[str], used: dict[int, str | None]) -> None:
    """Give *d* the numbers of *side* the text supports; one stated number counts one side only, unless
    the words say both sides received as many ("84 for 84", "from each side")."""
    for label, value, words in (("people", side.people, side.people_words), ("bodies", side.bodies, side.bodies_words)):
        label, m, why = _resolve(a, label, value, words)
        if why:
            dropped.append(f"{label} to {d.to}: {why}")
        elif m is not None and getattr(d, label) is None:
            part = handed_part(a, m)
            if part is not None:
                dropped.append(
                    f"{label} to {d.to}: {part.quote} of the {m.quote}, the words say only they were handed over"
                )
                m = part
            owner = used.get(m.start, d.to)
            if owner != d.to and not _both_sides(a, m):
                dropped.append(f"{label} to {d.to}: {m.quote} is already the count of {owner}")
                continue
            used.setdefault(m.start, d.to)
            setattr(d, label, count_of(m, a.article.text))


def _both_sides(a: Analysis, m: Mention) -> bool:
    """Return whether the words say both sides received *m*'s number ("84 for 84", "from each side")."""
    return _n_for_n(a, m.value or 0) is not None or a.words("equal_sides").search(sentence_of(a, m)) is not None


def _bodies_fallback(a: Analysis, drafts: list[Draft]) -> None:
    """Give the home side the bodies the words state when the model missed them ("три тіла")."""
    used = {c.value for d in drafts for c in (d.people, d.bodies) if c is not None}
    cue = next(
        (
            c
            for c in a.cues
            if c.role is Role.BODIES
            and c.mention.value
            and c.mention.value not in used
            and not is_aside(a, c)
            and not a.words("future").search(sentence_of(a, c.mention))
        ),
        None,
    )
    if cue is None or not drafts or any(d.bodies is not None for d in drafts):
        return
    home_draft(drafts).bodies = count_of(handed_part(a, cue.mention) or cue.mention, a.article.text)


def drafts_from(
    a: Analysis, sides: Iterable[Side], dropped: list[str], *, mediators: frozenset[str] = frozenset()
) -> list[Draft]:
    drafts: dict[str | None, Draft] = {}
    used: dict[int, str | None] = {}  # mention start -> the side it already counts
    for side in sides:
        to = party_named(side.received_by, mediators=mediators, dropped=dropped, role="receiving party")
        frm = party_named(side.released_by, mediators=mediators, dropped=dropped, role="releasing party")
        d = drafts.setdefault(to, Draft(to, frm))
        d.from_ = d.from_ or frm
        _take(a, d, side, dropped, used)
    _swap_by_words(a, list(drafts.values()), dropped)
    drafts = {d.to: d for d in drafts.values()}  # a side the words gave to another party moved
    if drafts:  # the model saw an exchange: add the sides the words state that it left out
        _stated_sides(a, drafts)
    _bodies_fallback(a, list(drafts.values()))
    out = [d for d in drafts.values() if d.people is not None or d.bodies is not None]
    for d in drafts.values():
        if d not in out:
            dropped.append(f"side to {d.to}: no number of people or bodies the text states")
    _fill_to(out)
    out = _to_whose_people(a, out, dropped)
    _from_non_state(a, out, dropped)
    _named_total(a, out, dropped)
    _fill_from(out)
    _halve_both_sides(a, out, dropped)
    out += _equal_sides(a, out)
    for d in out:
        values = {c.value for c in (d.people, d.bodies) if c is not None}
        d.anchors = [m.start for m in a.mentions if m.value in values and not is_part(a, m)]
    return out


def people_of(a: Analysis, words: str) -> str | None:
    """Return the party whose people *words* name first ("Russian soldiers", "Rus askeri", "orosz"), or None."""
    hits = []
    for party in lexicon.PEOPLES:
        hit = a.words(f"people_of.{party}", r"(?<!\w)", r"(?![-‐])").search(words)
        if hit is not None:
            hits.append((hit.start(), party))
    return min(hits)[1] if hits else None


def _group_head(a: Analysis, m: Mention) -> str:
    """Return the two words after *m* that name its group, within its clause."""
    after = a.article.text[m.end : m.end + 60]
    stop = STOP_CHARS.search(after)
    return " ".join((after[: stop.start()] if stop else after).split()[:2])


def _whose(a: Analysis, count: Count | None) -> str | None:
    """Return the party whose people the words right after *count* name ("55 orosz állampolgárt"), if any."""
    m = _mention_of(a, count)
    return people_of(a, _group_head(a, m)) if m is not None else None


def _swap_by_words(a: Analysis, drafts: list[Draft], dropped: list[str]) -> None:
    """Swap the two sides' numbers when the words say each went the other way.

    "Kijev pedig 55 orosz állampolgárt ... engedte el": 55 are Russians, so Russia received them,
    whatever side the model put them on; the other side's number must not name Russia's people too.
    """
    sided = [d for d in drafts if d.people is not None and d.to is not None]
    if len(sided) == 1:
        d, whose = sided[0], _whose(a, sided[0].people)
        if whose is not None and whose != d.to and all(x.to != whose for x in drafts):
            dropped.append(
                f"people {d.people.value if d.people else '?'} to {whose}, not {d.to}: the words name them as {whose}'s"
            )
            d.to, d.from_ = whose, _ONE_WAR.get(whose, d.to)
        return
    if len(sided) != 2:
        return
    x, y = sided
    wx, wy = _whose(a, x.people), _whose(a, y.people)
    if (wx == y.to and wy in (None, x.to)) or (wy == x.to and wx in (None, y.to)):
        x.people, y.people = y.people, x.people
        dropped.append(
            f"people to {x.to} and {y.to} swapped: the words name {y.to}'s people in "
            f"{y.people.value if y.people else '?'} and not {x.to}'s"
        )


def _receiver(a: Analysis, m: Mention) -> str | None:
    """Return the party the words around *m* say received it: "94 Russians", "84 Rus askeri", "Russia got back 63".

    The group is named in the two words right after the number, within its clause ("140 человек,
    Россия – 82": Россия starts another clause; "12 people from Russian captivity": not Russia's people).
    """
    head = _group_head(a, m)
    return people_of(a, head) or party_of(head) or _subject_of(a, m, a.words("received_by"))


def _stated_sides(a: Analysis, drafts: dict[str | None, Draft]) -> None:
    """Add the sides the words state ("195 Russian soldiers were exchanged") that the model left out."""
    for m in a.mentions:
        if m.kind is not MentionKind.COUNT or not m.value or (m.value < 2 and not _one_of_a_nationality_list(a, m)):
            continue
        cue = a.cue_at(m)
        if (cue is not None and cue.role not in (Role.UNIT, Role.BODIES)) or a.words("aside").search(sentence_of(a, m)):
            continue
        returned = a.words("return").search(sentence_of(a, m)) or _in_return(a, m)
        if not returned or future_before(a, m):
            continue
        named = _receiver(a, m)
        party = named or _counterpart(a, m, drafts)
        if party is None:
            continue
        label = "bodies" if is_bodies(a, m) else "people"
        held = _held_by(a, m) if party != "Palestinian territories" else None  # Palestinians come from Israel
        d = drafts.setdefault(party, Draft(party, _releaser(a, m) or (held if held != party else None)))
        if any(c is not None and c.value == m.value for c in (d.people, d.bodies)):
            continue  # the same number again ("the bodies of 501 ... 501 fallen soldiers"): the same group
        if getattr(d, label) is None and (label == "people" or d.people is None or named is not None):
            setattr(d, label, count_of(m, a.article.text))


def _one_of_a_nationality_list(a: Analysis, m: Mention) -> bool:
    """Return whether "one" is a count: one of a list of nationalities, each counted ("13 Israéliens, dix
    Thaïlandais et un Philippin"); alone, "one"/"un"/"ein" is too often an article or a pronoun."""
    if people_of(a, _group_head(a, m)) is None:
        return False
    span = a.sentence_span(m.start)
    return any(
        n is not m and n.value and n.value > 1 and a.sentence_span(n.start) == span and people_of(a, _group_head(a, n))
        for n in a.mentions
    )


def _counterpart(a: Analysis, m: Mention, drafts: dict[str | None, Draft]) -> str | None:
    """Return the party the words say *m* went to as the other side of a side already known.

    "W zamian Ukraina przekazała Moskwie ponad 50 osób": a party that received people in this exchange and
    releases *m* gives them to the party it received from (unless a side already counts that number: the
    same group named again). "A cambio, se transfirieron 300 prisioneros": the number after "in return"
    went to the one known side's counterpart, as many as it or not, unless it is far more than this
    exchange's ("in return, maps of 92,000 mines").
    """
    counts = [c for d in drafts.values() for c in (d.people, d.bodies) if c is not None]
    if any(c.evidence is not None and c.evidence.start == m.start for c in counts):
        return None
    releaser = _releaser(a, m)
    home = drafts.get(releaser) if releaser is not None else None
    if home is not None and any(c.value == m.value for c in counts):
        return None
    if home is None and _in_return(a, m):
        counted = [d for d in drafts.values() if d.people is not None or d.bodies is not None]
        home = counted[0] if len(counted) == 1 else None
        this = max((c.value for c in (home.people, home.bodies) if c is not None), default=0) if home else 0
        if (m.value or 0) >= max(1000, 10 * this):
            return None
    return home.from_ if home is not None and home.from_ not in (None, releaser) else None


def _in_return(a: Analysis, m: Mention) -> bool:
    """Return whether "in return", "a cambio", "w zamian" stands before *m* in its sentence."""
    start, _ = a.sentence_span(m.start)
    return a.words("in_return", r"(?<!\w)", r"(?!\w)").search(a.article.text, start, m.start) is not None


def _releaser(a: Analysis, m: Mention) -> str | None:
    """Return the party the clause before *m* says released it: "Israel is releasing 39 ..."."""
    return _subject_of(a, m, a.words("released"))


_ASIDE_WORDS = 4  # "Russia, for its part, got back 55": a short aside between commas


def _subject_of(a: Analysis, m: Mention, verbs: re.Pattern[str]) -> str | None:
    """Return the party named before a *verbs* verb in the clause that leads up to *m*, reading past a
    short aside between commas ("Russia, for its part, got back 55")."""
    left = a.article.text[max(0, m.start - 60) : m.start]
    stops = [x.end() for x in CLAUSE_STOP.finditer(left)]
    clause = left[max(stops) :] if stops else left
    parts = clause.split(",")
    verb = verbs.search(parts[-1])
    if verb is None:
        return None
    parts[-1] = parts[-1][: verb.start()]
    for i in range(len(parts) - 1, -1, -1):
        if (party := party_of(parts[i])) is not None:
            return party
        if i < len(parts) - 1 and len(parts[i].split()) > _ASIDE_WORDS:
            return None
    return None


def _fill_from(drafts: list[Draft]) -> None:
    parties = {d.to for d in drafts if d.to}
    for d in drafts:
        if d.from_ is not None and d.from_ == d.to:
            d.from_ = None  # parties are resolved already (party_named): only the receiver itself is no releaser
        if d.from_ == "Palestinian territories":
            d.from_ = "Hamas"  # hostages held in Gaza are released by Hamas (annotation conventions 1 and 7)
    holders = {d.from_ for d in drafts if d.from_ in NON_STATE}
    for d in drafts:
        if d.from_ is None:
            others = sorted(parties - {d.to})
            if len(holders) == 1 and d.to not in NON_STATE and d.to != "Palestinian territories":
                d.from_ = next(iter(holders))  # the Thai hostages came from Hamas too
            elif len(others) == 1:
                d.from_ = others[0]
            elif d.to in _ONE_WAR and (not others or _ONE_WAR[d.to] in others):
                d.from_ = _ONE_WAR[d.to]  # Ukraine's people came from Russia, whatever third country is named


_ONE_WAR = {"Ukraine": "Russia", "Russia": "Ukraine"}


def _fill_to(drafts: list[Draft]) -> None:
    """A side released by Russia (or Ukraine) whose receiver was left open went to the other one."""
    taken = {d.to for d in drafts}
    for d in drafts:
        other = _ONE_WAR.get(d.from_ or "")
        if d.to is None and other is not None and other not in taken:
            d.to = other
            taken.add(other)


def _to_whose_people(a: Analysis, drafts: list[Draft], dropped: list[str]) -> list[Draft]:
    """A side whose receiver is still open went to the party whose people the words name ("1968 أسيرًا
    فلسطينيًا"); when that party's side already counts as many, the open side is the same group."""
    out = list(drafts)
    for d in drafts:
        whose = _whose(a, d.people) if d.to is None and d.people is not None else None
        if whose is None or d.people is None:
            continue
        same = [x for x in out if x.to == whose]
        if not same:
            d.to = whose
            dropped.append(f"people {d.people.value} to {whose}: the words name them as {whose}'s")
        elif same[0].people is not None and same[0].people.value == d.people.value:
            out.remove(d)
    return out


def _named_total(a: Analysis, drafts: list[Draft], dropped: list[str]) -> None:
    """A side's number the words never name as its people gives way to the larger number they do name so.

    "ponad 50 osób" then "Do Rosji trafiło 55 rosyjskich wojskowych"; "The other three" then "the five
    Iranians": the number that says whose people they are is this side's total, unless it is part of a
    larger group, a running total, planned, or about other people, or its parts are listed and add up.
    """
    for d in drafts:
        if d.to is None or d.people is None or _whose(a, d.people) is not None or _parts_add_up(a, d.people.value):
            continue
        named = next(
            (
                m
                for m in a.mentions
                if m.kind is MentionKind.COUNT
                and (m.value or 0) > d.people.value
                and people_of(a, _group_head(a, m)) == d.to
                and not is_part(a, m)
                and _why_not_total(a, m, "people") is None
                and not a.words("aside").search(sentence_of(a, m))
            ),
            None,
        )
        if named is not None and all(named.start not in _starts(x) for x in drafts):
            dropped.append(
                f"people {d.people.value} to {d.to}: {named.value} instead, the words name {named.quote!r} as {d.to}'s"
            )
            d.people = count_of(named, a.article.text)


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


def _from_non_state(a: Analysis, drafts: list[Draft], dropped: list[str]) -> None:
    """A side whose number the words say a non-state group held ("28 personas que el ELN retenía", "held
    until then by the RSF") came from that group and went to the state it fights, when the receiver was
    left open or is the group itself."""
    taken = {d.to for d in drafts}
    for d in drafts:
        count = d.people or d.bodies
        if count is None:
            continue
        stated = [m for m in a.mentions if m.value == count.value and m.kind is MentionKind.COUNT]
        held = next((h for m in stated if (h := _held_by(a, m)) is not None), None)  # any sentence stating it
        if held is None or d.to not in (None, held):
            continue
        state = NON_STATE_OPPONENT.get(held)
        if state is not None and state not in taken:
            dropped.append(f"{count.value} to {state}, not {d.to or 'left open'}: the words say {held} held them")
            d.to, d.from_ = state, held
            taken.add(state)


def _mention_of(a: Analysis, count: Count | None) -> Mention | None:
    """Return the mention that states *count*, if its evidence is in the text."""
    if count is None or count.evidence is None:
        return None
    ev = count.evidence
    return next((x for x in a.mentions if x.start <= ev.start < x.end or x.end == ev.end), None)


def _held_by(a: Analysis, m: Mention) -> str | None:
    """Return the one non-state party the sentence stating *m* names ("24 otages relâchés par le Hamas,
    dont 13 Israéliens"): people a non-state group held are released by it."""
    named = parties_named(sentence_of(a, m)) & NON_STATE.keys()
    return named.pop() if len(named) == 1 else None


# "N for N", "N from each side", "the same number": both sides received as many (annotation convention 5).


def _n_for_n(a: Analysis, value: int) -> Mention | None:
    """Return the second number of "N for N" stated with *value*, if the article says so."""
    ms = [m for m in a.mentions if m.value == value and m.kind in (MentionKind.COUNT, MentionKind.FORMAT)]
    for m1, m2 in itertools.pairwise(ms):
        if a.words("for", r"\s*", r"\s*").fullmatch(a.article.text[m1.end : m2.start]):
            return m2
    return None


def _halve_both_sides(a: Analysis, drafts: list[Draft], dropped: list[str]) -> None:
    """A lone side given the both-sides total ("190 released, 95 from each side") gets the per-side figure."""
    if len(drafts) != 1 or drafts[0].people is None or drafts[0].people.value % 2:
        return
    d, total = drafts[0], drafts[0].people
    half = total.value // 2
    each = next(
        (
            m
            for m in a.mentions
            if m.value == half and m.kind is MentionKind.COUNT and a.words("equal_sides").search(sentence_of(a, m))
        ),
        None,
    )
    if each is not None:
        dropped.append(f"people {total.value} to {d.to}: counts both sides; {half} from each side")
        d.people = count_of(each, a.article.text)


def _equal_sides(a: Analysis, drafts: list[Draft]) -> list[Draft]:
    """Return the other side of a one-sided draft when the words say both sides received as many."""
    if len(drafts) != 1 or drafts[0].people is None or drafts[0].people.evidence is None:
        return []
    d, people, where = drafts[0], drafts[0].people, drafts[0].people.evidence
    other = d.from_ or _ONE_WAR.get(d.to or "")
    if other is None or other == d.to:
        return []
    second = _n_for_n(a, people.value)
    # "150 soldiers came home from each side": any sentence stating the number may say so
    same = [m for m in a.mentions if m.value == people.value and m.kind is MentionKind.COUNT]
    equal = next((m for m in same if a.words("equal_sides").search(sentence_of(a, m))), None)
    second = second or _and_again(a, same)
    if second is None and equal is None:
        return []
    stated = second or (equal if equal is not None and equal.start != where.start else None)
    mirrored = count_of(stated, a.article.text) if stated is not None else people
    return [Draft(other, d.to, people=mirrored, anchors=list(d.anchors))]


def _and_again(a: Analysis, same: list[Mention]) -> Mention | None:
    """Return the second of two mentions of one number joined by "and" in one sentence: "150 أسيرًا من
    الطرف الأوكراني و150 أسيرًا من الطرف الروسي", "150 Ukrainians and 150 Russians"."""
    joined = a.words("and", r"(?:^|\s)(?:", r")\s*\Z")
    for first, then in itertools.pairwise(same):
        gap = a.article.text[first.end : then.start]
        if a.sentence_span(first.start) == a.sentence_span(then.start) and joined.search(gap):
            return then
    return None


def home_draft(drafts: list[Draft]) -> Draft:
    return next((d for d in drafts if d.to == "Ukraine"), drafts[0])
