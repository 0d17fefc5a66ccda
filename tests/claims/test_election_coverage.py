"""Coverage of one election by several outlets: changes in a party's share are percentage
points, signed by the fall the text states; seat swings and hedged seat totals are counts of
seats."""

from __future__ import annotations

import pytest

from tests.claims.extraction.helpers import figures, only_figure, summary


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The Harbour Party rode a 12 point rise in support to victory in Vellmark.",
            ("12 point", "percent", "12", "percentage points", "exact"),
        ),
        (
            "The Moorland Alliance's vote share dipped by 9 points across the region.",
            ("9 points", "percent", "-9", "percentage points", "exact"),
        ),
        (
            "In Dunmore the party's vote has fallen back by three points since the last poll.",
            ("three points", "percent", "-3", "percentage points", "exact"),
        ),
        (
            "The Greens held on despite a five-point drop in their share in the north.",
            ("five-point", "percent", "-5", "percentage points", "exact"),
        ),
        (
            "Across the coast the Liberal vote is up half a point on the last election.",
            ("half a point", "percent", "0.5", "percentage points", "exact"),
        ),
    ],
)
def test_points_of_a_vote_or_a_share_are_percentage_points(sentence, expected):
    assert summary(only_figure(sentence)) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Rovers are two points clear at the top of the league.",
        "The Calder index fell 300 points as stocks slid.",
    ],
)
def test_points_of_a_game_or_an_index_stay_points(sentence):
    assert all(f.unit != "percentage points" for f in figures(sentence))


def test_a_fall_in_share_written_as_a_nose_dive_is_negative():
    found = figures("A 15% nose dive in the Crown Party's vote share cost it dearly.")
    assert [(f.text, f.value) for f in found] == [("15%", "-15")]


def test_a_seat_swing_with_a_plus_sign_is_a_count_of_seats():
    found = figures("With a swing of +48 seats, the Harbour Party won 233 seats.")
    assert [summary(f) for f in found] == [
        ("+48 seats", "count", "48", "seats", "exact"),
        ("233 seats", "count", "233", "seats", "exact"),
    ]


def test_a_seat_total_hedged_with_plus_is_at_least_that_many():
    found = only_figure("A gain of 90-plus parliamentary seats returns the Harbour Party.")
    assert summary(found) == ("90-plus parliamentary seats", "count", "90", "seats", "at_least")
