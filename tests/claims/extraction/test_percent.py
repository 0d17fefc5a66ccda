import pytest

from tests.claims.extraction.helpers import only_figure, summary


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Unemployment fell to 12% in the region.", ("12%", "percent", "12", "percent", "exact")),
        (
            "Prices rose 12 per cent over the summer.",
            ("12 per cent", "percent", "12", "percent", "exact"),
        ),
        ("Turnout reached 71.4 percent.", ("71.4 percent", "percent", "71.4", "percent", "exact")),
        ("Rents climbed 12.5pc in the capital.", ("12.5pc", "percent", "12.5", "percent", "exact")),
        (
            "The party's lead widened by 3 percentage points.",
            ("3 percentage points", "percent", "3", "percentage points", "exact"),
        ),
        (
            "The bank raised rates by 25 basis points.",
            ("25 basis points", "percent", "25", "basis points", "exact"),
        ),
        (
            "Inflation stood at 3,5 % in the spring.",
            ("3,5 %", "percent", "3.5", "percent", "exact"),
        ),
        (
            "Its stake is less than 1% of the shares.",
            ("1%", "percent", "1", "percent", "less_than"),
        ),
        (
            "Nearly five percent of voters abstained.",
            ("five percent", "percent", "5", "percent", "approx"),
        ),
    ],
)
def test_percent_is_the_number_as_written(sentence, expected):
    assert summary(only_figure(sentence)) == expected


def test_computers_written_as_pcs_are_not_a_percent():
    figure = only_figure("The school bought 40 PCs for its library.")
    assert (figure.kind.value, figure.unit) == ("count", "pcs")


@pytest.mark.parametrize(
    ("sentence", "span", "qualifier"),
    [
        ("The bank will keep its rate at around zero percent.", "zero percent", "approx"),
        ("Bond yields are held at about zero per cent.", "zero per cent", "approx"),
        ("Inflation was zero pct in May.", "zero pct", "exact"),
    ],
)
def test_a_spelled_zero_rate_is_a_percent(sentence, span, qualifier):
    assert summary(only_figure(sentence)) == (span, "percent", "0", "percent", qualifier)
