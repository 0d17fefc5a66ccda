import pytest

from tests.claims.extraction.helpers import figures, only_figure, summary


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The port authority borrowed $16.2 million last spring.",
            ("$16.2 million", "money", "16200000", "USD", "exact"),
        ),
        (
            "The club was sold for US$3.1 billion.",
            ("US$3.1 billion", "money", "3100000000", "USD", "exact"),
        ),
        ("Vendors were paid €2 billion.", ("€2 billion", "money", "2000000000", "EUR", "exact")),
        ("The rail link cost £4.3bn.", ("£4.3bn", "money", "4300000000", "GBP", "exact")),
        ("The fund now manages $5B.", ("$5B", "money", "5000000000", "USD", "exact")),
        (
            "The grant was worth ¥900 million.",
            ("¥900 million", "money", "900000000", "JPY", "exact"),
        ),
        (
            "Singtel will spend S$1.5 billion.",
            ("S$1.5 billion", "money", "1500000000", "SGD", "exact"),
        ),
        ("Miners lost A$700 million.", ("A$700 million", "money", "700000000", "AUD", "exact")),
        (
            "The pension plan put in C$2 billion.",
            ("C$2 billion", "money", "2000000000", "CAD", "exact"),
        ),
        (
            "The tycoon paid HK$680 million for the villa.",
            ("HK$680 million", "money", "680000000", "HKD", "exact"),
        ),
        (
            "The ministry set aside USD3.5 million for repairs.",
            ("USD3.5 million", "money", "3500000", "USD", "exact"),
        ),
        (
            "The regulator imposed a fine of EUR 15m.",
            ("EUR 15m", "money", "15000000", "EUR", "exact"),
        ),
        (
            "The city will receive 40 million euros.",
            ("40 million euros", "money", "40000000", "EUR", "exact"),
        ),
        (
            "Exports reached 2.5 trillion yen.",
            ("2.5 trillion yen", "money", "2500000000000", "JPY", "exact"),
        ),
        (
            "The state will spend Rs 500 crore on roads.",
            ("Rs 500 crore", "money", "5000000000", "INR", "exact"),
        ),
        (
            "A $1.2-billion bond was issued.",
            ("$1.2-billion", "money", "1200000000", "USD", "exact"),
        ),
        ("Tickets cost $45 each.", ("$45", "money", "45", "USD", "exact")),
        (
            "The company paid a dividend of 30 cents per share.",
            ("30 cents", "money", "0.3", "USD", "exact"),
        ),
        (
            "The lender raised 12 billion Swiss francs.",
            ("12 billion Swiss francs", "money", "12000000000", "CHF", "exact"),
        ),
        (
            "Investors put in 5 million Australian dollars.",
            ("5 million Australian dollars", "money", "5000000", "AUD", "exact"),
        ),
        ("The startup raised £30k from friends.", ("£30k", "money", "30000", "GBP", "exact")),
        (
            "Microsoft Pledges $80 Billion For Data Centres",
            ("$80 Billion", "money", "80000000000", "USD", "exact"),
        ),
    ],
)
def test_money_amount_is_read_with_its_currency_and_magnitude(sentence, expected):
    # given a sentence with one amount
    # when it is extracted
    figure = only_figure(sentence)
    # then span, value and ISO code are normalised
    assert summary(figure) == expected


def test_pounds_without_magnitude_are_a_weight_not_money():
    figure = only_figure("The baby weighed 8 pounds at birth.")
    assert (figure.kind.value, figure.unit) == ("quantity", "pounds")


def test_parenthesised_amount_is_never_negative():
    found = figures("The charity received €3 million ($3.3 million) from donors.")
    assert [f.value for f in found] == ["3000000", "3300000"]


def test_glued_currency_code_that_is_an_acronym_is_not_money():
    assert figures("Delegates met at COP29 in Baku.") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The miner will pay 72 US cents a share.",
            ("72 US cents", "money", "0.72", "USD", "exact"),
        ),
        ("Bus fares rise by 50 euro cents.", ("50 euro cents", "money", "0.5", "EUR", "exact")),
        (
            "Its airports unit is worth ₹17 lakh crore.",
            ("₹17 lakh crore", "money", "17000000000000", "INR", "exact"),
        ),
        (
            "The utility took a charge of 28.4 billion Danish crowns.",
            ("28.4 billion Danish crowns", "money", "28400000000", "DKK", "exact"),
        ),
        (
            "The contract is worth £1.2m-a-year to him.",
            ("£1.2m", "money", "1200000", "GBP", "exact"),
        ),
    ],
)
def test_money_in_cents_chained_magnitudes_and_national_currency_words(sentence, expected):
    assert summary(only_figure(sentence)) == expected


def test_a_share_price_a_move_reached_takes_the_currency_of_the_amounts_before_it():
    text = (
        "Halvorsen will pay $31 a share. Redwell stock climbed 1.4% Wednesday to 29.82,"
        " while Halvorsen fell 3.6% to 106.49."
    )
    found = [(f.text, f.kind.value, f.unit) for f in figures(text)]
    assert ("29.82", "money", "USD") in found
    assert ("106.49", "money", "USD") in found


def test_an_index_level_or_a_text_without_amounts_gives_no_price():
    index = figures("Halvorsen paid $31 a share. The Dow fell 1.2% to 7412.35.")
    assert all(f.kind.value != "money" for f in index[1:])
    assert all(f.kind.value != "money" for f in figures("Tolvane fell 3% to 12.50."))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "A collector in Varnholt paid $64.2 milion for the tapestry.",
            ("$64.2 milion", "money", "64200000", "USD", "exact"),
        ),
        (
            "The harbour scheme was priced at €3.7 bilion by the council.",
            ("€3.7 bilion", "money", "3700000000", "EUR", "exact"),
        ),
    ],
)
def test_a_magnitude_misspelt_with_one_l_still_scales_the_amount(sentence, expected):
    # given an amount whose magnitude word lost an "l" ("milion"), a slip copy desks miss
    # when it is extracted
    figure = only_figure(sentence)
    # then it is read as the millions it means, not a few dollars
    assert summary(figure) == expected
