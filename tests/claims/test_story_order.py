"""An article finds its story whatever order the story's articles arrive in."""

from __future__ import annotations

from datetime import date

import pytest

from tests.claims.stories import claim, publish

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


FLOOD = {
    "wire": (
        "The Orrin Dam failed on Tuesday above Kessick. Water from the Orrin Dam cut power to"
        " 9,000 homes in Kessick, and the Orrin Dam operator said 2,350 mill jobs were at risk.",
        date(2025, 4, 8),
    ),
    "county": (
        "Crews began repairs at the Orrin Dam on Wednesday. The Orrin Dam operator said the"
        " Kessick valley had 9,000 homes without power.",
        date(2025, 4, 9),
    ),
    # Opens with a politician and names the town once: its figure says which story it tells.
    "minister": (
        "Governor Hal Brenner promised emergency money on Wednesday. Brenner said the 2,350"
        " mill jobs in Kessick would be protected.",
        date(2025, 4, 9),
    ),
}


def _publish_flood(make_article, order):
    articles = {}
    for name in order:
        text, published = FLOOD[name]
        articles[name] = publish(make_article, text, outlet=name, published=published)
    for article in articles.values():
        article.refresh_from_db()
    return articles


@pytest.mark.parametrize("order", [("wire", "county", "minister"), ("minister", "county", "wire")])
def test_an_article_sharing_a_place_and_a_figure_joins_the_story_in_any_order(make_article, order):
    articles = _publish_flood(make_article, order)

    assert len({article.story_id for article in articles.values()}) == 1
    jobs = [
        claim(article, "2,350 mill jobs") for article in (articles["wire"], articles["minister"])
    ]
    assert jobs[0].fact_id == jobs[1].fact_id


def test_a_shared_place_alone_does_not_join_two_stories(make_article):
    wire = publish(make_article, FLOOD["wire"][0], outlet="Wire", published=FLOOD["wire"][1])
    other = publish(
        make_article,
        "Governor Hal Brenner opened a school on Wednesday. Brenner said 310 pupils in Kessick"
        " would start in May.",
        outlet="Gazette",
        published=date(2025, 4, 9),
    )

    wire.refresh_from_db(), other.refresh_from_db()
    assert other.story_id != wire.story_id


def test_an_article_opening_with_a_politician_still_joins_the_story_s_facts(make_article):
    wire = publish(make_article, FLOOD["wire"][0], outlet="Wire", published=FLOOD["wire"][1])
    speech = publish(
        make_article,
        "Governor Hal Brenner promised emergency money on Wednesday. The governor spoke for an"
        " hour to reporters gathered on the steps of the state house, and took questions about"
        " insurance, roads and schools. He thanked the volunteers who had filled sandbags"
        " through the night and the crews who had cleared the highway by morning. Aides said"
        " the money would reach families within weeks. Brenner said the 2,350 mill jobs in"
        " Kessick would be protected.",
        outlet="Capitol Desk",
        published=date(2025, 4, 9),
    )

    wire.refresh_from_db(), speech.refresh_from_db()
    assert speech.story_id == wire.story_id
    assert claim(speech, "2,350 mill jobs").fact_id == claim(wire, "2,350 mill jobs").fact_id


def test_an_article_a_reviewer_split_off_stays_apart_when_its_story_grows(make_article, reviewer):
    from claims import facts

    wire = publish(make_article, FLOOD["wire"][0], outlet="Wire", published=FLOOD["wire"][1])
    minister = publish(
        make_article, FLOOD["minister"][0], outlet="Desk", published=FLOOD["minister"][1]
    )
    minister.refresh_from_db()
    assert minister.story_id == wire.story_id

    apart = facts.move_article_to_story(minister, None, actor=reviewer, note="a speech")
    publish(make_article, FLOOD["county"][0], outlet="County", published=FLOOD["county"][1])

    minister.refresh_from_db(), wire.refresh_from_db()
    assert minister.story_id == apart.pk != wire.story_id


# Two events in one country, a week apart, and an article naming only the country.
COUNTRY = {
    "quake": (
        "An earthquake struck Marrow Bay on Monday. Governor Ilse Varga said the Marrow Bay quake"
        " destroyed 1,240 homes. Hospitals in Kettering treated the injured, and Veloria sent"
        " rescue teams.",
        date(2025, 3, 10),
    ),
    "rescue": (
        "Rescuers dug through the rubble of Marrow Bay on Tuesday. Governor Ilse Varga said 1,240"
        " homes in Marrow Bay were lost. Teams from Kettering and Veloria joined them.",
        date(2025, 3, 11),
    ),
    "bank": (
        "The Tessaly Reserve raised its main rate to 0.5% on Tuesday, its first rise in Veloria"
        " since 2007. The Tessaly Reserve said wages were rising.",
        date(2025, 3, 18),
    ),
    "markets": (
        "The Tessaly Reserve ended eight years of negative rates in Veloria on Tuesday. Traders"
        " cheered the Tessaly Reserve, and shares rose 2%.",
        date(2025, 3, 18),
    ),
    "country": (
        "Veloria ended eight years of negative interest rates on Tuesday. Borrowing costs in"
        " Veloria rose to between zero and 0.1%.",
        date(2025, 3, 18),
    ),
}


def _stories(make_article, order) -> set[frozenset[str]]:
    articles = {}
    for name in order:
        text, published = COUNTRY[name]
        articles[name] = publish(make_article, text, outlet=name, published=published)
    stories: dict[int, set[str]] = {}
    for name, article in articles.items():
        article.refresh_from_db()
        stories.setdefault(article.story_id, set()).add(name)
    return {frozenset(names) for names in stories.values()}


@pytest.mark.parametrize(
    "order",
    [
        ("country", "quake", "rescue", "bank", "markets"),
        ("quake", "country", "rescue", "markets", "bank"),
        ("quake", "rescue", "country", "bank", "markets"),
        ("bank", "quake", "rescue", "markets", "country"),
    ],
)
def test_an_article_naming_only_the_country_joins_the_event_that_leads_with_it_in_any_order(
    make_article, order
):
    assert _stories(make_article, order) == {
        frozenset({"quake", "rescue"}),
        frozenset({"bank", "markets", "country"}),
    }


def test_an_article_fitting_two_stories_alike_does_not_merge_them(make_article):
    publish(
        make_article,
        "Marrow Bay flooded on Monday. Veloria sent 300 soldiers to Marrow Bay.",
        outlet="Wire",
        published=date(2025, 3, 10),
    )
    publish(
        make_article,
        "The Tessaly Reserve raised rates on Monday. Veloria saw the Tessaly Reserve act first.",
        outlet="Desk",
        published=date(2025, 3, 10),
    )
    country = publish(
        make_article,
        "Veloria had a hard week.",
        outlet="Column",
        published=date(2025, 3, 11),
    )

    from articles.models import Story

    country.refresh_from_db()
    assert Story.objects.count() == 2
    assert country.story_id is not None
