"""Player contracts in each outlet's words: the deal a story is about, and the other players'
deals it is compared with, each keyed by its own player. Our own sentences; invented players
and clubs."""

from __future__ import annotations

from datetime import date

import pytest

from tests.claims.stories import claim, publish
from tests.claims.stories import read_in_sentence as read


@pytest.mark.parametrize(
    ("text", "figure", "key"),
    [
        (
            "Rob Vale's deal tops Ana Ruiz's $510 million deal with Harbour City.",
            "$510 million",
            "ruiz|deal value|||",
        ),
        (
            "It surpasses the 12-year, $480 million extension Ana Ruiz signed with Harbour City.",
            "$480 million",
            "ruiz|deal value|||",
        ),
        (
            "It beats the $480 million deal star forward Ana Ruiz signed with Harbour City.",
            "$480 million",
            "ruiz|deal value|||",
        ),
        (
            "It beat the $390 million contract signed by Ana Ruiz with Harbour City.",
            "$390 million",
            "ruiz|deal value|||",
        ),
        ("It tops the $520 million extension for Ana Ruiz.", "$520 million", "ruiz|deal value|||"),
        (
            "Vale also passed Ana Ruiz and her 12-year $365 million deal.",
            "$365 million",
            "ruiz|deal value|||",
        ),
        (
            "Rob Vale agreed to a 10-year, $650 million contract with the Harbour City Comets.",
            "$650 million",
            "vale|deal value|||",
        ),
    ],
)
def test_a_deal_compared_with_is_its_own_player_s(text, figure, key):
    assert read(text, figure, kind="money", unit="USD").key == key


def test_a_company_bought_stays_the_target_not_the_signer():
    found = read(
        "Orrin agreed a $5 billion deal for Vexa Labs.", "$5 billion", kind="money", unit="USD"
    )

    assert found.key == "orrin|deal value|||vexa labs"


COMPARED = [
    (
        "Rob Vale signed a 10-year, $650 million contract with the Comets. It tops the 10-year,"
        " $480 million extension Ana Ruiz signed with Harbour City.",
        "Sports Desk",
    ),
    (
        "Rob Vale agreed to a $650 million deal with the Comets. The deal surpasses the $530"
        " million extension for Ana Ruiz with Harbour City.",
        "Ballpark Wire",
    ),
]


@pytest.mark.django_db
def test_outlets_disagreeing_on_another_player_s_deal_share_a_disputed_fact(make_article):
    first, second = (
        publish(make_article, text, outlet=outlet, published=date(2025, 6, 6))
        for text, outlet in COMPARED
    )

    compared = claim(first, "$480 million").fact
    assert claim(second, "$530 million").fact == compared
    assert claim(first, "$650 million").fact == claim(second, "$650 million").fact != compared
    compared.refresh_from_db()
    assert compared.agreement == compared.Agreement.DISPUTED


@pytest.mark.parametrize(
    ("text", "figure", "measure"),
    [
        (
            "Vale agreed to defer $610 million of that total until 2040.",
            "$610 million",
            "deferred pay",
        ),
        (
            "Vale will set aside $61 million of his $63 million each year.",
            "$61 million",
            "deferred pay",
        ),
        ("Vale will set aside $61 million of his $63 million each year.", "$63 million", ""),
        ("In 2016, Ana Ruiz deferred $90 million of her salary.", "$90 million", "deferred pay"),
        ("With the deferral, the Comets are saving about $20 million.", "$20 million", "savings"),
    ],
)
def test_pay_put_off_is_its_own_amount_not_the_deal_it_comes_from(text, figure, measure):
    assert read(text, figure, kind="money", unit="USD").measure == measure


def test_a_contract_s_clause_is_no_deal_value():
    found = read("The contract includes a €90m release clause.", "€90m", kind="money", unit="EUR")

    assert found.measure != "deal value"


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("The payroll tax hit on the contract will be around $41 million.", "$41 million"),
        ("Vale's hit towards the luxury tax will be about $41 million annually.", "$41 million"),
        (
            "Under the league's payroll tax, the deal carries an annual hit of $41 million.",
            "$41 million",
        ),
        ("Ana Ruiz carries a cap hit of $12 million this season.", "$12 million"),
    ],
)
def test_what_a_deal_counts_against_a_payroll_tax_is_no_deal_value(text, figure):
    assert read(text, figure, kind="money", unit="USD").measure == "payroll hit"


def test_pay_deferred_out_of_that_total_names_the_total_not_the_deferral():
    found = read(
        "The deal includes deferrals covering most of that $650 million.",
        "$650 million",
        kind="money",
        unit="USD",
    )

    assert found.measure != "deferred pay"


RESTATED = [
    (
        "Rob Vale agreed to a 10-year, $650 million contract with the Comets on Friday. At"
        " $650 million, Vale's deal beats Ana Ruiz's $480 million deal from 2015-2020.",
        "Sports Desk",
    ),
    ("Rob Vale signed a $650 million contract with the Comets, the club said.", "Ballpark Wire"),
]


@pytest.mark.django_db
def test_one_deal_value_written_twice_in_an_article_is_one_fact(make_article):
    first, second = (
        publish(make_article, text, outlet=outlet, published=date(2025, 6, 6))
        for text, outlet in RESTATED
    )

    lead, again = (c for c in first.claims.all() if c.text == "$650 million")
    assert lead.fact_id == again.fact_id == claim(second, "$650 million").fact_id


@pytest.mark.django_db
def test_two_players_deals_sharing_a_round_value_in_an_article_stay_apart(make_article):
    article = publish(
        make_article,
        "Rob Vale signed a $40 million contract with the Comets on Friday. Last year Ana Ruiz"
        " agreed to a $40 million contract with Harbour City.",
        outlet="Sports Desk",
        published=date(2025, 6, 6),
    )

    vale, ruiz = (c for c in article.claims.all() if c.text == "$40 million")
    assert vale.subject_key != ruiz.subject_key
    assert vale.fact_id != ruiz.fact_id


@pytest.mark.parametrize(
    ("text", "figure", "measure"),
    [
        (
            "Rob Vale will get a $40 million signing bonus from the Comets.",
            "$40 million",
            "signing bonus",
        ),
        ("Vale is set to receive a $40m (£31m) signing-on fee.", "$40m", "signing bonus"),
        (
            "Vale's deal has an average annual value of $32 million.",
            "$32 million",
            "average annual value",
        ),
        (
            "The Comets can raise the average annual value of the last five years of his deal"
            " from $32 million to $35 million.",
            "$32 million",
            "average annual value",
        ),
        (
            "Rob Vale has agreed the club's biggest ever contract, worth $480m, to join the Comets.",
            "$480m",
            "deal value",
        ),
        (
            "The Comets tied Vale down to a new five-year deal worth a reported $200m.",
            "$200m",
            "deal value",
        ),
    ],
)
def test_a_contract_s_parts_and_its_worth_are_read_as_the_deal_s(text, figure, measure):
    assert read(text, figure, kind="money", unit="USD").measure == measure


def test_a_valuation_stays_a_valuation():
    found = read(
        "Brightmoor is now worth $480m after the round.", "$480m", kind="money", unit="USD"
    )

    assert found.measure == "valuation"


@pytest.mark.parametrize(
    "text",
    [
        "PORTVALE (AP) — Star outfielder Rob Vale and the Harbour City Comets agreed Sunday to a "
        "$650 million contract. The Comets kept the star they wanted.",
        "PORTVALE, March 3 (Reuters) - Star outfielder Rob Vale and the Harbour City Comets agreed "
        "to a $650 million contract. The Comets kept the star they wanted.",
    ],
)
def test_a_common_word_opening_the_story_after_its_dateline_names_no_one(text):
    # Written in lower case elsewhere, "Star" is only capitalised because it opens the story.
    found = read(text, "$650 million", kind="money", unit="USD")

    assert not found.key.startswith("star|")


def test_a_name_of_two_capitalised_words_after_the_dateline_stays_a_name():
    found = read(
        "PORTVALE (AP) — Storm Lena cut power to 40,000 homes on Sunday. The storm moved north.",
        "40,000 homes",
        kind="count",
        unit="homes",
    )

    assert found.entity == "Storm Lena"


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        (
            "Others include Harbour quarterback Ana Ruiz becoming the top earner by agreeing a "
            "four-year extension worth $210 million.",
            "$210 million",
        ),
        (
            "In 2021, Port Comets quarterback Ana Ruiz signed a 10-year extension worth $380 "
            "million.",
            "$380 million",
        ),
        (
            "The Harbour Comets signed free agent Ana Ruiz to a 12-year, $480 million deal.",
            "$480 million",
        ),
    ],
)
def test_a_deal_is_the_player_s_its_sentence_names_by_role(text, figure):
    assert read(text, figure, kind="money", unit="USD").key.startswith("ruiz|deal value|")


@pytest.mark.parametrize(
    "text",
    [
        "The Harbor Hawks agreed to a five-year, $90 million deal with pitcher Tom Vale.",
        "The Harbor Hawks reached a $90 million contract with free agent Tom Vale on Monday.",
        "The Harbor Hawks agreed to a $90 million deal with Tom Vale. Vale pitched 200 innings.",
        "Tom Vale agreed to terms with the Harbor Hawks on a five-year, $90 million contract.",
        "The Harbor Hawks signed pitcher Tom Vale to a five-year, $90 million contract.",
    ],
)
def test_a_deal_between_a_club_and_a_player_is_the_player_s(text):
    assert read(text, "$90 million", kind="money", unit="USD").key == "vale|deal value|||"


def test_a_deal_with_a_club_is_not_the_club_s():
    found = read(
        "Tom Vale agreed to a $90 million deal with the Harbor Hawks.",
        "$90 million",
        kind="money",
        unit="USD",
    )

    assert found.key == "vale|deal value|||"


@pytest.mark.django_db
def test_one_contract_written_from_the_club_and_from_the_player_is_one_fact(make_article):
    first = publish(
        make_article,
        "The Harbor Hawks agreed to a five-year, $90 million deal with pitcher Tom Vale on"
        " Monday. Vale won 14 games last season.",
        outlet="Ballpark Wire",
        published=date(2025, 6, 6),
    )
    second = publish(
        make_article,
        "Tom Vale agreed to terms with the Harbor Hawks on a five-year, $90 million contract."
        " The Hawks finished 30 games out of first place.",
        outlet="Sports Desk",
        published=date(2025, 6, 6),
    )

    club_s, player_s = claim(first, "$90 million"), claim(second, "$90 million")
    assert club_s.fact == player_s.fact
    assert club_s.subject_entity == player_s.subject_entity == "Tom Vale"
