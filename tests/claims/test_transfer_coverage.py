"""Football transfer coverage: the fee paid up front is one amount, the most it may rise to
with add-ons another. Our own sentences; invented players and clubs."""

from __future__ import annotations

import pytest

from tests.claims.stories import read_in_sentence as read


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Calder United agreed to sign Tomas Venn for €40m, which could rise to €52m.", "€52m"),
        (
            "The fee for Tomas Venn could increase to a whopping 52 million euros.",
            "52 million euros",
        ),
        ("Tomas Venn could cost Calder United as much as £45m.", "£45m"),
        ("The transfer fee could ideally rise to up to €52m for Ostfeld.", "€52m"),
        ("Tomas Venn's move could be worth closer to €52m with add-ons.", "€52m"),
    ],
)
def test_the_most_a_fee_may_rise_to_is_its_maximum(text, figure):
    assert read(text, figure, kind="money", unit="EUR").scope == "maximum"


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Calder United confirmed the signing of Tomas Venn for €40m plus variables.", "€40m"),
        ("Ostfeld said the deal would cost €40m plus up to 30% of that in variables.", "€40m"),
        ("Ostfeld will receive 40 million euros as a fixed fee for the midfielder.", "40 million"),
    ],
)
def test_a_fee_paid_up_front_is_no_maximum(text, figure):
    assert read(text, figure, kind="money", unit="EUR").scope != "maximum"


def test_the_maximum_and_the_fee_up_front_are_different_facts():
    text = "Calder United agreed a €40m deal for Tomas Venn. The deal could rise to €52m."

    up_front = read(text, "€40m", kind="money", unit="EUR")
    most = read(text, "€52m", kind="money", unit="EUR")

    assert up_front.key != most.key


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Fee: €40m plus add-ons.", "€40m"),
        ("Calder United confirmed the signing of Tomas Venn for €40m plus variables.", "€40m"),
        ("Ostfeld said the deal would cost €40m plus up to 30% of that in variables.", "€40m"),
        (
            "Calder United paid 40 million euros, including add-ons, to land the winger.",
            "40 million",
        ),
        ("Tomas Venn is believed to be costing Calder United an initial €40m.", "€40m"),
        ("The deal includes an upfront payment of €40m.", "€40m"),
    ],
)
def test_what_a_club_pays_for_a_player_is_one_transfer_fee(text, figure):
    assert read(text, figure, kind="money", unit="EUR").measure == "transfer fee"


def test_an_initial_fee_is_the_amount_up_front_not_its_maximum():
    text = "Tomas Venn is costing Calder United an initial €40m. That fee could rise to €52m."

    up_front = read(text, "€40m", kind="money", unit="EUR")

    assert up_front.scope == ""
    assert up_front.key != read(text, "€52m", kind="money", unit="EUR").key


@pytest.mark.parametrize(
    ("text", "figure", "measure"),
    [
        ("Halden Foods agreed to buy Brightwater for $9 billion.", "$9 billion", "deal value"),
        ("The bridge will cost $400 million.", "$400 million", "cost"),
        ("The bank charged fees of $40 million.", "$40 million", ""),
    ],
)
def test_amounts_outside_a_transfer_keep_their_measure(text, figure, measure):
    found = read(text, figure, kind="money", unit="USD").measure
    assert found != "transfer fee"
    assert not measure or found == measure


def test_a_fee_for_a_service_is_no_transfer_fee():
    text = "Subscribers pay a subscription fee of $20 a month."

    assert read(text, "$20", kind="money", unit="USD").measure != "transfer fee"


def test_a_transfer_fee_names_the_player_signed():
    text = "Calder United agreed to sign Tomas Venn for €40m plus add-ons."

    found = read(text, "€40m", kind="money", unit="EUR")

    assert found.measure == "transfer fee"
    assert found.line.startswith("Tomas Venn")


def test_the_club_a_player_is_bought_from_is_no_player_signed():
    text = "Calder United agreed to sign Tomas Venn from Ostfeld Athletic for a fee of €40m."

    assert read(text, "€40m", kind="money", unit="EUR").line.startswith("Tomas Venn")


def test_a_company_bought_from_its_owner_is_what_the_deal_buys():
    text = "Halden Foods agreed to buy Brightwater from Orrin Capital for $9 billion."

    assert "Brightwater" in read(text, "$9 billion", kind="money", unit="USD").line


def test_a_fee_converted_into_another_currency_names_the_same_player():
    text = "Calder United agreed to sign Tomas Venn for €40m (£35m) plus add-ons."

    assert read(text, "£35m", kind="money", unit="GBP").line.startswith("Tomas Venn")


def test_a_maximum_restated_in_another_currency_is_the_same_maximum():
    text = "Tomas Venn's fee could rise to as much as €52m (£45m)."

    assert read(text, "£45m", kind="money", unit="GBP").scope == "maximum"


@pytest.mark.parametrize(
    "descriptor", ["Ostland midfielder", "Ostland ace", "Calder United's winger"]
)
def test_a_team_or_country_before_a_role_describes_the_player_named_next(descriptor):
    text = f"{descriptor} Tomas Venn could cost Harwick City as much as €52m with add-ons."

    assert read(text, "€52m", kind="money", unit="EUR").line.startswith("Tomas Venn")


def test_a_transfer_fee_is_shown_as_one_whatever_the_words_around_it():
    text = "The Ostland midfielder is costing Calder United an initial €40m."

    line = read(text, "€40m", kind="money", unit="EUR").line

    assert line.endswith("transfer fee")
    assert "midfielder" not in line


@pytest.mark.parametrize(
    ("text", "figure", "unit", "scope"),
    [
        (
            "The winger will take home €150,000 (£135,000) per week at Ostfeld.",
            "€150,000",
            "EUR",
            "per week",
        ),
        (
            "The winger will take home €150,000 (£135,000) per week at Ostfeld.",
            "£135,000",
            "GBP",
            "per week",
        ),
        (
            "Tomas Venn’s wage of 12m euros (£10.9m) a year – 231,000 euros (£209,000) a week"
            " – tops the squad.",
            "12m euros",
            "EUR",
            "per year",
        ),
        (
            "Tomas Venn’s wage of 12m euros (£10.9m) a year – 231,000 euros (£209,000) a week"
            " – tops the squad.",
            "231,000 euros",
            "EUR",
            "per week",
        ),
        (
            "Tomas Venn’s wage of 12m euros (£10.9m) a year – 231,000 euros (£209,000) a week"
            " – tops the squad.",
            "£209,000",
            "GBP",
            "per week",
        ),
    ],
)
def test_a_rate_after_a_bracketed_conversion_is_the_rate_of_both_amounts(text, figure, unit, scope):
    assert read(text, figure, kind="money", unit=unit).scope == scope


@pytest.mark.parametrize("basis", ["before tax", "after tax"])
def test_a_wage_before_or_after_tax_is_still_a_rate(basis):
    text = f"Tomas Venn will earn €150,000 (£135,000) a week {basis} at Ostfeld."

    assert read(text, "€150,000", kind="money", unit="EUR").scope.startswith("per week")


def test_a_wage_before_tax_is_another_fact_than_one_after_tax():
    gross = "Tomas Venn signed a contract worth €18m (£16m) a year before tax at Ostfeld."
    net = "Tomas Venn signed a contract worth €11m (£9.8m) a year after tax at Ostfeld."
    netted = "Club sources say the move should net Tomas Venn some €11m annually."

    before_tax = read(gross, "€18m", kind="money", unit="EUR")
    after_tax = read(net, "€11m", kind="money", unit="EUR")

    assert before_tax.key != after_tax.key
    assert read(netted, "€11m", kind="money", unit="EUR").scope == after_tax.scope


@pytest.mark.parametrize(
    "text",
    [
        "Venn gets €150,000 a week under the four-year agreement, Ostfeld said.",
        "Tomas Venn signed a four-year contract worth €9m a year.",
    ],
)
def test_a_contracts_length_is_no_rate_of_the_pay_beside_it(text):
    length = read(text, "four-year", kind="duration", unit="years")

    assert not length.scope.startswith("per ")


def test_a_fee_described_at_length_still_names_the_player_signed():
    text = "Calder United have signed Tomas Venn for a club-record fee of €40m from Ostfeld."

    assert read(text, "€40m", kind="money", unit="EUR").line.startswith("Tomas Venn")
