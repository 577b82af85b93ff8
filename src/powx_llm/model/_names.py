"""Canonical English spellings of parties and mediators, and label slugs (docs/facts.md)."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["canonical_name", "name_key", "slug"]

# Lower-case alias -> canonical display name. The facts view lower-cases the display name.
_ALIASES: dict[str, str] = {
    "russian federation": "Russia",
    "the russian federation": "Russia",
    "rf": "Russia",
    "uae": "United Arab Emirates",
    "the uae": "United Arab Emirates",
    "the united arab emirates": "United Arab Emirates",
    "emirates": "United Arab Emirates",
    "usa": "United States",
    "us": "United States",
    "u.s.": "United States",
    "the us": "United States",
    "the united states": "United States",
    "united states of america": "United States",
    "america": "United States",
    "icrc": "International Committee of the Red Cross",
    "red cross": "International Committee of the Red Cross",
    "the red cross": "International Committee of the Red Cross",
    "the international committee of the red cross": "International Committee of the Red Cross",
    "vatican": "Holy See",
    "the vatican": "Holy See",
    "the holy see": "Holy See",
    "türkiye": "Turkey",
    "turkiye": "Turkey",
    "kingdom of saudi arabia": "Saudi Arabia",
    "uk": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "the united kingdom": "United Kingdom",
    "osesgy": "Office of the Special Envoy of the Secretary-General for Yemen",
    "ukrainian": "Ukraine",
    "russian": "Russia",
}

_SLUG_ALIASES: dict[str, str] = {
    "chernobyl": "chornobyl",
    "chernobyl_npp": "chornobyl_npp",
    "chornobyl_nuclear_power_plant": "chornobyl_npp",
    "chernobyl_nuclear_power_plant": "chornobyl_npp",
    "zmiinyi_island": "snake_island",
    "zmiinyi": "snake_island",
    "zmeinyi_island": "snake_island",
    "serpent_island": "snake_island",
    "azovstal_plant": "azovstal",
}


def canonical_name(name: str) -> str:
    """Return the canonical English display name of a party or mediator ("UAE" -> "United Arab Emirates")."""
    cleaned = " ".join(name.split())
    return _ALIASES.get(cleaned.lower(), cleaned)


def name_key(name: str) -> str:
    """Return the facts-key form of a party name ("United States" -> "united_states")."""
    return canonical_name(name).lower().replace(" ", "_")


def slug(label: str) -> str:
    """Return the ascii lower-case slug of a cohort or unit label, with spelling aliases applied."""
    s = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[^a-z0-9]+", "_", s).strip("_")
    s = re.sub(r"^(the|defenders_of|defenders_of_the)_", "", s)
    return _SLUG_ALIASES.get(s, s)
