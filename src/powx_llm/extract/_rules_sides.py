"""Answer rules about the sides: one per receiver, the sides the words state that the model left out or
put the wrong way round, and who received from whom."""

from __future__ import annotations

from dataclasses import replace

from powx_llm.extract._answer import LABELS, Draft, Drafts, mention_of
from powx_llm.extract._clues import (
    ONE_WAR,
    about_captivity,
    and_again,
    both_sides,
    called_an_exchange,
    freed_from,
    group_head,
    happened,
    held_by,
    in_return,
    mediating_states,
    n_for_n,
    one_of_a_nationality_list,
    parties_in,
    people_of,
    receiver,
    releaser,
    said_equal,
    said_received,
    things_follow,
    whose,
)
from powx_llm.extract._sides import (
    candidates,
    format_of_a_handover,
    may_count_this_exchange,
    only_numbers_of_no_handover,
    party_named,
)
from powx_llm.model import Count, Evidence, Kind, Qualifier
from powx_llm.read import (
    CLAUSE_OR_COMMA,
    NON_STATE,
    NON_STATE_OPPONENT,
    OPENING_CHARS,
    Analysis,
    Mention,
    MentionKind,
    Role,
    count_of,
    future_before,
    handed_part,
    is_aside,
    is_bodies,
    part_of,
    parties_named,
    sentence_of,
    sole_group,
)

__all__ = [
    "a_figure_of_the_other_side",
    "a_mediator_received_no_one",
    "a_mediator_released_no_one",
    "a_venue_is_no_party",
    "bodies_the_words_state",
    "drop_uncounted_sides",
    "equal_sides",
    "format_for_both",
    "held_by_non_state",
    "home_draft",
    "nobody_held",
    "none_in_return",
    "one_side_per_receiver",
    "receiver_by_whose_people",
    "receiver_of_one_war",
    "releaser_by_elimination",
    "releaser_of_gaza_is_hamas",
    "sides_the_words_state",
    "swap_by_words",
    "uncounted_return",
    "words_for_a_wrong_number",
]


def home_draft(sides: tuple[Draft, ...] | list[Draft]) -> Draft:
    """Return the side most reports are told from: Ukraine's, else the first."""
    return next((d for d in sides if d.to == "Ukraine"), sides[0])


def nobody_held(a: Analysis, drafts: Drafts) -> Drafts:
    """An article with no word of captivity, of prisoners, hostages or bodies, nor of anyone coming back, in
    its language reports no exchange, whatever the model answers: no side stands (a football report's "12
    yellow cards" are no release of 12 people)."""
    if not drafts.sides or about_captivity(a):
        return drafts
    return drafts.with_sides((), "the article has no word of captivity or return: no exchange")


def one_side_per_receiver(a: Analysis, drafts: Drafts) -> Drafts:
    """Sides with the same receiver are one side (one transfer per direction): the first number of each kind
    and the first releaser named win."""
    merged: dict[str | None, Draft] = {}
    for d in drafts.sides:
        first = merged.get(d.to)
        if first is None:
            merged[d.to] = d
            continue
        merged[d.to] = replace(
            first,
            from_=first.from_ or d.from_,
            people=first.people if first.people is not None else d.people,
            bodies=first.bodies if first.bodies is not None else d.bodies,
        )
    return drafts.with_sides(merged.values())


def swap_by_words(a: Analysis, drafts: Drafts) -> Drafts:
    """Swap the sides' numbers when the words say each went the other way.

    "Kijev pedig 55 orosz állampolgárt ... engedte el": 55 are Russians, so Russia received them, whatever
    side the model put them on ("Russia said it received 200 soldiers" alike); the other side's number must not
    be given to Russia too.
    """
    sides = list(drafts.sides)
    sided = [i for i, d in enumerate(sides) if d.people is not None and d.to is not None]
    if len(sided) == 1:
        d = sides[sided[0]]
        same = (m for m in a.mentions if m.kind is MentionKind.COUNT and d.people and m.value == d.people.value)
        captors = {captor for m in same if (captor := freed_from(a, m)) is not None}  # "freed from Russian captivity"
        named = whose(a, d.people) or (ONE_WAR.get(captors.pop()) if len(captors) == 1 else None)
        if named is None or named == d.to or any(x.to == named for x in sides):
            return drafts
        value = d.people.value if d.people else "?"
        sides[sided[0]] = replace(d, to=named, from_=ONE_WAR.get(named, d.to))
        return drafts.with_sides(sides, f"people {value} to {named}, not {d.to}: the words name them as {named}'s")
    if len(sided) != 2:
        return drafts
    x, y = (sides[i] for i in sided)
    if x.to == y.to:
        return drafts
    wx, wy = _received_by_words(a, x.people), _received_by_words(a, y.people)
    if not ((wx == y.to and wy in (None, x.to)) or (wy == x.to and wx in (None, y.to))):
        return drafts
    sides[sided[0]], sides[sided[1]] = replace(x, people=y.people), replace(y, people=x.people)
    value = x.people.value if x.people else "?"
    return drafts.with_sides(
        sides, f"people to {x.to} and {y.to} swapped: the words give {value} to {y.to}, and not the other to {y.to}"
    )


def _received_by_words(a: Analysis, count: Count | None) -> str | None:
    """Return the party the words say received *count*: whose people they are ("55 orosz állampolgárt"), else
    who the words say got them ("Russia said it received 200 soldiers"; not "95 from Russia")."""
    m = mention_of(a, count)
    return whose(a, count) or (said_received(a, m) if m is not None else None)


def sides_the_words_state(a: Analysis, drafts: Drafts) -> Drafts:
    """Add the sides the words state ("195 Russian soldiers were exchanged") that the model left out, when the
    model saw an exchange: a number returned, whose receiver the words name or that went the other way
    of a side already known."""
    if not drafts.sides:
        return drafts
    by_to = {d.to: d for d in drafts.sides}
    text = a.article.text
    # exact numbers first: "the bodies of 254" is the side's, not the headline's "more than 250"
    for m in sorted(a.mentions, key=lambda n: n.qualifier is not Qualifier.EXACT):
        if m.kind is not MentionKind.COUNT or not m.value or (m.value < 2 and not one_of_a_nationality_list(a, m)):
            continue
        cue = a.cue_at(m)
        whole = cue is None or cue.role in (Role.UNIT, Role.BODIES) or sole_group(a, m)  # "108 female soldiers"
        if not whole or a.words("aside").search(sentence_of(a, m)):
            continue
        if any(c.role is Role.CUMULATIVE_PEOPLE and c.mention.value == m.value for c in a.cues):
            continue  # a running total the words call so is no side's number ("Ukraine's tally … passes 6,000")
        part = text[slice(*part_of(a, m.start, m.end))]  # "… engedett: öt brit, két amerikai": no word of return
        returned = a.words("return").search(part) or a.words("handover").search(part) or in_return(a, m)
        if not returned or future_before(a, m):
            continue
        named = receiver(a, m)
        party = named or _counterpart(a, m, by_to)
        if party is None:
            continue
        label = "bodies" if is_bodies(a, m) else "people"
        held = held_by(a, m) if party != "Palestinian territories" else None  # Palestinians come from Israel
        d = by_to.setdefault(party, Draft(party, releaser(a, m) or (held if held != party else None)))
        if any(c is not None and c.value == m.value for c in (d.people, d.bodies)):
            continue  # the same number again ("the bodies of 501 ... 501 fallen soldiers"): the same group
        if d.count(label) is None and (label == "people" or d.people is None or named is not None):
            by_to[party] = d.with_count(label, count_of(m, text))
    return drafts.with_sides(by_to.values())


def _counterpart(a: Analysis, m: Mention, by_to: dict[str | None, Draft]) -> str | None:
    """Return the party the words say *m* went to as the other side of a side already known.

    "W zamian Ukraina przekazała Moskwie ponad 50 osób": a party that received people in this exchange and
    releases *m* gives them to the party it received from (unless a side already counts that number: the
    same group named again). "A cambio, se transfirieron 300 prisioneros": the number after "in return"
    went to the one known side's counterpart, as many as it or not, unless it is far more than this
    exchange's ("in return, maps of 92,000 mines").
    """
    counts = [c for d in by_to.values() for c in (d.people, d.bodies) if c is not None]
    if any(c.evidence is not None and c.evidence.start == m.start for c in counts):
        return None
    gave = releaser(a, m)
    home = by_to.get(gave) if gave is not None else None
    if home is not None and any(c.value == m.value for c in counts):
        return None
    if home is None and in_return(a, m):
        counted = [d for d in by_to.values() if d.counted]
        home = counted[0] if len(counted) == 1 else None
        this = max((c.value for c in (home.people, home.bodies) if c is not None), default=0) if home else 0
        if (m.value or 0) >= max(1000, 10 * this):
            return None
    return home.from_ if home is not None and home.from_ not in (None, gave) else None


def a_figure_of_the_other_side(a: Analysis, drafts: Drafts) -> Drafts:
    """Two sides with one figure, which the words give to one of them only ("Украина получила обратно 140
    человек, Россия – 82"), and nowhere to both sides: the other side takes the figure the words give it
    ("Россия вернула 82 своих военнослужащих"), when they give it exactly one. Bodies alike ("Kyiv had taken back
    the bodies of 501" … "Russia had got back the bodies of 89"), from the numbers of bodies."""
    counts = [m for m in a.mentions if m.kind is MentionKind.COUNT and m.value]
    sides, notes = list(drafts.sides), []
    # "the same number" anywhere may speak of the people, so it keeps both sides' people; bodies need their own
    labels = ("bodies",) if a.words("equal_sides").search(a.article.text) else LABELS
    for label in labels:
        for i, x in enumerate(sides):
            figure = x.count(label)
            if figure is None or x.to is None:
                continue
            y = next((y for y in sides if y is not x and (c := y.count(label)) and c.value == figure.value), None)
            if y is None:
                continue
            same = [m for m in counts if m.value == figure.value]
            named = {receiver(a, m) for m in same}
            if y.to not in named or x.to in named or any(both_sides(a, m) for m in same):
                continue
            own = {
                m.value: m
                for m in counts
                if m.value != figure.value
                and receiver(a, m) == x.to
                and (label == "people" or is_bodies(a, m))
                and may_count_this_exchange(a, m, label)  # not "the previous exchange, last Saturday, brought 122"
            }
            if len(own) != 1:
                continue
            m = next(iter(own.values()))
            notes.append(f"{label} to {x.to}: {figure.value} is {y.to}'s in the words, {m.quote} is {x.to}'s")
            x = x.with_count(label, count_of(m, a.article.text))
            other = "people" if label == "bodies" else "bodies"
            if (c := x.count(other)) is not None and c.evidence is not None and c.evidence.start == m.start:
                x = x.with_count(other, None)  # "…, a Rosji – 39": one number, the bodies, not people too
            sides[i] = x
    return drafts.with_sides(sides, *notes)


def bodies_the_words_state(a: Analysis, drafts: Drafts) -> Drafts:
    """Give the home side the bodies the words state when the model missed them ("три тіла"), or the side whose
    people the words say they were ("the remains of 1,200 Ukrainian soldiers")."""
    sides = drafts.sides
    used = {c.value for d in sides for c in (d.people, d.bodies) if c is not None}
    cue = next(
        (
            c
            for c in a.cues
            if c.role is Role.BODIES
            and c.mention.value
            and c.mention.value not in used
            and not is_aside(a, c)
            and not a.words("future").search(sentence_of(a, c.mention))
        ),
        None,
    )
    if cue is None or not sides or any(d.bodies is not None for d in sides):
        return drafts
    bodies = count_of(handed_part(a, cue.mention) or cue.mention, a.article.text)
    named = people_of(a, group_head(a, cue.mention, linked=True))  # "the remains of 1,200 Ukrainian soldiers"
    if named is not None and all(d.to != named for d in sides) and named in ONE_WAR:
        return drafts.with_sides([*sides, Draft(named, ONE_WAR[named], bodies=bodies)])
    home = next((d for d in sides if d.to == named), None) or home_draft(sides)
    return drafts.with_sides(replace(d, bodies=bodies) if d is home else d for d in sides)


def words_for_a_wrong_number(a: Analysis, drafts: Drafts) -> Drafts:
    """A side whose number the text does not state (the model answered 9999, -75 or 10^30) takes the figure
    the words offer instead, when they offer exactly one: of the numbers that may be a side's total (the list
    the request gives the model), the one no other side has. A rejected number falls back to the words,
    never to nothing."""
    stated = {m.value for m in a.mentions if m.kind is MentionKind.COUNT}
    wrong = {
        party_named(side.received_by)
        for side in drafts.answer.sides
        for value in (side.people, side.bodies)
        if value is not None and (value < 0 or (value > 1 and value not in stated))  # 0 is none; 1 is "one body"
    }
    used = {c.value for d in drafts.sides for c in (d.people, d.bodies) if c is not None}
    left = [value for value, _ in candidates(a) if value not in used]
    if not wrong or len(left) != 1:
        return drafts
    m = next(m for m in a.mentions if m.value == left[0] and m.kind is MentionKind.COUNT)
    sentence = sentence_of(a, m)
    if not (a.words("return").search(sentence) or a.words("captivity").search(sentence)):
        return drafts  # a score, a date-like figure: not a number of people coming back
    label = "bodies" if is_bodies(a, m) else "people"
    sides: list[Draft] = []
    notes: list[str] = []
    for d in drafts.sides:
        if not d.counted and d.to in wrong and not notes:
            d = d.with_count(label, count_of(m, a.article.text))
            notes.append(
                f"{label} to {d.to}: {m.quote}, the one figure the words offer, for a number they do not state"
            )
        sides.append(d)
    return drafts.with_sides(sides, *notes)


def drop_uncounted_sides(a: Analysis, drafts: Drafts) -> Drafts:
    """A side with no number of people or bodies the text states is left out, unless it is a way of a handover
    the words report as done, with both its parties named: when no side has a number (a swap of named people,
    one named hostage freed) or when the words call it an exchange (the other way of a swap, uncounted). Named
    people without a numeral are not counted, but their direction stands (annotation convention 10); not when
    every number the model gave counts no handover (running totals, a plan's numbers, "1000-for-1000"): an
    overview, or talks of an exchange."""
    counted = [d for d in drafts.sides if d.counted]
    done = (
        drafts.answer.kind != "none"
        and happened(a)
        and (not counted or called_an_exchange(a))
        and not only_numbers_of_no_handover(a, drafts.answer)
    )
    kept = [d for d in drafts.sides if d.counted or (done and d.to and d.from_ and d.to != d.from_)]
    return drafts.with_sides(
        kept,
        *(f"side to {d.to}: no number of people or bodies the text states" for d in drafts.sides if d not in kept),
    )


def a_venue_is_no_party(a: Analysis, drafts: Drafts) -> Drafts:
    """Ukraine and Russia exchanged with each other, not with the country the words name only as where the
    handover passed ("at the border with Belarus", "на территории Республики Беларусь"), when the report names
    one of them: that side's party is the other one of the war ("103 defenders … driven from the Belarusian
    border": from Russia, named or not)."""
    text = a.article.text
    windows = [(max(0, h.start() - 30), h.end() + 40) for h in a.words("venue").finditer(text)]
    if not windows:
        return drafts
    near = set().union(*(parties_in(a, text[s:e]) for s, e in windows))
    rest, at = [], 0
    for s, e in windows:  # the text outside every window
        rest.append(text[at:s])
        at = max(at, e)
    venues = near - parties_in(a, " ".join([*rest, text[at:]])) - set(ONE_WAR)
    if not venues or not set(ONE_WAR) & parties_in(a, text):
        return drafts
    sides, notes = [], []
    for d in drafts.sides:
        if d.to in venues and d.from_ in ONE_WAR:
            notes.append(f"side to {d.to}: the handover passed through {d.to}, it went to {ONE_WAR[d.from_]}")
            d = replace(d, to=ONE_WAR[d.from_])
        elif d.from_ in venues and d.to in ONE_WAR:
            notes.append(f"side to {d.to}: the handover passed through {d.from_}, it came from {ONE_WAR[d.to]}")
            d = replace(d, from_=ONE_WAR[d.to])
        sides.append(d)
    return drafts.with_sides(sides, *notes)


def receiver_of_one_war(a: Analysis, drafts: Drafts) -> Drafts:
    """A side released by Russia (or Ukraine) whose receiver was left open went to the other one."""
    taken = {d.to for d in drafts.sides}
    sides = []
    for d in drafts.sides:
        other = ONE_WAR.get(d.from_ or "")
        if d.to is None and other is not None and other not in taken:
            d = replace(d, to=other)
            taken.add(other)
        sides.append(d)
    return drafts.with_sides(sides)


def receiver_by_whose_people(a: Analysis, drafts: Drafts) -> Drafts:
    """A side whose receiver is still open went to the party whose people the words name ("1968 أسيرًا
    فلسطينيًا"); when that party's side already counts as many, the open side is the same group."""
    sides: list[Draft | None] = list(drafts.sides)
    notes = []
    for i, d in enumerate(drafts.sides):
        named = whose(a, d.people) if d.to is None and d.people is not None else None
        if named is None or d.people is None:
            continue
        same = [x for x in sides if x is not None and x.to == named]
        if not same:
            sides[i] = replace(d, to=named)
            notes.append(f"people {d.people.value} to {named}: the words name them as {named}'s")
        elif same[0].people is not None and same[0].people.value == d.people.value:
            sides[i] = None
    return drafts.with_sides((d for d in sides if d is not None), *notes)


def held_by_non_state(a: Analysis, drafts: Drafts) -> Drafts:
    """A side whose number the words say a non-state group held ("28 personas que el ELN retenía", "held
    until then by the RSF") came from that group and went to the state it fights, when the receiver was
    left open or is the group itself (annotation convention 1)."""
    taken = {d.to for d in drafts.sides}
    sides, notes = [], []
    for d in drafts.sides:
        count = d.people if d.people is not None else d.bodies
        if count is not None:
            stated = [m for m in a.mentions if m.value == count.value and m.kind is MentionKind.COUNT]
            held = next((h for m in stated if (h := held_by(a, m)) is not None), None)  # any sentence stating it
            state = NON_STATE_OPPONENT.get(held) if held is not None and d.to in (None, held) else None
            if state is not None and state not in taken:
                notes.append(f"{count.value} to {state}, not {d.to or 'left open'}: the words say {held} held them")
                d = replace(d, to=state, from_=held)
                taken.add(state)
        sides.append(d)
    return drafts.with_sides(sides, *notes)


def releaser_of_gaza_is_hamas(a: Analysis, drafts: Drafts) -> Drafts:
    """No side releases its own people back to itself; hostages held in Gaza are released by Hamas
    (annotation conventions 1 and 7)."""
    sides = []
    for d in drafts.sides:
        if d.from_ is not None and d.from_ == d.to:
            d = replace(d, from_=None)  # parties are resolved already: only the receiver itself is no releaser
        if d.from_ == "Palestinian territories":
            d = replace(d, from_="Hamas")
        sides.append(d)
    return drafts.with_sides(sides)


def a_mediator_received_no_one(a: Analysis, drafts: Drafts) -> Drafts:
    """A receiver the report's opening names as mediating the handover ("a deal brokered by Qatar and Turkey")
    received no one of a swap between Russia and Ukraine (each released a side): that side went to the other one
    of the war, when that one has no side yet or one of the same number. A mediator that receives the one side
    released may be the third country it went to ("Szaúd-Arábia közvetítésével Oroszország tíz külföldit …
    szabadon engedett"), and so may one beside a side of another number to the war's other party (the ten
    foreigners flown to Saudi Arabia beside the 215 to Ukraine); not when the words give its number to both sides
    ("Russia and Ukraine exchanged 97 prisoners apiece": a swap between the two, whatever the model says)."""

    def swapped_between_the_two(d: Draft) -> bool:
        m = mention_of(a, d.people if d.people is not None else d.bodies)
        return m is not None and both_sides(a, m)

    if not set(ONE_WAR) <= {d.from_ for d in drafts.sides} and not any(
        d.from_ in ONE_WAR and swapped_between_the_two(d) for d in drafts.sides
    ):
        return drafts
    mediating = mediating_states(a) - set(ONE_WAR)
    counts = {d.to: {c.value for c in (d.people, d.bodies) if c is not None} for d in drafts.sides}
    sides, notes = [], []
    for d in drafts.sides:
        own = {c.value for c in (d.people, d.bodies) if c is not None}
        other = counts.get(ONE_WAR.get(d.from_ or "", ""))
        if d.to in mediating and d.from_ in ONE_WAR and (other is None or not own or own <= other):
            notes.append(f"side to {d.to}: {d.to} mediated the handover, the side went to {ONE_WAR[d.from_]}")
            d = replace(d, to=ONE_WAR[d.from_])
        sides.append(d)
    return drafts.with_sides(sides, *notes)


def a_mediator_released_no_one(a: Analysis, drafts: Drafts) -> Drafts:
    """A releaser the report's opening names as mediating the handover ("Qatar brokered the deal") released no
    one, unless it received people too: the releaser is left open, for the other rules to find."""
    mediating = mediating_states(a)
    receivers = {d.to for d in drafts.sides}
    sides, notes = [], []
    for d in drafts.sides:
        if d.from_ is not None and d.from_ in mediating and d.from_ not in receivers:
            notes.append(f"side to {d.to}: {d.from_} mediated the handover, it released no one")
            d = replace(d, from_=None)
        sides.append(d)
    return drafts.with_sides(sides, *notes)


def releaser_by_elimination(a: Analysis, drafts: Drafts) -> Drafts:
    """A side with no releaser got its people from the one non-state group holding the others (the Thai
    hostages came from Hamas too), and that group's own people from the state it fights (the Palestinian
    prisoners from Israel), Palestinians from Israel, a state's people from the one non-state group fighting it
    that the article names (Israelis from Hamas, Sudanese from the Rapid Support Forces), else from the one other
    party, else from the other party of the war (Ukraine's people came from Russia, whatever third
    country is named; convention 1)."""
    parties = {d.to for d in drafts.sides if d.to}
    holders = {d.from_ for d in drafts.sides if d.from_ in NON_STATE}
    named = parties_named(a.article.text) if any(d.from_ is None for d in drafts.sides) else set()
    sides = []
    for d in drafts.sides:
        if d.from_ is None:
            others = sorted(parties - {d.to})
            holder = next(iter(holders)) if len(holders) == 1 else None
            if holder is not None and d.to not in NON_STATE and d.to != "Palestinian territories":
                d = replace(d, from_=holder)
            elif holder is not None and NON_STATE_OPPONENT.get(holder) in parties - {d.to}:
                d = replace(d, from_=NON_STATE_OPPONENT[holder])  # the holder's own people: from its opponent
            elif d.to == "Palestinian territories":
                d = replace(d, from_="Israel")  # Palestinians come back from Israel's prisons or morgues
            elif len(fighting := [g for g, state in NON_STATE_OPPONENT.items() if state == d.to and g in named]) == 1:
                d = replace(d, from_=fighting[0])  # Israel's hostages from Hamas, Sudan's soldiers from the RSF
            elif len(others) == 1:
                d = replace(d, from_=others[0])
            elif d.to in ONE_WAR and (not others or ONE_WAR[d.to] in others):
                d = replace(d, from_=ONE_WAR[d.to])
        sides.append(d)
    return drafts.with_sides(sides)


def format_for_both(a: Analysis, drafts: Drafts) -> Drafts:
    """Both sides received N people when the words state a handover done as "N for N" ("nel formato 175 per 175",
    "w formule 84 za 84", "traded prisoners on a 70-for-70 basis"; annotation convention 5) and no side of the
    answer counts people (the model gave only a part of them, refused, or only the bodies), its one pair of
    parties known; N is no number of bodies."""
    sides = drafts.sides
    if not sides or any(d.people or not (d.to and d.from_) or d.to == d.from_ for d in sides):
        return drafts
    if len({frozenset((d.to, d.from_)) for d in sides}) != 1 or only_numbers_of_no_handover(a, drafts.answer):
        return drafts  # "the 1000-for-1000 exchange is complicated": the model gave no number of a handover
    pairs = [
        (m, second)
        for m in a.mentions
        if m.value
        and (second := n_for_n(a, m.value)) is not None
        and second.start > m.start
        and format_of_a_handover(a, m)
        and not ((cue := a.cue_at(m)) is not None and cue.role is Role.BODIES)
    ]
    if len({m.value for m, _ in pairs}) != 1:
        return drafts
    (first, second), d, text = pairs[0], sides[0], a.article.text
    by_to = {s.to: s for s in sides}
    one = by_to.get(d.to, Draft(d.to, d.from_))
    other = by_to.get(d.from_, Draft(d.from_, d.to))
    return drafts.with_sides(
        [replace(one, people=count_of(first, text)), replace(other, people=count_of(second, text))]
    )


def equal_sides(a: Analysis, drafts: Drafts) -> Drafts:
    """The other side of a one-sided answer received as many when the words say so ("N for N", "from each
    side", "150 Ukrainians and 150 Russians"; annotation convention 5), whether the answer left that side out,
    named it without a number, or gave it only bodies."""
    counted = [d for d in drafts.sides if d.people is not None]  # the other may have bodies only
    people = counted[0].people if len(counted) == 1 else None
    if people is None or people.evidence is None or len(drafts.sides) > 2:
        return drafts
    d, where = counted[0], people.evidence
    other = d.from_ or ONE_WAR.get(d.to or "")
    rest = [s for s in drafts.sides if s is not d]
    if other is None or other == d.to or (rest and rest[0].to != other):
        return drafts
    second = n_for_n(a, people.value)
    # "150 soldiers came home from each side": any sentence stating the number may say so
    same = [m for m in a.mentions if m.value == people.value and m.kind is MentionKind.COUNT]
    equal = next((m for m in same if said_equal(a, m)), None)  # "…; in return, Moscow received the same number"
    second = second or and_again(a, same)
    if second is None and equal is None:
        return drafts
    stated = second or (equal if equal is not None and equal.start != where.start else None)
    mirrored = count_of(stated, a.article.text) if stated is not None else people
    if rest:  # "… and Russia got back the same number", the other side counted only by its bodies, or not at all
        mirror = replace(rest[0], from_=rest[0].from_ or d.to, people=mirrored)
        return drafts.with_sides([mirror if s is not d else s for s in drafts.sides])
    return drafts.with_sides([d, Draft(other, d.to, people=mirrored)])


def none_in_return(a: Analysis, drafts: Drafts) -> Drafts:
    """The other party of a one-way body repatriation received no bodies when the opening says the giver gave
    it none, naming both ("while Kiev gave the Russian side not a single body", "Украина не передала России ни
    одного тела"): a side with none, the words of none its evidence. Not "Russia had returned not a single body"
    (no giver of none named before the words)."""
    counted = [s for s in drafts.sides if s.counted]
    if len(counted) != 1:
        return drafts
    d = counted[0]
    if d.bodies is None or d.people is not None or d.to is None or d.from_ is None:
        return drafts
    if any(s is not d and s.to != d.from_ for s in drafts.sides):
        return drafts  # only the other party's uncounted side may stand beside it
    text = a.article.text
    body = a.words("bodies", r"\s*(?:[^\W\d_]+\s+)?(?:", r")")
    for hit in a.words("not_one", r"(?<!\w)(?:", r")(?!\w)").finditer(text, 0, OPENING_CHARS):
        if body.match(text, hit.end()) is None:
            continue  # "not a single body", "ни одного тела"
        start, end = part_of(a, hit.start(), hit.end(), cut=CLAUSE_OR_COMMA)
        if d.to in parties_in(a, text[start : hit.start()]) and d.from_ in parties_in(a, text[start:end]):
            evidence = Evidence(quote=text[hit.start() : hit.end()], start=hit.start(), end=hit.end())
            none = Count(value=0, evidence=evidence)
            return drafts.with_sides([d, Draft(d.from_, d.to, bodies=none)])  # in place of its uncounted side
    return drafts


def uncounted_return(a: Analysis, drafts: Drafts) -> Drafts:
    """The other side of a one-sided exchange got something back the words do not count: "10 Americans freed
    by Venezuela in return for an imprisoned ally of Maduro" (a side with no number; convention 10). Things
    given in return ("in exchange for minefield maps") are no side."""
    if drafts.kind is not Kind.PRISONER_EXCHANGE or len(drafts.sides) != 1:
        return drafts
    d = drafts.sides[0]
    if d.to is None or d.from_ is None:
        return drafts
    text, words = a.article.text, a.words("in_return", r"(?<!\w)", r"(?!\w)")
    for hit in words.finditer(text):
        _, end = a.sentence_span(hit.start())
        if things_follow(a, hit):
            continue  # "received in return a map of the minefields": things, not people
        if not any(hit.end() <= m.start < end and m.kind is MentionKind.COUNT for m in a.mentions):
            return drafts.with_sides([d, Draft(d.from_, d.to)])
    return drafts
