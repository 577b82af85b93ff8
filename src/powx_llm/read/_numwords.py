"""Word tables for powx_llm.read._mentions (number words, fractions, qualifiers, months; en/uk/ru) and the
grammar that joins number words into one number (``Phrase``).

Keys are lower case, with ``'`` for every apostrophe and ``е`` for ``ё`` (see ``normalise_word``).
"""

from __future__ import annotations

from typing import Final, NamedTuple, TypeVar

__all__ = [
    "AGE_WORDS",
    "APOSTROPHES",
    "DENOMINATORS",
    "DURATION_PREPOSITIONS",
    "HANDING_VERBS",
    "MONTHS_EN",
    "MONTHS_GENITIVE",
    "MONTHS_OTHER",
    "WORDS",
    "Cls",
    "Denominator",
    "NumWord",
    "Phrase",
    "normalise_word",
]

_T = TypeVar("_T")
APOSTROPHES: Final = "'’ʼ‘`´ʹ′"
_NORM = str.maketrans({**dict.fromkeys(APOSTROPHES, "'"), "ё": "е"})


def normalise_word(word: str) -> str:
    """Return *word* lower-cased with one apostrophe and ё read as е."""
    return word.lower().translate(_NORM)


class Cls:
    """Grammatical classes of number words, for joining them into one number."""

    UNIT: Final = 0  # 1-9
    TEEN: Final = 1  # 10-19
    TENS: Final = 2  # 20-90
    HUNDREDS: Final = 3  # a word that is itself 100-900 (сто, двісті, пятьсот)
    MULT: Final = 4  # English "hundred", "dozen": multiplies what comes before
    SCALE: Final = 5  # thousand, million, billion


class NumWord(NamedTuple):
    value: int
    cls: int
    final: bool = False  # collectives and ordinals end a number: nothing can follow them
    ordinal: bool = False
    lone: bool = True  # False for plural scale words ("тисячі" = "thousands" unless counted or qualified)


class Phrase:
    """Number words joined into one number as they come, with the grammar that allows each next word."""

    def __init__(self, start: int, end: int, w: NumWord) -> None:
        self.start, self.end, self.words = start, end, [w]
        self.total, self.small, self.last_scale, self.mult = 0, 0, 10**18, False
        self._add(w)

    def _add(self, w: NumWord) -> None:
        if w.cls == Cls.SCALE:
            self.total += (self.small or 1) * w.value
            self.small, self.last_scale, self.mult = 0, w.value, False
        elif w.cls == Cls.MULT:
            self.small, self.mult = (self.small or 1) * w.value, True
        else:
            self.small += w.value

    def extend(self, w: NumWord, end: int, gap: str) -> bool:
        last, c = self.words[-1].cls, w.cls
        if self.words[-1].final:
            return False
        if gap == "hy":  # only "thirty-one", "twenty-first"
            ok = last == Cls.TENS and c == Cls.UNIT and self.small % 10 == 0
        elif gap == "and" and (last not in (Cls.MULT, Cls.SCALE, Cls.HUNDREDS) or c > Cls.TENS):
            ok = False
        elif c == Cls.SCALE:
            ok = last != Cls.SCALE and w.value < self.last_scale
        elif c == Cls.MULT:
            ok = last in (Cls.UNIT, Cls.TEEN) and self.small < 20 and not self.mult
        elif c == Cls.HUNDREDS:
            ok = last == Cls.SCALE
        else:
            after_big = last in (Cls.HUNDREDS, Cls.MULT, Cls.SCALE) and self.small % 100 == 0
            ok = after_big or (c == Cls.UNIT and last == Cls.TENS and self.small % 10 == 0)
        if ok:
            self.words.append(w)
            self.end = end
            self._add(w)
        return ok

    @property
    def value(self) -> int:
        return self.total + self.small

    def numerator(self) -> int | None:
        """Return the count this phrase gives a fraction word after it ("two" in "two thirds"), if any."""
        w = self.words[0]
        return w.value if len(self.words) == 1 and w.cls == Cls.UNIT and not w.final else None


class Denominator(NamedTuple):
    denominator: int
    needs_numerator: bool  # English "third" alone is an ordinal and "thirds" needs a count


WORDS: dict[str, NumWord] = {}


def _add(cls: int, table: dict[int, str], **flags: bool) -> None:
    for value, forms in table.items():
        for form in forms.split():
            WORDS[form] = NumWord(value, cls, **flags)


def _split(words: str) -> list[str]:
    return words.split()


def _stems(stems: dict[int, str], endings: str) -> dict[int, str]:
    return {v: " ".join(s + e for e in endings.split(",")) for v, s in stems.items()}


_EN_UNITS = _split("one two three four five six seven eight nine")
_EN_TEENS = _split("ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen")
_EN_TENS = _split("twenty thirty forty fifty sixty seventy eighty ninety")
_add(Cls.UNIT, {i + 1: w for i, w in enumerate(_EN_UNITS)})
_add(Cls.TEEN, {i + 10: w for i, w in enumerate(_EN_TEENS)})
_add(Cls.TENS, {i * 10 + 20: w for i, w in enumerate(_EN_TENS)})
_add(Cls.MULT, {100: "hundred"})
_add(Cls.MULT, {12: "dozen"}, lone=False)
_add(Cls.SCALE, {1000: "thousand", 10**6: "million", 10**9: "billion"})
_ORD_UNITS = _split("first second third fourth fifth sixth seventh eighth ninth")
_ORD_TEENS = _split(
    "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
)
_ORD_TENS = _split("twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth")
_add(Cls.UNIT, {i + 1: w for i, w in enumerate(_ORD_UNITS)}, final=True, ordinal=True)
_add(Cls.TEEN, {i + 10: w for i, w in enumerate(_ORD_TEENS)}, final=True, ordinal=True)
_add(Cls.TENS, {i * 10 + 20: w for i, w in enumerate(_ORD_TENS)}, final=True, ordinal=True)

# Ukrainian. Plural "одні/одних" ("some", "alone") and "сьома" ("seventh") are left out on purpose.
_add(
    Cls.UNIT,
    {
        1: "один одна одне одно одного одної однієї одній одному одним одною однією одну",
        2: "два дві двох двом двома",
        3: "три трьох трьом трьома",
        4: "чотири чотирьох чотирьом чотирма",
        5: "п'ять п'яти п'ятьох п'ятьом п'ятьма",
        6: "шість шести шістьох шістьом шістьма",
        7: "сім семи сімох сімом сімома",
        8: "вісім восьми вісьмох вісьмом вісьма вісьмома",
        9: "дев'ять дев'яти дев'ятьох дев'ятьом дев'ятьма",
    },
)
_UK_TY = "ь,и,ьох,ьом,ьма"
_UK_TEENS = {
    10: "десят",
    11: "одинадцят",
    12: "дванадцят",
    13: "тринадцят",
    14: "чотирнадцят",
    15: "п'ятнадцят",
    16: "шістнадцят",
    17: "сімнадцят",
    18: "вісімнадцят",
    19: "дев'ятнадцят",
}
_add(Cls.TEEN, _stems(_UK_TEENS, _UK_TY))
_add(Cls.TENS, _stems({20: "двадцят", 30: "тридцят"}, _UK_TY))
_add(Cls.TENS, _stems({50: "п'ятдесят", 60: "шістдесят", 70: "сімдесят", 80: "вісімдесят"}, ",и,ьох,ьом,ьма"))
_add(Cls.TENS, {40: "сорок сорока", 90: "дев'яносто дев'яноста"})
_add(
    Cls.HUNDREDS,
    {
        100: "сто ста",
        200: "двісті двохсот двомстам двомастами двохстах",
        300: "триста трьохсот трьомстам трьомастами трьохстах",
        400: "чотириста чотирьохсот чотирьомстам чотирмастами чотирьохстах",
        500: "п'ятсот п'ятисот п'ятистам п'ятьмастами п'ятистах",
        600: "шістсот шестисот шестистам шістьмастами шестистах",
        700: "сімсот семисот семистам сьомастами семистах",
        800: "вісімсот восьмисот восьмистам вісьмастами восьмистах",
        900: "дев'ятсот дев'ятисот дев'ятистам дев'ятьмастами дев'ятистах",
    },
)
_add(Cls.SCALE, {1000: "тисяча тисячу тисячею", 10**6: "мільйон мільйона мільйону мільйоном"})
_add(Cls.SCALE, {1000: "тисячі тисяч тисячам тисячами тисячах", 10**6: "мільйони мільйонів"}, lone=False)
_add(
    Cls.UNIT,
    {
        2: "двоє",
        3: "троє",
        4: "четверо",
        5: "п'ятеро",
        6: "шестеро",
        7: "семеро",
        8: "восьмеро",
        9: "дев'ятеро",
    },
    final=True,
)
_add(Cls.TEEN, _stems(_UK_TEENS, "еро"), final=True)
_add(Cls.TENS, {20: "двадцятеро", 30: "тридцятеро"}, final=True)

# Russian. "одни/одних" ("some", "alone") and "семью" ("family") are left out on purpose.
_add(
    Cls.UNIT,
    {
        1: "один одна одно одного одной одному одним одном одну",
        2: "два две двух двум двумя",
        3: "три трех трем тремя",
        4: "четыре четырех четырем четырьмя",
        5: "пять пяти пятью",
        6: "шесть шести шестью",
        7: "семь семи",
        8: "восемь восьми восемью восьмью",
        9: "девять девяти девятью",
    },
)
_RU_TY = "ь,и,ью"
_add(
    Cls.TEEN,
    _stems(
        {
            10: "десят",
            11: "одиннадцат",
            12: "двенадцат",
            13: "тринадцат",
            14: "четырнадцат",
            15: "пятнадцат",
            16: "шестнадцат",
            17: "семнадцат",
            18: "восемнадцат",
            19: "девятнадцат",
        },
        _RU_TY,
    ),
)
_add(Cls.TENS, _stems({20: "двадцат", 30: "тридцат"}, _RU_TY))
_add(
    Cls.TENS,
    {
        40: "сорок сорока",
        50: "пятьдесят пятидесяти пятьюдесятью",
        60: "шестьдесят шестидесяти шестьюдесятью",
        70: "семьдесят семидесяти семьюдесятью",
        80: "восемьдесят восьмидесяти восемьюдесятью",
        90: "девяносто девяноста",
    },
)
_add(
    Cls.HUNDREDS,
    {
        100: "сто ста",
        200: "двести двухсот двумстам двумястами двухстах",
        300: "триста трехсот тремстам тремястами трехстах",
        400: "четыреста четырехсот четыремстам четырьмястами четырехстах",
        500: "пятьсот пятисот пятистам пятьюстами пятистах",
        600: "шестьсот шестисот шестистам шестьюстами шестистах",
        700: "семьсот семисот семистам семьюстами семистах",
        800: "восемьсот восьмисот восьмистам восемьюстами восьмистах",
        900: "девятьсот девятисот девятистам девятьюстами девятистах",
    },
)
_add(Cls.SCALE, {1000: "тысяча тысячу тысячей тысячью", 10**6: "миллион миллиона миллиону миллионом"})
_add(Cls.SCALE, {1000: "тысячи тысяч тысячам тысячами тысячах", 10**6: "миллионы миллионов"}, lone=False)
_add(
    Cls.UNIT,
    {
        2: "двое двоих",
        3: "трое троих",
        4: "четверо четверых",
        5: "пятеро пятерых",
        6: "шестеро шестерых",
        7: "семеро семерых",
        8: "восьмеро восьмерых",
        9: "девятеро девятерых",
    },
    final=True,
)
_add(Cls.TEEN, {10: "десятеро десятерых"}, final=True)

DENOMINATORS: dict[str, Denominator] = {}
for _forms, _den, _needs in (
    ("half", 2, False),
    ("halves third thirds fourth fourths fifth fifths tenth tenths", 0, True),
    ("quarter quarters", 4, True),
    ("половина половини половину половиною половині половины половиной половине", 2, False),
    ("третина третини третину третиною третині треть трети", 3, False),
    ("чверть чверті чвертю четверть четверти четвертью", 4, False),
):
    for _form in _forms.split():
        _d = _den or {"hal": 2, "thi": 3, "fou": 4, "fif": 5, "ten": 10}[_form[:3]]
        DENOMINATORS[_form] = Denominator(_d, _needs)


def _any_apostrophe(table: dict[str, _T]) -> None:
    # Every apostrophe a site may print gets its own key, so that look-ups need only str.lower().
    for key, entry in list(table.items()):
        for apos in APOSTROPHES if "'" in key else "":
            table[key.replace("'", apos)] = entry


_any_apostrophe(WORDS)
_any_apostrophe(DENOMINATORS)

# Qualifier phrases, by Qualifier value; spaces stand for any run of whitespace.
MONTHS_EN: Final = _split(
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
)
MONTHS_GENITIVE: Final = _split(
    "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня "
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря"
)
MONTHS_OTHER: Final = _split(
    "січень лютий березень квітень травень червень липень серпень вересень жовтень листопад грудень "
    "січні лютому березні квітні травні червні липні серпні вересні жовтні листопаді грудні "
    "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь "
    "январе феврале марте апреле мае июне июле августе сентябре октябре ноябре декабре"
)

AGE_WORDS: Final = frozenset(
    _split(
        "aged age ages віком віці возрасте возрастом youngest oldest younger older молодше старше младше моложе "
        "наймолодшому найстаршому наймолодший "
        "найстарший наймолодшій найстаршій младшему старшему"
    )
)  # "aged 59", "the youngest is 21", "наймолодшому – 20", "younger than 25"
DURATION_PREPOSITIONS: Final = frozenset(
    _split(
        "протягом впродовж через після за на течение спустя сроком строком терміном термін срок строк "
        "for after within during"
    )
)
HANDING_VERBS: Final = frozenset(
    _split(
        "hand hands handed handing turn turns turned turning take takes took taken taking bring brings "
        "brought pass passes passed give gave given sign signed won win wins"
    )
)  # "handed over 90": "over" is their particle, not "more than"
