"""Coverage of an economic data release by several outlets: the headline figure is one fact;
a sector's count beside it, far from it, is another figure, not a dispute."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from claims import comparison, matching
from claims.models import Fact
from tests.claims.stories import claim, publish


def _count(number: str, unit: str = "jobs") -> comparison.Reading:
    return comparison.Reading(number=Decimal(number), unit=unit, kind="count", text=number)


def _value(number: str, unit: str = "jobs") -> dict:
    return {"kind": "count", "number": number, "unit": unit, "text": number}


def test_a_count_far_from_every_value_of_a_fact_cannot_misreport_it():
    values = [_value("412000")]
    assert matching.far_off_count(_count("27000"), values)
    assert not matching.far_off_count(_count("398000"), values)  # a misreport, within reach
    assert not matching.far_off_count(_count("412"), values)  # a slip of scale
    assert not matching.far_off_count(_count("41200"), values)


def test_a_sector_s_jobs_beside_the_economy_s_are_not_a_dispute(make_article):
    first = publish(
        make_article,
        "Employers in Norvania added 412,000 jobs in March, the Norvania statistics office said."
        " The unemployment rate fell to 4.1%.",
        outlet="Coast Wire",
        published=date(2026, 4, 3),
    )
    second = publish(
        make_article,
        "Norvania's statistics office said employers added 412,000 jobs in March. The"
        " construction sector added 27,000 jobs in March, the statistics office said.",
        outlet="Velmar Herald",
        published=date(2026, 4, 3),
    )

    economy = claim(first, "412,000 jobs").fact
    assert claim(second, "412,000 jobs").fact == economy
    assert claim(second, "27,000 jobs").fact != economy
    assert Fact.objects.filter(agreement=Fact.Agreement.DISPUTED).count() == 0
