"""An earthquake's figures name the quake after the place the story says it struck, not a
region the sentence mentions nor a capitalised word opening a headline. Our own sentences;
invented places."""

from __future__ import annotations

import pytest

from claims import about
from tests.claims.stories import read_in_sentence as read


@pytest.mark.parametrize(
    "lead",
    [
        "A 6.9 magnitude earthquake struck Dorvan's east coast on Monday.",
        "A powerful earthquake with a magnitude of 6.9 struck off the coast of Dorvan on Monday.",
        "Dorvan's strongest earthquake in 30 years shook the island on Monday.",
    ],
)
def test_the_quake_is_named_after_where_it_struck(lead):
    assert about.ArticleContext(lead).quake_place == "Dorvan"


def test_a_weekday_before_the_quake_is_no_place():
    text = "Monday's earthquake struck Dorvan's east coast."

    assert about.ArticleContext(text).quake_place == "Dorvan"


def test_a_quake_s_toll_names_the_quake_not_the_county_of_the_sentence():
    text = (
        "A 6.9 magnitude earthquake struck Dorvan's east coast on Monday. "
        "Officials in Kessa County said the death toll rose to 14."
    )

    found = read(text, "14", kind="count", unit="people")

    assert found.line.startswith("Dorvan earthquake")


def test_a_headline_s_opening_word_does_not_name_the_quake():
    text = (
        "Rescue teams search for survivors\n"
        "A 6.9 magnitude earthquake struck Dorvan's east coast on Monday. "
        "Rescue teams said the death toll rose to 30."
    )

    found = read(text, "30", kind="count", unit="people")

    assert found.line.startswith("Dorvan earthquake")


@pytest.mark.parametrize(
    "text",
    [
        "Rescue teams said 30 people were trapped.",
        "Fire authorities said 30 people were trapped.",
        "Rescue teams search the hills\nThe toll rose to 30.",
    ],
)
def test_a_word_opening_a_sentence_before_a_group_of_people_is_no_name(text):
    assert [n.text for n in about.ArticleContext(text).names] == []
