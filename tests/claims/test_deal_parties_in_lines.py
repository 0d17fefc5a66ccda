"""Who a deal's figures are about, read from the deal the story states: the bidder's offer and
premium, the deal's announcement, an investor named right before "invest". Our own sentences;
invented companies."""

from __future__ import annotations

import pytest

from claims import about
from tests.claims.stories import read_in_sentence as read


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Quorra Atlas's agreed purchase of Tessel Foods is the sector's biggest deal.", ""),
        ("Tessel Foods, the old bakery group, agreed to a takeover by Quorra Atlas.", ""),
        ("Quorra Atlas will acquire British biscuit maker Tessel Foods for cash.", ""),
        ("The deal was agreed late on Sunday.", "Quorra Atlas to buy Tessel Foods"),
    ],
)
def test_a_deal_s_parties_are_read_however_the_story_states_the_deal(text, title):
    assert about.ArticleContext(text, title).deal_parties == ("Quorra Atlas", "Tessel Foods")


def test_a_descriptor_before_the_target_stops_at_punctuation():
    text = "Quorra Atlas will acquire a stake, Tessel Foods said."

    assert about.ArticleContext(text).deal_parties is None


def test_an_offer_per_share_in_a_deal_story_names_the_bidder():
    text = (
        "Quorra Atlas will acquire Tessel Foods. "
        "Tessel Foods shareholders are being offered 410p per share in cash."
    )

    found = read(text, "410p", kind="money", unit="GBP")

    assert "Quorra Atlas" in found.line
    assert "Tessel Foods" in found.line


def test_a_premium_in_a_deal_story_names_the_bidder():
    text = "Quorra Atlas will acquire Tessel Foods. The price is a 38% premium for Tessel Foods."

    found = read(text, "38%", kind="percent", unit="percent")

    assert found.line.startswith("Quorra Atlas")


def test_the_announcement_of_the_deal_names_both_parties():
    text = "Quorra Atlas will acquire Tessel Foods. The deal was announced on Monday in London."

    found = read(text, "Monday", kind="date")

    assert "Quorra Atlas" in found.line
    assert "Tessel Foods" in found.line


def test_an_announcement_that_is_no_deal_s_keeps_its_own_name():
    text = (
        "Quorra Atlas will acquire Tessel Foods. "
        "Lintel Mobile announced a new phone on Monday in London."
    )

    found = read(text, "Monday", kind="date")

    assert "Tessel" not in found.line


def test_the_name_right_before_invest_is_the_investor():
    text = (
        "Lumo Maps went live on Friday, the first product of a partnership that sees "
        "Corvane invest roughly $16 million in the start-up."
    )

    found = read(text, "$16 million", kind="money", unit="USD")

    assert found.line.startswith("Corvane")


def test_a_country_s_possessive_before_the_buyer_is_no_party():
    text = "Tessel Foods has agreed to a takeover by India's Quorra Atlas."

    assert about.ArticleContext(text).deal_parties == ("Quorra Atlas", "Tessel Foods")


def test_an_ipo_s_offer_price_stays_the_company_s_own():
    text = (
        "Quorra Atlas bought Tessel Foods in 2006. "
        "Tessel Foods offered shares at $34 each in its IPO on Thursday."
    )

    found = read(text, "$34", kind="money", unit="USD")

    assert "Quorra" not in found.line


def test_the_combined_company_of_a_deal_is_named_after_both_parties():
    text = (
        "Quorra Atlas will acquire Tessel Foods. "
        "The combined group will employ more than 12,000 people."
    )

    found = read(text, "12,000 people", kind="count", unit="people")

    assert found.line.startswith("Quorra Atlas-Tessel Foods combined group")


def test_a_combined_figure_with_no_deal_keeps_the_sentence_s_name():
    text = "Lintel Mobile said the combined group of suppliers employs 12,000 people."

    found = read(text, "12,000 people", kind="count", unit="people")

    assert found.line.startswith("Lintel Mobile")


@pytest.mark.parametrize(
    "text",
    [
        "Corvane will invest $16 million in Lumo Maps, the two said.",
        "Corvane's $16 million investment in Lumo Maps is small.",
        "Corvane takes a small stake in French mapping start-up Lumo Maps.",
        "Corvane takes a small stake in French AI start-up Lumo Maps.",
        "The board is looking at Corvane's new agreement with Lumo Maps.",
    ],
)
def test_an_investment_the_story_states_makes_the_investor_and_the_invested_its_parties(text):
    assert about.ArticleContext(text).deal_parties == ("Corvane", "Lumo Maps")


def test_an_investment_whose_clause_names_no_investor_is_the_story_s_investor_s():
    text = (
        "Corvane will invest $16 million in Lumo Maps. "
        "The Trade Board is looking at the deal, days after the company said it would "
        "invest a further $20 million in the start-up."
    )

    found = read(text, "$20 million", kind="money", unit="USD")

    assert found.line.startswith("Corvane")
    assert found.line.endswith("investment in Lumo Maps")


def test_a_deficit_read_as_an_investment_keeps_its_own_words():
    text = (
        "Corvane will invest $16 million in Lumo Maps. "
        "It will also put $5 million into the firm's pension fund, which has a deficit of "
        "about $31 million."
    )

    found = read(text, "$31 million", kind="money", unit="USD")

    assert "deficit" in found.line


def test_an_investment_with_its_own_target_keeps_it():
    text = (
        "Corvane will invest $16 million in Lumo Maps. "
        "It is a modest sum for a company that has committed $13 billion to Pelion."
    )

    found = read(text, "$13 billion", kind="money", unit="USD")

    assert "Lumo" not in found.line


def test_the_parties_are_shown_as_the_story_writes_them_in_full():
    text = (
        "Lumo Maps is a Paris start-up. Regulators are looking at Corvane's agreement with Lumo, "
        "days after the company said it would invest $2 billion in the start-up."
    )

    found = read(text, "$2 billion", kind="money", unit="USD")

    assert found.line == "Corvane investment in Lumo Maps"


@pytest.mark.parametrize(
    "text",
    [
        "Quorra Atlas is acquiring Tessel Foods for $2 billion.",
        "Tessel Foods agreed to be acquired by food and drinks group Quorra Atlas.",
        "Tessel Foods said on Monday it would be bought by Quorra Atlas.",
    ],
)
def test_a_deal_in_progress_or_in_the_passive_names_its_parties(text):
    assert about.ArticleContext(text).deal_parties == ("Quorra Atlas", "Tessel Foods")


def test_a_brand_describing_the_target_is_no_party():
    text = "Quorra Atlas is acquiring Crispo maker Tessel Foods in a $2 billion deal."

    assert about.ArticleContext(text).deal_parties == ("Quorra Atlas", "Tessel Foods")


def test_a_name_in_brackets_before_the_passive_is_no_party():
    text = "(Wire Desk) -- Tessel Foods (TSF) agreed to be acquired by Quorra Atlas."

    assert about.ArticleContext(text).deal_parties == ("Quorra Atlas", "Tessel Foods")
