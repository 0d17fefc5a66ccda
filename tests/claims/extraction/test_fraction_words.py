"""Fractions in words state shares: "a fifth of its fleet" is 20 percent."""

import pytest

from tests.claims.extraction.helpers import figures, only_figure, summary


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Half of the orchard's trees died.", ("Half", "percent", "50", "percent", "exact")),
        ("Half the crew walked out.", ("Half", "percent", "50", "percent", "exact")),
        (
            "A fifth of the ferries sat idle.",
            ("A fifth", "percent", "20", "percent", "exact"),
        ),
        (
            "More than a quarter of the stalls closed.",
            ("a quarter", "percent", "25", "percent", "more_than"),
        ),
        (
            "The tower rises about two-thirds of the way to the cloud base.",
            ("two-thirds", "percent", "66.67", "percent", "approx"),
        ),
        (
            "Three quarters of the households kept power.",
            ("Three quarters", "percent", "75", "percent", "exact"),
        ),
        ("One third of voters stayed home.", ("One third", "percent", "33.33", "percent", "exact")),
        ("The bond lost half of its value.", ("half", "percent", "-50", "percent", "exact")),
    ],
)
def test_a_fraction_in_words_is_a_percent(sentence, expected):
    assert summary(only_figure(sentence)) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Sales recovered in the second half of the year.",
        "Growth slowed in the first quarter of 2024.",
        "The walk took a quarter of an hour.",
        "The shop is a third of a mile away.",
        "He scored in the third quarter.",
        "The tide turned at half time.",
        "Nobody knows which half is right.",
    ],
)
def test_periods_measures_and_other_halves_are_no_shares(sentence):
    assert [f for f in figures(sentence) if f.unit == "percent"] == []
