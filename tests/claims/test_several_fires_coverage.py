"""Coverage of several named fires burning at once: each fire's figures are its own, and the
totals for the whole region are one fact whichever fire, place or official a sentence names."""

from __future__ import annotations

from claims import about


def test_two_named_fires_are_two_entities_and_each_keeps_its_short_name():
    assert about.entity_key("Marrow Creek Fire") != about.entity_key("Dunley Fire")
    assert about.entity_key("the Dunley Fire") == about.entity_key("Dunley")
    assert about.entity_key("Dunley blaze") == about.entity_key("Dunley")
    assert about.entity_key("Dravo County") != about.entity_key("Harl County")
