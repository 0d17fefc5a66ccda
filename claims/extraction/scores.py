"""A game's score, written as two numbers joined by a hyphen ("beat Dorvan 31-27", "14-7 at
halftime"): two counts, each side's points, goals or runs.

Elsewhere a hyphen between numbers makes a label (a formation "3-5-2", a model "610-4", a
vote "ruled 6-3"): a score is read only in a sentence that tells a game's result.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .candidates import Candidate
from .types import Kind

_SCORE = re.compile(r"(?<![\w.,/:–-])(\d{1,3})[-–](\d{1,3})(?![\w%/:–-]|[.,]\d)")
# Words of a game's result near the score, in its sentence.
_RESULT = re.compile(
    r"\b(?:beat|beats|beating|defeat(?:ed|s|ing)?|won|win|wins|victory|victories|lost|loss"
    r"|losses|led|lead|leading|trail(?:ed|ing)|tied|draw|drew|half-?time|overtime|extra time"
    r"|final score|scoreline|edged|routed|thrashed|comeback|in favou?r of)\b",
    re.IGNORECASE,
)
# A sign or a number's label right before it: "No. 7-2", "$25-30", "#4-1".
_LABEL_BEFORE = re.compile(r"(?:\bNo\.|[$€£¥#])\s*$")
_GOALS = re.compile(r"\b(?:goals?|scored|penalt(?:y|ies)|striker|keeper|goalkeeper)\b", re.I)
_RUNS = re.compile(r"\b(?:runs|innings?|wickets?|homers?|home runs?)\b", re.I)
_REACH = 120
_MOST = 200


def score_candidates(text: str, sentence_of) -> list[Candidate]:
    """Both sides of every score in a sentence telling a result; `sentence_of(pos)` gives the
    sentence's bounds."""
    found = []
    for match in _SCORE.finditer(text):
        if max(int(match.group(1)), int(match.group(2))) > _MOST:
            continue  # "the 610-400": no game's score
        s0, s1 = sentence_of(match.start())
        window = text[max(s0, match.start() - _REACH) : min(s1, match.end() + _REACH)]
        if not _RESULT.search(window):
            continue
        before = text[max(s0, match.start() - 12) : match.start()]
        if _LABEL_BEFORE.search(before):
            continue
        sentence = text[s0:s1]
        unit = (
            "goals" if _GOALS.search(sentence) else "runs" if _RUNS.search(sentence) else "points"
        )
        for group in (1, 2):
            found.append(
                Candidate(
                    match.start(group),
                    match.end(group),
                    Kind.COUNT,
                    Decimal(match.group(group)),
                    unit=unit,
                )
            )
    return found
