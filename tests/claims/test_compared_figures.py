"""A figure set beside another (an earlier disaster, an earlier year) keeps its own subject."""

from __future__ import annotations

from datetime import date

from tests.claims.stories import read_figure
from tests.claims.stories import read_in_sentence as read


def test_an_earlier_disaster_s_toll_is_that_disaster_s_not_the_story_s_on_its_day():
    text = (
        "Storm Orla has killed 84 people, making it the region's second-deadliest storm,"
        " behind Typhoon Belmar, which killed at least 900 people, and surpassing storms"
        " Ana and Bo, which each caused around 70 deaths."
    )
    published = date(2031, 3, 4)

    own = read_figure(text, "84 people", kind="count", unit="people", published=published)
    belmar = read_figure(text, "900 people", kind="count", unit="people", published=published)
    ana_bo = read_figure(text, "70 deaths", kind="count", unit="deaths", published=published)

    assert own.reference == "4 March 2031"
    assert belmar.reference == ana_bo.reference == "earlier event"
    assert belmar.key.startswith("belmar|death toll|")
    assert own.key.split("|")[0] == ""  # the story's own toll, whoever the sentence names


def test_a_year_after_a_comparison_dates_the_figure_compared_with():
    text = "The Rivers Party won 4.1 million votes, compared to 5.3 million in 2027."

    assert read(text, "4.1 million", kind="count", unit="votes").reference == ""
    assert read(text, "5.3 million", kind="count", unit="votes").reference == "2027"


def test_a_share_up_from_an_earlier_year_s_is_not_that_year_s():
    text = "Its share stands at 28.4 per cent, a small rise from 27.9 per cent in 2027."

    assert read(text, "28.4 per cent", kind="percent").reference == ""
    assert read(text, "27.9 per cent", kind="percent").reference == "2027"


def test_more_than_in_a_year_is_no_figure_of_that_year():
    text = "The party won 300,000 more votes than in 2027."

    assert read(text, "300,000", kind="count", unit="votes").reference == ""


def test_income_from_a_source_in_a_year_is_that_year_s():
    text = "The trust earned $4 million from ticket sales in 2029."

    assert read(text, "$4 million", kind="money", unit="USD").reference == "2029"
