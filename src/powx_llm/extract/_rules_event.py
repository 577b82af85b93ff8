"""Answer rules about the event as a whole: its kind, the mediators the article credits, and the running totals
it states."""

from __future__ import annotations

import re
from dataclasses import replace

from powx_llm.extract._answer import Draft, Drafts
from powx_llm.extract._clues import (
    about_captivity,
    about_the_series,
    called_an_exchange,
    freed_from,
    happened,
    mediating_states,
    names_a_year,
    parties_in,
    peoples_named,
    receiver,
    things_follow,
)
from powx_llm.extract._prompt import quotes_our_prompt
from powx_llm.extract._sides import counts_a_handover
from powx_llm.model import Cumulative, Kind
from powx_llm.read import (
    CLAUSE_OR_COMMA,
    OPENING_CHARS,
    Analysis,
    Cue,
    Mention,
    MentionKind,
    Role,
    count_of,
    is_aside,
    is_bodies,
    mediator_of,
    mediators_named,
    part_of,
    resolve_party,
    running_total,
    sentence_of,
)

__all__ = [
    "an_exchange_by_words",
    "credited_mediators",
    "kind_from_sides",
    "one_way_is_a_release",
    "running_totals",
    "two_ways_are_an_exchange",
    "uncounted_bodies_make_it_mixed",
]


def kind_from_sides(a: Analysis, drafts: Drafts) -> Drafts:
    """The kind follows the sides: people and bodies make it mixed, bodies alone a body repatriation, people a
    prisoner exchange (or the release the model said). With no side left, the model's kind stands only when
    it counted someone (not only running totals, an overview, nor a plan's numbers) and a sentence reports a
    handover as done (not planned); else nothing happened. A
    "mixed" the model says is an exchange of people when the report's opening hands over no bodies."""
    people = any(d.people is not None for d in drafts.sides)
    bodies = any(d.bodies is not None for d in drafts.sides)
    said = drafts.answer.kind
    if said == "mixed" and not _bodies_received(a):
        said = "prisoner_exchange"  # living people and bodies: with no bodies in the report, people alone
    if not drafts.sides:
        counted = counts_a_handover(a, drafts.answer)  # not only running totals (an overview) or a plan's numbers
        kind = Kind(said) if counted and said != "none" and happened(a) and about_captivity(a) else Kind.NONE
    elif not (people or bodies):
        kind = Kind(said)  # sides kept with no number (named people): the model's kind stands
    elif people and bodies:
        kind = Kind.MIXED
    elif bodies:
        kind = Kind.BODY_REPATRIATION
    else:
        kind = Kind.RELEASE if said == "release" else Kind.PRISONER_EXCHANGE
    return replace(drafts, kind=kind)


def uncounted_bodies_make_it_mixed(a: Analysis, drafts: Drafts) -> Drafts:
    """People returned while the article's opening reports bodies handed over with them, counted or not, make
    the event mixed."""
    if drafts.kind in (Kind.PRISONER_EXCHANGE, Kind.RELEASE) and _bodies_received(a):
        return replace(drafts, kind=Kind.MIXED)
    return drafts


def one_way_is_a_release(a: Analysis, drafts: Drafts) -> Drafts:
    """People handed over one way, in words that never call it an exchange nor say anything came in return,
    were released (kind ``release``: a one-way handover)."""
    if drafts.kind is Kind.PRISONER_EXCHANGE and len(drafts.sides) == 1 and not called_an_exchange(a):
        return replace(drafts, kind=Kind.RELEASE)
    return drafts


def an_exchange_by_words(a: Analysis, drafts: Drafts) -> Drafts:
    """A handover the model called a release is an exchange when the article's opening calls it one ("обмін",
    "takas", "prisoner swap"): the words decide what they state (a small model says "release" for a report
    that counts only its own side's returned)."""
    if drafts.kind is not Kind.RELEASE or not drafts.sides:
        return drafts
    text = a.article.text
    for s, e in a.sentences:
        sentence = text[s:e]
        if s >= OPENING_CHARS or any(a.words(c).search(sentence) for c in ("aside", "future")):
            continue  # "a deal to swap prisoners": not a swap of people done
        given = list(a.words("in_return").finditer(text, s, e))
        people = any(_people_in_return(a, h, e) for h in given)  # "… deux Français, en échange de Nasrin Jafari"
        if given and not people:
            continue  # "in exchange for maps": things, not people
        if (people or a.words("exchange_word").search(sentence)) and not a.words("not_an_exchange").search(sentence):
            return replace(drafts, kind=Kind.PRISONER_EXCHANGE)  # not "The release was not part of an exchange"
    return drafts


def _people_in_return(a: Analysis, hit: re.Match[str], end: int) -> bool:
    """Return whether people came in return at *hit*: a number or a people named in its sentence after it ("en
    échange de Nasrin Jafari, une étudiante iranienne"), not things ("in exchange for maps") nor a reply ("в ответ
    на просьбу Ватикана")."""
    if things_follow(a, hit):
        return False
    counts = any(hit.end() <= m.start < end and m.kind is MentionKind.COUNT for m in a.mentions)
    return counts or bool(peoples_named(a, a.article.text[hit.end() : min(end, hit.end() + 80)]))


def two_ways_are_an_exchange(a: Analysis, drafts: Drafts) -> Drafts:
    """People handed over both ways were exchanged, whatever the model called it (a release is one-way)."""
    if drafts.kind is Kind.RELEASE and len(drafts.sides) > 1:
        return replace(drafts, kind=Kind.PRISONER_EXCHANGE)
    return drafts


def _bodies_received(a: Analysis) -> bool:
    """Return whether the article's opening reports bodies handed over with the living, counted or not (not
    bodies only promised: "the bodies of fallen soldiers are to be returned later")."""
    text = a.article.text
    return any(
        _bodies_said_done(a, text[s:e])
        and a.words("return").search(text[s:e])
        and not a.words("aside").search(text[s:e])
        and not quotes_our_prompt(text[s:e])  # an imitation of our request is no report of bodies
        for s, e in a.sentences
        if s < OPENING_CHARS  # only the opening tells what *this* handover carried
    )


def _bodies_said_done(a: Analysis, sentence: str) -> bool:
    """Return whether *sentence* names bodies in a clause that speaks of no plan."""
    for clause in CLAUSE_OR_COMMA.split(sentence):  # "… the bodies of 50, and more swaps will follow"
        if a.words("body_words").search(clause) and not a.words("future").search(clause):
            return True
    return False


_ICRC = "International Committee of the Red Cross"


def credited_mediators(a: Analysis, drafts: Drafts) -> Drafts:
    """Mediators are the third parties a sentence about mediating credits, those the model names that a
    sentence about mediating or the handover names, and the ICRC as the neutral intermediary that received,
    carried or examined the people (annotation convention 6); never a party of the exchange. A side the model
    gave a mediator so credited, with no number beside counted sides and released by no one or by another
    mediator, received no one."""
    if drafts.kind is Kind.NONE:
        return drafts
    text = a.article.text
    parties = {p for d in drafts.sides for p in (d.to, d.from_) if p}
    credited: set[str] = set()
    involved: set[str] = set()
    states: set[str] = set()  # states a sentence about mediating names: one the model names may be a mediator
    for s, e in a.sentences:
        sentence = text[s:e]
        named = {name for _, name in mediators_named(sentence)}
        if about_the_series(a, sentence):
            continue  # the exchanges so far and those who helped them, not this one's
        if _said_now(a, sentence, "mediation"):
            credited |= named
            states |= parties_in(a, sentence)
        if _said_now(a, sentence, "handover") or _said_now(a, sentence, "intermediary"):
            involved |= named
    credited |= involved & {_ICRC} | mediating_states(a)
    counted = any(d.counted for d in drafts.sides)  # not a swap of named people, whose ways are uncounted
    idle = {
        d.to
        for d in drafts.sides
        if counted and not d.counted and d.to in credited and (d.from_ is None or d.from_ in credited)
    }
    notes = [f"side to {to}: {to} mediated the handover, and no number of it is stated" for to in sorted(idle)]
    if idle:  # "A cserét az Egyesült Arab Emírségek és az Egyesült Államok közvetítette": no receiver of either
        drafts = drafts.with_sides(d for d in drafts.sides if d.to not in idle)
        parties = {p for d in drafts.sides for p in (d.to, d.from_) if p}
    out = sorted(credited - parties)
    for name in drafts.answer.mediators:
        canon = mediator_of(name)
        state = resolve_party(name)
        if canon is not None and canon not in parties and canon in credited | involved:
            if canon not in out:
                out.append(canon)
        elif state is not None and state not in parties and state in states:
            out.append(state)  # a state credited with this handover, in any of its names ("thanks to Russia")
        elif canon is None or canon in parties:
            notes.append(f"mediator {name!r}: not a third country or international organisation")
        else:
            notes.append(f"mediator {name!r}: the article does not credit it with the exchange")
    return replace(drafts, mediators=tuple(sorted(set(out)))).noting(*notes)


def _said_now(a: Analysis, sentence: str, category: str) -> bool:
    """Return whether *sentence* has a word of *category* (mediating, handing over) in a clause that speaks of no
    future ("Turkey, which hosts the talks, welcomed it, while the UN said it stood ready to facilitate future
    swaps": no credit, no handover); an agreement is no future here ("the truce agreement mediated by Qatar")."""
    return any(
        a.words(category).search(clause) and not a.words("future").search(a.words("agreement").sub(" ", clause))
        for clause in CLAUSE_OR_COMMA.split(sentence)
    )


def running_totals(a: Analysis, drafts: Drafts) -> Drafts:
    """The running totals the article states: people returned so far (a cue's words, or a number of returned
    people far larger than this exchange's, not a year's), and exchanges so far (counted, or the ordinal of
    an exchange counted from the start or in a report of the running total of people); both sides' when the
    sentence says so, else the home side's. A report of no exchange keeps the running total of people it
    states, when the words name who received them (an overview: "finora sono rientrati in Ucraina oltre 320
    ucraini")."""
    people = next((c for c in a.cues if c.role is Role.CUMULATIVE_PEOPLE and c.mention.value), None)
    exchanges = next((c for c in a.cues if c.role is Role.CUMULATIVE_EXCHANGES), None)
    if not drafts.sides:
        to = receiver(a, people.mention) if people is not None else None
        if people is None or to is None:
            return drafts
        ex = exchanges.mention.value if exchanges is not None else None
        return replace(
            drafts, cumulative=Cumulative(to=to, exchanges=ex, people=count_of(people.mention, a.article.text))
        )
    ordinal = next((c for c in a.cues if c.role is Role.ORDINAL and (c.mention.value or 0) > 1), None)  # not "first"
    this = max((d.people.value for d in drafts.sides if d.people is not None), default=0)
    if people is None and this:
        people = _large_total(a, this)
    ex_value = exchanges.mention.value if exchanges else None
    if ex_value is None and ordinal is not None and (_since_start(a, ordinal) or people is not None):
        ex_value = ordinal.mention.value  # "the 48th exchange" in a report of the running total: 48 so far
    if people is None and ex_value is None:
        return drafts
    home = _home_party(drafts.sides)
    if people is not None and (counted := _whose_so_far(a, people.mention, drafts.sides)) is not None:
        home = counted  # "brings to 225 the number of Palestinian bodies Israel has released"
    if people is not None and people.mention.value is not None and _both_sides_total(a, people.mention.value):
        home = None  # "1,558 prisoners from both sides": a total of both sides, not one side's
    count = count_of(people.mention, a.article.text) if people is not None else None
    if count is not None and people is not None and _bodies_so_far(a, people, drafts.sides):
        return replace(drafts, cumulative=Cumulative(to=home, exchanges=ex_value, bodies=count))
    return replace(drafts, cumulative=Cumulative(to=home, exchanges=ex_value, people=count))


def _whose_so_far(a: Analysis, m: Mention, sides: tuple[Draft, ...]) -> str | None:
    """Return the side whose people the words right after a running total name ("225 the number of Palestinian
    bodies"), when that people is a side's and no other people is named there; not the captor ("6,120 the
    number of people freed from Russian captivity": to the side Russia released them to)."""
    _, end = part_of(a, m.start, m.end, cut=CLAUSE_OR_COMMA)
    end = min([end, m.end + 50, *(n.start for n in a.mentions if n.start >= m.end)])
    named = peoples_named(a, a.article.text[m.end : end])
    captor = freed_from(a, m)
    if captor is not None and named == {captor}:
        released = [d.to for d in sides if d.from_ == captor]
        return released[0] if len(released) == 1 else None
    return next(iter(named)) if len(named) == 1 and named <= {d.to for d in sides} else None


def _bodies_so_far(a: Analysis, cue: Cue, sides: tuple[Draft, ...]) -> bool:
    """Return whether a running total counts bodies: the sides received bodies only, and its sentence says so."""
    return not any(d.people for d in sides) and any(d.bodies for d in sides) and is_bodies(a, cue.mention)


def _both_sides_total(a: Analysis, value: int) -> bool:
    """Return whether a sentence stating the running total *value* says it counts both sides."""
    words = a.words("equal_sides")
    return any(m.value == value and words.search(sentence_of(a, m)) for m in a.mentions)


def _large_total(a: Analysis, this: int) -> Cue | None:
    """Return a number of returned people far larger than this exchange's, stated without a cue; not one a
    plan or a deal promises ("is to free 33 hostages in return for nearly 2,000 prisoners"), nor what came in
    return ("in exchange for maps of 92,000 mines")."""
    for m in a.mentions:
        if m.kind is MentionKind.COUNT and m.value and m.value >= max(1000, 10 * this) and a.cue_at(m) is None:
            cue, sentence = Cue(m, Role.CUMULATIVE_PEOPLE, m.quote), sentence_of(a, m)
            if a.words("future").search(sentence) or a.words("in_return").search(sentence):
                continue
            if not _said_so_far(a, m):
                continue  # a large number alone is no running total: the words must say "so far" near it
            if running_total(a, m) and not is_aside(a, cue) and not names_a_year(a, sentence):
                return cue
    return None


def _said_so_far(a: Analysis, m: Mention) -> bool:
    """Return whether the sentence stating *m*, or the one before it, speaks of a time so far ("since the
    beginning of the invasion", "so far", "in all exchanges")."""
    s, e = a.sentence_span(m.start)
    before = max((ps for ps, pe in a.sentences if pe <= s), default=s)
    stretch = a.article.text[before:e]
    return bool(a.words("cumulative").search(stretch) or a.words("since_start").search(stretch))


def _since_start(a: Analysis, cue: Cue) -> bool:
    """Return whether the words right around an ordinal count from the start ("the 64th exchange since the war
    began"; "den 64. Austausch seit Kriegsbeginn", whose ordinal's dot may end the sentence found)."""
    s, e = a.sentence_span(cue.mention.start)
    stretch = a.article.text[s : max(e, cue.mention.end + 60)]
    return a.words("since_start").search(stretch) is not None


def _home_party(sides: tuple[Draft, ...]) -> str | None:
    if any(d.to == "Ukraine" for d in sides):
        return "Ukraine"
    return sides[0].to if sides else None
