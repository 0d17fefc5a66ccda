"""Which story an article belongs to: found from the names, figures and dates articles share.

A story is the unit grouping works in: facts hold mentions of one story, a story's claims are
grouped the same whatever order its articles arrive in, and matching locks one story at a
time, so workers on different stories never wait for each other.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import timedelta
from decimal import Decimal

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
# ... or shares one of them and a distinctive figure (below) with the story's articles ...
# ... published within this many days of the story's articles.
STORY_WINDOW = timedelta(days=21)
# Names and figures kept per story.
MAX_STORY_NAMES = 30
MAX_STORY_FIGURES = 200
# Stories considered per article: the most recent in the window.
CANDIDATE_STORIES = 200
# A figure says which story an article tells when it is no everyday number: a count, an
# amount or a quantity of at least this size ("2,350 jobs", "$4 billion"), not a percent,
# a date or "six".
DISTINCTIVE_FIGURE = Decimal(100)
_FIGURE_KINDS = ("count", "money", "quantity")


def story_names(article: Article, context: ArticleContext | None = None) -> list[str]:
    """The keys of the names the article is about, the one its body leads with first.
    `context`, the article already read (claims.about), saves reading it again."""
    context = context or ArticleContext(article.body, article.title, article.published)
    return list(
        dict.fromkeys(
            [context.lead_name, *context.story_names] if context.lead_name else context.story_names
        )
    )


def assign_story(
    article: Article, figures: Iterable = (), context: ArticleContext | None = None
) -> Story:
    """The article's story: an existing one sharing its main names, or a new one.

    `figures` are the article's extracted figures (anything with `kind` and `number`): one
    the story's articles state too makes a single shared name enough. An outlet that opens
    with a politician and names the place only once still tells the same story when it
    quotes its figures.

    Runs in its own short transaction under one lock, so two articles of a new story
    arriving at once find each other; an article already in a story stays there. The story
    is recorded in the event ending the article's extraction. `context`: as for story_names.
    """
    if article.story_id is not None:
        return article.story
    names = story_names(article, context)
    told = distinctive_figures((f.kind, f.number) for f in figures)
    with transaction.atomic():
        _lock(STORY_ASSIGNMENT_LOCK)
        story = _best_story(names, article, told)
        if story is None:
            story = Story.objects.create(
                title=article.title[:300] or (names[0] if names else "untitled"),
                names=names[:MAX_STORY_NAMES],
                figures=sorted(told)[:MAX_STORY_FIGURES],
                first_published=article.published,
                last_published=article.published,
            )
            note = f"new story {story.pk}: no story shares its names"
        else:
            _widen(story, names, told, article)
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


def distinctive_figures(values: Iterable[tuple[str, Decimal | None]]) -> set[str]:
    """The (kind, number) values that can tell a story: "count|15000", "money|5E+7"."""
    return {
        f"{kind}|{Decimal(number).normalize()}"
        for kind, number in values
        if kind in _FIGURE_KINDS and number is not None and abs(number) >= DISTINCTIVE_FIGURE
    }


def _best_story(
    names: list[str], article: Article, figures: set[str] = frozenset()
) -> Story | None:
    stories = Story.objects.order_by("-id")
    if not names:
        # An article naming nobody joins the latest story that names nobody either.
        return stories.filter(names=[]).first()
    if article.published is not None:
        stories = _near(stories, article.published, article.published)
    best, best_score = None, 0.0
    for story in stories[:CANDIDATE_STORIES]:
        score = _fit(names, figures, story)
        if score is None:
            continue
        if score > best_score or (score == best_score and best and story.pk < best.pk):
            best, best_score = story, score
    return best


def _near(stories, first, last):
    return stories.exclude(last_published__lt=first - STORY_WINDOW).exclude(
        first_published__gt=last + STORY_WINDOW
    )


def _fit(names: list[str], figures: set[str], story: Story) -> float | None:
    """How well names (the leading one first) and figures fit a story; None when they do
    not belong to it."""
    shared = set(names) & set(story.names)
    shared_figures = figures & set(story.figures)
    # Enough names in common, or one leads with a name the other leads with (either way
    # round, so the story found does not depend on which article came first), or a name
    # and a figure in common (as telling as two names).
    leading = names[0] in story.names[:LEADING_NAMES] or (
        bool(story.names) and story.names[0] in names[:LEADING_NAMES]
    )
    if (
        len(shared) < min(MIN_SHARED_NAMES, len(set(names)))
        and not leading
        and not (shared and shared_figures)
    ):
        return None
    # Names the article leads with count more; each shared figure as much as a name.
    score = sum(1.0 / (1 + names.index(name)) for name in shared) + len(shared)
    return score + len(shared_figures)


def related_stories(story: Story) -> list[Story]:
    """The other stories in `story`'s window that would join it now, read as one article
    (their names and figures): an article that fits two stories shows they are one, and
    the stories found must not depend on which article came first."""
    if story.placed_by_reviewer:
        return []
    others = (
        Story.objects.exclude(pk=story.pk)
        .exclude(names=[])
        .exclude(placed_by_reviewer=True)
        .order_by("id")
    )
    if story.first_published is not None and story.last_published is not None:
        others = _near(others, story.first_published, story.last_published)
    if not story.names:
        return []
    return [
        other
        for other in others[:CANDIDATE_STORIES]
        if _fit(other.names, set(other.figures), story) is not None
    ]


def absorb(story: Story, other: Story) -> None:
    """Widen `story` with the names, figures and dates of `other`, whose articles have moved
    into it, and delete `other` once nothing is left in it."""
    before = _widened(story)
    story.names = list(dict.fromkeys([*story.names, *other.names]))[:MAX_STORY_NAMES]
    story.figures = _more_figures(story.figures, other.figures)
    dates = [d for d in (story.first_published, other.first_published) if d is not None]
    story.first_published = min(dates, default=None)
    dates = [d for d in (story.last_published, other.last_published) if d is not None]
    story.last_published = max(dates, default=None)
    if _widened(story) != before:
        story.save(update_fields=_WIDENED)
    if not other.articles.exists() and not other.facts.exists():
        other.delete()


_WIDENED = ["names", "figures", "first_published", "last_published"]


def _widened(story: Story) -> tuple:
    return (list(story.names), list(story.figures), story.first_published, story.last_published)


def _more_figures(kept: list[str], more: Iterable[str]) -> list[str]:
    """The story's figures and new ones after them, up to the bound (new ones sorted, so the
    list does not depend on the order a set gives them)."""
    return [*kept, *sorted(set(more) - set(kept))][:MAX_STORY_FIGURES]


def _widen(story: Story, names: list[str], figures: set[str], article: Article) -> None:
    before = _widened(story)
    story.names = list(dict.fromkeys([*story.names, *names]))[:MAX_STORY_NAMES]
    story.figures = _more_figures(story.figures, figures)
    if article.published is not None:
        if story.first_published is None or article.published < story.first_published:
            story.first_published = article.published
        if story.last_published is None or article.published > story.last_published:
            story.last_published = article.published
    if _widened(story) != before:
        story.save(update_fields=_WIDENED)


def new_story_for(article: Article) -> Story:
    """A story of its own for the article (a reviewer splitting it off)."""
    told = distinctive_figures(article.claims.values_list("kind", "number"))
    return Story.objects.create(
        title=article.title[:300],
        names=story_names(article)[:MAX_STORY_NAMES],
        figures=sorted(told)[:MAX_STORY_FIGURES],
        first_published=article.published,
        last_published=article.published,
    )


def _lock(key: int) -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])
