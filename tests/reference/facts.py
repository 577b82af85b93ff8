# Vendored unchanged from shared/eval/facts.py (the project's reference flattening and scoring),
# so that tests/test_facts.py always compares against it. Not linted: it is not our code style.
"""Flatten a nested gold annotation into the flat facts of shared/SPEC.md, and score facts against gold."""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

ALIASES = {
    "chernobyl": "chornobyl",
    "chernobyl_npp": "chornobyl_npp",
    "chornobyl_nuclear_power_plant": "chornobyl_npp",
    "zmiinyi_island": "snake_island",
    "zmiinyi": "snake_island",
    "zmeinyi_island": "snake_island",
    "azovstal_plant": "azovstal",
}
COUNTRY_ALIASES = {
    "russian federation": "russia",
    "uae": "united arab emirates",
    "usa": "united states",
    "us": "united states",
    "united states of america": "united states",
    "icrc": "international committee of the red cross",
    "red cross": "international committee of the red cross",
    "the red cross": "international committee of the red cross",
    "vatican": "holy see",
    "the vatican": "holy see",
    "türkiye": "turkey",
    "turkiye": "turkey",
    "kingdom of saudi arabia": "saudi arabia",
    "uk": "united kingdom",
    "britain": "united kingdom",
    "great britain": "united kingdom",
    "the united arab emirates": "united arab emirates",
    "osesgy": "office of the special envoy of the secretary-general for yemen",
}


def slug(label: str) -> str:
    s = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[^a-z0-9]+", "_", s).strip("_")
    s = re.sub(r"^(the|defenders_of|defenders_of_the)_", "", s)
    return ALIASES.get(s, s)


def country(name: str) -> str:
    n = name.strip().lower()
    return COUNTRY_ALIASES.get(n, n)


def country_key(name: str) -> str:
    return country(name).replace(" ", "_")


def _count(out: dict, key: str, c) -> None:
    if c is None:
        return
    if isinstance(c, (int, float)):
        out[key] = int(c)
        return
    if "fraction" in c and c["fraction"] is not None:
        if not re.fullmatch(r"\d+/\d+", str(c["fraction"])):
            return  # a vague share ("most") states no number
        out[key] = str(c["fraction"])
    elif c.get("value") is not None:
        out[key] = int(c["value"])
    else:
        return
    q = c.get("qualifier") or "exact"
    if q != "exact":
        out[key + "_qualifier"] = q


def flatten(gold: dict) -> dict:
    out: dict = {}
    for k in ("exchange_date", "kind", "ordinal"):
        if gold.get(k) is not None:
            out[k] = gold[k]
    if gold.get("mediators"):
        out["mediators"] = sorted(country(m) for m in gold["mediators"])
    for t in gold.get("transfers") or []:
        to = country_key(t.get("to") or "unspecified")
        if t.get("from"):
            out[f"{to}.from"] = country(t["from"])
        _count(out, f"{to}.people", t.get("people"))
        _count(out, f"{to}.bodies", t.get("bodies"))
        for group in ("sex", "rank"):
            for k, v in (t.get(group) or {}).items():
                _count(out, f"{to}.{k}", v)
        _count(out, f"{to}.civilians", t.get("civilians"))
        for u in t.get("units") or []:
            name = u["unit"]
            if name == "other" and u.get("label"):
                name = f"other.{slug(u['label'])}"
            if u.get("count") is not None:
                _count(out, f"{to}.unit.{name}", u["count"])
            if u.get("within"):
                out[f"{to}.unit.{name}.within"] = u["within"]
        for c in t.get("cohorts") or []:
            key = f"{to}.cohort.{slug(c['label'])}"
            if c.get("count") is not None:
                _count(out, key, c["count"])
            elif re.fullmatch(r"\d+/\d+", str(c.get("fraction") or "")):
                _count(out, key, {"fraction": c["fraction"], "qualifier": c.get("qualifier")})
        _count(out, f"{to}.wounded_or_ill", t.get("wounded_or_ill"))
    cum = gold.get("cumulative")
    if cum:
        to = country_key(cum.get("to") or "all")
        if cum.get("exchanges") is not None:
            out[f"cumulative.{to}.exchanges"] = cum["exchanges"]
        _count(out, f"cumulative.{to}.people", cum.get("people"))
        _count(out, f"cumulative.{to}.bodies", cum.get("bodies"))
    return out


def norm_value(v):
    if isinstance(v, list):
        return sorted(country(str(x)) for x in v)
    if isinstance(v, str):
        return v.strip().lower()
    return v


def norm_key(k: str) -> str:
    parts = k.split(".")
    if len(parts) >= 3 and parts[1] == "cohort":
        parts[2] = slug(parts[2])
    return ".".join(parts)


STOP = {"of", "the", "and", "in", "on", "at", "by", "to", "from", "defenders", "captured", "who", "were", "was", "status"}


def _words(key: str) -> set[str]:
    return {w for w in key.split(".")[-1].split("_") if w and w not in STOP}


def score(pred: dict, gold: dict, published: str | None = None) -> tuple[int, int, int, list[str]]:
    """Return (right, predicted, gold, differences).

    Rules beyond key-by-key equality: a cohort key matches a gold cohort key of the same recipient and
    value when their labels share a content word; when gold has no exchange_date, a predicted
    exchange_date equal to the article's published date is not counted either way.
    """
    p = {norm_key(k): norm_value(v) for k, v in pred.items() if v is not None and k != "announced_by"}
    g = {norm_key(k): norm_value(v) for k, v in gold.items() if k != "announced_by"}
    if "exchange_date" not in g and published and p.get("exchange_date") == published:
        p.pop("exchange_date")
    # re-key predicted cohorts onto matching gold cohorts
    for k in [k for k in p if ".cohort." in k and k not in g and not k.endswith("_qualifier")]:
        prefix = k.split(".cohort.")[0] + ".cohort."
        for gk in g:
            if gk.startswith(prefix) and gk not in p and not gk.endswith("_qualifier") \
                    and g[gk] == p[k] and _words(gk) & _words(k):
                p[gk] = p.pop(k)
                if k + "_qualifier" in p:
                    p[gk + "_qualifier"] = p.pop(k + "_qualifier")
                break
    right = sum(1 for k, v in p.items() if k in g and g[k] == v)
    diffs = []
    for k in sorted(set(p) | set(g)):
        if p.get(k) != g.get(k):
            diffs.append(f"{k}: got {p.get(k)!r} want {g.get(k)!r}")
    return right, len(p), len(g), diffs


if __name__ == "__main__":
    for f in sys.argv[1:]:
        art = json.loads(Path(f).read_text())
        print(f, json.dumps(flatten(art["gold"]), ensure_ascii=False))
