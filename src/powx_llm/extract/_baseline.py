"""The baseline strategy's answer as an Exchange: the reference peer's flat mapping, field for field.

The peer assumes Ukraine receives from Russia when the model names no
party, and reads ``other_side_received`` as the reverse direction. Nothing here is grounded or
checked before output: that is the point of the comparison.
"""

from __future__ import annotations

from typing import Any

from powx_llm.extract._schema import FlatAnswer
from powx_llm.model import Exchange, Kind, as_date, canonical_name

__all__ = ["baseline_exchange"]


def _nn(v: int | None) -> int | None:
    return v if v is not None and v >= 0 else None


def _kind(e: FlatAnswer) -> Kind:
    if e.total_returned:
        return Kind.PRISONER_EXCHANGE
    if e.bodies_returned:
        return Kind.BODY_REPATRIATION
    return Kind.NONE


def baseline_exchange(e: FlatAnswer) -> Exchange:
    """Return the Exchange the reference peer's ``to_facts`` describes for answer *e*."""
    to = canonical_name(e.returned_to or "Ukraine")
    frm = canonical_name(e.returned_from or "Russia")
    has_total = e.total_returned is not None or e.bodies_returned is not None
    main: dict[str, Any] = {
        "to": to,
        "from": frm if has_total else None,
        "people": _nn(e.total_returned),
        "bodies": _nn(e.bodies_returned),
        "sex": {k: v for k, v in (("men", _nn(e.men)), ("women", _nn(e.women))) if v is not None},
        "rank": {k: v for k, v in (("officers", _nn(e.officers)), ("enlisted", _nn(e.enlisted))) if v is not None},
        "civilians": _nn(e.civilians),
        "units": [{"unit": u.unit, "count": max(u.count, 0)} for u in e.units],
    }
    transfers = [main]
    if e.other_side_received is not None:
        transfers.append({"to": frm, "from": to, "people": max(e.other_side_received, 0)})
    cumulative = {"to": to, "people": max(e.cumulative_returned, 0)} if e.cumulative_returned is not None else None
    return Exchange.model_validate(
        {
            "exchange_date": as_date(e.exchange_date),
            "kind": _kind(e),
            "ordinal": _nn(e.exchange_number),
            "mediators": e.mediators,
            "transfers": transfers,
            "cumulative": cumulative,
        }
    )
