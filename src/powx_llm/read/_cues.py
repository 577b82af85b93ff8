"""Read what each number counts from the words around it ("70 men", "21 national guardsmen", "шестеро цивільних").

In exchange reports the word right after a number usually names the group. This module proposes a
role for each number mention from per-language lexicons (English, Ukrainian, Russian, some Spanish):
a deterministic, grounded cue. The lexicons describe the domain (the branches of Ukraine's forces,
ranks, sexes, the dead, the wounded, the places POWs are known by), not any one article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from powx_llm import lexicon
from powx_llm.model import Unit
from powx_llm.read._mentions import Mention, MentionKind
from powx_llm.read._parties import party_of

__all__ = ["SENTENCE_PART", "STOP_CHARS", "Cue", "Role", "find_cues", "named_units", "of_the_whole", "sentence_bounds"]


class Role(StrEnum):
    BODIES = "bodies"
    MEN = "men"
    WOMEN = "women"
    OFFICERS = "officers"
    ENLISTED = "enlisted"  # privates and sergeants as one group
    PRIVATES = "privates"  # only when the article counts them apart from sergeants
    SERGEANTS = "sergeants"
    CIVILIANS = "civilians"
    UNIT = "unit"
    COHORT = "cohort"
    WOUNDED = "wounded"
    VICTIMS = "victims"  # people harmed ("accused of wounding two civilians"): a group, but not of the returned
    CUMULATIVE_PEOPLE = "cumulative_people"
    CUMULATIVE_EXCHANGES = "cumulative_exchanges"
    ORDINAL = "ordinal"


@dataclass(frozen=True, slots=True)
class Cue:
    """A role proposed for one number mention, with the words that suggest it."""

    mention: Mention
    role: Role
    words: str  # the cue words as they appear ("national guardsmen")
    unit: Unit | None = None
    label: str | None = None  # cohort label, or the label of an `other` unit
    within: Unit | None = None  # the unit this count is presented as part of ("including ...")


_F = re.IGNORECASE | re.UNICODE

# The group a number counts, in the order they are tried (lexicon categories; powx_llm.lexicon).
_ROLES: tuple[tuple[Role, str], ...] = (
    (Role.COHORT, "children"),
    (Role.BODIES, "bodies"),
    (Role.MEN, "men"),
    (Role.WOMEN, "women"),
    (Role.OFFICERS, "officers"),
    (Role.ENLISTED, "enlisted"),
    (Role.PRIVATES, "privates"),
    (Role.SERGEANTS, "sergeants"),
    (Role.CIVILIANS, "civilians"),
)
# Tried in this order: the specific branches before the forces that hold them.
_HOLDERS = (Unit.GROUND_FORCES, Unit.ARMED_FORCES, Unit.OTHER)
_UNITS: tuple[Unit, ...] = (*(u for u in Unit if u not in _HOLDERS), *_HOLDERS)


@dataclass(frozen=True, slots=True)
class _Lex:
    """The lexicon's patterns in the languages of one article (``lexicon.for_language``)."""

    languages: tuple[str, ...] = lexicon.ALL

    def __call__(self, category: str, before: str = "", after: str = "") -> re.Pattern[str]:
        return lexicon.pattern(category, before, after, self.languages)


def _filler(lex: _Lex) -> re.Pattern[str]:
    """Words that may stand between a number and the noun that names its group (one at a time)."""
    return lex("filler", r"^(?:\s*[-–—]\s*)?(?:", r"\s+)")


def _unit_words(lex: _Lex, unit: Unit) -> re.Pattern[str]:
    return lex(f"unit.{unit.value}")


_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+|\n+")
STOP_CHARS = re.compile(r"[,.;:!?()\n\[\]]|\s[-–—]\s")


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) of each sentence (a line break always ends one)."""
    bounds, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if "\n" not in m.group() and m.end() < len(text) and text[m.end()].islower():
            continue  # "e.g. the", "ok. 200": no new sentence starts with a lower-case letter
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(text)))
    return bounds


def _after(lex: _Lex, text: str, m: Mention, nxt: int) -> str:
    if of_the_whole(lex.languages).fullmatch(text[m.end : nxt]):
        nxt = len(text)  # "Two of the 116 are officers": the group is named after the whole
    window = text[m.end : min(nxt, m.end + 90)]
    lead = re.match(r"^\s*[-–—]\s*", window)  # "11 – тероборонці": a dash right after the number is fine
    rest = window[lead.end() :] if lead else window
    stop = STOP_CHARS.search(rest)
    return rest[: stop.start()] if stop else rest


def of_the_whole(languages: tuple[str, ...] = lexicon.ALL) -> re.Pattern[str]:
    """ "Two of the 116": the words between a part and its whole (to be fullmatched)."""
    articles = lexicon.pattern("articles", "(?:", r"\s+)?", languages).pattern
    return lexicon.pattern("of_the_whole", r"\s+", r"\s+" + articles, languages)


def _before(text: str, m: Mention, prev: int) -> str:
    """Return the words right before *m* (and before its qualifier: "the bodies of nearly 500"), in its clause."""
    end = m.qualifier_start if m.qualifier_start is not None and m.qualifier_start < m.start else m.start
    window = text[max(prev, end - 60) : end]
    stops = list(STOP_CHARS.finditer(window))
    return window[stops[-1].end() :] if stops else window


def _nouns(lex: _Lex, after: str) -> list[str]:
    """Return the words after the number, then after each filler word ("representatives of the ...")."""
    out = [after.lstrip()]
    for _ in range(6):
        f = _filler(lex).match(out[-1])
        if f is None or not f.end():
            break
        out.append(out[-1][f.end() :])
    return out


def _unit_at(lex: _Lex, words: str) -> tuple[Unit, str | None, str] | None:
    for unit in _UNITS:
        u = _unit_words(lex, unit).match(words)
        if u:
            label = next((lab for lab in _OTHER_LABELS if lex(f"unit_label.{lab}").search(u.group(0))), None)
            if unit is Unit.OTHER and label is None:
                label = " ".join(u.group(0).split())  # a formation named in the text: "72nd Mechanised Brigade"
            return unit, label if unit is Unit.OTHER else None, u.group(0)
    return None


_OTHER_LABELS = ("Azov Regiment", "International Legion")


def _place(lex: _Lex, clause: str) -> str | None:
    hits = [(lex(f"place.{label}").search(clause), label) for label in lexicon.PLACES]
    found = sorted((h.start(), label) for h, label in hits if h)
    return found[0][1] if found else None


def _cohort(lex: _Lex, clause: str, before: str = "") -> str | None:
    place = _place(lex, clause)
    if lex("morgue").search(clause):
        return "morgues in Russia"
    if lex("missing").search(clause):
        return "previously listed as missing"
    if place and lex("front").search(clause):
        return f"{place} direction"
    of_whom = lex("including", r"^\s*(?:", r")(?!\w)").match(clause)  # "30 of whom had been captured in Mariupol"
    if place and (lex("defended").search(clause) or lex("including").search(before) or of_whom):
        return place
    return None


def _cohort_label(lex: _Lex, words: str) -> str:
    """Return the English label of the cohort *words* name ("menores" -> "minors"), else the words."""
    return next(
        (label for label in lexicon.COHORTS if lex(f"cohort_label.{label}").search(words)),
        " ".join(words.lower().split()),
    )


def _named_group(lex: _Lex, m: Mention, after: str, before: str) -> Cue | None:
    """Return the cue of the first group named right after the number (fillers skipped one by one)."""
    for words in _nouns(lex, after):
        for role, category in _ROLES:
            hit = lex(category).match(words)
            if hit:
                if role is Role.BODIES and (cohort := _cohort(lex, after[:90], before)) is not None:
                    return Cue(m, Role.COHORT, after.strip(), label=cohort)  # bodies counted by place
                label = _cohort_label(lex, hit.group(0)) if role is Role.COHORT else None
                return Cue(m, role, hit.group(0), label=label)
        unit = _unit_at(lex, words)
        if unit is not None:
            return Cue(m, Role.UNIT, unit[2], unit=unit[0], label=unit[1])
    return None


_DASHED = re.compile(r"(?:^|[,.;]\s*)([^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,2})\s*[—–]\s*$")


def _role_of(
    lex: _Lex, m: Mention, after: str, before: str, sentence: str, line: str, part: str, *, paired: bool = False
) -> Cue | None:
    harmed = lex("harmed", r"(?<!\w)", r"(?:\s+[^\W\d_]+){0,2}\s*$").search(before)
    if harmed is not None:
        return Cue(m, Role.VICTIMS, harmed.group(0).strip())  # "of wounding two civilians": victims
    words = _nouns(lex, after)[-1]
    named = _named_group(lex, m, after, before)
    # "seven are children", "Six of the 13 freed Israelis are women", "Eleven of the Ukrainians who came home are
    # officers": the group after the verb, when nothing or the whole it is part of comes between (not "13 freed
    # Israelis are women": a noun of its own); after "of the", before the noun it names ("100 of the freed men are
    # seriously ill": the wounded, not the men)
    of_the = rf"\s*(?:{lex('of_the_whole').pattern})\s+(?:{lex('articles').pattern})\s+[^\W\d_][^;:.\d]{{0,40}}?"
    copula = lex("copula", r"^(\s*|\s*\D{0,12}\d[^;:.]{0,40}?|" + of_the + r")(?<!\w)(?:", r")\s+").match(after)
    rest = after[copula.end() :] if copula is not None else None
    if named is not None and rest is not None and re.match(of_the + r"\s", after, _F):
        if (said := _named_group(lex, m, rest, before)) is not None:
            return said
        if (wound := lex("wound").search(rest[:40])) is not None:
            return Cue(m, Role.WOUNDED, wound.group(0))
    if named is not None and named.role is Role.BODIES and (since := _bodies_so_far(lex, m, sentence, part)):
        return Cue(m, Role.CUMULATIVE_PEOPLE, since)  # "seit Beginn … über 15.000 Leichname": bodies so far
    if named is not None:
        return named
    whole = lex("of_the_whole", r"(?<!\w)(?:", r")(?:\s+" + lex("articles").pattern + r")?\s*$").search(before)
    if whole is None and rest is not None and (said := _named_group(lex, m, rest, before)):
        return said
    if lex("bodies_of", after=r"(?:\s+" + lex("more_before").pattern + r")?\s*$").search(before):
        cohort = _cohort(lex, after[:90])
        if cohort is not None:
            return Cue(m, Role.COHORT, after.strip(), label=cohort)
        if (since := _bodies_so_far(lex, m, sentence, part)) is not None:
            return Cue(m, Role.CUMULATIVE_PEOPLE, since)  # "the bodies of more than 9,000 returned since 2022"
        return Cue(m, Role.BODIES, before.strip())
    exchanges = lex("exchanges", after=r"\b").match(words) or lex("exchanges_first").match(after.lstrip())
    second = paired and lex("for", r"^\s*(?:[^\W\d_]+\s+){0,2}(?:", r")\s*$").match(before)  # "95'e 95 esir takası"
    if exchanges and m.kind is MentionKind.COUNT and not second:
        return Cue(m, Role.CUMULATIVE_EXCHANGES, words.split()[0])
    if m.kind is MentionKind.COUNT and (noun := lex("exchanges_before", after=r"\s*$").search(before)):
        return Cue(m, Role.CUMULATIVE_EXCHANGES, noun.group(0).strip())  # "الصفقات الثلاث": the noun first
    dashed = _DASHED.search(line)  # "Офіцерів серед звільнених — шестеро, сержантів — 61": the group first
    if dashed is not None and (said := _named_group(lex, m, dashed.group(1), "")) is not None:
        return said
    clause = after[:70]
    cohort = _cohort(lex, clause, before)
    if cohort is not None:
        return Cue(m, Role.COHORT, clause.strip(), label=cohort)
    wound = lex("wound").search(clause)
    if wound is not None:
        return Cue(m, Role.WOUNDED, wound.group(0))
    listed = re.fullmatch(r"(.*?)\s+[-–—:]\s*(?:[^\W\d_]+\s+)?", line)  # "Донецький напрямок — 403": label first
    if listed is not None and (cohort := _cohort(lex, listed.group(1))) is not None:
        return Cue(m, Role.COHORT, listed.group(1).strip(), label=cohort)
    if (since := _running(lex, m, sentence, part)) is not None:  # not "52nd exchange since …: 75 came home"
        return Cue(m, Role.CUMULATIVE_PEOPLE, since)
    if m.kind is MentionKind.COUNT and lex("including", r"(?<!\w)(?:", r")\s*$").search(before):
        label = _open_group(lex, after)
        if label is not None:
            return Cue(m, Role.COHORT, after.strip(), label=label)
    if m.kind is MentionKind.COUNT and (label := _status_group(lex, after)) is not None:
        return Cue(m, Role.COHORT, after.strip(), label=label)
    return None


def _status_group(lex: _Lex, after: str) -> str | None:
    """Return the label of a part named by its capture, detention or sentence right after "of them" ("Nine of the
    Armenians had been captured in Nagorno-Karabakh", "14 of them serving life sentences"), if any."""
    part = lex("of_them", r"^\s*(?:", r")\s+").match(after)
    if part is None:
        return None
    rest = after[part.end() :]
    lead = lex("status_lead", r"^(?:", r")\s+").match(rest)
    rest = rest[lead.end() :] if lead else rest
    return _open_group(lex, rest) if lex("status", r"^(?:", r")(?!\w)").match(rest) else None


def _running(lex: _Lex, m: Mention, sentence: str, part: str) -> str | None:
    """Return the words that make *m* a running total of people or bodies returned, if any: words of a running
    total in its part of the sentence, which speaks of return ("un" is none; nor "more than 4,000 DNA samples
    taken so far": no one came back)."""
    running = (
        (m.value or 0) >= 2
        and not lex("not_returned").search(sentence)
        and any(lex(c).search(sentence) for c in ("return", "handover", "captivity", "exchange_word", "body_words"))
    )
    return _since(lex, part) if running else None


def _bodies_so_far(lex: _Lex, m: Mention, sentence: str, part: str) -> str | None:
    """Return the words that make the bodies *m* counts a running total, if any: as ``_running``, when those words
    come before the number ("seit Beginn der Rückführungen … über 15.000 Leichname"; not "the bodies of 909
    soldiers killed since the start of the offensive") and no other number follows it in its part ("جثامين 15
    …, ليرتفع بذلك عدد الجثامين … إلى 285": 285 is the running total)."""
    since = _running(lex, m, sentence, part)
    at, own = part.find(since) if since else -1, part.find(m.quote)
    if since is None or at < 0 or own < 0 or at > own:
        return None
    rest = part[own + len(m.quote) :]
    return since if not re.search(r"\d", rest) else None


def _since(lex: _Lex, part: str) -> str | None:
    """Return the first words of a running total in *part*, if any (see ``_running_words``)."""
    return next((since.group(0) for since in _running_words(lex, part)), None)


def _running_words(lex: _Lex, text: str) -> list[re.Match[str]]:
    """Return the words of a running total in *text* that are no comparison's ("the biggest swap since the war
    began", "the largest swap so far")."""
    compared = [(c.start(), c.end()) for c in lex("superlative_since").finditer(text)]
    return [
        since
        for since in lex("cumulative").finditer(text)
        if not any(s <= since.start() < e or s < since.end() <= e for s, e in compared)
    ]


_LABEL_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _open_group(lex: _Lex, after: str) -> str | None:
    """Return the label of a group no word list names, stated as a part ("including 14 foreign citizens", "of
    whom six who had been held wrongfully"): its words up to the first that ends a label, one to four of them
    (only in a language whose words are the label: ``open_group_end``)."""
    if not lexicon.words("open_group_end", lex.languages):
        return None  # a language whose words are no English label
    words = after.strip()
    lead = lex("open_group_lead", r"^(?:", r")\s+").match(words)
    words = words[lead.end() :] if lead else words
    end = lex("open_group_end", r"(?<!\w)(?:", r")(?!\w)").search(words)
    label = (words[: end.start()] if end else words).strip()
    said = label.split()
    if not 1 <= len(said) <= 4 or not all(_LABEL_WORD.fullmatch(w) for w in said):
        return None
    if lex("not_a_group", r"^(?:", r")$").match(label) or lex("not_a_group_start", r"^(?:", r")\b").match(label):
        return None  # "including 2 others", "including 150 this week"
    if _a_nationality(lex, said):
        return None
    return label


def _a_nationality(lex: _Lex, said: list[str]) -> bool:
    """Return whether the words name people by their nationality ("Americans", "eight Thai nationals"): such a
    group may be a side of its own (convention 7), so only the model's sides say what it is."""
    if party_of(" ".join(said)) is not None:
        return True
    capital = said[0][:1].isupper()
    return capital and (len(said) == 1 or lex("nationals", r"^(?:", r")$").match(said[-1]) is not None)


def _a_stage(lex: _Lex, m: Mention, mentions: tuple[Mention, ...], sent: tuple[int, int], sentence: str) -> bool:
    """Return whether an ordinal counts the stages of one deal, not the series of exchanges (convention 11): its
    sentence speaks of a deal or truce ("the first exchange carried out under a landmark deal") or counts the
    stages in turn ("A first exchange was carried out recently, and now a second one has followed")."""
    others = {n.value for n in mentions if n.kind is MentionKind.ORDINAL and sent[0] <= n.start < sent[1]}
    in_turn = any(v is not None and m.value is not None and abs(v - m.value) == 1 for v in others)
    return lex("under_deal").search(sentence) is not None or in_turn  # not "the first this year, the 52nd since"


# up to two words ("prisoner"), or the start of a compound ("Gefangenen|austausch")
_ORDINAL_AFTER = re.compile(r"[^\w.!?;:]*(?:[^\W\d_][\w'’-]*[^\w.!?;:]+){0,2}?[^\W\d_]*\Z")


_WORDS_OF_A_WHILE = 7  # words after "first" that may say the while it is first in


def _first_in_a_while(lex: _Lex, text: str, m: Mention) -> bool:
    """Return whether "first" compares with a while or starts a running total, not the series' first ("the first
    such swap in more than five weeks", "the first exchange since the two sides met in Geneva", "since the first
    exchange"); not "the first exchange since the war began"."""
    base = max(0, m.start - 20)
    if any(c.start() <= m.start - base < c.end() for c in lex("cumulative").finditer(text[base : m.end + 40])):
        return True  # "5,917 have come home since the first exchange": the start of a running total
    end = min((i for i in (text.find(c, m.end) for c in ".!?\n") if i >= 0), default=len(text))
    rest = re.split(r"[,;:]", text[m.end : min(end, m.end + 90)], maxsplit=1)[0]  # its clause only
    if lex("since_start").search(rest) or lex("cumulative").search(rest):
        return False
    unit = lex("duration_unit", r"^\W*(?:", r")\W*$")
    if any(unit.match(word) for word in rest.split()[:_WORDS_OF_A_WHILE]):
        return True
    return lex("superlative_since").match(text, m.start, end) is not None


def _ordinal_cue(lex: _Lex, text: str, m: Mention) -> Cue | None:
    """Return the cue of an ordinal that numbers the exchange itself: the exchange word right after it, at most
    two words between ("the 52nd exchange", "52. takas", "the third such swap"), or right before it ("التبادل
    الثالث"). An ordinal of another noun near the word is not ("the first phase of the exchange", "the swap,
    the first accord of this sort", "on the swap's first day": annotation convention 11)."""
    after = text[m.end : m.end + 40]
    if m.value == 1 and _first_in_a_while(lex, text, m):
        return None
    for word in lex("exchange_word").finditer(after):
        if _ORDINAL_AFTER.match(after[: word.start()]):
            return Cue(m, Role.ORDINAL, word.group(0))
    before = text[max(0, m.start - 40) : m.start]
    linking = lex("ordinal_link", r"^\s*(?:", r")\s*$")
    for word in lex("exchange_word").finditer(before):
        between = before[word.end() :].strip(" \t–—-:,")
        if not between or linking.match(between):  # "هذه الصفقة تُعد الثالثة": "is counted" between
            return Cue(m, Role.ORDINAL, word.group(0))
    return None


def _with_nesting(lex: _Lex, cues: list[Cue], text: str, sentences: list[tuple[int, int]]) -> list[Cue]:
    """Mark units introduced by "including"/"з них" after another unit in the same sentence as within it."""
    out: list[Cue] = []
    for cue in cues:
        parent = next((c for c in reversed(out) if c.role is Role.UNIT and _same(c, cue, sentences)), None)
        if cue.role is Role.UNIT and parent is not None and parent.unit is not cue.unit:
            between = text[parent.mention.end : cue.mention.start]
            between = between[between.rfind(parent.words) + len(parent.words) :] if parent.words in between else between
            if lex("including").search(between) and (parent.within is None):
                cue = Cue(cue.mention, cue.role, cue.words, unit=cue.unit, label=cue.label, within=parent.unit)
            elif (
                parent.within is not None
                and not re.search(r"[.;]", between)
                and not lex("also").search(between)
                and not lex("another").search(between)
            ):
                cue = Cue(cue.mention, cue.role, cue.words, unit=cue.unit, label=cue.label, within=parent.within)
        out.append(cue)
    return out


def _same(a: Cue, b: Cue, sentences: list[tuple[int, int]]) -> bool:
    return any(s <= a.mention.start < e and s <= b.mention.start < e for s, e in sentences)


SENTENCE_PART = re.compile(r"[:;]\s")  # a colon or semicolon splits a sentence into parts of their own


def find_cues(text: str, mentions: tuple[Mention, ...], *, languages: tuple[str, ...] = lexicon.ALL) -> tuple[Cue, ...]:
    """Return a role cue for each mention whose surrounding words say what it counts (in *languages*'
    words: ``lexicon.for_language``)."""
    lex = _Lex(languages)
    sentences = sentence_bounds(text)
    counted_from = _ordinals_since(lex, text, mentions)  # "the 65th exchange since the war began": the ordinal's
    cues: list[Cue] = []
    for i, m in enumerate(mentions):
        sent = next(((s, e) for s, e in sentences if s <= m.start < e), (0, len(text)))
        sentence = text[sent[0] : sent[1]]
        if m.kind is MentionKind.ORDINAL:
            cue = _ordinal_cue(lex, text, m)
            if cue is not None and _a_stage(lex, m, mentions, sent, sentence):
                cue = None
        elif m.kind in (MentionKind.COUNT, MentionKind.FRACTION):
            nxt = mentions[i + 1].start if i + 1 < len(mentions) else len(text)
            prev = mentions[i - 1].end if i else 0
            line = text[max(prev, text.rfind("\n", 0, m.start) + 1) : m.start]  # the list item's words before it
            part = SENTENCE_PART.split(counted_from[m.start : sent[1]], maxsplit=1)[0]
            part = SENTENCE_PART.split(counted_from[sent[0] : m.start])[-1] + part  # between ":" and ";" around it
            paired = i > 0 and mentions[i - 1].value == m.value  # the second of "N for N"?
            after = _after(lex, text, m, nxt)
            cue = _role_of(lex, m, after, _before(text, m, prev), sentence, line, part, paired=paired)
        else:
            cue = None
        if cue is not None:
            cues.append(cue)
    cues = _soldiers_among_branches(lex, cues, text, mentions, sentences)
    cues = _restated_running_totals(_one_running_total(lex, cues, text, sentences), mentions)
    return tuple(_with_nesting(lex, cues, text, sentences))


def _ordinals_since(lex: _Lex, text: str, mentions: tuple[Mention, ...]) -> str:
    """Return *text* with the words of a running total blanked where they count an ordinal ("the 65th exchange
    since the start of the war brought 150 home": the exchanges are counted since then, not the 150)."""
    out = text
    for m in mentions:
        if m.kind is not MentionKind.ORDINAL:
            continue
        since = lex("cumulative", r"\s*(?:[^\W\d_][\w'’-]*\s+){0,5}?(?:", r")").match(text, m.end)
        if since is not None:
            out = out[: since.start()] + " " * (since.end() - since.start()) + out[since.end() :]
    return out


def _restated_running_totals(cues: list[Cue], mentions: tuple[Mention, ...]) -> list[Cue]:
    """A running total stated again, later and with no words of its own, is the running total ("so far more than
    320 have come back … in this way more than 320 citizens have returned home": the second 320 is no handover)."""
    totals: dict[int, Cue] = {}
    for c in cues:
        if c.role is Role.CUMULATIVE_PEOPLE and c.mention.value:
            totals.setdefault(c.mention.value, c)  # the first statement of each running total
    cued = {c.mention.start for c in cues}
    added = [
        Cue(m, Role.CUMULATIVE_PEOPLE, totals[m.value].words)
        for m in mentions
        if m.kind is MentionKind.COUNT
        and m.value in totals
        and m.start > totals[m.value].mention.start
        and m.start not in cued
    ]
    return sorted([*cues, *added], key=lambda c: c.mention.start) if added else cues


def _soldiers_among_branches(
    lex: _Lex, cues: list[Cue], text: str, mentions: tuple[Mention, ...], sentences: list[tuple[int, int]]
) -> list[Cue]:
    """ "95 soldiers, 56 national guardsmen, 26 border guards": soldiers counted in a list of branches are the
    armed forces (two or more other branches counted in the sentence), not the whole a colon opens the list with."""
    soldiers = lex("servicemen", r"^[\s\u00a0]*(?:", r")\b")
    cued = {c.mention.start for c in cues}
    added = []
    for m in mentions:
        said = soldiers.match(text[m.end : m.end + 40]) if m.kind is MentionKind.COUNT else None
        if said is None or m.start in cued or text[m.end + said.end() : m.end + said.end() + 3].lstrip()[:1] == ":":
            continue  # "303 defenders: 157 from the Armed Forces, 62 …": the whole the list breaks down
        s, e = next(((s, e) for s, e in sentences if s <= m.start < e), (0, len(text)))
        branches = {c.unit for c in cues if c.role is Role.UNIT and s <= c.mention.start < e}
        if len(branches - {None, Unit.ARMED_FORCES, Unit.OTHER}) >= 2:
            added.append(Cue(m, Role.UNIT, said.group(0).strip(), Unit.ARMED_FORCES))
    return sorted([*cues, *added], key=lambda c: c.mention.start) if added else cues


_CLAUSE_BREAK = re.compile(r"[,;:]\s")


def _apart(at: int, other: int, breaks: list[int]) -> bool:
    """Return whether a clause break lies between the two places."""
    return any(min(at, other) < b < max(at, other) for b in breaks)


def _one_running_total(lex: _Lex, cues: list[Cue], text: str, sentences: list[tuple[int, int]]) -> list[Cue]:
    """Keep one running total per sentence: a number in the clause of its words before one outside it ("Ukraine
    got back 90 soldiers, bringing the total to 212": 212), then the number nearest them ("240 in November, 1777
    in January, bringing the total since the war began to 3,985": 3,985)."""
    out = []
    for cue in cues:
        if cue.role is Role.CUMULATIVE_PEOPLE:
            s, e = next(((s, e) for s, e in sentences if s <= cue.mention.start < e), (0, len(text)))
            since = [m.start() + s for m in _running_words(lex, text[s:e])]
            rivals = [c for c in cues if c.role is Role.CUMULATIVE_PEOPLE and s <= c.mention.start < e]
            if since and len(rivals) > 1:
                breaks = [b.start() for b in _CLAUSE_BREAK.finditer(text, s, e)]
                distance = {
                    c.mention.start: min((_apart(c.mention.start, x, breaks), abs(c.mention.start - x)) for x in since)
                    for c in rivals
                }
                if distance[cue.mention.start] > min(distance.values()):
                    continue
        out.append(cue)
    return out


def _list_items(text: str, after: list[tuple[int, int]], counted: list[int]) -> list[str]:
    """Return the short lines of a list that follows a colon ("Військово-Морські Сили;"), up to the first
    line that is no list item (long, or stating a number)."""
    items = []
    for s, e in after:
        line = text[s:e].strip()
        if len(line) > 60 or any(s <= x < e for x in counted):
            break
        items.append(line)
    return items


def named_units(
    text: str, mentions: tuple[Mention, ...], *, languages: tuple[str, ...] = lexicon.ALL
) -> list[tuple[Unit, Unit]]:
    """Return units named without a count as part of the Armed Forces ("ЗСУ, зокрема ВМС, ДШВ")."""
    lex = _Lex(languages)
    counted = [m.start for m in mentions]  # brigade numbers ("the 25th Airborne Brigade") are not branches
    armed = _unit_words(lex, Unit.ARMED_FORCES)
    out: list[tuple[Unit, Unit]] = []
    sentences = sentence_bounds(text)
    for i, (s, e) in enumerate(sentences):
        if any(s <= x < e for x in counted):
            continue
        sentence = text[s:e]
        parent = armed.search(sentence)
        including = lex("including").search(sentence, parent.end()) if parent else None
        if including is None:
            continue
        tail = sentence[including.end() :]
        if tail.rstrip().endswith(":"):  # "ЗСУ, зокрема: ... таких складових:" then one branch a line
            tail += " " + " ".join(_list_items(text, sentences[i + 1 :], counted))
        also = lex("also").search(tail)
        tail = tail[: also.start()] if also else tail
        for unit in _UNITS:
            if (
                unit not in (Unit.ARMED_FORCES, Unit.OTHER)
                and _unit_words(lex, unit).search(tail)
                and (unit, Unit.ARMED_FORCES) not in out
            ):
                out.append((unit, Unit.ARMED_FORCES))
    return out
