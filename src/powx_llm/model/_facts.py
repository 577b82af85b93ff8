"""The flat ``facts`` view of an Exchange (docs/facts.md) and key-by-key scoring against gold facts."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from powx_llm.model._exchange import Count, Exchange, Fraction, Qualifier, Unit, UnitCount
from powx_llm.model._names import canonical_name, name_key, slug

__all__ = ["GROUPS", "FactValue", "Score", "facts", "group_of", "iter_counts", "recipients", "score"]

FactValue = str | int | list[str]


def iter_counts(exchange: Exchange) -> Iterator[tuple[str, Count | Fraction]]:
    """Yield every stated number of *exchange* under its facts key ("ukraine.men"); vague shares are skipped."""
    for t in exchange.transfers:
        to = name_key(t.to or "unspecified")
        for label in ("people", "bodies"):
            if (c := getattr(t, label)) is not None:
                yield f"{to}.{label}", c
        for k, c in (*t.sex.items(), *t.rank.items()):
            yield f"{to}.{k}", c
        if t.civilians is not None:
            yield f"{to}.civilians", t.civilians
        for u in t.units:
            if u.count is not None:
                yield f"{to}.unit.{_unit_name(u)}", u.count
        for co in t.cohorts:
            share = Fraction(fraction=co.fraction, qualifier=co.qualifier) if co.fraction else None
            if (c2 := co.count or share) is not None and (isinstance(c2, Count) or c2.is_numeric):
                yield f"{to}.cohort.{slug(co.label)}", c2
        w = t.wounded_or_ill
        if w is not None and (isinstance(w, Count) or w.is_numeric):
            yield f"{to}.wounded_or_ill", w
    cum = exchange.cumulative
    if cum is not None:
        to = name_key(cum.to or "all")
        if cum.exchanges is not None:
            yield f"cumulative.{to}.exchanges", Count(value=cum.exchanges)
        for label in ("people", "bodies"):
            if (c := getattr(cum, label)) is not None:
                yield f"cumulative.{to}.{label}", c
    if exchange.ordinal is not None:
        yield "ordinal", Count(value=exchange.ordinal)


def _unit_name(u: UnitCount) -> str:
    return f"other.{slug(u.label)}" if u.unit is Unit.OTHER and u.label else u.unit.value


# Key groups of the facts, then "recipients": not a key group but a measure over transfers (a gold
# transfer is found when some predicted transfer has the same receiving party).
GROUPS = (
    "people/bodies",
    "sex",
    "rank",
    "civilians",
    "units",
    "cohorts",
    "wounded",
    "mediators",
    "date/kind/ordinal",
    "cumulative",
    "parties",
    "recipients",
)


def recipients(keys: Iterable[str]) -> set[str]:
    """Return the receiving parties that facts *keys* describe ("ukraine.people" -> "ukraine")."""
    return {k.split(".", 1)[0] for k in keys if "." in k and not k.startswith("cumulative.")}


def group_of(key: str) -> str:
    """Return the report group of a facts key ("ukraine.unit.navy" -> "units")."""
    if key.startswith("cumulative."):
        return "cumulative"
    if key in ("exchange_date", "kind", "ordinal"):
        return "date/kind/ordinal"
    if key == "mediators":
        return "mediators"
    part = key.split(".")[1] if "." in key else key
    part = part.removesuffix("_qualifier")
    return {
        "people": "people/bodies",
        "bodies": "people/bodies",
        "men": "sex",
        "women": "sex",
        "officers": "rank",
        "enlisted": "rank",
        "privates": "rank",
        "sergeants": "rank",
        "civilians": "civilians",
        "unit": "units",
        "cohort": "cohorts",
        "wounded_or_ill": "wounded",
        "from": "parties",
    }.get(part, "other")


def facts(exchange: Exchange) -> dict[str, FactValue]:
    """Return the flat facts of *exchange*: only keys whose value is known (docs/facts.md)."""
    out: dict[str, FactValue] = {}
    if exchange.exchange_date is not None:
        out["exchange_date"] = exchange.exchange_date.isoformat()
    out["kind"] = exchange.kind.value
    if exchange.mediators:
        out["mediators"] = sorted(canonical_name(m).lower() for m in exchange.mediators)
    for t in exchange.transfers:
        to = name_key(t.to or "unspecified")
        if t.from_:
            out[f"{to}.from"] = canonical_name(t.from_).lower()
        for u in t.units:
            if u.within is not None:
                out[f"{to}.unit.{_unit_name(u)}.within"] = u.within.value
    for key, c in iter_counts(exchange):
        out[key] = c.fraction if isinstance(c, Fraction) else c.value
        if c.qualifier is not Qualifier.EXACT:
            out[key + "_qualifier"] = c.qualifier.value
    return out


# ---- scoring -------------------------------------------------------------------------------------

_STOP = frozenset(
    {"of", "the", "and", "in", "on", "at", "by", "to", "from", "defenders", "captured", "who", "were", "was", "status"}
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
            if (
                gk.startswith(prefix)
                and gk not in p
                and not gk.endswith("_qualifier")
                and g[gk] == p[k]
                and _words(gk) & _words(k)
            ):
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
    diffs = tuple(f"{k}: got {p.get(k)!r} want {g.get(k)!r}" for k in sorted(set(p) | set(g)) if p.get(k) != g.get(k))
    return Score(len(right), len(p), len(g), diffs, right, tuple(sorted(p)), tuple(sorted(g)))
