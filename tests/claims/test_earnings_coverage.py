"""Earnings coverage in each outlet's words: one results report gives revenue, net income,
earnings per share, a division's sales, rises against a year earlier and against the previous
quarter, analysts' estimates and the company's forecast. Each keeps its own fact. Our own
sentences; invented companies."""

from __future__ import annotations

from datetime import date

import pytest

from claims import matching
from tests.claims.extraction.helpers import figures
from tests.claims.stories import claim, publish
from tests.claims.stories import read_in_sentence as read

LEAD = "Brindle Systems reported quarterly results on Tuesday. "


def test_earnings_per_share_is_its_own_measure():
    text = LEAD + "Brindle reported earnings per share of $1.42 on revenue of $6.1 billion."

    eps = read(text, "$1.42", kind="money", unit="USD")
    revenue = read(text, "$6.1 billion", kind="money", unit="USD")

    assert eps.measure == "earnings per share"
    assert revenue.measure == "revenue"


@pytest.mark.parametrize(
    ("sentence", "scope"),
    [
        ("GAAP earnings per diluted share stood at $1.42.", "GAAP"),
        ("Adjusted EPS came in at $1.42.", "non-GAAP"),
        ("Net income was $900 million, or $1.42 per share.", ""),
    ],
)
def test_earnings_per_share_keeps_its_accounting_basis(sentence, scope):
    found = read(LEAD + sentence, "$1.42", kind="money", unit="USD")

    assert (found.measure, found.scope) == ("earnings per share", scope)


def test_a_dividend_per_share_is_no_earnings_per_share():
    text = LEAD + "Brindle will pay a quarterly dividend of $0.05 per share on May 2."

    assert read(text, "$0.05", kind="money", unit="USD").measure != "earnings per share"


@pytest.mark.parametrize(
    "sentence",
    [
        "Brindle's cloud unit posted sales of $2.3 billion.",
        "The company's cloud segment grew to $2.3 billion.",
        "Revenue at its cloud business reached $2.3 billion.",
    ],
)
def test_a_division_s_revenue_is_not_the_company_s(sentence):
    found = read(LEAD + sentence, "$2.3 billion", kind="money", unit="USD")

    assert found.measure == "cloud revenue"


@pytest.mark.parametrize(
    ("sentence", "figure", "base"),
    [
        ("Revenue rose 40% year-on-year and 8% sequentially.", "40%", "from a year earlier"),
        ("Revenue rose 40% year-on-year and 8% sequentially.", "8%", "from the previous quarter"),
        ("Sales were up 12% from a year earlier.", "12%", "from a year earlier"),
        ("Sales marked a 5 percent increase from Q2.", "5 percent", "from the previous quarter"),
        (
            "Sales climbed 30 percent over the same period in 2023.",
            "30 percent",
            "from a year earlier",
        ),
        (
            "Cloud sales rose 60% from $1.4 billion a year earlier.",
            "60%",
            "from a year earlier",
        ),
        ("Sales were up 9% from $5.6 billion last quarter.", "9%", "from the previous quarter"),
    ],
)
def test_a_change_keeps_the_base_it_is_measured_against(sentence, figure, base):
    found = read(LEAD + sentence, figure, kind="percent", unit="percent")

    assert found.reference.endswith(base)


def test_a_change_whose_base_is_unsaid_meets_either():
    text = LEAD + "Net income was $900 million, a surge of 60%."

    found = read(text, "60%", kind="percent", unit="percent")

    assert found.measure == "profit change"
    assert found.reference == ""


@pytest.mark.parametrize(
    "sentence",
    [
        "Analysts polled by a data firm expected revenue of $5.9 billion.",
        "Its cloud unit beat estimates of $5.9 billion.",
        "Analysts had anticipated earnings per share of $5.9 on average.",
    ],
)
def test_what_analysts_expected_is_an_estimate(sentence):
    found = read(LEAD + sentence, "$5.9", kind="money", unit="USD")

    assert found.scope == "estimate"


def test_a_result_that_beat_a_consensus_is_no_estimate():
    text = LEAD + "Results beat the consensus forecast and annual revenue hit $24 billion."

    found = read(text, "$24 billion", kind="money", unit="USD")

    assert (found.measure, found.scope) == ("revenue", "per year")


def test_what_a_result_beat_estimates_by_is_a_difference():
    text = LEAD + "Revenue of $6.1 billion surpassed estimates by $200 million."

    assert read(text, "$200 million", kind="money", unit="USD").scope == "difference"


def test_the_company_s_forecast_for_the_current_quarter_is_projected():
    text = LEAD + "Brindle said it expects total revenue of $6.5 billion in the current quarter."

    found = read(text, "$6.5 billion", kind="money", unit="USD")

    assert (found.measure, found.scope) == ("revenue", "projected")
    assert "forecast" in found.line


def test_the_previous_quarter_s_figure_is_dated_to_it():
    text = LEAD + "In contrast, Brindle's prior quarter revenue was $5.4 billion."

    assert read(text, "$5.4 billion", kind="money", unit="USD").reference == "previous quarter"


def test_the_quarter_s_revenue_is_no_annual_amount_named_after_it():
    text = (
        LEAD + "It had revenue of $6.1 billion for the quarter and annual revenue of $22 billion."
    )

    assert read(text, "$6.1 billion", kind="money", unit="USD").scope == ""
    assert read(text, "$22 billion", kind="money", unit="USD").scope == "per year"


def test_a_fiscal_year_naming_the_results_is_no_date():
    text = "Brindle posted revenue of $6.1 billion for fiscal year 2025, ahead of forecasts."

    assert [f.text for f in figures(text)] == ["$6.1 billion"]


def test_a_fiscal_year_meets_the_calendar_year_it_mostly_falls_in():
    fiscal = matching.Profile(years=frozenset({"fiscal 2025"}))

    assert not matching.time_conflict(fiscal, matching.Profile(years=frozenset({"2024"})))
    assert matching.time_conflict(fiscal, matching.Profile(years=frozenset({"2021"})))


RESULTS = [
    (
        "Brindle Systems posted revenue of $6.12 billion for its fiscal second quarter, a rise"
        " of 41% year-on-year, while net income jumped by 95%. Brindle's cloud business posted"
        " sales of $2.3 billion, up 70% from a year earlier.",
        "Harbour Ledger",
    ),
    (
        "In Q2, Brindle Systems posted revenue of USD 6.1 billion, a 9% increase from the"
        " previous quarter and a 41% surge from last year. Net income was USD 1.9 billion, a"
        " surge of 95%. The company's cloud segment grew 70% year-over-year to $2.3 billion.",
        "Circuit Daily",
    ),
]


def test_outlets_reporting_one_results_report_group_each_measure_apart(make_article):
    first, second = (
        publish(make_article, text, outlet=outlet, published=date(2025, 8, 20))
        for text, outlet in RESULTS
    )

    def fact(article, figure):
        return claim(article, figure).fact_id

    assert fact(first, "$6.12 billion") == fact(second, "USD 6.1 billion")
    assert fact(first, "41%") == fact(second, "41%")
    assert fact(first, "95%") == fact(second, "95%")
    assert fact(first, "70%") == fact(second, "70%")
    assert fact(first, "$2.3 billion") == fact(second, "$2.3 billion")
    assert fact(second, "9%") not in {fact(first, "41%"), fact(first, "95%")}
    assert fact(first, "41%") != fact(first, "95%") != fact(first, "70%")


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("For the three months ended March 31, revenue was $6.1 billion.", "March 31"),
        ("Revenue for fiscal 2025 (ending January 31, 2025) was $22 billion.", "January 31, 2025"),
    ],
)
def test_the_day_a_reporting_period_ends_is_its_own_date(sentence, figure):
    assert read(LEAD + sentence, figure, kind="date").measure == "period end"


def test_a_clause_after_a_semicolon_names_its_own_division():
    text = LEAD + (
        "The storage segment generated $2.9 billion in revenue, up 12% from a year earlier;"
        " cloud revenue climbed to $7.4 billion, up 80% year-over-year."
    )

    assert read(text, "$2.9 billion", kind="money", unit="USD").measure == "storage revenue"
    assert read(text, "$7.4 billion", kind="money", unit="USD").measure == "cloud revenue"
    assert read(text, "80%", kind="percent", unit="percent").measure == "cloud revenue change"


@pytest.mark.parametrize(
    "sentence",
    [
        "Total revenue rose to $6.1 billion; quarterly revenue beat forecasts.",
        "Brindle revenue rose to $6.1 billion.",
    ],
)
def test_the_company_s_own_revenue_names_no_division(sentence):
    assert read(LEAD + sentence, "$6.1 billion", kind="money", unit="USD").measure == "revenue"


def test_an_amount_missing_its_scale_word_joins_its_fact_and_is_flagged(make_article):
    whole = publish(
        make_article,
        "Brindle Systems said revenue was $6.1 billion in the final quarter, above estimates.",
        outlet="Harbour Ledger",
        published=date(2025, 8, 20),
    )
    slipped = publish(
        make_article,
        "Brindle Systems said revenue was $6.1 in the final quarter, above analysts' estimates.",
        outlet="Circuit Daily",
        published=date(2025, 8, 21),
    )

    fact = claim(whole, "$6.1 billion").fact
    assert claim(slipped, "$6.1").fact == fact
    fact.refresh_from_db()
    assert fact.agreement == fact.Agreement.DISPUTED


def test_outlets_citing_different_polls_of_analysts_do_not_dispute_the_estimate(make_article):
    first = publish(
        make_article,
        "Brindle Systems reported quarterly results on Tuesday. Earnings per share were $1.61,"
        " beating analysts' expectations of $1.42 per share.",
        outlet="Harbour Ledger",
        published=date(2025, 8, 20),
    )
    second = publish(
        make_article,
        "Brindle Systems posted quarterly results on Tuesday. Earnings per share came in at"
        " $1.61, above analysts' expectations of $1.43 per share.",
        outlet="Circuit Daily",
        published=date(2025, 8, 20),
    )

    fact = claim(first, "$1.42").fact
    assert claim(second, "$1.43").fact == fact
    fact.refresh_from_db()
    assert fact.agreement != fact.Agreement.DISPUTED


def test_outlets_giving_different_results_still_dispute_them(make_article):
    first = publish(
        make_article,
        "Brindle Systems reported quarterly results on Tuesday. Earnings per share were $1.61.",
        outlet="Harbour Ledger",
        published=date(2025, 8, 20),
    )
    second = publish(
        make_article,
        "Brindle Systems posted quarterly results on Tuesday. Earnings per share were $1.62.",
        outlet="Circuit Daily",
        published=date(2025, 8, 20),
    )

    fact = claim(first, "$1.61").fact
    assert claim(second, "$1.62").fact == fact
    fact.refresh_from_db()
    assert fact.agreement == fact.Agreement.DISPUTED
