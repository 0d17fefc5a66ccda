"""A strike's figures: how long it lasted, how long it had lasted when a report counted, the
contract ending it, and the workers a union represents against those a stoppage idles."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from claims import comparison
from claims.models import Fact
from tests.claims.stories import claim, publish, read_figure

_STRIKE = "Dockers at Halvard Port went on strike. The strike closed the port. "


def _two_reports(make_article, first_sentence, second_sentence):
    """Two outlets' reports of the strike on consecutive days, each adding one sentence."""
    first = publish(
        make_article, _STRIKE + first_sentence, outlet="City Desk", published=date(2025, 5, 6)
    )
    second = publish(
        make_article, _STRIKE + second_sentence, outlet="Market Daily", published=date(2025, 5, 7)
    )
    return first, second


@pytest.mark.parametrize(
    ("text", "figure", "measure"),
    [
        ("Dockers ended a six-week strike at Halvard Port.", "six-week", "strike length"),
        (
            "The walkout idled the Halvard Port cranes for 41 days.",
            "41 days",
            "strike length",
        ),
        ("Dockers ended a nearly two-month long strike.", "two-month", "strike length"),
        ("After nearly two months, the dock strike is over.", "two months", "strike length"),
        ("At 41 days, the stoppage outlasted the one before it.", "41 days", "strike length"),
        (
            "Dockers ended a long strike that had badly slowed shipping at the port for nearly two months.",
            "two months",
            "strike length",
        ),
        (
            "The dockers' strike, which has lasted for more than a month, closed the port.",
            "a month",
            "strike length so far",
        ),
        ("It was the dockers' first strike in 12 years.", "12 years", "time since last strike"),
        (
            "It was the costliest walkout in the country in more than 20 years.",
            "20 years",
            "record span",
        ),
        (
            "Dockers at Halvard Port backed a three-year deal on Sunday.",
            "three-year",
            "contract length",
        ),
    ],
)
def test_a_length_of_time_is_measured_by_what_it_is_of(text, figure, measure):
    found = read_figure(text, figure, kind="duration", unit=figure.split()[-1].split("-")[-1])
    assert found.measure == measure


def _days(number, unit, text):
    return comparison.Reading(number=Decimal(number), unit=unit, kind="duration", text=text)


def test_a_length_in_a_coarser_unit_counts_the_whole_units_gone_by():
    six_weeks = _days(6, "weeks", "six weeks")
    assert comparison.compare(six_weeks, _days(45, "days", "45 days")).agree
    assert comparison.compare(_days(45, "days", "45 days"), six_weeks).agree
    assert not comparison.compare(six_weeks, _days(50, "days", "50 days")).agree
    assert not comparison.compare(_days(4, "weeks", "4 weeks"), _days(5, "weeks", "5 weeks")).agree


def test_whole_weeks_or_months_of_one_stoppage_round_down_or_to_the_nearest():
    # A stoppage of seven and a half weeks is "seven weeks" to one writer, "eight weeks" to the
    # next: one step of a small count of coarse units is a rounding, not a dispute.
    seven_weeks = _days(7, "weeks", "seven weeks")
    assert comparison.compare(seven_weeks, _days(8, "weeks", "eight-week")).agree
    assert comparison.compare(_days(8, "weeks", "eight-week"), seven_weeks).agree
    assert comparison.compare(
        _days(9, "months", "nine months"), _days(10, "months", "ten months")
    ).agree
    assert not comparison.compare(seven_weeks, _days(9, "weeks", "nine weeks")).agree
    assert not comparison.compare(
        _days(1, "years", "one year"), _days(2, "years", "two years")
    ).agree
    # Days are counted, not rounded.
    assert not comparison.compare(_days(41, "days", "41 days"), _days(42, "days", "42 days")).agree


def test_a_strike_s_length_in_weeks_rounded_two_ways_is_no_dispute(make_article):
    first, second = _two_reports(
        make_article,
        "Dockers voted to end a seven-week strike at the port.",
        "Cranes moved again after an eight-week strike at the port.",
    )

    assert claim(first, "seven-week").fact == claim(second, "eight-week").fact
    assert Fact.objects.filter(agreement=Fact.Agreement.DISPUTED).count() == 0


def test_about_a_few_months_is_half_a_month_either_way_in_weeks_or_days():
    def about(number, unit, text):
        return replace(_days(number, unit, text), qualifier="approx")

    nearly_two_months = about(2, "months", "two months")
    assert comparison.compare(nearly_two_months, _days(51, "days", "51 days")).agree
    assert comparison.compare(_days(7, "weeks", "seven weeks"), nearly_two_months).agree
    assert comparison.compare(nearly_two_months, _days(8, "weeks", "eight weeks")).agree
    assert not comparison.compare(nearly_two_months, _days(13, "weeks", "13 weeks")).agree
    assert not comparison.compare(
        _days(2, "months", "two months"), _days(5, "weeks", "five weeks")
    ).agree
    assert comparison.compare(_days(1, "years", "a year"), _days(12, "months", "12 months")).agree


@pytest.mark.parametrize(
    ("sentence", "unit", "scope"),
    [
        ("The union, representing 12,000 machinists, met on Friday.", "machinists", "represented"),
        ("The 12,000 union members will return on Monday.", "members", "represented"),
        ("Officials said the striking 12,000 workers cut output.", "workers", "idled"),
        ("The strike has idled more than 12,000 workers.", "workers", "idled"),
        ("Some 12,000 workers will return on Monday.", "workers", ""),
        ("More than 12,000 union members voted, backing the deal.", "members", "voted"),
    ],
)
def test_in_a_strike_story_a_headcount_says_which_workforce_it_is(sentence, unit, scope):
    text = _STRIKE + sentence
    found = read_figure(text, "12,000", kind="count", unit=unit, sentence_start=len(_STRIKE))
    assert found.measure == "jobs"
    assert found.scope == scope


def test_a_contract_s_term_and_a_strike_s_length_are_two_facts(make_article):
    first, second = _two_reports(
        make_article,
        "The deal gives the dockers a 30% raise over three years.",
        "The vote ended a nearly two-month long strike at the port.",
    )

    assert claim(first, "three years").fact != claim(second, "two-month").fact
    assert Fact.objects.filter(agreement=Fact.Agreement.DISPUTED).count() == 0


def test_a_strike_s_length_in_days_and_in_weeks_is_one_fact_without_a_dispute(make_article):
    first, second = _two_reports(
        make_article,
        "The walkout idled the port for 45 days.",
        "Dockers voted to end a six-week strike at the port.",
    )

    assert claim(first, "45 days").fact == claim(second, "six-week").fact
    assert Fact.objects.filter(agreement=Fact.Agreement.DISPUTED).count() == 0


def test_a_union_s_members_and_the_workers_a_strike_idles_are_two_facts(make_article):
    first, second = _two_reports(
        make_article,
        "The union, representing 12,000 machinists, backed the deal.",
        "Officials said the strike has idled more than 15,000 workers.",
    )

    assert claim(first, "12,000 machinists").fact != claim(second, "15,000 workers").fact
    assert Fact.objects.filter(agreement=Fact.Agreement.DISPUTED).count() == 0


def test_the_members_who_voted_and_the_members_on_strike_are_two_facts(make_article):
    first, second = _two_reports(
        make_article,
        "The 12,000 union members will return on Monday.",
        "More than 9,600 union members voted, with 61% backing the offer.",
    )

    assert claim(first, "12,000 union members").fact != claim(second, "9,600 union members").fact
    assert Fact.objects.filter(agreement=Fact.Agreement.DISPUTED).count() == 0


def test_records_of_different_superlatives_are_two_facts(make_article):
    first, second = _two_reports(
        make_article,
        "It was the port's worst strike in 14 years.",
        "It was the costliest walkout the country had seen in more than 30 years.",
    )

    assert claim(first, "14 years").fact != claim(second, "30 years").fact
    assert Fact.objects.filter(agreement=Fact.Agreement.DISPUTED).count() == 0


def test_one_report_giving_a_strike_s_length_in_weeks_and_in_days_states_one_figure(make_article):
    first, second = _two_reports(
        make_article,
        "Cranes moved again after an eight-week strike. At 54 days, the strike was the longest.",
        "Dockers voted to end a seven-week strike at the port.",
    )

    assert claim(first, "eight-week").fact == claim(first, "54 days").fact
    assert claim(first, "54 days").fact == claim(second, "seven-week").fact
    assert Fact.objects.filter(agreement=Fact.Agreement.DISPUTED).count() == 0
