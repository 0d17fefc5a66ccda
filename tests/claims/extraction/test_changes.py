"""A percentage the text states as a fall is a negative change; a level reached is not."""

import pytest

from tests.claims.extraction.helpers import figures, only_figure


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("Ferry bookings fell 4% in June.", "4%", "-4"),
        ("Ferry bookings fell by 4 per cent in June.", "4 per cent", "-4"),
        ("The lender's shares closed down 8.8% on the day.", "8.8%", "-8.8"),
        ("The index was lower by as much as five per cent.", "five per cent", "-5"),
        ("Output slid nearly 3 percent in May.", "3 percent", "-3"),
        ("Turnout dropped 2 percentage points.", "2 percentage points", "-2"),
        ("The central bank rate was cut by 50 basis points.", "50 basis points", "-50"),
        ("Orders posted a 6% drop in the quarter.", "6%", "-6"),
        ("Orders suffered a drop of about 6% in the quarter.", "6%", "-6"),
        ("Tin prices were off 3% by noon.", "3%", "-3"),
        ("The miner's shares closed 2.8% lower on the day.", "2.8%", "-2.8"),
        ("Tolvane's stock dropped less than 1% on Monday.", "1%", "-1"),
        ("Its shares slipped slightly more than 2% by noon.", "2%", "-2"),
    ],
)
def test_a_fall_makes_the_change_negative(sentence, span, value):
    figure = only_figure(sentence)
    assert (figure.text, figure.value) == (span, value)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Unemployment fell to 12% in the region.", "12"),
        ("Ferry bookings rose 4% in June.", "4"),
        ("Its share is less than 1% of the market.", "1"),
        ("The rate was 3% lower than a year before.", "3"),
        ("The company paid off 50% of its debt.", "50"),
        ("The tax falls on the lower 40% of earners.", "40"),
        ("Inflation fell below 2% in March.", "2"),
    ],
)
def test_a_level_or_a_rise_keeps_its_sign(sentence, value):
    assert only_figure(sentence).value == value


def test_a_fall_and_the_level_it_came_from_in_one_sentence():
    found = figures("Mill output fell 6.5% to 120 tonnes, down from 9% growth a year ago.")
    assert [(f.text, f.value) for f in found if f.unit == "percent"] == [
        ("6.5%", "-6.5"),
        ("9%", "9"),
    ]


def test_a_plus_sign_before_a_percentage_belongs_to_the_rise():
    figure = only_figure("The shares traded higher (+47%) by noon.")
    assert (figure.text, figure.value) == ("+47%", "47")


def test_a_plus_sign_before_a_phone_number_makes_no_figure():
    assert figures("Call the desk on +44 20 7946 0958.") == []
