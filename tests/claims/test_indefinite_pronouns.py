"""A sentence opening with an indefinite pronoun ("Nobody", "No one", "Everyone") names no
entity: the figure's entity comes from the rest of the sentence or the article. Our own
sentences; invented companies."""

from __future__ import annotations

import pytest

from claims import about
from tests.claims.stories import read_in_sentence as read

STORY = "Corvane Health was hit by a cyberattack on its billing systems last week. "


@pytest.mark.parametrize(
    "opening",
    [
        "Nobody has paid",
        "No one has paid",
        "Everyone says Corvane Health paid",
        "Someone paid",
        "Somebody paid",
        "Everybody agrees Corvane Health paid",
        "Anyone who paid",
    ],
)
def test_an_indefinite_pronoun_opening_a_sentence_is_no_entity(opening):
    text = STORY + f"{opening} the $2 million ransom the hackers demanded."

    found = read(text, "$2 million", kind="money", unit="USD")

    assert found.entity == "Corvane Health"
    assert found.key == f"{about.entity_key('Corvane Health')}|ransom|||"


def test_a_pronoun_opening_the_article_is_not_the_story_s_name():
    text = "Nobody expected the 40 job cuts at Pellow Mills. The cuts leave 310 staff at the plant."

    found = read(text, "40 job", kind="count")

    assert found.entity_key != "nobody"
