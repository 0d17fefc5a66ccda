"""Coverage of a company's bankruptcy or restructuring in each outlet's words: when it expects
to leave court protection is no filing date, a failed merger's price is no loss, and the loan
that keeps it running through the case is no equity put into it. Our own sentences; invented
companies."""

from __future__ import annotations

from tests.claims.stories import read_in_sentence as read


def test_the_expected_exit_from_bankruptcy_is_no_filing_date():
    text = (
        "Its depots stay open while Tarnwell Freight, which hopes it can emerge from court"
        " protection by mid-2031, restructures."
    )
    exit_day = read(text, "2031", kind="date", date_value="2031")
    filed = read("Tarnwell Freight filed for bankruptcy in 2030.", "2030", kind="date")

    assert exit_day.measure == "exit"
    assert filed.measure == "filing"


def test_a_failed_merger_s_price_is_a_deal_value_not_a_loss():
    text = (
        "Tarnwell Freight cited mounting losses, heavy debt and a failed $4.6 billion merger"
        " with Ostrava Lines."
    )

    assert read(text, "$4.6 billion", kind="money", unit="USD").measure == "deal value"


def test_rescue_financing_and_an_equity_investment_are_two_measures():
    text = (
        "Its lenders will provide $410m of fresh equity and $260m of debtor-in-possession"
        " financing."
    )
    equity = read(text, "$410m", kind="money", unit="USD")
    loan = read(text, "$260m", kind="money", unit="USD")
    listed = "Tarnwell Freight lined up $260 million of financing, besides $410 million of equity capital."

    assert equity.measure == "investment"
    assert loan.measure == "financing"
    assert read(listed, "$260 million", kind="money", unit="USD").measure == "financing"
    assert read(listed, "$410 million", kind="money", unit="USD").measure == "investment"


def test_a_conversion_in_brackets_does_not_hide_the_words_after_it():
    text = "Its lenders will provide $410m (€380m) of fresh equity and $260m (€241m) of rescue financing."

    assert read(text, "$410m", kind="money", unit="USD").measure == "investment"
    assert read(text, "$260m", kind="money", unit="USD").measure == "financing"


def test_the_debt_a_company_owes_is_one_measure_and_the_debt_it_sheds_another():
    owed = [
        (
            "Tarnwell Freight filed for bankruptcy, listing about $2.7 billion in debt.",
            "$2.7 billion",
        ),
        ("Tarnwell Freight faces a debt crisis of roughly $2.9 billion.", "$2.9 billion"),
        ("Tarnwell Freight seeks to restructure $2.7 billion in debt.", "$2.7 billion"),
    ]
    shed = [
        ("The plan will eliminate $615 million in debt.", "$615 million"),
        ("The deal lets Tarnwell Freight cut its debt by $615 million.", "$615 million"),
    ]
    deferred = "Tarnwell Freight deferred $900 million of bond payments until 2032."

    for text, figure in owed:
        assert read(text, figure, kind="money", unit="USD").measure == "debt", text
    for text, figure in shed:
        assert read(text, figure, kind="money", unit="USD").measure == "debt reduction", text
    assert read(deferred, "$900 million", kind="money", unit="USD").measure == "deferred pay"


def test_a_table_row_s_label_names_no_one():
    text = (
        "Tarnwell Freight filed for bankruptcy on Monday.\n"
        "| Key figures | Amount |\n"
        "|---|---|\n"
        "| Total debt | $2.7 billion |\n"
        "| DIP financing | $260 million |\n"
    )
    debt = read(text, "$2.7 billion", kind="money", unit="USD")
    loan = read(text, "$260 million", kind="money", unit="USD")

    assert (debt.measure, loan.measure) == ("debt", "financing")
    assert debt.entity == loan.entity == "Tarnwell Freight"


def test_the_range_of_assets_and_liabilities_a_filing_gives_is_no_debt():
    text = "Court papers put the liabilities of Tarnwell Foods at somewhere between $500m and $1bn."

    assert read(text, "$500m", kind="money", unit="USD").measure == "liabilities"


def test_the_day_a_company_filed_dates_the_filing_not_the_debt_it_lists():
    dated = read(
        "Tarnwell Freight filed for bankruptcy on March 3, 2031, listing about $2.7 billion in"
        " debt.",
        "$2.7 billion",
        kind="money",
        unit="USD",
    )
    counted = read(
        "Tarnwell Freight's revenue in 2030 was $2.7 billion.", "$2.7 billion", kind="money"
    )

    assert (dated.measure, dated.reference) == ("debt", "")
    assert counted.reference == "2030"


def test_a_company_s_total_debt_is_its_debt():
    total = read("Its total debt is $2.7 billion.", "$2.7 billion", kind="money", unit="USD")
    debt = read("Its debt is $2.7 billion.", "$2.7 billion", kind="money", unit="USD")

    assert total.key == debt.key


def test_the_line_keeps_the_words_an_amount_is_of():
    text = (
        "Its lenders will provide $260 million of debtor-in-possession financing, plus a $410"
        " million equity investment."
    )
    loan = read(text, "$260 million", kind="money", unit="USD")
    equity = read(text, "$410 million", kind="money", unit="USD")

    assert "debtor-in-possession financing" in loan.line
    assert "equity investment" in equity.line


def test_the_words_after_an_amount_end_at_the_next_item():
    text = "Its lenders will provide $410m of fresh equity and $260m of rescue financing."

    assert "fresh equity" in read(text, "$410m", kind="money", unit="USD").line
