"""An extortion story's two sums: what the criminals demand and what the victim offers for
their capture. Our own sentences; an invented exchange."""

from __future__ import annotations

import pytest

from tests.claims.stories import read_in_sentence as read


@pytest.mark.parametrize(
    ("text", "figure", "measure"),
    [
        ("Hackers demanded a $15 million ransom from Tallow Exchange.", "$15 million", "ransom"),
        ("The gang tried to extort $15 million from Tallow.", "$15 million", "ransom"),
        (
            "Tallow is offering a $15 million reward for information on the attackers.",
            "$15 million",
            "reward",
        ),
        ("Tallow set up a $15 million bounty for the hackers.", "$15 million", "reward"),
    ],
)
def test_a_ransom_and_a_reward_of_one_amount_are_two_measures(text, figure, measure):
    assert read(text, figure, kind="money", unit="USD").measure == measure


@pytest.mark.parametrize("verb", ["slumped", "slipped", "declined", "dipped"])
def test_shares_that_slumped_moved_in_price(verb):
    found = read(f"Tallow shares {verb} 7% after the breach.", "7%", kind="percent", unit="percent")

    assert found.measure == "share price change"
