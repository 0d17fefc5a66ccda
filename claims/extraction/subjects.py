"""A short phrase saying what a figure is about, taken from its own sentence."""

from __future__ import annotations

import re

_MAX_WORDS = 8
# Clause boundaries: the subject of a figure rarely reaches back across them.
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]“”\"]|\s[-–—]{1,2}\s|—|--")
_LEADING_FILLER = re.compile(
    r"^(?:(?:and|but|or|so|while|which|who|that|whereas|although|as|with|for|of|in|on|at|by|"
    r"meanwhile|moreover|however|also|then|said|says)\s+)+",
    re.IGNORECASE,
)
_TRAILING_FILLER = re.compile(
    r"(?:\s+(?:is|are|was|were|be|been|being|of|at|to|by|for|the|a|an|in|on|with|from|about|"
    r"around|nearly|almost|roughly|some|than|more|less|over|under|up|least|as|much|many|"
    r"between|and|or|its|their|his|her|also|just|only|now|still|an\s+estimated|estimated|"
    r"approximately|worth|totalling|totaling|valued|into|this|that|these|those))+$",
    re.IGNORECASE,
)
_WORDS = re.compile(r"\S+")


def _clean(phrase: str) -> str:
    phrase = " ".join(phrase.split())
    phrase = _LEADING_FILLER.sub("", phrase)
    phrase = _TRAILING_FILLER.sub("", " " + phrase).strip()
    return phrase.strip(" .,;:'\"“”‘’-–—")


def subject_for(text: str, sentence: tuple[int, int], start: int, end: int) -> str:
    s0, s1 = sentence
    before = text[s0:start]
    pieces = [p for p in _CLAUSE_BREAK.split(before)]
    for piece in reversed(pieces):
        phrase = _clean(piece)
        if phrase:
            words = _WORDS.findall(phrase)
            return " ".join(words[-_MAX_WORDS:])
        # An empty clause right before the figure: look one clause further back only if the
        # figure opens its clause ("15 million euros, or about $16.2 million").
        break
    after = text[end:s1]
    first = _CLAUSE_BREAK.split(after)[0]
    phrase = _clean(first)
    if phrase:
        return " ".join(_WORDS.findall(phrase)[:_MAX_WORDS])
    for piece in reversed(pieces[:-1]):
        phrase = _clean(piece)
        if phrase:
            return " ".join(_WORDS.findall(phrase)[-_MAX_WORDS:])
    return text[start:end]
