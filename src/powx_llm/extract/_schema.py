"""What the LLM fills: small schemas designed for a small model (few fields, enums, quotes).

Two schemas, one per strategy:

- ``Sides`` (the default, ``cued`` strategy): only what word cues cannot decide: what kind of event
  this is, who received how many from whom in *this* exchange, and who mediated. Every number comes
  with the article's own words, so it can be grounded.
- ``FlatAnswer`` (the ``baseline`` strategy): the flat schema a user writes by hand
  (the reference peer: a plain instructor call measured on the dev set), kept to measure the gain.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from powx_llm.model import Unit

__all__ = ["FlatAnswer", "FlatUnit", "Side", "Sides"]

KindLiteral = Literal["prisoner_exchange", "body_repatriation", "release", "mixed", "none"]


MAX_SIDES = 6  # a constrained answer stops here: a small model may otherwise list its breakdown as sides forever


def _required(*fields: str) -> Callable[[dict[str, Any]], None]:
    """Return a schema hook that makes *fields* (all, if none are named) required in the JSON schema (null where
    the article does not say): a constrained answer then says each one, instead of closing the object early or
    putting a number in its words. Python callers may still leave them out."""

    def hook(schema: dict[str, Any]) -> None:
        schema["required"] = list(fields or schema.get("properties", {}))

    return hook


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Side(_Strict):
    """One direction of the exchange."""

    # bodies stay optional: required, a small model fills them with another group's number
    model_config = ConfigDict(
        extra="forbid", json_schema_extra=_required("received_by", "released_by", "people", "people_words")
    )

    received_by: str = Field(description="country or group that got these people or bodies back")
    released_by: str | None = Field(default=None, description="country or group that handed them over")
    people: int | None = Field(default=None, description="living people received in this exchange")
    people_words: str | None = Field(default=None, description="the article's exact words giving that number")
    bodies: int | None = Field(default=None, description="bodies of the dead received in this exchange")
    bodies_words: str | None = Field(default=None, description="the article's exact words giving that number")


class Sides(_Strict):
    """The decisions left to the model in the cued strategy."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=_required())

    kind: KindLiteral = Field(description="none if no exchange has happened yet (talks, plans)")
    sides: list[Side] = Field(default_factory=list, max_length=MAX_SIDES, description="one entry per receiving side")
    mediators: list[str] = Field(default_factory=list, description="countries or organisations that mediated")


if TYPE_CHECKING:
    UnitLiteral = str
else:  # the model's units, as strings in the order of ``Unit`` (the reference peer's schema sends them so)
    UnitLiteral = Literal[tuple(u.value for u in Unit)]


# The reference peer's flat schema, field for field. Class names and the
# absence of docstrings are kept too: instructor sends them as the tool's name and description.
class UnitCount(BaseModel):
    unit: UnitLiteral
    count: int


class Exchange(BaseModel):
    exchange_date: str | None = Field(None, description="YYYY-MM-DD")
    returned_to: str | None = Field(None, description="country that received the people")
    returned_from: str | None = None
    total_returned: int | None = None
    bodies_returned: int | None = None
    men: int | None = None
    women: int | None = None
    officers: int | None = None
    enlisted: int | None = Field(None, description="privates and sergeants")
    civilians: int | None = None
    units: list[UnitCount] = []
    mediators: list[str] = []
    exchange_number: int | None = Field(None, description="ordinal, e.g. 52 for 'the 52nd exchange'")
    cumulative_returned: int | None = None
    other_side_received: int | None = None


FlatAnswer = Exchange
FlatUnit = UnitCount
