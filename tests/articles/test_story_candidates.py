"""The candidate stories an article may join, and those a story may be one with, are read
with SQL compiled once: the same stories, fields and order as the querysets they stand for."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from articles import stories
from articles.models import Story

WINDOW = stories.STORY_WINDOW


def _rows(found: list[Story]) -> list[tuple]:
    return [
        (s.pk, s.title, s.names, s.name_weights, s.figures, s.placed_by_reviewer)
        + (s.first_published, s.last_published, s.created_at)
        for s in found
    ]


@pytest.fixture
def some_stories(db) -> list[Story]:
    made = []
    for index, (names, published, placed) in enumerate(
        [
            (["brellport", "quinta"], date(2025, 3, 1), False),
            ([], date(2025, 3, 2), False),
            (["brellport"], date(2025, 1, 2), False),
            (["vossmark"], None, False),
            (["quinta"], date(2025, 3, 20), True),
            (["ardley", "quinta"], date(2025, 6, 9), False),
        ]
    ):
        made.append(
            Story.objects.create(
                title=f"story {index}",
                names=names,
                name_weights={name: 1.0 for name in names},
                figures=[f"count|{100 + index}"],
                first_published=published,
                last_published=published and published + timedelta(days=2),
                placed_by_reviewer=placed,
                name_forms={"Brellport": "brellport"},
            )
        )
    return made


def test_the_latest_stories_are_those_of_the_queryset(some_stories):
    latest = Story.objects.defer("name_forms").order_by("-id")
    assert _rows(stories._LATEST_STORIES.run()) == _rows(list(latest))
    for day in (date(2025, 3, 5), date(2025, 1, 1), date(2024, 6, 1)):
        near = stories._near(latest, day, day)
        found = stories._LATEST_STORIES_NEAR.run(first=day - WINDOW, last=day + WINDOW)
        assert _rows(found) == _rows(list(near))
    # Name forms are read only for the story chosen, as with defer().
    assert all(s.get_deferred_fields() == {"name_forms"} for s in found)


def test_the_other_stories_are_those_of_the_queryset(some_stories):
    for story in some_stories:
        others = (
            Story.objects.defer("name_forms")
            .exclude(pk=story.pk)
            .exclude(names=[])
            .exclude(placed_by_reviewer=True)
            .order_by("id")
        )
        assert _rows(stories._OTHER_STORIES.run(story=story.pk)) == _rows(list(others))
        first, last = date(2025, 2, 20), date(2025, 3, 3)
        near = stories._OTHER_STORIES_NEAR.run(
            story=story.pk, first=first - WINDOW, last=last + WINDOW
        )
        assert _rows(near) == _rows(list(stories._near(others, first, last)))
        assert near  # the window holds some of them


def test_every_value_of_a_call_must_be_one_the_query_takes(some_stories):
    with pytest.raises(ValueError, match="are not the values"):
        stories._OTHER_STORIES.run(story=1, first=date(2025, 1, 1))


def test_on_postgresql_only_the_stories_naming_one_of_the_names_are_read(some_stories):
    from django.db import connection

    latest = list(Story.objects.defer("name_forms").order_by("-id"))
    naming = [s for s in latest if {"quinta", "ardley"} & set(s.names)]
    found = stories._LATEST_STORIES.run(naming=["quinta", "ardley"])
    # Other databases read them all: the names are compared in Python anyway.
    expected = naming if connection.vendor == "postgresql" else latest
    assert _rows(found) == _rows(expected)
    others = stories._OTHER_STORIES.run(story=some_stories[0].pk, naming=["brellport"])
    if connection.vendor == "postgresql":
        assert [s.pk for s in others] == [some_stories[2].pk]
