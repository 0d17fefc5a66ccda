"""House styles of real coverage: fiscal labels, decimal commas before a hyphenated scale,
shared magnitudes in "from $X to $Y", engine units."""

import pytest

from tests.claims.extraction.helpers import figures, summary


@pytest.mark.parametrize(
    "sentence",
    [
        "Its fiscal 2024 results beat forecasts.",
        "The brewer cut its FY2025 guidance again.",
        "Q3 2024 earnings at the chain were weak.",
        "The council reports fiscal year 2023 accounts on Monday.",
    ],
)
def test_a_fiscal_period_naming_a_report_is_no_date(sentence):
    assert [f for f in figures(sentence) if f.kind.value == "date"] == []


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("In fiscal 2024 revenue at the chain rose.", "2024", "2024"),
        ("For fiscal 2024, sales were flat.", "2024", "2024"),
        ("Margins widened in Q3 2024.", "Q3 2024", "2024"),
    ],
)
def test_a_fiscal_period_as_a_time_is_a_date(sentence, span, value):
    assert [(f.text, f.value) for f in figures(sentence)] == [(span, value)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The port upgrade will cost $14,2-billion.",
            ("$14,2-billion", "money", "14200000000", "USD", "exact"),
        ),
        (
            "Spending rose to €3,75-million.",
            ("€3,75-million", "money", "3750000", "EUR", "exact"),
        ),
    ],
)
def test_a_decimal_comma_before_a_hyphenated_scale(sentence, expected):
    assert [summary(f) for f in figures(sentence)] == [expected]


def test_both_ends_of_a_change_share_the_magnitude_written_once():
    found = figures("The budget grew from $3 to $5 million.")
    assert [(f.text, f.value) for f in found] == [("$3", "3000000"), ("$5 million", "5000000")]


def test_both_ends_of_a_price_change_keep_their_own_values():
    found = figures("The shares went from $3 to $5.50.")
    assert [(f.text, f.value) for f in found] == [("$3", "3"), ("$5.50", "5.5")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The motor peaks at 6,500 rpm.",
            ("6,500 rpm", "quantity", "6500", "revolutions per minute", "exact"),
        ),
        (
            "It makes 410 pound-feet of torque.",
            ("410 pound-feet", "quantity", "410", "pound-feet", "exact"),
        ),
        (
            "It makes 410 lb-ft of torque.",
            ("410 lb-ft", "quantity", "410", "pound-feet", "exact"),
        ),
        (
            "Inflate the tyres to 36 psi.",
            ("36 psi", "quantity", "36", "pounds per square inch", "exact"),
        ),
    ],
)
def test_engine_and_pressure_units(sentence, expected):
    assert [summary(f) for f in figures(sentence)] == [expected]


def test_torque_in_pound_feet_with_its_metric_conversion():
    found = figures("It makes 410 pound-feet (556 Nm) of torque.")
    assert [(f.value, f.unit, f.converts) for f in found] == [
        ("410", "pound-feet", None),
        ("556", "newton meters", 0),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The petition drew 25k signatures.", ("25k signatures", "count", "25000", "signatures")),
        ("Tickets start at $25K.", ("$25K", "money", "25000", "USD")),
        ("She took a £25k-a-year job.", ("£25k", "money", "25000", "GBP")),
        (
            "The petition's signatures reached 25k on Monday.",
            ("25k", "count", "25000", "signatures"),
        ),
        ("The death toll rose to 1.2k.", ("1.2k", "count", "1200", "people")),
    ],
)
def test_thousands_written_with_a_k(sentence, expected):
    assert [summary(f)[:4] for f in figures(sentence)] == [expected]


@pytest.mark.parametrize(
    "sentence", ["He ran a 10k race in the rain.", "The camera records 4K video at night."]
)
def test_a_k_with_nothing_counted_may_be_a_distance_or_a_resolution(sentence):
    assert figures(sentence) == []
