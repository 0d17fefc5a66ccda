"""Coverage of a game by several outlets: the score is two counts, each side's, and one fact
each across outlets; numbers joined by a hyphen elsewhere stay labels."""

from __future__ import annotations

from datetime import date

from claims.extraction.extractor import extract
from tests.claims.stories import claim, publish


def _figures(text: str) -> list[tuple[str, str, str | None]]:
    return [(f.text, f.value, f.unit) for f in extract(text)]


def test_a_score_in_a_sentence_telling_a_result_is_each_side_s_count():
    assert _figures("The Dorvan Hawks beat the Kessick Owls 31-27 in overtime.") == [
        ("31", "31", "points"),
        ("27", "27", "points"),
    ]
    assert _figures("Velmar United won 2-1 after a late goal.") == [
        ("2", "2", "goals"),
        ("1", "1", "goals"),
    ]


def test_numbers_joined_by_a_hyphen_outside_a_result_stay_labels():
    assert _figures("The court ruled 6-3 on Friday.") == []
    assert _figures("The coach set up in a 3-5-2 and lost.") == []
    assert _figures("The Tallow 610-400 lost cabin pressure.") == []


def test_one_game_s_score_in_two_outlets_is_one_fact_per_side(make_article):
    first = publish(
        make_article,
        "The Dorvan Hawks beat the Kessick Owls 31-27 in overtime on Sunday to win the Harwell"
        " Cup.",
        outlet="Coast Wire",
        published=date(2026, 2, 9),
    )
    second = publish(
        make_article,
        "The Dorvan Hawks won the Harwell Cup on Sunday, edging the Kessick Owls 31-27 in"
        " overtime.",
        outlet="Velmar Herald",
        published=date(2026, 2, 9),
    )

    assert claim(first, "31").fact == claim(second, "31").fact
    assert claim(first, "27").fact == claim(second, "27").fact
    assert claim(first, "31").fact != claim(first, "27").fact


def test_a_bracketed_number_after_a_count_in_millions_gives_it_exactly():
    assert _figures("More than 90 million viewers (91.3) watched some of the final.") == [
        ("90 million viewers", "90000000", "viewers"),
        ("91.3", "91300000", "viewers"),
    ]
    found = _figures("It sold 3 million cars (2025) and 12 million phones (12) last year.")
    assert ("12", "12", "phones") in found or all(f[0] != "12" for f in found)
