"""Coverage of one product recall by several outlets: the vehicles recalled are one count
whether an outlet writes cars or vehicles, and an article's rounded "more than 2 million" and
its exact count further down state one figure."""

from __future__ import annotations

from datetime import date

from claims import units
from claims.models import Claim, Fact
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


def test_units_totalling_a_named_population_count_that_population():
    from claims.extraction import extract

    text = (
        "Velmora will recall a range of scooters, totaling over 40,000 units, over a latch fault."
    )
    (count,) = [c for c in extract(text) if c.kind == "count"]
    assert count.unit == "scooters"


def _of_year(article, year: str, nth: int) -> Claim:
    return article.claims.select_related("fact").filter(text=year).order_by("start")[nth]


def test_each_model_s_range_of_years_is_that_model_s_own_fact(make_article):
    first = publish(
        make_article,
        "Velcor is recalling 48,310 vehicles over a fuel leak, the regulator said. The recall"
        " covers 2015-2022 Arden SUVs and 2018-2022 Brisa hatchbacks.",
        outlet="Motor Ledger",
        published=date(2026, 5, 4),
    )
    second = publish(
        make_article,
        "Velcor is recalling 48,310 cars over a fuel leak. The recall covers the Arden from 2015"
        " to 2022 and the Brisa from 2018 to 2022, the regulator said.",
        outlet="Drive Daily",
        published=date(2026, 5, 4),
    )

    arden_last, brisa_last = _of_year(first, "2022", 0), _of_year(first, "2022", 1)
    assert arden_last.fact != brisa_last.fact
    assert _of_year(second, "2022", 0).fact == arden_last.fact
    assert _of_year(second, "2022", 1).fact == brisa_last.fact
