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

from powx_llm.mentions import Mention, MentionKind
from powx_llm.model import Unit

__all__ = ["Cue", "Role", "find_cues", "named_units", "sentence_bounds"]


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


# The alternatives behind each lexicon pattern, so an evaluation can measure a lexicon without the
# entries one article taught us (tests/benchmarks/loo_lexicon.py).
ALTERNATIVES: dict[re.Pattern[str], tuple[str, ...]] = {}


def _rx(*alternatives: str) -> re.Pattern[str]:
    rx = re.compile(r"(?:" + "|".join(alternatives) + r")", _F)
    ALTERNATIVES[rx] = alternatives
    return rx


# Words that may stand between a number and the noun that names its group (one at a time).
_FILLER = re.compile(
    r"^(?:\s*[-–—]\s*)?(?:(?:of\s+(?:the|them|those|whom)(?:\s+[\w,]+)?\s+(?:are|were|is)|of\s+(?:them|whom)|of|the|our|more|other|ukrainian|russian|israeli|armenian|azerbaijani|"
    r"palestinian|american|iranian|freed|released|returned|rescued|fallen|representatives?|members?|"
    r"soldiers?|servicem[ae]n|service\s+members|fighters?|military|personnel|from|in|with|state|"
    r"\w+'s|belong\w*\s+to|serve\s+in|belong\w*\s+to|належ\w*\s+до|служ\w*\s+в|державн\w*|"
    r"з|із|зі|з-поміж|из|нас|наших|представник\w*|військовослужбовц\w*|військов\w*|бійц\w*|бойц\w*|"
    r"воїн\w*|захисник\w*|оборонц\w*|визволен\w*|звільнен\w*|врятован\w*|"
    r"военнослужащ\w*|военн\w*|защитник\w*|освобожденн\w*|наш\w*|українськ\w*|российск\w*|"
    r"de|los|las|soldados|militares|defensores)\s+)",
    _F,
)

_ROLE_WORDS: tuple[tuple[Role, re.Pattern[str]], ...] = (
    (
        Role.COHORT,
        _rx(
            r"women\s+and\s+children",
            r"жінок\s+і\s+дітей",
            r"женщин\s+и\s+детей",
            r"teenagers",
            r"children",
            r"minors",
            r"неповнолітн\w*",
            r"дітей",
            r"детей",
        ),
    ),
    (
        Role.BODIES,
        _rx(
            r"bod(?:y|ies)\b",
            r"remains\b",
            r"тіл\w*",
            r"тел(?:а|о)?\b",
            r"cad[aá]ver\w*",
            r"cuerpos?\b",
            r"загиблих",
            r"погибш\w*",
        ),
    ),
    (Role.MEN, _rx(r"men\b", r"чоловік\w*", r"мужчин\w*")),
    (Role.WOMEN, _rx(r"women\b", r"жін\w*", r"женщин\w*")),
    (Role.OFFICERS, _rx(r"officers?\b", r"офіцер\w*", r"офицер\w*")),
    (
        Role.ENLISTED,
        _rx(
            r"(?:the\s+)?ranks?\s+and\s+(?:file\s+and\s+)?sergeants",
            r"privates?\s+and\s+sergeants",
            r"sergeants\s+and\s+(?:soldiers|privates)",
            r"soldiers\s+and\s+non-commissioned\s+officers",
            r"rank[- ]and[- ]file",
            r"enlisted",
            r"non-commissioned\s+officers\s+and\s+(?:soldiers|privates)",
            r"рядов\w*\s+(?:та|і|й)\s+сержант\w*(?:\s+склад\w*)?",
            r"сержант\w*\s+(?:та|і)\s+солдат\w*",
            r"рядового\s+и\s+сержантского(?:\s+состава)?",
            r"сержант\w*\s+и\s+солдат\w*",
            r"солдат\w*\s+и\s+сержант\w*",
            r"рядов\w*\s+і\s+сержантськ\w*\s+склад\w*",
        ),
    ),
    (Role.PRIVATES, _rx(r"privates\b", r"рядових\b", r"рядовых\b", r"рядового\s+склад\w*", r"рядового\s+состав\w*")),
    (
        Role.SERGEANTS,
        _rx(r"sergeants\b", r"сержант(?:ів|и|ов|ы)\b", r"сержантського\s+склад\w*", r"сержантского\s+состав\w*"),
    ),
    (
        Role.CIVILIANS,
        _rx(
            r"civilians?\b",
            r"цивільн\w*",
            r"мирн\w*\s+(?:жител|мешкан)\w*",
            r"гражданск\w*",
            r"civiles\b",
            r"мирних\b",
            r"мирных\b",
        ),
    ),
)

_UNIT_WORDS: tuple[tuple[Unit, re.Pattern[str]], ...] = (
    (
        Unit.NAVY,
        _rx(
            r"naval\s+forces",
            r"navy",
            r"naval",
            r"маринар\w*",
            r"ВМС",
            r"військово-морськ\w*",
            r"военно-морск\w*",
            r"моряк\w*",
        ),
    ),
    (Unit.MARINES, _rx(r"marines?\b", r"морськ\w*\s+піхот\w*", r"морск\w*\s+пехот\w*", r"морпіх\w*", r"морпех\w*")),
    (
        Unit.AIR_FORCE,
        _rx(
            r"air\s+force",
            r"повітрян\w*\s+сил",
            r"ВВС",
            r"ПС\s+ЗСУ",
            r"воздушн\w*\s+сил",
            r"військово-повітрян\w*",
            r"военно-воздушн\w*",
        ),
    ),
    (Unit.AIRBORNE_ASSAULT, _rx(r"air\s+assault", r"airborne", r"ДШВ", r"десантно-штурмов\w*", r"десантник\w*")),
    (
        Unit.TERRITORIAL_DEFENSE,
        _rx(
            r"territorial\s+defen[cs]e",
            r"teroboron\w*",
            r"тероборон\w*",
            r"ТРО\b",
            r"ТрО\b",
            r"територіальн\w*\s+оборон\w*",
            r"территориальн\w*\s+оборон\w*",
        ),
    ),
    (
        Unit.SPECIAL_OPERATIONS,
        _rx(
            r"special\s+operations",
            r"special\s+forces",
            r"ССО\b",
            r"сил\w*\s+спеціальних\s+операцій",
            r"сил\w*\s+специальных\s+операций",
            r"спецназ\w*",
        ),
    ),
    (
        Unit.NATIONAL_GUARD,
        _rx(
            r"national\s+guard\w*",
            r"НГУ\b",
            r"національн\w*\s+гварді\w*",
            r"нацгвард\w*",
            r"национальн\w*\s+гварди\w*",
            r"guardia\s+nacional",
        ),
    ),
    (
        Unit.BORDER_GUARD,
        _rx(
            r"border\s*guard\w*",
            r"border\s+service",
            r"прикордонн?ик\w*",
            r"ДПСУ\b",
            r"ГПСУ\b",
            r"прикордонн\w*\s+служб\w*",
            r"пограничн\w*",
            r"guardias?\s+fronteriz\w*",
            r"держприкордонслужб\w*",
            r"госпогранслужб\w*",
            r"пограничник\w*",
        ),
    ),
    (
        Unit.NATIONAL_POLICE,
        _rx(
            r"police\w*",
            r"поліцейськ\w*",
            r"поліці\w*",
            r"нацполіці\w*",
            r"полицейск\w*",
            r"національн\w*\s+поліці\w*",
            r"национальн\w*\s+полици\w*",
        ),
    ),
    (
        Unit.SBU,
        _rx(
            r"SBU\b",
            r"SSU\b",
            r"security\s+service\s+of\s+ukraine",
            r"СБУ\b",
            r"служб\w*\s+безпеки\s+україни",
            r"служб\w*\s+безопасности\s+украины",
        ),
    ),
    (
        Unit.SPECIAL_TRANSPORT,
        _rx(r"special\s+transport", r"спеціальн\w*\s+служб\w*\s+транспорту", r"ДССТ\b", r"спецтранс\w*"),
    ),
    (
        Unit.EMERGENCY_SERVICE,
        _rx(r"emergency\s+service", r"rescuers", r"ДСНС\b", r"рятувальник\w*", r"ГСЧС\b", r"спасател\w*"),
    ),
    (Unit.GROUND_FORCES, _rx(r"ground\s+forces", r"сухопутн\w*\s+військ\w*", r"сухопутн\w*\s+войск\w*")),
    (
        Unit.ARMED_FORCES,
        _rx(
            r"armed\s+forces",
            r"ЗСУ\b",
            r"ВСУ\b",
            r"збройн\w*\s+сил\w*",
            r"вооруж[её]нн\w*\s+сил\w*",
            r"fuerzas\s+armadas",
        ),
    ),
    (
        Unit.OTHER,
        _rx(
            r"azov\s+regiment",
            r"regiment\s+azov",
            r"азов\w*",
            r"international\s+legion",
            r"інтернаціональн\w*\s+легіон\w*",
        ),
    ),
)
_OTHER_LABELS = (
    (re.compile(r"azov|азов", _F), "Azov Regiment"),
    (re.compile(r"legion|легіон", _F), "International Legion"),
)

# Places and groups POWs are known by (English label, spellings in the three languages).
_PLACES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("Azovstal", _rx(r"azovstal\w*", r"азовстал\w*")),
    ("Mariupol", _rx(r"mariupol\w*", r"маріупол\w*", r"мариупол\w*")),
    ("Snake Island", _rx(r"snake\s+island", r"serpent\s+island", r"zmiinyi", r"зміїн\w*", r"змеин\w*", r"змеиный")),
    ("Chornobyl NPP", _rx(r"chornobyl\w*", r"chernobyl\w*", r"чорнобил\w*", r"чернобыл\w*")),
    ("Bakhmut", _rx(r"bakhmut\w*", r"бахмут\w*")),
    ("Kherson", _rx(r"kherson\w*", r"херсон\w*")),
    ("Donetsk", _rx(r"donetsk\w*", r"донецьк\w*", r"донецк\w*")),
    ("Luhansk", _rx(r"luhansk\w*", r"lugansk\w*", r"луганськ\w*", r"луганск\w*")),
    ("Zaporizhzhia", _rx(r"zaporizh\w*", r"zaporozh\w*", r"запорі\w*", r"запорож\w*")),
    ("Kharkiv", _rx(r"kharkiv\w*", r"харків\w*", r"харьков\w*")),
    ("Avdiivka", _rx(r"avdiiv\w*", r"avdiyiv\w*", r"avdeev\w*", r"авдіїв\w*", r"авдеев\w*")),
    ("Marinka", _rx(r"mariinsk\w*", r"marinka", r"мар'?їнськ\w*", r"марьинск\w*")),
    ("Vuhledar", _rx(r"vuhledar\w*", r"vugledar\w*", r"вугледар\w*", r"угледар\w*")),
    ("Kreminna", _rx(r"kreminna", r"кремінн\w*", r"кременн\w*")),
    ("Olenivka", _rx(r"olenivka", r"оленівк\w*", r"еленовк\w*", r"оленовк\w*")),
    ("Sievierodonetsk", _rx(r"sievierodonetsk", r"severodonetsk", r"сєвєродонецьк\w*", r"северодонецк\w*")),
    ("Lysychansk", _rx(r"lysychansk", r"лисичанськ\w*", r"лисичанск\w*")),
    ("Soledar", _rx(r"soledar", r"соледар\w*")),
    ("Izium", _rx(r"izium", r"izyum", r"ізюм\w*", r"изюм\w*")),
    ("Kupiansk", _rx(r"kupiansk", r"kupyansk", r"куп'?янськ\w*", r"купянск\w*")),
    ("Pokrovsk", _rx(r"pokrovsk", r"покровськ\w*", r"покровск\w*")),
    ("Toretsk", _rx(r"toretsk", r"торецьк\w*", r"торецк\w*")),
    ("Chasiv Yar", _rx(r"chasiv\s+yar", r"часів\s+яр\w*", r"часов\s+яр\w*")),
    ("Kursk", _rx(r"kursk", r"курськ\w*", r"курск\w*")),
    ("Krynky", _rx(r"krynky", r"кринк\w*")),
    ("Robotyne", _rx(r"robotyne", r"роботин\w*")),
)
_FRONT = _rx(r"front\b", r"direction", r"dirección", r"напрям\w*", r"направлени\w*")
_DEFENDED = _rx(
    r"defen[cd]\w*",
    r"guard(?:ed|ing)",
    r"fought",
    r"обороня\w*",
    r"оборонц\w*",
    r"захисник\w*",
    r"захищал\w*",
    r"защитник\w*",
    r"combat\w*",
    r"ca[ií]d\w*",
    r"muert\w*",
)
_MORGUE = _rx(r"morgues?\b", r"морг\w*")
_MISSING = _rx(r"missing", r"зниклими\s+безвісти", r"пропавш\w*\s+без\s+вести")
_WOUND = _rx(
    r"\bwound\w*",
    r"\binjur\w*",
    r"\bill(?:ness|nesses)?\b",
    r"disabilit\w*",
    r"травм\w*",
    r"поранен\w*",
    r"ранен\w*",
    r"хвор\w*",
    r"болезн\w*",
)
_INCLUDING = _rx(
    r"including",
    r"among\s+them",
    r"of\s+(?:them|whom)",
    r"з\s+них",
    r"з\s+яких",
    r"зокрема",
    r"из\s+них",
    r"в\s+том\s+числе",
    r"серед\s+них",
)
_CUMULATIVE = _rx(
    r"since\s+the\s+(?:beginning|start)",
    r"since\s+the\s+\w+\s+invasion",
    r"so\s+far",
    r"to\s+date",
    r"in\s+all\s+exchanges",
    r"від\s+початку",
    r"з\s+початку",
    r"с\s+начала",
    r"за\s+весь\s+час",
    r"завдяки\s+обмінам",
    r"благодаря\s+обменам",
    r"since\s+\d{4}",
)
_NOT_RETURNED = _rx(
    r"still",
    r"remain\w*",
    r"held\b",
    r"holding",
    r"в\s+полоні",
    r"в\s+плену",
    r"залишаються",
    r"остаются",
    r"expected",
    r"due\s+to",
    r"will\b",
    r"planned",
)
_EXCHANGES = _rx(r"exchanges\b", r"swaps\b", r"обмін\w*", r"обмен\w*")
_EXCHANGE_WORD = _rx(r"exchange", r"swap", r"обмін\w*", r"обмен\w*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"«“A-ZА-ЯІЇЄҐ\d])|\n+")
_STOP_CHARS = re.compile(r"[,.;:!?()\n\[\]]|\s[-–—]\s")


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) of each sentence (a line break always ends one)."""
    bounds, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(text)))
    return bounds


def _after(text: str, m: Mention, nxt: int) -> str:
    if re.fullmatch(r"\s+(?:of|з|із|из)\s+(?:the\s+)?", text[m.end : nxt], _F):
        nxt = len(text)  # "Two of the 116 are officers": the group is named after the whole
    window = text[m.end : min(nxt, m.end + 90)]
    lead = re.match(r"^\s*[-–—]\s*", window)  # "11 – тероборонці": a dash right after the number is fine
    rest = window[lead.end() :] if lead else window
    stop = _STOP_CHARS.search(rest)
    return rest[: stop.start()] if stop else rest


def _before(text: str, m: Mention, prev: int) -> str:
    window = text[max(prev, m.start - 60) : m.start]
    stops = list(_STOP_CHARS.finditer(window))
    return window[stops[-1].end() :] if stops else window


def _nouns(after: str) -> list[str]:
    """Return the words after the number, then after each filler word ("representatives of the ...")."""
    out = [after.lstrip()]
    for _ in range(6):
        f = _FILLER.match(out[-1])
        if f is None or not f.end():
            break
        out.append(out[-1][f.end() :])
    return out


def _unit_at(words: str) -> tuple[Unit, str | None, str] | None:
    for unit, rx in _UNIT_WORDS:
        u = rx.match(words)
        if u:
            label = next((lab for p, lab in _OTHER_LABELS if p.search(u.group(0))), None)
            return unit, label if unit is Unit.OTHER else None, u.group(0)
    return None


def _place(clause: str) -> str | None:
    hits = [(rx.search(clause), label) for label, rx in _PLACES]
    found = sorted((h.start(), label) for h, label in hits if h)
    return found[0][1] if found else None


def _cohort(clause: str, before: str = "") -> str | None:
    place = _place(clause)
    if _MORGUE.search(clause):
        return "morgues in Russia"
    if _MISSING.search(clause):
        return "previously listed as missing"
    if place and _FRONT.search(clause):
        return f"{place} direction"
    if place and (_DEFENDED.search(clause) or _INCLUDING.search(before)):
        return place
    return None


def _named_group(m: Mention, after: str, before: str) -> Cue | None:
    """Return the cue of the first group named right after the number (fillers skipped one by one)."""
    for words in _nouns(after):
        for role, rx in _ROLE_WORDS:
            hit = rx.match(words)
            if hit:
                if role is Role.BODIES and (cohort := _cohort(after[:90], before)) is not None:
                    return Cue(m, Role.COHORT, after.strip(), label=cohort)  # bodies counted by place
                label = " ".join(hit.group(0).lower().split()) if role is Role.COHORT else None
                return Cue(m, role, hit.group(0), label=label)
        unit = _unit_at(words)
        if unit is not None:
            return Cue(m, Role.UNIT, unit[2], unit=unit[0], label=unit[1])
    return None


def _role_of(m: Mention, after: str, before: str, sentence: str) -> Cue | None:
    words = _nouns(after)[-1]
    named = _named_group(m, after, before)
    if named is not None:
        return named
    if re.search(r"bod(?:y|ies)\s+of\s*$|тіла\s*$|тела\s*$|(?:cuerpos|cad[aá]veres)\s+de\s*$", before, _F):
        cohort = _cohort(after[:90])
        if cohort is not None:
            return Cue(m, Role.COHORT, after.strip(), label=cohort)
        return Cue(m, Role.BODIES, before.strip())
    if _EXCHANGES.match(words) and m.kind is MentionKind.COUNT:
        return Cue(m, Role.CUMULATIVE_EXCHANGES, words.split()[0])
    clause = after[:70]
    cohort = _cohort(clause, before)
    if cohort is not None:
        return Cue(m, Role.COHORT, clause.strip(), label=cohort)
    wound = _WOUND.search(clause)
    if wound is not None:
        return Cue(m, Role.WOUNDED, wound.group(0))
    if (since := _CUMULATIVE.search(sentence)) is not None and not _NOT_RETURNED.search(sentence):
        return Cue(m, Role.CUMULATIVE_PEOPLE, since.group(0))
    return None


def _ordinal_cue(text: str, m: Mention) -> Cue | None:
    near = text[max(0, m.start - 40) : m.end + 40]
    word = _EXCHANGE_WORD.search(near)
    return Cue(m, Role.ORDINAL, word.group(0)) if word is not None else None


def _with_nesting(cues: list[Cue], text: str, sentences: list[tuple[int, int]]) -> list[Cue]:
    """Mark units introduced by "including"/"з них" after another unit in the same sentence as within it."""
    out: list[Cue] = []
    for cue in cues:
        parent = next((c for c in reversed(out) if c.role is Role.UNIT and _same(c, cue, sentences)), None)
        if cue.role is Role.UNIT and parent is not None and parent.unit is not cue.unit:
            between = text[parent.mention.end : cue.mention.start]
            between = between[between.rfind(parent.words) + len(parent.words) :] if parent.words in between else between
            if _INCLUDING.search(between) and (parent.within is None):
                cue = Cue(cue.mention, cue.role, cue.words, unit=cue.unit, label=cue.label, within=parent.unit)
            elif parent.within is not None and not re.search(r"[.;]|\balso\b|\bтакож\b|\bтакже\b", between):
                cue = Cue(cue.mention, cue.role, cue.words, unit=cue.unit, label=cue.label, within=parent.within)
        out.append(cue)
    return out


def _same(a: Cue, b: Cue, sentences: list[tuple[int, int]]) -> bool:
    return any(s <= a.mention.start < e and s <= b.mention.start < e for s, e in sentences)


def find_cues(text: str, mentions: tuple[Mention, ...]) -> tuple[Cue, ...]:
    """Return a role cue for each mention whose surrounding words say what it counts."""
    sentences = sentence_bounds(text)
    cues: list[Cue] = []
    for i, m in enumerate(mentions):
        sent = next(((s, e) for s, e in sentences if s <= m.start < e), (0, len(text)))
        sentence = text[sent[0] : sent[1]]
        if m.kind is MentionKind.ORDINAL:
            cue = _ordinal_cue(text, m)
        elif m.kind in (MentionKind.COUNT, MentionKind.FRACTION):
            nxt = mentions[i + 1].start if i + 1 < len(mentions) else len(text)
            prev = mentions[i - 1].end if i else 0
            cue = _role_of(m, _after(text, m, nxt), _before(text, m, prev), sentence)
        else:
            cue = None
        if cue is not None:
            cues.append(cue)
    return tuple(_with_nesting(cues, text, sentences))


def named_units(text: str, mentions: tuple[Mention, ...]) -> list[tuple[Unit, Unit]]:
    """Return units named without a count as part of the Armed Forces ("ЗСУ, зокрема ВМС, ДШВ")."""
    counted = [m.start for m in mentions]  # brigade numbers ("the 25th Airborne Brigade") are not branches
    armed = dict(_UNIT_WORDS)[Unit.ARMED_FORCES]
    out: list[tuple[Unit, Unit]] = []
    for s, e in sentence_bounds(text):
        if any(s <= x < e for x in counted):
            continue
        sentence = text[s:e]
        parent = armed.search(sentence)
        including = _INCLUDING.search(sentence, parent.end()) if parent else None
        if including is None:
            continue
        tail = sentence[including.end() :]
        also = re.search(r"\bas\s+well\s+as\b|\bа\s+також\b|\bа\s+также\b|\balso\b", tail, _F)
        tail = tail[: also.start()] if also else tail
        for unit, rx in _UNIT_WORDS:
            if unit not in (Unit.ARMED_FORCES, Unit.OTHER) and rx.search(tail) and (unit, Unit.ARMED_FORCES) not in out:
                out.append((unit, Unit.ARMED_FORCES))
    return out
