"""Coverage of several named fires burning at once: each fire's figures are its own, and the
totals for the whole region are one fact whichever fire, place or official a sentence names."""

from __future__ import annotations

from claims import about
from tests.claims.stories import read_in_sentence


def test_two_named_fires_are_two_entities_and_each_keeps_its_short_name():
    assert about.entity_key("Marrow Creek Fire") != about.entity_key("Dunley Fire")
    assert about.entity_key("the Dunley Fire") == about.entity_key("Dunley")
    assert about.entity_key("Dunley blaze") == about.entity_key("Dunley")
    assert about.entity_key("Dravo County") != about.entity_key("Harl County")


def _toll(text: str, figure: str) -> about.About:
    return read_in_sentence(text, figure, kind="count", unit="people")


def test_a_toll_counted_across_the_whole_area_the_story_covers_is_the_whole_toll():
    throughout = (
        "Wind-driven fires have killed 14 people and forced 9,000 from their homes throughout"
        " Dravo County, officials said."
    )
    in_the_area = (
        "The Dravo County Fire Department said 14 people are dead after fires in Dravo County"
        " burned more than 20,000 acres."
    )
    plain = "At least 14 people have been killed by the fires, the sheriff said."
    keys = {_toll(text, "14 people").key for text in (throughout, in_the_area, plain)}
    assert len(keys) == 1
    assert _toll(throughout, "14 people").scope == ""
