"""A price and its move in one sentence, horizons at a year's edge, rates and doses as
quantities, and shares of something that stay positive beside words of cutting."""

import datetime as dt

import pytest

from tests.claims.extraction.helpers import figures, summary


def _values(text, published=None):
    return [(f.text, f.value) for f in figures(text, published)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Tallow futures jumped almost $7 to $91.25 a tonne, while cocoa climbed $3.10 to $48.40.",
            [("$7", "7"), ("$91.25", "91.25"), ("$3.10", "3.1"), ("$48.40", "48.4")],
        ),
        (
            "Zinc futures rose 4.8% or $6 to $131.02 a tonne by noon.",
            [("4.8%", "4.8"), ("$6", "6"), ("$131.02", "131.02")],
        ),
        (
            "Ardent Bank raised its zinc forecast by $8 to $150 a tonne.",
            [("$8", "8"), ("$150", "150")],
        ),
    ],
)
def test_a_move_and_the_level_it_reached_are_two_figures(sentence, expected):
    assert _values(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("Tickets for the Orvel fair cost $12 to $18.", "$12 to $18", "12"),
        ("Orvel fares rose $2-$3 a ride.", "$2-$3", "2"),
    ],
)
def test_a_range_of_amounts_stays_one_figure(sentence, span, value):
    (found,) = figures(sentence)
    assert (found.text, found.value) == (span, value)


def test_the_end_or_start_of_a_year_is_its_last_or_first_month():
    found = _values(
        "The Kestrel levy stays until the end of 2027 and returns from the start of 2029."
    )
    assert found == [("end of 2027", "2027-12"), ("start of 2029", "2029-01")]


def test_a_month_from_which_something_runs_is_a_date():
    found = _values("The Kestrel levy applies from June.", published=dt.date(2031, 3, 4))
    assert found == [("June", "2031-06")]


def test_a_bare_month_of_the_latest_dated_month_keeps_its_year():
    # Undated text: "in September" is the month of the decision dated Sept. 9, not a year on.
    text = (
        "On Sept. 9, 2030, the Varro council voted on the levy. "
        "The decision in September surprised traders, and the levy starts in March."
    )
    found = [(t, v) for t, v in _values(text) if t in ("September", "March")]
    assert found == [("September", "2030-09"), ("March", "2031-03")]


def test_a_horizon_at_a_year_end_does_not_date_an_undated_article():
    text = (
        "On Sept. 9, 2030, the Varro council voted on a levy lasting until the end of 2031. "
        "It takes effect from March."
    )
    assert ("March", "2031-03") in _values(text)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Dunmore will trim output by 35k barrels per day.",
            ("35k barrels per day", "quantity", "35000", "barrels per day", "exact"),
        ),
        (
            "The Halvex pill comes in 2.5 mg and 7 milligrams doses.",
            ("2.5 mg", "quantity", "2.5", "milligrams", "exact"),
        ),
        (
            "Patients need a BMI of 32 or greater to qualify.",
            ("32", "quantity", "32", "BMI", "at_least"),
        ),
        (
            "Adults with a body mass index of at least 28 may enrol.",
            ("28", "quantity", "28", "BMI", "at_least"),
        ),
    ],
)
def test_rates_doses_and_an_index_named_before_are_quantities(sentence, expected):
    assert summary(figures(sentence)[0]) == expected


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Brannock said it is cutting 12% of its workforce.", "12"),
        ("Volunteers lost 16% of their body weight on the Halvex pill.", "16"),
        ("The Halvex pill reduced body weight by 16% in the trial.", "16"),
        ("Brannock will reduce its fees by as much as 40% for students.", "40"),
        ("The board lowered its key rate by 25 basis points.", "25"),
    ],
)
def test_a_share_of_something_or_the_size_of_a_cut_made_is_positive(sentence, value):
    found = [f for f in figures(sentence) if f.kind.value == "percent"]
    assert found[0].value == value


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Brannock shares fell 6% on Monday.", "-6"),
        ("Brannock sales were cut sharply by 5%.", "-5"),
    ],
)
def test_a_fall_of_the_thing_measured_stays_negative(sentence, value):
    assert figures(sentence)[0].value == value


@pytest.mark.parametrize(
    "sentence",
    ["Halvex treats type 2 diabetes in adults.", "The Halvex trial enrolled stage 3 patients."],
)
def test_a_number_after_a_numbering_word_is_a_label(sentence):
    assert figures(sentence) == []
