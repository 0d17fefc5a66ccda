"""Coverage of an economic data release by several outlets: the headline figure is one fact;
a sector's count beside it, far from it, is another figure, not a dispute."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from claims import comparison, matching
from claims.models import Fact
from tests.claims.stories import claim, publish, read_figure


def _count(number: str, unit: str = "jobs") -> comparison.Reading:
    return comparison.Reading(number=Decimal(number), unit=unit, kind="count", text=number)


def _value(number: str, unit: str = "jobs") -> dict:
    return {"kind": "count", "number": number, "unit": unit, "text": number}


def test_a_count_far_from_every_value_of_a_fact_cannot_misreport_it():
    values = [_value("412000")]
    assert matching.far_off_count(_count("27000"), values)
    assert not matching.far_off_count(_count("398000"), values)  # a misreport, within reach
    assert matching.far_off_count(_count("190000"), values)  # over twice off
    assert not matching.far_off_count(_count("412"), values)  # a slip of scale
    assert matching.far_off_count(_count("41200"), values)  # a tenth is another figure


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


def test_a_rate_of_the_labour_market_is_read_as_such_not_as_an_interest_rate():
    body = "The jobless rate in Norvania rose to 4.1% in March."
    found = read_figure(body, "4.1%", kind="percent", unit="percent")
    assert found.measure == "unemployment rate"


def test_a_measure_opening_the_sentence_holds_across_a_relative_clause():
    body = (
        "The labour force participation rate, which counts those in work or seeking it, was"
        " unchanged in March at 61.9%."
    )
    found = read_figure(body, "61.9%", kind="percent", unit="percent")
    assert found.measure == "participation rate"


def test_outlets_giving_one_month_s_participation_rate_differently_make_a_dispute(make_article):
    first = publish(
        make_article,
        "Employers in Norvania added 412,000 jobs in March. The labour force participation"
        " rate, which counts those in work or seeking it, was unchanged at 61.9%.",
        outlet="Coast Wire",
        published=date(2026, 4, 3),
    )
    second = publish(
        make_article,
        "Norvania added 412,000 jobs in March. The labour force participation rate was"
        " unchanged at 62.4%, an economist at Harwell Bank said.",
        outlet="Velmar Herald",
        published=date(2026, 4, 3),
    )

    rate = claim(first, "61.9%").fact
    assert claim(second, "62.4%").fact == rate
    assert rate.agreement == Fact.Agreement.DISPUTED


def test_a_change_in_employment_is_counted_in_jobs():
    from claims.extraction.extractor import extract

    text = (
        "Payroll employment in Norvania rose by 412,000 in March. Employment in retail"
        " increased by 41,000, and total payrolls were revised to 389,000 in February."
    )
    found = {f.text: f.unit for f in extract(text)}
    assert found["412,000"] == "jobs"
    assert found["41,000"] == "jobs"
    assert found["389,000"] == "jobs"
    assert {f.text: f.unit for f in extract("The crowd grew by 12,000 on Sunday.")}[
        "12,000"
    ] != "jobs"


def test_a_forecast_of_a_change_in_employment_is_counted_in_jobs_not_forecasters():
    from claims.extraction.extractor import extract

    def units_of(text: str) -> dict[str, str | None]:
        return {f.text: f.unit for f in extract(text)}

    assert (
        units_of("Economists had forecast that payroll employment would rise 398,500.")["398,500"]
        == "jobs"
    )
    assert (
        units_of("Consensus forecasts expected an employment gain of 390,000.")["390,000"] == "jobs"
    )
    assert (
        units_of("Norvania added 412,000 jobs, more than the 395,000 economists expected.")[
            "395,000"
        ]
        == "jobs"
    )
    assert units_of("A panel of 40 economists said rates would rise.")["40 economists"] == (
        "economists"
    )
