"""Calendar dates: month-day forms, month-year, years, weekdays, and picking the year a text means."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTH_NAMES = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}  # fmt: skip
WEEKDAY_NAMES = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip

# Month names are matched capitalised only: "may" and "march" are also a verb.
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|,\d)"
_YEAR = r"(?:1[89]\d\d|20\d\d|2100)(?![\d])"

DATE = re.compile(
    rf"(?<![\w-])(?:"
    rf"(?P<iso>(?P<iso_y>{_YEAR})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>[0-2]\d|3[01]))(?!\d)"
    rf"|(?P<md_m>{_MONTH})\s(?P<md_d>{_DAY})(?:,?\s(?P<md_y>{_YEAR}))?"
    rf"|(?P<dm_d>{_DAY})(?:\sof)?\s(?P<dm_m>{_MONTH})(?:,?\s(?P<dm_y>{_YEAR}))?"
    rf"|(?P<part>mid|early|late)[-\s](?P<pm_m>{_MONTH})(?:\s(?P<pm_y>{_YEAR}))?"
    rf"|(?P<my_m>{_MONTH})(?:\sof)?,?\s(?P<my_y>{_YEAR})"
    rf"|(?P<py_part>mid|early|late)[-\s](?P<py_y>{_YEAR})"
    rf")(?![\w%])"
)

# The last of these words right before a year make it a date even when a name follows
# ("In 2023 Microsoft invested").
YEAR_PREPOSITION = re.compile(
    r"(?:\b(?:in|since|by|from|until|till|through|during|before|after|of|between|and|to|or|around|"
    r"circa|for|throughout|early|late|mid|fiscal|year|the\s+end\s+of|start\s+of)|[,(])\s*$",
    re.IGNORECASE,
)

# "Friday's close" names an event rather than dating a claim.
WEEKDAY = re.compile(
    r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!['’]s\b)"
)
FUTURE_WEEKDAY = re.compile(r"\b(?:next|coming|following|this\s+coming)\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class DateHit:
    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None
    approx: bool = False


def _month(name: str) -> int:
    return MONTH_NAMES[name.rstrip(".").lower()]


def _day(raw: str) -> int:
    return int(re.match(r"\d+", raw).group())


def read_date(m: re.Match[str]) -> DateHit:
    g = m.group
    if g("iso"):
        return DateHit(m.start(), m.end(), int(g("iso_y")), int(g("iso_m")), int(g("iso_d")))
    if g("md_m"):
        year = int(g("md_y")) if g("md_y") else None
        return DateHit(m.start(), m.end(), year, _month(g("md_m")), _day(g("md_d")))
    if g("dm_m"):
        year = int(g("dm_y")) if g("dm_y") else None
        return DateHit(m.start(), m.end(), year, _month(g("dm_m")), _day(g("dm_d")))
    if g("pm_m"):
        year = int(g("pm_y")) if g("pm_y") else None
        return DateHit(m.start(), m.end(), year, _month(g("pm_m")), None, approx=True)
    if g("my_m"):
        return DateHit(m.start(), m.end(), int(g("my_y")), _month(g("my_m")), None)
    return DateHit(m.start(), m.end(), int(g("py_y")), None, None, approx=True)


def valid(hit: DateHit) -> bool:
    if hit.year is None or hit.month is None or hit.day is None:
        return True
    try:
        dt.date(hit.year, hit.month, hit.day)
    except ValueError:
        return False
    return True


# A yearless date is read as the most recent such day up to ~10 months back, else the next one.
_PAST_WINDOW_DAYS = 305


def year_near(month: int, day: int | None, published: dt.date) -> int | None:
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(dt.date(year, month, day or 1))
        except ValueError:
            continue
    if not candidates:
        return None
    past = [d for d in candidates if d <= published and (published - d).days <= _PAST_WINDOW_DAYS]
    if past:
        return max(past).year
    return min((d for d in candidates if d > published), default=candidates[-1]).year


def year_on_or_after(month: int, day: int | None, anchor: dt.date) -> int | None:
    for year in (anchor.year, anchor.year + 1):
        try:
            if dt.date(year, month, day or 1) >= anchor:
                return year
        except ValueError:
            continue
    return None


def weekday_before(weekday: int, published: dt.date) -> dt.date:
    """The most recent such weekday on or before the publication date."""
    return published - dt.timedelta(days=(published.weekday() - weekday) % 7)


def iso(year: int, month: int | None, day: int | None) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"
