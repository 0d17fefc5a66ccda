"""Fractions in words as percents: "half of the staff", "a fifth of its fleet", "two-thirds of"."""

from __future__ import annotations

import re
from decimal import Decimal

from . import changes
from .candidates import Candidate
from .types import Kind

_NUMERATORS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9,
}  # fmt: skip
_DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "quarter": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10,
}  # fmt: skip
_FRACTION = re.compile(
    r"(?<![\w-])(?:(?P<num>(?i:an?|one|two|three|four|five|six|seven|eight|nine))[ \u00a0-])?"
    r"(?P<den>(?i:half|halves|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?"
    r"|tenths?))(?![\w-])"
)
# A fraction is a share of something: "of" a group, or for "half" "the", "its", "all" ...
# ("half the staff"). "of a mile", "of an hour" measure a unit; "of 2024" and "of the year" name
# a period.
_SHARE_AFTER = re.compile(
    r"(?:[ \u00a0]+of(?![ \u00a0]+(?:an?|the[ \u00a0]+(?:year|season|century|decade)"
    r"|this[ \u00a0]+year|last[ \u00a0]+year|next[ \u00a0]+year|(?:fiscal[ \u00a0]+)?\d{4})\b)"
    r"|(?<=half)[ \u00a0]+(?:the|its|their|his|her|our|all|those|these)\b)",
    re.IGNORECASE,
)
# "the second half of", "the first quarter of": a period, not a share.
_PERIOD_BEFORE = re.compile(
    r"\b(?:the|first|second|third|fourth|final|last|latter|former|past|next|previous|opening"
    r"|closing|back|front|bottom|top)[ \u00a0]+$",
    re.IGNORECASE,
)


def fraction_candidates(text: str) -> list[Candidate]:
    """Fractions written in words that state a share, as percents (a fifth -> 20)."""
    found = []
    for m in _FRACTION.finditer(text):
        den_word = m.group("den").lower()
        singular = den_word if den_word in _DENOMINATORS else den_word[:-1]
        denominator = _DENOMINATORS.get(singular)
        numerator = _NUMERATORS.get((m.group("num") or "").lower())
        if denominator is None or (numerator is None and singular != "half"):
            continue
        numerator = numerator or 1
        # "one half", "a quarter", "two-thirds": the numerator agrees with the noun's number.
        if (numerator > 1) != (singular != den_word) and singular != "half":
            continue
        if numerator >= denominator or not _SHARE_AFTER.match(text, m.end()):
            continue
        if _PERIOD_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue
        value = (Decimal(100 * numerator) / denominator).quantize(Decimal("0.01")).normalize()
        if changes.states_a_fall(text, m.start(), m.end()):
            value = -value
        found.append(Candidate(m.start(), m.end(), Kind.PERCENT, value, unit="percent"))
    return found
