"""Reading numbers as newsrooms write them: digits with separators, magnitude words, number words."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

# Thin and no-break spaces are trusted as thousands separators anywhere.
_GROUP_SPACES = "\u00a0\u2009\u202f"

# A plain space is a thousands separator only where no other reading is plausible: two or more
# three-digit groups ("1 200 000"), or one group before a currency or a percent sign ("1 500 €").
# "24 737 jets" is two numbers (24 Boeing 737s) in English copy; in continental copy (decimal
# commas, "Mio."), "1 200 engineers" is one number, so such texts trust a lone group too.
_PLAIN_GROUPS = r"\d{1,3}(?: \d{3}){2,}(?![\d])|\d{1,3} \d{3}(?=\s?[%€]|\s(?:Mio|Mrd|Euro|EUR)\b)"
_CONTINENTAL_GROUP = r"|\d{1,3} \d{3}(?=\s?[a-z$£]|,\d|[.,;:)]?(?:\s|$))"
# Some English house styles group thousands with a plain space throughout ("2 300 homes",
# "(1 450 acres)"). A text that does so at least twice and never groups with a comma trusts a
# lone group too, unless digits run on either side of it ("in 2019 2 300", "1 200 3 400").
_LONE_SPACE_GROUP = r"(?<!\d )\d{1,3} \d{3}(?!\d|[,.]\d| \d)"
_SPACED_GROUP = r"|" + _LONE_SPACE_GROUP + r"(?=\s?[a-z$£]|[.,;:)]?(?:\s|$))"
_COMMA_GROUP = re.compile(r"\d,\d{3}(?!\d)")
_LONE_SPACE_GROUPS = re.compile(r"(?<![\d,.])" + _LONE_SPACE_GROUP)


def spaced_style(text: str) -> bool:
    """Whether the text groups thousands with plain spaces ("2 300 homes") rather than commas."""
    if _COMMA_GROUP.search(text):
        return False
    return len(_LONE_SPACE_GROUPS.findall(text)) >= 2


CONTINENTAL_STYLE = re.compile(
    # Every branch opens with a digit or "M": the lookahead makes the scan of a text quick.
    r"(?=[\dM])(?:\d,\d{1,2}\s?%|\b(?:Mio|Mrd)\b|\d{1,3}(?: \d{3}){2}"
    r"|\d,\d{1,2}[ \u00a0](?:million|billion|trillion|per\s?cent|percent)\b)"
)
# In continental copy a comma before one or two digits is a decimal one before any word
# ("9,8 times", "2,4 km"), and one dot group is thousands ("11.500 employees").
_CONTINENTAL_NUMBERS = r"|\d{1,3}(?:\.\d{3})+(?![\d.])|\d+,\d{1,2}(?![\d,])"


def digits(continental: bool, spaced: bool = False) -> str:
    """The digit-string grammar; continental and space-grouped copy also trust one plain-space
    group."""
    plain = _PLAIN_GROUPS + (_CONTINENTAL_GROUP if continental else _SPACED_GROUP if spaced else "")
    return (
        r"(?:\d{1,2}(?:,\d{2})+,\d{3}(?![\d,])(?:\.\d+)?"  # 6,18,430: Indian lakh grouping
        r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 1,200,000.5
        r"|\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?"  # 1.200.000 (continental)
        r"|\d{1,3}(?:\.\d{3})+,\d+"  # 1.200,5
        rf"|\d{{1,3}}(?:[{_GROUP_SPACES}]\d{{3}})+(?:[.,]\d+)?"  # 1 200 with thin spaces
        rf"|(?<![\d,.])(?:{plain})(?:,\d+)?"  # 1 200 000 with plain spaces
        # 3,5 %, 0,25 percentage points, 3,5 Mio. €
        r"|\d+,\d{1,2}(?=\s?(?:%|per\s?cent|percent|percentage|million|billion|mln|bn|mn|Mio|Mrd"
        r"|€|euros?)\b|\s?%)"
        # $14,2-billion: a South African house style writes a decimal comma before a hyphen
        r"|\d+,\d{1,2}(?=-(?:million|billion|trillion)\b)"
        + (_CONTINENTAL_NUMBERS if continental else "")
        + r"|\d+(?:\.\d+)?)"
    )


_UNIT_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALE_WORDS = {"hundred": 100, "thousand": 1000}

_SMALL = "|".join(sorted([*_UNIT_WORDS, *_TENS_WORDS], key=len, reverse=True))
# "twenty-five", "two hundred and fifty", "three thousand", "a dozen"; million/billion are
# magnitudes handled after the number, like after digits.
WORDS = (
    rf"(?:(?:{_SMALL})(?:[- ](?:{_SMALL}))?"
    rf"(?:\s(?:hundred|thousand|dozen)(?:\s(?:and\s)?(?:{_SMALL})(?:[- ](?:{_SMALL}))?)?)*"
    r"|a\s(?:dozen|hundred|thousand)|dozen)"
)

MAGNITUDES = {
    "thousand": 10**3, "k": 10**3,
    "million": 10**6, "mn": 10**6, "mln": 10**6, "m": 10**6, "mil": 10**6,
    "billion": 10**9, "bn": 10**9, "bln": 10**9, "b": 10**9,
    "trillion": 10**12, "tn": 10**12, "trn": 10**12, "t": 10**12,
    "mio": 10**6, "mrd": 10**9,  # German: "3,5 Mio. €", "1,2 Mrd. Euro"
    "milion": 10**6, "bilion": 10**9,  # a lost "l" no copy desk caught
    "lakh": 10**5, "lakhs": 10**5, "lac": 10**5, "crore": 10**7, "crores": 10**7, "cr": 10**7,
}  # fmt: skip

# Magnitudes that stand on their own after a space; single letters only count when glued
# ("$5m", "32K"), where they cannot be an English word.
SPACED_MAGNITUDE = (
    r"(?:(?i:thousand|mill?ion|bill?ion|trillion|mn|mln|bn|bln|tn|trn|lakhs?|crores?)\b"
    r"|(?:Mio|Mrd)\b\.?)"
)
GLUED_MAGNITUDE = (
    r"(?:thousand|million|billion|trillion|mn|mln|bn|bln|tn|trn|cr|[kKmMbB])(?![A-Za-z])"
)


def parse_digits(raw: str, continental: bool = False) -> Decimal | None:
    """The value of a digit string, reading its separators the way the DIGITS grammar matched it."""
    s = raw.replace(" ", "")
    for ch in _GROUP_SPACES:
        s = s.replace(ch, "")
    dotted = r"\d{1,3}(?:\.\d{3})+" if continental else r"\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?"
    if re.fullmatch(dotted + r"|\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?|\d{1,3}(?:\.\d{3})+,\d+", s):
        s = s.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d+,\d{1,2}", s):
        s = s.replace(",", ".")
    else:
        s = s.replace(",", "")
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def parse_words(raw: str) -> Decimal | None:
    """The value of spelled-out numbers up to the thousands ("two hundred and fifty" -> 250)."""
    tokens = re.split(r"[\s-]+", raw.lower())
    if tokens[0] == "a":
        tokens[0] = "one"
    total = 0
    current = 0
    for tok in tokens:
        if tok == "and":
            continue
        if tok in _UNIT_WORDS:
            current += _UNIT_WORDS[tok]
        elif tok in _TENS_WORDS:
            current += _TENS_WORDS[tok]
        elif tok == "dozen":
            current = (current or 1) * 12
        elif tok == "hundred":
            current = (current or 1) * 100
        elif tok == "thousand":
            total += (current or 1) * 1000
            current = 0
        else:
            return None
    return Decimal(total + current)


def magnitude(word: str) -> int:
    """The multiplier of a magnitude word or suffix; 1 when it is not one."""
    return MAGNITUDES.get(word.lower().rstrip("."), 1)


def scale(value: Decimal, factor: int) -> Decimal:
    """Multiply without float noise, dropping the trailing zeros Decimal keeps from the input."""
    result = value * factor
    return (
        result.quantize(Decimal(1)) if result == result.to_integral_value() else result.normalize()
    )
