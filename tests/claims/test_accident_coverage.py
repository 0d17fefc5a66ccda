"""Coverage of one crash or derailment by several outlets: how many were admitted to a hospital
is a count of its own (those in treatment), never of everyone the train, bus, ship or plane
carried, and those in one town alone are a part of it; a train's cars, whatever an outlet calls
them, are one count and never a toll."""

from __future__ import annotations

import pytest

from tests.claims.stories import read_figure


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Some 140 passengers were admitted to the civic hospital in Orvel.", "140 passengers"),
        ("Over 60 travellers had been admitted to two hospitals near Castomere.", "60 travellers"),
        ("About 45 passengers were hospitalised after the ferry ran aground.", "45 passengers"),
    ],
)
def test_people_admitted_to_a_hospital_are_the_hurt_not_everyone_aboard(text, figure):
    found = read_figure(text, figure, kind="count", unit=figure.split()[1])
    assert found.measure == "in treatment"


def test_passengers_a_train_carried_stay_passengers():
    text = "The overnight express to Varnholm was carrying 912 passengers when it left the rails."
    found = read_figure(text, "912 passengers", kind="count", unit="passengers")
    assert found.measure == "passengers"


@pytest.mark.parametrize(
    ("text", "figure", "unit"),
    [
        (
            "The crash killed 18 people and injured 90 after 11 bogies of the Dunmore express"
            " left the rails.",
            "11 bogies",
            "bogies",
        ),
        (
            "Nine died and 40 were hurt when 7 coaches of the night train overturned.",
            "7 coaches",
            "coaches",
        ),
        (
            "Killing four and injuring 26, the derailment threw 6 carriages down the bank.",
            "6 carriages",
            "carriages",
        ),
    ],
)
def test_the_cars_of_a_derailed_train_are_counted_as_cars_never_as_a_toll(text, figure, unit):
    found = read_figure(text, figure, kind="count", unit=unit)
    assert found.measure == "coaches"


def test_bogies_compartments_and_carriages_are_one_count_of_a_train_s_coaches():
    for figure, unit in (("12 compartments", "compartments"), ("12 bogies", "bogies")):
        text = f"Rescuers searched {figure} of the Pell Valley express on Monday."
        assert read_figure(text, figure, kind="count", unit=unit).measure == "coaches"


def test_those_in_hospital_in_one_town_alone_are_a_part_of_all_being_treated():
    text = (
        "About 310 people are being treated after the Kessel Ferry capsized. More than 90"
        " passengers were admitted to the county hospital in Brevik alone."
    )
    whole = read_figure(
        text, "310 people", kind="count", unit="people", sentence_end=text.index(" More")
    )
    part = read_figure(
        text, "90 passengers", kind="count", unit="passengers", sentence_start=text.index("More")
    )
    assert whole.measure == part.measure == "in treatment"
    assert whole.key != part.key
