"""Changes a text states as falls: "fell 4%", "down 14%", "a 3% drop" are changes of -4, -14, -3.

A percentage written after a verb or word of decrease is the size of a fall, so its value is
negative. A level reached is not a change: "fell to 12%", "down from 9%" keep their sign.
"""

from __future__ import annotations

import re

# Verbs and adverbs of decrease, in the forms news copy writes them.
_FALL_WORDS = (
    r"fell|falls?|falling|dropped|drops?|dropping|declined|declines?|declining|decreased"
    r"|decreases?|decreasing|slid|slides?|sliding|slipped|slips?|slipping|sank|sinks?|sinking"
    r"|sunk|tumbled|tumbles?|tumbling|plunged|plunges?|plunging|plummeted|plummets?"
    r"|plummeting|fallen\s+back|dipped|dips?|dipping|shed|sheds|shedding|lost|loses?|losing|eased|eases?"
    r"|easing|retreated|retreats?|retreating|shrank|shrunk|shrinks?|shrinking|contracted"
    # "the economy contracts by 2%", not "the contract was approved by 59% of members".
    r"|(?<=to\s)contract|contracts?(?=\s+by\s+$)|contracting"
    r"|slumped|slumps?|slumping|tanked|tanks?|tanking|sagged|sags?"
    r"|skidded|skids?|crashed|cut|cuts|cutting|reduced|reduces?|reducing|lowered|lowers"
    r"|slashed|slashes|slashing|slash|trimmed|trims?|trimming"
    r"|down|lower(?=\s+by\b)|(?:was|were|is|are|been|closed|ended|traded)\s+off"
)
# The hedges news copy puts before a fall's size: "fell about 4%", "dropped less than 1%",
# "slipped slightly more than 2%". Not "under" or "below": "fell below 2%" is the level reached.
_HEDGE = (
    r"as\s+much\s+as|up\s+to|almost|nearly|about|around|roughly|approximately|some|more\s+than"
    r"|less\s+than|fewer\s+than|over|just|slightly|a\s+further|another"
    r"|an\s+estimated"
)
# "fell 4%", "fell by 4%", "closed down 8.8%", "lower by as much as 5%", "cut its rate by
# 0.5 percentage points": the fall word, a few words before "by", and at most a few hedging
# words ("as much as", "about", "nearly") before the number.
_FALL_BEFORE = re.compile(
    rf"\b(?P<verb>{_FALL_WORDS})\s+(?:(?P<object>(?:[\w'’]+\s+){{0,4}})by\s+)?"
    rf"(?:(?:{_HEDGE})\s+){{0,2}}$",
    re.IGNORECASE,
)
# "a drop of 4%", "a 4% drop", "a fall of nearly 4%".
_FALL_NOUNS = (
    r"drop|fall|decline|decrease|slide|slump|plunge|reduction|cut|loss|contraction|dip|retreat"
    r"|nose[\s-]?dive|dive"
)
_FALL_NOUN_BEFORE = re.compile(
    rf"\b(?:{_FALL_NOUNS})s?\s+of\s+(?:(?:as\s+much\s+as|up\s+to|almost|nearly|about|around"
    rf"|roughly|some|more\s+than|over|just)\s+)?$",
    re.IGNORECASE,
)
# "a 4% drop", "closed 2.8% lower", "ended 3% down"; not "3% lower than", a comparison.
_FALL_AFTER = re.compile(rf"[\s-]+(?:(?:{_FALL_NOUNS})s?|lower|down)\b(?!\s+than\b)", re.IGNORECASE)
_REACH = 60  # "slashing its capital spending by approximately 20%"
# "the lender cut its workforce by 15%", "the drug reduced body weight by 18%": a verb with an
# object before "by" states the size of what someone cut, not a fall of the figure's subject.
_TRANSITIVE_CUT = re.compile(r"(?:cut|reduc|lower|decreas|shed|slash|trim)", re.IGNORECASE)
# "cut its capital spending by 20%": what a company spends is a figure of its own, and the
# cut is that figure's fall.
_SPENDING = re.compile(r"\b(?:spending|expenditures?|capex|budget|expenses)\s+$", re.IGNORECASE)
_ADVERB = re.compile(r"(?:\w+ly|further|again|back|down|sharply)\s", re.IGNORECASE)
# "cut 15% of its staff", "lost 18% of their body weight": a share of something, not a change.
# "lost half of its value" is still a fall: the value is what a price move measures.
_SHARE_OF = re.compile(
    r"\s+of\s+(?!the\s+(?:previous|prior|year|month|week|day)\b)"
    r"(?!(?:its|their|the|his|her)\s+(?:\w+\s+)?(?:value|worth)\b)",
    re.IGNORECASE,
)
# "to cut 15% jobs": the share of a workforce a cut takes, written without "of".
_WORKFORCE_AFTER = re.compile(
    r"\s+(?:jobs|staff|workforce|employees|workers|positions|roles|headcount)\b", re.IGNORECASE
)
# "a 15% reduction in headcount": the share of the staff a cut takes, said with a noun.
_CUT_IN_WORKFORCE = re.compile(
    r"[\s-]+(?:reduction|cut|cutback)s?\s+(?:in|of|to)\s+(?:(?:its|their|the)\s+)?(?:[\w-]+\s+)?"
    r"(?:jobs|staff|workforce|employees|workers|positions|roles|headcount)\b",
    re.IGNORECASE,
)


def states_a_fall(text: str, start: int, end: int) -> bool:
    """Whether the percentage at text[start:end] is the size of a fall the text states."""
    before = text[max(0, start - _REACH) : start]
    if any(share.match(text, end) for share in (_SHARE_OF, _WORKFORCE_AFTER, _CUT_IN_WORKFORCE)):
        return False
    fall = _FALL_BEFORE.search(before)
    if fall and _cuts_an_object(fall):
        fall = None
    return bool(fall or _FALL_NOUN_BEFORE.search(before) or _FALL_AFTER.match(text, end))


def _cuts_an_object(fall: re.Match[str]) -> bool:
    obj = fall.group("object")
    return bool(
        obj
        and _TRANSITIVE_CUT.match(fall.group("verb"))
        and not _ADVERB.match(obj)
        and not _SPENDING.search(obj)
    )
