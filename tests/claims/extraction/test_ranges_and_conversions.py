import pytest

from tests.claims.extraction.helpers import figures, only_figure


@pytest.mark.parametrize(
    ("sentence", "span", "low", "high", "unit"),
    [
        ("The blast injured between 10 and 12 people.", "10 and 12 people", "10", "12", "people"),
        ("The deal is worth $3m-$5m to the seller.", "$3m-$5m", "3000000", "5000000", "USD"),
        ("Rents may rise 10 to 12 per cent this year.", "10 to 12 per cent", "10", "12", "percent"),
        ("Analysts see margins of 8%-9% in 2025.", "8%-9%", "8", "9", "percent"),
        ("The repair will cost $3-5 million.", "$3-5 million", "3000000", "5000000", "USD"),
        (
            "The bid values it at between €1.5bn and €2bn.",
            "€1.5bn and €2bn",
            "1500000000",
            "2000000000",
            "EUR",
        ),
    ],
)
def test_range_is_one_figure_with_low_and_high(sentence, span, low, high, unit):
    figure = figures(sentence)[0]
    assert (figure.text, figure.value, str(figure.number_high), figure.unit) == (
        span,
        low,
        high,
        unit,
    )


def test_from_to_is_two_figures_and_the_first_borrows_the_unit():
    found = figures("The rate went from 4 to 5 per cent.")
    assert [(f.text, f.value, f.unit) for f in found] == [
        ("4", "4", "percent"),
        ("5 per cent", "5", "percent"),
    ]


def test_euro_amount_with_conversion_is_two_linked_figures():
    # given an amount restated in another currency
    found = figures("The state will invest 20 million euros, or about $21.7 million, in the plant.")
    # then the second figure converts the first and is hedged
    assert [(f.text, f.unit, f.qualifier.value, f.converts) for f in found] == [
        ("20 million euros", "EUR", "exact", None),
        ("$21.7 million", "USD", "approx", 0),
    ]
    assert found[1].subject == found[0].subject


def test_parenthesised_conversion_links_to_the_amount_before_it():
    found = figures("Sales hit £4.3 billion ($5.32 billion) last year.")
    assert [f.converts for f in found] == [None, 0]


def test_same_currency_amounts_are_not_conversions():
    found = figures("It paid $5 million, or $2 a share.")
    assert [f.converts for f in found] == [None, None]


def test_minus_sign_only_counts_before_a_temperature():
    assert only_figure("Shares moved -5% and the index was flat.").value == "-5"
    assert [f.value for f in figures("The 2019-2023 plan saved 5% of costs.")] == [
        "2019",
        "2023",
        "5",
    ]


def test_a_magnitude_range_written_with_a_plus_is_one_figure():
    figure = only_figure("Aftershocks of magnitude 5.5+ to 6.0 may follow.")
    assert (figure.text, figure.value, str(figure.number_high), figure.unit) == (
        "magnitude 5.5+ to 6.0",
        "5.5",
        "6",
        "magnitude",
    )
