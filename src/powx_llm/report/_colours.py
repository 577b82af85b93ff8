"""One colour per party, the same in every chart: a party's figures for one exchange and its stated running
total are drawn in its colour (markers and a dashed line), whichever chart or notebook draws them.

The parties met most often get fixed colours from a palette readable by people with colour-vision deficiency
(Okabe and Ito's eight, then Paul Tol's muted set); any other party gets one of the rest, chosen by a hash
of its name, so it keeps its colour across runs and corpora."""

from __future__ import annotations

import hashlib

__all__ = ["PALETTE", "party_colour"]

PALETTE = (  # Okabe-Ito, then Tol's muted: distinguishable for deuteranopia and protanopia
    "#0072B2",
    "#D55E00",
    "#009E73",
    "#CC79A7",
    "#E69F00",
    "#56B4E9",
    "#000000",
    "#F0E442",
    "#332288",
    "#117733",
    "#44AA99",
    "#88CCEE",
    "#DDCC77",
    "#CC6677",
    "#AA4499",
    "#882255",
)

_FIXED = {  # the parties of the dev set's conflicts, each its own colour
    "ukraine": "#0072B2",
    "russia": "#D55E00",
    "armenia": "#E69F00",
    "azerbaijan": "#009E73",
    "israel": "#56B4E9",
    "palestinian territories": "#000000",
    "united states": "#CC79A7",
    "venezuela": "#332288",
    "thailand": "#117733",
    "colombia": "#44AA99",
    "saudi arabia": "#882255",
    "yemen": "#DDCC77",
}


def party_colour(party: str) -> str:
    """Return the hex colour of *party* (a canonical party name, or a facts-style key part such as
    ``united_states``): fixed for the common parties, else chosen by a hash of the name among the others."""
    name = " ".join(party.replace("_", " ").lower().split())
    if name in _FIXED:
        return _FIXED[name]
    rest = [c for c in PALETTE if c not in _FIXED.values()]
    return rest[int(hashlib.sha1(name.encode()).hexdigest(), 16) % len(rest)]
