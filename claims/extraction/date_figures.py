"""Turning date mentions into date figures: years in context, weekdays, and yearless dates."""

from __future__ import annotations

import datetime as dt
import re

from . import dates, labels
from .candidates import Candidate, Spans
from .grammar import Atom
from .numbers import WORDS, parse_digits, parse_words
from .sentences import Sentences
from .types import Kind, Qualifier

_NEXT_CAPITALISED = re.compile(r"[ \u00a0]+([A-Z][\w&’'-]*)")
# "five years ago", "18 months ago": a date counted back from the publication date. A bare
# article ("a year ago") is left out: it mostly gives the base of a comparison ("up 5% from a
# year ago"), not a date the text claims.
_AGO = re.compile(
    rf"(?<![\w-])(?P<n>\d{{1,3}}|(?i:{WORDS}))[ \u00a0-]"
    r"(?P<unit>(?i:decades?|years?|months?|weeks?|days?))[ \u00a0]+(?i:ago)\b"
)
# "struck yesterday": the day before publication. "Today" is left out: in quotes and in
# "today's market" it mostly means now, not a day the text reports on.
_YESTERDAY = re.compile(r"(?<![\w-])(?i:yesterday)\b")


# "the Securities Exchange Act of 1934": the year is part of the law's name.
_LAW_OF = re.compile(r"\b(?:Act|Acts|Code|Convention|Treaty)[ \u00a0]+of[ \u00a0]+$")
# "Copyright Harbour Wire, 2016", "© 2016": the year of a copyright notice dates no claim.
_COPYRIGHT = re.compile(r"(?:©|\([cC]\)|\b[Cc]opyright\b)[^\n.;]{0,60}$")


_DIGIT_GROUP_AFTER = re.compile(r"[ \u00a0]\d{3,4}(?![\d,.])")
_DIGIT_GROUP_BEFORE = re.compile(r"(?<![\d,.])\d{3,4}[ \u00a0]$")


def is_year_like(atom: Atom) -> bool:
    return atom.plain_int and not atom.spelled and 1800 <= atom.written <= 2100


def year(text: str, atom: Atom) -> dates.DateHit | None:
    """A four-digit number read as a year, unless it is attached to a name ("2023 Microsoft Ignite")."""
    if not is_year_like(atom):
        return None
    end = atom.num_start + 4
    if dates.FISCAL_BEFORE.search(text, max(0, atom.start - 24), atom.start) and (
        dates.names_a_report(text, atom.start, end)
    ):
        return None
    if _LAW_OF.search(text, max(0, atom.start - 12), atom.start):
        return None
    if _COPYRIGHT.search(text, max(0, atom.start - 70), atom.start):
        return None
    if _DIGIT_GROUP_AFTER.match(text, end) or _DIGIT_GROUP_BEFORE.search(
        text, max(0, atom.start - 8), atom.start
    ):
        return None  # a group of a phone number ("call 1800 555 0134"), no year
    opened = dates.YEAR_PREPOSITION.search(text, max(0, atom.start - 24), atom.start)
    nxt = _NEXT_CAPITALISED.match(text, end)
    if nxt and not opened:
        word = nxt.group(1).rstrip(".").lower()
        if word not in dates.MONTH_NAMES and word not in dates.WEEKDAY_NAMES:
            return None
    return dates.DateHit(atom.start, end, int(atom.written), None, None)


# "on March 8 and 9.": a second day after "and" is in the month of the date before it; not
# "March 8 and 9 people", a count.
_AND_DAY = re.compile(r"[ \u00a0]and[ \u00a0](?P<day>[12]\d|3[01]|0?[1-9])(?=[.,;:)!?]|\s*$)")


def _second_days(text: str, matches: list[re.Match[str]]) -> list[dates.DateHit]:
    found = []
    for m in matches:
        if not m.group("md_m") or m.group("md_y"):
            continue
        second = _AND_DAY.match(text, m.end())
        if second and int(second.group("day")) > int(re.match(r"\d+", m.group("md_d")).group()):
            month = dates.MONTH_NAMES[m.group("md_m").rstrip(".").lower()]
            day = int(second.group("day"))
            found.append(dates.DateHit(second.start("day"), second.end("day"), None, month, day))
    return found


def month_dates(text: str) -> list[dates.DateHit]:
    """Dates written with a month name, then numeric ones ("25/03/2024", "Q3 2024", "2019-2023")."""
    matches = list(dates.DATE.finditer(text))
    hits = [h for h in map(dates.read_date, matches) if dates.valid(h)]
    hits += [h for h in _second_days(text, matches) if dates.valid(h)]
    # The order the text's own dates use settles "03/04/2024".
    day_first = sum(1 for m in matches if m.group("dm_m"))
    month_first = sum(1 for m in matches if m.group("md_m"))
    order = None if day_first == month_first else day_first > month_first
    taken = Spans([(h.start, h.end) for h in hits])
    for m in dates.BARE_MONTH.finditer(text):
        if not taken.overlaps(m.start("month"), m.end("month")):
            month = dates.MONTH_NAMES[m.group("month").lower()]
            hits.append(dates.DateHit(m.start("month"), m.end("month"), None, month, None))
    taken = Spans([(h.start, h.end) for h in hits])
    for m in dates.NUMERIC_DATE.finditer(text):
        hit = dates.read_numeric_date(text, m, order)
        if hit and (m.group("q_y") or m.group("fy")) and dates.names_a_report(text, *m.span()):
            continue
        if hit and dates.valid(hit) and not taken.overlaps(hit.start, hit.end):
            hits.append(hit)
    return hits


def weekdays(text: str, published: dt.date, taken: Spans) -> list[Candidate]:
    """Weekdays as the latest such day on or before publication ("on Monday"), or the next one
    on or after it where a verb of the future points at it ("will vote on Monday")."""
    found = []
    for m in dates.WEEKDAY.finditer(text):
        if taken.overlaps(m.start(), m.end()):
            continue
        named = labels.named_by_previous_word(text, m.start())
        if named and not dates.ACRONYM_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue  # "Black Friday", "Super Tuesday"
        if dates.FUTURE_WEEKDAY.search(text, max(0, m.start() - 24), m.start()):
            continue
        if dates.RECURRING_WEEKDAY.search(text, max(0, m.start() - 60), m.start()):
            continue
        if taken.overlaps(m.end(), m.end() + 3):
            continue  # "Monday, Feb. 26": the date that follows carries the value
        weekday = dates.WEEKDAY_NAMES[m.group("wd").lower()]
        if dates.WEEKDAY_AHEAD.search(
            text, max(0, m.start() - 80), m.start()
        ) or dates.EARLIEST_AHEAD.search(text, max(0, m.start() - 80), m.start()):
            day = dates.weekday_from(weekday, published)
        else:
            day = dates.weekday_before(weekday, published)
        found.append(Candidate(m.start(), m.end(), Kind.DATE, date=day.isoformat()))
    return found


def _anchor(hits: list[dates.DateHit], text: str = "") -> dt.date | None:
    """The latest explicit month an undated article mentions.

    The end or start of a year is a horizon ("cuts last until the end of 2023"), not when the
    article was written, so it does not count; nor does a bare year, mostly an earlier one
    compared with ("the best result since 2019"), nor a month a record runs since ("the
    lowest since March 2019"): "July 4" in such an article is left unread rather than put in
    that year. Nor does the day of a past event a record is measured by ("the worst flood
    before it came on October 12, 1987"): it is background, and reading a later yearless
    day in the year after it would invent a year."""
    precise = [
        dt.date(h.year, h.month, h.day or 1)
        for h in hits
        if h.year
        and h.month
        and not h.edge
        and not _SINCE_BEFORE.search(text, max(0, h.start - 12), h.start)
        and not _RECORD_BEFORE.search(text, _sentence_start(text, h.start), h.start)
    ]
    return max(precise) if precise else None


# A record the date is the past instance of: "the deadliest quake before it struck on ...".
_RECORD_BEFORE = re.compile(
    r"\b(?:worst|deadliest|strongest|biggest|largest|most\s+(?:powerful|severe|destructive))\b",
    re.IGNORECASE,
)


def _sentence_start(text: str, at: int) -> int:
    return max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1


_SINCE_BEFORE = re.compile(r"\bsince\s+(?:(?:early|late|mid)[- ]?\s*)?$", re.IGNORECASE)


def _future_cue(text: str, sentences: Sentences, start: int) -> bool:
    """A verb or word in the sentence before the date that points ahead ("will", "ends", "next")."""
    s0, _ = sentences.around(start)
    return bool(dates.FUTURE_CUE.search(text, max(s0, start - 150), start))


# "until at least Sept. 29": the earliest the date may be.
_AT_LEAST_BEFORE = re.compile(r"\b(?:at\s+the\s+earliest|at\s+least|no\s+earlier\s+than)\s+$", re.I)


# A span of years written in full, "2014-2017": read as its two years. "2013-14" (a season)
# and "between 2014 and 2017" stay one date.
_FULL_YEAR_SPAN = re.compile(r"(?P<low>\d{4})(?:[-–]|[ \u00a0][-–][ \u00a0])(?P<high>\d{4})")


def date_candidates(
    hits: list[dates.DateHit],
    published: dt.date | None,
    text: str = "",
    sentences: Sentences | None = None,
) -> list[Candidate]:
    """Dates with their year settled: from the text, the publication date, or the article's latest month."""
    anchor = None if published else _anchor(hits, text)
    out = []
    for h in hits:
        resolved = h.year
        if resolved is None and published:
            cue = sentences is not None and _future_cue(text, sentences, h.start)
            since = bool(
                dates.PAST_MONTH.search(text, max(0, h.start - 20), h.start)
                or dates.PAST_SINCE_CLAUSE.search(text, max(0, h.start - 160), h.start)
            )
            resolved = dates.year_near(h.month, h.day, published, future_cue=cue, past_cue=since)
        elif resolved is None and anchor:
            resolved = dates.year_on_or_after(h.month, h.day, anchor)
        if resolved is None:
            continue
        qualifier = Qualifier.APPROX if h.approx else Qualifier.EXACT
        if not h.approx and _AT_LEAST_BEFORE.search(text, max(0, h.start - 24), h.start):
            qualifier = Qualifier.AT_LEAST
        iso = dates.iso(resolved, h.month, h.day)
        span = _FULL_YEAR_SPAN.fullmatch(text, h.start, h.end) if h.year_high and text else None
        if span:
            # "the 2014-2017 model years" is written as "2014 through 2017" is: two years, each
            # its own date (the last one is what a later or wider span disagrees on).
            for year in ("low", "high"):
                out.append(
                    Candidate(
                        span.start(year), span.end(year), Kind.DATE, date=span.group(year),
                        qualifier=qualifier,
                    )
                )  # fmt: skip
            continue
        high = dates.iso(h.year_high, None, None) if h.year_high else None
        out.append(
            Candidate(
                h.start,
                h.end,
                Kind.DATE,
                date=iso,
                date_high=high,
                qualifier=qualifier,
            )
        )
    return out


# "5% higher than three years ago": a comparison of the figure before, not a hedge of the date.
_COMPARISON = re.compile(r"\b(?:higher|lower|greater|bigger|smaller|larger)\s+than\s+$")


def ago_dates(text: str, published: dt.date) -> list[Candidate]:
    """ "five years ago", "two months ago", "10 days ago", "yesterday": dates counted back from
    publication.

    The date keeps the precision of its unit: years (and decades) give a year, months a
    month, weeks and days a day.
    """
    found = []
    for m in _AGO.finditer(text):
        raw = m.group("n")
        n = parse_digits(raw) if raw[0].isdigit() else parse_words(raw)
        if not n:
            continue
        count, unit = int(n), m.group("unit").lower().rstrip("s")
        if unit in ("decade", "year"):
            iso = f"{published.year - count * (10 if unit == 'decade' else 1):04d}"
        elif unit == "month":
            months = published.year * 12 + published.month - 1 - count
            iso = f"{months // 12:04d}-{months % 12 + 1:02d}"
        else:
            days = count * (7 if unit == "week" else 1)
            iso = (published - dt.timedelta(days=days)).isoformat()
        # "5% higher than three years ago" compares the figure before; the date is exact.
        compared = _COMPARISON.search(text, max(0, m.start() - 20), m.start())
        qualifier = Qualifier.EXACT if compared else None  # None: read from the text
        found.append(Candidate(m.start(), m.end(), Kind.DATE, date=iso, qualifier=qualifier))
    day_before = (published - dt.timedelta(days=1)).isoformat()
    for m in _YESTERDAY.finditer(text):
        found.append(Candidate(m.start(), m.end(), Kind.DATE, date=day_before))
    return found
