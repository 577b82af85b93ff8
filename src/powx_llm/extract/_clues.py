"""What the words around a number say about whose it is: the people it names, the party that received or
released it, a non-state group that held it, and whether both sides received as many."""

from __future__ import annotations

import itertools
import re

from powx_llm import lexicon
from powx_llm.extract._answer import mention_of
from powx_llm.model import Count
from powx_llm.read import (
    CLAUSE_OR_COMMA,
    CLAUSE_STOP,
    NON_STATE,
    OPENING_CHARS,
    STOP_CHARS,
    Analysis,
    Mention,
    MentionKind,
    carried_out,
    part_of,
    parties_named,
    party_of,
    sentence_of,
)

__all__ = [
    "ONE_WAR",
    "about_captivity",
    "about_the_series",
    "and_again",
    "both_sides",
    "called_an_exchange",
    "freed_from",
    "group_head",
    "happened",
    "held_by",
    "in_return",
    "its_own",
    "mediating_states",
    "n_for_n",
    "names_a_year",
    "one_of_a_nationality_list",
    "parties_in",
    "people_of",
    "peoples_named",
    "receiver",
    "releaser",
    "said_equal",
    "said_received",
    "things_follow",
    "whose",
    "whose_own",
]

ONE_WAR = {"Ukraine": "Russia", "Russia": "Ukraine"}  # the two parties of the war most reports are about


def people_of(a: Analysis, words: str) -> str | None:
    """Return the party whose people *words* name first ("Russian soldiers", "Rus askeri", "orosz"), or None."""
    hits = _peoples(a, words)
    return min(hits)[1] if hits else None


def parties_in(a: Analysis, words: str) -> set[str]:
    """Return the parties *words* name, by name or through their people or forces ("the Russian side")."""
    return parties_named(words) | peoples_named(a, words)


def peoples_named(a: Analysis, words: str) -> set[str]:
    """Return every party whose people or forces *words* name ("Rus barış güçleri": Russia's peacekeepers)."""
    return {party for _, party in _peoples(a, words)}


def _peoples(a: Analysis, words: str) -> list[tuple[int, str]]:
    hits = []
    for party in lexicon.PEOPLES:
        hit = a.words(f"people_of.{party}", r"(?<!\w)", r"(?![-‐])").search(words)
        if hit is not None:
            hits.append((hit.start(), party))
    return hits


def group_head(a: Analysis, m: Mention, *, linked: bool = False) -> str:
    """Return the two words after *m* that name its group, within its clause; when *linked*, two more after a
    linking word ("10 servicemen of Armenian origin")."""
    words = _words_after(a, m)
    link = linked and len(words) > 2 and a.words("link_of", "^(?:", ")$").match(words[1]) is not None
    return " ".join(words[: 4 if link else 2])


def _words_after(a: Analysis, m: Mention) -> list[str]:
    """Return the words right after *m*, up to the end of its clause."""
    after = a.article.text[m.end : m.end + 60]
    stop = STOP_CHARS.search(after)
    return (after[: stop.start()] if stop else after).split()


def whose(a: Analysis, count: Count | None) -> str | None:
    """Return the party whose people the words right after *count* name ("55 orosz állampolgárt", "10 servicemen
    of Armenian origin", after the words of their wounds: "12 seriously wounded Ukrainian prisoners"), if any."""
    m = mention_of(a, count)
    if m is None:
        return None
    named = people_of(a, group_head(a, m, linked=True))
    if named is not None:
        return named
    words = _words_after(a, m)
    wound = a.words("wound", r"^\W*(?:", r")")
    hurt = next((i for i, w in enumerate(words[:2]) if wound.match(w)), None)  # "12 seriously wounded Ukrainian …"
    return people_of(a, " ".join(words[hurt + 1 : hurt + 3])) if hurt is not None else None


def freed_from(a: Analysis, m: Mention) -> str | None:
    """Return the party whose captivity *m*'s sentence says its people left ("45 Azovstal defenders … had been
    freed from Russian captivity", "з російського полону повернулися 45"): the word next to captivity names the
    captor."""
    s, e = a.sentence_span(m.start)
    rest = a.article.text[s:e]
    for hit in a.words("captivity_noun", r"(?<!\w)").finditer(rest):
        near = " ".join(rest[: hit.start()].split()[-2:] + rest[hit.end() :].split()[:1])
        if (captor := people_of(a, near)) is not None:
            return captor
    return None


def receiver(a: Analysis, m: Mention) -> str | None:
    """Return the party the words around *m* say received it: "94 Russians", "84 Rus askeri", "Russia got back 63",
    "Three pilots have come back to Russia".

    The group is named in the two words right after the number, within its clause ("140 человек,
    Россия – 82": Россия starts another clause; "12 people from Russian captivity": not Russia's people); else
    the subject of a verb of receiving before it; else where a word of return after it says they went; else
    the party its sentence names when the words say the people are its own ("84 of its soldiers").
    """
    head = group_head(a, m)
    return people_of(a, head) or party_of(head) or said_received(a, m) or its_own(a, m)


def whose_own(a: Analysis, count: Count | None) -> str | None:
    """Return the party whose people the words right after *count* name, or whose own they say they are in any
    sentence stating it ("the remains of 38 of its own soldiers")."""
    named = whose(a, count)
    if named is not None or count is None:
        return named
    return next((p for m in a.mentions if m.value == count.value and (p := its_own(a, m)) is not None), None)


def its_own(a: Analysis, m: Mention) -> str | None:
    """Return the party the sentence names first before *m* (by name or by its people) when the words after it say
    the people are its own ("Moscow's defence ministry said 84 of its soldiers had returned")."""
    own = a.words("its_own", r"\s*").match(a.article.text, m.end)
    if own is None:
        return None
    if "own" not in own.group(0).lower() and a.words("captivity", r"\s*").match(a.article.text, own.end()):
        return None  # "Russia freed 90 of its prisoners": those it held, not its own people
    start, _ = a.sentence_span(m.start)
    words = a.article.text[start : m.start].split()
    for i in range(1, len(words) + 1):  # the first party named: "Russia … the bodies of 1,000 Ukrainian …": Russia
        named = parties_named(" ".join(words[:i])) or peoples_named(a, " ".join(words[:i]))
        if named:
            return named.pop() if len(named) == 1 else None
    return None


def said_received(a: Analysis, m: Mention) -> str | None:
    """Return the party a verb of receiving before *m* names as its subject ("Russia said it received 200"), or
    the place a word of return after it says they went ("have come back to Russia")."""
    return _subject_of(a, m, a.words("received_by")) or _destination(a, m) or _given_to(a, m)


_DATIVE_WIDTH = 90  # characters before the number that its clause may start at


def _given_to(a: Analysis, m: Mention) -> str | None:
    """Return the party named in the dative at the start of the clause that leads up to *m*, in a sentence with
    a word of handing over or return: "Україні повернули тіла 803", "Натомість Росії віддали 17 тіл",
    "Киеву передали 1016", "Российской стороне, в свою очередь, вернули останки 52", "…, a Rosji – 39",
    "Ukrajnának ezer … holttestét adták át, Oroszországnak pedig 31-et" (languages that say the receiver by a
    case ending: ``dative_ending``)."""
    text = a.article.text
    start, end = a.sentence_span(m.start)
    if not lexicon.words("dative_ending", a.languages):
        return None
    if not (a.words("handover").search(text, start, end) or a.words("return").search(text, start, end)):
        return None
    left = text[max(start, m.start - _DATIVE_WIDTH) : m.start]
    stops = [x.end() for x in CLAUSE_STOP.finditer(left)]
    parts = (left[max(stops) :] if stops else left).split(",")
    for i in range(len(parts) - 1, -1, -1):
        if (party := _dative_party(a, parts[i])) is not None:
            return party
        if parties_named(parts[i]):
            return None  # "…, а Україна передала 34 тіла": the clause names its own party
        if i < len(parts) - 1 and len(parts[i].split()) > _ASIDE_WORDS:
            return None  # "Российской стороне, в свою очередь, вернули": only a short aside between
    return None


def _dative_party(a: Analysis, part: str) -> str | None:
    """Return the party *part* starts with in the dative, after at most one word that may lead it ("a Rosji")."""
    side = a.words("dative_side", r"^\s*(?:\w+\s+)?(?:", r")").match(part)
    if side is not None:
        return party_of(side.group(0))
    words = part.split()
    lead = a.words("dative_lead", r"^(?:", r")$")
    if words and lead.match(words[0]):
        words = words[1:]
    if not words or not a.words("dative_ending", after="").search(words[0].strip("–—-")):
        return None
    if peoples_named(a, words[0]):
        return None  # "Російські окупанти передали …": a people's adjective, not a party in the dative
    named = parties_named(words[0])
    return next(iter(named)) if len(named) == 1 else None


_DESTINATION_GAP = 3  # words between the word of return and "to": "came back home to Russia"
_DESTINATION_WIDTH = 80  # characters after the number that its clause may run to


def _destination(a: Analysis, m: Mention) -> str | None:
    """Return the party a word of return after *m* in its clause names as where they went: "Three air force
    pilots have come back to Russia", "300 военнослужащих вернулись в Россию", "12 soldados regresaron a
    Ucrania"; or, the word of return before it, the place right after its group ("had returned 757 bodies to
    Ukraine"). Only a word of destination counts ("to", "в", "a"): "returned from Russia" names the captor."""
    text = a.article.text
    right = text[m.end : m.end + _DESTINATION_WIDTH]
    stop = CLAUSE_OR_COMMA.search(right)  # "were freed, according to Russia": no place
    clause = right[: stop.start()] if stop else right
    back = a.words("return").search(clause)
    if back is None:  # "had returned 757 bodies to Ukraine": the word of return before it, in its clause
        lo, _ = part_of(a, m.start, m.end, cut=CLAUSE_OR_COMMA)
        if a.words("return").search(text, lo, m.start) is None:
            return None
    after = back.end() if back is not None else 0
    to = a.words("destination", r"(?<!\w)", r"\s+").search(clause, after)
    if to is None or len(clause[after : to.start()].split()) > _DESTINATION_GAP:
        return None
    place = clause[to.end() :].split()[:2]
    return party_of(" ".join(place)) if place else None


def names_a_year(a: Analysis, text: str) -> bool:
    """Return whether *text* names a year it counts ("nearly 1,600 in 2022", "In 2024, 1,358 were freed"): a
    year's total, not a handover nor a total since the war began."""
    return a.words("in_year", r"(?<!\w)(?:", r")\s+(?:19|20)\d\d\b").search(text) is not None


def one_of_a_nationality_list(a: Analysis, m: Mention) -> bool:
    """Return whether "one" is a count: one of a list of nationalities, each counted ("13 Israéliens, dix
    Thaïlandais et un Philippin"); alone, "one"/"un"/"ein" is too often an article or a pronoun."""
    if people_of(a, group_head(a, m)) is None:
        return False
    span = a.sentence_span(m.start)
    return any(
        n is not m and n.value and n.value > 1 and a.sentence_span(n.start) == span and people_of(a, group_head(a, n))
        for n in a.mentions
    )


def in_return(a: Analysis, m: Mention) -> bool:
    """Return whether "in return", "a cambio", "w zamian" stands before *m* in its sentence, or "traded for",
    "обменяны на" right before it."""
    start, _ = a.sentence_span(m.start)
    text = a.article.text
    if a.words("in_return", r"(?<!\w)", r"(?!\w)").search(text, start, m.start) is not None:
        return True
    end = m.qualifier_start if m.qualifier_start is not None else m.start  # "swapped for nearly 2,000"
    return a.words("traded_for", r"(?<!\w)", r"\s+\Z").search(text[start:end]) is not None


def releaser(a: Analysis, m: Mention) -> str | None:
    """Return the party the clause before *m* says released it: "Israel is releasing 39 ..."."""
    return _subject_of(a, m, a.words("released"))


_ASIDE_WORDS = 4  # "Russia, for its part, got back 55": a short aside between commas


def _subject_of(a: Analysis, m: Mention, verbs: re.Pattern[str]) -> str | None:
    """Return the party named before a *verbs* verb in the clause that leads up to *m*, reading past a
    short aside between commas ("Russia, for its part, got back 55")."""
    left = a.article.text[max(0, m.start - 60) : m.start]
    stops = [x.end() for x in CLAUSE_STOP.finditer(left)]
    clause = left[max(stops) :] if stops else left
    parts = clause.split(",")
    verb = verbs.search(parts[-1])
    if verb is None:
        return None
    parts[-1] = parts[-1][: verb.start()]
    for i in range(len(parts) - 1, -1, -1):
        if (party := party_of(parts[i])) is not None:
            return party
        if i < len(parts) - 1 and len(parts[i].split()) > _ASIDE_WORDS:
            return None
    return None


def held_by(a: Analysis, m: Mention) -> str | None:
    """Return the one non-state party the sentence stating *m* names ("24 otages relâchés par le Hamas,
    dont 13 Israéliens"): people a non-state group held are released by it."""
    named = parties_named(sentence_of(a, m)) & NON_STATE.keys()
    return named.pop() if len(named) == 1 else None


# "N for N", "N from each side", "the same number": both sides received as many (annotation convention 5).


def n_for_n(a: Analysis, value: int) -> Mention | None:
    """Return the second number of "N for N" stated with *value*, if the article says so: "84 for 84", "75
    prisoners for 75 prisoners", "146 військових на 146" (at most two words between the first number and the
    word for "for"), "62-for-62", "200-200", "félezer-félezer"."""
    ms = [m for m in a.mentions if m.value == value and m.kind in (MentionKind.COUNT, MentionKind.FORMAT)]
    gap = a.words("for", r"[\s\u2010-\u2015-]*(?:[^\W\d_]+\s+){0,2}", r"[\s\u2010-\u2015-]*")
    for m1, m2 in itertools.pairwise(ms):
        between = a.article.text[m1.end : m2.start]
        if gap.fullmatch(between) or _DASH.fullmatch(between):  # "200-200", "félezer-félezer"
            return m2
    return None


_DASH = re.compile(r"\s*[-\u2010-\u2015]\s*")  # a hyphen or dash between the same number twice


def both_sides(a: Analysis, m: Mention) -> bool:
    """Return whether the words say both sides received *m*'s number ("84 for 84", "from each side"), in the
    sentence of *m* or of another mention of that number ("exchanged 90 prisoners each ... each side had
    handed over 90"), or in the sentence right after, which counts no one and says the other side received them
    ("Moscow received an equal number in return")."""
    if n_for_n(a, m.value or 0) is not None:
        return True
    same = [x for x in a.mentions if x.value == m.value and x.kind is MentionKind.COUNT] or [m]
    return any(said_equal(a, x) for x in same)


def said_equal(a: Analysis, m: Mention) -> bool:
    """Return whether the words say both sides got *m*'s number, in its sentence ("84 from each side") or in
    the next one (see ``_said_equal_next``)."""
    return a.words("equal_sides").search(sentence_of(a, m)) is not None or _said_equal_next(a, m)


def _said_equal_next(a: Analysis, m: Mention) -> bool:
    """Return whether the sentence after *m*'s says the other side got as many, counting no one itself ("…
    came home. Moscow received an equal number of Russian soldiers in return")."""
    _, end = a.sentence_span(m.start)
    nxt = next(((s, e) for s, e in a.sentences if s >= end), None)
    if nxt is None:
        return False
    said = a.article.text[nxt[0] : nxt[1]]
    counts = any(nxt[0] <= n.start < nxt[1] and n.kind is MentionKind.COUNT for n in a.mentions)
    got = any(a.words(c).search(said) for c in ("received_by", "in_return"))  # not "Both sides confirmed it"
    return not counts and got and a.words("equal_sides").search(said) is not None


def and_again(a: Analysis, same: list[Mention]) -> Mention | None:
    """Return the second of two mentions of one number joined by "and" in one sentence: "150 أسيرًا من
    الطرف الأوكراني و150 أسيرًا من الطرف الروسي", "150 Ukrainians and 150 Russians"."""
    joined = a.words("and", r"(?:^|\s)(?:", r")\s*\Z")
    for first, then in itertools.pairwise(same):
        gap = a.article.text[first.end : then.start]
        if a.sentence_span(first.start) == a.sentence_span(then.start) and joined.search(gap):
            return then
    return None


def happened(a: Analysis) -> bool:
    """Return whether some sentence reports a handover as done (not planned, not about others)."""
    text = a.article.text
    return carried_out(a) or any(
        a.words("handover").search(text[s:e])
        and not a.words("future").search(text[s:e])
        and not a.words("aside").search(text[s:e])
        for s, e in a.sentences
    )


def called_an_exchange(a: Analysis) -> bool:
    """Return whether the words call the handover an exchange or say something came in return (see
    ``_calls_it_an_exchange``)."""
    return any(
        _calls_it_an_exchange(a, hit, category)
        for category in ("exchange_word", "in_return", "traded_for", "equal_sides")
        for hit in a.words(category).finditer(a.article.text)
    )


def _calls_it_an_exchange(a: Analysis, hit: re.Match[str], category: str) -> bool:
    """Return whether words of *category* at *hit* call a handover an exchange: not things given in return ("in
    exchange for minefield maps"), nor an exchange in a sentence that reports no handover ("its lack of interest
    in further exchanges")."""
    if things_follow(a, hit):
        return False
    s, e = a.sentence_span(hit.start())
    if any(n.start() <= hit.start() < n.end() for n in a.words("not_an_exchange").finditer(a.article.text, s, e)):
        return False  # "The release was not part of an exchange"
    if category == "traded_for":  # "were traded for 116 prisoners", not "has traded for weapons"
        return any(
            m.kind is MentionKind.COUNT
            and 0 <= (m.start if m.qualifier_start is None else m.qualifier_start) - hit.end() <= 2
            for m in a.mentions
        )
    text = a.article.text
    rest = text[s : hit.start()] + " " + text[hit.end() : e]
    counts = any(s <= m.start < e and m.kind is MentionKind.COUNT for m in a.mentions)
    return category != "exchange_word" or counts or a.words("return").search(rest) is not None


def things_follow(a: Analysis, hit: re.Match[str]) -> bool:
    """Return whether the words right after *hit*, in its sentence, name things, not people ("in exchange for
    minefield maps", "received in return a map of the minefields")."""
    _, e = a.sentence_span(hit.start())
    things = lexicon.table("measure", a.languages)
    return any(w.casefold() in things for w in re.findall(r"\w+", a.article.text[hit.end() : e])[:6])


def about_the_series(a: Analysis, sentence: str) -> bool:
    """Return whether a sentence speaks of the exchanges so far, not of this one ("a number of prisoner swaps
    since the offensive began, many of them brokered by the UAE, Saudi Arabia or Turkey")."""
    return a.words("exchanges", r"(?<!\w)").search(sentence) is not None and (
        a.words("cumulative").search(sentence) is not None or a.words("since_start").search(sentence) is not None
    )


def mediating_states(a: Analysis) -> set[str]:
    """Return the states the report's opening names as mediating this handover, right next to a word of mediating
    in its clause (two words before it, three after: "Qatar brokered the deal", "a deal that the United States
    brokered", "mediated by Russia", "Moscow's mediation"); not in a sentence about the exchanges so far or an
    earlier one."""
    text = a.article.text
    out: set[str] = set()
    for s, e in a.sentences:
        sentence = text[s:e]
        if s >= OPENING_CHARS or about_the_series(a, sentence) or a.words("aside").search(sentence):
            continue
        for hit in a.words("mediation").finditer(sentence):
            before = " ".join(re.split(r"[,;:()]", sentence[max(0, hit.start() - 40) : hit.start()])[-1].split()[-2:])
            after = " ".join(re.split(r"[,;:()]", sentence[hit.end() : hit.end() + 30])[0].split()[:3])
            if a.words("truce").search(before + " " + after):
                continue  # "a ceasefire brokered by Russia": the war's end, not this exchange
            if a.words("mediation_of", r"^(?:", r")$").match(hit.group(0)):
                after = ""  # "Szaúd-Arábia közvetítésével Oroszország …": the mediator before, the releaser after
            out |= parties_in(a, before) | parties_in(a, after)
    return out


def about_captivity(a: Analysis) -> bool:
    """Return whether the article speaks of captivity or of people coming back at all: a word of prisoners,
    captivity, hostages or bodies, or of a return ("46 residents have come back home"), in its language. A
    football report ("12 yellow cards") has none."""
    if not lexicon.words("captivity", a.languages):
        return True  # a language we have no words for: the model's answer is all we have
    text = a.article.text
    return any(
        a.words(category).search(text)
        for category in ("captivity", "return", "released", "handover", "received_by", "servicemen")
    )
