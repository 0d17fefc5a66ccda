"""One entity written several ways (its name, its acronym, a news nickname) has one key, so
its figures meet in one fact whichever way each outlet writes it."""

from __future__ import annotations

from datetime import date

import pytest

from claims import about
from claims.models import Fact
from tests.claims.stories import claim, publish, read_figure


@pytest.mark.parametrize(
    ("name", "alias"),
    [
        ("Bank of Varda", "BOV"),
        ("Bank of Varda", "BoV"),
        ("the Fed", "Federal Reserve"),
        ("Tories", "Conservatives"),
        ("Tory", "Conservative Party"),
        ("GOP", "Republican Party"),
        ("Dems", "Democratic Party"),
        ("Lib Dems", "Liberal Democrats"),
        ("European Union", "EU"),
    ],
)
def test_a_name_and_its_usual_short_form_share_a_key(name, alias):
    assert about.entity_key(name) == about.entity_key(alias)


def test_an_institution_named_after_a_place_is_not_the_place():
    assert about.entity_key("Bank of Varda") != about.entity_key("Varda")
    assert about.entity_key("Ministry of Finance") != about.entity_key("Finance")


def test_an_acronym_is_the_name_whose_initials_it_spells_in_the_same_article():
    text = (
        "The Reserve Bank of Tellaria raised its main rate on Monday. Tellaria's inflation ran"
        " at 4.1% in May. The RBT said its rate would rise to 3.25%."
    )
    context = about.ArticleContext(text)

    assert context.key("Reserve Bank of Tellaria") == context.key("RBT") == "rbt"
    assert context.key("Tellaria") != "rbt"


def test_a_country_written_with_full_stops_counts_in_the_acronym():
    text = (
        "The U.S. Seismic Survey put the tremor at magnitude 6.1. The USSS said it struck at a"
        " depth of 12 km."
    )
    context = about.ArticleContext(text)

    assert context.key("Seismic Survey") == context.key("USSS")


def test_an_acronym_two_names_could_spell_stays_its_own():
    text = (
        "Pallas Brands raised prices by 3%. Pine Bay approved 40 berths. PB said more would follow."
    )
    context = about.ArticleContext(text)

    assert context.key("PB") == "pb"
    assert context.key("Pallas Brands") == about.entity_key("Pallas")
    assert context.key("Pine Bay") != "pb"


def test_the_bank_alone_is_the_one_bank_the_article_names():
    text = (
        "The Bank of Tellaria cut its rate to 2.5% on Monday. The Bank said it would buy bonds"
        " worth 40 billion crowns a month."
    )
    found = read_figure(
        text, "40 billion crowns", kind="money", sentence_start=text.index("The Bank said")
    )

    assert found.entity_key == about.entity_key("Bank of Tellaria")


def test_a_central_bank_figure_is_the_bank_s_not_its_country_s():
    text = "The Bank of Tellaria cut its main rate to 2.5% on Monday, its first cut in a decade."
    found = read_figure(text, "2.5%", kind="percent")

    assert found.entity_key != about.entity_key("Tellaria")
    assert found.entity_key == about.entity_key("BOT")


def test_outlets_writing_a_bank_s_name_and_its_acronym_dispute_one_rate(make_article):
    first = publish(
        make_article,
        "The Bank of Tellaria raised its main interest rate to 3.25% on Monday. Tellaria's"
        " economy grew 2% last year.",
        outlet="Tellaria Herald",
        published=date(2026, 6, 1),
    )
    second = publish(
        make_article,
        "Tellaria's central bank moved on Monday. The BOT raised its main interest rate to"
        " 3.5%, said the Bank of Tellaria's governor.",
        outlet="Coast Ledger",
        published=date(2026, 6, 1),
    )
    named, short = claim(first, "3.25%"), claim(second, "3.5%")
    assert named.subject_key.split("|")[0] == short.subject_key.split("|")[0] == "bot"
    assert named.fact == short.fact
    assert named.fact.agreement == Fact.Agreement.DISPUTED


def test_an_organisation_reporting_a_figure_is_its_source_not_its_subject():
    text = (
        "The Harwick Bridge fell on Monday. The Northern Freight Association (NFA) said the"
        " closure hurt trade. To gauge the impact of the closure, the Northern Freight"
        " Association revealed that about 3,100 trucks a day crossed the Harwick Bridge."
    )
    sentence = text.index("To gauge")
    found = read_figure(
        text,
        "3,100 trucks",
        kind="count",
        unit="trucks",
        sentence_start=sentence,
        title="Harwick Bridge closure hits the Harwick Bridge's traders",
    )

    assert found.entity_key == about.entity_key("Harwick Bridge")


@pytest.mark.parametrize(
    "committee", ["MPC", "Monetary Policy Committee", "Governing Council", "FOMC"]
)
def test_a_central_bank_s_rate_setting_committee_is_the_bank(committee):
    # "The MPC said risks to the 2% target have eased": the bank's target, whichever body of
    # it an outlet names.
    text = (
        f"The Bank of Varda held Bank Rate at 3.5% on Thursday. The {committee} said risks"
        " around reaching the 2% target were now balanced."
    )
    context = about.ArticleContext(text)
    assert context.key(committee) == context.key("Bank of Varda")


def test_a_committee_of_an_article_naming_two_central_banks_stays_its_own():
    text = (
        "The Bank of Varda and the Reserve Bank of Tellaria both held rates. The MPC said risks"
        " around reaching the 2% target were now balanced."
    )
    context = about.ArticleContext(text)
    banks = (context.key("Bank of Varda"), context.key("Reserve Bank of Tellaria"))
    assert context.key("MPC") not in banks
