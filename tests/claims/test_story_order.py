"""An article finds its story whatever order the story's articles arrive in."""

from __future__ import annotations

from datetime import date

from tests.claims.stories import publish

STORM = {
    "wire": (
        "Storm Petra hit the coast on Tuesday. Storm Petra flooded Kessick overnight, and the"
        " storm left 9,000 homes without power.",
        date(2025, 9, 16),
    ),
    "county": (
        "Lanark County counted the damage on Wednesday. Storm Petra tore roofs off 40 homes in"
        " Lanark County, and Lanark County Sheriff Ann Doyle said the Route 9 bridge was shut.",
        date(2025, 9, 17),
    ),
}


def test_an_article_leading_with_a_local_name_joins_the_story_it_names(make_article):
    wire = publish(make_article, STORM["wire"][0], outlet="Wire", published=STORM["wire"][1])
    county = publish(
        make_article, STORM["county"][0], outlet="County Paper", published=STORM["county"][1]
    )

    wire.refresh_from_db(), county.refresh_from_db()
    assert county.story_id == wire.story_id
