"""Deal coverage in each outlet's words: company names holding number words, the premium
paid over a share price, when a deal is expected to close. Our own sentences; invented
companies."""

from __future__ import annotations

import pytest

from claims import about
from tests.claims.extraction.helpers import figures
from tests.claims.test_subject_reading import read


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

    assert [f.text for f in figures(text)] == ["0.85 Orrin One shares", "24 races"]


def test_a_title_case_headline_s_verb_is_no_part_of_a_name():
    text = "Orrin One agreed to acquire Vexa Labs. Vexa Labs shareholders will own 30% of it."
    context = about.ArticleContext(text, "Orrin One To Acquire Vexa Labs For $9 Billion")

    assert [n.text for n in context.title_names] == ["Orrin One", "Vexa Labs"]
