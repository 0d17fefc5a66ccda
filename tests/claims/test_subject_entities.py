"""Which entity a figure is about when its sentence also names a place it happens in or a
source that reads it. Our own sentences; no database."""

from __future__ import annotations

from tests.claims.stories import read_in_sentence as read


def test_a_place_the_clause_puts_the_figure_in_is_not_what_it_is_about():
    text = (
        "Pellow Networks will list in Kestrel City this week. Traders in Kestrel City"
        " expect strong demand. Pellow Networks priced its shares at $21 (€19) ahead of"
        " its debut in Kestrel City on Friday, giving it a valuation of $4.2 billion."
    )

    found = read(text, "$4.2 billion", kind="money")

    assert found.line.startswith("Pellow Networks valuation")
    assert found.entity_key == "pellow"


def test_a_name_owning_the_place_is_still_the_actor_of_its_clause():
    text = (
        "Harlow backs Corvane. Cloudway hosts many models, and Harlow runs Cloudway."
        " The new model went live on Harlow's Cloudway service this week, a deal that"
        " also sees Harlow invest $16 million in the start-up."
    )

    found = read(text, "$16 million", kind="money")

    assert found.line.startswith("Harlow investment")


def test_analysts_at_a_firm_read_a_figure_they_are_not_its_subject():
    text = (
        "Tarnwell Foods agreed to buy Oakridge Dairy. Tarnwell will pay 300p a share."
        " Analysts at Brackley Research called the price high at 15 times Oakridge's"
        " expected earnings."
    )

    found = read(text, "15 times", kind="quantity")

    assert "Brackley" not in found.line
    assert found.line.startswith("Tarnwell")


def test_the_district_a_count_belongs_to_is_the_one_the_text_named_so():
    text = (
        "Storm Edda flooded the valley on Monday. Schools in the Denholm Valley district"
        " stay shut. Inspector Ruth Amis said 9 of the district's 41 schools had flood damage."
    )

    part = read(text, "9", kind="count")
    whole = read(text, "41 schools", kind="count", unit="schools")

    assert part.entity == "Denholm Valley"
    assert whole.line.startswith("Denholm Valley ")


def test_a_county_named_only_in_an_officials_title_still_names_its_shelters():
    text = (
        "Storm Edda killed 12 people on Monday. Marlow County Sheriff Tom Reed said the"
        " roads were closed. At the peak, 640 residents were staying in the county's"
        " four shelters."
    )

    found = read(text, "640 residents", kind="count", unit="residents")

    assert found.line.startswith("Marlow County residents")


def test_a_place_the_figure_happened_above_is_not_what_it_is_about():
    text = (
        "Corran Air grounded its jets on Saturday. Corran Air said inspections would start"
        " soon. Velmark officials praised the crew. The jetliner was two miles above Velmark"
        " when the panel blew out on Friday, forcing an emergency landing."
    )

    found = read(text, "Friday", kind="date", date_value="2025-03-07")

    assert found.entity == "Corran Air"


def test_the_party_opening_a_sentence_is_the_one_the_sentence_before_named():
    text = (
        "Reds take Ostmark poll\n\nThe Ostmark Labour Union won 40 of the 90 seats in the"
        " Ostmark assembly on Sunday. The party took 28.5% of the vote, up 3.1 points."
    )

    found = read(text, "28.5%", kind="percent")

    assert found.line.startswith("Ostmark Labour Union ")


def test_a_figure_after_a_closed_which_clause_belongs_to_the_name_before_it():
    text = (
        "Orvel launched its Nova phone on Tuesday. Orvel said Nova demand was strong, and"
        " Orvel expects Nova sales in Lisbon, Madrid and Porto to beat Arden and Corsa."
        " The phone uses a chip made by its supplier. Tamsin's shares, which trade in"
        " Frankfurt, rose 4.1%."
    )

    found = read(text, "4.1%", kind="percent")

    assert found.line.startswith("Tamsin")


def test_shares_in_a_company_are_that_company_s_whichever_the_article_is_about():
    text = (
        "Oakridge Dairy agreed to a takeover by Tarnwell Foods. Oakridge will get 300p a"
        " share, and Oakridge holders cheered. Shares in Tarnwell dropped by more than 4% in"
        " early trading."
    )

    found = read(text, "4%", kind="percent", unit="percent")

    assert found.entity_key == "tarnwell"


def test_shares_a_holder_owns_are_the_holder_s_stake():
    text = (
        "Oakridge Dairy listed on Monday. Brackley Capital owns 9 million shares of"
        " Oakridge, worth more than $300 million after the listing."
    )

    found = read(text, "$300 million", kind="money")

    assert found.line.startswith("Brackley Capital")


def test_a_trade_word_opening_the_sentence_describes_the_company_after_it():
    text = "Software giant Norvex will cut more than 9% of its staff, or about 4,100 employees."

    assert read(text, "9%", kind="percent").entity_key == "norvex"
    assert read(text, "4,100 employees", kind="count", unit="jobs").entity_key == "norvex"


def test_a_named_day_of_the_calendar_dates_a_figure_and_is_not_its_subject():
    text = (
        "Dockers at Halvard Port went on strike. The strike closed the port."
        " The vote on the eve of Polling Day reopens cranes that the dockers' walkout has"
        " idled for 41 days."
    )

    found = read(text, "41 days", kind="duration")

    assert found.entity_key == "halvard"
