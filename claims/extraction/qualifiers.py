"""Hedge words around a figure: "about $16 million", "less than 1%", "at least 40 people"."""

from __future__ import annotations

import re
from functools import lru_cache

from .types import Qualifier

# "handed over 61 planes", "took over 3 firms": "over" as a verb particle, not a hedge (the
# test sits on "over" alone: "passed about 60 km south" still hedges).
_PARTICLE_VERBS = (
    r"(?<!\bhanded\s)(?<!\bhand\s)(?<!\bhands\s)(?<!\btook\s)(?<!\btake\s)(?<!\btakes\s)"
    r"(?<!\btaken\s)(?<!\bturned\s)(?<!\bturn\s)(?<!\bpassed\s)(?<!\bwon\s)(?<!\bchanged\s)"
    r"(?<!\bfought\s)(?<!\bhanding\s)(?<!\btaking\s)(?<!\bturning\s)"
)
_BEFORE = [
    (
        Qualifier.AT_LEAST,
        r"at\s+least|no\s+fewer\s+than|no\s+less\s+than|a\s+minimum\s+of|minimum\s+of",
    ),
    (
        Qualifier.UP_TO,
        # "the awards add up to $9 million" states their sum, not a ceiling.
        r"(?<!\badd\s)(?<!\badds\s)(?<!\badded\s)(?<!\badding\s)up\s+to"
        r"|as\s+much\s+as|as\s+many\s+as|as\s+high\s+as|at\s+most|a\s+maximum\s+of"
        r"|maximum\s+of|no\s+more\s+than",
    ),
    (
        Qualifier.MORE_THAN,
        r"more\s+than|more\s+then|"
        + _PARTICLE_VERBS
        + r"over|above|in\s+excess\s+of|upwards\s+of|upward\s+of|north\s+of"
        r"|greater\s+than|higher\s+than|exceeding|exceeded|exceeds|exceed|surpassing|topping|topped|tops|beyond"
        # "could top $9 billion": the verb after a modal or "to", not "the top 10"
        r"|(?<=\bcould\s)top|(?<=\bwould\s)top|(?<=\bwill\s)top|(?<=\bmay\s)top"
        r"|(?<=\bmight\s)top|(?<=\bto\s)top|(?<=\bcan\s)top",
    ),
    (
        Qualifier.LESS_THAN,
        r"less\s+than|fewer\s+than|under|below|lower\s+than|south\s+of|shy\s+of|short\s+of",
    ),
    (
        Qualifier.APPROX,
        r"about|around|roughly|approximately|approx\.?|nearly|almost|some|an\s+estimated"
        r"|estimated|close\s+to|closer\s+to|circa|c\.|~|or\s+so|in\s+the\s+region\s+of|on\s+the\s+order\s+of"
        r"|somewhere\s+around|the\s+equivalent\s+of|an\s+approximate",
    ),
]
_QUALIFIER_BEFORE = re.compile(
    r"(?<![\w-])"
    r"(?:just\s+|well\s+|slightly\s+|a\s+little\s+|little\s+)?(?:"
    + "|".join(f"(?P<{q.name}>{pattern})" for q, pattern in _BEFORE)
    # "up to an additional 3.3 million shares": the hedge reaches over "an additional".
    + r")\s*(?:(?:an\s+additional|another|a\s+further|an\s+extra)\s+)?$",
    re.IGNORECASE,
)
_QUALIFIER_AFTER = re.compile(
    r"\s*(?:(?P<AT_LEAST>or\s+more|or\s+higher|or\s+greater|or\s+above|and\s+up|\+|-plus)"
    r"|(?P<APPROX>or\s+so))(?![\w])",
    re.IGNORECASE,
)


# "roughly a 26% premium", "nearly a 10% rise": a hedge before the article hedges the figure.
_HEDGE_BEFORE_ARTICLE = re.compile(
    r"(?<![\w-])(?:about|around|roughly|approximately|nearly|almost|close\s+to)\s+an?\s+$",
    re.IGNORECASE,
)


# Asked a few times for each number (its kind, its unit, its qualifier): read once.
@lru_cache(maxsize=1024)
def qualifier_before(text: str, start: int) -> tuple[Qualifier, int] | None:
    """The qualifier ending right before start, and where it begins."""
    m = _QUALIFIER_BEFORE.search(text, max(0, start - 40), start)
    if not m:
        hedge = _HEDGE_BEFORE_ARTICLE.search(text, max(0, start - 40), start)
        return (Qualifier.APPROX, hedge.start()) if hedge else None
    for q in Qualifier:
        if q.name in m.re.groupindex and m.group(q.name):
            return q, m.start()
    return None


# "shares climbed as high as $57", "the river fell as low as 2 metres": a peak or trough that a
# past verb says was reached is the figure observed, not a ceiling ("could go as high as").
_REACHED_EXTREME = re.compile(
    r"\b(?!(?:estimat|project|expect|predict|forecast|seen|guid)ed\b)"
    r"(?:[a-z]+ed|rose|fell|hit|sank|shot|ran|went|grew|traded)\s+as\s+(?:high|low)\s+as\s+$",
    re.IGNORECASE,
)
# "within a month", "within 48 hours": the most time allowed.
_WITHIN = re.compile(r"\bwithin\s+$", re.IGNORECASE)


def qualify(text: str, start: int, end: int, *, is_duration: bool = False) -> Qualifier:
    if is_duration and _WITHIN.search(text, max(0, start - 8), start):
        return Qualifier.UP_TO
    before = qualifier_before(text, start)
    if before:
        qualifier, q_start = before
        lead = text[q_start:start].strip().lower()
        # With time, "over" and "under" mean "during" far more often than "more/less than"
        # ("invest £11 billion over 10 years"), so they never qualify a duration.
        if is_duration and lead in ("over", "under"):
            return Qualifier.EXACT
        if _REACHED_EXTREME.search(text, max(0, start - 40), start):
            return Qualifier.EXACT
        return qualifier
    after = _QUALIFIER_AFTER.match(text, end)
    if after:
        return Qualifier.AT_LEAST if after.group("AT_LEAST") else Qualifier.APPROX
    return Qualifier.EXACT
