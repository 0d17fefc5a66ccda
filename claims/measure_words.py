"""The measure as a subject line shows it, in the sentence's own words, with the modifier
that says which amount it is: "estimated cost", "extra interest costs", "internal accruals",
"rejected ballot papers".

Only the readable line uses it: what grouping compares (claims.about.About.terms) keeps the
canonical measure, so rewording here never regroups facts.
"""

from __future__ import annotations

import re

from claims.extraction.lexicon import words

# Words that say which of several amounts of one measure a figure is: an estimate is not the
# approved budget, an extra cost is not the whole cost.
_MODIFIERS = words(
    """estimated projected expected forecast planned budgeted revised original approved
    total combined extra additional insured uninsured"""
)
# "its cost is estimated at", "losses are expected to reach": the figure is an estimate.
_ESTIMATED = re.compile(
    r"\b(?:is|are|was|were|been|be)\s+(estimated|projected|expected|forecast)\s+"
    r"(?:at|to\s+(?:reach|be|hit|top|total)|of)\b[^,;]*$"
)
# "another 40 hours", "a further $2m": more on top of an amount already there.
_ANOTHER = re.compile(
    r"\b(?:another|a further|an additional|an extra)\s+(?:about\s+|around\s+|up to\s+|nearly\s+)?$"
)
# "would add $60m to costs", "adds Rs 900 crore to its annual interest costs".
_ADD = re.compile(
    r"\badd(?:s|ed|ing)?\s+(?:(?:as much as|up to|about|around|nearly|roughly|some|an estimated)\s+)?$"
)
_ADDED_TO = re.compile(
    r"\s+to\s+(?:(?:its|their|the|his|her|our)\s+|[A-Z][\w&.-]*(?:['’]s?)\s+)?"
    r"((?:[a-z][a-z-]*\s+){0,3}(?:costs?|bills?|spending|expenses|debt|budget|revenue|sales"
    r"|profits?|earnings|losses))\b"
)
# "Rs 18,500 crore of internal accruals", "40 hours of observing time": what the amount is of.
_OF_AFTER = re.compile(r"\s+of\s+((?:[a-z][a-z-]*\s+){0,2}[a-z][a-z-]*)\b")
# A count that underwent something: "1,037 ballot papers were rejected".
_UNDERWENT = re.compile(r"\s+(?:were|was|have been|had been|has been)\s+([a-z]{3,}ed)\b")
# Words that end the phrase read after "of": they belong to the clause, not the noun.
_PHRASE_ENDS = words(
    """the a an its their his her this that these those which who and or but to from in on at
    by for with as than is are was were be been will would could has have had over under
    into since per each every all some around about through across between among after
    before during within without near last next this year years month months week weeks day
    days ago earlier"""
)


def shown(before: str, after: str, *, kind: str, measure: str, wording: str, text: str) -> str:
    """The measure phrase for the line, or "" when `wording` (or the measure) says it best."""
    head = wording or measure
    lower = before.lower()
    if kind in ("money", "quantity", "duration"):
        added = _ADDED_TO.match(after) if _ADD.search(lower) else None
        if added:
            return f"extra {added.group(1)}"  # "tariffs would add $60m to costs"
        if not wording:
            head = _what_of(after) or head
    if kind == "count" and wording and not wording.endswith("people"):
        underwent = _UNDERWENT.match(after)
        if underwent and underwent.group(1) not in (*wording.split(), "used", "needed"):
            head = f"{underwent.group(1)} {wording}"  # "rejected ballot papers"
    if not head:
        return ""
    if _ANOTHER.search(lower) and kind in ("money", "quantity", "duration"):
        return f"extra {head}" if head.split()[0] != "extra" else head
    estimated = _ESTIMATED.search(re.split(r"\d[\d,.]*", lower)[-1])
    modifier = _modifier(lower, head) or (estimated.group(1) if estimated else "")
    if modifier and not set(head.split()) & _MODIFIERS:
        head = f"{modifier} {head}"  # "estimated cost", "estimated surface temperature"
    return "" if head == (wording or measure) else head


def _what_of(after: str) -> str:
    """ "internal accruals" from " of internal accruals and a bridge loan": lower-case words
    up to the first that ends a noun phrase."""
    match = _OF_AFTER.match(after)
    if not match:
        return ""
    kept: list[str] = []
    for word in match.group(1).split():
        if word in _PHRASE_ENDS:
            break
        kept.append(word)
    if not kept or kept[-1].endswith(("ly", "ed")):
        return ""
    return " ".join(kept)


def _modifier(lower: str, head: str) -> str:
    """The modifier written just before the measure in the clause: "the project's estimated
    cost has risen to" gives "estimated" for "cost"."""
    first = head.split()[0]
    lower = re.split(r"\d[\d,.]*", lower)[-1]  # another figure's words are not this one's
    found = re.findall(rf"\b([a-z]+)\s+{re.escape(first)}\b", lower)
    return found[-1] if found and found[-1] in _MODIFIERS else ""
