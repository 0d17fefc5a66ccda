"""Decoy detection: digits that belong to names and labels (GPT-4, Llama 2, 5G, Figure 1, footnotes)."""

from __future__ import annotations

import re

from .dates import MONTH_NAMES, WEEKDAY_NAMES
from .lexicon import words

# Capitalised words that commonly sit right before a real figure, so do not make it a name.
_FIGURE_LEADERS = words(
    """in on at by for from to of with since until till during after before about around over under
    nearly almost some roughly approximately only just more less fewer than and or but the a an all
    its their his her our these those this that last next another each every both between among up
    down within through throughout across as like exactly precisely least most circa estimated
    additional further total totalling totaling when while where whereas if although though
    because so yet then also plus minus barely reportedly"""
)
# Lowercase words that number things rather than count them ("chapter 11", "stage 3").
_NUMBERING_WORDS = words(
    """page pages chapter section article figure fig table paragraph para clause item version v
    level stage phase grade type category cat gate terminal flight route highway interstate room floor
    exhibit appendix annex no nos number episode ep season vol volume issue act rule step tier class
    division platform channel lane track bus line ward district zone block lot apartment apt suite
    building pier bay row seat box model top game week round match day heat lap hole psalm verse
    pillar schedule form"""
)
_TITLE_ABBREVIATIONS = {"no.", "nos.", "fig.", "vol.", "art.", "sec.", "p.", "pp.", "ch.", "v."}

_PERIOD = re.compile(r"Q[1-4]|H[12]|FY|CY")
_PREVIOUS_TOKEN = re.compile(r"(\S+)[ \u00a0]+$")
_LINE_START = re.compile(r"(?:^|\n)[ \t]*$")
_FOOTNOTE_TAIL = re.compile(r"(?:[ \t]+[A-Z\"“]|[.)])")


def glued_before(text: str, start: int) -> bool:
    """A letter, digit or closing mark right before the figure: GSM8K, MH370, "Plateforme).1"."""
    if start == 0:
        return False
    prev = text[start - 1]
    if prev.isalnum() or prev in ".)]/#_&@:'’^+":
        return True
    # A hyphen or en dash joined to a word or number: GPT-4, COVID-19, 737-800, 2019–2023.
    return prev in "-–" and start >= 2 and text[start - 2].isalnum()


def glued_after(text: str, end: int, *, hyphen_joins: bool = True) -> bool:
    """A letter or digit, or a hyphen/slash/colon into one, right after: 5G, 123RF, 3-1, 24/7, 10:30."""
    if end >= len(text):
        return False
    nxt = text[end]
    if nxt.isalnum() or nxt in "_@":
        return True
    if end + 1 >= len(text):
        return False
    after = text[end + 1]
    # A period or comma joins only digits (1.2.3, "1,2" footnotes); before a letter it is a
    # sentence end with its space lost ("rose 5%.The").
    if nxt in ".," and after.isdigit():
        return True
    joiners = "-–/:^" if hyphen_joins else "/:^"
    return nxt in joiners and after.isalnum()


def _previous_token(text: str, start: int) -> str | None:
    m = _PREVIOUS_TOKEN.search(text, max(0, start - 40), start)
    return m.group(1) if m else None


def named_by_previous_word(text: str, start: int) -> bool:
    """A plain integer right after a name or a numbering word: Llama 2, MWC 2024, (MWC) 2024, chapter 11."""
    token = _previous_token(text, start)
    if token is None:
        return False
    if token.lower() in _TITLE_ABBREVIATIONS:
        return True
    if token.lower().endswith(("s'", "s’")):
        return False  # "Reyes' 2019 film": a plural possessive dates what follows
    word = token.strip("()[]\"“”‘’'")
    if not word:
        return False
    if word.endswith((",", ";", ":", ".", "!", "?")) or token.endswith((",", ";", ":")):
        return False
    lower = word.lower()
    if lower in _NUMBERING_WORDS:
        return True
    if not any(c.isupper() for c in word):
        return False
    if lower.endswith(("'s", "’s", "s'", "s’")):
        return False
    bare = lower.rstrip(".")
    if _PERIOD.fullmatch(word):
        return False  # "Q3 2024", "H1 2024", "FY 2024" date the year rather than name it
    return not (bare in _FIGURE_LEADERS or bare in MONTH_NAMES or bare in WEEKDAY_NAMES)


_NUMBER_BEFORE = re.compile(r"(?:^|[\s(])[\d,.]*\d[ \u00a0]+$")


def after_another_number(text: str, start: int) -> bool:
    """ "24 737 MAX jets": of two numbers side by side, the second names a model."""
    return bool(_NUMBER_BEFORE.search(text, max(0, start - 16), start))


def footnote_marker(text: str, start: int, end: int, value: int) -> bool:
    """A small number opening a line and followed by a capital or '.'/')': a footnote or list item."""
    if value >= 100:
        return False
    if not _LINE_START.search(text, max(0, start - 20), start):
        return False
    return bool(_FOOTNOTE_TAIL.match(text, end))


def leading_zero(raw: str) -> bool:
    """Phone numbers and codes keep leading zeros; amounts do not (0.5 is fine)."""
    return len(raw) > 1 and raw[0] == "0" and raw[1].isdigit()


_NEXT_NAME_WORD = re.compile(r"[ \u00a0]+([A-Z][\w-]*)")


def model_names(text: str, numbers: list[tuple[int, int]]) -> set[tuple[str, str]]:
    """Numbers the text writes inside a name ("Boeing 737 Max"), with the word after them.

    ``numbers`` are the (start, end) spans of the plain integers found in the text.
    """
    names = set()
    for start, end in numbers:
        nxt = _NEXT_NAME_WORD.match(text, end)
        if nxt and named_by_previous_word(text, start):
            names.add((text[start:end], nxt.group(1)))
    return names


def repeats_a_name(text: str, start: int, end: int, names: set[tuple[str, str]]) -> bool:
    """ "all our 737 Max jets" after "Boeing 737 Max": the name again, without its maker."""
    nxt = _NEXT_NAME_WORD.match(text, end)
    return bool(nxt) and (text[start:end], nxt.group(1)) in names


# A line of chart residue: a few words at most, no sentence punctuation at its end.
_SHORT_LINE = re.compile(r"[^\n]{1,30}")
_SENTENCE_END = re.compile(r"[.!?:;,\"”)]\s*$")
_CHART_RUN = 6  # consecutive short lines that make a chart's legend and axis, not prose
_CHART_NUMBERS = 3  # of which at least this many carry digits (ticks, years, percentages)


# "the stock ORVM, -2.37% slid": a scraped quote widget (a ticker and its signed change at the
# moment the page was saved) inside a sentence; the article's own figure follows in prose.
# On a line of its own it may be the article's quote, and stays (see chart_residue).
_QUOTE_WIDGET = re.compile(r"\b[A-Z]{2,5},[ \t]*[+\-−]\d[\d.]*%(?=[ \t]+[a-z])")


def quote_widgets(text: str) -> list[tuple[int, int]]:
    """Spans of ticker quote widgets left in a sentence by scraping."""
    return [m.span() for m in _QUOTE_WIDGET.finditer(text)]


def chart_residue(text: str) -> list[tuple[int, int]]:
    """Spans of scraped chart legends and axis ticks: runs of short lines ("1997 - actual",
    "Labour", "0%", "25", "50") with no sentence among them. Their numbers are tick marks and
    series names, not figures an article states; a lone short line (a ticker quote) is kept."""
    spans: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        body = line.group().strip()
        short = (
            body
            and len(body.split()) <= 4
            and _SHORT_LINE.fullmatch(body)
            and not _SENTENCE_END.search(body)
        )
        if short:
            run.append((line.start(), line.end()))
            continue
        if not body:
            continue  # a blank line neither starts nor ends a chart
        _close_run(text, run, spans)
        run = []
    _close_run(text, run, spans)
    return spans


def _close_run(text: str, run: list[tuple[int, int]], spans: list[tuple[int, int]]) -> None:
    numbered = [(start, end) for start, end in run if re.search(r"\d", text[start:end])]
    if len(run) >= _CHART_RUN and len(numbered) >= _CHART_NUMBERS:
        spans.append((run[0][0], numbered[-1][1]))
