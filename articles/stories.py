"""Which story an article belongs to: found from the names and dates articles share.

A story is the unit grouping works in: facts hold mentions of one story, a story's claims are
grouped the same whatever order its articles arrive in, and matching locks one story at a
time, so workers on different stories never wait for each other.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.db import connection, transaction

from claims.about import ArticleContext

from .models import Article, Story

logger = logging.getLogger(__name__)

# Any constant: the advisory lock taken while an article looks for its story (milliseconds;
# matching itself takes only its story's lock).
STORY_ASSIGNMENT_LOCK = 0x5707
# An article joins a story sharing at least this many of its main names ...
MIN_SHARED_NAMES = 2
# ... or leads with one of the story's first names ...
LEADING_NAMES = 3
# ... published within this many days of the story's articles.
STORY_WINDOW = timedelta(days=21)
# Names kept per story.
MAX_STORY_NAMES = 30
# Stories considered per article: the most recent in the window.
CANDIDATE_STORIES = 200


def story_names(article: Article, context: ArticleContext | None = None) -> list[str]:
    """The keys of the names the article is about, the one its body leads with first.
    `context`, the article already read (claims.about), saves reading it again."""
    context = context or ArticleContext(article.body, article.title, article.published)
    return list(
        dict.fromkeys(
            [context.lead_name, *context.story_names] if context.lead_name else context.story_names
        )
    )


def assign_story(article: Article, context: ArticleContext | None = None) -> Story:
    """The article's story: an existing one sharing its main names, or a new one.

    Runs in its own short transaction under one lock, so two articles of a new story
    arriving at once find each other; an article already in a story stays there. The story
    is recorded in the event ending the article's extraction. `context`: as for story_names.
    """
    if article.story_id is not None:
        return article.story
    names = story_names(article, context)
    with transaction.atomic():
        _lock(STORY_ASSIGNMENT_LOCK)
        story = _best_story(names, article)
        if story is None:
            story = Story.objects.create(
                title=article.title[:300] or (names[0] if names else "untitled"),
                names=names[:MAX_STORY_NAMES],
                first_published=article.published,
                last_published=article.published,
            )
            note = f"new story {story.pk}: no story shares its names"
        else:
            _widen(story, names, article)
            note = f"joined story {story.pk} ({story.title[:80]})"
        # Conditional: an article a reviewer placed meanwhile stays where it is. The
        # extraction's "done" event names the story (claims.pipeline).
        if not Article.objects.filter(pk=article.pk, story=None).update(story=story):
            transaction.set_rollback(True)
            story = None
        else:
            logger.info("article %s: %s", article.pk, note)
    if story is None:
        story = Story.objects.get(articles=article.pk)
    article.story = story
    return story


def _best_story(names: list[str], article: Article) -> Story | None:
    stories = Story.objects.order_by("-id")
    if not names:
        # An article naming nobody joins the latest story that names nobody either.
        return stories.filter(names=[]).first()
    if article.published is not None:
        stories = stories.exclude(last_published__lt=article.published - STORY_WINDOW).exclude(
            first_published__gt=article.published + STORY_WINDOW
        )
    wanted = set(names)
    best, best_score = None, 0.0
    for story in stories[:CANDIDATE_STORIES]:
        shared = wanted & set(story.names)
        # Enough names in common, or one leads with a name the other leads with (either
        # way round, so the story found does not depend on which article came first).
        leading = names[0] in story.names[:LEADING_NAMES] or (
            bool(story.names) and story.names[0] in names[:LEADING_NAMES]
        )
        if len(shared) < min(MIN_SHARED_NAMES, len(wanted)) and not leading:
            continue
        # Names the article leads with count more.
        score = sum(1.0 / (1 + names.index(name)) for name in shared) + len(shared)
        if score > best_score or (score == best_score and best and story.pk < best.pk):
            best, best_score = story, score
    return best


def _widen(story: Story, names: list[str], article: Article) -> None:
    before = (list(story.names), story.first_published, story.last_published)
    merged = list(dict.fromkeys([*story.names, *names]))[:MAX_STORY_NAMES]
    story.names = merged
    if article.published is not None:
        if story.first_published is None or article.published < story.first_published:
            story.first_published = article.published
        if story.last_published is None or article.published > story.last_published:
            story.last_published = article.published
    if (story.names, story.first_published, story.last_published) != before:
        story.save(update_fields=["names", "first_published", "last_published"])


def new_story_for(article: Article) -> Story:
    """A story of its own for the article (a reviewer splitting it off)."""
    return Story.objects.create(
        title=article.title[:300],
        names=story_names(article)[:MAX_STORY_NAMES],
        first_published=article.published,
        last_published=article.published,
    )


def _lock(key: int) -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])
