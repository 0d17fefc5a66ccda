""" "five years ago": a date counted back from the publication date, at its unit's precision."""

import datetime as dt

import pytest

from tests.claims.extraction.helpers import figures, only_figure, summary

PUBLISHED = dt.date(2025, 4, 10)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The mill closed almost five years ago.",
            ("five years ago", "date", "2020", None, "approx"),
        ),
        ("The pier was rebuilt 12 years ago.", ("12 years ago", "date", "2013", None, "exact")),
        (
            "The ferry was certified two months ago.",
            ("two months ago", "date", "2025-02", None, "exact"),
        ),
        (
            "The ferry was certified fourteen months ago.",
            ("fourteen months ago", "date", "2024-02", None, "exact"),
        ),
        ("The storm hit 10 days ago.", ("10 days ago", "date", "2025-03-31", None, "exact")),
        ("The storm hit Carvell yesterday.", ("yesterday", "date", "2025-04-09", None, "exact")),
        (
            "The storm hit three weeks ago.",
            ("three weeks ago", "date", "2025-03-20", None, "exact"),
        ),
        (
            "The club opened more than two decades ago.",
            ("two decades ago", "date", "2005", None, "more_than"),
        ),
    ],
)
def test_a_time_ago_is_a_date_before_publication(sentence, expected):
    assert summary(only_figure(sentence, PUBLISHED)) == expected


def test_a_comparison_with_a_time_ago_leaves_the_date_exact():
    found = figures("Rents are 5% higher than three years ago.", PUBLISHED)
    assert [(f.text, f.value, f.qualifier.value) for f in found] == [
        ("5%", "5", "exact"),
        ("three years ago", "2022", "exact"),
    ]


def test_a_bare_year_ago_is_the_base_of_a_comparison_not_a_date():
    assert figures("Sales rose 4% from a year ago.", PUBLISHED)[-1].text == "4%"
