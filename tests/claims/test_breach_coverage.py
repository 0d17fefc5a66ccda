"""A data breach at a company, told by several outlets: who was hit, what it cost, what the
company is worth. Our own sentences; invented companies."""

from __future__ import annotations

import pytest

from claims import about
from tests.claims.stories import read_in_sentence as read


@pytest.mark.parametrize("line", ["Resorts", "Hotels", "Casinos", "Cruises", "Stores"])
def test_a_company_named_for_its_line_of_business_is_its_name_alone(line):
    assert about.entity_key(f"Quellmar {line}") == about.entity_key("Quellmar")
    assert about.entity_key(f"KPL {line} International") == about.entity_key("KPL")


def test_a_one_time_cost_is_not_the_whole_cost_of_a_breach():
    text = (
        "The breach is expected to cost Quellmar Resorts more than $80 million. It also expects"
        " to book under $6 million of one-time costs this quarter."
    )
    whole = read(text, "$80 million", kind="money", unit="USD")
    once = read(text, "$6 million", kind="money", unit="USD")

    assert once.measure == whole.measure == "cost"
    assert once.key != whole.key


def test_a_company_called_by_the_first_word_of_its_name_is_shown_by_its_name():
    text = (
        "KPL Hotels Worldwide said hackers struck its hotels. KPL shut its systems. KPL"
        " said the breach cost $80 million."
    )

    found = read(text, "$80 million", kind="money", unit="USD")

    assert found.name == "KPL Hotels Worldwide"


def test_a_company_valued_at_an_amount_in_a_quote_is_the_company_hit():
    text = (
        "Corvane Lodging said hackers broke into its booking systems. Corvane Lodging shut its"
        ' sites. "All the Ostrel crew needed to get into Corvane Lodging was one phone call,"'
        ' the researchers wrote, adding, "A firm valued at $4.2 billion fell to a single phone'
        ' call."'
    )

    found = read(text, "$4.2 billion", kind="money", unit="USD")

    assert (found.entity_key, found.measure) == (about.entity_key("Corvane Lodging"), "valuation")
