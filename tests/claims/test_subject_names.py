"""Whom and what a subject line names: the entity as readers know it, and what a date is.
Our own sentences; no database."""

from __future__ import annotations

from collections import Counter

from claims import about
from tests.claims.stories import read_in_sentence as read


def test_an_institution_the_text_also_calls_by_its_acronym_is_shown_by_it():
    text = (
        "The Maritime Safety Authority grounded the ferry fleet on Monday. The MSA said"
        " inspections would take weeks. The Maritime Safety Authority fined the operator $2 million."
    )

    found = read(text, "$2 million", kind="money")

    assert found.line.startswith("MSA")


def test_an_all_capital_word_that_is_not_the_initials_keeps_the_full_name():
    assert about._fullest(Counter({"Orvel Quantum": 2, "LLM": 1})) == "Orvel Quantum"
    assert about._fullest(Counter({"Orvel Quantum": 2, "OQ": 1})) == "OQ"


def test_a_date_the_sentence_names_no_event_for_still_reads_as_a_date():
    text = "Brennick Foods said the new bakery in Halsey would be ready in 2027."

    found = read(text, "2027", kind="date", date_value="2027")
    line = about.subject_line(found, "the new bakery in Halsey would be ready")

    assert line.startswith("Brennick Foods")
    assert line.endswith(" year")


def test_a_date_with_a_day_reads_as_a_date_and_a_named_event_is_not_doubled():
    text = "Brennick Foods was founded on March 3, 1998, in a garage in Halsey."

    found = read(text, "March 3, 1998", kind="date", date_value="1998-03-03")
    line = about.subject_line(found, "was founded")

    assert line.startswith("Brennick Foods founding date")
    assert line.count("date") == 1


def test_a_name_followed_by_its_generic_head_is_shown_with_it():
    text = (
        "Quillfire AI, the Lyon start-up, has raised $80 million. Quillfire was founded"
        " two years ago."
    )

    found = read(text, "$80 million", kind="money")

    assert found.line.startswith("Quillfire AI ")


def test_a_figure_in_a_which_clause_is_about_the_thing_the_clause_hangs_on():
    text = (
        "The Orla probe launched in May on a Skyway 4 rocket, which can lift a 3-tonne payload."
        " Orla will reach Mars next year."
    )

    found = read(text, "3-tonne", kind="quantity", unit="tonnes")

    assert found.line.startswith("Skyway 4")


def test_a_percent_of_something_is_a_share_even_beside_a_move():
    text = "The Harbour Party took 28.5% of the vote, up from 24% in the last election."

    found = read(text, "28.5%", kind="percent", unit="percent")

    assert "vote share" in found.line
    assert found.measure == "vote share"  # the level reached, not the move from 24%


def test_a_bare_move_says_which_way_it_went():
    rose = read("Brennick Foods said it rose 3.1% in the quarter.", "3.1%", kind="percent")
    fell = read("Brennick Foods said it fell 3.1% in the quarter.", "3.1%", kind="percent")

    assert (rose.measure, fell.measure) == ("change", "change")
    assert rose.line == "Brennick Foods growth"
    assert fell.line == "Brennick Foods fall"


def test_shares_that_moved_are_their_price():
    text = "Brennick Foods' shares jumped 12% to 340p after the results."

    moved = read(text, "12%", kind="percent", unit="percent")
    price = read(text, "340p", kind="money")

    assert moved.line == "Brennick Foods share price gain"
    assert price.line.startswith("Brennick Foods share price")


def test_a_share_price_moment_reads_as_a_trading_time():
    text = (
        "Pellow Foods made its market debut on Thursday. Pellow's shares closed at $41.20"
        " on their first day of trading."
    )

    found = read(text, "$41.20", kind="money")

    assert found.line == "Pellow Foods share price at closing on first trading day"
    assert found.reference == "first-day close"  # what grouping compares is unchanged


def test_a_phrase_of_no_nouns_adds_nothing_to_the_entity():
    found = about.About(entity="Brennick Foods", name="Brennick Foods")

    assert about.subject_line(found, "since it was set") == "Brennick Foods"
    assert about.subject_line(found, "joined") == "Brennick Foods: joined"


def test_a_scope_the_line_already_says_is_not_repeated():
    found = about.About(
        entity="Pellow",
        name="Pellow",
        measure="valuation",
        wording="fully diluted valuation",
        scope="fully diluted",
    )

    assert found.line == "Pellow fully diluted valuation"
    assert found.terms == "Pellow valuation (fully diluted)"


def test_a_headline_that_kills_counts_the_dead():
    text = (
        "Landslide kills at least 14 in Varn valley\nA landslide struck the Varn valley on Monday."
    )

    found = read(text, "14", kind="count")

    assert found.measure == "death toll"


def test_a_company_called_by_its_leading_capitals_is_one_entity_shown_in_full():
    text = (
        "ZPX Leisure said on Monday that hackers had stolen customer records. ZPX shut down"
        " its booking systems. ZPX expects the attack to cost more than $40 million."
    )
    context = about.ArticleContext(text)
    found = read(text, "$40 million", kind="money")

    assert context.key("ZPX") == context.key("ZPX Leisure")
    assert found.line.startswith("ZPX Leisure")


def test_a_group_or_holding_company_keeps_that_word_in_its_line():
    text = "Parvan Group said on Tuesday it employs 48,000 people across nine countries."

    found = read(text, "48,000 people", kind="count", unit="people")

    assert found.line.startswith("Parvan Group")
    assert about.display_name("Parvan Holdings Inc.") == "Parvan Holdings"
