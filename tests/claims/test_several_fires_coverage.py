"""Coverage of several named fires burning at once: each fire's figures are its own, and the
totals for the whole region are one fact whichever fire, place or official a sentence names."""

from __future__ import annotations

import pytest

from claims import about
from claims.extraction import extract_figures
from claims.extraction.types import Qualifier
from tests.claims.stories import read_in_sentence


def test_two_named_fires_are_two_entities_and_each_keeps_its_short_name():
    assert about.entity_key("Marrow Creek Fire") != about.entity_key("Dunley Fire")
    assert about.entity_key("the Dunley Fire") == about.entity_key("Dunley")
    assert about.entity_key("Dunley blaze") == about.entity_key("Dunley")
    assert about.entity_key("Dravo County") != about.entity_key("Harl County")


def _toll(text: str, figure: str) -> about.About:
    return read_in_sentence(text, figure, kind="count", unit="people")


def test_a_toll_counted_across_the_whole_area_the_story_covers_is_the_whole_toll():
    throughout = "The sheriff counted 14 people killed throughout Dravo County by Sunday."
    agency = (
        "The Dravo County Sheriff's Office reported 14 people dead from wildfires in Dravo County."
    )
    plain = "At least 14 people have been killed by the fires, the sheriff said."
    keys = {_toll(text, "14 people").key for text in (throughout, agency, plain)}
    assert len(keys) == 1
    assert _toll(throughout, "14 people").scope == ""


@pytest.mark.parametrize(
    ("text", "figure", "unit"),
    [
        (
            "Eight people have died and roughly 52,000 remain under mandatory evacuation orders.",
            "52,000",
            "",
        ),
        ("Some 61,000 people had been evacuated by Sunday.", "61,000 people", "people"),
        ("Deputies issued evacuation orders covering 61,000 in the hills.", "61,000", "orders"),
        (
            "Nearly 61,000 residents were under evacuation orders by nightfall.",
            "61,000 residents",
            "residents",
        ),
    ],
)
def test_people_ordered_out_are_evacuated_not_a_toll(text, figure, unit):
    found = read_in_sentence(text, figure, kind="count", unit=unit)
    assert found.measure == "evacuated"


def test_people_warned_they_may_have_to_leave_are_no_evacuation():
    text = "Another 90,000 people remain under evacuation warnings."
    warned = read_in_sentence(text, "90,000 people", kind="count", unit="people")
    assert warned.measure not in ("evacuated", "")


def test_the_area_a_fire_burned_is_a_measure():
    text = "The Harl Ridge blaze has now scorched 40,000 acres of pasture."
    found = read_in_sentence(text, "40,000 acres", kind="quantity", unit="acres")
    assert found.measure == "area"
    assert found.key


_SEVERAL_FIRES = (
    "Three fires burned across Dravo County on Friday. Crews said the Dunley Fire had grown to"
    " 12,400 acres and was 14% contained. The Marrow Creek Fire covered 6,000 acres and was 2%"
    " contained. Inspectors counted 3,100 structures lost to the Dunley Fire and over 2,000 lost"
    " to the Marrow Creek Fire. Together the fires have wiped out more than 5,000 structures."
)


def _fire_figure(figure: str, kind: str, unit: str) -> about.About:
    return read_in_sentence(_SEVERAL_FIRES, figure, kind=kind, unit=unit)


def test_each_named_fire_keeps_its_own_size_containment_and_damage():
    dunley = [
        _fire_figure("12,400 acres", "quantity", "acres"),
        _fire_figure("14%", "percent", "percent"),
        _fire_figure("3,100", "count", "structures"),
    ]
    marrow = [
        _fire_figure("6,000 acres", "quantity", "acres"),
        _fire_figure("2%", "percent", "percent"),
        _fire_figure("2,000", "count", "structures"),
    ]
    assert {found.entity_key for found in dunley} == {about.entity_key("Dunley Fire")}
    assert {found.entity_key for found in marrow} == {about.entity_key("Marrow Creek Fire")}


def test_a_total_for_all_the_fires_is_no_one_fire_s():
    total = _fire_figure("5,000", "count", "structures")
    assert total.measure == "structures"
    assert total.key.split("|")[0] == ""


def test_a_fire_s_figures_listed_under_its_name_are_its_own():
    text = (
        "Three fires burned across Dravo County on Friday, and the Dunley Fire grew overnight."
        "\n\nMarrow Creek Fire:\n\n6,000 acres\n\n2% contained\n\nDunley Fire:\n\n12,400 acres"
    )
    found = read_in_sentence(text, "2%", kind="percent", unit="percent")
    assert found.entity_key == about.entity_key("Marrow Creek Fire")
    found = read_in_sentence(text, "12,400 acres", kind="quantity", unit="acres")
    assert found.entity_key == about.entity_key("Dunley Fire")


def test_homes_and_other_structures_count_the_structures():
    text = "Flames razed 5,200 homes and other structures across the canyon."
    found = read_in_sentence(text, "5,200 homes", kind="count", unit="homes")
    assert found.measure == "structures"
    (figure,) = extract_figures(text)
    assert figure.unit == "structures"


def test_acres_burned_beside_a_toll_are_the_area_not_the_toll():
    text = "The blazes have left 12 dead across Dravo County and scorched 40,000 acres."
    found = read_in_sentence(text, "40,000 acres", kind="quantity", unit="acres")
    assert found.measure == "area"


def test_a_headline_s_abbreviated_figures_count_what_follows_them():
    text = (
        "Blazes Level 12K+ Structures, Scorch 48K+ Acres Across Harl Valley\nCrews held the line."
    )
    found = {f.text: (f.kind.value, f.number, f.unit, f.qualifier) for f in extract_figures(text)}
    assert found["12K+ Structures"] == ("count", 12000, "structures", Qualifier.MORE_THAN)
    assert found["48K+ Acres"] == ("quantity", 48000, "acres", Qualifier.MORE_THAN)


def test_the_area_of_all_the_fires_is_a_total_apart_from_one_fire_s():
    total = read_in_sentence(
        "Crews said wildfires across Dravo County have scorched 40,000 acres.",
        "40,000 acres",
        kind="quantity",
        unit="acres",
    )
    named = _fire_figure("12,400 acres", "quantity", "acres")
    assert total.scope == "total"
    assert named.scope == ""


def test_two_fires_named_together_take_their_figures_in_order():
    text = (
        "A third fire broke out overnight. Crews had the Dunley and the Marrow fires 14% and 2%"
        " contained by Tuesday."
    )
    first = read_in_sentence(text, "14%", kind="percent", unit="percent")
    second = read_in_sentence(text, "2%", kind="percent", unit="percent")
    assert first.entity_key == about.entity_key("Dunley Fire")
    assert second.entity_key == about.entity_key("Marrow Fire")
