import pytest

from tests.claims.extraction.helpers import figures, only_figure, summary


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The 10-month-old startup hired a chief executive.",
            ("10-month-old", "duration", "10", "months", "exact"),
        ),
        (
            "The plan will be rolled out over the next 2 years.",
            ("2 years", "duration", "2", "years", "exact"),
        ),
        (
            "Prices have not risen this fast in a decade.",
            ("a decade", "duration", "10", "years", "exact"),
        ),
        ("The coach signed a three-year deal.", ("three-year", "duration", "3", "years", "exact")),
        ("Talks dragged on for 18 months.", ("18 months", "duration", "18", "months", "exact")),
        ("The outage lasted 48 hours.", ("48 hours", "duration", "48", "hours", "exact")),
        (
            "The ban lasted more than two decades.",
            ("two decades", "duration", "20", "years", "more_than"),
        ),
        ("A 34-year-old man was arrested.", ("34-year-old", "duration", "34", "years", "exact")),
        (
            "The cost will be spread over 10 years.",
            ("10 years", "duration", "10", "years", "exact"),
        ),
        (
            "Spending will double over the next decade.",
            ("decade", "duration", "10", "years", "exact"),
        ),
    ],
)
def test_duration_keeps_its_time_unit(sentence, expected):
    assert summary(only_figure(sentence)) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The index posted its biggest one-day drop.",
        "The stock hit a 52-week high on Friday.",
        "The yen fell to a three-year low.",
    ],
)
def test_a_period_naming_a_record_or_a_single_day_is_not_a_duration(sentence):
    assert [f.kind.value for f in figures(sentence)] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The 10-year Treasury yield slipped on Friday.",
        "A 30-year mortgage now costs more.",
        "The two-year gilt rallied.",
        "Buyers shunned 10-year Korean government bonds.",
    ],
)
def test_a_maturity_naming_a_financial_product_is_not_a_duration(sentence):
    assert figures(sentence) == []
