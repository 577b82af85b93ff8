"""The model's answer as drafts, and the one shape of every rule applied to it.

``read_answer`` takes the model's answer literally: its kind, one ``Draft`` per side it gave (the parties
resolved, each number tied to the mention of the text that states it) and its mediators. A number the
text does not state is never kept. From there, every decision the words make against or beside the
model's answer is a ``Rule``: ``(Analysis, Drafts) -> Drafts``, applied in the order of
``ANSWER_RULES`` (``_rules.py``), each saying in ``Drafts.dropped`` what it changed and why.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from powx_llm.extract._schema import Sides
from powx_llm.extract._sides import find_total, party_named
from powx_llm.model import Cohort, Count, Cumulative, Fraction, Kind, Transfer, UnitCount
from powx_llm.read import Analysis, Mention, count_of, mediator_of

__all__ = ["LABELS", "Draft", "Drafts", "Rule", "mention_of", "read_answer"]


LABELS = ("people", "bodies")  # the two counts of a side, by the names Draft.count takes


@dataclass(frozen=True, slots=True)
class Draft:
    """One side being assembled: who received how many from whom, the words' breakdown of them, and where
    its totals are stated (``anchors``: the breakdown after a total belongs to it)."""

    to: str | None
    from_: str | None
    people: Count | None = None
    bodies: Count | None = None
    anchors: tuple[int, ...] = ()
    sex: dict[str, Count] = field(default_factory=dict)
    rank: dict[str, Count] = field(default_factory=dict)
    civilians: Count | None = None
    units: tuple[UnitCount, ...] = ()
    cohorts: tuple[Cohort, ...] = ()
    wounded: Count | Fraction | None = None

    @property
    def counted(self) -> bool:
        """Return whether the side has a number of people or bodies."""
        return self.people is not None or self.bodies is not None

    def count(self, label: str) -> Count | None:
        """Return the side's ``people`` or ``bodies``."""
        return self.people if label == "people" else self.bodies

    def with_count(self, label: str, count: Count | None) -> Draft:
        """Return the side with its ``people`` or ``bodies`` replaced by *count*."""
        return replace(self, people=count) if label == "people" else replace(self, bodies=count)

    def transfer(self) -> Transfer:
        """Return the side as a Transfer of the Exchange."""
        return Transfer.model_validate(
            {
                "to": self.to,
                "from": self.from_,
                "people": self.people,
                "bodies": self.bodies,
                "sex": self.sex,
                "rank": self.rank,
                "civilians": self.civilians,
                "units": self.units,
                "cohorts": self.cohorts,
                "wounded_or_ill": self.wounded,
            }
        )


@dataclass(frozen=True, slots=True)
class Drafts:
    """The answer being assembled: the model's answer as given, the kind, sides, mediators and running totals
    decided so far, and every change a rule made, with its reason."""

    answer: Sides
    kind: Kind
    sides: tuple[Draft, ...] = ()
    mediators: tuple[str, ...] = ()
    cumulative: Cumulative | None = None
    dropped: tuple[str, ...] = ()

    def with_sides(self, sides: Iterable[Draft], *dropped: str) -> Drafts:
        """Return these drafts with *sides*, noting *dropped*."""
        return replace(self, sides=tuple(sides), dropped=(*self.dropped, *dropped))

    def noting(self, *dropped: str) -> Drafts:
        """Return these drafts with *dropped* noted."""
        return replace(self, dropped=(*self.dropped, *dropped)) if dropped else self


Rule = Callable[[Analysis, Drafts], Drafts]


def mention_of(a: Analysis, count: Count | None) -> Mention | None:
    """Return the mention that states *count*, if its evidence is in the text."""
    if count is None or count.evidence is None:
        return None
    ev = count.evidence
    return next((x for x in a.mentions if x.start <= ev.start < x.end or x.end == ev.end), None)


def _stated(a: Analysis, label: str, to: str | None, value: int | None, words: str | None) -> tuple[Count | None, str]:
    """Return the count the text states for one number of the model's side, or None and why not."""
    if value == 0 or (value is None and not words):
        return None, ""  # zero is none ("bodies": 0, "no bodies were returned")
    m, why = find_total(a, value, words)
    if m is None:
        return None, f"{label} to {to}: {why}" if why else ""
    return count_of(m, a.article.text), ""


def read_answer(a: Analysis, answer: Sides) -> Drafts:
    """Return the model's *answer* as drafts: its kind, a draft per side with the numbers the text states (a
    number it does not state is dropped, with a note), and the mediators it names that we know."""
    dropped: list[str] = []
    mediators = tuple(dict.fromkeys(m for m in (mediator_of(n) for n in answer.mediators) if m is not None))
    refused = frozenset(mediators)
    sides = []
    for side in answer.sides if answer.kind != "none" else ():
        to = party_named(side.received_by, mediators=refused, dropped=dropped, role="receiving party")
        frm = party_named(side.released_by, mediators=refused, dropped=dropped, role="releasing party")
        people, why = _stated(a, "people", to, side.people, side.people_words)
        bodies, why_bodies = _stated(a, "bodies", to, side.bodies, side.bodies_words)
        dropped += [w for w in (why, why_bodies) if w]
        sides.append(Draft(to, frm, people=people, bodies=bodies))
    return Drafts(
        answer=answer, kind=Kind(answer.kind), sides=tuple(sides), mediators=mediators, dropped=tuple(dropped)
    )
