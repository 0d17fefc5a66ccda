"""Which of a company's reported results a figure is, in the words earnings coverage uses.

One results report gives many amounts of one company side by side: revenue, net income,
earnings per share (GAAP and adjusted), one division's revenue, each rise against a year
earlier and against the previous quarter, what analysts expected, what the company forecasts
for the next quarter and the previous quarter's figure. Outlets pick different ones and write
them alike, so each must keep a measure, a scope or a reference point of its own:

* **earnings per share**: "$1.12 a share", "EPS of $1.12", "earnings per diluted share";
* **a division**: "its cloud unit posted sales of $4 billion" (cloud revenue);
* **the base of a change**: "up 40% from a year earlier" and "up 8% from the previous
  quarter" are two facts; the base is added to the reference point, so a change whose base is
  left unsaid still meets either;
* **analysts' estimate** ("analysts expected $1.05", "beating estimates of $3.9 billion"),
  **what a result beat them by**, **the company's forecast** ("expects revenue of $5 billion
  in the current quarter") and **the previous quarter's** figure.

Pure text reading, called by claims.about for money and percent figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .extraction.lexicon import words

# Words of a sentence about a company's results.
_RESULTS = re.compile(
    r"\b(?:revenues?|sales|net income|profits?|earnings|eps|per (?:diluted )?share|quarter"
    r"|quarterly|fiscal|results|segment|division|unit|business)\b"
)
_EPS_BEFORE = re.compile(r"\b(?:eps|earnings per (?:diluted )?share|per diluted share)\b")
_PER_SHARE_AFTER = re.compile(r"\s*(?:per (?:diluted )?share|a share|per diluted share)\b")
# "Earnings" alone is written for revenue as for profit ("total earnings for the quarter came
# in at $5 billion"); net earnings, pre-tax earnings or earnings per share are not.
_LOOSE_EARNINGS = re.compile(
    r"(?<!net )(?<!pre-tax )(?<!operating )(?<!adjusted )\bearnings\b(?! per\b)"
)
# What a change is of: the last of these before it ("EPS of $1.10, up 12%").
_RESULT_NOUNS = re.compile(
    r"\b(?:eps|earnings per (?:diluted )?share|per diluted share|revenues?|sales|net income"
    r"|profits?|net loss)\b"
)
_EARNINGS = re.compile(r"\b(?:earnings|eps|net income|profits?|net loss)\b")
_DIVIDEND = re.compile(r"\bdividends?\b")
_GAAP = re.compile(r"\b(?:(non-gaap|adjusted)|(gaap))\b")

# Analysts' view, not the company's figure: "analysts expected", "the consensus of", "beating
# estimates of $3.9 billion".
_ANALYSTS = re.compile(
    r"\b(?:analysts?|consensus|estimates?|expectations?|polled|forecasters?)\b"
    r"|\bwall street(?:['’]s)? (?:expected|anticipated|forecast)"
)
_ESTIMATE_OF = re.compile(
    r"\b(?:estimates?|expectations?|consensus)\s+(?:of|for|at|was|were|is|stood at)"
    r"\s+(?:about\s+|around\s+|roughly\s+)?$"
)
# A day's or a studio's estimate is an early count of the figure itself, later made final,
# not what analysts expected: "above Sunday's estimate of $88 million", "studio estimates".
_PROVISIONAL_ESTIMATE = re.compile(
    r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|weekend|studios?|preliminary"
    r"|initial)(?:['’]s?)?\s+(?:[\w-]+\s+){0,2}?estimates?\b"
)
# "results beat the consensus", "ahead of estimates": the estimate is what the figure is
# compared with, further on in the sentence.
_COMPARED_WITH_ESTIMATE = re.compile(
    r"\b(?:beat|beating|beats|exceed\w*|surpass\w*|top(?:s|ped|ping)?|miss\w*|ahead of|above"
    r"|below|short of)\s+(?:[\w'’-]+\s+){0,4}?(?:estimates?|expectations?|consensus|forecasts?)"
)
_BEAT_BY = re.compile(
    r"\b(?:beat|beating|beats|exceed\w*|surpass\w*|top(?:s|ped|ping)?|miss\w*)\s+"
    r"(?:[\w'’-]+\s+){0,4}?(?:estimates?|expectations?|consensus|forecasts?)\s+by\s+$"
)
# The company's own forecast for a period to come.
_GUIDANCE = re.compile(
    r"\b(?:forecasts?|forecasted|expects?|outlook|guidance|guided|projects?|projected|sees"
    r"|predicts?|anticipates?)\b"
)
_PREVIOUS_QUARTER = re.compile(
    r"\b(?:prior|previous|preceding|last|year-earlier|year-ago)[- ]quarter(?:['’]s)?"
    r"\s+(?:[a-z-]+\s+){0,3}(?:was|were|of|at|stood at|came in at)?\s*$"
)
_YEAR_EARLIER_AFTER = re.compile(
    r"\s*(?:(?:in|for) the (?:same|year-earlier|year-ago) (?:quarter|period)|a year (?:earlier|ago)"
    r"|last year)\b"
)
# "$1.4 billion a year earlier, or 57 cents a share": the same period restated per share.
_YEAR_EARLIER_OR = re.compile(r"\b(?:last year|a year (?:earlier|ago))\s*,?\s+or\s+$")
_COMPARED = re.compile(r"\b(?:compared (?:to|with)|versus|vs\.?|from)\s+$")

# The base a change is measured against, nearest the figure first.
_BASES = (
    (
        "from a year earlier",
        re.compile(
            r"\byear[- ](?:on|over)[- ]year\b|\byoy\b|\b(?:a|one|the) year (?:earlier|ago|before)"
            r"|\b(?:last|previous|prior) year\b|\bsame (?:period|quarter)\b|\byear-(?:ago|earlier)\b"
            r"|\b(?:from|over|than|on) (?:19|20)\d\d\b"
        ),
    ),
    (
        "from the previous quarter",
        re.compile(
            r"\bquarter[- ](?:on|over)[- ]quarter\b|\bqoq\b|\bsequential(?:ly)?\b"
            r"|\b(?:previous|prior|preceding|last) quarter\b|\b(?:from|over|than|on) q[1-4]\b"
            r"|\b(?:from|over|than|on) the (?:first|second|third) quarter\b"
        ),
    ),
)
# A division of the company: "Brindle's cloud unit", "the company's data centre segment".
_DIVISION = re.compile(
    r"(?:['’]s?|\bthe|\bits|\btheir)\s+((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)\s+"
    r"(?:business|unit|segment|division|platform|arm)\b"
)
# "; data center revenue rose to $18 billion": a division named by its revenue, where a clause
# starts or after a determiner; not the company's own "total revenue", "quarterly revenue".
_DIVISION_REVENUE = re.compile(
    r"(?:^\s*|\b(?:the|its|their)\s+)((?:[a-z][\w-]*\s+)?[a-z][\w-]*)\s+revenues?\b"
)
_NOT_DIVISION_WORDS = words(
    """total quarterly annual net gross overall record adjusted reported fiscal full-year
    fourth-quarter third-quarter second-quarter first-quarter year quarter company firm group
    its their the of and sales operating"""
)
# "from $3.6 billion": the earlier amount a change is measured from.
_EARLIER_AMOUNT = re.compile(
    r"\s*from\s+(?:[a-z]{0,3}[$€£¥]|[a-z]{3}\s)?\s*\d[\d,.]*\s*(?:thousand|million|billion|trillion"
    r"|bn|m|cents?|pence|p)?\b"
)
_FOLLOWS = re.compile(r"\s*(?:in|for|of|from|on|during|this|last|at|as|alone)\b")
_NOT_DIVISIONS = frozenset(("company", "firm", "group", "entire", "whole", "core", "main"))
# A sentence going on about the figures just given: "The numbers represent a 27% increase".
_REFERS_BACK = re.compile(r"\s*(?:the (?:numbers|figures|results)|this|that|these|it)\b", re.I)
_CHANGES = frozenset(("change", "growth"))
# The scope of an early count a later one replaces ("Sunday's estimate of $88 million").
PROVISIONAL = "provisional"


@dataclass(frozen=True)
class Result:
    measure: str
    reference: str
    scope: str
    # The measure in readable words ("data centre revenue", "earnings per share").
    shown: str = ""
    # Whether the names next to it are a division's or the analysts' ("its Cloud unit",
    # "analysts polled by Ledgerline"): the figure is the article's company's all the same.
    of_company: bool = False


def read(
    *,
    kind: str,
    measure: str,
    reference: str,
    scope: str,
    before: str,
    after: str,
    sentence_before: str,
    previous_sentence: str,
) -> Result | None:
    """The measure, reference point and scope of a figure of a company's results, or None
    when the figure is no such result (or nothing here changes how it reads)."""
    if kind not in ("money", "percent"):
        return None
    lower_before = sentence_before.lower()
    own = re.split(r"\d[\d,.]*", lower_before)[-1]  # the words since the previous figure
    after_lower = after.lower()
    # The words up to the next figure or clause ("from Q3" is no figure).
    local_after = re.split(r"(?<![a-z])\d|[,;]|\band\b", after_lower, maxsplit=1)[0]
    earlier = _EARLIER_AMOUNT.match(after_lower)
    if earlier:
        # "up 409% from $3.6 billion last year": the base is said after the earlier amount.
        rest = re.split(r"(?<![a-z])\d|[,;]|\band\b", after_lower[earlier.end() :], maxsplit=1)
        local_after = f"{local_after} {rest[0]}"
    about_results = lower_before + " " + after_lower[:60]
    if _REFERS_BACK.match(sentence_before):
        about_results += " " + previous_sentence.lower()  # "The numbers represent a 9% rise"
    if not _RESULTS.search(about_results):
        return None
    if kind == "money":
        return _amount(
            measure, reference, scope, lower_before, before.lower(), own, after_lower, local_after
        )
    return _change(measure, reference, scope, own, local_after, sentence_before, previous_sentence)


_PER_TIME = frozenset(("per day", "per week", "per hour"))


def _amount(
    measure: str,
    reference: str,
    scope: str,
    lower_before: str,
    clause: str,
    own: str,
    after: str,
    local_after: str,
) -> Result | None:
    if scope in _PER_TIME:
        # "costing the port $3 million a day": a running rate, no period's result nor
        # analysts' estimate of one, whoever notes it.
        return None
    shown = ""
    per_share = bool(_PER_SHARE_AFTER.match(after)) and bool(_EARNINGS.search(lower_before))
    # "EPS came in at 23p, up from 21p a year earlier": the earlier figure is EPS too.
    compared = bool(_COMPARED.search(own)) and bool(_EPS_BEFORE.search(lower_before[-80:]))
    if (_EPS_BEFORE.search(own) or per_share or compared) and not _DIVIDEND.search(own):
        measure = shown = "earnings per share"
        gaap = _GAAP.search(own)
        scope = ("non-GAAP" if gaap.group(1) else "GAAP") if gaap else ""
    if measure == "profit" and _LOOSE_EARNINGS.search(clause):
        measure = "earnings"  # "total earnings came in at $5 billion": revenue or profit
    division = _division(lower_before)
    # "the segment grew to $2 billion." is the segment's revenue; "the consumer segment, where
    # users pay a $20 subscription fee": the noun after the amount says what it is.
    named_after = re.match(r"\s*[a-z]", local_after) and not _FOLLOWS.match(local_after)
    if not (measure == "revenue" or (not measure and not named_after)):
        division = ""
    if division:
        measure = shown = f"{division} revenue"
    if _BEAT_BY.search(own):
        measure = measure or "results"
        return Result(measure, reference, "difference", f"{shown or measure} beat")
    provisional = _PROVISIONAL_ESTIMATE.search(own)
    if not provisional and (
        _ESTIMATE_OF.search(own)
        or (_ANALYSTS.search(lower_before) and not _COMPARED_WITH_ESTIMATE.search(lower_before))
    ):
        return Result(
            measure, reference, "estimate", f"{shown or measure} estimate", of_company=True
        )
    if provisional:
        return Result(measure, reference, PROVISIONAL, shown)
    if _GUIDANCE.search(lower_before) and not _ANALYSTS.search(lower_before):
        # A one-time charge the company foresees stays apart from the whole it foresees.
        projected = scope if scope == "one-time" else "projected"
        return Result(measure, reference, projected, f"{shown or measure} forecast")
    if _PREVIOUS_QUARTER.search(own):
        return Result(measure, "previous quarter", scope, shown)
    if _YEAR_EARLIER_OR.search(own) or (
        _COMPARED.search(own) and _YEAR_EARLIER_AFTER.match(local_after or after)
    ):
        return Result(measure, "year earlier", scope, shown)
    period = _period(own, local_after)
    if period == "quarter" and scope in ("per year", "total"):
        scope = (
            ""  # "revenue of $5 billion for the quarter and annual revenue of ...": the quarter's
        )
    elif period == "year" and scope == "total" and not reference:
        scope = "per year"  # "total revenue for the fiscal year": the year's, as "annual"
    return Result(measure, reference, scope, shown, of_company=bool(division))


_QUARTER = re.compile(r"\b(?:quarter|quarterly|three months|q[1-4])\b")
_YEAR = re.compile(r"\b(?:(?:fiscal|full|financial)[- ]year|for the year|annual|full-year)\b")


def _period(own: str, local_after: str) -> str:
    """ "quarter" or "year": which results an amount is, by the period word nearest it
    ("fourth-quarter revenue of $5 billion for fiscal 2025" is the quarter's)."""
    own = own[-60:]
    found = [
        (distance, name)
        for name, pattern in (("quarter", _QUARTER), ("year", _YEAR))
        for distance in (
            *(len(own) - m.end() for m in pattern.finditer(own)),
            *(m.start() for m in pattern.finditer(local_after)),
        )
    ]
    return min(found)[1] if found else ""


def _change(
    measure: str,
    reference: str,
    scope: str,
    own: str,
    local_after: str,
    sentence_before: str,
    previous_sentence: str,
) -> Result | None:
    nouns = _RESULT_NOUNS.findall(sentence_before.lower())
    eps = bool(nouns) and bool(_EPS_BEFORE.fullmatch(nouns[-1]))
    if not (measure in _CHANGES or measure.endswith(" change")):
        return None
    if measure.startswith("share") and not eps:
        return None  # a move of the share price
    if eps:
        measure = "earnings per share change"
    elif (
        measure == "profit change"
        and nouns[-1:] != ["net income"]
        and _LOOSE_EARNINGS.search(sentence_before.lower())
    ):
        measure = "earnings change"  # "EPS of $1.10, up 12%"
    division = _division(sentence_before.lower())
    if not division and _REFERS_BACK.match(sentence_before):
        division = _division(previous_sentence.lower())
    shown = ""
    if measure not in ("change", "growth", "revenue change"):
        division = ""
    if division:
        measure = shown = f"{division} revenue change"
    base = _base(own, local_after)
    if base:
        reference = f"{reference} {base}".strip()
    if _GUIDANCE.search(own) and not _ANALYSTS.search(own):
        scope = "projected"
    return Result(measure, reference, scope, shown, of_company=bool(division))


def _base(own: str, local_after: str) -> str:
    """ "from a year earlier" or "from the previous quarter": the cue nearest the figure,
    after it first ("rose 12% year-on-year and 3% sequentially")."""
    best, best_distance = "", None
    for name, pattern in _BASES:
        for match in pattern.finditer(local_after):
            if best_distance is None or match.start() < best_distance:
                best, best_distance = name, match.start()
    if best:
        return best
    tail = own[-60:]
    for name, pattern in _BASES:
        for match in pattern.finditer(tail):
            distance = len(tail) - match.end()
            if best_distance is None or distance < best_distance:
                best, best_distance = name, distance
    return best


def _division(lower: str) -> str:
    """ "data center" from "the company's data centre segment": at most two words, British
    spelling folded ("centre" -> "center") so outlets agree."""
    # A semicolon starts a clause about another part: "the gaming segment made $2.9 billion;
    # data center revenue rose to $18.4 billion".
    clauses = lower.rsplit(";", 1)
    lower = clauses[-1]
    found = _DIVISION.findall(lower)
    if found:
        words = found[-1].split()[:2]
    else:
        # At a sentence's start the words may be the company's name ("Brindle revenue").
        named = _DIVISION_REVENUE.findall(lower if len(clauses) > 1 else f".{lower}")
        words = named[-1].split() if named else []
        if set(words) & _NOT_DIVISION_WORDS:
            return ""
    if not words or set(words) & _NOT_DIVISIONS:
        return ""
    return " ".join(re.sub(r"tre$", "ter", w) for w in words)
