"""Canonical English names of parties and mediators, and label slugs (docs/facts.md)."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["canonical_name", "mediator_of", "mediators_named", "name_key", "party_of", "slug"]

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


# ---- recognising parties and mediators in free text (model output, article words) ----------------
# Stems in English, Ukrainian, Russian (and the few Hungarian/Spanish forms news copy uses), matched
# case-insensitively at the start of a word. Order matters: the first hit wins.
_PARTY_STEMS: tuple[tuple[str, str], ...] = (
    ("Palestinian territories", r"palestin|палестин|gaza|газ[аиі]"),
    (
        "Ukraine",
        r"ukrain|україн|украин|ukrajn|ucrani|kyiv|kiev|київ|киев|zelensk|зеленськ|зеленск|yermak|"
        r"єрмак|ермак|lubinets|лубінец|лубинец|sbu\b|ssu\b|сбу\b|зсу\b|всу\b|нгу\b|дпсу\b|гпсу\b",
    ),
    (
        "Russia",
        r"russ|росі|росси|россия|рф\b|orosz|rusia|moscow|москв|kreml|кремл|putin|путін|путин|"
        r"минобороны|мединск|medinsk|peskov|песков",
    ),
    ("Israel", r"israel|ізраїл|израил"),
    ("Hamas", r"hamas|хамас"),
    ("Thailand", r"thai|таїл|таил"),
    ("Armenia", r"armenia|вірмен|армени|армян|yerevan|єреван|ереван"),
    ("Azerbaijan", r"azerbaij|азербайдж|baku|баку"),
    ("United States", r"united\s+states|americ|u\.s\.|usa\b|us\b|сша\b|америк|washington"),
    ("Iran", r"iran|іран|иран|tehran|тегеран"),
    ("Belarus", r"belarus|білорус|беларус|белорус"),
)
# Ukraine's own bodies named without the country (the POW headquarters, its services).
_UKRAINIAN_BODIES = (
    r"coordinat\w*\s+(?:headquarters|staff|centre|center)|координаційн\w*\s+штаб|"
    r"координационн\w*\s+штаб|national\s+guard|border\s+guard|security\s+service|"
    r"нацгвард|прикордон|ombudsman|human\s+rights\s+commissioner|омбудсман"
)
_MEDIATOR_STEMS: tuple[tuple[str, str], ...] = (
    (
        "United Arab Emirates",
        r"united\s+arab\s+emirates|uae\b|emirat|émirat|emirad|емірат|эмират|оае\b|оаэ\b|eau\b|bae\b|"
        r"birleşik\s+arap|egyesült\s+arab|[وبل]?الإمارات|إمارات|"
        r"об['ʼ’]?єднан\w*\s+арабськ|объединенн\w*\s+арабск",
    ),
    ("Saudi Arabia", r"saudi|saudí|saudyj|saudita|suudi|саудівськ|саудовск|szaúd|szaud|[وبل]?السعودية"),
    ("Qatar", r"qatar|catar|katar|катар|[وبل]?قطر"),
    (
        "Turkey",
        r"turkey|türkiye|turkiye|türkei|turquía|turquia|turquie|turcja|turcji|turchia|турец|туреччин|турци|"
        r"török|[وبل]?تركيا",
    ),
    ("Holy See", r"holy\s+see|vatican|ватикан|святий\s+престол|святой\s+престол"),
    (
        "International Committee of the Red Cross",
        r"red\s+cross|icrc\b|cicr\b|ikrk\b|mkck\b|мкчх\b|мккк\b|червон\w*\s+хрест|"
        r"красн\w*\s+крест|cruz\s+roja|cruz\s+vermelha|croix[-\s]rouge|croce\s+rossa|rote[ns]?\s+kreuz|"
        r"czerwon\w*\s+krzy|kızılhaç|vöröskereszt|[وبل]?الصليب\s+الأحمر",
    ),
    (
        "United Nations",
        r"united\s+nations|\bun\b|оон\b|naciones\s+unidas|nations\s+unies|vereinte[nr]?\s+nationen|"
        r"nazioni\s+unite|nações\s+unidas|birleşmiş\s+milletler|[وبل]?الأمم\s+المتحدة",
    ),
    (
        "United States",
        r"united\s+states|u\.s\.|usa\b|сша\b|estados\s+unidos|stan\w*\s+zjednoczon|vereinigte[nr]?\s+staaten|"
        r"états[-\s]unis|stati\s+uniti|abd\b|amerika\s+birleşik|egyesült\s+államok|[وبل]?الولايات\s+المتحدة",
    ),
    ("Oman", r"\boman|оман"),
    ("Switzerland", r"switzerland|швейцар"),
    ("Norway", r"norway|норвег"),
    ("Egypt", r"egypt|єгипет|египет"),
)


def _first(stems: tuple[tuple[str, str], ...], text: str) -> str | None:
    hits = []
    for name, pattern in stems:
        m = re.search(rf"(?<!\w)(?:{pattern})", text, re.IGNORECASE)
        if m:
            hits.append((m.start(), name))
    return min(hits)[1] if hits else None


def party_of(name: str) -> str | None:
    """Return the canonical party a free-text name refers to ("Минобороны России" -> "Russia"), or None."""
    found = _first(_PARTY_STEMS, name)
    if found is not None:
        return found
    if re.search(_UKRAINIAN_BODIES, name, re.IGNORECASE):
        return "Ukraine"
    return None


def mediator_of(name: str) -> str | None:
    """Return the canonical mediator a free-text name refers to ("ОАЭ" -> "United Arab Emirates"), or None."""
    return _first(_MEDIATOR_STEMS, name)


def mediators_named(text: str) -> list[tuple[int, str]]:
    """Return (offset, canonical name) of every known mediator named in *text*."""
    out = []
    for name, pattern in _MEDIATOR_STEMS:
        for m in re.finditer(rf"(?<!\w)(?:{pattern})", text, re.IGNORECASE):
            out.append((m.start(), name))
    return sorted(out)
