"""What the words say about the model's numbers, before and after it answers: the candidate totals listed
with the article, the mention that states a number, why a number cannot be this exchange's, and the
problems a re-ask names. What is sent to the model depends on this module: change it and re-record."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from powx_llm.check import locate
from powx_llm.extract._prompt import imitated
from powx_llm.extract._schema import Sides
from powx_llm.read import (
    BREAKDOWN,
    NOT_A_TOTAL_KINDS,
    Analysis,
    Mention,
    MentionKind,
    Role,
    clause_of,
    future_before,
    is_bodies,
    is_part,
    mentions_in,
    resolve_party,
    running_total,
    sentence_of,
    sole_group,
    whole_of_parts,
)

__all__ = [
    "NotThisExchange",
    "Problem",
    "bodies_by_words",
    "candidates",
    "counts_a_handover",
    "find_total",
    "not_total_because",
    "only_numbers_of_no_handover",
    "party_named",
    "side_problems",
    "why_not_total",
]


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


def find_total(a: Analysis, value: int | None, words: str | None) -> tuple[Mention | None, str | None]:
    """Return the mention that states this side's total, or the reason there is none."""
    text = a.article.text
    value = value or None  # small models answer 0 for "not stated"
    if words:
        span = locate(text, words)
        if span is not None:
            inside = [m for m in mentions_in(a, span) if m.value is not None]
            pick = next((m for m in inside if value is None or m.value == value), None)
            if pick is not None and _negated(a, pick):
                return None, None  # "not a single one came back": the words say none
            if pick is not None and (value is None or not is_part(a, pick)):
                return pick, None
    if value is None:
        return None, None  # words with no number ("none", "no bodies"): nothing is claimed, nothing to ask
    same = [m for m in a.mentions if m.value == value and m.kind not in NOT_A_TOTAL_KINDS]
    if not same:
        return None, f"{value} is not stated in the article"
    return min(same, key=lambda m: (is_part(a, m), future_before(a, m), a.cue_at(m) is not None, m.start)), None


def _negated(a: Analysis, m: Mention) -> bool:
    """Return whether the words right before *m* deny it ("not a single one", "жодного", "ni un solo")."""
    lead = a.article.text[max(0, m.start - 25) : m.start]
    return a.words("not_one", r"(?<!\w)(?:", r")\s*$").search(lead) is not None


class NotThisExchange(StrEnum):
    """Why a stated number cannot be this exchange's total, in the order they are tested."""

    RUNNING_TOTAL = "running_total"
    NOT_A_COUNT = "not_a_count"
    PART = "part"
    PLANNED = "planned"
    STILL_HELD = "still_held"
    NOT_BODIES = "not_bodies"


def _running_total(a: Analysis, m: Mention, label: str) -> str | None:
    return f"{m.quote} is a running total over all exchanges, not this exchange" if running_total(a, m) else None


def _not_a_count(a: Analysis, m: Mention, label: str) -> str | None:
    if m.kind in NOT_A_TOTAL_KINDS or (m.kind is MentionKind.FORMAT and not format_of_a_handover(a, m)):
        return f"{m.quote} is a {m.kind.value}, not a number of {label}"
    return None


def format_of_a_handover(a: Analysis, m: Mention) -> bool:
    """Return whether "N for N" counts a handover its sentence reports done ("swapped 75 for 75 prisoners",
    "обмін 146 на 146 полонених"), not a deal's format ("hopes the 1000-for-1000 swap moves quickly")."""
    sentence = a.words("as_agreed", r"^\W*").sub(" ", sentence_of(a, m), count=1)  # "As agreed, … 75 for 75"
    return (
        a.words("return").search(sentence) is not None
        and not future_before(a, m)
        and not any(a.words(c).search(sentence) for c in ("aside", "future"))
    )


def _part(a: Analysis, m: Mention, label: str) -> str | None:
    cue = a.cue_at(m)
    if cue is not None and cue.role in BREAKDOWN and not sole_group(a, m) and not whole_of_parts(a, m):
        return f"{m.quote} counts only the {cue.words} among them, not everyone"
    return None


def _planned(a: Analysis, m: Mention, label: str) -> str | None:
    return f"{m.quote} belongs to a planned or agreed exchange, not one that happened" if future_before(a, m) else None


def _still_held(a: Analysis, m: Mention, label: str) -> str | None:
    """ "I civili detenuti in Russia sono oltre mille": a sentence that says who is still held, and nothing of a
    return, counts the captives, not the returned."""
    s, e = a.sentence_span(m.start)
    held = a.words("not_returned").search(a.article.text[s : m.start])
    if held is None or a.words("return").search(a.article.text[s:e]):
        return None
    return f"{m.quote} are {held.group(0).strip()}, not returned"


def _not_bodies(a: Analysis, m: Mention, label: str) -> str | None:
    return f"{m.quote} is not a number of bodies" if label == "bodies" and not is_bodies(a, m) else None


_TESTS = {
    NotThisExchange.RUNNING_TOTAL: _running_total,
    NotThisExchange.NOT_A_COUNT: _not_a_count,
    NotThisExchange.PART: _part,
    NotThisExchange.PLANNED: _planned,
    NotThisExchange.STILL_HELD: _still_held,
    NotThisExchange.NOT_BODIES: _not_bodies,
}


def not_total_because(a: Analysis, m: Mention, label: str, reason: NotThisExchange) -> str | None:
    """Return why *m* cannot be this exchange's number of *label* (people or bodies), if *reason* holds."""
    return _TESTS[reason](a, m, label)


def why_not_total(a: Analysis, m: Mention, label: str) -> tuple[NotThisExchange, str] | None:
    """Return the first reason mention *m* cannot be this exchange's number of *label*, and its words, if any."""
    for reason, test in _TESTS.items():
        if (why := test(a, m, label)) is not None:
            return reason, why
    return None


def may_count_this_exchange(a: Analysis, m: Mention, label: str) -> bool:
    """Return whether *m* may be this exchange's number of *label*: no reason says it cannot (``why_not_total``)
    and its sentence is no aside (a previous exchange, those still held)."""
    return why_not_total(a, m, label) is None and not a.words("aside").search(sentence_of(a, m))


def _given(a: Analysis, answer: Sides) -> list[Mention | None]:
    """Return the mention stating each number *answer* gives (None for a number the text does not state)."""
    return [
        find_total(a, value, words)[0]
        for side in answer.sides
        for value, words in ((side.people, side.people_words), (side.bodies, side.bodies_words))
        if value
    ]


def _no_count(a: Analysis, m: Mention | None) -> bool:
    """Return whether *m* is stated and counts no one of a handover: a running total, or no count at all (a
    format, "1000-for-1000"; a date; a sum)."""
    return m is not None and (m.kind in NOT_A_TOTAL_KINDS or m.kind is MentionKind.FORMAT or running_total(a, m))


def only_numbers_of_no_handover(a: Analysis, answer: Sides) -> bool:
    """Return whether *answer* gives numbers and none of them counts people of a handover ("more than 70
    exchanges … more than 8,000 freed", "a 1000-for-1000 exchange"): an overview or talks (convention 3)."""
    given = _given(a, answer)
    return bool(given) and all(_no_count(a, m) for m in given)


def counts_a_handover(a: Analysis, answer: Sides) -> bool:
    """Return whether *answer* gives a number that may count a handover done: none of those
    ``only_numbers_of_no_handover`` refuses, nor a plan's ("are going to release 4,208 POWs, including 401
    women")."""
    return any(not (_no_count(a, m) or (m is not None and future_before(a, m))) for m in _given(a, answer))


def bodies_by_words(a: Analysis, m: Mention) -> bool:
    """Return whether the words call *m*'s number bodies (a cue of bodies states the same number)."""
    return any(c.role is Role.BODIES and c.mention.value == m.value for c in a.cues)


def _resolve(
    a: Analysis, label: str, value: int | None, words: str | None
) -> tuple[str, Mention | None, tuple[NotThisExchange | None, str] | None]:
    """Return (label, mention, problem) for one number of a side; people that are bodies become bodies. A problem
    is why the number cannot be this exchange's (its reason; None when the text does not state it at all).

    Zero is none: "bodies": 0 with "no bodies were returned" asks nothing (small models answer so for "none").
    """
    if value == 0 or (value is None and not words):
        return label, None, None
    m, why = find_total(a, value, words)
    if m is None:
        return label, None, (None, why) if why else None
    if label == "people" and bodies_by_words(a, m):
        label = "bodies"  # the model put bodies under people: the words say bodies
    return label, m, why_not_total(a, m, label)


# A number given as bodies that counts part of a group, or no dead at all, is only dropped: re-asked, a small
# model that fills every field it is shown names another group instead (the answer rules drop it as well).
_NOT_ASKED_AGAIN = {("bodies", NotThisExchange.PART), ("bodies", NotThisExchange.NOT_BODIES)}


def candidates(a: Analysis) -> list[tuple[int, str]]:
    """Return the numbers that may be a side's total (value, the words around it), first mention each. Numbers
    in text that imitates our request (a fake candidate list) are never candidates: the article cannot add to
    the list we send."""
    out: dict[int, str] = {}
    fake = imitated(a.article.text)
    for m in a.mentions:
        if m.value is None or m.value < 2 or m.value in out or m.kind is not MentionKind.COUNT:
            continue
        if any(start <= m.start < end for start, end in fake):
            continue
        if (is_part(a, m) and not sole_group(a, m) and not whole_of_parts(a, m)) or (
            why_not_total(a, m, "people") is not None and not is_bodies(a, m)
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
            _, _, problem = _resolve(a, label, value, words)
            if problem is not None and (label, problem[0]) not in _NOT_ASKED_AGAIN:
                problems.append(Problem(f"sides[{i}].{label}", f"{label} of {side.received_by}: {problem[1]}"))
    return problems
