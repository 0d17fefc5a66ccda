"""Matching locks one story: two worker processes on two stories never wait for each other."""

from __future__ import annotations

from datetime import date

import psycopg
import pytest
from django.db import OperationalError, connection

from articles.models import Article
from articles.stories import assign_story
from claims.facts import MATCHING_LOCK_KEY
from claims.models import Claim
from tests.helpers import WorkerProcess, purge_queue, wait_for

pytestmark = pytest.mark.worker

HELD = (
    "Corvane Shipping said its freighter Ostrava carried 4,700 containers when it struck the"
    " Lenmark pier. Corvane Shipping expects repairs to cost $40 million."
)
FREE = (
    "Pellucid Games will cut 350 jobs at its Arden studio, Pellucid Games said on Monday."
    " Pellucid Games employs 2,100 people."
)


def _status(article: Article) -> str:
    return Article.objects.values_list("status", flat=True).get(pk=article.pk)


def _conninfo() -> str:
    db = connection.settings_dict
    return psycopg.conninfo.make_conninfo(
        dbname=db["NAME"],
        user=db["USER"],
        password=db["PASSWORD"] or None,
        host=db["HOST"] or "127.0.0.1",
        port=db["PORT"] or 5432,
    )


def _waiting_for_story(story_id: int) -> bool:
    """Whether some session waits for the matching lock of this story."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
            " AND classid = %s AND objid = %s AND objsubid = 2",
            [MATCHING_LOCK_KEY, story_id],
        )
        return cursor.fetchone()[0] > 0


def test_a_worker_on_one_story_never_waits_for_a_lock_held_on_another(
    transactional_db, make_article
):
    if connection.vendor != "postgresql":
        pytest.skip("the story locks are PostgreSQL advisory locks")
    purge_queue()
    held = make_article(
        title="Ostrava strikes Lenmark pier", original=HELD, published=date(2024, 3, 26)
    )
    free = make_article(
        title="Pellucid Games cuts jobs", original=FREE, published=date(2024, 3, 26)
    )
    assert assign_story(held).pk != assign_story(free).pk

    # Someone (a reviewer's regrouping, another worker) holds the first story's lock.
    with psycopg.connect(_conninfo(), autocommit=True) as holder:
        holder.execute("SELECT pg_advisory_lock(%s, %s)", [MATCHING_LOCK_KEY, held.story_id])
        workers = [WorkerProcess("--prefetch-multiplier", "1").start() for _ in range(2)]
        try:
            wait_for(lambda: _status(free) == Article.Status.DONE)
            wait_for(lambda: _waiting_for_story(held.story_id))

            # The other story's article was grouped while the first story stayed locked.
            assert _status(held) == Article.Status.EXTRACTING
            assert Claim.objects.filter(article=free, fact=None).count() == 0
            assert Claim.objects.filter(article=free).count() >= 2

            holder.execute("SELECT pg_advisory_unlock(%s, %s)", [MATCHING_LOCK_KEY, held.story_id])
            wait_for(lambda: _status(held) == Article.Status.DONE)
            assert Claim.objects.filter(article=held, fact=None).count() == 0
        finally:
            for worker in workers:
                worker.stop()


def test_stories_are_not_merged_while_another_worker_holds_one_of_them(db, make_article):
    if connection.vendor != "postgresql":
        pytest.skip("the story locks are PostgreSQL advisory locks")
    from articles.models import Story
    from claims import facts, pipeline

    article = make_article(title="Corvane freighter", original=HELD, published=date(2024, 3, 26))
    pipeline.propose_claims(article)
    article.refresh_from_db()
    story = article.story
    # A second story telling the same event, as a worker may have just opened it.
    other = Story.objects.create(
        title="Lenmark pier",
        names=story.names[:2],
        first_published=story.first_published,
        last_published=story.last_published,
    )

    with psycopg.connect(_conninfo(), autocommit=True) as holder:
        holder.execute("SELECT pg_advisory_lock(%s, %s)", [MATCHING_LOCK_KEY, other.pk])
        # Skipped rather than waited for: that worker may be waiting for this story's lock.
        assert facts.merge_related_stories(story) == []
        holder.execute("SELECT pg_advisory_unlock(%s, %s)", [MATCHING_LOCK_KEY, other.pk])

    other_id = other.pk
    assert [merged.title for merged in facts.merge_related_stories(story)] == ["Lenmark pier"]
    assert not Story.objects.filter(pk=other_id).exists()


def test_a_small_story_joins_a_larger_related_one_rather_than_absorbing_it(db, make_article):
    from articles.models import Story
    from claims import facts, pipeline

    article = make_article(title="Corvane freighter", original=HELD, published=date(2024, 3, 26))
    pipeline.propose_claims(article)
    article.refresh_from_db()
    story = article.story
    larger = Story.objects.create(
        title="Lenmark pier",
        names=story.names[:2],
        first_published=story.first_published,
        last_published=story.last_published,
    )
    _place(make_article, larger, count=2)

    story_id = story.pk
    assert facts.merge_related_stories(story) == [story]
    article.refresh_from_db()
    assert article.story == larger
    assert not Story.objects.filter(pk=story_id).exists()
    assert (
        article.events.order_by("id")
        .last()
        .note.startswith(f"moved from story {story_id} to story {larger.pk}")
    )


def test_two_large_related_stories_stay_apart_until_a_reviewer_moves_articles(
    db, make_article, monkeypatch
):
    from articles.models import Story
    from claims import facts, pipeline

    monkeypatch.setattr(facts, "MERGE_LIMIT", 1)
    article = make_article(title="Corvane freighter", original=HELD, published=date(2024, 3, 26))
    pipeline.propose_claims(article)
    article.refresh_from_db()
    story = article.story
    _place(make_article, story, count=1)
    other = Story.objects.create(
        title="Lenmark pier",
        names=story.names[:2],
        first_published=story.first_published,
        last_published=story.last_published,
    )
    _place(make_article, other, count=2)

    assert facts.merge_related_stories(story) == []
    assert Story.objects.filter(pk__in=[story.pk, other.pk]).count() == 2


def _place(make_article, story, *, count: int) -> None:
    """`count` more articles in `story`, as earlier articles of it."""
    for number in range(count):
        text = f"Pier note {number} of story {story.pk}."
        article = make_article(title=text, original=text)
        Article.objects.filter(pk=article.pk).update(story=story)


def test_no_article_can_be_placed_in_a_story_while_it_is_merged_away(transactional_db):
    if connection.vendor != "postgresql":
        pytest.skip("the story locks are PostgreSQL row locks")
    from django.db import transaction

    from articles.models import Story
    from articles.stories import absorb

    kept = Story.objects.create(title="Corvane freighter", names=["corvane", "lenmark"])
    emptied = Story.objects.create(title="Lenmark pier", names=["lenmark", "corvane"])
    emptied_id = emptied.pk

    with transaction.atomic():
        absorb(kept, emptied)

        assert not Story.objects.filter(pk=emptied_id).exists()
        # Until the deletion commits, a worker choosing that story for its article waits: it
        # can neither place an article in the story going away nor miss one placed there now.
        with (
            psycopg.connect(_conninfo(), autocommit=True) as assigner,
            pytest.raises(psycopg.errors.LockNotAvailable),
        ):
            assigner.execute(
                f"SELECT id FROM {Story._meta.db_table} WHERE id = %s FOR UPDATE NOWAIT",
                [emptied_id],
            )


def test_articles_of_two_stories_find_their_stories_at_once(db, make_article):
    if connection.vendor != "postgresql":
        pytest.skip("the story locks are PostgreSQL advisory locks")
    from articles.stories import STORY_NAME_LOCK_KEY, name_lock, story_names

    first = make_article(title="Ostrava strikes Lenmark pier", original=HELD)
    again = make_article(title="Corvane freighter hits pier", original=HELD + " Divers went in.")
    free = make_article(title="Pellucid Games cuts jobs", original=FREE)
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL lock_timeout = '3s'")

    # Another worker is choosing the story of an article naming what `first` names.
    with psycopg.connect(_conninfo(), autocommit=True) as worker:
        for name in story_names(first):
            worker.execute(
                "SELECT pg_advisory_lock(%s, %s)", [STORY_NAME_LOCK_KEY, name_lock(name)]
            )

        assert assign_story(free).title == "Pellucid Games cuts jobs"
        # An article of the same event waits its turn: it may be telling the same story.
        with pytest.raises(OperationalError, match="lock timeout"):
            assign_story(again)
