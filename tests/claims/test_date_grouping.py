"""Dates across a story's outlets: what a date marks, and which dates state one fact."""

from __future__ import annotations

from datetime import date

import pytest

from claims.models import Fact
from tests.claims.extraction.helpers import figures, only_figure
from tests.claims.stories import claim, publish, read_figure

ELECTION = (
    "The Verdant Party won the Lorimar general election with 288 seats, up from 190 in 2021."
    " Its share of the vote rose to 41% from 35% in 2021."
)
ELECTION_AGAIN = (
    "The Verdant Party swept the Lorimar general election. Turnout was 61%, down from 66% in"
    " 2021, and the party took 288 seats."
)


def test_a_bare_year_outlets_compare_with_is_one_fact(make_article):
    first = publish(make_article, ELECTION, outlet="Lorimar Post", published=date(2026, 5, 8))
    second = publish(
        make_article, ELECTION_AGAIN, outlet="Harbour Times", published=date(2026, 5, 8)
    )

    years = list(first.claims.filter(text="2021")) + list(second.claims.filter(text="2021"))
    assert len(years) == 3
    assert len({year.fact_id for year in years}) == 1


def test_a_record_s_year_is_not_the_year_of_a_past_result(make_article):
    first = publish(
        make_article,
        "The Verdant Party won the Lorimar general election with 288 seats. Turnout of 52% was"
        " the lowest since 2009.",
        outlet="Lorimar Post",
        published=date(2026, 5, 8),
    )
    second = publish(
        make_article,
        "The Verdant Party won the Lorimar general election with 288 seats, more than its 230"
        " seats in 2009.",
        outlet="Harbour Times",
        published=date(2026, 5, 8),
    )

    assert claim(first, "2009").fact != claim(second, "2009").fact


def test_two_records_since_different_years_are_two_facts_not_a_dispute(make_article):
    first = publish(
        make_article,
        "Brevard Mills said hiring slowed in May. Its payroll grew by 40 jobs, the smallest gain"
        " since 2019.",
        outlet="Valley Ledger",
        published=date(2026, 6, 5),
    )
    second = publish(
        make_article,
        "Brevard Mills said hiring slowed in May. Its wage bill rose 2%, the weakest rise since"
        " 2015.",
        outlet="Mill Town News",
        published=date(2026, 6, 5),
    )

    assert claim(first, "2019").fact != claim(second, "2015").fact
    assert not Fact.objects.filter(agreement=Fact.Agreement.DISPUTED).exists()


def test_a_record_dated_once_by_its_year_and_once_by_its_month_is_one_fact(make_article):
    article = publish(
        make_article,
        "Brevard Mills added 40 jobs, the fewest since 2019. It was the smallest gain since"
        " March 2019, the company said.",
        outlet="Valley Ledger",
        published=date(2026, 6, 5),
    )

    assert claim(article, "2019").fact == claim(article, "March 2019").fact


@pytest.mark.parametrize(
    ("text", "figure", "measure"),
    [
        ("Its payroll grew by 40 jobs, the smallest gain since 2019.", "2019", "record since"),
        ("Dock workers can return to work as soon as Wednesday.", "Wednesday", "return to work"),
        ("The Quorvia agency approved the pill on Wednesday.", "Wednesday", "approval"),
        # A date a bound marks ("until") dates the bound, not an event named after it.
        ("The rule stays until June 30 after approval by the board.", "June 30", ""),
    ],
)
def test_a_date_s_measure_is_the_event_it_dates(text, figure, measure):
    found = read_figure(text, figure, kind="date", published=date(2026, 3, 10))
    assert found.measure == measure


def test_a_record_s_measure_stays_out_of_its_line():
    found = read_figure(
        "Brevard Mills added 40 jobs, the smallest gain since 2019.",
        "2019",
        kind="date",
        published=date(2026, 3, 10),
    )
    assert "record" not in found.line


def test_the_earliest_day_something_may_happen_is_ahead():
    # Published on Tuesday 10 March 2026: "as soon as Wednesday" is the next day.
    figure = only_figure("Dock workers can return to work as soon as Wednesday.", date(2026, 3, 10))
    assert figure.date == "2026-03-11"


def test_return_dates_written_as_a_weekday_and_a_day_are_one_fact(make_article):
    first = publish(
        make_article,
        "Dock workers at Marlow Freight ended their strike. Members can return to work as soon"
        " as Wednesday, the union said.",
        outlet="Coast Wire",
        published=date(2026, 3, 10),
    )
    second = publish(
        make_article,
        "Dock workers at Marlow Freight ended their strike. They can go back to work from the"
        " first shift on March 11, the union said.",
        outlet="Port Herald",
        published=date(2026, 3, 10),
    )

    assert claim(first, "Wednesday").fact == claim(second, "March 11").fact


def test_a_yearless_day_in_an_undated_article_is_not_put_in_a_past_year_it_compares():
    text = "The Verdant Party won the June 9 general election, its best result since 2014."
    assert [f.date for f in figures(text) if f.text == "June 9"] == []


def test_a_past_storm_s_year_is_that_storm_s_even_after_a_count_with_a_comma():
    text = (
        "Lena is among the deadliest storms. It ranks behind Hurricane Ardal, which killed"
        " nearly 2,400 people in Tarvos in 2011."
    )
    found = read_figure(text, "2011", kind="date", sentence_start=text.index("It ranks"))
    assert found.entity_key == "ardal"
    assert found.name == "Hurricane Ardal"


def test_two_past_storms_years_are_no_dispute(make_article):
    publish(
        make_article,
        "Hurricane Lena killed 140 people. It ranks behind Hurricane Ardal, which killed"
        " nearly 2,400 people in 2011.",
        outlet="Coast Wire",
        published=date(2026, 9, 30),
    )
    publish(
        make_article,
        "Hurricane Lena killed 140 people. Only Hurricane Bexley, which killed at least 1,900"
        " people in 2004, was deadlier.",
        outlet="Gulf Herald",
        published=date(2026, 9, 30),
    )

    assert not Fact.objects.filter(agreement=Fact.Agreement.DISPUTED).exists()


def test_two_outlets_dating_one_vote_state_one_fact(make_article):
    first = publish(
        make_article,
        "The vote is set for March 3, the chair said.",
        outlet="Dorvan Post",
        published=date(2026, 2, 20),
    )
    second = publish(
        make_article,
        "On March 3, lawmakers will vote.",
        outlet="Harbour Times",
        published=date(2026, 2, 20),
    )

    assert claim(first, "March 3").fact == claim(second, "March 3").fact


def test_a_vote_and_a_hearing_on_one_day_are_two_facts(make_article):
    first = publish(
        make_article,
        "The vote is set for March 3, the chair said.",
        outlet="Dorvan Post",
        published=date(2026, 2, 20),
    )
    second = publish(
        make_article,
        "A hearing is set for March 3, the chair said.",
        outlet="Harbour Times",
        published=date(2026, 2, 20),
    )

    assert claim(first, "March 3").fact != claim(second, "March 3").fact


@pytest.mark.parametrize(
    ("text", "figure", "measure"),
    [
        ("The vote is set for March 3.", "March 3", "vote"),
        ("On March 3, lawmakers will vote on the Dorvan budget.", "March 3", "vote"),
        ("The Dorvan Senate votes on March 4.", "March 4", "vote"),
        ("A hearing in the case is scheduled for May 2.", "May 2", "hearing"),
        ("Her trial opens on June 9 in Kessick.", "June 9", "trial"),
        ("He will be sentenced on Aug. 1.", "Aug. 1", "sentencing"),
        ("She won by nine votes after a recount that ran into March 4.", "March 4", ""),
    ],
)
def test_a_vote_or_a_court_date_is_the_event_it_dates(text, figure, measure):
    found = read_figure(text, figure, kind="date", published=date(2026, 2, 20))

    assert found.measure == measure


def test_a_weekday_of_the_publication_day_dating_an_event_joins_that_event_s_fact(make_article):
    # 2026-03-04 is a Wednesday: both outlets say the deal was announced that day
    first = publish(
        make_article,
        "Orrin Foods announced on Wednesday that it agreed to acquire Vexa Mills for $4 billion.",
        outlet="Food Wire",
        published=date(2026, 3, 4),
    )
    second = publish(
        make_article,
        "On Wednesday, Orrin Foods announced it would acquire Vexa Mills for $4 billion.",
        outlet="Market Desk",
        published=date(2026, 3, 4),
    )

    assert claim(first, "Wednesday").fact == claim(second, "Wednesday").fact


def test_a_weekday_of_the_publication_day_dating_nothing_stays_incidental():
    text = "Orrin Foods shares were little changed on Wednesday."

    found = read_figure(
        text, "Wednesday", kind="date", published=date(2026, 3, 4), date_value="2026-03-04"
    )

    assert found.incidental


def test_a_day_opening_its_sentence_dates_an_announcement_its_named_subject_makes():
    text = "On Wednesday, candy maker Orrin Foods announced it would acquire Vexa Mills."

    found = read_figure(text, "Wednesday", kind="date", date_value="2026-03-04")

    assert found.measure == "announcement"


def test_a_later_day_of_trading_is_no_trading_debut():
    text = "Brisket shares fell in their second day of trading Friday."

    found = read_figure(
        text, "Friday", kind="date", published=date(2026, 3, 6), date_value="2026-03-06"
    )

    assert found.measure != "trading debut"
