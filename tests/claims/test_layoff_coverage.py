"""A company's layoffs as outlets word them: every wording of the jobs cut is one measure,
apart from the jobs the company has, and the share of its staff a cut takes is one share
however it is said. Our own sentences; no database."""

from __future__ import annotations

import pytest

from tests.claims.extraction.helpers import figures
from tests.claims.stories import read_in_sentence


def read(text: str, figure: str):
    return read_in_sentence(text, figure, kind="count", unit="jobs")


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Norvex will slash 4,000 jobs by March.", "4,000 jobs"),
        ("Norvex said it was reducing its workforce by nearly 4,000 employees.", "4,000 employees"),
        ("Norvex will lay off about 4,000 staff.", "4,000 staff"),
        ("The layoffs at Norvex will affect some 4,000 employees.", "4,000 employees"),
        ("Norvex will cut 9% of its staff, or over 4,000 employees, it said.", "4,000 employees"),
        ("Norvex will cut 9% of its staff, amounting to roughly 4,000 jobs.", "4,000 jobs"),
        (
            "Norvex employs 52,000. The number of jobs it will cut is more than 4,000.",
            "4,000",
        ),
    ],
)
def test_every_wording_of_the_jobs_a_company_cuts_is_one_measure(text, figure):
    found = read(text, figure)

    assert (found.entity_key, found.measure) == ("norvex", "job cuts")


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Norvex had 52,000 employees at the end of its year.", "52,000 employees"),
        ("Norvex cut its prices and hired 500 workers.", "500 workers"),
        ("Norvex employs 9% of the town's workforce, or 4,000 people.", "4,000 people"),
    ],
)
def test_the_jobs_a_company_has_or_adds_are_no_cut(text, figure):
    assert read(text, figure).measure != "job cuts"


@pytest.mark.parametrize(
    "text",
    [
        "Norvex will cut 9% of its workforce.",
        "The plan includes a more than 9% reduction in headcount.",
        "Norvex announced a 9% cut in its global staff.",
        "Norvex is to reduce its workforce by more than 9% and pay no dividend starting in the spring.",
    ],
)
def test_the_share_of_its_staff_a_company_cuts_is_one_positive_share(text):
    found = read_in_sentence(text, "9%", kind="percent", unit="percent")

    assert [f.value for f in figures(text)] == ["9"]
    assert found.measure == "workforce share"


def test_a_cut_in_something_else_is_still_its_fall():
    assert [f.value for f in figures("Norvex announced a 9% cut in prices.")] == ["-9"]


@pytest.mark.parametrize(
    "text",
    [
        "Norvex also intends to cut gross capital expenditures by 25%.",
        "This year Norvex will be slashing capital spending by roughly 25%.",
    ],
)
def test_a_cut_in_capital_spending_is_that_spending_s_fall(text):
    found = read_in_sentence(text, "25%", kind="percent", unit="percent")

    assert [f.value for f in figures(text)] == ["-25"]
    assert (found.entity_key, found.measure) == ("norvex", "capital spending change")


def test_a_cut_made_in_a_price_is_still_the_size_of_the_cut():
    assert [f.value for f in figures("Norvex will reduce its fees by 40% for students.")] == ["40"]


def test_a_share_cut_keeps_no_period_of_what_starts_later_in_the_sentence():
    text = "Norvex will reduce its staff by 9% and halt buybacks starting in the third quarter."

    assert read_in_sentence(text, "9%", kind="percent", unit="percent").reference == ""


def test_a_stock_fall_told_in_a_relative_clause_is_a_share_price_move():
    text = "The results hit Norvex shares, which plummeted by 11% in after-hours trading."

    found = read_in_sentence(text, "11%", kind="percent", unit="percent")

    assert (found.measure, found.reference) == ("share price change", "after hours")


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Norvex will shed staff under a plan to cut $3 billion in costs.", "$3 billion"),
        ("Norvex revealed a $3 billion cost reduction plan on Monday.", "$3 billion"),
        ("Norvex will slash operating expenses by over $3 billion.", "$3 billion"),
        ("Norvex is aiming for $3 billion in cost savings.", "$3 billion"),
    ],
)
def test_every_wording_of_a_cost_cutting_target_is_one_measure(text, figure):
    found = read_in_sentence(text, figure, kind="money", unit="USD")

    assert (found.entity_key, found.measure) == ("norvex", "savings")


def test_what_a_company_spends_is_no_saving():
    found = read_in_sentence(
        "Norvex said its costs rose to $3 billion.", "$3 billion", kind="money"
    )

    assert found.measure != "savings"


def test_the_period_of_the_report_announcing_a_saving_is_not_the_saving_s():
    text = (
        "As set out in its Q3 2026 results on Monday, Norvex unveiled a $3 billion cost"
        " reduction plan."
    )

    found = read_in_sentence(text, "$3 billion", kind="money", unit="USD")

    assert (found.measure, found.reference) == ("savings", "")


def test_revenue_in_a_results_report_keeps_the_report_s_quarter():
    text = "Norvex posted revenue of $2 billion in its Q3 2026 results."

    assert read_in_sentence(text, "$2 billion", kind="money", unit="USD").reference == "Q3 2026"


def test_a_forecast_after_the_reported_figure_is_the_next_figure_s():
    text = "Norvex reported revenue of $2.13 billion on expectations of $2.24 billion."

    assert read_in_sentence(text, "$2.13 billion", kind="money", unit="USD").scope == ""
