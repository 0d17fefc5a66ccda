"""The measure of an amount or a quantity whose clause names none of claims.about's lexicon,
read from the verb or noun that governs the figure, as a count is read from its noun:

* an amount: "a budget of $200 million", "$38 billion in damage", "$4.2 billion in direct
  funding", "$11 billion in loans";
* a quantity: "a maximum dose of 15 mg", "winds of 115 mph", "9 trillion gallons of rain".

Outlets word one fact differently, so each cue names a measure every wording of it shares;
figures whose words name none of these keep no measure. Pure text reading.
"""

from __future__ import annotations

import re

from claims.measure_words import nearest_cue

# measure -> cue, for amounts. The cue is read among the figure's own words: those since the
# previous figure in its clause, and those up to the next one.
_MONEY = (
    ("budget", r"budget(?:s|ed)?"),
    # A disaster's toll in money; a court's "damages" are claims.about's fines.
    ("damage", r"damage(?! to\b)|damages|economic loss(?:es)?"),
    # What insurers pay is a part of the damage, another fact than the whole.
    ("insured losses", r"insured (?:loss(?:es)?|damage)"),
    ("funding", r"fund(?:s|ed|ing)|grants?"),
    ("loans", r"loans?|lend(?:s|ing)?|lent"),
)
# measure -> cue, for quantities with no count noun and no measure word.
_QUANTITY = (
    ("dose", r"dos(?:e|es|age|ages|ing)"),
    ("wind speed", r"winds?|gusts?"),
    ("storm surge", r"(?:storm )?surges?"),
    ("rainfall", r"rain(?:fall)?|precipitation"),
    # "cut output by 300,000 barrels a day", "a voluntary reduction of 40,000 bpd": how much
    # a producer pumps less; read only where the sentence speaks of output (_OUTPUT).
    ("output cut", r"cut(?:s|ting)?|reduc(?:e|es|ed|ing|tions?)|slash(?:es|ed|ing)?|curbs?"),
)
_MONEY_CUES = [(name, re.compile(rf"\b(?:{cue})\b")) for name, cue in _MONEY]
# What a cut must be of to be an output cut: "cut its emissions by 9,000 tonnes" is none.
_OUTPUT = re.compile(r"\b(?:output|outputs|production|produce|producers?|pump(?:s|ed|ing)?)\b")
# A rate of output: "barrels per day".
_PUMPED = re.compile(r"\bbarrels?\b.*\b(?:day|year)\b|^bpd$")
# "bringing overall cuts to 3.6 million bpd", "cuts totalling 650,000 bpd": all the cuts
# together, another fact than any one of them.
_ALL_CUTS = re.compile(
    r"\b(?:total(?:l?ing)?|overall|combined|in all)\b|\bcuts\s+to\s+(?:about\s+|around\s+)?$"
)
# "Veloria will cut output by 300,000 bpd, Kandor by 120,000": a list item whose verb is left
# out takes the list's ("Kandor by a similar 120,000", "and the Marsh Republic by 9,000").
_ITEM_BY = re.compile(
    r"(?:[,;]\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*\s+by\s+"
    r"(?:(?:a|an|similar|about|around|some|nearly|almost|roughly|approximately)\s+)*$"
)
_QUANTITY_CUES = [(name, re.compile(rf"\b(?:{cue})\b")) for name, cue in _QUANTITY]
# Words of a court case: there "damages" are what a party is ordered to pay. "Punitive" and
# "compensatory" damages are only ever a court's, whatever else the sentence names.
_COURT = re.compile(
    r"\b(?:court|jury|judge|lawsuit|sued|suit|verdict|awarded|plaintiffs?|punitive|compensatory)\b"
)
# "Damage estimates ranged from $15 billion to more than $100 billion": the ends of a range
# of estimates, not the estimate.
_RANGE_FROM = re.compile(r"\branged?\s+from\s+(?:about\s+|around\s+|roughly\s+)?$")
_RANGE_TO = re.compile(r"\branged?\s+from\s+[^,;]*\bto\s+(?:more than\s+|over\s+|about\s+)?$")
# "had their budget slashed by $7 million": how much an amount moved, not the amount.
_MOVED_BY = re.compile(
    r"\b(?:cut|slashed|reduced|trimmed|lowered|raised|increased|boosted|rose|fell|grew|shrank"
    r"|jumped|dropped|climbed|declined)\s+by\s+(?:about\s+|around\s+|roughly\s+|nearly\s+)?$"
)


def read(kind: str, before: str, after: str, sentence: str = "", unit: str = "") -> tuple[str, str]:
    """(measure, scope) of an amount or a quantity from its governing words; ("", "") when
    they name none. `before` and `after` are the figure's clause around it."""
    if kind not in ("money", "quantity"):
        return "", ""
    lower_before = before.lower()
    own_before = re.split(r"\d[\d,.]*", lower_before)[-1]  # another figure's words are not
    own_after = re.split(r"(?<![a-z])\d|[,;(]|\b(?:and|but|while)\b", after.lower(), maxsplit=1)[0]
    cues = _MONEY_CUES if kind == "money" else _QUANTITY_CUES
    measure = _nearest(cues, own_before, own_after)
    if not measure and _ITEM_BY.search(before):
        measure = _nearest(cues, lower_before, "")
    pumped = _OUTPUT.search(sentence.lower() or lower_before) or _PUMPED.search(unit.lower())
    if measure == "output cut" and not pumped:
        measure = ""
    if not measure and _RANGE_TO.search(lower_before):
        # "estimates ranged from $9 billion to $30 billion": the range's words are both ends'.
        measure = _nearest(cues, lower_before, "")
    if measure == "damage" and _COURT.search(sentence.lower()):
        return "", ""
    scope = ""
    if _RANGE_FROM.search(lower_before):
        scope = "low end"
    elif _RANGE_TO.search(lower_before):
        scope = "high end"
    elif measure == "output cut":
        scope = "total" if _ALL_CUTS.search(own_before) or _ALL_CUTS.search(own_after) else ""
    elif _MOVED_BY.search(own_before):
        scope = "change"
    return measure, scope if measure else ""


def _nearest(cues: list[tuple[str, re.Pattern]], before: str, after: str) -> str:
    """The measure whose cue lies nearest the figure, before it or in the five words after it."""
    return nearest_cue(tuple(cues), before, " ".join(after.split()[:5]))
