"""The day a running count of a disaster (its dead, its injured) is reported as of.

A toll rises from one official update to the next: each day's toll is a fact of its own, and
outlets giving one day's toll with different numbers disagree. The day is the one the figure's
sentence states ("rose to 146 on Tuesday", "as of 10 March"), else the day the article reports
as of: the latest day it names, leaving out the first, which dates the event itself ("Monday's
quake"); else the publication date. Pure Python, like claims.about.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from claims.extraction import dates

# "as of Sunday", "by 10 March": the day a count stands at, even the event's own.
_AS_OF = re.compile(r"\b(?:as of|as at|by)\s+$", re.IGNORECASE)


def reported_day(
    body: str,
    published: dt.date | None,
    sentence_start: int,
    sentence_end: int,
    figure_end: int | None = None,
) -> dt.date | None:
    """The day the count in body[sentence_start:sentence_end] is reported as of; `figure_end`:
    where the count ends, when known."""
    if published is None:
        return None  # a weekday dates nothing without the day it was written
    named = _days_named(body, published)
    if not named:
        return published
    event_day = min(day for _, day, _ in named)
    in_sentence = [
        day
        for start, day, as_of in named
        if sentence_start <= start < sentence_end
        and (as_of or day != event_day or _reached_on(body, figure_end, start))
    ]
    if in_sentence:
        return max(in_sentence)
    later = [day for _, day, _ in named if day != event_day]
    return max(later) if later else published


def stated_day(
    body: str, published: dt.date | None, sentence_start: int, sentence_end: int
) -> dt.date | None:
    """The day a count's sentence says it stands as of ("by Friday", "as of 10 March"); None
    when it says none."""
    if published is None:
        return None
    days = [
        day
        for start, day, as_of in _days_named(body, published)
        if as_of and sentence_start <= start < sentence_end
    ]
    return max(days) if days else None


# "the toll reached 42 on Monday night": the day a count reached, written right after it.
_REACHED_ON = re.compile(r"\s+(?:[a-z]+\s+){0,2}?on\s+$")


def _reached_on(body: str, figure_end: int | None, day_start: int) -> bool:
    """Whether the day follows the count in its clause ("rose to 42 on Monday"): the day of the
    count, even when no earlier day of the story is named."""
    return figure_end is not None and bool(_REACHED_ON.fullmatch(body[figure_end:day_start]))


@lru_cache(maxsize=64)
def _days_named(body: str, published: dt.date) -> tuple[tuple[int, dt.date, bool], ...]:
    """(where, which day, stated "as of") of each weekday and full date the body names, up to
    its publication (a day ahead is a plan, not a report)."""
    found = []
    for m in dates.WEEKDAY.finditer(body):
        weekday = dates.WEEKDAY_NAMES[m.group("wd").lower()]
        found.append((m.start(), dates.weekday_before(weekday, published)))
    for m in dates.DATE.finditer(body):
        hit = dates.read_date(m)
        if hit.month is None or hit.day is None:
            continue
        year = hit.year or dates.year_near(hit.month, hit.day, published)
        try:
            found.append((m.start(), dt.date(year, hit.month, hit.day)))
        except (TypeError, ValueError):
            continue
    return tuple(
        (start, day, bool(_AS_OF.search(body[max(0, start - 12) : start])))
        for start, day in sorted(found)
        if day <= published
    )


def label(day: dt.date) -> str:
    """The day as a subject line shows it: "10 March 2024"."""
    return f"{day.day} {day:%B %Y}"


# Outlets date one update of a count a day or two apart: the evening it was given, the
# morning it was printed, the day a weekly edition went out.
NEAR_DAYS = 2


def parse_label(text: str) -> dt.date | None:
    """The day a label (see `label`) names, or None for any other reference."""
    try:
        return dt.datetime.strptime(text, "%d %B %Y").replace(tzinfo=dt.UTC).date()
    except ValueError:
        return None


def near_days(label_a: str, label_b: str) -> bool:
    """Whether two labels (see `label`) are days at most NEAR_DAYS apart."""
    a, b = parse_label(label_a), parse_label(label_b)
    if a is None or b is None:
        return False
    return abs((a - b).days) <= NEAR_DAYS
