"""Coverage of one product recall by several outlets: the vehicles recalled are one count
whether an outlet writes cars or vehicles, and an article's rounded "more than 2 million" and
its exact count further down state one figure."""

from __future__ import annotations

from datetime import date

from claims import units
from claims.models import Fact
from tests.claims.stories import claim, publish


def test_cars_and_vehicles_count_one_population_but_trucks_do_not():
    cars = units.dimension_of("count", "cars")
    assert cars == units.dimension_of("count", "vehicles")
    assert units.dimension_of("count", "trucks") != cars


def test_an_article_s_rounded_and_exact_recall_counts_are_one_fact(make_article):
    first = publish(
        make_article,
        "Corvane is recalling more than 1 million vehicles over a brake fault. The recall"
        " covers 1,042,118 vehicles built since 2019, the Corvane filing said.",
        outlet="Motor Ledger",
        published=date(2026, 4, 2),
    )
    second = publish(
        make_article,
        "Corvane recalls 1,042,118 cars over a brake fault, the Corvane filing said.",
        outlet="Drive Daily",
        published=date(2026, 4, 2),
    )

    rounded, exact = claim(first, "1 million vehicles"), claim(first, "1,042,118 vehicles")
    assert rounded.fact == exact.fact
    assert claim(second, "1,042,118 cars").fact == exact.fact
    assert exact.fact.agreement != Fact.Agreement.DISPUTED
