"""Coverage of a budget by several outlets: the rise in taxes is one fact however each outlet
words it ("raised taxes by", "of new taxes", "a tax increase package") and whoever it names as
raising them (the minister, the party, the budget)."""

from __future__ import annotations

from datetime import date

from claims.models import Fact
from tests.claims.stories import claim, publish, read_figure


def test_every_wording_of_raising_taxes_by_an_amount_is_a_tax_rise():
    sentences = (
        ("Finance Minister Dara Voss raised taxes by £12bn in the budget.", "£12bn"),
        (
            "The budget will increase taxes by £12 billion, the biggest rise in decades.",
            "£12 billion",
        ),
        ("Voss hit Ostland with £12bn of higher taxes.", "£12bn"),
        ("The Unity Party unveils £12 billion tax increase package.", "£12 billion"),
        (
            "Voss presented a budget that will raise £12 billion through tax increases.",
            "£12 billion",
        ),
        ("Voss announced £12 billion a year in extra taxes.", "£12 billion"),
    )
    for body, figure in sentences:
        found = read_figure(body, figure, kind="money", unit="GBP", published=date(2026, 3, 4))
        assert found.measure == "tax rise", body


def test_money_raised_by_a_company_is_no_tax_rise():
    body = "Pellow raised £12 billion from investors to pay its taxes."
    found = read_figure(body, "£12 billion", kind="money", unit="GBP")
    assert found.measure == "amount raised"


def test_outlets_naming_the_minister_or_the_party_give_one_tax_rise(make_article):
    first = publish(
        make_article,
        "Finance Minister Dara Voss increased taxes by £12bn in her first budget for Ostland.",
        outlet="Coast Wire",
        published=date(2026, 3, 4),
    )
    second = publish(
        make_article,
        "The Unity Party's first budget for Ostland in 14 years was financed by extra borrowing"
        " and £12 billion of new taxes.",
        outlet="Ostland Herald",
        published=date(2026, 3, 4),
    )
    assert claim(first, "£12bn").fact == claim(second, "£12 billion").fact
    assert Fact.objects.filter(agreement=Fact.Agreement.DISPUTED).count() == 0


def test_a_budget_s_tax_rise_is_keyed_whoever_the_clause_says_raises_it():
    keys = {
        read_figure(body, figure, kind="money", unit="GBP", published=date(2026, 3, 4)).key
        for body, figure in (
            ("Finance Minister Dara Voss raised taxes by £12bn.", "£12bn"),
            ("The Unity Party unveils £12 billion tax increase package.", "£12 billion"),
            ("The budget will increase taxes by £12 billion.", "£12 billion"),
        )
    }
    assert keys == {"|tax rise|||"}
