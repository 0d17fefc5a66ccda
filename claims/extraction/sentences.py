"""Sentence boundaries, cheap and good enough to say which sentence a figure sits in."""

from __future__ import annotations

import bisect
import re

from .lexicon import words

# Words whose trailing period does not end a sentence ("Feb. 21", "Mr. Smith", "No. 3").
_ABBREVIATIONS = words(
    """mr mrs ms dr prof st jr sr gen gov sen rep lt col capt sgt maj cmdr adm no nos vs etc
    inc corp co ltd jan feb mar apr jun jul aug sep sept oct nov dec fig vol approx est dept
    univ ave blvd mt ft u.s u.k u.n e.u a.m p.m i.e e.g"""
)
# A sentence ends at . ! ? (plus closing quotes/brackets) before whitespace and a capital, digit
# or opening quote; a line break always ends one.
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])|\n+")
_WORD_BEFORE_DOT = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


def is_abbreviation(text: str, dot: int) -> bool:
    """Whether the period at text[dot] closes an abbreviation ("Corp.", "Feb."), not a sentence."""
    m = _WORD_BEFORE_DOT.search(text, max(0, dot - 12), dot + 1)
    if not m:
        return False
    word = m.group(1).lower()
    # Initials ("J. Smith") and abbreviations with inner dots ("U.S.") do not end sentences.
    return word in _ABBREVIATIONS or len(word) == 1


def sentence_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if text[m.start()] == "." and m.end() - m.start() == 1 and is_abbreviation(text, m.start()):
            continue
        end = m.end() if text[m.start()] != "\n" else m.start()
        if end > start:
            spans.append((start, end))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [_trim(text, s, e) for s, e in spans if text[s:e].strip()]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class Sentences:
    """Finds the sentence around an offset by bisection over precomputed spans."""

    def __init__(self, text: str) -> None:
        self.spans = sentence_spans(text)
        self._starts = [s for s, _ in self.spans]

    def around(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i < 0:
            return (0, self.spans[0][1]) if self.spans else (0, 0)
        return self.spans[i]
