"""The domain model (docs/data-model.md): an ``Exchange`` and its parts, frozen and validated."""

from __future__ import annotations

import datetime as dt
import math
import re
from enum import StrEnum
from typing import Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from powx_llm.model._names import canonical_name

__all__ = [
    "SCHEMA_VERSION",
    "Cohort",
    "Count",
    "Cumulative",
    "Evidence",
    "Exchange",
    "Fraction",
    "Kind",
    "Qualifier",
    "Transfer",
    "Unit",
    "UnitCount",
    "count_bounds",
]

# The version of every JSON object powx_llm writes for programs (CLI JSON Lines, Extraction.to_dict());
# bumped when a field is renamed or removed, not when one is added.
SCHEMA_VERSION = 1

_FRACTION = re.compile(r"\d+/\d+")


class Kind(StrEnum):
    PRISONER_EXCHANGE = "prisoner_exchange"
    BODY_REPATRIATION = "body_repatriation"
    RELEASE = "release"
    MIXED = "mixed"
    NONE = "none"


class Qualifier(StrEnum):
    EXACT = "exact"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    APPROXIMATELY = "approximately"
    AT_MOST = "at_most"


class Unit(StrEnum):
    ARMED_FORCES = "armed_forces"
    GROUND_FORCES = "ground_forces"
    NAVY = "navy"
    MARINES = "marines"
    AIR_FORCE = "air_force"
    AIRBORNE_ASSAULT = "airborne_assault"
    TERRITORIAL_DEFENSE = "territorial_defense"
    SPECIAL_OPERATIONS = "special_operations"
    NATIONAL_GUARD = "national_guard"
    BORDER_GUARD = "border_guard"
    NATIONAL_POLICE = "national_police"
    SBU = "sbu"
    SPECIAL_TRANSPORT = "special_transport"
    EMERGENCY_SERVICE = "emergency_service"
    OTHER = "other"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class Evidence(_Frozen):
    """The shortest verbatim span of the article that states a number: ``text[start:end] == quote``."""

    quote: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.end < self.start:
            raise ValueError("evidence end is before its start")
        return self


class Count(_Frozen):
    """A stated number of people or bodies, how exactly it is stated, and where."""

    value: int = Field(ge=0)
    qualifier: Qualifier = Qualifier.EXACT
    evidence: Evidence | None = None
    derived: bool = Field(default=False, description="implied by words, not printed as a number")

    @model_validator(mode="before")
    @classmethod
    def _from_int(cls, data: Any) -> Any:
        if isinstance(data, bool):
            raise ValueError("a count is a number, not a boolean")
        if isinstance(data, int):
            return {"value": data}
        return data

    def bounds(self) -> tuple[float, float]:
        """Return the least and the most this count can be: "at least 55" is 55 to infinity, "more than 55"
        56 up, "up to 55" 0 to 55, and "about 500" 400 to 626 (a generous band, so that rounding never reads
        as a contradiction, whether in one article's checks or between two articles' figures)."""
        return count_bounds(self.value, self.qualifier)


def count_bounds(value: int, qualifier: Qualifier | str = Qualifier.EXACT) -> tuple[float, float]:
    """Return the least and the most a stated *value* can be, given its *qualifier* (``Count.bounds``)."""
    match Qualifier(qualifier):
        case Qualifier.EXACT:
            return value, value
        case Qualifier.AT_LEAST:
            return value, math.inf
        case Qualifier.MORE_THAN:
            return value + 1, math.inf
        case Qualifier.AT_MOST:
            return 0, value
        case Qualifier.APPROXIMATELY:
            return int(value * 0.8), value * 1.25 + 1


class Fraction(_Frozen):
    """A share of a group: ``"1/3"`` (n/d) or a vague word such as ``"most"``."""

    fraction: str
    qualifier: Qualifier = Qualifier.EXACT
    evidence: Evidence | None = None

    @field_validator("fraction")
    @classmethod
    def _a_share(cls, value: str) -> str:
        """A share with figures is written n/d ("-1/2", "1/-2", "12" are not); one without is words ("most",
        "almost all"). A well-written share that cannot be true (3/2, 1/0) is the checks' to flag."""
        value = " ".join(value.split())
        if not value:
            raise ValueError("a share is n/d (1/3) or words (most)")
        if any(c.isdigit() for c in value) and _FRACTION.fullmatch(value) is None:
            raise ValueError(f"{value!r} is not a share of a group: write n/d, e.g. 1/3, or words")
        return value

    @property
    def is_numeric(self) -> bool:
        """Return whether the share is an n/d fraction (vague words produce no facts)."""
        return _FRACTION.fullmatch(self.fraction) is not None

    def lower_bound(self, whole: int) -> int:
        """Return the smallest whole number of people this share of *whole* can be (ceil)."""
        num, den = (int(x) for x in self.fraction.split("/"))
        return -(-whole * num // den) if den else 0


class UnitCount(_Frozen):
    unit: Unit
    count: Count | None = None
    within: Unit | None = None
    label: str | None = None


class Cohort(_Frozen):
    label: str
    count: Count | None = None
    fraction: str | None = None
    qualifier: Qualifier = Qualifier.EXACT
    within: str | None = None


class Transfer(_Frozen):
    """What one party received from another in this exchange."""

    to: str | None = None
    from_: str | None = Field(default=None, alias="from")
    people: Count | None = None
    bodies: Count | None = None
    sex: dict[Literal["men", "women"], Count] = Field(default_factory=dict)
    rank: dict[Literal["officers", "enlisted", "privates", "sergeants"], Count] = Field(default_factory=dict)
    civilians: Count | None = None
    units: tuple[UnitCount, ...] = ()
    cohorts: tuple[Cohort, ...] = ()
    wounded_or_ill: Count | Fraction | None = None

    @field_validator("to", "from_")
    @classmethod
    def _canonical(cls, v: str | None) -> str | None:
        return canonical_name(v) if v else None

    @field_validator("sex", "rank", mode="before")
    @classmethod
    def _none_is_empty(cls, v: Any) -> Any:
        return {} if v is None else v

    @field_validator("units", "cohorts", mode="before")
    @classmethod
    def _none_is_empty_list(cls, v: Any) -> Any:
        return () if v is None else v


class Cumulative(_Frozen):
    """Running totals the article states; ``to`` None means both directions together."""

    to: str | None = None
    exchanges: int | None = Field(default=None, ge=0)
    people: Count | None = None
    bodies: Count | None = None

    @field_validator("to")
    @classmethod
    def _canonical(cls, v: str | None) -> str | None:
        return canonical_name(v) if v else None


class Exchange(_Frozen):
    """One article's exchange: what happened, between whom, and every figure stated."""

    exchange_date: dt.date | None = None
    kind: Kind = Kind.PRISONER_EXCHANGE
    ordinal: int | None = Field(default=None, ge=0)
    mediators: tuple[str, ...] = ()
    announced_by: tuple[str, ...] = ()
    transfers: tuple[Transfer, ...] = ()
    cumulative: Cumulative | None = None

    @field_validator("mediators")
    @classmethod
    def _canonical(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(canonical_name(m) for m in v)

    @field_validator("mediators", "announced_by", "transfers", mode="before")
    @classmethod
    def _none_is_empty(cls, v: Any) -> Any:
        return () if v is None else v

    def to_json_dict(self) -> dict[str, Any]:
        """Return the documented JSON form (``from`` spelled as in JSON, empty parts left out)."""
        return self.model_dump(mode="json", by_alias=True, exclude_none=True, exclude_defaults=False)
