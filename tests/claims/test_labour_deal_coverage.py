"""Coverage of a labour deal and of what it follows (a strike, its months): a contract's length
in words and a half, a month named alone, and pay per hour kept apart from a cost per item."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from claims import comparison
from tests.claims.extraction.helpers import figures, only_figure, summary
from tests.claims.stories import read_figure


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The Tessal depot lease runs for six-and-a-half years.",
            ("six-and-a-half years", "duration", "6.5", "years", "exact"),
        ),
        (
            "The pact runs for three and a half years.",
            ("three and a half years", "duration", "3.5", "years", "exact"),
        ),
        (
            "Drivers faced a two-and-a-half-hour wait at the border.",
            ("two-and-a-half-hour", "duration", "2.5", "hours", "exact"),
        ),
    ],
)
def test_a_spelled_number_and_a_half(sentence, expected):
    assert summary(only_figure(sentence)) == expected


def test_a_length_left_out_after_from_is_the_length_before_it():
    found = figures("Orvane Clinics shortened the wait for a scan to two weeks from six.")
    assert [summary(f) for f in found] == [
        ("two weeks", "duration", "2", "weeks", "exact"),
        ("six", "duration", "6", "weeks", "exact"),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Orvane Mills cut 300 jobs in March.", "2025-03"),
        ("Shares of Kelbrook have fallen 12% since January.", "2025-01"),
        ("The Tessal union plans a vote in September.", "2025-09"),  # ahead, with a cue
    ],
)
def test_a_month_named_alone_after_a_preposition_is_a_date(sentence, expected):
    found = [f for f in figures(sentence, published=date(2025, 7, 10)) if f.kind.value == "date"]
    assert [f.value for f in found] == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "The grant was signed in April Halley's office.",  # a person named April
        "The strike began in May 2024.",  # read with its year, once
        "Sales may rise, said Dana March of Velta Labs.",
    ],
)
def test_a_month_word_that_is_a_name_or_already_dated_is_not_read_twice(sentence):
    found = [f for f in figures(sentence, published=date(2025, 7, 10)) if f.kind.value == "date"]
    assert [f.text for f in found] == (["May 2024"] if "2024" in sentence else [])


def test_pay_per_hour_and_a_cost_per_vehicle_have_their_own_scopes():
    text = (
        "Under the Brackton Motors deal the top wage rises to $38 an hour, and the pact adds"
        " $700 per vehicle to Brackton's labour costs."
    )
    wage = read_figure(text, "$38", kind="money", unit="USD")
    cost = read_figure(text, "$700", kind="money", unit="USD")
    assert wage.scope == "per hour"
    assert cost.scope == "per vehicle"


def test_a_change_next_to_an_hourly_wage_is_no_rate():
    text = "Senior nurses' pay climbs 22% to $31 an hour, while trainees gain 45% to $19."
    change = read_figure(text, "45%", kind="percent", unit="percent")
    assert change.scope == ""


def test_days_are_counted_not_rounded():
    thirty = comparison.Reading(number=Decimal(30), unit="days", kind="duration", text="30 days")
    thirty_one = comparison.Reading(number=Decimal(31), unit="days", kind="duration", text="31-day")
    about_thirty = comparison.Reading(
        number=Decimal(30), unit="days", kind="duration", text="30 days", qualifier="approx"
    )
    assert not comparison.compare(thirty, thirty_one).agree
    assert comparison.compare(about_thirty, thirty_one).agree


def test_a_paragraph_opening_with_a_place_and_a_dash_is_a_dateline_not_the_entity():
    text = (
        "Port Halden — Brackton Motors and the Metalworkers Union said on Tuesday they had"
        " ended a 38-day strike."
    )
    found = read_figure(text, "38-day", kind="duration", unit="days")
    assert "Halden" not in found.line
    assert found.line.startswith("Brackton")


def test_a_cost_of_living_raise_is_no_cost():
    text = "Cost-of-living adjustments will lift the Tessal nurses' pay to $52 an hour."
    found = read_figure(text, "$52", kind="money", unit="USD")
    assert found.measure != "cost"


def test_in_a_strike_story_the_day_something_started_is_the_strike_s():
    text = (
        "The Metalworkers Union ended its strike at Brackton Motors. “Everything started at"
        " two mills on May 2,” its leader Ines Marr said of the strike."
    )
    found = read_figure(text, "May 2", kind="date", published=date(2025, 6, 10))
    assert found.measure == "strike"
    founded = read_figure(
        "Brackton Motors, which started in Tessal on May 2, 1988, makes vans.",
        "May 2, 1988",
        kind="date",
    )
    assert founded.measure == "founding"


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Dock workers at Marlow Freight backed a three-year deal on Sunday.", "three-year"),
        (
            "The Harbor Workers Union said members will win larger wage increases over the next three"
            " and a half years than in the past decade.",
            "three and a half years",
        ),
    ],
)
def test_a_contract_s_length_is_one_measure_of_the_story(text, figure):
    found = read_figure(text, figure, kind="duration", unit="years")
    assert found.measure == "contract length"
    assert found.key == "|contract length|||"  # whichever party the clause names


def test_a_length_of_time_of_no_contract_is_no_contract_length():
    found = read_figure(
        "Marlow Freight will invest $40 million over the next three years.",
        "three years",
        kind="duration",
        unit="years",
    )
    assert found.measure != "contract length"


def test_a_raise_named_after_its_figure_is_a_raise_whatever_vote_came_before():
    text = (
        "Dockers at Halvard Port went on strike. Members backed by 61 per cent an offer that"
        " grants dockers a 27 per cent pay hike over three years."
    )

    found = read_figure(text, "27 per cent", kind="percent", unit="percent")

    assert found.measure == "wages change"


def test_a_strike_s_cost_a_day_reckoned_by_analysts_is_a_cost_per_day():
    text = (
        "Dockers at Halvard Port went on strike. Analysts reckon the strike is costing the"
        " port $4 million a day in missed fees."
    )

    found = read_figure(text, "$4 million", kind="money", unit="USD")

    assert found.scope == "per day"
