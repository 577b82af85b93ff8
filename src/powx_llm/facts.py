"""The flat ``facts`` view of an Exchange (SPEC keys) and key-by-key scoring against gold facts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from powx_llm.model import Count, Exchange, Fraction, Qualifier, Transfer
from powx_llm.names import canonical_name, name_key, slug

__all__ = ["FactValue", "Score", "facts", "score"]

FactValue = str | int | list[str]


def _put_count(out: dict[str, FactValue], key: str, c: Count | Fraction | None) -> None:
    if c is None:
        return
    if isinstance(c, Fraction):
        if not c.is_numeric:
            return  # a vague share ("most") states no number
        out[key] = c.fraction
    else:
        out[key] = c.value
    if c.qualifier is not Qualifier.EXACT:
        out[key + "_qualifier"] = c.qualifier.value


def _transfer_facts(out: dict[str, FactValue], t: Transfer) -> None:
    to = name_key(t.to or "unspecified")
    if t.from_:
        out[f"{to}.from"] = canonical_name(t.from_).lower()
    _put_count(out, f"{to}.people", t.people)
    _put_count(out, f"{to}.bodies", t.bodies)
    for sex_key, c in t.sex.items():
        _put_count(out, f"{to}.{sex_key}", c)
    for rank_key, c in t.rank.items():
        _put_count(out, f"{to}.{rank_key}", c)
    _put_count(out, f"{to}.civilians", t.civilians)
    for u in t.units:
        name = u.unit.value
        if name == "other" and u.label:
            name = f"other.{slug(u.label)}"
        _put_count(out, f"{to}.unit.{name}", u.count)
        if u.within is not None:
            out[f"{to}.unit.{name}.within"] = u.within.value
    for co in t.cohorts:
        key = f"{to}.cohort.{slug(co.label)}"
        if co.count is not None:
            _put_count(out, key, co.count)
        elif co.fraction is not None:
            _put_count(out, key, Fraction(fraction=co.fraction, qualifier=co.qualifier))
    _put_count(out, f"{to}.wounded_or_ill", t.wounded_or_ill)


def facts(exchange: Exchange) -> dict[str, FactValue]:
    """Return the flat facts of *exchange*: only keys whose value is known (SPEC, "Flat facts")."""
    out: dict[str, FactValue] = {}
    if exchange.exchange_date is not None:
        out["exchange_date"] = exchange.exchange_date.isoformat()
    out["kind"] = exchange.kind.value
    if exchange.ordinal is not None:
        out["ordinal"] = exchange.ordinal
    if exchange.mediators:
        out["mediators"] = sorted(canonical_name(m).lower() for m in exchange.mediators)
    for t in exchange.transfers:
        _transfer_facts(out, t)
    cum = exchange.cumulative
    if cum is not None:
        to = name_key(cum.to or "all")
        if cum.exchanges is not None:
            out[f"cumulative.{to}.exchanges"] = cum.exchanges
        _put_count(out, f"cumulative.{to}.people", cum.people)
        _put_count(out, f"cumulative.{to}.bodies", cum.bodies)
    return out


# ---- scoring -------------------------------------------------------------------------------------

_STOP = frozenset(
    {"of", "the", "and", "in", "on", "at", "by", "to", "from", "defenders", "captured", "who", "were",
     "was", "status"}
)


def _norm_value(v: Any) -> Any:
    if isinstance(v, list):
        return sorted(canonical_name(str(x)).lower() for x in v)
    if isinstance(v, str):
        return v.strip().lower()
    return v


def _norm_key(k: str) -> str:
    parts = k.split(".")
    if len(parts) >= 3 and parts[1] == "cohort":
        parts[2] = slug(parts[2])
    return ".".join(parts)


def _words(key: str) -> set[str]:
    return {w for w in key.split(".")[-1].split("_") if w and w not in _STOP}


@dataclass(frozen=True, slots=True)
class Score:
    """Key-by-key agreement of predicted facts with gold facts."""

    right: int
    predicted: int
    gold: int
    differences: tuple[str, ...] = field(default=())
    right_keys: tuple[str, ...] = field(default=())
    predicted_keys: tuple[str, ...] = field(default=())
    gold_keys: tuple[str, ...] = field(default=())


def _rekey_cohorts(p: dict[str, Any], g: dict[str, Any]) -> None:
    for k in [k for k in p if ".cohort." in k and k not in g and not k.endswith("_qualifier")]:
        prefix = k.split(".cohort.")[0] + ".cohort."
        for gk in g:
            if (gk.startswith(prefix) and gk not in p and not gk.endswith("_qualifier")
                    and g[gk] == p[k] and _words(gk) & _words(k)):
                p[gk] = p.pop(k)
                if k + "_qualifier" in p:
                    p[gk + "_qualifier"] = p.pop(k + "_qualifier")
                break


def score(predicted: dict[str, Any], gold: dict[str, Any], *, published: str | None = None) -> Score:
    """Score *predicted* facts against *gold* facts by the rules of the reference ``eval/facts.py``."""
    p = {_norm_key(k): _norm_value(v) for k, v in predicted.items() if v is not None and k != "announced_by"}
    g = {_norm_key(k): _norm_value(v) for k, v in gold.items() if k != "announced_by"}
    if "exchange_date" not in g and published and p.get("exchange_date") == published:
        p.pop("exchange_date")
    _rekey_cohorts(p, g)
    right = tuple(sorted(k for k, v in p.items() if k in g and g[k] == v))
    diffs = tuple(
        f"{k}: got {p.get(k)!r} want {g.get(k)!r}" for k in sorted(set(p) | set(g)) if p.get(k) != g.get(k)
    )
    return Score(len(right), len(p), len(g), diffs, right, tuple(sorted(p)), tuple(sorted(g)))
