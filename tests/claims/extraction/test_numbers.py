from decimal import Decimal

import pytest

from claims.extraction.numbers import parse_digits, parse_words


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("1,200", "1200"),
        ("1,200,000.5", "1200000.5"),
        ("1.200.000", "1200000"),
        ("1.200,5", "1200.5"),
        ("3,5", "3.5"),
        ("1\u202f200", "1200"),
        ("1\u00a0200\u00a0000", "1200000"),
        ("16.2", "16.2"),
    ],
)
def test_digit_separators_are_read_by_house_style(raw, value):
    assert parse_digits(raw) == Decimal(value)


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("five", 5),
        ("twenty-five", 25),
        ("two hundred and fifty", 250),
        ("three thousand", 3000),
        ("a dozen", 12),
        ("ninety nine", 99),
    ],
)
def test_number_words_are_added_up(raw, value):
    assert parse_words(raw) == Decimal(value)
