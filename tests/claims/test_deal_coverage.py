"""Deal coverage in each outlet's words: company names holding number words, the premium
paid over a share price, when a deal is expected to close. Our own sentences; invented
companies."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from claims import about, comparison
from tests.claims.extraction.helpers import figures
from tests.claims.stories import claim, publish
from tests.claims.stories import read_in_sentence as read


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Shares of Harbour Five Bank rose on Monday.", "Harbour Five Bank"),
        ("Analysts said Three Rivers Power would bid.", "Three Rivers Power"),
        ("The race was run by Velocity Two on Sunday.", "Velocity Two"),
    ],
)
def test_a_number_word_inside_a_name_stays_part_of_it(text, name):
    assert name in [n.text for n in about.find_names(text)]


def test_a_number_word_opening_a_sentence_is_no_name():
    names = [n.text for n in about.find_names("Two Marlow directors resigned on Friday.")]

    assert names == ["Marlow"]


def test_a_name_ending_in_a_number_word_keys_as_the_whole_name():
    assert about.entity_key("Orrin One") == about.entity_key("Orrin One Financial") == "orrin one"
    assert about.entity_key("Orrin One") != about.entity_key("Orrin")
    assert about.entity_key("Vexa Financial Services") == about.entity_key("Vexa") == "vexa"


def test_a_company_named_with_a_number_word_is_the_subject_in_full():
    text = (
        "Orrin One will acquire Vexa Financial Services in a $12.4 billion all-stock deal,"
        " Orrin One said in a statement on Monday."
    )

    found = read(text, "$12.4 billion", kind="money", unit="USD")

    assert found.entity_key == "orrin one"
    assert found.line.startswith("Orrin One deal value")


def test_a_number_word_inside_a_name_is_no_count():
    text = (
        "Vexa holders will get 0.85 Orrin One shares for each share they own."
        " Formula One ran 24 races last year."
    )

    assert [f.text for f in figures(text)] == ["0.85", "24 races"]


def test_a_title_case_headline_s_verb_is_no_part_of_a_name():
    text = "Orrin One agreed to acquire Vexa Labs. Vexa Labs shareholders will own 30% of it."
    context = about.ArticleContext(text, "Orrin One To Acquire Vexa Labs For $9 Billion")

    assert [n.text for n in context.title_names] == ["Orrin One", "Vexa Labs"]


@pytest.mark.parametrize(
    "text",
    [
        "Vexa holders get 0.85 Orrin shares each, a 31.4% premium to Vexa's closing price.",
        "Orrin is offering 412p a share, a premium of 31 per cent to Vexa's closing price.",
        "The offer of 412 pence per share is 31 % above Vexa's share price before the talks.",
    ],
)
def test_a_percent_paid_over_a_share_price_is_a_premium(text):
    figure = next(f for f in figures(text) if f.kind.value == "percent")

    found = read(text, figure.text, kind="percent", unit="percent")

    assert found.measure == "premium"


def test_a_premium_is_no_stake_whoever_owns_the_shares():
    text = (
        "Vexa holders will receive 0.85 Orrin One shares for each Vexa share they own,"
        " a nearly 31 percent premium based on Vexa's closing price last Friday."
    )

    found = read(text, "31 percent", kind="percent", unit="percent")

    assert found.measure == "premium"
    assert found.line == "Vexa premium"


def test_the_line_says_whose_price_a_bidder_s_premium_is_over():
    text = "Orrin One is offering a premium of 31 per cent to Vexa's closing price."

    found = read(text, "31 per cent", kind="percent", unit="percent")

    assert found.line == "Orrin One premium to Vexa"


@pytest.mark.parametrize(
    "text",
    [
        "Vexa shares rose 12% above the offer price on their first day of trading.",
        "Vexa shares closed 12% above their IPO price on Thursday.",
    ],
)
def test_a_share_price_ending_above_its_offer_price_is_no_premium(text):
    assert read(text, "12%", kind="percent", unit="percent").measure != "premium"


def test_roughly_a_percent_is_approximate():
    text = "Vexa holders get roughly a 31 percent premium over Vexa's closing price."

    assert [f.qualifier.value for f in figures(text)] == ["approx"]


PREMIUM = [
    (
        "Orrin One will acquire Vexa Labs in a $12.4 billion all-stock deal. Vexa holders will"
        " receive 0.85 Orrin One shares for each Vexa share, a nearly 31 percent premium based"
        " on Vexa's closing price last Friday.",
        "Harbour Daily",
    ),
    (
        "Orrin One agreed to buy Vexa Labs for $12.4 billion. Vexa shareholders will receive"
        " 0.85 Orrin One share for each Vexa share, representing a 30.7% premium over Vexa's"
        " closing price on Friday.",
        "Market Wire",
    ),
    (
        "Orrin One Financial is poised to acquire Vexa Labs in a deal valued at USD12.4 billion."
        " Vexa shareholders will receive roughly a 30 percent premium over Vexa's closing price.",
        "Gulf Business Post",
    ),
]


def test_outlets_rounding_one_premium_share_its_fact_without_a_dispute(make_article):
    articles = [
        publish(make_article, text, outlet=outlet, published=date(2025, 3, 4))
        for text, outlet in PREMIUM
    ]

    facts = {
        claim(article, figure).fact
        for article, figure in zip(articles, ("31 percent", "30.7%", "30 percent"), strict=True)
    }

    assert len(facts) == 1
    fact = facts.pop()
    fact.refresh_from_db()
    assert fact.agreement != fact.Agreement.DISPUTED


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("The deal is expected to close in late 2026 or early 2027.", "late 2026"),
        ("The deal is expected to close in late 2026 or early 2027.", "early 2027"),
        ("The companies anticipate finalizing the deal in late 2026.", "late 2026"),
        ("Closing is planned for early 2027.", "early 2027"),
        ("Orrin agreed to buy Vexa, a deal set to complete in early 2027.", "early 2027"),
    ],
)
def test_when_a_deal_is_expected_to_close_dates_its_completion(text, figure):
    found = read("Orrin One will acquire Vexa Labs. " + text, figure, kind="date")

    assert found.measure == "deal completion"


COMPLETION = [
    (
        "Orrin One will acquire Vexa Labs for $12.4 billion. The deal is expected to close in"
        " late 2026 or early 2027, subject to approvals.",
        "Harbour Daily",
    ),
    (
        "Orrin One Financial is poised to acquire Vexa Labs. The companies anticipate finalizing"
        " the deal in late 2026 or early 2027.",
        "Gulf Business Post",
    ),
    (
        "Vexa Labs agreed to a takeover by Orrin One, which is expected to close in late 2026 to"
        " early 2027.",
        "Bank Tracker",
    ),
]


def test_outlets_giving_one_closing_window_share_its_two_ends(make_article):
    articles = [
        publish(make_article, text, outlet=outlet, published=date(2025, 3, 4))
        for text, outlet in COMPLETION
    ]

    assert len({claim(article, "late 2026").fact for article in articles}) == 1
    assert len({claim(article, "early 2027").fact for article in articles}) == 1
    assert claim(articles[0], "late 2026").fact != claim(articles[0], "early 2027").fact


def test_each_side_s_holders_own_their_own_stake():
    text = (
        "If the deal closes, Orrin One shareholders will own about 62 percent of the combined"
        " company and Vexa shareholders will own about 38 percent."
    )

    assert read(text, "62 percent", kind="percent", unit="percent").entity_key == "orrin one"
    assert read(text, "38 percent", kind="percent", unit="percent").entity_key == "vexa"


def test_a_transaction_valued_at_an_amount_is_the_deal_s_value():
    text = (
        "Orrin One plans to acquire Vexa Labs in an all-stock transaction valued at $12.4 billion."
    )

    assert read(text, "$12.4 billion", kind="money", unit="USD").measure == "deal value"


@pytest.mark.parametrize(
    "text",
    [
        "Arden Foods is acquiring Bexley Mills for about $4.2 billion.",
        "Arden Foods acquires Bexley Mills for about $4.2 billion.",
    ],
)
def test_an_amount_a_buyer_is_acquiring_for_is_the_deal_s_value(text):
    assert read(text, "$4.2 billion", kind="money", unit="USD").measure == "deal value"


@pytest.mark.parametrize(
    "text",
    [
        "Arden Foods agreed to acquire Bexley Mills for a $4.2 billion price tag.",
        "Arden will pay $41.20 per share in cash for a total consideration of about $4.2 billion.",
        "Arden will buy every Bexley share for $41.20, a total enterprise value of $4.2 billion.",
        "Arden will also take on Bexley's debt, bringing the agreement's total value to about"
        " $4.2 billion.",
    ],
)
def test_an_acquisition_s_price_tag_or_total_consideration_is_the_deal_s_value(text):
    assert read(text, "$4.2 billion", kind="money", unit="USD").measure == "deal value"


def test_a_deal_s_total_value_or_consideration_is_one_fact_with_its_plain_value():
    plain = read("Arden Foods is acquiring Bexley Mills for about $4.2 billion.", "$4.2 billion",
                 kind="money", unit="USD")  # fmt: skip
    for text in (
        "Arden will pay $41.20 per share in cash for a total consideration of about $4.2 billion.",
        "Arden will also take on Bexley's debt, bringing the agreement's total value to about"
        " $4.2 billion.",
    ):
        assert read(text, "$4.2 billion", kind="money", unit="USD").key == plain.key


def test_a_product_s_price_tag_stays_its_price():
    text = "The Vantor jet carries a $90 million price tag."

    assert read(text, "$90 million", kind="money", unit="USD").measure == "price"


@pytest.mark.parametrize(
    "text",
    [
        "Arden will pay Bexley holders $41.20 per share in cash for a total of about $4.2 billion.",
        "Under the deal Arden would pay $41.20 per share, or almost $4.2 billion.",
    ],
)
def test_an_amount_in_billions_next_to_a_price_per_share_is_no_share_price(text):
    assert read(text, "$4.2 billion", kind="money", unit="USD").measure != "share price"


def test_a_price_per_share_is_no_total_whatever_amount_follows_it():
    text = "Arden will pay Bexley holders $41.20 per share in cash for a total of $4.2 billion."

    found = read(text, "$41.20", kind="money", unit="USD")

    assert (found.measure, found.scope) == ("share price", "")


def test_a_premium_over_an_average_price_is_told_apart_from_one_over_a_day_s_price():
    average = read(
        "The offer is a 38% premium over Vexa's unaffected 60-day average share price.",
        "38%",
        kind="percent",
        unit="percent",
    )
    weighted = read(
        "It values Vexa at a 38% premium to its volume-weighted average price.",
        "38%",
        kind="percent",
        unit="percent",
    )
    closing = read(
        "The offer is a 25% premium to Vexa's closing price on Friday.",
        "25%",
        kind="percent",
        unit="percent",
    )

    assert average.measure == closing.measure == "premium"
    assert average.reference == weighted.reference == "average price"
    assert closing.reference != average.reference


def test_an_amount_glued_to_its_currency_code_is_no_name():
    text = "Orrin One will buy Vexa Labs for USD12.4 billion, or USD41.20 a share."

    assert [n.text for n in about.find_names(text)] == ["Orrin One", "Vexa Labs"]


def test_synergies_a_merger_expects_are_savings_not_a_cost():
    text = (
        "The companies said they expect to achieve $1.1 billion in pre-tax synergies that would"
        " include cost-cutting and network savings."
    )

    assert read(text, "$1.1 billion", kind="money", unit="USD").measure == "savings"


def test_a_fraction_of_a_share_is_read_as_an_exchange_ratio():
    text = "Vexa Labs holders will receive 0.85 Orrin One shares for each Vexa share."

    found = read(text, "0.85", kind="quantity", unit="shares")

    assert found.measure == "exchange ratio"
    assert found.line.startswith("Orrin One")


def test_a_market_value_is_worded_in_full():
    text = (
        "Vexa had a market capitalization of $9.6 billion at the close of trading on Friday,"
        " while Orrin's market value stood at $18.2 billion."
    )

    assert read(text, "$18.2 billion", kind="money", unit="USD").line == "Orrin market value"


def test_about_a_precise_market_value_agrees_with_another_outlet_s_close_figure():
    about_value = comparison.Reading(
        number=Decimal("9720000000"), unit="USD", kind="money", qualifier="approx",
        text="$9.72 billion",
    )  # fmt: skip
    at_close = comparison.Reading(
        number=Decimal("9680000000"), unit="USD", kind="money", text="$9.68 billion"
    )
    exact = replace(about_value, qualifier="exact")

    assert comparison.compare(about_value, at_close).agree
    assert not comparison.compare(exact, at_close).agree


@pytest.mark.parametrize(
    "lead",
    [
        "Orrin One will acquire Vexa Labs in an all-stock deal.",
        "Orrin One is poised to acquire Vexa Labs.",
        "Orrin One announced a $12.4 billion deal to acquire Vexa Labs.",
    ],
)
def test_a_deal_s_completion_is_named_after_both_parties(lead):
    text = lead + " The deal is expected to close in late 2026."

    found = read(text, "late 2026", kind="date")

    assert found.line == "Orrin One-Vexa Labs deal completion date"


def test_parties_are_read_within_one_sentence_only():
    text = "Orrin One said it was pleased. Analysts expect Vexa Labs to buy Tamsin Foods."

    assert about.ArticleContext(text).deal_parties == ("Vexa Labs", "Tamsin Foods")


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Vexa holders will receive 1.0245 Orrin One shares for each Vexa share.", "1.0245"),
        ("Orrin One will pay 1.0245 of its own shares for each share of Vexa.", "1.0245"),
        ("Vexa holders get just over 1 (1.0245) Orrin One shares for every Vexa share.", "1.0245"),
    ],
)
def test_an_exchange_ratio_is_the_buyer_s_whichever_party_the_sentence_opens_with(text, figure):
    found = read(text, figure, kind="quantity", unit="shares")

    assert found.measure == "exchange ratio"
    assert found.entity_key == "orrin one"
    assert found.line == "Orrin One exchange ratio per Vexa share"


def test_holders_controlling_part_of_the_combined_company_hold_a_stake():
    text = "Once the deal closes, shareholders of Orrin One will control 60% of the new company."

    assert read(text, "60%", kind="percent", unit="percent").measure == "stake"


def test_holders_controlling_part_of_a_market_hold_no_stake():
    text = "Orrin One and its rivals control 60% of the card market."

    assert read(text, "60%", kind="percent", unit="percent").measure != "stake"


@pytest.mark.parametrize(
    "text",
    [
        "More than $1.2 trillion of its market cap has been added in the past 12 months.",
        "Orrin One added $200 billion to its market value on Thursday.",
        "The sell-off wiped $90 billion off Orrin One's market value.",
    ],
)
def test_an_amount_added_to_a_market_value_is_a_change_not_the_value(text):
    figure = next(f for f in figures(text) if f.kind.value == "money")

    found = read(text, figure.text, kind="money", unit="USD")

    assert (found.measure, found.scope) == ("market value", "change")


def test_a_market_value_reached_is_the_value_itself():
    text = "The rally took Orrin One's market cap to nearly $1.7 trillion at one point."

    found = read(text, "$1.7 trillion", kind="money", unit="USD")

    assert (found.measure, found.scope) == ("market value", "")
