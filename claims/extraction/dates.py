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
    rf"|(?P<edge>(?i:end|close|start|beginning))\sof\s(?P<edge_y>{_YEAR})"
    rf")(?![\w%])"
)

# A month named alone after a preposition of time dates its occurrence nearest publication:
# "jobs added in January", "down 18% since March", "a vote expected in December". Full names
# only, and never before a figure or a capitalised word ("in April 2024" is read above, "in
# April Lee's report" names someone).
BARE_MONTH = re.compile(
    r"\b(?:[Ii]n|[Ss]ince|[Ff]rom|[Bb]y|[Uu]ntil|[Tt]ill|[Tt]hrough|[Ll]ast|[Dd]uring|[Bb]efore|[Aa]fter)"
    r"[ \u00a0](?P<month>January|February|March|April|May|June|July|August|September|October"
    r"|November|December)\b(?![ \u00a0]*(?:\d|[A-Z&’'-]))"
)

# Numeric and period forms. A slashed date is read only when unambiguous: "2024/03/04",
# "25/03/2024" (25 is no month), "03/25/2024", or in a text whose written dates show its order
# ("4 March" or "March 4"). "7.3.2024" is continental, day first. "Q3 2024", "H1 2024" and
# "FY24" date a year. Year ranges: "2014-2017", "2014 - 2017", "2013-14" (a season), "between
# 2014 and 2017".
NUMERIC_DATE = re.compile(
    rf"(?<![\w/.,-])(?:"
    rf"(?P<ymd_y>{_YEAR})/(?P<ymd_m>0?[1-9]|1[0-2])/(?P<ymd_d>[0-2]?\d|3[01])"
    rf"|(?P<sl_a>\d{{1,2}})/(?P<sl_b>\d{{1,2}})/(?P<sl_y>{_YEAR})"
    rf"|(?P<dot_d>\d{{1,2}})\.(?P<dot_m>\d{{1,2}})\.(?P<dot_y>{_YEAR})"
    rf"|(?:Q[1-4]|H[12]|FY)\s?(?P<q_y>{_YEAR})|FY(?P<fy>\d{{2}})"
    rf"|(?P<r1>{_YEAR})(?:[-–](?P<r2>{_YEAR}|\d{{2}})|[ \u00a0][-–][ \u00a0](?P<r4>{_YEAR})"
    rf"|\s+and\s+(?P<r3>{_YEAR}))"
    rf")(?![\w/]|[.,-]\d)"
)
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)

# The last of these words right before a year make it a date even when a name follows
# ("In 2023 Microsoft invested").
YEAR_PREPOSITION = re.compile(
    r"(?:\b(?:in|since|by|from|until|till|through|during|before|after|of|between|and|to|or|around|"
    r"circa|for|throughout|early|late|mid|fiscal|year|the\s+end\s+of|start\s+of)|[,(])\s*$",
    re.IGNORECASE,
)

# "its fiscal 2024 results", "the FY2025 guidance", "Q3 2024 earnings": a fiscal period that
# names a report rather than dating a claim. After a preposition it is a date again: "in
# fiscal 2024 revenue rose".
_REPORT_NOUN_AFTER = re.compile(
    r"[ \u00a0]+(?:results|earnings|guidance|outlook|forecasts?|budgets?|reports?|figures"
    r"|numbers|targets?|estimates?|plans?|revenues?|sales|profits?|loss(?:es)?|accounts"
    r"|statements?|filings?|updates?|reviews?|spending|deficit|surplus|season|dividends?)\b"
)
_FISCAL_WORDS = r"(?:(?:fiscal|financial)(?:[\s-]+year)?\s+)?"
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|during|for|since|through|throughout|until|till|by|from|before|after|of|over)\s+"
    r"(?:the\s+)?" + _FISCAL_WORDS + "$",
    re.IGNORECASE,
)
FISCAL_BEFORE = re.compile(
    r"(?:\b(?i:fiscal|financial)(?:[\s-]+(?i:year))?\s+|\b(?:Q[1-4]|H[12]|FY|CY)\s?)$"
)


# "revenue of $5 billion for fiscal year 2024", "a record for the fiscal year 2024": after a
# noun, the fiscal period says which results (a label; a fiscal year is no calendar year).
_LABEL_FOR = re.compile(
    r"[a-z0-9%)]\s+for\s+(?:the\s+)?(?i:fiscal|financial)(?:[\s-]+(?i:year))?\s+$"
)


def names_a_report(text: str, start: int, end: int) -> bool:
    """A fiscal period at text[start:end] used as the name of a report ("fiscal 2024 results",
    "revenue for fiscal year 2024")."""
    if _LABEL_FOR.search(text, max(0, start - 60), start):
        return True
    if not _REPORT_NOUN_AFTER.match(text, end):
        return False
    return not _PREPOSITION_BEFORE.search(text, max(0, start - 40), start)


# "Tuesday's share sale" dates the sale as "on Tuesday" would: the possessive is the weekday too.
WEEKDAY = re.compile(r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
# "its IPO Tuesday", "the NYSE Monday": an acronym before a weekday does not make a name of it
# as a capitalised word does ("Black Friday", "Super Tuesday").
ACRONYM_BEFORE = re.compile(r"(?<![\w.])[A-Z]{2,}[ \u00a0]+$")
# "draws are held every Monday, Wednesday and Saturday": a schedule that recurs dates no day.
_WEEKDAY_NAME = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
RECURRING_WEEKDAY = re.compile(
    rf"\b(?:every|each)\s+(?:{_WEEKDAY_NAME}(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+))*$",
    re.IGNORECASE,
)
FUTURE_WEEKDAY = re.compile(r"\b(?:next|coming|following|this\s+coming)\s+$", re.IGNORECASE)
# "The carrier expects more cancellations on Wednesday", "the vote will be held Thursday": a weekday a
# verb of the future points at is the coming one. A past event named in between ("will appeal
# the ruling issued on Monday") keeps its weekday in the past.
WEEKDAY_AHEAD = re.compile(
    r"\b(?:will|won['’]t|shall|expects?|(?:is|are)\s+expected|is\s+due|are\s+due|scheduled"
    r"|set\s+to|plans?\s+to|is\s+to|are\s+to|can|may|might|could(?!\s+(?:have|not)\b|n['’]t))"
    # The verb may stand well before its weekday: "will be shown to supporters at a gala
    # evening by the harbour on Friday".
    r"\s(?:(?!\b(?:after|since|following|before|last|earlier|ago|was|were|had|issued|made"
    r"|announced|said|began|started)\b)[^.;:!?\n]){0,75}$",
    re.IGNORECASE,
)
# "workers can return as soon as Wednesday": the earliest day something may happen is ahead.
EARLIEST_AHEAD = re.compile(
    r"\b(?:can|could|may|might|would)\s(?:(?!\b(?:have|had|was|were)\b)[^.;:!?\n]){0,40}"
    r"\bas\s+(?:soon|early)\s+as\s+(?:on\s+)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateHit:
    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None
    approx: bool = False
    year_high: int | None = None  # the end of a year range ("2019-2023")
    edge: bool = False  # the end or start of a year ("until the end of 2023"), a horizon


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
    if g("edge"):
        # "by the end of 2023" is its last month, "from the start of 2024" its first.
        month = 12 if g("edge").lower() in ("end", "close") else 1
        return DateHit(m.start(), m.end(), int(g("edge_y")), month, None, edge=True)
    return DateHit(m.start(), m.end(), int(g("py_y")), None, None, approx=True)


def read_numeric_date(text: str, m: re.Match[str], day_first: bool | None) -> DateHit | None:
    """A NUMERIC_DATE match as a date, or None when it is ambiguous or impossible.

    day_first is the order the text's written dates use, None when they do not tell.
    """
    g = m.group
    if g("ymd_y"):
        return DateHit(m.start(), m.end(), int(g("ymd_y")), int(g("ymd_m")), int(g("ymd_d")))
    if g("sl_y"):
        a, b = int(g("sl_a")), int(g("sl_b"))
        if a > 12 or (a != b and b <= 12 and day_first):
            a, b = b, a  # day first
        elif b > 12 or a == b or day_first is False:
            pass  # month first
        else:
            return None
        return DateHit(m.start(), m.end(), int(g("sl_y")), a, b)
    if g("dot_y"):
        return DateHit(m.start(), m.end(), int(g("dot_y")), int(g("dot_m")), int(g("dot_d")))
    if g("q_y") or g("fy"):
        year = int(g("q_y")) if g("q_y") else 2000 + int(g("fy"))
        return DateHit(m.start(), m.end(), year, None, None)
    low, high = int(g("r1")), g("r2") or g("r4") or g("r3")
    if g("r3") and not _BETWEEN.search(text, max(0, m.start() - 12), m.start()):
        return None  # "in 2019 and 2023" are two dates
    # "2023-24", "1990-95": the century is the low end's.
    high = low - low % 100 + int(high) if len(high) == 2 else int(high)
    if not low < high <= low + 100:
        return None
    return DateHit(m.start(), m.end(), low, None, None, year_high=high)


def valid(hit: DateHit) -> bool:
    if hit.year is None or hit.month is None or hit.day is None:
        return True
    try:
        dt.date(hit.year, hit.month, hit.day)
    except ValueError:
        return False
    return True


# A yearless date is read as its occurrence nearest the publication date, with a bias to the
# past: the next one wins only when it is closer and at most ~4 months ahead ("the season ends
# Nov. 30" in September), or, with a future cue in the sentence ("will", "ends", "is due",
# "next"), when it is at most ~8 months ahead and the last one is more than a month back.
_PAST_WINDOW_DAYS = 305
_FUTURE_WINDOW_DAYS = 122
_FUTURE_CUE_WINDOW_DAYS = 245
FUTURE_CUE = re.compile(
    r"\b(?:will|shall|ends|end|is\s+due|are\s+due|due|next|upcoming|coming|scheduled|expected"
    r"|plans?|planned|until|till|deadline)\b",
    re.IGNORECASE,
)


# "the most since January", "back in March": the month is behind the writer.
PAST_MONTH = re.compile(r"\b(?:since|back\s+in|earlier\s+in)\s+(?:early\s+|late\s+|mid-)?$", re.I)
# "the deepest trim since the league slashed output in March": what a "since" clause says was
# done is behind the writer, whatever the main clause foresees.
PAST_SINCE_CLAUSE = re.compile(
    r"\bsince\s+[^.;:,]{0,80}?\b[a-z]+ed\b[^.;:,]{0,60}?\bin\s+(?:early\s+|late\s+|mid-)?$", re.I
)


def year_near(
    month: int,
    day: int | None,
    published: dt.date,
    *,
    future_cue: bool = False,
    past_cue: bool = False,
) -> int | None:
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(dt.date(year, month, day or 1))
        except ValueError:
            continue
    if not candidates:
        return None
    past = max((d for d in candidates if d <= published), default=None)
    future = min((d for d in candidates if d > published), default=None)
    if past is not None and past_cue:
        return past.year  # "since January" in November: this year's, however far back
    if past is None or (published - past).days > _PAST_WINDOW_DAYS:
        return (future or candidates[-1]).year
    if future is not None:
        ahead, back = (future - published).days, (published - past).days
        if ahead <= _FUTURE_WINDOW_DAYS and ahead < back:
            return future.year
        if future_cue and ahead <= _FUTURE_CUE_WINDOW_DAYS and back > 31:
            return future.year
    return past.year


def year_on_or_after(month: int, day: int | None, anchor: dt.date) -> int | None:
    # A month alone is on or after the anchor when it is the anchor's month ("on Oct 5 ... the
    # decision in October").
    floor = anchor if day else anchor.replace(day=1)
    for year in (anchor.year, anchor.year + 1):
        try:
            if dt.date(year, month, day or 1) >= floor:
                return year
        except ValueError:
            continue
    return None


def weekday_from(weekday: int, published: dt.date) -> dt.date:
    """The next such weekday on or after the publication date."""
    return published + dt.timedelta(days=(weekday - published.weekday()) % 7)


def weekday_before(weekday: int, published: dt.date) -> dt.date:
    """The most recent such weekday on or before the publication date."""
    return published - dt.timedelta(days=(published.weekday() - weekday) % 7)


def iso(year: int, month: int | None, day: int | None) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"
